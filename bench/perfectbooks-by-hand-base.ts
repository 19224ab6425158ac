/**
 * What the hand-written Perfect Books transform (bench/perfectbooks-by-hand.ts) does around its
 * steps, as the executor does around a plan's: the lookups filled, the first pass over the export
 * (keys, rejected keys, what rows read from other rows), references, tables and lookups with their
 * notes, a step's pass over its rows in batches, and the accounts of every row.
 */
import type { EntityPlan, Plan } from "../compiler/plan/schema.js";
import { readPlanEntity } from "../runtime/execute/source-rows.js";
import type { ColumnType } from "../language/column-types.js";
import { parseCell, type RowValue, type SourceItem, type SourceRow, type ValueFormat } from "../runtime/source/index.js";
import { type WriteRow } from "../runtime/targets/target.js";
import { sourceFormat } from "../runtime/transform/builtin-support.js";
import { recordXmlid } from "../runtime/transform/keys.js";
import {
  BATCH_SIZE,
  type BatchSink,
  type EntityIndex,
  fillLookup,
  firstForm,
  type HandEntityCounts,
  type HandNote,
  type HandReject,
  type HandStepCounts,
  isEmptyText,
  keyForms,
  type LinkedAttachment,
  type LinkedCompany,
  MODELS,
  type Ref,
  rejectedKeyOf,
  type RejectedRow,
  RowNotes,
  RowRejected,
  rowWhy,
  type StepRecord,
  type Text,
} from "./perfectbooks-by-hand-parts.js";

export abstract class ByHandBase {
  protected readonly namespace: string;
  protected readonly entities: Map<string, EntityPlan>;
  protected readonly indexes = new Map<string, EntityIndex>();
  protected readonly records = new Map<string, Map<string, StepRecord>>();
  protected readonly stepCounts = new Map<string, HandStepCounts>();
  protected readonly outcomes = new Map<string, Map<string, "loaded" | "skipped" | "rejected">>();
  protected readonly notes = new Map<string, HandNote>();
  protected readonly rejects: HandReject[] = [];
  protected readonly users = new Map<string, Ref>();
  protected readonly countries = new Map<string, Ref>();
  protected readonly authors = new Map<string, Ref>();
  protected readonly odooModels = new Map<string, Ref>();
  protected readonly companyNames = new Map<string, RowValue>();
  protected readonly noteParentType = new Map<string, RowValue>();
  protected readonly noteParentId = new Map<string, RowValue>();
  protected readonly pipelineWon = new Map<string, RowValue>();
  protected readonly pipelineLost = new Map<string, RowValue>();
  protected readonly contactCompanies = new Map<string, LinkedCompany[]>();
  /** Each ContactCompany row's contact, and where the row is. */
  protected readonly contactCompanyParent = new Map<string, { readonly contact: string; readonly file: string; readonly line: number }>();
  protected readonly attachmentsByParent = new Map<string, LinkedAttachment[]>();
  protected readonly format: ValueFormat;
  protected readonly timeZone: string;
  protected rowsRead = 0;

  constructor(
    protected readonly plan: Plan,
    protected readonly directory: string,
    protected readonly sink: BatchSink,
  ) {
    this.namespace = plan.migration.namespace;
    this.entities = new Map(plan.entities.map((entity) => [entity.name, entity]));
    const expected = ["stage", "company", "contact", "deal", "attachment", "note", "task"];
    const steps = plan.steps.map((step) => step.id);
    if (steps.join(",") !== expected.join(",")) throw new Error(`the hand-written transform is for the steps ${expected.join(", ")}, not ${steps.join(", ")}`);
    const contactFields = plan.steps.find((step) => step.id === "contact")?.operations.map((operation) => operation.field) ?? [];
    if (!contactFields.includes("mobile") || !contactFields.includes("x_other_companies"))
      throw new Error('the hand-written transform is for the Odoo 17.0 plan with secondary_links "text"');
    const options = this.entity("Company").options;
    this.format = sourceFormat(options);
    this.timeZone = options.timezone;
    for (const lookup of plan.lookups) {
      const index =
        lookup.name === "user" ? this.users : lookup.name === "country" ? this.countries : lookup.name === "author" ? this.authors : this.odooModels;
      fillLookup(index, lookup);
    }
  }

  protected entity(name: string): EntityPlan {
    const entity = this.entities.get(name);
    if (entity === undefined) throw new Error(`the plan has no entity ${name}`);
    return entity;
  }

  protected rows(name: string): AsyncIterable<SourceItem> {
    return readPlanEntity(this.entity(name), this.directory).rows;
  }

  // ----------------------------------------------------------------------------------------------
  // accounts

  protected counts(step: string): HandStepCounts {
    let counts = this.stepCounts.get(step);
    if (counts === undefined) {
      counts = { step, loaded: 0, skipped: 0, rejected: 0, deferredWritten: 0 };
      this.stepCounts.set(step, counts);
    }
    return counts;
  }

  protected commitNotes(step: string, field: string, notes: RowNotes): void {
    for (const note of notes.pending) {
      const key = `${step}\u0000${field}\u0000${note.kind}`;
      let entry = this.notes.get(key);
      if (entry === undefined) {
        entry = { step, field, kind: note.kind, count: 0, examples: [] };
        this.notes.set(key, entry);
      }
      entry.count += 1;
      if (entry.examples.length < 5 && !entry.examples.includes(note.detail)) entry.examples.push(note.detail);
    }
    notes.pending = [];
  }

  protected outcome(entity: string, key: string, status: "loaded" | "rejected"): void {
    let outcomes = this.outcomes.get(entity);
    if (outcomes === undefined) {
      outcomes = new Map();
      this.outcomes.set(entity, outcomes);
    }
    outcomes.set(key, status);
  }

  protected stepRecords(step: string): Map<string, StepRecord> {
    let records = this.records.get(step);
    if (records === undefined) {
      records = new Map();
      this.records.set(step, records);
    }
    return records;
  }

  // ----------------------------------------------------------------------------------------------
  // the first pass: keys, and what rows need from other rows

  protected async index(): Promise<void> {
    for (const entity of this.plan.entities) {
      const index: EntityIndex = { entity, keys: new Set(), rejectedKeys: new Map(), rejections: [], duplicates: 0, read: 0 };
      this.indexes.set(entity.name, index);
      for await (const item of this.rows(entity.name)) {
        this.rowsRead += 1;
        index.read += 1;
        if (item.kind === "rejected") {
          index.rejections.push(item);
          const key = rejectedKeyOf(entity, item);
          if (key !== undefined) index.rejectedKeys.set(key, { file: item.file, line: item.line, reason: item.reason });
          continue;
        }
        if (item.kind === "duplicate") {
          index.duplicates += 1;
          continue;
        }
        const row = item;
        index.keys.add(row.key);
        const values = row.values;
        switch (entity.name) {
          case "Company":
            this.companyNames.set(row.key, values["name"] ?? null);
            break;
          case "Note":
            this.noteParentType.set(row.key, values["parent_type"] ?? null);
            this.noteParentId.set(row.key, values["parent_id"] ?? null);
            break;
          case "Pipeline":
            this.pipelineWon.set(row.key, values["won"] ?? null);
            this.pipelineLost.set(row.key, values["lost"] ?? null);
            break;
          case "ContactCompany": {
            const contact = String(values["contact_id"] ?? "").trim();
            this.contactCompanyParent.set(row.key, { contact, file: row.file, line: row.line });
            if (contact === "") break;
            const linked = this.contactCompanies.get(contact) ?? [];
            linked.push({ order: values["is_primary"] ?? null, companyId: values["company_id"] ?? null, role: values["role"] ?? null });
            this.contactCompanies.set(contact, linked);
            break;
          }
          case "Attachment": {
            const parent = String(values["parent_id"] ?? "").trim();
            if (parent === "") break;
            const linked = this.attachmentsByParent.get(parent) ?? [];
            linked.push({ id: values["id"] ?? null, parentType: values["parent_type"] ?? null });
            this.attachmentsByParent.set(parent, linked);
            break;
          }
        }
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // what fields read

  /** `| ref step`: the record another step made from the row with this key, or empty with a note. */
  protected ref(step: string, entity: string, value: RowValue, notes: RowNotes): Ref | null {
    if (isEmptyText(value)) return null;
    const key = String(value).trim();
    const index = this.indexes.get(entity);
    const form = index === undefined ? undefined : firstForm(key, index.keys);
    if (form === undefined) {
      let unreadable: RejectedRow | undefined;
      for (const candidate of keyForms(key)) unreadable ??= index?.rejectedKeys.get(candidate);
      notes.add(
        "dangling-reference",
        unreadable === undefined
          ? `${step} ${JSON.stringify(key)} does not exist in the export`
          : `${step} ${JSON.stringify(key)} was not loaded (${rowWhy(unreadable, unreadable.reason)})`,
      );
      return null;
    }
    const record = this.records.get(step)?.get(form);
    if (record === undefined) {
      notes.add("dangling-reference", `${step} ${JSON.stringify(key)} was not loaded (not loaded in this run)`);
      return null;
    }
    if (!record.loaded) {
      notes.add("dangling-reference", `${step} ${JSON.stringify(key)} was not loaded (${rowWhy(record, record.why ?? "rejected")})`);
      return null;
    }
    return { xmlid: record.xmlid };
  }

  /** `| get(Entity.column)`: undefined (with a note) when no row has the key. */
  protected get<T>(entity: string, map: ReadonlyMap<string, T>, value: RowValue, notes: RowNotes): T | null {
    if (isEmptyText(value)) return null;
    const key = String(value).trim();
    const form = firstForm(key, map);
    if (form === undefined) {
      let rejected: RejectedRow | undefined;
      for (const candidate of keyForms(key)) rejected ??= this.indexes.get(entity)?.rejectedKeys.get(candidate);
      notes.add(
        "dangling-reference",
        rejected === undefined
          ? `no ${entity} row has key ${JSON.stringify(key)}`
          : `the ${entity} row with key ${JSON.stringify(key)} was rejected: ${rejected.reason} (${rejected.file} line ${rejected.line})`,
      );
      return null;
    }
    return map.get(form) ?? null;
  }

  protected table(name: string, table: ReadonlyMap<string, string>, value: RowValue, unmatched: "flag" | "reject", notes: RowNotes): Text {
    if (isEmptyText(value)) return null;
    const key = typeof value === "string" ? value : String(value);
    const found = table.get(key);
    if (found !== undefined) return found;
    if (unmatched === "reject") throw new RowRejected(`${JSON.stringify(key)} is not in table ${name}`);
    notes.add("flagged", `${JSON.stringify(key)} is not in table ${name}; left empty`);
    return null;
  }

  protected user(value: RowValue, notes: RowNotes): Ref | null {
    if (isEmptyText(value)) return null;
    const wanted = String(value).trim();
    const found = this.users.get(wanted.toLowerCase());
    if (found !== undefined) return found;
    const fallback = this.users.get("admin");
    if (fallback === undefined) throw new RowRejected(`no res.users record has email or login ${JSON.stringify(wanted)}, and neither has the fallback "admin"`);
    notes.add("lookup-fallback", `no res.users record has email or login ${JSON.stringify(wanted)}; "admin" was used`);
    return fallback;
  }

  protected flaggedLookup(index: ReadonlyMap<string, Ref>, what: string, value: RowValue, notes: RowNotes): Ref | null {
    if (isEmptyText(value)) return null;
    const wanted = String(value).trim();
    const found = index.get(wanted.toLowerCase());
    if (found !== undefined) return found;
    notes.add("lookup-missing", `no ${what} ${JSON.stringify(wanted)}; left empty`);
    return null;
  }

  /** A value read with the source's format, `on_invalid "flag"`: empty with a note when it cannot be read. */
  protected parsed(type: ColumnType, value: RowValue, notes: RowNotes): string | number | boolean | null {
    if (typeof value !== "string" || value.trim() === "") return null;
    const parsed = parseCell(type, value, this.format);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "invalid") notes.add("flagged", parsed.reason);
    return null;
  }

  protected parsedNumber(type: ColumnType, value: RowValue, notes: RowNotes): number | null {
    const parsed = this.parsed(type, value, notes);
    return typeof parsed === "number" ? parsed : null;
  }

  protected parsedText(type: ColumnType, value: RowValue, notes: RowNotes): Text {
    const parsed = this.parsed(type, value, notes);
    return typeof parsed === "string" ? parsed : null;
  }

  /** The record a note, file or task belongs to: a deal, a company or (otherwise) a contact. */
  protected parentRecord(parentType: RowValue, parentId: RowValue, notes: RowNotes): Ref | null {
    if (parentType === "Deal") return this.ref("deal", "Deal", parentId, notes);
    if (parentType === "Company") return this.ref("company", "Company", parentId, notes);
    return this.ref("contact", "Contact", parentId, notes);
  }

  protected required(field: string, value: unknown, notes: RowNotes): void {
    if (value === null) throw new RowRejected(`${field}: the value is empty, and this field requires one${notes.because()}`);
  }

  // ----------------------------------------------------------------------------------------------
  // steps

  protected async step(
    step: string,
    entity: string,
    fields: readonly string[],
    transform: (row: SourceRow, cells: string[], notes: RowNotes, defaulted: string[]) => Promise<void> | void,
    afterLoad?: (row: SourceRow, xmlid: string) => void,
  ): Promise<void> {
    const counts = this.counts(step);
    const records = this.stepRecords(step);
    let batch: WriteRow[] = [];
    const notes = new RowNotes();
    for await (const item of this.rows(entity)) {
      this.rowsRead += 1;
      if (item.kind !== "row") continue;
      const row = item;
      const cells: string[] = [];
      const defaulted: string[] = [];
      try {
        await transform(row, cells, notes, defaulted);
      } catch (error) {
        if (!(error instanceof RowRejected)) throw error;
        notes.pending = [];
        counts.rejected += 1;
        records.set(row.key, { loaded: false, xmlid: "", why: error.reason, file: row.file, line: row.line });
        this.outcome(entity, row.key, "rejected");
        this.rejects.push({ entity, step, file: row.file, line: row.line, key: row.key, reason: error.reason, cells: row.raw });
        continue;
      }
      const xmlid = recordXmlid(this.namespace, step, row.key);
      batch.push({ key: row.key, xmlid, cells: [xmlid, ...cells], ...(defaulted.length > 0 ? { defaulted } : {}) });
      // A dry run loads every row it is given.
      counts.loaded += 1;
      records.set(row.key, { loaded: true, xmlid });
      this.outcome(entity, row.key, "loaded");
      afterLoad?.(row, xmlid);
      if (batch.length >= BATCH_SIZE) {
        this.sink.write({ step, model: MODELS[step] ?? "", pass: "main", fields, rows: batch });
        batch = [];
      }
    }
    if (batch.length > 0) this.sink.write({ step, model: MODELS[step] ?? "", pass: "main", fields, rows: batch });
  }

  /** Commits a field's notes and adds its cell. */
  protected cell(step: string, field: string, cells: string[], notes: RowNotes, cell: string): void {
    if (notes.pending.length > 0) this.commitNotes(step, field, notes);
    cells.push(cell);
  }

  // ----------------------------------------------------------------------------------------------

  protected entityCounts(): HandEntityCounts[] {
    const result: HandEntityCounts[] = [];
    for (const [name, index] of this.indexes) {
      const counts: HandEntityCounts = { entity: name, read: index.read, duplicates: index.duplicates, loaded: 0, linked: 0, skipped: 0, rejected: 0 };
      for (const rejection of index.rejections) {
        counts.rejected += 1;
        const key = rejectedKeyOf(index.entity, rejection);
        this.rejects.push({
          entity: name,
          file: rejection.file,
          line: rejection.line,
          ...(key === undefined ? {} : { key }),
          reason: rejection.reason,
          cells: rejection.raw,
        });
      }
      const outcomes = this.outcomes.get(name);
      if (outcomes !== undefined) {
        for (const status of outcomes.values()) counts[status] += 1;
      } else if (name === "ContactCompany") {
        const contacts = this.indexes.get("Contact");
        const contactOutcomes = this.outcomes.get("Contact");
        const contactRecords = this.records.get("contact");
        for (const key of index.keys) {
          const { contact, file, line } = this.contactCompanyParent.get(key) ?? { contact: "", file: "", line: 0 };
          const named = `Contact ${JSON.stringify(contact)}`;
          const outcome = contactOutcomes?.get(contact);
          const unreadable = contacts?.keys.has(contact) === true ? undefined : contacts?.rejectedKeys.get(contact);
          if (contacts?.keys.has(contact) !== true && unreadable === undefined) {
            counts.rejected += 1;
            this.rejects.push({ entity: name, file, line, key, reason: `it belongs to ${named}, which does not exist in the export` });
          } else if (unreadable !== undefined || outcome === "rejected") {
            // Refused with its contact: by the reader, or by the contact step.
            const refused = unreadable ?? {
              ...(contactRecords?.get(contact) ?? { file: "", line: 0 }),
              reason: contactRecords?.get(contact)?.why ?? "rejected",
            };
            counts.rejected += 1;
            this.rejects.push({
              entity: name,
              file,
              line,
              key,
              reason: `refused because ${named}, ${refused.file} line ${refused.line}, was refused: ${refused.reason}`,
            });
          } else if (outcome === "skipped") counts.skipped += 1;
          else counts.linked += 1;
        }
      }
      const total = counts.loaded + counts.linked + counts.skipped + counts.rejected + counts.duplicates;
      if (total !== counts.read) throw new Error(`${name}: ${counts.read} records read, but ${total} accounted for`);
      result.push(counts);
    }
    return result;
  }
}

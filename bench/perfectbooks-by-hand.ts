/**
 * The shipped mapping mappings/perfectbooks-to-odoo, written by hand in TypeScript: the baseline
 * of bench/transform.ts. It reads the export with the same reader as the executor (readPlanEntity,
 * the plan's entities: same files, same typed columns, same duplicate rule), parses with the same
 * value functions (parseCell, the trim and html helpers, the attachment reader), and hands the
 * same batches of cells to the same sink as a dry run of the executor; it also keeps the same
 * accounts (every row loaded, skipped or rejected with its reason; values left empty counted per
 * field). What it does not do is interpret a plan: every field is a line of code.
 *
 * The benchmark checks that both produce the same cells, the same rejects and the same counts
 * (`--verify`), so the ratio compares equal work.
 *
 * It is written for the plan the package compiles to for Odoo 17.0 with `secondary_links "text"`
 * (mobile and title on res.partner, other companies as text), and refuses any other.
 */
import type { EntityPlan, LookupPlan, Plan } from "../compiler/plan/schema.js";
import { readPlanEntity } from "../runtime/execute/source-rows.js";
import {
  isKnownTimeZone,
  joinKey,
  parseCell,
  readAttachment,
  type ColumnType,
  type RowRejection,
  type RowValue,
  type SourceItem,
  type SourceRow,
  type ValueFormat,
} from "../runtime/source/index.js";
import { knownTargetRecords, type WriteBatch, type WriteRow } from "../runtime/targets/target.js";
import { baseName } from "../runtime/transform/builtin-files.js";
import { localDayOfDateTime } from "../runtime/transform/builtin-parse.js";
import { sourceFormat } from "../runtime/transform/builtin-support.js";
import { collapseWhitespace, plainTextToHtml } from "../runtime/transform/builtin-text.js";
import { recordXmlid } from "../runtime/transform/keys.js";

/** Where batches go: the same sink a dry run of the executor writes to. */
export interface BatchSink {
  write(batch: WriteBatch): void;
}

export type NoteKind = "flagged" | "table-default" | "lookup-fallback" | "lookup-missing" | "dangling-reference";

export interface HandNote {
  readonly step: string;
  readonly field: string;
  readonly kind: NoteKind;
  count: number;
  readonly examples: string[];
}

export interface HandReject {
  readonly entity: string;
  readonly step?: string;
  readonly file?: string;
  readonly line?: number;
  readonly key?: string;
  readonly reason: string;
  readonly cells?: Readonly<Record<string, string>>;
}

export interface HandStepCounts {
  readonly step: string;
  loaded: number;
  skipped: number;
  rejected: number;
  deferredWritten: number;
}

export interface HandEntityCounts {
  readonly entity: string;
  read: number;
  duplicates: number;
  loaded: number;
  linked: number;
  skipped: number;
  rejected: number;
}

export interface HandResult {
  readonly steps: readonly HandStepCounts[];
  readonly entities: readonly HandEntityCounts[];
  readonly rejects: readonly HandReject[];
  readonly notes: readonly HandNote[];
  /** Rows the reader handed over, every pass counted. */
  readonly rowsRead: number;
}

type Text = string | null;

/** A value of a field before it becomes a cell: text, a number, a boolean, an external ID, a list of them. */
interface Ref {
  readonly xmlid: string;
}

class RowRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const BATCH_SIZE = 500;

// ------------------------------------------------------------------------------------------------
// The mapping's value tables, as a programmer would write them.

const INDUSTRY = new Map<string, string>([
  ["Legal Services", "base.res_partner_industry_M"],
  ["Accountancy", "base.res_partner_industry_M"],
  ["Construction", "base.res_partner_industry_F"],
  ["Retail", "base.res_partner_industry_G"],
  ["Hospitality", "base.res_partner_industry_I"],
  ["IT & Software", "base.res_partner_industry_J"],
  ["Manufacturing", "base.res_partner_industry_C"],
  ["Property", "base.res_partner_industry_L"],
  ["Healthcare", "base.res_partner_industry_Q"],
  ["Education", "base.res_partner_industry_P"],
  ["Financial Services", "base.res_partner_industry_K"],
  ["Transport & Logistics", "base.res_partner_industry_H"],
  ["Charity", "base.res_partner_industry_S"],
  ["Media & Marketing", "base.res_partner_industry_J"],
]);
const PIPELINE_TEAM = new Map([
  ["Sales Pipeline", "sales_team.team_sales_department"],
  ["Conveyancing", "perfectbooks.crm_team_conveyancing"],
]);
const TASK_TYPE = new Map([
  ["Call", "mail.mail_activity_data_call"],
  ["Meeting", "mail.mail_activity_data_meeting"],
  ["Email", "mail.mail_activity_data_email"],
  ["To-do", "mail.mail_activity_data_todo"],
]);
const PARENT_MODEL = new Map([
  ["Contact", "res.partner"],
  ["Company", "res.partner"],
  ["Deal", "crm.lead"],
]);
const PRACTICE_AREA = new Map([
  ["Conveyancing", "conveyancing"],
  ["Family", "family"],
  ["Litigation", "litigation"],
  ["Employment", "employment"],
  ["Probate", "probate"],
  ["Commercial", "commercial"],
  ["Immigration", "immigration"],
]);
const CONTACT_METHOD = new Map([
  ["Email", "email"],
  ["Phone", "phone"],
  ["Post", "post"],
]);
const RATING = new Map([
  ["hot", "hot"],
  ["warm", "warm"],
  ["cold", "cold"],
]);
const LEAD_TYPE = new Map([
  ["Qualified", "opportunity"],
  ["Unqualified", "lead"],
]);
const SALUTATION = new Map([
  ["Mr", "base.res_partner_title_mister"],
  ["Mrs", "base.res_partner_title_madam"],
  ["Ms", "base.res_partner_title_madam"],
  ["Miss", "base.res_partner_title_miss"],
  ["Dr", "base.res_partner_title_doctor"],
]);
const NOTE_SUBTYPE = "mail.mt_note";

const FIELDS = {
  stage: ["id", "name", "sequence", "is_won", "fold", "team_id/id"],
  company: [
    "id",
    "is_company",
    "type",
    "name",
    "website",
    "phone",
    "street",
    "street2",
    "city",
    "zip",
    "country_id/id",
    "industry_id/id",
    "vat",
    "user_id/id",
    "x_original_owner",
    "x_employee_count",
    "x_annual_revenue",
    "x_client_since",
    "x_practice_area",
    "x_retainer_agreed",
  ],
  companyDeferred: ["id", "parent_id/id"],
  contact: [
    "id",
    "name",
    "type",
    "x_own_address",
    "email",
    "phone",
    "function",
    "user_id/id",
    "x_original_owner",
    "x_marketing_opt_in",
    "x_contact_method",
    "mobile",
    "title/id",
    "parent_id/id",
    "x_company_role",
    "street",
    "city",
    "zip",
    "country_id/id",
    "x_other_companies",
  ],
  deal: [
    "id",
    "name",
    "type",
    "expected_revenue",
    "probability",
    "date_deadline",
    "date_closed",
    "stage_id/id",
    "team_id/id",
    "user_id/id",
    "partner_id/id",
    "active",
    "x_deal_score",
    "x_rating",
    "x_stage_entered",
    "x_original_owner",
  ],
  attachment: ["id", "name", "datas", "mimetype", "res_model", "res_id"],
  note: ["id", "model", "res_id", "body", "message_type", "subtype_id/id", "author_id/id", "date", "attachment_ids/id"],
  task: ["id", "res_model_id/id", "res_id", "activity_type_id/id", "summary", "date_deadline", "user_id/id", "active", "date_done"],
} as const;

// ------------------------------------------------------------------------------------------------
// Small pure helpers.

function isEmptyText(value: RowValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

function nonBlank(text: string): Text {
  return text.trim() === "" ? null : text;
}

function text(value: RowValue): Text {
  return typeof value === "string" ? value : null;
}

function trim(value: RowValue): Text {
  return typeof value === "string" && value.trim() !== "" ? nonBlank(collapseWhitespace(value)) : null;
}

function numberCell(value: number | null): string {
  if (value === null) return "";
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function booleanCell(value: RowValue): string {
  return typeof value === "boolean" ? (value ? "1" : "0") : "";
}

function textCell(value: Text): string {
  return value ?? "";
}

function refCell(value: Ref | null): string {
  return value === null ? "" : value.xmlid;
}

/** The key candidates of a reference, as the reader normalises keys (1001 and "1001.0" are the same). */
function keyForms(key: string): string[] {
  const trimmed = key.trim();
  return /^[+-]?\d+(\.0+)?$/.test(trimmed) ? [trimmed, String(Number(trimmed))] : [trimmed];
}

/** The key a row the reader rejected names, from its key cells as read (the reader's way of joining them); undefined when one is blank. */
function rejectedKeyOf(entity: EntityPlan, rejection: RowRejection): string | undefined {
  const parts = entity.key.map((column) => (rejection.raw[column] ?? "").trim());
  return parts.every((part) => part !== "") ? joinKey(parts) : undefined;
}

function firstForm<T>(key: string, map: ReadonlyMap<string, T> | ReadonlySet<string>): string | undefined {
  for (const form of keyForms(key)) if (map.has(form)) return form;
  return undefined;
}

// ------------------------------------------------------------------------------------------------

interface StepRecord {
  readonly loaded: boolean;
  readonly xmlid: string;
  readonly why?: string;
  /** Where a refused row is. */
  readonly file?: string;
  readonly line?: number;
}

/** Where a row the reader rejected is, and why. */
interface RejectedRow {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** A row said by where it is, as a reference to it says why it has no record. */
function rowWhy(row: { readonly file?: string; readonly line?: number }, reason: string): string {
  return row.file === undefined || row.line === undefined
    ? `its row was rejected: ${reason}`
    : `its row, ${row.file} line ${row.line}, was rejected: ${reason}`;
}

interface EntityIndex {
  readonly entity: EntityPlan;
  readonly keys: Set<string>;
  readonly rejectedKeys: Map<string, RejectedRow>;
  readonly rejections: RowRejection[];
  duplicates: number;
  read: number;
}

interface LinkedCompany {
  readonly order: RowValue;
  readonly companyId: RowValue;
  readonly role: RowValue;
}

interface LinkedAttachment {
  readonly id: RowValue;
  readonly parentType: RowValue;
}

/** Collects one row's notes per field, committed when the field's value is kept. */
class RowNotes {
  pending: { kind: NoteKind; detail: string }[] = [];

  add(kind: NoteKind, detail: string): void {
    this.pending.push({ kind, detail });
  }

  /** The notes of a `??` operand a later one replaced: the problem stays, "left empty" goes. */
  supersede(from: number, to: number): void {
    for (let index = from; index < to; index++) {
      const note = this.pending[index];
      if (note === undefined || (note.kind !== "dangling-reference" && note.kind !== "lookup-missing" && note.kind !== "flagged")) continue;
      this.pending[index] = { kind: note.kind, detail: `${note.detail.replace(/; left empty$/, "")}; the value after \`??\` was used` };
    }
  }

  /** Why a required value is empty, from what was noted along the way. */
  because(): string {
    const details = this.pending.filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing").map((note) => note.detail);
    return details.length > 0 ? ` (${details.join("; ")})` : "";
  }
}

class ByHand {
  private readonly namespace: string;
  private readonly entities: Map<string, EntityPlan>;
  private readonly indexes = new Map<string, EntityIndex>();
  private readonly records = new Map<string, Map<string, StepRecord>>();
  private readonly stepCounts = new Map<string, HandStepCounts>();
  private readonly outcomes = new Map<string, Map<string, "loaded" | "skipped" | "rejected">>();
  private readonly notes = new Map<string, HandNote>();
  private readonly rejects: HandReject[] = [];
  private readonly users = new Map<string, Ref>();
  private readonly countries = new Map<string, Ref>();
  private readonly authors = new Map<string, Ref>();
  private readonly odooModels = new Map<string, Ref>();
  private readonly companyNames = new Map<string, RowValue>();
  private readonly noteParentType = new Map<string, RowValue>();
  private readonly noteParentId = new Map<string, RowValue>();
  private readonly pipelineWon = new Map<string, RowValue>();
  private readonly pipelineLost = new Map<string, RowValue>();
  private readonly contactCompanies = new Map<string, LinkedCompany[]>();
  /** Each ContactCompany row's contact, and where the row is. */
  private readonly contactCompanyParent = new Map<string, { readonly contact: string; readonly file: string; readonly line: number }>();
  private readonly attachmentsByParent = new Map<string, LinkedAttachment[]>();
  private readonly format: ValueFormat;
  private readonly timeZone: string;
  private rowsRead = 0;

  constructor(
    private readonly plan: Plan,
    private readonly directory: string,
    private readonly sink: BatchSink,
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

  private entity(name: string): EntityPlan {
    const entity = this.entities.get(name);
    if (entity === undefined) throw new Error(`the plan has no entity ${name}`);
    return entity;
  }

  private rows(name: string): AsyncIterable<SourceItem> {
    return readPlanEntity(this.entity(name), this.directory).rows;
  }

  // ----------------------------------------------------------------------------------------------
  // accounts

  private counts(step: string): HandStepCounts {
    let counts = this.stepCounts.get(step);
    if (counts === undefined) {
      counts = { step, loaded: 0, skipped: 0, rejected: 0, deferredWritten: 0 };
      this.stepCounts.set(step, counts);
    }
    return counts;
  }

  private commitNotes(step: string, field: string, notes: RowNotes): void {
    for (const note of notes.pending) {
      const key = `${step}\u0000${field}\u0000${note.kind}`;
      let entry = this.notes.get(key);
      if (entry === undefined) {
        entry = { step, field, kind: note.kind, count: 0, examples: [] };
        this.notes.set(key, entry);
      }
      entry.count += 1;
      if (entry.examples.length < 5) entry.examples.push(note.detail);
    }
    notes.pending = [];
  }

  private outcome(entity: string, key: string, status: "loaded" | "rejected"): void {
    let outcomes = this.outcomes.get(entity);
    if (outcomes === undefined) {
      outcomes = new Map();
      this.outcomes.set(entity, outcomes);
    }
    outcomes.set(key, status);
  }

  private stepRecords(step: string): Map<string, StepRecord> {
    let records = this.records.get(step);
    if (records === undefined) {
      records = new Map();
      this.records.set(step, records);
    }
    return records;
  }

  // ----------------------------------------------------------------------------------------------
  // the first pass: keys, and what rows need from other rows

  private async index(): Promise<void> {
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
  private ref(step: string, entity: string, value: RowValue, notes: RowNotes): Ref | null {
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
  private get<T>(entity: string, map: ReadonlyMap<string, T>, value: RowValue, notes: RowNotes): T | null {
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

  private table(name: string, table: ReadonlyMap<string, string>, value: RowValue, unmatched: "flag" | "reject", notes: RowNotes): Text {
    if (isEmptyText(value)) return null;
    const key = typeof value === "string" ? value : String(value);
    const found = table.get(key);
    if (found !== undefined) return found;
    if (unmatched === "reject") throw new RowRejected(`${JSON.stringify(key)} is not in table ${name}`);
    notes.add("flagged", `${JSON.stringify(key)} is not in table ${name}; left empty`);
    return null;
  }

  private user(value: RowValue, notes: RowNotes): Ref | null {
    if (isEmptyText(value)) return null;
    const wanted = String(value).trim();
    const found = this.users.get(wanted.toLowerCase());
    if (found !== undefined) return found;
    const fallback = this.users.get("admin");
    if (fallback === undefined) throw new RowRejected(`no res.users record has email or login ${JSON.stringify(wanted)}, and neither has the fallback "admin"`);
    notes.add("lookup-fallback", `no res.users record has email or login ${JSON.stringify(wanted)}; "admin" was used`);
    return fallback;
  }

  private flaggedLookup(index: ReadonlyMap<string, Ref>, what: string, value: RowValue, notes: RowNotes): Ref | null {
    if (isEmptyText(value)) return null;
    const wanted = String(value).trim();
    const found = index.get(wanted.toLowerCase());
    if (found !== undefined) return found;
    notes.add("lookup-missing", `no ${what} ${JSON.stringify(wanted)}; left empty`);
    return null;
  }

  /** A value read with the source's format, `on_invalid "flag"`: empty with a note when it cannot be read. */
  private parsed(type: ColumnType, value: RowValue, notes: RowNotes): string | number | boolean | null {
    if (typeof value !== "string" || value.trim() === "") return null;
    const parsed = parseCell(type, value, this.format);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "invalid") notes.add("flagged", parsed.reason);
    return null;
  }

  private parsedNumber(type: ColumnType, value: RowValue, notes: RowNotes): number | null {
    const parsed = this.parsed(type, value, notes);
    return typeof parsed === "number" ? parsed : null;
  }

  private parsedText(type: ColumnType, value: RowValue, notes: RowNotes): Text {
    const parsed = this.parsed(type, value, notes);
    return typeof parsed === "string" ? parsed : null;
  }

  /** The record a note, file or task belongs to: a deal, a company or (otherwise) a contact. */
  private parentRecord(parentType: RowValue, parentId: RowValue, notes: RowNotes): Ref | null {
    if (parentType === "Deal") return this.ref("deal", "Deal", parentId, notes);
    if (parentType === "Company") return this.ref("company", "Company", parentId, notes);
    return this.ref("contact", "Contact", parentId, notes);
  }

  private required(field: string, value: unknown, notes: RowNotes): void {
    if (value === null) throw new RowRejected(`${field}: the value is empty, and this field requires one${notes.because()}`);
  }

  // ----------------------------------------------------------------------------------------------
  // steps

  private async step(
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
  private cell(step: string, field: string, cells: string[], notes: RowNotes, cell: string): void {
    if (notes.pending.length > 0) this.commitNotes(step, field, notes);
    cells.push(cell);
  }

  private async stages(): Promise<void> {
    await this.step("stage", "Pipeline", FIELDS.stage, (row, cells, notes) => {
      const v = row.values;
      const name = trim(v["stage_name"] ?? null);
      if (name === null) throw new RowRejected("Odoo requires name, but it is empty");
      this.cell("stage", "name", cells, notes, name);
      this.cell("stage", "sequence", cells, notes, numberCell(typeof v["sequence"] === "number" ? v["sequence"] : null));
      this.cell("stage", "is_won", cells, notes, booleanCell(v["won"] ?? null));
      this.cell("stage", "fold", cells, notes, booleanCell(v["folded"] ?? null));
      this.cell("stage", "team_id", cells, notes, textCell(this.table("pipeline_team", PIPELINE_TEAM, v["pipeline"] ?? null, "flag", notes)));
    });
  }

  private async companies(): Promise<{ key: string; xmlid: string; parent: RowValue }[]> {
    const loaded: { key: string; xmlid: string; parent: RowValue }[] = [];
    const s = "company";
    await this.step(
      s,
      "Company",
      FIELDS.company,
      (row, cells, notes) => {
        const v = row.values;
        this.cell(s, "is_company", cells, notes, "1");
        this.cell(s, "type", cells, notes, isEmptyText(v["parent_id"] ?? null) ? "contact" : "other");
        this.cell(s, "name", cells, notes, textCell(trim(v["name"] ?? null)));
        this.cell(s, "website", cells, notes, textCell(this.parsedText("url", v["domain"] ?? null, notes)));
        this.cell(s, "phone", cells, notes, textCell(trim(v["phone"] ?? null)));
        this.cell(s, "street", cells, notes, textCell(trim(v["address_1"] ?? null)));
        this.cell(s, "street2", cells, notes, textCell(trim(v["address_2"] ?? null)));
        this.cell(s, "city", cells, notes, textCell(trim(v["city"] ?? null)));
        this.cell(s, "zip", cells, notes, textCell(trim(v["postcode"] ?? null)));
        this.cell(s, "country_id", cells, notes, refCell(this.flaggedLookup(this.countries, "res.country record has name", v["country"] ?? null, notes)));
        this.cell(s, "industry_id", cells, notes, textCell(this.table("industry", INDUSTRY, v["industry"] ?? null, "flag", notes)));
        this.cell(s, "vat", cells, notes, textCell(trim(v["vat_number"] ?? null)));
        this.cell(s, "user_id", cells, notes, refCell(this.user(v["owner_email"] ?? null, notes)));
        this.cell(s, "x_original_owner", cells, notes, textCell(text(v["owner_email"] ?? null)));
        this.cell(s, "x_employee_count", cells, notes, numberCell(this.parsedNumber("integer", v["employees"] ?? null, notes)));
        this.cell(s, "x_annual_revenue", cells, notes, numberCell(this.parsedNumber("money", v["annual_revenue"] ?? null, notes)));
        this.cell(s, "x_client_since", cells, notes, textCell(this.parsedText("date", v["client_since"] ?? null, notes)));
        this.cell(s, "x_practice_area", cells, notes, textCell(this.table("practice_area", PRACTICE_AREA, v["practice_area"] ?? null, "flag", notes)));
        this.cell(s, "x_retainer_agreed", cells, notes, booleanCell(v["retainer_agreed"] ?? null));
      },
      (row, xmlid) => loaded.push({ key: row.key, xmlid, parent: row.values["parent_id"] ?? null }),
    );
    return loaded;
  }

  /** Second pass: a company's parent company, once every company has its record. */
  private companyParents(loaded: readonly { key: string; xmlid: string; parent: RowValue }[]): void {
    const counts = this.counts("company");
    const notes = new RowNotes();
    let batch: WriteRow[] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      this.sink.write({ step: "company", model: "res.partner", pass: "deferred", fields: FIELDS.companyDeferred, rows: batch });
      counts.deferredWritten += batch.length;
      batch = [];
    };
    for (const company of loaded) {
      const parent = refCell(this.ref("company", "Company", company.parent, notes));
      this.commitNotes("company", "parent_id", notes);
      if (parent === "") continue;
      batch.push({ key: company.key, xmlid: company.xmlid, cells: [company.xmlid, parent] });
      if (batch.length >= BATCH_SIZE) flush();
    }
    flush();
  }

  private async contacts(): Promise<void> {
    const s = "contact";
    await this.step(s, "Contact", FIELDS.contact, (row, cells, notes) => {
      const v = row.values;
      const first = v["first_name"] ?? null;
      const last = v["last_name"] ?? null;
      const name = trim(`${first === null ? "" : String(first)} ${last === null ? "" : String(last)}`);
      if (name === null) throw new RowRejected("name: the value is empty, and this field requires one");
      this.cell(s, "name", cells, notes, name);
      this.cell(s, "type", cells, notes, "contact");
      const address = [v["address_1"] ?? null, v["postcode"] ?? null, v["city"] ?? null].filter((part) => !isEmptyText(part)).map(String);
      this.cell(s, "x_own_address", cells, notes, textCell(nonBlank(address.join(", "))));
      this.cell(s, "email", cells, notes, textCell(this.parsedText("email", trim(v["email"] ?? null), notes)));
      this.cell(s, "phone", cells, notes, textCell(trim(v["phone"] ?? null)));
      this.cell(s, "function", cells, notes, textCell(trim(v["job_title"] ?? null)));
      this.cell(s, "user_id", cells, notes, refCell(this.user(v["owner_email"] ?? null, notes)));
      this.cell(s, "x_original_owner", cells, notes, textCell(text(v["owner_email"] ?? null)));
      this.cell(s, "x_marketing_opt_in", cells, notes, booleanCell(v["marketing_opt_in"] ?? null));
      this.cell(s, "x_contact_method", cells, notes, textCell(this.table("contact_method", CONTACT_METHOD, v["contact_method"] ?? null, "flag", notes)));
      this.cell(s, "mobile", cells, notes, textCell(trim(v["mobile"] ?? null)));
      this.cell(s, "title", cells, notes, textCell(this.table("salutation", SALUTATION, v["salutation"] ?? null, "flag", notes)));
      // The primary company first; among equals, the export's order.
      const links = [...(this.contactCompanies.get(row.key) ?? [])].sort((left, right) => -orderValues(left.order, right.order));
      const primary = links[0]?.companyId ?? null;
      this.cell(s, "parent_id", cells, notes, refCell(this.ref("company", "Company", primary, notes)));
      const role = links[0]?.role ?? null;
      this.cell(s, "x_company_role", cells, notes, role === null ? "" : String(role));
      // The person's own address only when no company's record is its parent (Odoo copies the company's in); each field asks again.
      const ownAddress = (cell: () => string): string => (this.ref("company", "Company", primary, notes) === null ? cell() : "");
      this.cell(
        s,
        "street",
        cells,
        notes,
        ownAddress(() => textCell(trim(v["address_1"] ?? null))),
      );
      this.cell(
        s,
        "city",
        cells,
        notes,
        ownAddress(() => textCell(trim(v["city"] ?? null))),
      );
      this.cell(
        s,
        "zip",
        cells,
        notes,
        ownAddress(() => textCell(trim(v["postcode"] ?? null))),
      );
      this.cell(
        s,
        "country_id",
        cells,
        notes,
        ownAddress(() => refCell(this.flaggedLookup(this.countries, "res.country record has name", v["country"] ?? null, notes))),
      );
      const others: string[] = [];
      for (const link of links.slice(1)) {
        const name = this.get("Company", this.companyNames, link.companyId, notes);
        if (name !== null && !isEmptyText(name)) others.push(String(name));
      }
      this.cell(s, "x_other_companies", cells, notes, textCell(nonBlank(others.join("; "))));
    });
  }

  private async deals(): Promise<void> {
    const s = "deal";
    await this.step(s, "Deal", FIELDS.deal, (row, cells, notes, defaulted) => {
      const v = row.values;
      const name = trim(v["name"] ?? null);
      if (name === null) throw new RowRejected("Odoo requires name, but it is empty");
      this.cell(s, "name", cells, notes, name);
      const type = this.table("lead_type", LEAD_TYPE, v["qualification"] ?? null, "flag", notes);
      if (type === null) defaulted.push("type");
      this.cell(s, "type", cells, notes, textCell(type));
      this.cell(s, "expected_revenue", cells, notes, numberCell(this.parsedNumber("money", v["amount"] ?? null, notes)));
      this.cell(s, "probability", cells, notes, numberCell(this.parsedNumber("decimal", v["probability"] ?? null, notes)));
      this.cell(s, "date_deadline", cells, notes, textCell(this.parsedText("date", v["close_date"] ?? null, notes)));
      const stage = v["stage"] ?? null;
      let closed: Text = null;
      if (this.get("Pipeline", this.pipelineWon, stage, notes) === true) {
        const day = this.parsedText("date", v["close_date"] ?? null, notes);
        if (day !== null) {
          const parsed = parseCell("datetime", day, this.format);
          if (parsed.kind === "invalid") throw new RowRejected(`date_closed: ${parsed.reason}`);
          closed = parsed.kind === "value" ? String(parsed.value) : null;
        }
      }
      this.cell(s, "date_closed", cells, notes, textCell(closed));
      this.cell(s, "stage_id", cells, notes, refCell(this.ref("stage", "Pipeline", stage, notes)));
      this.cell(s, "team_id", cells, notes, textCell(this.table("pipeline_team", PIPELINE_TEAM, v["pipeline"] ?? null, "flag", notes)));
      this.cell(s, "user_id", cells, notes, refCell(this.user(v["owner_email"] ?? null, notes)));
      const beforeContact = notes.pending.length;
      let partner = this.ref("contact", "Contact", v["contact_id"] ?? null, notes);
      if (partner === null) {
        const beforeCompany = notes.pending.length;
        partner = this.ref("company", "Company", v["company_id"] ?? null, notes);
        if (partner !== null) notes.supersede(beforeContact, beforeCompany);
      }
      this.cell(s, "partner_id", cells, notes, refCell(partner));
      this.cell(s, "active", cells, notes, this.get("Pipeline", this.pipelineLost, stage, notes) === true ? "0" : "1");
      this.cell(s, "x_deal_score", cells, notes, numberCell(this.parsedNumber("integer", v["deal_score"] ?? null, notes)));
      this.cell(s, "x_rating", cells, notes, textCell(this.table("rating", RATING, v["hot_rating"] ?? null, "flag", notes)));
      this.cell(s, "x_stage_entered", cells, notes, textCell(text(v["stage_entered"] ?? null)));
      this.cell(s, "x_original_owner", cells, notes, textCell(text(v["owner_email"] ?? null)));
    });
  }

  private async attachments(): Promise<void> {
    const s = "attachment";
    await this.step(s, "Attachment", FIELDS.attachment, async (row, cells, notes) => {
      const v = row.values;
      const path = text(v["path"] ?? null);
      const fileName = v["file_name"] ?? null;
      let name: Text = isEmptyText(fileName) ? null : String(fileName);
      if (name === null && path !== null && path.trim() !== "") {
        const base = baseName(path);
        if (base === "") throw new RowRejected(`name: '${path.trim()}' names a folder, not a file`);
        name = nonBlank(base);
      }
      if (name === null) throw new RowRejected("Odoo requires name, but it is empty");
      this.cell(s, "name", cells, notes, name);
      let datas: Text = null;
      let mimetype: Text = null;
      if (path !== null && path.trim() !== "") {
        const read = await readAttachment(this.directory, path.trim());
        if (read.kind === "rejected") throw new RowRejected(`datas: ${read.reason}`);
        datas = read.base64;
        mimetype = read.mimeType;
      }
      this.cell(s, "datas", cells, notes, textCell(datas));
      const contentType = v["content_type"] ?? null;
      this.cell(s, "mimetype", cells, notes, textCell(isEmptyText(contentType) ? mimetype : String(contentType)));
      const parentType = v["parent_type"] ?? null;
      const parentId = v["parent_id"] ?? null;
      const modelOf = parentType === "Note" ? this.get("Note", this.noteParentType, parentId, notes) : parentType;
      let model: Text;
      try {
        model = this.table("parent_model", PARENT_MODEL, modelOf, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`res_model: ${error.reason}`) : error;
      }
      this.cell(s, "res_model", cells, notes, textCell(model));
      let record: Ref | null;
      if (parentType === "Deal") record = this.ref("deal", "Deal", parentId, notes);
      else if (parentType === "Company") record = this.ref("company", "Company", parentId, notes);
      else if (parentType === "Contact") record = this.ref("contact", "Contact", parentId, notes);
      else if (this.get("Note", this.noteParentType, parentId, notes) === "Deal")
        record = this.ref("deal", "Deal", this.get("Note", this.noteParentId, parentId, notes), notes);
      else if (this.get("Note", this.noteParentType, parentId, notes) === "Company")
        record = this.ref("company", "Company", this.get("Note", this.noteParentId, parentId, notes), notes);
      else record = this.ref("contact", "Contact", this.get("Note", this.noteParentId, parentId, notes), notes);
      this.required("res_id", record, notes);
      // A many2one_reference is written as a database id, which a dry run does not know.
      this.cell(s, "res_id", cells, notes, "");
    });
  }

  private async chatter(): Promise<void> {
    const s = "note";
    await this.step(s, "Note", FIELDS.note, (row, cells, notes) => {
      const v = row.values;
      const parentType = v["parent_type"] ?? null;
      let model: Text;
      try {
        model = this.table("parent_model", PARENT_MODEL, parentType, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`model: ${error.reason}`) : error;
      }
      this.cell(s, "model", cells, notes, textCell(model));
      this.required("res_id", this.parentRecord(parentType, v["parent_id"] ?? null, notes), notes);
      this.cell(s, "res_id", cells, notes, "");
      const body = v["body"] ?? null;
      this.cell(s, "body", cells, notes, typeof body === "string" && body.trim() !== "" ? textCell(nonBlank(plainTextToHtml(body))) : "");
      this.cell(s, "message_type", cells, notes, "comment");
      this.cell(s, "subtype_id", cells, notes, NOTE_SUBTYPE);
      this.cell(s, "author_id", cells, notes, refCell(this.flaggedLookup(this.authors, "res.partner record has email", v["author_email"] ?? null, notes)));
      this.cell(s, "date", cells, notes, textCell(text(v["created"] ?? null)));
      const attachments: string[] = [];
      for (const attachment of this.attachmentsByParent.get(row.key) ?? []) {
        if (attachment.parentType !== "Note") continue;
        const record = this.ref("attachment", "Attachment", attachment.id, notes);
        if (record !== null) attachments.push(record.xmlid);
      }
      this.cell(s, "attachment_ids", cells, notes, attachments.join(","));
    });
  }

  private async tasks(): Promise<void> {
    const s = "task";
    if (!isKnownTimeZone(this.timeZone)) throw new Error(`the source's time zone '${this.timeZone}' is not a known time zone`);
    await this.step(s, "Task", FIELDS.task, (row, cells, notes, defaulted) => {
      const v = row.values;
      const parentType = v["parent_type"] ?? null;
      let model: Text;
      try {
        model = this.table("parent_model", PARENT_MODEL, parentType, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`res_model_id: ${error.reason}`) : error;
      }
      const modelRecord = model === null ? null : this.odooModels.get(model.trim().toLowerCase());
      if (model !== null && modelRecord === undefined) throw new RowRejected(`res_model_id: no ir.model record has model ${JSON.stringify(model.trim())}`);
      if (modelRecord === null || modelRecord === undefined) throw new RowRejected("Odoo requires res_model_id, but it is empty");
      this.cell(s, "res_model_id", cells, notes, modelRecord.xmlid);
      this.required("res_id", this.parentRecord(parentType, v["parent_id"] ?? null, notes), notes);
      this.cell(s, "res_id", cells, notes, "");
      let activityType: Text;
      try {
        activityType = this.table("task_type", TASK_TYPE, v["kind"] ?? null, "reject", notes);
      } catch (error) {
        throw error instanceof RowRejected ? new RowRejected(`activity_type_id: ${error.reason}`) : error;
      }
      this.cell(s, "activity_type_id", cells, notes, textCell(activityType));
      this.cell(s, "summary", cells, notes, textCell(trim(v["subject"] ?? null)));
      const due = text(v["due"] ?? null);
      if (due === null) defaulted.push("date_deadline");
      this.cell(s, "date_deadline", cells, notes, textCell(due));
      const user = this.user(v["owner_email"] ?? null, notes);
      if (user === null) defaulted.push("user_id/id");
      this.cell(s, "user_id", cells, notes, refCell(user));
      this.cell(s, "active", cells, notes, v["status"] === "Done" ? "0" : "1");
      const completed = text(v["completed_at"] ?? null);
      let done: Text = null;
      if (completed !== null && completed.trim() !== "") {
        const day = localDayOfDateTime(completed, this.timeZone);
        if (day === undefined)
          throw new RowRejected(
            `date_done: \`date\` takes a datetime, but was given '${completed}'; the plan does not match the data (compile the mapping again)`,
          );
        done = day;
      }
      this.cell(s, "date_done", cells, notes, textCell(done));
    });
  }

  // ----------------------------------------------------------------------------------------------

  private entityCounts(): HandEntityCounts[] {
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
          } else if (unreadable !== undefined) {
            counts.rejected += 1;
            this.rejects.push({
              entity: name,
              file,
              line,
              key,
              reason: `refused because ${named}, ${unreadable.file} line ${unreadable.line}, was refused: ${unreadable.reason}`,
            });
          } else if (outcome === "rejected") {
            const refused = contactRecords?.get(contact);
            counts.rejected += 1;
            this.rejects.push({
              entity: name,
              file,
              line,
              key,
              reason: `refused because ${named}, ${refused?.file ?? ""} line ${refused?.line ?? 0}, was refused: ${refused?.why ?? "rejected"}`,
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

  async run(): Promise<HandResult> {
    await this.index();
    await this.stages();
    const companies = await this.companies();
    await this.contacts();
    await this.deals();
    await this.attachments();
    await this.chatter();
    await this.tasks();
    this.companyParents(companies);
    const entities = this.entityCounts();
    return { steps: [...this.stepCounts.values()], entities, rejects: this.rejects, notes: [...this.notes.values()], rowsRead: this.rowsRead };
  }
}

const MODELS: Readonly<Record<string, string>> = {
  stage: "crm.stage",
  company: "res.partner",
  contact: "res.partner",
  deal: "crm.lead",
  attachment: "ir.attachment",
  note: "mail.message",
  task: "mail.activity",
};

function fillLookup(index: Map<string, Ref>, lookup: LookupPlan): void {
  // Without a server, the reference data in the plan is what there is to match (as in a dry run).
  const records = knownTargetRecords(lookup);
  for (const field of lookup.matchFields) {
    for (const record of records) {
      if (!lookup.includeArchived && !record.active) continue;
      const value = record.values[field];
      if (value === undefined || value === null || value === false || record.xmlid === undefined) continue;
      const key = String(value).trim().toLowerCase();
      if (key === "" || index.has(key)) continue;
      index.set(key, { xmlid: record.xmlid });
    }
  }
}

/** The order of `order by`: empty last, false before true, numbers and text in their order. */
function orderValues(left: RowValue, right: RowValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "boolean" && typeof right === "boolean") return left ? 1 : -1;
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

export function runByHand(plan: Plan, sourceDirectory: string, sink: BatchSink): Promise<HandResult> {
  return new ByHand(plan, sourceDirectory, sink).run();
}

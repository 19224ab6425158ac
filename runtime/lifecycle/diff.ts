/**
 * `flitmap diff`: field by field, what the mapping says each migrated record should hold against
 * what Odoo holds.
 *
 * What it should hold is recomputed from the export and the plan by the run's own executor, with
 * a target that writes nothing: lookups and reference records are read from the server (as the run
 * resolved them), and each record's database id is found by its external ID, so references
 * compare as ids. What Odoo holds is read back per model in batches of ids, never one call per
 * record, for every field the package writes. Values Odoo rewrites legitimately are normalised
 * (empty text is false, many2one reads as [id, name], html gets wrapped in <p>, floats are rounded
 * to the cent), so a clean run shows no difference; values Odoo set by its own rules (a contact's
 * address from its company, a due date it filled in) are shown apart (set-by-odoo.ts), never as a
 * difference. Which records count: those the journal says the migration (or `--run`) wrote;
 * without a journal, every record the export makes. Each batch the run would write is compared as
 * soon as it is made, so memory holds one batch at a time.
 */
import type { CustomFieldPlan, LookupPlan, OperationPlan, Plan, RecordPlan, StepPlan } from "../../compiler/plan/schema.js";
import { subexpressions } from "../execute/plan-walk.js";
import { runPlan, type RowSource, type RunReporter } from "../execute/run.js";
import { knownRecords, type Journal } from "../journal/journal.js";
import type { OdooClient, OdooRecord } from "../odoo/index.js";
import { OdooTarget } from "../targets/odoo-target.js";
import type { ExistingRecord, LoadTarget, SetupOutcome, TargetCapabilities, TargetRecord, WriteBatch, WriteResult } from "../targets/target.js";
import type { RecordRef } from "../transform/values.js";
import { Masker } from "./mask.js";
import { OdooDerivations } from "./set-by-odoo.js";

export interface DiffOptions {
  readonly plan: Plan;
  readonly sourceDirectory: string;
  readonly client: OdooClient;
  /** The migration's journal: which records were migrated (and by which run). */
  readonly journal?: Journal;
  /** Only the records this run wrote. */
  readonly run?: string;
  readonly rows?: RowSource;
  readonly reporter?: RunReporter;
  /** Differences listed one by one (all are counted); default 5,000. */
  readonly listLimit?: number;
}

export interface FieldDifference {
  readonly model: string;
  readonly field: string;
  readonly xmlid: string;
  readonly id: number;
  /** What the mapping gives, as text (masked when the field holds personal data). */
  readonly expected: string;
  /** What Odoo holds, as text (masked likewise). */
  readonly actual: string;
}

export interface DiffGroup {
  readonly model: string;
  readonly field: string;
  readonly count: number;
  readonly examples: readonly FieldDifference[];
}

/** Values Odoo set by its own rules where the mapping gave another value or none: not differences. */
export interface SetByOdooGroup extends DiffGroup {
  /** The rule, in words. */
  readonly why: string;
}

export interface DiffReport {
  readonly migration: string;
  readonly target: string;
  readonly run?: string;
  readonly generatedAt: string;
  /** Records compared, per model. */
  readonly records: readonly { readonly model: string; readonly count: number }[];
  /** Field values compared in all. */
  readonly values: number;
  /** Records the journal says were migrated that Odoo no longer has. */
  readonly missing: readonly { readonly model: string; readonly xmlid: string }[];
  readonly groups: readonly DiffGroup[];
  readonly differences: readonly FieldDifference[];
  /** Values Odoo set itself (a contact's address from its company, an invoice's due date), apart from the differences. */
  readonly setByOdoo: readonly SetByOdooGroup[];
  /** Whether `differences` lists them all. */
  readonly complete: boolean;
  /** `model.field` whose values are masked (they come from columns marked personal). */
  readonly masked: readonly string[];
}

/** One batch the run would write, with the database id Odoo has for each record. */
interface ResolvedBatch {
  readonly step: string;
  readonly model: string;
  readonly pass: "main" | "deferred" | "merge";
  readonly rows: readonly { readonly xmlid: string; readonly id: number; readonly cells: ReadonlyMap<string, string> }[];
}

/**
 * A target that writes nothing: it answers each write with the ids Odoo has for the external IDs,
 * and hands the batch, as the run would have written it, to be compared at once (so memory holds
 * one batch, not the migration).
 */
class ExpectationTarget implements LoadTarget {
  readonly mode = "live" as const;
  readonly referenceStyle = "id" as const;
  /** It answers as the Odoo it reads. */
  get capabilities(): TargetCapabilities {
    return this.reader.capabilities;
  }
  readonly absent = new Map<string, string>();
  private readonly reader: OdooTarget;

  constructor(
    private readonly client: OdooClient,
    private readonly compare: (batch: ResolvedBatch) => Promise<void>,
  ) {
    this.reader = new OdooTarget(client);
  }

  describe(): string {
    return this.client.describe();
  }

  lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]> {
    return this.reader.lookupRecords(lookup);
  }

  async ensureCustomFields(fields: readonly CustomFieldPlan[]): Promise<readonly SetupOutcome[]> {
    return fields.map((field) => ({ kind: "custom-field", model: field.model, name: field.name, id: 0, action: "existing" }));
  }

  async ensureRecords(records: readonly RecordPlan[]): Promise<{ outcomes: readonly SetupOutcome[]; refs: ReadonlyMap<string, RecordRef> }> {
    const refs = new Map<string, RecordRef>();
    const outcomes: SetupOutcome[] = [];
    const known = await this.client.externalIds(records.map((record) => record.xmlid));
    for (const record of records) {
      let id = known.get(record.xmlid)?.resId;
      if (id === undefined && record.match !== undefined)
        [id] = await this.client.search(record.model, [[record.match.field, "=", record.match.value]], { limit: 1 });
      refs.set(record.xmlid, { kind: "record", model: record.model, xmlid: record.xmlid, ...(id === undefined ? {} : { id }), label: record.name });
      outcomes.push({ kind: "record", model: record.model, name: record.name, xmlid: record.xmlid, id: id ?? 0, action: "existing" });
    }
    return { outcomes, refs };
  }

  async existing(): Promise<ReadonlyMap<string, ExistingRecord>> {
    return new Map();
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    const found = await this.client.externalIds(batch.rows.map((row) => row.xmlid));
    const loaded: { key: string; id: number }[] = [];
    const rejected: { key: string; message: string }[] = [];
    const rows: ResolvedBatch["rows"][number][] = [];
    for (const row of batch.rows) {
      const where = found.get(row.xmlid);
      if (where === undefined || where.model !== batch.model) {
        this.absent.set(row.xmlid, batch.model);
        rejected.push({ key: row.key, message: `${row.xmlid} is not in Odoo` });
        continue;
      }
      loaded.push({ key: row.key, id: where.resId });
      const defaulted = new Set(row.defaulted ?? []);
      const cells = new Map<string, string>();
      batch.fields.forEach((column, index) => {
        if (index > 0 && !defaulted.has(column)) cells.set(column, row.cells[index] ?? "");
      });
      rows.push({ xmlid: row.xmlid, id: where.resId, cells });
    }
    if (rows.length > 0) await this.compare({ step: batch.step, model: batch.model, pass: batch.pass, rows });
    return { loaded, rejected };
  }

  async close(): Promise<void> {
    // The client belongs to the caller.
  }
}

/** How a field is compared: Odoo's type, and whether its values come from personal columns. */
interface FieldRule {
  readonly type: string;
  readonly personal: boolean;
}

function fieldRules(plan: Plan, masker: Masker): Map<string, FieldRule> {
  const rules = new Map<string, FieldRule>();
  const personal = (step: StepPlan, operation: OperationPlan): boolean => {
    for (const part of subexpressions(operation.value)) {
      if (part.op === "column" && masker.isPersonal(step.entity, part.column)) return true;
      if (part.op === "group-column" && masker.isPersonal(step.entity, `${part.group}.${part.column}`)) return true;
      if ((part.op === "linked" || part.op === "get") && masker.isPersonal(part.entity, part.column)) return true;
    }
    return false;
  };
  for (const step of plan.steps) {
    for (const operation of [...step.operations, ...step.deferred]) {
      const key = `${step.model}\u0000${operation.field}`;
      const previous = rules.get(key);
      rules.set(key, { type: operation.fieldType, personal: (previous?.personal ?? false) || personal(step, operation) });
    }
    if (step.parent !== undefined) rules.set(`${step.model}\u0000${step.parent.inverse}`, { type: "many2one", personal: false });
  }
  return rules;
}

function plainField(column: string): string {
  return column.replace(/\/\.?id$/, "");
}

/** Odoo wraps text in a paragraph and writes <br> its own way: compare what a reader sees. */
function normaliseHtml(text: string): string {
  let html = text
    .replace(/<br\s*\/?>/gi, "<br>")
    .replace(/\s+/g, " ")
    .trim();
  while (/^<p>(?:(?!<p>).)*<\/p>$/s.test(html)) html = html.slice(3, -4).trim();
  return html;
}

function numberOf(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return 0;
}

function idsOf(value: unknown): number[] {
  if (typeof value === "string")
    return value
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map(Number)
      .sort((left, right) => left - right);
  if (Array.isArray(value)) return value.filter((item): item is number => typeof item === "number").sort((left, right) => left - right);
  return [];
}

/** The two sides as comparable values, and as text for people. */
function compare(type: string, cell: string, actual: unknown): { equal: boolean; expected: string; actual: string } {
  switch (type) {
    case "many2one":
    case "many2one_reference": {
      const expectedId = cell === "" ? 0 : Number(cell);
      const actualId = Array.isArray(actual) ? numberOf(actual[0]) : numberOf(actual);
      const name = Array.isArray(actual) && typeof actual[1] === "string" ? ` ${actual[1]}` : "";
      return {
        equal: expectedId === actualId,
        expected: expectedId === 0 ? "(empty)" : `#${expectedId}`,
        actual: actualId === 0 ? "(empty)" : `#${actualId}${name}`,
      };
    }
    case "many2many":
    case "one2many": {
      const expected = idsOf(cell);
      const held = idsOf(actual);
      return {
        equal: expected.join(",") === held.join(","),
        expected: expected.length === 0 ? "(none)" : expected.map((id) => `#${id}`).join(", "),
        actual: held.length === 0 ? "(none)" : held.map((id) => `#${id}`).join(", "),
      };
    }
    case "boolean": {
      const expected = cell === "1" || cell.toLowerCase() === "true";
      return { equal: expected === (actual === true), expected: String(expected), actual: String(actual === true) };
    }
    case "integer":
      return { equal: numberOf(cell) === numberOf(actual), expected: String(numberOf(cell)), actual: String(numberOf(actual)) };
    case "float":
    case "monetary": {
      // Odoo keeps money and most quantities to the cent.
      const expected = numberOf(cell);
      const held = numberOf(actual);
      return {
        equal: Math.abs(expected - held) < 0.005 + 1e-9 * Math.max(Math.abs(expected), Math.abs(held)),
        expected: String(expected),
        actual: String(held),
      };
    }
    case "html": {
      const held = typeof actual === "string" ? actual : "";
      return { equal: normaliseHtml(cell) === normaliseHtml(held), expected: cell, actual: held };
    }
    case "binary": {
      const held = typeof actual === "string" ? actual : "";
      const size = (base64: string): string => (base64 === "" ? "(empty)" : `${Math.floor((base64.replace(/=+$/, "").length * 3) / 4)} bytes`);
      return { equal: cell === held, expected: size(cell), actual: size(held) };
    }
    default: {
      const held = actual === false || actual === null || actual === undefined ? "" : String(actual);
      return { equal: cell === held, expected: cell === "" ? "(empty)" : cell, actual: held === "" ? "(empty)" : held };
    }
  }
}

/** The external IDs in scope: what the journal says the migration, or one run, wrote (undefined: everything). */
function scopeOf(journal: Journal | undefined, run: string | undefined): Set<string> | undefined {
  if (journal === undefined) return undefined;
  if (run === undefined) return new Set(knownRecords(journal.events).keys());
  const written = new Set<string>();
  for (const event of journal.events)
    if (event.type === "batch-end" && event.run === run && event.pass === "main") for (const row of event.rows) written.add(row.xmlid);
  return written;
}

/** Compares batches with what Odoo holds, and keeps the counts, groups and listed differences. */
class Comparison {
  readonly groups = new Map<string, { model: string; field: string; count: number; examples: FieldDifference[] }>();
  readonly setByOdoo = new Map<string, { model: string; field: string; why: string; count: number; examples: FieldDifference[] }>();
  readonly differences: FieldDifference[] = [];
  readonly masked = new Set<string>();
  readonly missing: { model: string; xmlid: string }[] = [];
  /** Records compared, by model (each once, whatever its passes). */
  readonly records = new Map<string, Set<number>>();
  /** For steps with a second pass: the records of the main pass, and those the second pass wrote. */
  readonly mainPass = new Map<string, Map<number, string>>();
  readonly secondPass = new Map<string, Set<number>>();
  /** Records of steps a `merge onto` writes onto: compared once the merges are in, with the merged values. */
  readonly held = new Map<string, { readonly model: string; readonly row: { readonly xmlid: string; readonly id: number; readonly cells: Map<string, string> } }>();
  values = 0;
  total = 0;

  private readonly derivations: OdooDerivations;

  constructor(
    private readonly client: OdooClient,
    private readonly rules: ReadonlyMap<string, FieldRule>,
    private readonly masker: Masker,
    private readonly limit: number,
    private readonly inScope: (xmlid: string) => boolean,
  ) {
    this.derivations = new OdooDerivations(client);
  }

  async batch(batch: ResolvedBatch, tracksSecondPass: boolean, mergedOnto: boolean): Promise<void> {
    const rows = batch.rows.filter((row) => this.inScope(row.xmlid));
    if (batch.pass === "merge") {
      // What a merge writes is what the record should hold of those fields, whatever its own step said.
      const direct = rows.filter((row) => {
        const held = this.held.get(row.xmlid);
        for (const [column, cell] of held === undefined ? [] : row.cells) held?.row.cells.set(column, cell);
        return held === undefined;
      });
      await this.compare(batch.model, direct);
      return;
    }
    if (tracksSecondPass) {
      const into = batch.pass === "main" ? this.mainPass : undefined;
      for (const row of rows) {
        if (into !== undefined) {
          const ids = into.get(batch.step) ?? new Map<number, string>();
          into.set(batch.step, ids);
          ids.set(row.id, row.xmlid);
        } else {
          const ids = this.secondPass.get(batch.step) ?? new Set<number>();
          this.secondPass.set(batch.step, ids);
          ids.add(row.id);
        }
      }
    }
    if (batch.pass === "main" && mergedOnto) for (const row of rows) this.held.set(row.xmlid, { model: batch.model, row: { ...row, cells: new Map(row.cells) } });
    else await this.compare(batch.model, rows);
  }

  async compare(model: string, rows: readonly { readonly xmlid: string; readonly id: number; readonly cells: ReadonlyMap<string, string> }[]): Promise<void> {
    if (rows.length === 0) return;
    const fields = [...new Set(rows.flatMap((row) => [...row.cells.keys()].map(plainField)))];
    const read = [...fields, ...this.derivations.extraFields(model, fields)];
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const records = await this.client.read(
        model,
        chunk.map((row) => row.id),
        read,
      );
      await this.derivations.prepare(model, fields, records);
      const held = new Map(records.map((record) => [record.id, record]));
      const seen = this.records.get(model) ?? new Set<number>();
      this.records.set(model, seen);
      for (const row of chunk) {
        const record = held.get(row.id);
        if (record === undefined) {
          this.missing.push({ model, xmlid: row.xmlid });
          continue;
        }
        seen.add(row.id);
        for (const [column, cell] of row.cells) this.value(model, row, record, plainField(column), column, cell);
      }
    }
  }

  private value(model: string, row: { readonly xmlid: string; readonly id: number }, record: OdooRecord, field: string, column: string, cell: string): void {
    const rule = this.rules.get(`${model}\u0000${field}`) ?? { type: column.endsWith("/.id") ? "many2one" : "char", personal: false };
    this.values += 1;
    const held = record[field];
    const outcome = compare(rule.type, cell, held);
    if (outcome.equal) return;
    if (rule.personal) this.masked.add(`${model}.${field}`);
    const mask = (text: string): string => (rule.personal && text !== "(empty)" ? this.masker.token(text) : text);
    const difference: FieldDifference = { model, field, xmlid: row.xmlid, id: row.id, expected: mask(outcome.expected), actual: mask(outcome.actual) };
    const key = `${model}\u0000${field}`;
    const why = this.derivations.explain(model, record, field, cell, held);
    if (why !== undefined) {
      const set = this.setByOdoo.get(key) ?? { model, field, why, count: 0, examples: [] };
      set.count += 1;
      if (set.examples.length < 5) set.examples.push(difference);
      this.setByOdoo.set(key, set);
      return;
    }
    this.total += 1;
    const group = this.groups.get(key) ?? { model, field, count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < 5) group.examples.push(difference);
    this.groups.set(key, group);
    if (this.differences.length < this.limit) this.differences.push(difference);
  }
}

function byCountThenName(left: DiffGroup, right: DiffGroup): number {
  return right.count - left.count || (left.model + left.field < right.model + right.field ? -1 : 1);
}

/** A `--run` the journal does not have. */
export class UnknownRunError extends Error {
  constructor(readonly run: string) {
    super(`the journal has no run ${run} (flitmap runs lists them)`);
    this.name = "UnknownRunError";
  }
}

export async function diffMigration(options: DiffOptions): Promise<DiffReport> {
  const { plan, client } = options;
  const masker = new Masker(plan);
  const rules = fieldRules(plan, masker);
  if (options.run !== undefined && options.journal !== undefined && !options.journal.runs().some((run) => run.run === options.run)) {
    throw new UnknownRunError(options.run);
  }
  const scope = scopeOf(options.journal, options.run);
  const inScope = (xmlid: string): boolean => scope === undefined || scope.has(xmlid);
  const comparison = new Comparison(client, rules, masker, options.listLimit ?? 5000, inScope);
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const mergedOnto = new Set(plan.steps.flatMap((step) => step.merge?.into ?? []));
  const target = new ExpectationTarget(client, (batch) => comparison.batch(batch, (steps.get(batch.step)?.deferred.length ?? 0) > 0, mergedOnto.has(batch.step)));
  const result = await runPlan({
    plan,
    sourceDirectory: options.sourceDirectory,
    target,
    ...(options.rows === undefined ? {} : { rows: options.rows }),
    ...(options.reporter === undefined ? {} : { reporter: options.reporter }),
  });
  if (result.status !== "complete") throw new Error(`the mapping could not be recomputed: ${result.message ?? result.status}`);

  const held = new Map<string, { readonly xmlid: string; readonly id: number; readonly cells: ReadonlyMap<string, string> }[]>();
  for (const { model, row } of comparison.held.values()) held.set(model, [...(held.get(model) ?? []), row]);
  for (const [model, rows] of held) await comparison.compare(model, rows);
  // The second pass writes only the records that have a value for it: the others should hold none.
  for (const [stepId, records] of comparison.mainPass) {
    const step = steps.get(stepId);
    if (step === undefined) continue;
    const written = comparison.secondPass.get(stepId) ?? new Set<number>();
    const columns = step.deferred.map((operation) =>
      operation.fieldType === "many2one" || operation.fieldType === "many2many" ? `${operation.field}/.id` : operation.field,
    );
    const empty = new Map(columns.map((column) => [column, ""]));
    const rows = [...records].filter(([id]) => !written.has(id)).map(([id, xmlid]) => ({ xmlid, id, cells: empty }));
    await comparison.compare(step.model, rows);
  }
  for (const [xmlid, model] of target.absent) if (inScope(xmlid)) comparison.missing.push({ model, xmlid });
  return {
    migration: plan.migration.name,
    target: client.describe(),
    ...(options.run === undefined ? {} : { run: options.run }),
    generatedAt: new Date().toISOString(),
    records: [...comparison.records].map(([model, ids]) => ({ model, count: ids.size })),
    values: comparison.values,
    missing: comparison.missing,
    groups: [...comparison.groups.values()].sort(byCountThenName),
    setByOdoo: [...comparison.setByOdoo.values()].sort(byCountThenName),
    differences: [...comparison.differences].sort((left, right) =>
      `${left.model}\u0000${left.field}\u0000${left.xmlid}` < `${right.model}\u0000${right.field}\u0000${right.xmlid}` ? -1 : 1,
    ),
    complete: comparison.differences.length === comparison.total,
    masked: [...comparison.masked].sort(),
  };
}

/**
 * `flitmap test`: a package's `test` blocks, run in memory through the same executor as a real
 * run (parsing, transformation, checks), with the given rows as the export and nothing written.
 */
import type { EntityPlan, ExpectedValuePlan, Literal, LookupPlan, Plan, PlanValue, TestPlan } from "../../compiler/plan/schema.js";
import { runPlan, type RowSource, type RunResult } from "../execute/run.js";
import { groupColumnName, valueFormat } from "../execute/source-rows.js";
import { cellProblem, parseCell, type CellProblem, type RowRejection, type SourceItem, type SourceRow } from "../source/index.js";
import { DryRunTarget } from "../targets/dry-run-target.js";
import { knownTargetRecords, type TargetCapabilities, type TargetRecord, type WriteBatch, type WriteResult } from "../targets/target.js";
import { recordXmlid } from "../transform/keys.js";

export interface TestCaseResult {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly failures: readonly { readonly line: number; readonly message: string }[];
}

/**
 * A dry run that keeps what it would have written, and gives each record an id of its own, as
 * Odoo would: fields that point by database id (an activity's `res_id`) then hold one, which a
 * test's `ref ALIAS "KEY"` is compared with.
 */
class CapturingTarget extends DryRunTarget {
  /** Records keep the ids this target gives them, as a live Odoo's do; nothing is kept past the test. */
  override readonly capabilities: TargetCapabilities = { keepsRecords: true, earlierRecords: "none", lookupMatches: "id", output: "nothing" };
  readonly batches: WriteBatch[] = [];
  readonly xmlidById = new Map<number, string>();
  private readonly idByXmlid = new Map<string, number>();
  /** The names of the records the test takes the target to hold (`given odoo`), by their external IDs. */
  readonly givenNames = new Map<string, string>();

  constructor(private readonly given: readonly { readonly model: string; readonly values: Readonly<Record<string, PlanValue>> }[]) {
    super();
    given.forEach((record, index) => this.givenNames.set(givenXmlid(record.model, index), givenName(record.values)));
  }

  /** The target's reference data, and the records the test gives it (`given odoo res.users { ... }`). */
  override async lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]> {
    const given = this.given.flatMap((record, index): TargetRecord[] =>
      record.model === lookup.model
        ? [{ xmlid: givenXmlid(record.model, index), label: givenName(record.values), values: this.withReturned(lookup, record.values, index), active: record.values["active"] !== false }]
        : [],
    );
    return [...knownTargetRecords(lookup), ...given];
  }

  /**
   * A lookup that returns a many2one a given record does not name gives a record of the test's
   * own of the given record's name, as Odoo makes a user's partner of the user's name.
   */
  private withReturned(lookup: LookupPlan, values: Readonly<Record<string, PlanValue>>, index: number): Readonly<Record<string, unknown>> {
    const returns = lookup.returns;
    if (returns === undefined || !returns.type.startsWith("record:") || values[returns.field] !== undefined) return values;
    const xmlid = `${givenXmlid(lookup.model, index)}_${returns.field}`;
    const name = givenName(values);
    this.givenNames.set(xmlid, name);
    return { ...values, [returns.field]: { xmlid, name } };
  }

  override async write(batch: WriteBatch): Promise<WriteResult> {
    this.batches.push(batch);
    const loaded = batch.rows.map((row) => {
      let id = this.idByXmlid.get(row.xmlid);
      if (id === undefined) {
        id = this.idByXmlid.size + 1;
        this.idByXmlid.set(row.xmlid, id);
        this.xmlidById.set(id, row.xmlid);
      }
      return { key: row.key, id };
    });
    return { loaded, rejected: [] };
  }

  override describe(): string {
    return "the test's rows in memory";
  }
}

/** A record a test gives the target: an external ID of the test's own, which no package can write. */
function givenXmlid(model: string, index: number): string {
  return `__test__.${model.replace(/\./g, "_")}_${index + 1}`;
}

function givenName(values: Readonly<Record<string, PlanValue>>): string {
  const name = values["name"] ?? values["display_name"] ?? values["login"];
  return typeof name === "string" ? name : "";
}

function columnsOf(entity: EntityPlan): { name: string; header: string; plan: EntityPlan["columns"][number] }[] {
  const columns = entity.columns.map((column) => ({ name: column.name, header: column.header, plan: column }));
  for (const group of entity.groups) {
    for (let instance = group.from; instance <= group.to; instance++) {
      for (const column of group.columns)
        columns.push({
          name: groupColumnName(group.name, instance, column.name),
          header: column.header.replace(/\{n\}/g, String(instance)),
          plan: { ...column, required: false },
        });
    }
  }
  return columns;
}

/** The given rows of a test as the reader would have produced them from a file. */
function givenRows(entity: EntityPlan, test: TestPlan): SourceItem[] {
  const items: SourceItem[] = [];
  test.given
    .filter((given) => given.entity === entity.name)
    .forEach((given, index) => {
      const values: Record<string, string | number | boolean | null> = {};
      const raw: Record<string, string> = {};
      const problems: CellProblem[] = [];
      for (const column of columnsOf(entity)) {
        const text = given.cells[column.name] ?? given.cells[column.header] ?? "";
        raw[column.name] = text;
        const parsed = parseCell(column.plan.type, text, valueFormat(entity, column.plan));
        // The same words as the reader's, so that a test expects what a real run reports.
        const problem = cellProblem(column.header, parsed, { required: column.plan.required, isKey: entity.key.includes(column.name) });
        if (problem !== null) problems.push({ column: column.name, columnNumber: null, reason: problem });
        values[column.name] = parsed.kind === "value" ? parsed.value : null;
      }
      const line = index + 1;
      if (problems.length > 0) {
        const rejection: RowRejection = {
          kind: "rejected",
          entity: entity.name,
          file: "test",
          line,
          reason: problems.map((problem) => problem.reason).join("; "),
          problems,
          raw,
          cells: Object.values(raw),
        };
        items.push(rejection);
        return;
      }
      const parts = entity.key.map((column) => String(values[column] ?? "").trim());
      const row: SourceRow = {
        kind: "row",
        entity: entity.name,
        file: "test",
        line,
        key: parts.length === 1 ? (parts[0] ?? "") : JSON.stringify(parts),
        values,
        raw,
      };
      items.push(row);
    });
  return items;
}

/** How an expected value appears in a written cell (external IDs for records, joined by commas for several). */
function expectedCell(value: ExpectedValuePlan, fieldType: string | undefined, namespace: string): string {
  if (Array.isArray(value)) return value.map((one) => expectedCell(one, undefined, namespace)).join(",");
  if (value === null) return "";
  if (typeof value === "object") return "step" in value ? recordXmlid(namespace, value.step, value.key) : value.xmlid;
  // As in Odoo, `false` on a field that is not a boolean means "no value".
  if (value === false && fieldType !== undefined && fieldType !== "boolean") return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

/**
 * The records a test's run made, each as its fields' cells: the cells of rows merged onto them
 * (`merge onto`) and the second pass's (links written once every record exists) over the first's, and a field pointing by database id
 * (`res_id`) as the external ID of the record with that id.
 */
function writtenRecords(
  model: string,
  batches: readonly WriteBatch[],
  types: ReadonlyMap<string, string>,
  xmlidById: ReadonlyMap<number, string>,
): Map<string, string>[] {
  const records = new Map<string, Map<string, string>>();
  for (const pass of ["main", "merge", "deferred"] as const) {
    for (const batch of batches) {
      if (batch.model !== model || batch.pass !== pass) continue;
      for (const row of batch.rows) {
        const record = records.get(row.xmlid) ?? (pass === "main" ? new Map<string, string>() : undefined);
        if (record === undefined) continue;
        records.set(row.xmlid, record);
        batch.fields.forEach((column, index) => {
          const field = column.replace(/\/\.?id$/, "");
          const cell = row.cells[index] ?? "";
          if (pass === "deferred" && cell === "" && record.has(field)) return;
          const byId = types.get(`${model}\u0000${field}`) === "many2one_reference" ? xmlidById.get(Number(cell)) : undefined;
          record.set(field, byId ?? cell);
        });
      }
    }
  }
  return [...records.values()];
}

const NUMBER_FIELDS: ReadonlySet<string> = new Set(["integer", "float", "monetary"]);
const SEVERAL_RECORDS_FIELDS: ReadonlySet<string> = new Set(["many2many", "one2many"]);

/** A written cell of several records' external IDs, in an order that does not depend on the writing. */
function recordSet(cell: string): string {
  return cell
    .split(",")
    .filter((xmlid) => xmlid !== "")
    .sort()
    .join(",");
}

/**
 * Numbers compare by value (`1200` and `1200.0`) only in number fields: a post code "03001" is
 * not "3001". The records of a many-to-many compare as a set: Odoo keeps no order among them.
 */
function sameCell(actual: string, expected: string, fieldType: string | undefined): boolean {
  if (actual === expected) return true;
  if (fieldType !== undefined && SEVERAL_RECORDS_FIELDS.has(fieldType)) return recordSet(actual) === recordSet(expected);
  if (fieldType === undefined || !NUMBER_FIELDS.has(fieldType)) return false;
  const a = Number(actual);
  const b = Number(expected);
  return actual !== "" && expected !== "" && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) < 1e-9;
}

function fieldTypes(plan: Plan): Map<string, string> {
  const types = new Map<string, string>();
  for (const step of plan.steps)
    for (const operation of [...step.operations, ...step.deferred]) types.set(`${step.model}\u0000${operation.field}`, operation.fieldType);
  return types;
}

function check(plan: Plan, test: TestPlan, result: RunResult, target: CapturingTarget, types: ReadonlyMap<string, string>): TestCaseResult["failures"] {
  const failures: { line: number; message: string }[] = [];
  for (const expectation of test.expect) {
    if (expectation.kind === "record") {
      const candidates = writtenRecords(expectation.model, target.batches, types, target.xmlidById);
      const typeOf = (field: string): string | undefined => types.get(`${expectation.model}\u0000${field}`);
      const wanted = Object.entries(expectation.values).map(([field, value]) => [field, expectedCell(value, typeOf(field), plan.migration.namespace)] as const);
      // A link to a record the test gave the target (an owner found by name) reads as that record's name.
      const cellOf = (cells: Map<string, string>, field: string): string => {
        const cell = cells.get(field) ?? "";
        if (!SEVERAL_RECORDS_FIELDS.has(typeOf(field) ?? "")) return target.givenNames.get(cell) ?? cell;
        return cell
          .split(",")
          .map((one) => target.givenNames.get(one) ?? one)
          .join(",");
      };
      const matches = (cells: Map<string, string>): number => wanted.filter(([field, value]) => sameCell(cellOf(cells, field), value, typeOf(field))).length;
      if (expectation.count !== undefined) {
        const made = candidates.filter((cells) => matches(cells) === wanted.length).length;
        if (made !== expectation.count)
          failures.push({
            line: expectation.line,
            message: `${made} ${expectation.model} record${made === 1 ? " has" : "s have"} these values, not ${expectation.count}`,
          });
        continue;
      }
      if (candidates.some((cells) => matches(cells) === wanted.length)) continue;
      const closest = [...candidates].sort((left, right) => matches(right) - matches(left))[0];
      const differences =
        closest === undefined
          ? []
          : wanted
              .filter(([field, value]) => !sameCell(cellOf(closest, field), value, typeOf(field)))
              .map(([field, value]) => `${field} is ${JSON.stringify(cellOf(closest, field))}, not ${JSON.stringify(value)}`);
      const why = result.rejects.map((reject) => `${reject.entity} ${reject.key ?? ""} was rejected: ${reject.reason}`);
      failures.push({
        line: expectation.line,
        message:
          candidates.length === 0
            ? `no ${expectation.model} record was made${why.length > 0 ? ` (${why.join("; ")})` : ""}`
            : `no ${expectation.model} record has all these values; the closest: ${differences.join(", ")}`,
      });
      continue;
    }
    if (expectation.kind === "reject") {
      const rejected = result.rejects.filter((reject) => reject.entity === expectation.entity);
      const found = rejected.some((reject) => expectation.message === undefined || reject.reason.toLowerCase().includes(expectation.message.toLowerCase()));
      if (!found) {
        failures.push({
          line: expectation.line,
          message:
            rejected.length === 0
              ? `no ${expectation.entity} row was rejected`
              : `no ${expectation.entity} row was rejected for "${expectation.message ?? ""}"; the reasons were: ${rejected.map((reject) => reject.reason).join("; ")}`,
        });
      }
      continue;
    }
    const counts = result.entities.find((entity) => entity.entity === expectation.entity);
    if (counts === undefined || counts.skipped === 0)
      failures.push({
        line: expectation.line,
        message: `no ${expectation.entity} row was skipped (loaded ${counts?.loaded ?? 0}, rejected ${counts?.rejected ?? 0})`,
      });
  }
  return failures;
}

export async function runPlanTests(plan: Plan, exportDirectory = "."): Promise<TestCaseResult[]> {
  const results: TestCaseResult[] = [];
  const types = fieldTypes(plan);
  for (const test of plan.tests) {
    const target = new CapturingTarget(test.odoo ?? []);
    const rows: RowSource = (entity) => ({
      rows: (async function* () {
        yield* givenRows(entity, test);
      })(),
    });
    const result = await runPlan({ plan, sourceDirectory: exportDirectory, target, rows });
    results.push({ name: test.name, file: test.file, line: test.line, failures: check(plan, test, result, target, types) });
  }
  return results;
}

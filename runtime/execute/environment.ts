/**
 * The evaluation environment: what the evaluator (runtime/transform/evaluate.ts) may ask while it
 * computes a row's values. `exportEnvironment` answers from the export's first pass alone (tables,
 * lookups, `get`, the rows a `with` block collapses, rejected keys): the run and the assessment
 * share it. `runEnvironment` adds what only a run knows: the records its steps made (and, for rows
 * it leaves out, those earlier runs made), the reference records of its setup, the export's files.
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { KnownRecord } from "../journal/journal.js";
import { FolderListings, readAttachmentNow, type SourceRow } from "../source/index.js";
import type { TargetCapabilities } from "../targets/target.js";
import type { BuiltinContext } from "../transform/builtins.js";
import { tableRuntime, type EvaluationEnvironment, type LookupRuntime, type ReferenceResolution, type RowInput } from "../transform/evaluate.js";
import { recordXmlid } from "../transform/keys.js";
import type { RecordRef, RuntimeValue } from "../transform/values.js";
import type { StepRecord } from "./accounting.js";
import { collapsedRows } from "./collapse.js";
import type { Indexes, RejectedRow } from "./indexes.js";
import type { RowFilter } from "./run-types.js";
import { groupColumnName } from "./source-rows.js";

const WHOLE_NUMBER = /^[+-]?\d+(\.0+)?$/;

/**
 * The first form of a key that `keys` has: as written (trimmed), else a whole number without its
 * zeros (`0042`, `42.0` → `42`). Asked for every reference of every row, so it makes no list
 * and no closure.
 */
function keyFormIn(key: string, keys: { has(form: string): boolean } | undefined): string | undefined {
  if (keys === undefined) return undefined;
  const trimmed = key.trim();
  if (keys.has(trimmed)) return trimmed;
  if (!WHOLE_NUMBER.test(trimmed)) return undefined;
  const number = String(Number(trimmed));
  return number !== trimmed && keys.has(number) ? number : undefined;
}

/** The key of the row of `entity` that `key` names, as the export holds it; undefined when no row has it. */
export function rowKeyIn(indexes: Indexes, entity: string, key: string): string | undefined {
  return keyFormIn(key, indexes.entities.get(entity)?.keys);
}

/** What the export alone answers: tables, lookups, `get`, the rows a `with` block collapses, why a row was rejected. */
export type ExportEnvironment = Pick<EvaluationEnvironment, "table" | "lookup" | "linked" | "entity" | "get" | "keysBy"> & {
  /** Why the reader rejected the row, and where it is (`reason (file line N)`). */
  rejected(entity: string, key: string): string | undefined;
  rejectedRow(entity: string, key: string): RejectedRow | undefined;
};

/** A row, said by where it is: "its row, companies.csv line 18, was rejected: ...". */
export function rejectedRowWhy(row: { readonly file?: string; readonly line?: number }, reason: string): string {
  return row.file === undefined || row.line === undefined
    ? `its row was rejected: ${reason}`
    : `its row, ${row.file} line ${row.line}, was rejected: ${reason}`;
}

/** A `with` block's question about one row, with its answer. */
interface LinkedAnswer {
  readonly entity: string;
  readonly by: string;
  readonly key: string;
  readonly orderBy: string | undefined;
  readonly descending: boolean;
  readonly rows: ReturnType<typeof collapsedRows>;
}

/**
 * collapsedRows, its last answer kept while the linked entity's index is complete (it no longer
 * changes then): a `with` block asks the same question once per field of the same row.
 */
function lastLinkedKept(indexes: Indexes): EvaluationEnvironment["linked"] {
  let last: LinkedAnswer | undefined;
  return (entity, by, key, orderBy, descending) => {
    if (last !== undefined && last.key === key && last.entity === entity && last.by === by && last.orderBy === orderBy && last.descending === descending)
      return last.rows;
    const rows = collapsedRows(indexes, entity, by, key, orderBy, descending);
    last = indexes.entities.get(entity)?.complete === true ? { entity, by, key, orderBy, descending, rows } : undefined;
    return rows;
  };
}

export function exportEnvironment(plan: Plan, indexes: Indexes, lookup: (name: string) => LookupRuntime): ExportEnvironment {
  const tables = new Map(plan.tables.map((table) => [table.name, tableRuntime(table)]));
  return {
    table: (name) => {
      const table = tables.get(name);
      if (table === undefined) throw new Error(`the plan has no table ${name}`);
      return table;
    },
    lookup,
    linked: lastLinkedKept(indexes),
    entity: (name) => {
      const entity = plan.entities.find((candidate) => candidate.name === name);
      if (entity === undefined) throw new Error(`the plan has no entity ${name}`);
      return entity;
    },
    get: (entity, column, key) => {
      const index = indexes.entities.get(entity);
      const candidate = keyFormIn(key, index?.keys);
      return candidate === undefined ? undefined : index?.value(column, index.slotOf(candidate));
    },
    keysBy: (entity, column, ...values) => indexes.entities.get(entity)?.keysBy(column, ...values) ?? [],
    rejected: (entity, key) => {
      const row = rejectedRowIn(indexes, entity, key);
      return row === undefined ? undefined : `${row.reason} (${row.file} line ${row.line})`;
    },
    rejectedRow: (entity, key) => rejectedRowIn(indexes, entity, key),
  };
}

/** The row of `entity` with key `key` that the reader rejected, if one was. */
export function rejectedRowIn(indexes: Indexes, entity: string, key: string): RejectedRow | undefined {
  const rejectedKeys = indexes.entities.get(entity)?.rejectedKeys;
  const candidate = keyFormIn(key, rejectedKeys);
  return candidate === undefined ? undefined : rejectedKeys?.get(candidate);
}

/** What a run's environment needs besides the export. */
export interface RunEnvironmentParts {
  readonly plan: Plan;
  readonly indexes: Indexes;
  readonly lookup: (name: string) => LookupRuntime;
  readonly sourceDirectory: string;
  /** What this run's steps made of each row so far. */
  readonly stepRecord: (stepId: string, instanceKey: string) => StepRecord | undefined;
  /** Records earlier runs wrote, by external ID. */
  readonly known: ReadonlyMap<string, KnownRecord>;
  /** The rows this run writes, when it does not write them all. */
  readonly filter: RowFilter | undefined;
  readonly capabilities: TargetCapabilities;
  /** The reference records the setup made or found, by external ID. */
  readonly setupRefs: ReadonlyMap<string, RecordRef>;
}

/**
 * A step's record as a reference, its properties in the order of `{ kind, model, xmlid, id }`
 * with those it lacks left out: written out rather than spread from optional parts, as every
 * reference of every row makes one.
 */
function recordRefOf(model: string, record: StepRecord): RecordRef {
  const { xmlid, id } = record;
  if (xmlid === undefined) return id === undefined ? { kind: "record", model } : { kind: "record", model, id };
  return id === undefined ? { kind: "record", model, xmlid } : { kind: "record", model, xmlid, id };
}

export function runEnvironment(parts: RunEnvironmentParts): EvaluationEnvironment {
  const { plan, indexes, filter, capabilities } = parts;
  const base = exportEnvironment(plan, indexes, parts.lookup);
  const stepById = new Map(plan.steps.map((step) => [step.id, step]));
  const resolve = (stepId: string, key: string): ReferenceResolution => {
    const step = stepById.get(stepId);
    if (step === undefined) return { status: "missing" };
    const candidate = rowKeyIn(indexes, step.entity, key);
    if (candidate === undefined) {
      const unreadable = base.rejectedRow(step.entity, key);
      return unreadable === undefined ? { status: "missing" } : { status: "not-loaded", why: rejectedRowWhy(unreadable, unreadable.reason), rejected: true };
    }
    const record = parts.stepRecord(stepId, candidate);
    if (record === undefined) {
      // A row this run leaves out (a delta, a sample) may have its record from an earlier run.
      const earlier = filter === undefined ? undefined : parts.known.get(recordXmlid(plan.migration.namespace, stepId, candidate));
      if (earlier !== undefined && capabilities.earlierRecords === "journal-id")
        return { status: "found", record: { kind: "record", model: step.model, xmlid: earlier.xmlid, id: earlier.id } };
      // Import files point by external ID: a record imported before keeps its ID.
      if (filter !== undefined && capabilities.earlierRecords === "external-id")
        return { status: "found", record: { kind: "record", model: step.model, xmlid: recordXmlid(plan.migration.namespace, stepId, candidate) } };
      return { status: "not-loaded", why: filter === undefined ? "not loaded in this run" : `not selected for this run (${filter.description})` };
    }
    if (record.status === "rejected") return { status: "not-loaded", why: rejectedRowWhy(record, record.why ?? "rejected"), rejected: true };
    if (record.status !== "loaded") return { status: "not-loaded", why: record.why ?? record.status };
    return { status: "found", record: recordRefOf(step.model, record) };
  };
  return {
    ...base,
    reference: resolve,
    sibling: resolve,
    record: (model, xmlid) => parts.setupRefs.get(xmlid) ?? { kind: "record", model, xmlid },
    builtinContext: fileReadingContexts(parts.sourceDirectory),
  };
}

/** The built-ins' view of each entity: its options, and the export's files read from `sourceDirectory`. */
function fileReadingContexts(sourceDirectory: string): (entity: EntityPlan) => BuiltinContext {
  const contexts = new Map<string, BuiltinContext>();
  const listings = new FolderListings();
  return (entity) => {
    let context = contexts.get(entity.name);
    if (context === undefined) {
      context = {
        options: entity.options,
        readFile: (path) => {
          const result = readAttachmentNow(sourceDirectory, path, { listings });
          if (result.kind === "rejected") return { ok: false, reason: result.reason };
          return { ok: true, base64: result.base64, mimetype: result.mimeType, size: result.size, name: result.name };
        },
      };
      contexts.set(entity.name, context);
    }
    return context;
  };
}

/** The `for each` instances of a step (a plain step has one, `undefined`). */
export function instancesOf(step: StepPlan): readonly (number | undefined)[] {
  if (step.forEach === undefined) return [undefined];
  const instances: number[] = [];
  for (let instance = step.forEach.from; instance <= step.forEach.to; instance++) instances.push(instance);
  return instances;
}

/** The key of a row's record in a step: the row's key, with `#n` for a `for each` instance. */
export function instanceKeyOf(row: SourceRow, instance: number | undefined): string {
  return instance === undefined ? row.key : `${row.key}#${instance}`;
}

/** What the evaluator reads of a row for a step: its values, and for a `for each` step the instance's group columns. */
export function rowInput(entity: EntityPlan, row: SourceRow, step: StepPlan, instance: number | undefined): RowInput {
  if (instance === undefined || step.forEach === undefined) return { entity, key: row.key, values: row.values };
  const group = entity.groups.find((candidate) => candidate.name === step.forEach?.group);
  const values: Record<string, RuntimeValue> = {};
  for (const column of group?.columns ?? []) values[column.name] = row.values[groupColumnName(step.forEach.group, instance, column.name)] ?? null;
  return { entity, key: row.key, values: row.values, group: { name: step.forEach.group, instance, values } };
}

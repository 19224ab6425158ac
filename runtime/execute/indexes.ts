/**
 * The first pass over the export: every entity read once, to count what the reader rejects or
 * merges, and to keep the little the transform needs from other rows: each entity's keys (to tell
 * a dangling reference), the columns `get` reads by key, and the rows `with` blocks link.
 */
import type { EntityPlan, Plan } from "../../compiler/plan/schema.js";
import { joinKey, type RowRejection, type SourceItem, type SourceReadReport, type SourceRow } from "../source/index.js";
import type { RuntimeValue } from "../transform/values.js";
import { indexNeeds, subexpressions } from "./plan-walk.js";

export interface LinkedRow {
  readonly order: RuntimeValue;
  readonly values: Readonly<Record<string, RuntimeValue>>;
}

/** Where a row is in the export, and why it was rejected. */
export interface RejectedRow {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Where a row read through a `with` block is, and the row it belongs to. */
export interface LinkedRowParent {
  readonly entity: string;
  readonly key: string;
  readonly file: string;
  readonly line: number;
}

export interface EntityIndex {
  readonly entity: EntityPlan;
  readonly keys: Set<string>;
  /** Keys of rows the reader rejected, with where and why: a reference to one says why it has no record. */
  readonly rejectedKeys: Map<string, RejectedRow>;
  readonly rejections: RowRejection[];
  readonly duplicates: number;
  /** Records read after the header (rows, rejections and duplicates). */
  readonly read: number;
  /** What the CSV reader saw (files, encodings, delimiters), when rows came from files. */
  readonly report?: SourceReadReport;
}

export interface Indexes {
  readonly entities: Map<string, EntityIndex>;
  /** For entities read through `with` blocks: each row's key → where it is, and the entity and key of the row it belongs to. */
  readonly parents: Map<string, Map<string, LinkedRowParent>>;
  /** `entity\0column` → key → value. */
  readonly get: Map<string, Map<string, RuntimeValue>>;
  /** `entity\0by` → the value of `by` → linked rows, in file order until sorted by the evaluator's request. */
  readonly linked: Map<string, Map<string, LinkedRow[]>>;
}

function text(value: RuntimeValue): string {
  return value === null ? "" : String(value).trim();
}

/** The key a row the reader rejected names, from its key cells as read; undefined when one is blank. */
export function rejectedRowKey(entity: EntityPlan, rejection: RowRejection): string | undefined {
  const parts = entity.key.map((column) => (rejection.raw[column] ?? "").trim());
  return parts.every((part) => part !== "") ? joinKey(parts) : undefined;
}

/** Rows a filter keeps (delta pickup and samples narrow the steps, never the indexes). */
export type RowVisitor = (entity: EntityPlan, row: SourceRow) => void;

export async function buildIndexes(
  plan: Plan,
  rowsOf: (entity: EntityPlan) => { readonly rows: AsyncIterable<SourceItem>; readonly report?: () => SourceReadReport },
  visit?: RowVisitor,
): Promise<Indexes> {
  const needs = indexNeeds(plan);
  const entities = new Map<string, EntityIndex>();
  const get = new Map<string, Map<string, RuntimeValue>>();
  const linked = new Map<string, Map<string, LinkedRow[]>>();
  const parents = new Map<string, Map<string, LinkedRowParent>>();
  const parentEntity = parentEntities(plan);
  for (const entity of plan.entities) {
    const keys = new Set<string>();
    const rejectedKeys = new Map<string, RejectedRow>();
    const rejections: RowRejection[] = [];
    let duplicates = 0;
    const getColumns = [...(needs.get.get(entity.name) ?? [])];
    const getMaps = getColumns.map((column) => {
      const map = new Map<string, RuntimeValue>();
      get.set(`${entity.name}\u0000${column}`, map);
      return { column, map };
    });
    const linkEntries = [...needs.linked.values()]
      .filter((entry) => entry.entity === entity.name)
      .map((entry) => {
        const map = new Map<string, LinkedRow[]>();
        linked.set(`${entry.entity}\u0000${entry.by}`, map);
        return { entry, map };
      });
    const parentOf = parentEntity.get(entity.name);
    const parentKeys = new Map<string, LinkedRowParent>();
    if (parentOf !== undefined) parents.set(entity.name, parentKeys);
    let read = 0;
    const reading = rowsOf(entity);
    for await (const item of reading.rows) {
      read += 1;
      if (item.kind === "rejected") {
        rejections.push(item);
        const key = rejectedRowKey(entity, item);
        if (key !== undefined) rejectedKeys.set(key, { file: item.file, line: item.line, reason: item.reason });
        continue;
      }
      if (item.kind === "duplicate") {
        duplicates += 1;
        continue;
      }
      keys.add(item.key);
      visit?.(entity, item);
      if (parentOf !== undefined)
        parentKeys.set(item.key, { entity: parentOf.entity, key: text(item.values[parentOf.by] ?? null), file: item.file, line: item.line });
      for (const { column, map } of getMaps) map.set(item.key, item.values[column] ?? null);
      for (const { entry, map } of linkEntries) {
        const by = text(item.values[entry.by] ?? null);
        if (by === "") continue;
        const values: Record<string, RuntimeValue> = {};
        for (const column of entry.columns) values[column] = item.values[column] ?? null;
        const [orderColumn] = [...entry.orderBy];
        const rows = map.get(by) ?? [];
        rows.push({ order: orderColumn === undefined ? null : (item.values[orderColumn] ?? null), values });
        map.set(by, rows);
      }
    }
    const report = reading.report?.();
    entities.set(entity.name, { entity, keys, rejectedKeys, rejections, duplicates, read, ...(report === undefined ? {} : { report }) });
  }
  return { entities, parents, get, linked };
}

/** For each entity read through a `with` block: the entity whose rows it links to, and by which column. */
function parentEntities(plan: Plan): Map<string, { entity: string; by: string }> {
  const parents = new Map<string, { entity: string; by: string }>();
  for (const step of plan.steps) {
    for (const operation of [...step.operations, ...step.deferred]) {
      for (const expression of subexpressions(operation.value)) {
        if (expression.op === "linked" && !parents.has(expression.entity)) parents.set(expression.entity, { entity: step.entity, by: expression.by });
      }
    }
  }
  return parents;
}

/** The first pass of a run, said as it goes: each entity's records, its files and their encodings, keys merged, rows unreadable. */
export async function readExport(
  plan: Plan,
  rowsOf: Parameters<typeof buildIndexes>[1],
  sourceDirectory: string,
  say: (text: string) => void,
): Promise<Indexes> {
  say(`reading the export in ${sourceDirectory}`);
  const indexes = await buildIndexes(plan, rowsOf);
  for (const index of indexes.entities.values()) {
    const files = index.report?.files ?? [];
    const encodings = files.some((file) => file.encodingDetected) ? ` (${[...new Set(files.map((file) => file.encoding))].join(", ")})` : "";
    const where = files.length === 0 ? "" : ` in ${files.length} file${files.length === 1 ? "" : "s"}${encodings}`;
    say(
      `${index.entity.name}: ${index.read} records${where}${index.duplicates > 0 ? `, ${index.duplicates} duplicate keys merged` : ""}${index.rejections.length > 0 ? `, ${index.rejections.length} unreadable` : ""}`,
    );
  }
  return indexes;
}

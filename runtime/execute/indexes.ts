/**
 * The index of the export: of each entity, the little the transform needs from other rows, kept
 * as its rows are read: its keys (to tell a dangling reference), the keys the reader rejected and
 * why, the columns `get` reads by key, and the rows `with` blocks link. An entity is indexed by
 * the first reading of its files: a reading of its own, or the pass of its first step
 * (runtime/execute/export-reads.ts decides which).
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
  /** Whether all its files have been read (an entity indexed by a step's pass is not, until the pass ends). */
  readonly complete: boolean;
  /** Each row's key → its slot: 0, 1, ... in the order the rows were read (what the run keeps per row is kept by slot). */
  readonly slots: ReadonlyMap<string, number>;
  readonly keys: ReadonlySet<string>;
  /** Keys of rows the reader rejected, with where and why: a reference to one says why it has no record. */
  readonly rejectedKeys: ReadonlyMap<string, RejectedRow>;
  readonly rejections: readonly RowRejection[];
  readonly duplicates: number;
  /** Records read after the header (rows, rejections and duplicates). */
  readonly read: number;
  /** What the CSV reader saw (files, encodings, delimiters), when rows came from files. */
  readonly report?: SourceReadReport;
}

export interface Indexes {
  /** The entities indexed so far, or being indexed: all of them, complete, once the export has been read. */
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

export function emptyIndexes(): Indexes {
  return { entities: new Map(), parents: new Map(), get: new Map(), linked: new Map() };
}

/** What the index keeps of each entity's rows, found once per plan. */
interface EntityNeeds {
  readonly getColumns: readonly string[];
  readonly links: readonly { readonly by: string; readonly columns: readonly string[]; readonly orderBy: string | undefined }[];
  /** The entity whose rows this one's link to, and by which column (an entity read through a `with` block). */
  readonly parent: { readonly entity: string; readonly by: string } | undefined;
}

const needsOfPlans = new WeakMap<Plan, Map<string, EntityNeeds>>();

function needsOf(plan: Plan, entity: string): EntityNeeds {
  let needs = needsOfPlans.get(plan);
  if (needs === undefined) {
    const walked = indexNeeds(plan);
    const parents = parentEntities(plan);
    needs = new Map(
      plan.entities.map((candidate) => [
        candidate.name,
        {
          getColumns: [...(walked.get.get(candidate.name) ?? [])],
          links: [...walked.linked.values()]
            .filter((entry) => entry.entity === candidate.name)
            .map((entry) => ({ by: entry.by, columns: [...entry.columns], orderBy: [...entry.orderBy][0] })),
          parent: parents.get(candidate.name),
        },
      ]),
    );
    needsOfPlans.set(plan, needs);
  }
  return needs.get(entity) ?? { getColumns: [], links: [], parent: undefined };
}

/** The keys of an entity's rows, seen through their slots. */
class KeyView implements ReadonlySet<string> {
  constructor(private readonly slots: ReadonlyMap<string, number>) {}

  get size(): number {
    return this.slots.size;
  }
  has(key: string): boolean {
    return this.slots.has(key);
  }
  forEach(each: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const key of this.slots.keys()) each(key, key, this);
  }
  keys(): SetIterator<string> {
    return this.slots.keys();
  }
  values(): SetIterator<string> {
    return this.slots.keys();
  }
  *entries(): SetIterator<[string, string]> {
    for (const key of this.slots.keys()) yield [key, key];
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.slots.keys();
  }
}

/** An entity's index while its rows are read. */
class GrowingIndex implements EntityIndex {
  complete = false;
  readonly slots = new Map<string, number>();
  readonly keys = new KeyView(this.slots);
  readonly rejectedKeys = new Map<string, RejectedRow>();
  readonly rejections: RowRejection[] = [];
  duplicates = 0;
  read = 0;
  report: SourceReadReport | undefined = undefined;

  constructor(readonly entity: EntityPlan) {}
}

/** Indexes one entity from its items as they are read; `done` completes its index once the reading has ended. */
export interface EntityIndexing {
  add(item: SourceItem): void;
  done(report: SourceReadReport | undefined): EntityIndex;
}

export function indexEntity(indexes: Indexes, plan: Plan, entity: EntityPlan): EntityIndexing {
  const needs = needsOf(plan, entity.name);
  const index = new GrowingIndex(entity);
  indexes.entities.set(entity.name, index);
  const { slots, rejectedKeys, rejections } = index;
  const getMaps = needs.getColumns.map((column) => {
    const map = new Map<string, RuntimeValue>();
    indexes.get.set(`${entity.name}\u0000${column}`, map);
    return { column, map };
  });
  const linkMaps = needs.links.map((link) => {
    const map = new Map<string, LinkedRow[]>();
    indexes.linked.set(`${entity.name}\u0000${link.by}`, map);
    return { link, map };
  });
  const parent = needs.parent;
  const parentKeys = new Map<string, LinkedRowParent>();
  if (parent !== undefined) indexes.parents.set(entity.name, parentKeys);
  const addRow = (row: SourceRow): void => {
    if (!slots.has(row.key)) slots.set(row.key, slots.size);
    if (parent !== undefined) parentKeys.set(row.key, { entity: parent.entity, key: text(row.values[parent.by] ?? null), file: row.file, line: row.line });
    for (const { column, map } of getMaps) map.set(row.key, row.values[column] ?? null);
    for (const { link, map } of linkMaps) {
      const by = text(row.values[link.by] ?? null);
      if (by === "") continue;
      const values: Record<string, RuntimeValue> = {};
      for (const column of link.columns) values[column] = row.values[column] ?? null;
      const rows = map.get(by);
      const linked = { order: link.orderBy === undefined ? null : (row.values[link.orderBy] ?? null), values };
      if (rows === undefined) map.set(by, [linked]);
      else rows.push(linked);
    }
  };
  return {
    add(item) {
      index.read += 1;
      if (item.kind === "rejected") {
        rejections.push(item);
        const key = rejectedRowKey(entity, item);
        if (key !== undefined) rejectedKeys.set(key, { file: item.file, line: item.line, reason: item.reason });
      } else if (item.kind === "duplicate") index.duplicates += 1;
      else addRow(item);
    },
    done(report) {
      index.report = report;
      index.complete = true;
      return index;
    },
  };
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

/** Every entity of the plan read once and indexed (the assessment's view of the whole export). */
export async function buildIndexes(
  plan: Plan,
  rowsOf: (entity: EntityPlan) => { readonly rows: AsyncIterable<SourceItem>; readonly report?: () => SourceReadReport },
): Promise<Indexes> {
  const indexes = emptyIndexes();
  for (const entity of plan.entities) {
    const indexing = indexEntity(indexes, plan, entity);
    const reading = rowsOf(entity);
    for await (const item of reading.rows) indexing.add(item);
    indexing.done(reading.report?.());
  }
  return indexes;
}

/** What a reading found of an entity, said once it is indexed: its records, its files and their encodings, keys merged, rows unreadable. */
export function describeIndex(index: EntityIndex): string {
  const files = index.report?.files ?? [];
  const encodings = files.some((file) => file.encodingDetected) ? ` (${[...new Set(files.map((file) => file.encoding))].join(", ")})` : "";
  const where = files.length === 0 ? "" : ` in ${files.length} file${files.length === 1 ? "" : "s"}${encodings}`;
  return `${index.entity.name}: ${index.read} records${where}${index.duplicates > 0 ? `, ${index.duplicates} duplicate keys merged` : ""}${index.rejections.length > 0 ? `, ${index.rejections.length} unreadable` : ""}`;
}

/**
 * The index of the export: of each entity, the little the transform needs from other rows, kept
 * as its rows are read: its keys (to tell a dangling reference), the keys the reader rejected and
 * why, the columns `get` reads by key, and the rows `with` blocks link. An entity is indexed by
 * the first reading of its files: a reading of its own, or the pass of its first step
 * (runtime/execute/export-reads.ts decides which).
 */
import type { ColumnPlan, EntityPlan, Plan } from "../../compiler/plan/schema.js";
import { joinKey, type RowRejection, type SourceItem, type SourceReadReport, type SourceRow } from "../source/index.js";
import type { RuntimeValue } from "../transform/values.js";
import { holding, int32s } from "../source/grow.js";
import { KeySlots } from "../source/key-slots.js";
import { indexNeeds, subexpressions } from "./plan-walk.js";
import { ValueColumn } from "./value-column.js";
import { foldCase } from "../../compiler/value-formats.js";
import { columnMatchKey } from "../source/match-keys.js";

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
  readonly keys: ReadonlySet<string>;
  /** Keys of rows the reader rejected, with where and why: a reference to one says why it has no record. */
  readonly rejectedKeys: ReadonlyMap<string, RejectedRow>;
  readonly rejections: readonly RowRejection[];
  readonly duplicates: number;
  /** Rows without a key, which `key … optional` says are not the entity's: skipped, not rejected. */
  readonly keyless: number;
  /** Records read after the header (rows, rejections, duplicates and rows without a key). */
  readonly read: number;
  /** What the CSV reader saw (files, encodings, delimiters), when rows came from files. */
  readonly report?: SourceReadReport;
  /** The slot of the row with this key: 0, 1, ... in the order rows were read (what a run keeps per row, it keeps by slot); -1 when none. */
  slotOf(key: string): number;
  /** The key of the row in a slot. */
  keyAt(slot: number): string;
  /** What `get` reads: a column's value in the row in a slot; undefined when no `get` reads that column. */
  value(column: string, slot: number): RuntimeValue | undefined;
  /** The keys of the rows whose `unique` column holds any of the values, in file order. */
  keysBy(column: string, ...values: readonly string[]): readonly string[];
  /** The rows whose `by` column holds `key` (trimmed), in file order: the rows a `with` block links. */
  linked(by: string, key: string): readonly LinkedRow[];
  /** Each value the `by` column holds, with how many rows hold it. */
  linkGroups(by: string): Iterable<readonly [string, number]>;
  /** For an entity read through a `with` block: where the row in a slot is, and the row it belongs to. */
  parentOf(slot: number): LinkedRowParent | undefined;
  /** Whether its rows belong to rows of another entity (it is read through a `with` block). */
  readonly hasParents: boolean;
}

export interface Indexes {
  /** The entities indexed so far, or being indexed: all of them, complete, once the export has been read. */
  readonly entities: Map<string, EntityIndex>;
}

function text(value: RuntimeValue): string {
  return value === null ? "" : String(value).trim();
}

/** The key a row the reader rejected names, from its key cells as read; undefined when one is blank. */
/**
 * Whether the reader refused the row only for its key, every cell of which is blank: a row that
 * is not one of the entity's when its key is declared optional. A row with another problem is
 * still rejected for it.
 */
export function isKeylessRow(entity: EntityPlan, rejection: RowRejection): boolean {
  return (
    entity.key.every((column) => (rejection.raw[column] ?? "").trim() === "") && rejection.problems.every((problem) => entity.key.includes(problem.column))
  );
}

export function rejectedRowKey(entity: EntityPlan, rejection: RowRejection): string | undefined {
  const parts = entity.key.map((column) => (rejection.raw[column] ?? "").trim());
  return parts.every((part) => part !== "") ? joinKey(parts) : undefined;
}

export function emptyIndexes(): Indexes {
  return { entities: new Map() };
}

interface LinkNeeds {
  readonly by: string;
  readonly columns: readonly string[];
  readonly orderBy: string | undefined;
}

/** What the index keeps of each entity's rows, found once per plan. */
interface EntityNeeds {
  readonly getColumns: readonly string[];
  readonly uniqueColumns: readonly string[];
  readonly links: readonly LinkNeeds[];
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
          uniqueColumns: [...(walked.uniqueBy.get(candidate.name) ?? [])],
          links: [...walked.linked.values()]
            .filter((entry) => entry.entity === candidate.name)
            .map((entry) => ({ by: entry.by, columns: [...entry.columns], orderBy: [...entry.orderBy][0] })),
          parent: parents.get(candidate.name),
        },
      ]),
    );
    needsOfPlans.set(plan, needs);
  }
  return needs.get(entity) ?? { getColumns: [], uniqueColumns: [], links: [], parent: undefined };
}

/** An Int32Array holding index `at`, new entries -1 (no row, no group). */
function holdingRow(array: Int32Array<ArrayBuffer>, at: number): Int32Array<ArrayBuffer> {
  return holding(array, at, int32s, -1);
}

/**
 * The rows of an entity a `with` block links, grouped by the value of its `by` column: each group
 * a chain of linked rows in file order (numbers in typed arrays), their columns in value columns.
 */
class LinkedRows {
  readonly groups = new KeySlots();
  private first = new Int32Array(0);
  private last = new Int32Array(0);
  private next = new Int32Array(0);
  private sizes = new Int32Array(0);
  private count = 0;
  private readonly columns: Map<string, ValueColumn>;
  private readonly order: ValueColumn | undefined;

  constructor(private readonly needs: LinkNeeds) {
    this.columns = new Map(needs.columns.map((column) => [column, new ValueColumn()]));
    this.order = needs.orderBy === undefined ? undefined : new ValueColumn();
  }

  /** Links a row; returns its group (-1 when its `by` column is empty). */
  add(row: SourceRow): number {
    const by = text(row.values[this.needs.by] ?? null);
    if (by === "") return -1;
    const group = this.groups.add(by);
    const linked = this.count++;
    for (const [column, values] of this.columns) values.set(linked, row.values[column] ?? null);
    if (this.order !== undefined && this.needs.orderBy !== undefined) this.order.set(linked, row.values[this.needs.orderBy] ?? null);
    this.next = holdingRow(this.next, linked);
    this.first = holdingRow(this.first, group);
    this.last = holdingRow(this.last, group);
    this.sizes = holdingRow(this.sizes, group);
    const last = this.last[group] ?? -1;
    if (last < 0) {
      this.first[group] = linked;
      this.sizes[group] = 1;
    } else {
      this.next[last] = linked;
      this.sizes[group] = (this.sizes[group] ?? 0) + 1;
    }
    this.last[group] = linked;
    return group;
  }

  rows(key: string): LinkedRow[] {
    const group = this.groups.slotOf(key);
    const rows: LinkedRow[] = [];
    for (let linked = group < 0 ? -1 : (this.first[group] ?? -1); linked >= 0; linked = this.next[linked] ?? -1) {
      const values: Record<string, RuntimeValue> = {};
      for (const [column, stored] of this.columns) values[column] = stored.get(linked);
      rows.push({ order: this.order === undefined ? null : this.order.get(linked), values });
    }
    return rows;
  }

  *groupSizes(): Generator<readonly [string, number]> {
    for (let group = 0; group < this.groups.size; group++) yield [this.groups.keyAt(group), this.sizes[group] ?? 0];
  }
}

/** How `| ref alias by column` compares a value with a `unique` column's (runtime/source/match-keys.ts). */
export function uniqueValueKey(value: RuntimeValue, match?: ColumnPlan["match"]): string {
  return columnMatchKey(text(value), match);
}

/**
 * The slots of an entity's rows by the value of one `unique` column: one slot for a value held
 * once (the common case, kept as a number), the slots in file order for a value several rows hold.
 */
class RowsByValue {
  private readonly slots = new Map<string, number | number[]>();

  constructor(private readonly match: ColumnPlan["match"]) {}

  add(value: RuntimeValue, slot: number): void {
    const key = uniqueValueKey(value, this.match);
    if (key === "") return;
    const held = this.slots.get(key);
    if (held === undefined) this.slots.set(key, slot);
    else if (typeof held === "number") this.slots.set(key, [held, slot]);
    else held.push(slot);
  }

  slotsOf(value: string): readonly number[] {
    const held = this.slots.get(uniqueValueKey(value, this.match));
    return held === undefined ? [] : typeof held === "number" ? [held] : held;
  }
}

/** The keys of an entity's rows, seen through their slots. */
class KeyView implements ReadonlySet<string> {
  constructor(private readonly slots: KeySlots) {}

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

/** An entity's index, filled as its rows are read. */
class GrowingIndex implements EntityIndex {
  complete = false;
  private readonly slots = new KeySlots();
  readonly keys = new KeyView(this.slots);
  readonly rejectedKeys = new Map<string, RejectedRow>();
  readonly rejections: RowRejection[] = [];
  duplicates = 0;
  keyless = 0;
  read = 0;
  report: SourceReadReport | undefined = undefined;
  private readonly values: Map<string, ValueColumn>;
  private readonly byValue: Map<string, RowsByValue>;
  private readonly links: Map<string, LinkedRows>;
  /** Per slot, the group of its parent's key among the parent link's groups (-1: no parent key). */
  private parents = new Int32Array(0);
  /** Per slot of a row with a parent, where the row is (a refusal of it names the place): its file's number and line. */
  private parentRowFiles = new Int32Array(0);
  private parentRowLines = new Int32Array(0);
  private readonly fileNames = new KeySlots();
  private readonly parentLink: LinkedRows | undefined;
  readonly hasParents: boolean;

  constructor(
    readonly entity: EntityPlan,
    private readonly needs: EntityNeeds,
  ) {
    this.values = new Map(needs.getColumns.map((column) => [column, new ValueColumn()]));
    const matches = new Map(entity.columns.map((column) => [column.name, column.match]));
    this.byValue = new Map(needs.uniqueColumns.map((column) => [column, new RowsByValue(matches.get(column))]));
    this.links = new Map(needs.links.map((link) => [link.by, new LinkedRows(link)]));
    // The parent's column is one a `with` block links by, so its link's groups are the parents' keys.
    this.parentLink = needs.parent === undefined ? undefined : this.links.get(needs.parent.by);
    this.hasParents = this.parentLink !== undefined;
  }

  add(row: SourceRow): void {
    const slot = this.slots.add(row.key);
    for (const [column, values] of this.values) values.set(slot, row.values[column] ?? null);
    for (const [column, rows] of this.byValue) rows.add(row.values[column] ?? null, slot);
    for (const link of this.links.values()) {
      const group = link.add(row);
      if (link === this.parentLink) this.setParent(slot, group, row);
    }
  }

  private setParent(slot: number, group: number, row: SourceRow): void {
    this.parents = holdingRow(this.parents, slot);
    this.parentRowFiles = holdingRow(this.parentRowFiles, slot);
    this.parentRowLines = holdingRow(this.parentRowLines, slot);
    this.parents[slot] = group;
    this.parentRowFiles[slot] = this.fileNames.add(row.file);
    this.parentRowLines[slot] = row.line;
  }

  slotOf(key: string): number {
    return this.slots.slotOf(key);
  }

  keyAt(slot: number): string {
    return this.slots.keyAt(slot);
  }

  value(column: string, slot: number): RuntimeValue | undefined {
    return this.values.get(column)?.get(slot);
  }

  keysBy(column: string, ...values: readonly string[]): readonly string[] {
    const byValue = this.byValue.get(column);
    if (byValue === undefined) return [];
    const slots = values.length === 1 ? byValue.slotsOf(values[0] ?? "") : values.flatMap((value) => byValue.slotsOf(value)).sort((a, b) => a - b);
    return slots.map((slot) => this.slots.keyAt(slot));
  }

  linked(by: string, key: string): readonly LinkedRow[] {
    return this.links.get(by)?.rows(key) ?? [];
  }

  linkGroups(by: string): Iterable<readonly [string, number]> {
    return this.links.get(by)?.groupSizes() ?? [];
  }

  parentOf(slot: number): LinkedRowParent | undefined {
    const parent = this.needs.parent;
    if (parent === undefined || this.parentLink === undefined) return undefined;
    const group = slot < this.parents.length ? (this.parents[slot] ?? -1) : -1;
    const file = slot < this.parentRowFiles.length ? (this.parentRowFiles[slot] ?? -1) : -1;
    return {
      entity: parent.entity,
      key: group < 0 ? "" : this.parentLink.groups.keyAt(group),
      file: file < 0 ? "" : this.fileNames.keyAt(file),
      line: slot < this.parentRowLines.length ? (this.parentRowLines[slot] ?? 0) : 0,
    };
  }
}

/** Indexes one entity from its items as they are read; `done` completes its index once the reading has ended. */
export interface EntityIndexing {
  add(item: SourceItem): void;
  done(report: SourceReadReport | undefined): EntityIndex;
}

export function indexEntity(indexes: Indexes, plan: Plan, entity: EntityPlan): EntityIndexing {
  const index = new GrowingIndex(entity, needsOf(plan, entity.name));
  indexes.entities.set(entity.name, index);
  return {
    add(item) {
      index.read += 1;
      if (item.kind === "rejected" && entity.keyOptional === true && isKeylessRow(entity, item)) index.keyless += 1;
      else if (item.kind === "rejected") {
        index.rejections.push(item);
        const key = rejectedRowKey(entity, item);
        if (key !== undefined) index.rejectedKeys.set(key, { file: item.file, line: item.line, reason: item.reason });
      } else if (item.kind === "duplicate") index.duplicates += 1;
      else index.add(item);
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
  const keyless = index.keyless > 0 ? `, ${index.keyless} without a key (skipped: the key is optional)` : "";
  return `${index.entity.name}: ${index.read} records${where}${index.duplicates > 0 ? `, ${index.duplicates} duplicate keys merged` : ""}${keyless}${index.rejections.length > 0 ? `, ${index.rejections.length} unreadable` : ""}`;
}

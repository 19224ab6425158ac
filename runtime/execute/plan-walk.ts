/**
 * Questions about a plan's expressions the executor asks before reading any row, answered by one
 * walk over every sub-expression.
 */
import { childExpressions } from "../../compiler/plan/expressions.js";
import type { Plan, PlanExpression, StepPlan } from "../../compiler/plan/schema.js";

/**
 * The expression and every expression inside it, a `with` block's `when` filter included: all that
 * evaluating it may compute (a lookup, a table, a `get`). What a run must check or index before
 * it reads a row is found with this walk.
 */
export function* everySubexpression(expression: PlanExpression): Generator<PlanExpression> {
  yield expression;
  for (const { child } of childExpressions(expression)) yield* everySubexpression(child);
}

/**
 * The expression and those inside it that read the row itself: a `with` block's `when` filter is
 * left out, since its columns are the linked entity's (which columns of an entity are read, what a
 * column feeds, whether a value comes from a personal column). For what evaluating it may
 * compute, walk `everySubexpression`.
 */
export function* subexpressions(expression: PlanExpression): Generator<PlanExpression> {
  yield expression;
  for (const { child, linkedRow } of childExpressions(expression)) if (!linkedRow) yield* subexpressions(child);
}

/** Every expression of the plan, filters included: conditions, operations and deferred operations of every step. */
export function* planExpressions(plan: Plan): Generator<PlanExpression> {
  for (const step of plan.steps) {
    for (const condition of step.conditions) yield* everySubexpression(condition);
    if (step.merge !== undefined) yield* everySubexpression(step.merge.onto);
    for (const operation of [...step.operations, ...step.deferred]) yield* everySubexpression(operation.value);
  }
}

export interface IndexNeeds {
  /** entity → columns `get` reads from it. */
  readonly get: Map<string, Set<string>>;
  /** `entity\0by` → columns `with` blocks read from it, and the columns they order by. */
  readonly linked: Map<string, { readonly entity: string; readonly by: string; readonly columns: Set<string>; readonly orderBy: Set<string> }>;
  /** entity → its `unique` columns that `| ref alias by column` and `get(Entity.column by column)` name rows by. */
  readonly uniqueBy: Map<string, Set<string>>;
}

export function indexNeeds(plan: Plan): IndexNeeds {
  const get = new Map<string, Set<string>>();
  const linked: IndexNeeds["linked"] = new Map();
  const uniqueBy = new Map<string, Set<string>>();
  for (const expression of planExpressions(plan)) {
    if (expression.op === "ref" && expression.by !== undefined) {
      const columns = uniqueBy.get(expression.entity) ?? new Set<string>();
      columns.add(expression.by.column);
      // The second column of a pair is looked up by value as the first is.
      if (expression.by.and !== undefined) columns.add(expression.by.and);
      uniqueBy.set(expression.entity, columns);
    }
    if (expression.op === "get") {
      const columns = get.get(expression.entity) ?? new Set<string>();
      columns.add(expression.column);
      get.set(expression.entity, columns);
      // `get(Entity.column by name)` finds the row by a unique column first.
      if (expression.by !== undefined) uniqueBy.set(expression.entity, (uniqueBy.get(expression.entity) ?? new Set<string>()).add(expression.by.column));
    }
    if (expression.op === "linked") {
      const key = `${expression.entity}\u0000${expression.by}`;
      const entry = linked.get(key) ?? { entity: expression.entity, by: expression.by, columns: new Set<string>(), orderBy: new Set<string>() };
      entry.columns.add(expression.column);
      // The block's `when` reads columns of the linked rows too.
      if (expression.filter !== undefined) for (const part of subexpressions(expression.filter)) if (part.op === "column") entry.columns.add(part.column);
      if (expression.orderBy !== undefined) entry.orderBy.add(expression.orderBy);
      linked.set(key, entry);
    }
  }
  return { get, linked, uniqueBy };
}

/** Whether evaluating an expression may use one of these lookups (inside a `with` block's filter too). */
export function usesLookup(expression: PlanExpression, lookups: ReadonlySet<string>): boolean {
  for (const part of everySubexpression(expression)) if (part.op === "lookup" && lookups.has(part.lookup)) return true;
  return false;
}

/**
 * What a step's records read from other rows of the export: the rows `with` blocks link to a row
 * (by entity and linking column), and the values `get` reads. A change there changes the record
 * without its own row changing: the run journals a digest of them, so that a delta sees it.
 */
export interface StepFeeds {
  readonly linked: readonly { readonly entity: string; readonly by: string }[];
  /** The `get`s, and the `ref ... by column`s (which row a name names changes with the other rows). */
  readonly gets: readonly Extract<PlanExpression, { op: "get" | "ref" }>[];
}

/** A step's feeds, or undefined when its records read nothing but their own row. */
export function stepFeeds(step: StepPlan): StepFeeds | undefined {
  const linked = new Map<string, { entity: string; by: string }>();
  const gets: Extract<PlanExpression, { op: "get" | "ref" }>[] = [];
  for (const expression of [...step.conditions, ...mergeOnto(step), ...step.operations.map((operation) => operation.value), ...step.deferred.map((operation) => operation.value)]) {
    // A `get` inside a `with` block's filter reads a linked row: the linked rows' digest stands for it.
    for (const part of subexpressions(expression)) {
      if (part.op === "linked") linked.set(`${part.entity}\u0000${part.by}`, { entity: part.entity, by: part.by });
      if (part.op === "get" || (part.op === "ref" && part.by !== undefined)) gets.push(part);
    }
  }
  if (linked.size === 0 && gets.length === 0) return undefined;
  return { linked: [...linked.values()].sort((left, right) => (`${left.entity}\u0000${left.by}` < `${right.entity}\u0000${right.by}` ? -1 : 1)), gets };
}

/**
 * The entities whose index a step's pass reads from other rows: those its `ref`s point into, its
 * `get`s read and its `with` blocks link (their filters included), and for a child step, its
 * parent's. A `sibling` reads its own row only, so its own entity is not among them for that.
 */
export function entitiesRead(plan: Plan, step: StepPlan, pass: "main" | "deferred"): Set<string> {
  const entityOfStep = (id: string): string | undefined => plan.steps.find((candidate) => candidate.id === id)?.entity;
  const read = new Set<string>();
  const expressions =
    pass === "main" ? [...step.conditions, ...mergeOnto(step), ...step.operations.map((operation) => operation.value)] : step.deferred.map((operation) => operation.value);
  for (const expression of expressions) {
    for (const part of everySubexpression(expression)) {
      if (part.op === "ref") read.add(entityOfStep(part.step) ?? part.entity);
      if (part.op === "get" || part.op === "linked") read.add(part.entity);
      if (part.op === "sibling") {
        const sibling = entityOfStep(part.step);
        if (sibling !== undefined && sibling !== step.entity) read.add(sibling);
      }
    }
  }
  if (pass === "main" && step.parent !== undefined) {
    const parent = entityOfStep(step.parent.step);
    if (parent !== undefined) read.add(parent);
  }
  return read;
}

/** A step's `merge onto`, read in the main pass like its conditions. */
export function mergeOnto(step: StepPlan): PlanExpression[] {
  return step.merge === undefined ? [] : [step.merge.onto];
}

/** Questions about a plan's expressions the executor asks before reading any row. */
import type { Plan, PlanExpression, StepPlan } from "../../compiler/plan/schema.js";

export function* subexpressions(expression: PlanExpression): Generator<PlanExpression> {
  yield expression;
  switch (expression.op) {
    case "template":
      for (const part of expression.parts) if (typeof part !== "string") yield* subexpressions(part);
      break;
    case "list":
      for (const item of expression.items) yield* subexpressions(item);
      break;
    case "call":
      yield* subexpressions(expression.input);
      for (const arg of expression.args) yield* subexpressions(arg);
      break;
    case "table":
    case "lookup":
    case "ref":
    case "get":
      yield* subexpressions(expression.input);
      break;
    case "coalesce":
    case "and":
    case "or":
      for (const operand of expression.operands) yield* subexpressions(operand);
      break;
    case "if":
      yield* subexpressions(expression.condition);
      yield* subexpressions(expression.then);
      yield* subexpressions(expression.else);
      break;
    case "not":
    case "is":
      yield* subexpressions(expression.operand);
      break;
    case "compare":
      yield* subexpressions(expression.left);
      yield* subexpressions(expression.right);
      break;
    case "in":
      yield* subexpressions(expression.operand);
      for (const item of expression.items) yield* subexpressions(item);
      break;
    default:
      break;
  }
}

/** Every expression of the plan: conditions, operations and deferred operations of every step. */
export function* planExpressions(plan: Plan): Generator<PlanExpression> {
  for (const step of plan.steps) {
    for (const condition of step.conditions) yield* subexpressions(condition);
    for (const operation of [...step.operations, ...step.deferred]) yield* subexpressions(operation.value);
  }
}

export interface IndexNeeds {
  /** entity → columns `get` reads from it. */
  readonly get: Map<string, Set<string>>;
  /** `entity\0by` → columns `with` blocks read from it, and the columns they order by. */
  readonly linked: Map<string, { readonly entity: string; readonly by: string; readonly columns: Set<string>; readonly orderBy: Set<string> }>;
}

export function indexNeeds(plan: Plan): IndexNeeds {
  const get = new Map<string, Set<string>>();
  const linked: IndexNeeds["linked"] = new Map();
  for (const expression of planExpressions(plan)) {
    if (expression.op === "get") {
      const columns = get.get(expression.entity) ?? new Set<string>();
      columns.add(expression.column);
      get.set(expression.entity, columns);
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
  return { get, linked };
}

/** Whether an expression uses a lookup whose missing policy is `halt`. */
export function usesLookup(expression: PlanExpression, lookups: ReadonlySet<string>): boolean {
  for (const part of subexpressions(expression)) if (part.op === "lookup" && lookups.has(part.lookup)) return true;
  return false;
}

/**
 * What a step's records read from other rows of the export: the rows `with` blocks link to a row
 * (by entity and linking column), and the values `get` reads. A change there changes the record
 * without its own row changing: the run journals a digest of them, so that a delta sees it.
 */
export interface StepFeeds {
  readonly linked: readonly { readonly entity: string; readonly by: string }[];
  readonly gets: readonly Extract<PlanExpression, { op: "get" }>[];
}

/** A step's feeds, or undefined when its records read nothing but their own row. */
export function stepFeeds(step: StepPlan): StepFeeds | undefined {
  const linked = new Map<string, { entity: string; by: string }>();
  const gets: Extract<PlanExpression, { op: "get" }>[] = [];
  for (const expression of [...step.conditions, ...step.operations.map((operation) => operation.value), ...step.deferred.map((operation) => operation.value)]) {
    for (const part of subexpressions(expression)) {
      if (part.op === "linked") linked.set(`${part.entity}\u0000${part.by}`, { entity: part.entity, by: part.by });
      if (part.op === "get") gets.push(part);
    }
  }
  if (linked.size === 0 && gets.length === 0) return undefined;
  return { linked: [...linked.values()].sort((left, right) => (`${left.entity}\u0000${left.by}` < `${right.entity}\u0000${right.by}` ? -1 : 1)), gets };
}

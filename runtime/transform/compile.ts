/**
 * Plan expressions compiled once into JavaScript closures: each node of an expression becomes a
 * function that computes its value straight from its children's, with no walk over the tree, no
 * outcome object per node and no promise, for every row. This is the one evaluation semantics of
 * the runtime: `evaluate` (runtime/transform/evaluate.ts) and the step evaluators of a run both
 * call these closures.
 *
 * A closure returns the value, or FAILED with the reason in its scope (the row cannot be loaded).
 * Notes are pushed onto the scope as they arise, in the order a reader of the mapping expects:
 * an expression's inputs before its own. Only `file` and `mimetype` read from disk: a closure
 * reaching one that has not answered yet leaves its promise in the scope and fails; `runCompiled`
 * waits for it and runs the expression again, the answers so far replayed in order (evaluation is
 * pure, so the run repeats the last one up to there).
 */
import type { PlanExpression, PlanValue } from "../../compiler/plan/schema.js";
import { computeArithmetic } from "./builtin-arithmetic.js";
import { builtinDefinitionFor, type BuiltinContext } from "./builtins.js";
import type { BoundBuiltin, DefinedBuiltin } from "./builtin-support.js";
import { matchFieldsText, type EvaluationEnvironment, type LookupRuntime, type RowInput } from "./evaluate.js";
import { getStep, referenceByStep, referenceStep, resolved } from "./reference-steps.js";
import { isEmpty, type RuntimeValue, type StepOutcome, type ValueNote } from "./values.js";
import { compare, literalKey, looseKey, textOf } from "./value-words.js";

/** What a closure returns when the row cannot be loaded; the reason is in the scope. */
export const FAILED: unique symbol = Symbol("failed");
export type Computed = RuntimeValue | typeof FAILED;

/** What one evaluation carries besides values: its notes, a failure's reason, the answers of file reads. */
export class EvaluationScope {
  readonly notes: ValueNote[] = [];
  reason = "";
  /** Outcomes of asynchronous built-ins, in the order the evaluation reached them. */
  readonly settled: StepOutcome[] = [];
  /** How many asynchronous built-ins this run of the expression has reached. */
  reached = 0;
  /** The built-in answer this run stopped at. */
  pending: Promise<StepOutcome> | undefined = undefined;

  fail(reason: string): typeof FAILED {
    this.reason = reason;
    return FAILED;
  }

  private contextEntity: RowInput["entity"] | undefined = undefined;
  private contextEnvironment: EvaluationEnvironment | undefined = undefined;
  private context: BuiltinContext | undefined = undefined;

  /**
   * The built-in context of the row's entity, the last one kept: a scope evaluates the rows of one
   * step (a `with` block's filter those of another entity), and asking the environment's map cost
   * a hash lookup per built-in call. A context depends on the environment and the entity alone.
   */
  contextOf(row: RowInput, environment: EvaluationEnvironment): BuiltinContext {
    if (this.context === undefined || row.entity !== this.contextEntity || environment !== this.contextEnvironment) {
      this.context = environment.builtinContext(row.entity);
      this.contextEntity = row.entity;
      this.contextEnvironment = environment;
    }
    return this.context;
  }

  /** Drops the notes after the first `count`: asked for every field of every row, and setting an array's length is a call into the engine even when it does not change. */
  keepNotes(count: number): void {
    if (this.notes.length !== count) this.notes.length = count;
  }
}

type Node = (row: RowInput, environment: EvaluationEnvironment, scope: EvaluationScope) => Computed;

export interface CompiledExpression {
  readonly compute: Node;
  /** Whether it may wait for a file read (then run it with `runCompiled`). */
  readonly asynchronous: boolean;
}

const compiledExpressions = new WeakMap<PlanExpression, CompiledExpression>();

/** The closure of an expression, compiled once per expression object. */
export function compileExpression(expression: PlanExpression): CompiledExpression {
  let compiled = compiledExpressions.get(expression);
  if (compiled === undefined) {
    const asynchronous = { found: false };
    compiled = { compute: compileNode(expression, asynchronous), asynchronous: asynchronous.found };
    compiledExpressions.set(expression, compiled);
  }
  return compiled;
}

/** Computes an expression to its end, waiting for the file reads it reaches. */
export function runCompiled(
  compiled: CompiledExpression,
  row: RowInput,
  environment: EvaluationEnvironment,
  scope: EvaluationScope,
): Computed | Promise<Computed> {
  if (!compiled.asynchronous) return compiled.compute(row, environment, scope);
  if (scope.settled.length !== 0) scope.settled.length = 0;
  return attempt(compiled.compute, row, environment, scope, scope.notes.length);
}

function attempt(compute: Node, row: RowInput, environment: EvaluationEnvironment, scope: EvaluationScope, notesBefore: number): Computed | Promise<Computed> {
  scope.reached = 0;
  scope.keepNotes(notesBefore);
  const value = compute(row, environment, scope);
  const pending = scope.pending;
  if (pending === undefined) return value;
  scope.pending = undefined;
  return pending.then((outcome) => {
    scope.settled.push(outcome);
    return attempt(compute, row, environment, scope, notesBefore);
  });
}


/** Notes that say a value was left empty. */
const LEFT_EMPTY: ReadonlySet<ValueNote["kind"]> = new Set(["dangling-reference", "lookup-missing", "flagged"]);

function superseded(note: ValueNote): ValueNote {
  return LEFT_EMPTY.has(note.kind) ? { ...note, detail: `${note.detail.replace(/; left empty$/, "")}; the value after \`??\` was used` } : note;
}

function settle(outcome: StepOutcome, scope: EvaluationScope): Computed {
  if (!outcome.ok) return scope.fail(outcome.reason);
  if (outcome.notes !== undefined) for (const note of outcome.notes) scope.notes.push(note);
  return outcome.value;
}

function planValue(value: PlanValue, environment: EvaluationEnvironment): RuntimeValue {
  if (value !== null && typeof value === "object") return environment.record(value.model, value.xmlid);
  return value;
}

// ------------------------------------------------------------------------------------------------
// The compiler: one closure per node

function compileNode(expression: PlanExpression, asynchronous: { found: boolean }): Node {
  const child = (inner: PlanExpression): Node => compileNode(inner, asynchronous);
  switch (expression.op) {
    case "const": {
      const value = expression.value;
      return () => value;
    }
    case "column": {
      const column = expression.column;
      return (row) => row.values[column] ?? null;
    }
    case "group-column": {
      const { group, column } = expression;
      return (row) => (row.group?.name === group ? (row.group.values[column] ?? null) : null);
    }
    case "record": {
      const { model, xmlid } = expression;
      return (_row, environment) => environment.record(model, xmlid);
    }
    case "linked":
      return linked(expression, expression.filter === undefined ? undefined : child(expression.filter));
    case "template":
      return template(expression.parts.map((part) => (typeof part === "string" ? constant(part) : child(part))));
    case "list":
      return list(expression.items.map(child));
    case "call":
      return call(expression, child(expression.input), expression.args.map(child), asynchronous);
    case "table":
      return itemwise(child(expression.input), expression.itemwise, tableStep(expression.table));
    case "lookup":
      return itemwise(child(expression.input), expression.itemwise, lookupStep(expression.lookup));
    case "ref": {
      const optional = expression.optional === true;
      const reference = referenceStep(expression.step, optional);
      const step = expression.by === undefined ? reference : referenceByStep(expression.entity, expression.by, optional, reference);
      return itemwise(child(expression.input), expression.itemwise, step);
    }
    case "sibling": {
      const step = expression.step;
      const optional = expression.optional === true;
      return (row, environment, scope) => resolved(environment.sibling(step, row.key), step, row.key, optional, scope);
    }
    case "get":
      return itemwise(child(expression.input), expression.itemwise, getStep(expression.entity, expression.column, expression.by));
    case "coalesce":
      return coalesce(expression.operands.map(child));
    case "if":
      return conditional(child(expression.condition), child(expression.then), child(expression.else));
    case "and":
    case "or":
      return logical(expression.op, expression.operands.map(child));
    case "not": {
      const operand = child(expression.operand);
      return (row, environment, scope) => {
        const value = operand(row, environment, scope);
        return value === FAILED ? value : value !== true;
      };
    }
    case "compare":
      return comparison(child(expression.left), expression.operator, child(expression.right));
    case "arithmetic":
      return arithmetic(child(expression.left), expression.operator, child(expression.right));
    case "is": {
      const operand = child(expression.operand);
      const { test, negated } = expression;
      return (row, environment, scope) => {
        const value = operand(row, environment, scope);
        if (value === FAILED) return value;
        const present = !isEmpty(value);
        return (test === "present" ? present : !present) !== negated;
      };
    }
    case "in":
      return membership(child(expression.operand), expression.items.map(child), expression.negated);
  }
}

function constant(value: RuntimeValue): Node {
  return () => value;
}

function linked(expression: Extract<PlanExpression, { op: "linked" }>, filter: Node | undefined): Node {
  const { entity, by, column, orderBy, descending } = expression;
  return (row, environment, scope) => {
    const rows = environment.linked(entity, by, row.key, orderBy, descending);
    const values: RuntimeValue[] = [];
    for (const linkedValues of rows) {
      if (filter !== undefined) {
        // The filter reads the linked row; its notes are not the field's.
        const notesBefore = scope.notes.length;
        const kept = filter({ entity: environment.entity(entity), key: "", values: linkedValues }, environment, scope);
        scope.keepNotes(notesBefore);
        if (kept === FAILED) return kept;
        if (kept !== true) continue;
      }
      values.push(linkedValues[column] ?? null);
    }
    return values;
  };
}

function template(parts: readonly Node[]): Node {
  return (row, environment, scope) => {
    let text = "";
    for (const part of parts) {
      const value = part(row, environment, scope);
      if (value === FAILED) return value;
      text += textOf(value);
    }
    return text;
  };
}

function list(items: readonly Node[]): Node {
  return (row, environment, scope) => {
    const values: RuntimeValue[] = [];
    for (const item of items) {
      const value = item(row, environment, scope);
      if (value === FAILED) return value;
      values.push(value);
    }
    return values;
  };
}

/** A step applied to one value, pushing its notes; FAILED when it rejects the row. */
export type Step = (value: RuntimeValue, row: RowInput, environment: EvaluationEnvironment, scope: EvaluationScope) => Computed;

/** Applies a step to the input, or (item by item) to each item of a list input, leaving out empty results. */
function itemwise(input: Node, byItem: boolean, step: Step): Node {
  if (!byItem) {
    return (row, environment, scope) => {
      const value = input(row, environment, scope);
      return value === FAILED ? value : step(value, row, environment, scope);
    };
  }
  return (row, environment, scope) => {
    const value = input(row, environment, scope);
    if (value === FAILED) return value;
    if (!Array.isArray(value)) return step(value, row, environment, scope);
    const results: RuntimeValue[] = [];
    for (const item of value as readonly RuntimeValue[]) {
      const result = step(item, row, environment, scope);
      if (result === FAILED) return result;
      if (result !== null) results.push(result);
    }
    return results;
  };
}

function tableStep(name: string): Step {
  return (value, _row, environment, scope) => {
    if (isEmpty(value)) return null;
    const table = environment.table(name);
    const key = literalKey(value);
    const found = table.entries.get(key) ?? table.looseEntries.get(looseKey(key));
    if (found !== undefined) return planValue(found, environment);
    const shown = JSON.stringify(textOf(value));
    switch (table.unmatched.action) {
      case "reject":
        return scope.fail(`${shown} is not in table ${name}`);
      case "flag":
        scope.notes.push({ kind: "flagged", detail: `${shown} is not in table ${name}; left empty` });
        return null;
      case "keep":
        return value;
      case "empty":
        return null;
      case "value": {
        const fallback = planValue(table.unmatched.value, environment);
        scope.notes.push({ kind: "table-default", detail: `${shown} is not in table ${name}; its default was used` });
        return fallback;
      }
    }
  };
}

/** The values a lookup `by name and city` is asked, one per field, as JSON; undefined when all are blank. */
function valuesTogether(value: RuntimeValue): string | undefined {
  const parts = (Array.isArray(value) ? value : [value]).map((item) => (isEmpty(item) ? "" : textOf(item).trim()));
  return parts.every((part) => part === "") ? undefined : JSON.stringify(parts);
}

/** What a lookup gives for one value: a record or nothing, with the note it makes; or why the row fails. */
type LookupAnswer = { readonly value: RuntimeValue; readonly note?: ValueNote } | { readonly failure: string };

function lookupAnswer(lookup: LookupRuntime, wanted: string): LookupAnswer {
  const found = lookup.resolve(wanted);
  if (found.status === "found") {
    const value = found.value === undefined ? found.record : found.value;
    return found.note === undefined ? { value } : { value, note: { kind: "lookup-ambiguous", detail: found.note } };
  }
  if (found.status === "ambiguous") return { failure: found.reason };
  const what = `no ${lookup.model} record has ${matchFieldsText(lookup)} ${lookup.together === true ? wanted : JSON.stringify(wanted)}`;
  switch (lookup.missing.policy) {
    case "reject":
    case "halt":
      return { failure: what };
    case "flag":
      return { value: null, note: { kind: "lookup-missing", detail: `${what}; left empty` } };
    case "fallback": {
      const fallback = lookup.resolveFallback(String(lookup.missing.value));
      if (fallback.status !== "found") return { failure: `${what}, and neither has the fallback ${JSON.stringify(lookup.missing.value)}` };
      return { value: fallback.value === undefined ? fallback.record : fallback.value, note: { kind: "lookup-fallback", detail: `${what}; ${JSON.stringify(lookup.missing.value)} was used` } };
    }
  }
}

function lookupStep(name: string): Step {
  // Each value's answer, its note worded once, for the lookup runtime at hand when it keeps its
  // answers (a run's): rows ask again what rows before them asked (an owner's e-mail).
  let runtime: LookupRuntime | undefined;
  let answers = new Map<string, LookupAnswer>();
  return (value, _row, environment, scope) => {
    if (isEmpty(value)) return null;
    const lookup = environment.lookup(name);
    if (lookup !== runtime) {
      runtime = lookup;
      answers = new Map();
    }
    const wanted = lookup.together === true ? valuesTogether(value) : textOf(value).trim();
    if (wanted === undefined) return null;
    let answer = answers.get(wanted);
    if (answer === undefined) {
      answer = lookupAnswer(lookup, wanted);
      if (lookup.answersKept === true) answers.set(wanted, answer);
    }
    if ("failure" in answer) return scope.fail(answer.failure);
    if (answer.note !== undefined) scope.notes.push(answer.note);
    return answer.value;
  };
}

/** A built-in call: its arguments first (bound once when they are constants), then its input, item by item if so. */
function call(expression: Extract<PlanExpression, { op: "call" }>, input: Node, args: readonly Node[], asynchronous: { found: boolean }): Node {
  // The plan's input type tells a datetime from text that merely looks like one.
  const builtin = builtinDefinitionFor(expression.builtin, expression.input.type);
  if (builtin === undefined) {
    const reason = `the plan uses \`${expression.builtin}\`, which this version of Flitmap does not know; compile the package again`;
    return (_row, _environment, scope) => scope.fail(reason);
  }
  if (builtin.asynchronous) asynchronous.found = true;
  const apply = applier(builtin);
  const stepOf =
    (bound: BoundBuiltin): Step =>
    (value, row, environment, scope) =>
      apply(bound, value, scope.contextOf(row, environment), scope);
  const constants: RuntimeValue[] = [];
  for (const arg of expression.args) if (arg.op === "const") constants.push(arg.value);
  if (constants.length === args.length) {
    const bound = builtin.bind(constants);
    if (expression.itemwise) return itemwise(input, true, stepOf(bound));
    // The common call, `value | trim`: one closure from the input to the built-in's answer.
    return (row, environment, scope) => {
      const value = input(row, environment, scope);
      return value === FAILED ? value : apply(bound, value, scope.contextOf(row, environment), scope);
    };
  }
  return (row, environment, scope) => {
    const values: RuntimeValue[] = [];
    for (const arg of args) {
      const value = arg(row, environment, scope);
      if (value === FAILED) return value;
      values.push(value);
    }
    return itemwise(input, expression.itemwise, stepOf(builtin.bind(values)))(row, environment, scope);
  };
}

type Applier = (bound: BoundBuiltin, value: RuntimeValue, context: BuiltinContext, scope: EvaluationScope) => Computed;

/** How a call meets its built-in's answer: at once, or (file reads) replayed from the answers so far, else left pending. */
function applier(builtin: DefinedBuiltin): Applier {
  if (!builtin.asynchronous) {
    return (bound, value, context, scope) => {
      const outcome = bound(value, context);
      if (outcome instanceof Promise) throw new Error(`the built-in \`${builtin.name}\` answered with a promise, but is not declared asynchronous`);
      return settle(outcome, scope);
    };
  }
  return (bound, value, context, scope) => {
    const index = scope.reached++;
    const known = scope.settled[index];
    if (known !== undefined) return settle(known, scope);
    const outcome = bound(value, context);
    if (outcome instanceof Promise) {
      scope.pending = outcome;
      return FAILED;
    }
    scope.settled.push(outcome);
    return settle(outcome, scope);
  };
}

function coalesce(operands: readonly Node[]): Node {
  return (row, environment, scope) => {
    const notes = scope.notes;
    const start = notes.length;
    for (const operand of operands) {
      const before = notes.length;
      const value = operand(row, environment, scope);
      if (value === FAILED) return value;
      if (isEmpty(value)) continue;
      // An earlier operand's problem is still worth reporting, but "left empty" is no longer true;
      // an optional link the mapping expects to be missing, or a name another entity holds, is no
      // problem at all.
      if (before > start) {
        const given = notes.splice(before);
        const earlier = notes
          .splice(start)
          .filter((note) => note.kind !== "optional-link" && note.unmatchedName !== true)
          .map(superseded);
        notes.push(...earlier, ...given);
      }
      return value;
    }
    return null;
  };
}

function conditional(condition: Node, then: Node, otherwise: Node): Node {
  return (row, environment, scope) => {
    const value = condition(row, environment, scope);
    if (value === FAILED) return value;
    return value === true ? then(row, environment, scope) : otherwise(row, environment, scope);
  };
}

function logical(op: "and" | "or", operands: readonly Node[]): Node {
  return (row, environment, scope) => {
    for (const operand of operands) {
      const value = operand(row, environment, scope);
      if (value === FAILED) return value;
      const truth = value === true;
      if (op === "and" && !truth) return false;
      if (op === "or" && truth) return true;
    }
    return op === "and";
  };
}

function arithmetic(left: Node, operator: Extract<PlanExpression, { op: "arithmetic" }>["operator"], right: Node): Node {
  return (row, environment, scope) => {
    const a = left(row, environment, scope);
    if (a === FAILED) return a;
    const b = right(row, environment, scope);
    if (b === FAILED) return b;
    const result = computeArithmetic(a, operator, b);
    return result.ok ? result.value : scope.fail(result.reason);
  };
}

function comparison(left: Node, operator: Extract<PlanExpression, { op: "compare" }>["operator"], right: Node): Node {
  return (row, environment, scope) => {
    const a = left(row, environment, scope);
    if (a === FAILED) return a;
    const b = right(row, environment, scope);
    if (b === FAILED) return b;
    return compare(a, operator, b);
  };
}

function membership(operand: Node, items: readonly Node[], negated: boolean): Node {
  return (row, environment, scope) => {
    const value = operand(row, environment, scope);
    if (value === FAILED) return value;
    let found = false;
    for (const item of items) {
      const candidate = item(row, environment, scope);
      if (candidate === FAILED) return candidate;
      if (compare(value, "=", candidate)) found = true;
    }
    return found !== negated;
  };
}

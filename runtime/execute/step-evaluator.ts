/**
 * The seam between the run and the evaluation of a row: a `StepEvaluator` turns one row (one
 * `for each` instance of it) into what its step writes: the cells of the step's fields with the
 * notes on their values, or that the row is skipped by a condition, or rejected and why; and,
 * for the second pass, the cells of the deferred fields. The step writer and the deferred writes
 * see nothing else of evaluation.
 *
 * `stepEvaluators` is where the run gets them: each step's conditions and fields compiled once
 * into closures (runtime/transform/compile.ts), run straight through for each row, synchronously
 * unless a field reads a file.
 */
import type { OperationPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import { compileExpression, EvaluationScope, FAILED, runCompiled, type CompiledExpression, type Computed } from "../transform/compile.js";
import { evaluate, type EvaluationEnvironment, type RowInput } from "../transform/evaluate.js";
import { isEmpty, type RuntimeValue, type ValueNote } from "../transform/values.js";
import { cellOf, columnOf, fieldProblem, type ReferenceStyle } from "./cells.js";
import { constrainedFields, constraintRefusal } from "./constraints.js";

/** A note on the value of one field. */
export interface FieldNote {
  readonly field: string;
  readonly note: ValueNote;
}

/**
 * What a row makes in a step. Notes are those of the fields computed before the decision: a
 * rejected row keeps the notes of the fields before the one that rejected it.
 */
export type RowDecision =
  /** Skipped by a condition; the notes its conditions made (a value a check flagged) are still told. */
  | { readonly kind: "skip"; readonly notes: readonly FieldNote[] }
  | { readonly kind: "reject"; readonly reason: string; readonly notes: readonly FieldNote[] }
  | {
      readonly kind: "write";
      /**
       * The row's cells as its batch takes them: the first left empty for the record's external
       * ID, which the step writer sets, then one per operation of the step, in order (made in
       * place, not copied into another array for every row).
       */
      readonly cells: string[];
      /** Columns left to Odoo's default (a defaulted field whose value is empty). */
      readonly defaulted: readonly string[];
      readonly notes: readonly FieldNote[];
    };

/** The second pass of a row: one cell per deferred operation (empty where the value could not be computed). */
export interface DeferredCells {
  readonly cells: readonly string[];
  readonly notes: readonly FieldNote[];
}

/** A step's evaluation of rows, one row at a time. */
export interface StepEvaluator {
  row(input: RowInput): RowDecision | Promise<RowDecision>;
  deferred(input: RowInput): DeferredCells | Promise<DeferredCells>;
}

/**
 * Whether a row (instance) makes a record in the step, by the step's conditions alone: a condition
 * that cannot be computed counts as not met. For the questions asked about rows besides writing
 * them (which rows a sample needs, which values the assessment counts).
 */
export async function conditionsHold(step: StepPlan, input: RowInput, environment: EvaluationEnvironment): Promise<boolean> {
  for (const condition of step.conditions) {
    const { outcome } = await evaluate(condition, input, environment);
    if (!outcome.ok || outcome.value !== true) return false;
  }
  return true;
}

/** The evaluator of each step of the plan, for rows read with `environment`, cells pointing to records by `style`. */
export function stepEvaluators(plan: Plan, environment: EvaluationEnvironment, style: ReferenceStyle): (step: StepPlan) => StepEvaluator {
  const evaluators = new Map(plan.steps.map((step) => [step.id, compiledStep(step, environment, style)]));
  return (step) => evaluators.get(step.id) ?? compiledStep(step, environment, style);
}

const NONE: readonly never[] = Object.freeze([]);
const SKIP: RowDecision = Object.freeze({ kind: "skip", notes: NONE });

/** What the notes of a step's conditions are told under: the keyword that writes them. */
const CONDITION = "when";

/**
 * The notes of a condition that are told: a value a check flagged (dropped, so the data would be
 * lost unseen) and a link settled among several. A reference or lookup a condition finds empty is
 * what `when … is present` asks about, not news.
 */
const TOLD_OF_CONDITIONS: ReadonlySet<ValueNote["kind"]> = new Set(["flagged", "lookup-ambiguous", "ref-ambiguous"]);

/** A field of a step with its compiled value and its column. */
interface CompiledField {
  readonly operation: OperationPlan;
  readonly value: CompiledExpression;
  readonly column: string;
  /** Whether a constraint of the step reads its value (only those values are kept for the check). */
  readonly constrained: boolean;
}

/** What a row has made so far in its step: the cells of the fields computed, the columns defaulted, the notes. */
interface RowSoFar {
  readonly input: RowInput;
  readonly cells: string[];
  defaulted: string[] | undefined;
  notes: FieldNote[] | undefined;
  /** The values of the fields the step's Odoo constraints read, kept only for a step with constraints to check (constraints.ts). */
  readonly values: Map<string, RuntimeValue> | undefined;
}

/**
 * A step whose conditions and fields are compiled once. Rows are evaluated one at a time (the
 * scope is the evaluator's own): the step writer awaits each before the next.
 */
function compiledStep(step: StepPlan, environment: EvaluationEnvironment, style: ReferenceStyle): StepEvaluator {
  const conditions = step.conditions.map(compileExpression);
  const constrained = constrainedFields(step);
  const fieldsOf = (operations: readonly OperationPlan[]): CompiledField[] =>
    operations.map((operation) => ({
      operation,
      value: compileExpression(operation.value),
      column: columnOf(operation, style),
      constrained: constrained.has(operation.field),
    }));
  const fields = fieldsOf(step.operations);
  const deferredFields = fieldsOf(step.deferred);
  const scope = new EvaluationScope();
  const checksConstraints = constrained.size > 0;

  /** Conditions, then fields, from `index` on (conditions first): a decision, or a promise of one when a field reads a file. */
  const decide = (row: RowSoFar, index: number): RowDecision | Promise<RowDecision> => {
    for (let unit = index; unit < conditions.length + fields.length; unit++) {
      scope.keepNotes(0);
      const compiled = unit < conditions.length ? conditions[unit] : fields[unit - conditions.length]?.value;
      if (compiled === undefined) continue;
      const value = runCompiled(compiled, row.input, environment, scope);
      if (value instanceof Promise) return value.then((settled) => settleUnit(row, unit, settled) ?? decide(row, unit + 1));
      const decision = settleUnit(row, unit, value);
      if (decision !== undefined) return decision;
    }
    const refused = row.values === undefined ? undefined : constraintRefusal(step, row.values);
    if (refused !== undefined) return { kind: "reject", reason: refused, notes: row.notes ?? NONE };
    return { kind: "write", cells: row.cells, defaulted: row.defaulted ?? NONE, notes: row.notes ?? NONE };
  };

  /** What a condition's or field's value makes of the row: skipped, rejected, or (undefined) on to the next. */
  const settleUnit = (row: RowSoFar, unit: number, value: Computed): RowDecision | undefined => {
    if (unit < conditions.length) {
      if (value === FAILED) return { kind: "reject", reason: scope.reason, notes: NONE };
      // A check in a condition (`when iban | iban("NL", "flag") is present`) flags a value it drops: that is told, not lost.
      for (const note of scope.notes) if (TOLD_OF_CONDITIONS.has(note.kind)) (row.notes ??= []).push({ field: CONDITION, note });
      if (value === true) return undefined;
      return row.notes === undefined ? SKIP : { kind: "skip", notes: row.notes };
    }
    const field = fields[unit - conditions.length];
    if (field === undefined) return undefined;
    const { operation } = field;
    if (value === FAILED) {
      // `| required` after a reference says only "empty": the notes say why.
      const because = scope.notes
        .filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing" || note.kind === "optional-link")
        .map((note) => note.detail);
      return { kind: "reject", reason: `${operation.field}: ${scope.reason}${because.length > 0 ? ` (${because.join("; ")})` : ""}`, notes: row.notes ?? NONE };
    }
    const problem = fieldProblem(operation, value, scope.notes, style);
    if (problem !== undefined) return { kind: "reject", reason: problem, notes: row.notes ?? NONE };
    for (const note of scope.notes) (row.notes ??= []).push({ field: operation.field, note });
    row.cells[unit - conditions.length + 1] = cellOf(value, operation, style);
    if (field.constrained) row.values?.set(operation.field, value);
    if (operation.defaulted === true && isEmpty(value)) (row.defaulted ??= []).push(field.column);
    return undefined;
  };

  /** The deferred fields from `index` on: a field that cannot be computed leaves its cell empty. */
  const deferred = (input: RowInput, cells: string[], notes: FieldNote[], index: number): DeferredCells | Promise<DeferredCells> => {
    for (let at = index; at < deferredFields.length; at++) {
      const field = deferredFields[at];
      if (field === undefined) continue;
      scope.keepNotes(0);
      const value = runCompiled(field.value, input, environment, scope);
      const settle = (settled: Computed): void => {
        for (const note of scope.notes) notes.push({ field: field.operation.field, note });
        cells.push(settled === FAILED ? "" : cellOf(settled, field.operation, style));
      };
      if (value instanceof Promise)
        return value.then((settled) => {
          settle(settled);
          return deferred(input, cells, notes, at + 1);
        });
      settle(value);
    }
    return { cells, notes };
  };

  return {
    row: (input) => decide({ input, cells: cellsFor(fields.length), defaulted: undefined, notes: undefined, values: checksConstraints ? new Map() : undefined }, 0),
    deferred: (input) => deferred(input, [], [], 0),
  };
}

/**
 * A row's cells, made at their length: filled one by one from an empty array, the array grew twice
 * for a step of twenty fields (a new store each time), the largest part of what settling a field allocated.
 */
function cellsFor(fields: number): string[] {
  const cells = new Array<string>(fields + 1);
  cells[0] = "";
  return cells;
}

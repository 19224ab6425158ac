/**
 * The seam between the run and the evaluation of a row: a `StepEvaluator` turns one row (one
 * `for each` instance of it) into what its step writes: the cells of the step's fields with the
 * notes on their values, or that the row is skipped by a condition, or rejected and why; and,
 * for the second pass, the cells of the deferred fields. The step writer and the deferred writes
 * see nothing else of evaluation.
 *
 * `stepEvaluators` is where the run gets them. Today they interpret the plan's expressions row by
 * row (runtime/transform/evaluate.ts); a compiled form of each step (closures built once per plan)
 * can take their place here, behind the same interface, without a change to the run.
 */
import type { Plan, StepPlan } from "../../compiler/plan/schema.js";
import { evaluate, type EvaluationEnvironment, type RowInput } from "../transform/evaluate.js";
import { isEmpty, type RuntimeValue, type ValueNote } from "../transform/values.js";
import { cellOf, columnOf, fieldProblem, type ReferenceStyle } from "./cells.js";
import { constraintRefusal } from "./constraints.js";

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
  | { readonly kind: "skip" }
  | { readonly kind: "reject"; readonly reason: string; readonly notes: readonly FieldNote[] }
  | {
      readonly kind: "write";
      /** One cell per operation of the step, in order. */
      readonly cells: readonly string[];
      /** Columns left to Odoo's default (a defaulted field whose value is empty). */
      readonly defaulted: readonly string[];
      readonly notes: readonly FieldNote[];
    };

/** The second pass of a row: one cell per deferred operation (empty where the value could not be computed). */
export interface DeferredCells {
  readonly cells: readonly string[];
  readonly notes: readonly FieldNote[];
}

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
  const evaluators = new Map(plan.steps.map((step) => [step.id, interpretedStep(step, environment, style)]));
  return (step) => evaluators.get(step.id) ?? interpretedStep(step, environment, style);
}

/** A step evaluated by walking its expressions for each row. */
function interpretedStep(step: StepPlan, environment: EvaluationEnvironment, style: ReferenceStyle): StepEvaluator {
  return {
    async row(input) {
      for (const condition of step.conditions) {
        const { outcome } = await evaluate(condition, input, environment);
        if (!outcome.ok) return { kind: "reject", reason: outcome.reason, notes: [] };
        if (outcome.value !== true) return { kind: "skip" };
      }
      const cells: string[] = [];
      const defaulted: string[] = [];
      const noted: FieldNote[] = [];
      const values = new Map<string, RuntimeValue>();
      for (const operation of step.operations) {
        const { outcome, notes } = await evaluate(operation.value, input, environment);
        if (!outcome.ok) {
          // `| required` after a reference says only "empty": the notes say why.
          const because = notes
            .filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing" || note.kind === "optional-link")
            .map((note) => note.detail);
          return { kind: "reject", reason: `${operation.field}: ${outcome.reason}${because.length > 0 ? ` (${because.join("; ")})` : ""}`, notes: noted };
        }
        const problem = fieldProblem(operation, outcome.value, notes, style);
        if (problem !== undefined) return { kind: "reject", reason: problem, notes: noted };
        for (const note of notes) noted.push({ field: operation.field, note });
        cells.push(cellOf(outcome.value, operation, style));
        values.set(operation.field, outcome.value);
        if (operation.defaulted === true && isEmpty(outcome.value)) defaulted.push(columnOf(operation, style));
      }
      const refused = constraintRefusal(step, values);
      if (refused !== undefined) return { kind: "reject", reason: refused, notes: noted };
      return { kind: "write", cells, defaulted, notes: noted };
    },
    async deferred(input) {
      const cells: string[] = [];
      const noted: FieldNote[] = [];
      for (const operation of step.deferred) {
        const { outcome, notes } = await evaluate(operation.value, input, environment);
        for (const note of notes) noted.push({ field: operation.field, note });
        cells.push(outcome.ok ? cellOf(outcome.value, operation, style) : "");
      }
      return { cells, notes: noted };
    },
  };
}

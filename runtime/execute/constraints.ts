/**
 * Odoo's constraints beyond fields_get's flags (the plan's `constraints` of a step, from
 * compiler/catalog/constraints.ts), checked on a row's values before anything is written: a row
 * Odoo would refuse is rejected in every mode, a dry run and import files included, with the
 * message Odoo gives, instead of passing until a live load refuses it.
 */
import type { ConstraintPlan, StepPlan } from "../../compiler/plan/schema.js";
import { isEmpty, type RuntimeValue } from "../transform/values.js";

function applies(constraint: Extract<ConstraintPlan, { kind: "required" }>, values: ReadonlyMap<string, RuntimeValue>): boolean {
  const condition = constraint.appliesWhen;
  if (condition === undefined) return true;
  const value = values.get(condition.field);
  // A field the step does not write, or writes empty, is left to Odoo's default.
  if (value === undefined || isEmpty(value)) return condition.byDefault;
  return typeof value === "string" && condition.values.includes(value);
}

function refusal(constraint: ConstraintPlan, values: ReadonlyMap<string, RuntimeValue>): string | undefined {
  const value = values.get(constraint.field);
  // A cycle is a matter of several rows, followed by the second pass (hierarchies.ts).
  if (value === undefined || constraint.kind === "acyclic") return undefined;
  if (constraint.kind === "required") {
    if (!isEmpty(value) || !applies(constraint, values)) return undefined;
    return `Odoo refuses the record: "${constraint.message}" (${constraint.field} is empty)`;
  }
  if (typeof value !== "number" || (value >= constraint.min && value <= constraint.max)) return undefined;
  return `Odoo refuses the record: "${constraint.message}" (${constraint.field} is ${value})`;
}

/** Why Odoo would refuse the record a row makes in `step`, given the values of its fields; undefined when it would not. */
export function constraintRefusal(step: StepPlan, values: ReadonlyMap<string, RuntimeValue>): string | undefined {
  for (const constraint of step.constraints ?? []) {
    const refused = refusal(constraint, values);
    if (refused !== undefined) return refused;
  }
  return undefined;
}

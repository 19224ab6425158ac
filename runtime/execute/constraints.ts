/**
 * Odoo's constraints beyond fields_get's flags (the plan's `constraints` of a step, from
 * compiler/plan/step-constraints.ts), checked on a row's values before anything is written: a row
 * Odoo would refuse is rejected in every mode, a dry run and import files included, with the
 * message Odoo gives, instead of passing until a live load refuses it.
 */
import type { ConstraintPlan, StepPlan } from "../../compiler/plan/schema.js";
import { isEmpty, type RuntimeValue } from "../transform/values.js";

type AppliesWhen = Extract<ConstraintPlan, { kind: "required" }>["appliesWhen"];

function applies(condition: AppliesWhen, values: ReadonlyMap<string, RuntimeValue>): boolean {
  if (condition === undefined) return true;
  const value = values.get(condition.field);
  // A field the step does not write, or writes empty, is left to Odoo's default.
  if (value === undefined || isEmpty(value)) return condition.byDefault;
  return typeof value === "string" && condition.values.includes(value);
}

function hasValue(values: ReadonlyMap<string, RuntimeValue>, field: string): boolean {
  const value = values.get(field);
  return value !== undefined && !isEmpty(value);
}

/** A required field the step never writes: refused unless Odoo makes it from a field this row fills. */
function unsetRefusal(constraint: Extract<ConstraintPlan, { kind: "unset" }>, values: ReadonlyMap<string, RuntimeValue>): string | undefined {
  if (constraint.computedFrom.some((from) => hasValue(values, from)) || !applies(constraint.appliesWhen, values)) return undefined;
  const why =
    constraint.message === undefined ? `Missing required value for the field '${constraint.label}' (${constraint.field})` : constraint.message;
  const made = constraint.computedFrom.length === 0 ? "" : `, and ${constraint.computedFrom.join(" and ")}, which Odoo makes it from, ${constraint.computedFrom.length === 1 ? "is" : "are"} empty`;
  return `Odoo refuses the record: "${why}" (the mapping does not set ${constraint.field}${made})`;
}

function refusal(constraint: ConstraintPlan, values: ReadonlyMap<string, RuntimeValue>): string | undefined {
  if (constraint.kind === "unset") return unsetRefusal(constraint, values);
  const value = values.get(constraint.field);
  // A cycle is a matter of several rows, followed by the second pass (hierarchies.ts).
  if (value === undefined || constraint.kind === "acyclic") return undefined;
  if (constraint.kind === "required") {
    if (!isEmpty(value) || !applies(constraint.appliesWhen, values)) return undefined;
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

/** The fields whose values a step's constraints read (only those values are kept for the check). */
export function constrainedFields(step: StepPlan): Set<string> {
  const fields = new Set<string>();
  for (const constraint of step.constraints ?? []) {
    fields.add(constraint.field);
    if (constraint.kind === "unset") for (const from of constraint.computedFrom) fields.add(from);
    if ((constraint.kind === "required" || constraint.kind === "unset") && constraint.appliesWhen !== undefined) fields.add(constraint.appliesWhen.field);
  }
  return fields;
}

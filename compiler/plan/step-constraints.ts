/**
 * What a step's rows must satisfy for Odoo to create their records, beyond each field's own type:
 * the curated constraints on the fields it writes, and the required fields it leaves unset.
 */
import { constraintFactsFor, requiredFields, unsetRequiredFields, type OdooSchema } from "../catalog/index.js";
import type { ConstraintPlan, OperationPlan } from "./schema.js";

/** Odoo's constraints (compiler/catalog/constraints.ts) on the fields a step writes, in either pass. */
function writtenConstraints(model: string, written: ReadonlySet<string>): ConstraintPlan[] {
  return constraintFactsFor(model)
    .filter((fact) => written.has(fact.field))
    .map((fact): ConstraintPlan =>
      fact.kind === "range"
        ? { kind: "range", field: fact.field, min: fact.min, max: fact.max, message: fact.odooMessage }
        : fact.kind === "acyclic"
          ? { kind: "acyclic", field: fact.field, message: fact.odooMessage }
          : {
              kind: "required",
              field: fact.field,
              message: fact.odooMessage,
              ...(fact.appliesWhen === undefined
                ? {}
                : { appliesWhen: { field: fact.appliesWhen.field, values: [...fact.appliesWhen.values], byDefault: fact.appliesWhen.byDefault } }),
            },
    );
}

/**
 * The required fields a step leaves unset, which a package reaches a plan with only when FM405 was
 * demoted (init's proposals do): a run then refuses the row with Odoo's reason instead of
 * counting it loaded in a dry run or an import file. A field Odoo computes from one the step
 * writes only in its second pass is left out: the record exists by then without it.
 */
function unsetConstraints(schema: OdooSchema, model: string, operations: readonly OperationPlan[], deferred: readonly OperationPlan[], inverse: string | undefined): ConstraintPlan[] {
  const firstPass = new Set(operations.map((operation) => operation.field));
  const secondPass = new Set(deferred.map((operation) => operation.field));
  const written = new Set([...firstPass, ...secondPass]);
  const requiredNames = new Set(requiredFields(schema, model).map((entry) => entry.field.name));
  const unset: ConstraintPlan[] = [];
  for (const { field, constraint, computedFrom } of unsetRequiredFields(schema, model, written, inverse)) {
    if (computedFrom.some((from) => secondPass.has(from) && !firstPass.has(from))) continue;
    // Made from another required field: that field's own entry says why a row is refused.
    if (computedFrom.some((from) => requiredNames.has(from) && !firstPass.has(from))) continue;
    const appliesWhen = constraint?.kind === "required" ? constraint.appliesWhen : undefined;
    unset.push({
      kind: "unset",
      field: field.name,
      label: field.label,
      computedFrom: [...computedFrom],
      ...(constraint === undefined ? {} : { message: constraint.odooMessage }),
      ...(appliesWhen === undefined ? {} : { appliesWhen: { field: appliesWhen.field, values: [...appliesWhen.values], byDefault: appliesWhen.byDefault } }),
    });
  }
  return unset;
}

/** The constraints of a step writing `operations` (and `deferred` in its second pass) on `model`. */
export function stepConstraints(
  schema: OdooSchema,
  model: string,
  operations: readonly OperationPlan[],
  deferred: readonly OperationPlan[],
  inverse: string | undefined,
): ConstraintPlan[] {
  const written = new Set([...operations, ...deferred].map((operation) => operation.field));
  return [...writtenConstraints(model, written), ...unsetConstraints(schema, model, operations, deferred, inverse)];
}

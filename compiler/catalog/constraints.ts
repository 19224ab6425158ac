/**
 * Values Odoo refuses although fields_get does not say so: Python and SQL constraints are
 * invisible in fields_get (res.partner.name is `required: false` there), so each fact is curated
 * by hand from a recording of a real server that proves it. The recordings are from 17.0, 18.0
 * and 19.0; the facts are applied to every serie, older and newer ones being likely the same.
 * This is the one place they are kept: `check` reads them (FM405, FM414), and the plan carries
 * them to each step writing the field, so that a dry run or import files refuse a row as Odoo would.
 */

interface ConstraintFactBase {
  readonly model: string;
  readonly field: string;
  /** When the constraint applies, in words; absent when always. */
  readonly condition?: string;
  /** What Odoo answers (load() message or fault string), to recognise it in a run's errors. */
  readonly odooMessage: string;
  /** Recordings proving the fact: paths of wire captures, without the .request/.response suffix. */
  readonly evidence: readonly string[];
}

export interface RequiredByConstraint extends ConstraintFactBase {
  readonly kind: "required";
  /** The condition, as a run checks it: the record's `field` holds one of `values`, or is not written (Odoo's default). */
  readonly appliesWhen?: { readonly field: string; readonly values: readonly string[]; readonly byDefault: boolean };
}

export interface RangeConstraint extends ConstraintFactBase {
  readonly kind: "range";
  readonly min: number;
  readonly max: number;
}

/** A many2one a record may not reach itself through, however many links away (a partner's parent). */
export interface AcyclicConstraint extends ConstraintFactBase {
  readonly kind: "acyclic";
}

export type ConstraintFact = RequiredByConstraint | RangeConstraint | AcyclicConstraint;

const RECORDED_SERIES = ["17.0", "18.0", "19.0"] as const;

function wireEvidence(name: string): string[] {
  return RECORDED_SERIES.map((serie) => `test/fixtures/odoo/${serie}/wire/${name}`);
}

export const CONSTRAINT_FACTS: readonly ConstraintFact[] = [
  {
    kind: "required",
    model: "res.partner",
    field: "name",
    condition: 'type is "contact" (the default); delivery, invoice and other addresses may be nameless',
    appliesWhen: { field: "type", values: ["contact"], byDefault: true },
    odooMessage: "Contacts require a name",
    evidence: wireEvidence("load_partner_missing_required"),
  },
  {
    kind: "range",
    model: "crm.lead",
    field: "probability",
    min: 0,
    max: 100,
    odooMessage: "The probability of closing the deal should be between 0% and 100%!",
    evidence: wireEvidence("error_validation_sql_constraint"),
  },
  {
    kind: "acyclic",
    model: "res.partner",
    field: "parent_id",
    odooMessage: "You cannot create recursive Partner hierarchies.",
    evidence: wireEvidence("error_validation_recursive_parent"),
  },
];

export function constraintFactsFor(model: string): ConstraintFact[] {
  return CONSTRAINT_FACTS.filter((fact) => fact.model === model);
}

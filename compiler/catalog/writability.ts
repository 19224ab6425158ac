/**
 * Whether Odoo keeps a value written through the API, derived from what a server tells.
 *
 * Odoo's `readonly` is a form attribute: create/write/load do not refuse a read-only field. What
 * decides is how the field is implemented, which no server reports directly:
 * - a plain column (stored, no compute) keeps what is written, read-only or not
 *   (crm.lead.date_closed);
 * - a computed field without inverse discards the value (not stored) or overwrites it at the
 *   next recompute (stored);
 * - a computed field with an inverse, an editable compute (readonly=False) or an _inherits field
 *   accepts the value.
 * Odoo makes a computed field read-only unless it has an inverse or says readonly=False, so
 * "not readonly" means writable and "readonly, not stored" means computed without inverse.
 * "readonly and stored" is the ambiguous case; only the `depends` attribute of fields_get, or a
 * custom field's ir.model.fields row, separates a plain column from a stored compute.
 */
import type { Writability } from "./schema.js";

/** The attributes of one field in a fields_get answer that bear on writability. */
export interface FieldsGetWritabilityInput {
  readonly readonly?: boolean;
  readonly store?: boolean;
  /** fields_get attribute `related` (a dotted path), when it was asked for. */
  readonly related?: string | false | null;
  /** fields_get attribute `depends` (the compute dependencies), when it was asked for. */
  readonly depends?: readonly string[] | false | null;
  /** fields_get reports `manual: true` on custom fields. */
  readonly manual?: boolean;
}

/**
 * One ir.model.fields row, as search_read returns it. Odoo writes `related`, `store`,
 * `readonly` and `state` for every field, but `compute` and `depends` only for custom
 * (state "manual") fields: for base fields they are always empty.
 */
export interface IrModelFieldsRow {
  readonly name: string;
  readonly state: "base" | "manual";
  readonly store: boolean;
  readonly readonly: boolean;
  readonly related?: string | false | null;
  readonly compute?: string | false | null;
  readonly depends?: string | false | null;
}

function nonEmptyText(value: string | false | null | undefined): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

const AMBIGUOUS_REASON =
  "read-only and stored: a plain column (read-only only in forms, the API writes it, e.g. crm.lead.date_closed) " +
  "or a stored compute without inverse (Odoo recomputes it); fields_get readonly/store cannot tell which";

const AMBIGUOUS_BASE_ROW_REASON =
  "read-only and stored: a plain column or a stored compute without inverse; ir.model.fields leaves compute " +
  "empty for every base field, so only fields_get depends can tell which";

/**
 * Derives writability from a fields_get entry and, when the caller has it, the field's
 * ir.model.fields row. Pure: the builder calls it with fields_get alone, `schema pull` with both.
 */
export function deriveWritability(description: FieldsGetWritabilityInput, reflection?: IrModelFieldsRow): Writability {
  const readonly = reflection?.readonly ?? description.readonly;
  const store = reflection?.store ?? description.store;
  if (readonly === undefined || store === undefined) {
    return {
      writable: "unknown",
      reason: "fields_get gave no readonly/store for this field (a virtual field a model adds to fields_get)",
    };
  }
  const related = nonEmptyText(reflection?.related) ?? nonEmptyText(description.related);
  const isCustom = reflection ? reflection.state === "manual" : description.manual === true;
  const customCompute = reflection?.state === "manual" ? nonEmptyText(reflection.compute) : undefined;

  if (related !== undefined) {
    return readonly
      ? { writable: "no", reason: `read-only related field (${related}): Odoo gives it no inverse and ignores written values` }
      : { writable: "yes", reason: `related field (${related}): a written value goes to the related record` };
  }
  if (customCompute !== undefined) {
    // A custom compute never has an inverse; only an editable stored one keeps a written value.
    return !readonly && store
      ? { writable: "yes", reason: "custom computed field, stored and editable: a written value stays until a dependency changes" }
      : { writable: "no", reason: "custom computed field without inverse (ir.model.fields compute): Odoo computes its value" };
  }
  if (!readonly) {
    return store
      ? { writable: "yes", reason: "not read-only: the API writes it" }
      : { writable: "yes", reason: "not read-only and not stored: Odoo writes it through an inverse (or the _inherits parent)" };
  }
  if (!store) {
    return { writable: "no", reason: "read-only and not stored: a computed field without inverse, Odoo discards written values" };
  }
  if (Array.isArray(description.depends)) {
    const depends = description.depends;
    return depends.length > 0
      ? {
          writable: "no",
          reason: `stored computed field without inverse (depends on ${depends.join(", ")}): Odoo recomputes written values`,
        }
      : { writable: "yes", reason: "stored with no compute dependencies: read-only only in Odoo's forms, the API writes it" };
  }
  if (isCustom && reflection !== undefined) {
    return { writable: "yes", reason: "custom field with no compute (ir.model.fields): read-only only in forms, the API writes it" };
  }
  return {
    writable: "unknown",
    reason: reflection !== undefined ? AMBIGUOUS_BASE_ROW_REASON : AMBIGUOUS_REASON,
  };
}

/**
 * What a lookup gives: the record it found, or with `returns FIELD` that field of the record (a
 * user's partner, `returns partner_id`). The checker types a lookup's use by it, the plan carries
 * it, and lookup_returns (FM415) reports a field that cannot be given.
 */
import { findField, findModel, type OdooField, type OdooSchema } from "./catalog/index.js";
import type { LookupSymbol } from "./model.js";
import { BOOLEAN, DATE, DATETIME, DECIMAL, INTEGER, record, text, TEXT, UNKNOWN, type ValueType } from "./types.js";

/** The type of a value a lookup may give from a field of this type; undefined for a field it cannot give (a list of records, a file). */
export function returnableType(field: OdooField): ValueType | undefined {
  switch (field.type) {
    case "many2one":
      return record(field.relation);
    case "char":
    case "text":
    case "selection":
      return TEXT;
    case "html":
      return text("html");
    case "integer":
      return INTEGER;
    case "float":
    case "monetary":
      return DECIMAL;
    case "boolean":
      return BOOLEAN;
    case "date":
      return DATE;
    case "datetime":
      return DATETIME;
    default:
      return undefined;
  }
}

/** The field a lookup returns, when it declares one its model has. */
export function returnedField(schema: OdooSchema | undefined, lookup: LookupSymbol): OdooField | undefined {
  if (schema === undefined || lookup.model === undefined || lookup.returns === undefined) return undefined;
  return findField(schema, lookup.model, lookup.returns.value);
}

/**
 * The type of what a lookup gives: its model's record, or the type of the field it returns;
 * unknown where the schema does not say (FM415 or FM402 reports why), so that one mistake is
 * reported once.
 */
export function lookupOutputType(schema: OdooSchema | undefined, lookup: LookupSymbol): ValueType {
  if (lookup.returns === undefined) return record(lookup.model);
  if (schema === undefined || lookup.model === undefined || findModel(schema, lookup.model) === undefined) return UNKNOWN;
  const field = returnedField(schema, lookup);
  return (field === undefined ? undefined : returnableType(field)) ?? UNKNOWN;
}

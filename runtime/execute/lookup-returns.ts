/**
 * A lookup that `returns` a field gives that field of the record it found: the record a many2one
 * points to (a user's partner, `returns partner_id`), or a plain field's value. The field is read
 * with the lookup's records, in the same search_read; here a found record is turned into what it
 * gives, after matching, so that every way of matching (by each field, together, by a name rule,
 * a fallback) gives the same.
 */
import type { LookupPlan } from "../../compiler/plan/schema.js";
import type { LookupResolution } from "../transform/evaluate.js";
import type { RecordRef } from "../transform/values.js";

interface ReturningRecord {
  readonly id?: number;
  readonly xmlid?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A plain field's value as a lookup gives it: Odoo answers `false` for an empty field that is not a boolean. */
export type ReturnedValue = string | number | boolean | null;

/**
 * The record a many2one value names: Odoo's `[id, "display name"]` pair (`false` when empty), or
 * a record named by its external ID (`{ xmlid, name }`, a test's own records).
 */
export function returnedRecord(model: string, value: unknown): RecordRef | undefined {
  if (Array.isArray(value) && typeof value[0] === "number") return { kind: "record", model, id: value[0], label: String(value[1] ?? value[0]) };
  if (value !== null && typeof value === "object" && "xmlid" in value && typeof value.xmlid === "string") {
    const name = "name" in value && typeof value.name === "string" ? value.name : value.xmlid;
    return { kind: "record", model, xmlid: value.xmlid, label: name };
  }
  return undefined;
}

function plainValue(value: unknown, boolean: boolean): ReturnedValue {
  if (value === false) return boolean ? false : null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return null;
}

function keyOf(record: { readonly id?: number; readonly xmlid?: string }): string | undefined {
  return record.id !== undefined ? `id:${record.id}` : record.xmlid !== undefined ? `xmlid:${record.xmlid}` : undefined;
}

/**
 * Turns a lookup's resolutions into what it returns, or leaves them as they are when it returns
 * the record. A many2one that is empty, or (for import files, which name records by external ID
 * alone) whose record has no external ID, gives nothing: the lookup's `missing` policy applies.
 */
export function returning(lookup: LookupPlan, records: readonly ReturningRecord[], style: "id" | "xmlid"): (resolution: LookupResolution) => LookupResolution {
  const returns = lookup.returns;
  if (returns === undefined) return (resolution) => resolution;
  const raw = new Map<string, unknown>();
  for (const record of records) {
    for (const key of [record.id === undefined ? undefined : `id:${record.id}`, record.xmlid === undefined ? undefined : `xmlid:${record.xmlid}`]) {
      if (key !== undefined && !raw.has(key)) raw.set(key, record.values[returns.field]);
    }
  }
  const model = returns.type.startsWith("record:") ? returns.type.slice("record:".length) : undefined;
  return (resolution) => {
    if (resolution.status !== "found") return resolution;
    const key = keyOf(resolution.record);
    const value = key === undefined ? undefined : raw.get(key);
    if (model === undefined) return { ...resolution, value: plainValue(value, returns.type === "boolean") };
    const record = returnedRecord(model, value);
    if (record === undefined || (style === "xmlid" && record.xmlid === undefined)) return { status: "missing" };
    return { ...resolution, record };
  };
}

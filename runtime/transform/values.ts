/**
 * Values while a row is transformed. Dates are "YYYY-MM-DD", datetimes "YYYY-MM-DD HH:MM:SS" in
 * UTC (Odoo's formats), decimals are numbers, file content is base64 text, a file is its path
 * relative to the export folder. `null` is empty.
 */
import { isBlank } from "../source/values.js";

export interface RecordRef {
  readonly kind: "record";
  readonly model: string;
  /** The record's external ID (ours, or Odoo's for existing records). */
  readonly xmlid?: string;
  /** The database id, when known (lookups, records ensured during setup, loaded rows). */
  readonly id?: number;
  /** What a person recognises the record by, for reports. */
  readonly label?: string;
}

export type RuntimeValue = null | string | number | boolean | RecordRef | readonly RuntimeValue[];

export function isRecordRef(value: RuntimeValue): value is RecordRef {
  return value !== null && typeof value === "object" && !Array.isArray(value) && (value as RecordRef).kind === "record";
}

export function isEmpty(value: RuntimeValue): boolean {
  return value === null || (typeof value === "string" && isBlank(value)) || (Array.isArray(value) && value.length === 0);
}

/** Something the audit report must tell about a value (a truncation, a default used, a value flagged). */
export interface ValueNote {
  readonly kind:
    | "truncated"
    | "default"
    | "flagged"
    | "table-default"
    | "lookup-fallback"
    | "lookup-ambiguous"
    /** `| ref alias by column` where several rows hold the value, settled by the column's `ambiguous first|last`. */
    | "ref-ambiguous"
    | "lookup-missing"
    | "dangling-reference"
    /** `ref org optional`: the row's org made no record, as the mapping allows; one line per field in the run's notes. */
    | "optional-link";
  readonly detail: string;
  /**
   * No row holds the value in the column of a `ref … by`: a name that is not among that entity's
   * names, which a later operand of `??` may find elsewhere. Once it does, the note is dropped; a
   * key the export lacks, a rejected row or a lookup's miss is still told.
   */
  readonly unmatchedName?: true;
}

export type StepOutcome =
  | { readonly ok: true; readonly value: RuntimeValue; readonly notes?: readonly ValueNote[] }
  /** The row cannot be loaded: `reason` goes to the reject file. */
  | { readonly ok: false; readonly reason: string };

export function ok(value: RuntimeValue, notes?: readonly ValueNote[]): StepOutcome {
  return notes === undefined || notes.length === 0 ? { ok: true, value } : { ok: true, value, notes };
}

export function reject(reason: string): StepOutcome {
  return { ok: false, reason };
}

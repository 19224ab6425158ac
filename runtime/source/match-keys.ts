/**
 * How values are compared when a column or a lookup says `match`: the one place the rules live,
 * for the runtime's indexes and lookups and for init, which must count duplicates as a run will.
 */
import type { ColumnPlan } from "../../compiler/plan/schema.js";
import { foldCase } from "../../compiler/value-formats.js";

/** Lower case, without accents, punctuation as spaces, spaces collapsed. */
export function looseName(value: string): string {
  return foldCase(value.normalize("NFD").replace(/\p{M}/gu, ""))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * How `| ref alias by column` compares a value with a `unique` column's: without case; with
 * `unique match loose` also without accents, punctuation or repeated spaces ("Kft" is "Kft."),
 * with `match digits` by the digits alone ("12345678-2-03" is "12345678 2 03").
 */
export function columnMatchKey(value: string, match: ColumnPlan["match"]): string {
  switch (match) {
    case undefined:
      return foldCase(value);
    case "loose":
      return looseName(value);
    case "digits":
      return value.replace(/\D+/g, "");
  }
}

/**
 * How values are compared when a column or a lookup says `match`: the one place the rules live,
 * for the runtime's indexes and lookups and for init, which must count duplicates as a run will.
 */
import type { ColumnPlan } from "../../compiler/plan/schema.js";
import { withoutLegalForm } from "../../compiler/legal-forms.js";
import { foldCase } from "../../compiler/value-formats.js";

/** Lower case, without accents, punctuation as spaces, spaces collapsed. */
export function looseName(value: string): string {
  return foldCase(value.normalize("NFD").replace(/\p{M}/gu, ""))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A name as `match loose` compares it: `looseName`, and letters written apart as an abbreviation
 * joined, so that "S.R.L." is "SRL", "A/S" is "AS" and "B. V." is "BV". Only where two or more
 * single letters stand together: "Anna B Smith" keeps its initial. Name lookups (name-match.ts)
 * read initials one by one, so they take `looseName` instead.
 */
export function looseKey(value: string): string {
  const joined: string[] = [];
  let letters = "";
  for (const word of looseName(value).split(" ")) {
    if (word.length === 1 && /\p{L}/u.test(word)) {
      letters += word;
      continue;
    }
    if (letters !== "") joined.push(letters);
    letters = "";
    joined.push(word);
  }
  if (letters !== "") joined.push(letters);
  return joined.join(" ");
}

/**
 * How `| ref alias by column` compares a value with a `unique` column's: without case; with
 * `unique match loose` also without accents, punctuation or repeated spaces ("Kft" is "Kft."), and
 * with an abbreviation's letters joined ("S.R.L." is "SRL"); with `match company` also without a
 * legal form before or after the name ("Bakker Bouw B.V." is "Bakker Bouw"); with `match digits`
 * by the digits alone ("12345678-2-03" is "12345678 2 03").
 */
export function columnMatchKey(value: string, match: ColumnPlan["match"]): string {
  switch (match) {
    case undefined:
      return foldCase(value);
    case "loose":
      return looseKey(value);
    case "company":
      return withoutLegalForm(looseKey(value).split(" ")).join(" ");
    case "digits":
      return value.replace(/\D+/g, "");
  }
}

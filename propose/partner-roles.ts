/**
 * What a partner's columns are, read from their values when the headers say nothing the lexicon
 * knows: the yes/no that archives a few records (`Inaktiv: Ja` on a twentieth of the rows, or
 * `Aktív: N`), and a person's job position (a handful of words, each on several rows, left blank
 * for some people). value-roles.ts gives the roles; odoo-knowledge.ts says which field each feeds.
 * Pure.
 */
import type { ColumnProfile } from "./entities.js";
import { looksLikePersonNames } from "./fields.js";
import { booleanWords, filledValues } from "./value-shapes.js";

/** At most this share of the rows answers the rare way: a few archived records, not a segment (private persons, opted-out). */
const RARE_ANSWER = 0.12;

/**
 * The yes/no column saying which records are archived: filled on every row, one answer on a few
 * rows only. Most records are live, so the common answer says active: `active <- aktiv` where it
 * is yes, `active <- not inaktiv` where it is no. Of several such columns, the last: exports list
 * the state of a record after what it is (a supplier, a private person).
 */
export function activeFlagOf(columns: readonly ColumnProfile[]): { readonly column: ColumnProfile; readonly role: "active" | "inactive" } | undefined {
  const found = columns.flatMap((column) => {
    if (column.guess.type !== "boolean" || column.guess.blank > 0) return [];
    const filled = filledValues(column.values).map((value) => value.trim().toLowerCase());
    const words = booleanWords(filled);
    if (words === undefined || filled.length < 10) return [];
    const yes = filled.filter((value) => words.true.includes(value)).length;
    const rare = Math.min(yes, filled.length - yes);
    if (rare === 0 || rare > filled.length * RARE_ANSWER) return [];
    return [{ column, role: yes > rare ? ("active" as const) : ("inactive" as const) }];
  });
  return found[found.length - 1];
}

function words(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 3);
}

/** Job titles share words (`Proje Müdürü`, `Genel Müdür`, `Teknik Müdür`); a few staff's names rarely do. */
function sharesWords(distinct: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const value of distinct) for (const word of new Set(words(value))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts.values()].some((count) => count >= 3 && count * 3 >= distinct.length);
}

/**
 * A person's job position: words without digits, a handful of them (3 to 20), each on three rows
 * at least on average, filled on a quarter of the rows at least (not everyone's is known), not a
 * list and not sentences; not the few staff owning the records, unless the values share words as
 * titles do. The first such column: a department comes after the position.
 */
export function positionOf(columns: readonly ColumnProfile[], values: (column: ColumnProfile) => readonly string[]): ColumnProfile | undefined {
  return columns.find((column) => {
    if (column.guess.type !== "text" || column.guess.multiline || column.list !== undefined) return false;
    const filled = values(column);
    const distinct = [...new Set(filled)];
    return (
      filled.length >= column.guess.total * 0.25 &&
      distinct.length >= 3 &&
      distinct.length <= 20 &&
      distinct.length * 3 <= filled.length &&
      distinct.every((value) => !/\d|@|[.!?]$/.test(value) && value.split(/\s+/).length <= 5) &&
      (!looksLikePersonNames(column.values) || sharesWords(distinct))
    );
  });
}

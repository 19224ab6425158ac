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

/** A written amount's whole units and cents (`21 328,35`, `R$ 5.000,00`, `2 400 000`), or undefined for no amount. */
function amountParts(value: string): { readonly units: number; readonly cents: number } | undefined {
  const text = value.replace(/[^\d.,\s-]/g, "").trim();
  if (!/\d/.test(text)) return undefined;
  const decimals = /[.,](\d{1,2})$/.exec(text);
  const whole = decimals === null ? text : text.slice(0, decimals.index);
  const units = Number(whole.replace(/\D/g, "") || "0");
  return { units, cents: decimals === null ? 0 : Number(decimals[1]) };
}

const NUMBERS: ReadonlySet<string> = new Set(["integer", "decimal", "money"]);

/** The amounts other than zero in a column of numbers, or undefined for a column of other things. */
function amountsBesideZero(column: ColumnProfile): { readonly zeros: number; readonly others: readonly { units: number; cents: number }[] } | undefined {
  if (!NUMBERS.has(column.guess.type)) return undefined;
  const amounts = filledValues(column.values).map(amountParts);
  if (amounts.some((amount) => amount === undefined)) return undefined;
  const parsed = amounts.filter((amount): amount is { units: number; cents: number } => amount !== undefined);
  const others = parsed.filter((amount) => amount.units !== 0 || amount.cents !== 0);
  return { zeros: parsed.length - others.length, others };
}

/**
 * A credit limit: amounts granted in round hundreds (`5.000,00`, `25 000`), a few of them each on
 * several rows, zero or blank for the customers granted none: not a balance, whose cents vary, nor
 * a count of employees.
 */
export function creditLimitOf(columns: readonly ColumnProfile[]): ColumnProfile | undefined {
  return columns.find((column) => {
    const amounts = amountsBesideZero(column);
    if (amounts === undefined || amounts.others.length < 3) return false;
    const distinct = new Set(amounts.others.map((amount) => amount.units)).size;
    // The same limits granted again, or none to many (a yearly turnover is round too, but each its own and never zero).
    const repeated = distinct * 2 <= amounts.others.length || amounts.zeros >= (amounts.zeros + amounts.others.length) * 0.2;
    return distinct >= 3 && repeated && amounts.others.every((amount) => amount.cents === 0 && amount.units >= 100 && amount.units % 100 === 0);
  });
}

/**
 * A partner's balance: an amount on every row, each its own with its cents (zero on the settled
 * accounts): the accounting migration's, which Odoo computes from the open entries.
 */
export function isBalance(column: ColumnProfile): boolean {
  const amounts = amountsBesideZero(column);
  if (amounts === undefined || column.guess.blank > column.guess.total * 0.05 || amounts.others.length < 3) return false;
  const distinct = new Set(amounts.others.map((amount) => `${amount.units},${amount.cents}`)).size;
  return distinct >= amounts.others.length * 0.9 && amounts.others.filter((amount) => amount.cents !== 0).length >= amounts.others.length * 0.7;
}

const MOMENTS: ReadonlySet<string> = new Set(["date", "datetime"]);

/**
 * A partner's one stamp: the only date or date-time filled on every row, nearly every value its
 * own (a birthday is left blank for many), which says when the record was entered or last
 * changed; alone, the values cannot tell which, and Odoo keeps both of its own.
 */
export function isLoneStamp(column: ColumnProfile, columns: readonly ColumnProfile[]): boolean {
  const full = (candidate: ColumnProfile): boolean => MOMENTS.has(candidate.guess.type) && candidate.guess.blank <= candidate.guess.total * 0.02;
  if (!full(column) || columns.filter(full).length !== 1 || column.guess.total < 10) return false;
  const filled = filledValues(column.values);
  return filled.length >= column.guess.total * 0.98 && new Set(filled).size >= filled.length * 0.9;
}

/** A number and then a word and digits: an extension (`wew. 236`, `mellék 82`, `- dahili 304`, `int. 18`). */
const EXTENSION = /\d[\s-]*\p{L}{2,}\.?:?\s*\d{1,5}\s*$/u;

/** Whether some of a column's phone numbers carry an extension: a switchboard's lines, never a mobile. */
export function holdsExtensions(column: ColumnProfile): boolean {
  const filled = filledValues(column.values);
  const extended = filled.filter((value) => EXTENSION.test(value.trim())).length;
  return extended >= 2 && extended >= filled.length * 0.02;
}

/** A host name without its scheme (`granitelogistics.com`, `shop.example.co.uk`). */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/**
 * Web sites written as bare domains, which the reader types as text (it reads a URL by its scheme
 * or `www.`): every value such a name (`| url` would reject a row whose value is not), most of
 * them different.
 */
export function websiteOf(columns: readonly ColumnProfile[]): ColumnProfile | undefined {
  return columns.find((column) => {
    if (column.guess.type !== "text" || column.list !== undefined) return false;
    const filled = filledValues(column.values).map((value) => value.trim());
    return filled.length >= 3 && filled.every((value) => DOMAIN.test(value)) && new Set(filled).size * 2 >= filled.length;
  });
}

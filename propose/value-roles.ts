/**
 * What a column is, read from its values and its neighbours when its header says nothing the
 * lexicon knows (a language it lacks): a salutation, a percentage, a street, a post code beside
 * its town, a VAT number, a closed set of a few values repeated on every row (a stage, a type),
 * the record's label (its most varied one-line text), a long free text, a deadline among dates,
 * a yes/no flag. Each role is given to one column of the entity at most; odoo-knowledge.ts says
 * which field of each model a role feeds. Header words, when known, still win: a role only sets
 * the floor a field's score cannot fall under (fields.ts). Pure.
 */
import type { ColumnProfile } from "./entities.js";
import { hasVatForm } from "../runtime/source/identifiers.js";
import { filledValues, isLanguageCode, isPercentage, isPlaceholder } from "./value-shapes.js";
import { looksLikePersonNames } from "./fields.js";
import { hasLegalForm } from "./legal-forms.js";
import { mobileByCountry } from "./mobile-prefixes.js";
import { holdsIdentifiers, holdsRegistryNumbers, holdsTaxIds, isNationalTaxId } from "./tax-ids.js";
import { conceptWords } from "./words.js";
import type { DealRole } from "./deal-roles.js";
import type { LineRole } from "./line-roles.js";
import { activeFlagOf, creditLimitOf, holdsExtensions, positionOf, websiteOf } from "./partner-roles.js";

export type ValueRole =
  | DealRole
  | LineRole
  | "position"
  | "mobile"
  | "done"
  | "salutation"
  | "language"
  | "percent"
  | "street"
  | "zip"
  | "city"
  | "vat"
  | "registry"
  | "status"
  | "label"
  | "longtext"
  | "deadline"
  | "flag"
  | "country"
  | "industry"
  | "active"
  | "inactive"
  | "credit"
  | "website";

function share(values: readonly string[], test: (value: string) => boolean): number {
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

function wordCount(value: string): number {
  return value.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * `Sr.`, `Frau`, `Dr.`, `Sig.ra`, `Prof. Dr.`: short words of five letters at most, written in
 * small letters after the first or shortened with a dot, unlike legal forms (`SARL`) and kinds
 * (`Customer`).
 */
function salutationShaped(value: string): boolean {
  const parts = value.split(/\s+/);
  return (
    parts.length <= 3 &&
    parts.every((part) => /^\p{L}[\p{L}.]*$/u.test(part) && part.replace(/\./g, "").length <= 5) &&
    (/\p{Ll}/u.test(value) || value.endsWith(".")) &&
    !hasLegalForm(`Name ${value}`)
  );
}

function oneLineText(column: ColumnProfile): boolean {
  return column.guess.type === "text" && !column.guess.multiline && column.list === undefined;
}

/** Words a short value may be that say a record's state or kind, never how a person is addressed. */
const STATE_WORDS: ReadonlySet<string> = new Set(["active", "inactive", "yes", "no", "open", "closed", "done", "archived", "deleted", "blocked", "won", "lost", "new"]);

/** `Aktif`, `Pasif`, `Open`: a value the lexicon reads as a state, in whatever language. */
function namesState(value: string): boolean {
  return conceptWords(value).some((word) => STATE_WORDS.has(word));
}

function isSalutation(column: ColumnProfile, filled: readonly string[]): boolean {
  const distinct = [...new Set(filled)];
  return (
    oneLineText(column) &&
    filled.length >= 3 &&
    distinct.length <= 8 &&
    distinct.length * 3 <= filled.length &&
    // Nearly every row: a rarer long form (`Dott.ssa`) among `Sig.`, `Ing.`, `Arch.` is one too.
    share(filled, salutationShaped) >= 0.9 &&
    !distinct.some(namesState)
  );
}

/**
 * A few language codes repeated down the column (`fi`, `sv`, `en`): the language business is done
 * in, which short words in small letters would otherwise make a salutation.
 */
function isLanguage(column: ColumnProfile, filled: readonly string[]): boolean {
  return oneLineText(column) && filled.length >= 3 && new Set(filled).size * 2 <= filled.length && share(filled, isLanguageCode) >= 0.95;
}

function isPercent(column: ColumnProfile, filled: readonly string[]): boolean {
  if (filled.length < 3) return false;
  if (column.guess.percent === true || share(filled, isPercentage) >= 0.9) return true;
  // Whole numbers from 0 to 100, most of them round: a probability written without its sign.
  if (column.guess.type !== "integer") return false;
  const numbers = filled.map(Number);
  return numbers.every((value) => value >= 0 && value <= 100) && new Set(numbers).size >= 3 && share(filled, (value) => Number(value) % 5 === 0) >= 0.8;
}

/** `Gewerbering 5`, `89 boulevard Victor Hugo`, `Mimar Sinan Mah. Zafer Sok. No:199`. */
/**
 * `13 Haziran`, `March 4`, `8. Mai`: a day and a month's name, a birthday kept without its year,
 * which has a number and a word as a street has, but only twelve words between all its rows,
 * each on several.
 */
function isDayOfYear(filled: readonly string[]): boolean {
  const months = new Set<string>();
  let days = 0;
  const dayAndMonth = (value: string): boolean => {
    const match = /^(\d{1,2})\.?\s+(\p{L}+)\.?$/u.exec(value) ?? /^(\p{L}+)\.?\s+(\d{1,2})$/u.exec(value);
    if (match === null) return false;
    const [day, month] = /\d/.test(match[1] ?? "") ? [match[1], match[2]] : [match[2], match[1]];
    months.add((month ?? "").toLowerCase());
    days += 1;
    return Number(day) >= 1 && Number(day) <= 31;
  };
  // Each month on two rows at least: four streets of four names (`Hämeenkatu 9`) are no days.
  return share(filled, dayAndMonth) >= 0.9 && months.size <= 12 && months.size * 2 <= days;
}

function isStreet(column: ColumnProfile, filled: readonly string[]): boolean {
  return (
    column.guess.type === "text" &&
    !isDayOfYear(filled) &&
    filled.length >= 3 &&
    new Set(filled).size * 2 >= filled.length &&
    share(filled, (value) => /\d/.test(value) && /\p{L}{3,}/u.test(value) && wordCount(value) >= 1 && value.length <= 80) >= 0.8 &&
    // A street is one line, now and then two (a building's name): texts most of which run over
    // several lines are descriptions, however many figures they hold (`Ca. 1.200 m²`).
    share(filled, (value) => value.includes("\n")) < 0.5
  );
}

/** Whether a column's values are streets and house numbers (`Sockerbruksgatan 84`), whatever its header says. */
export function streetShaped(column: ColumnProfile): boolean {
  return isStreet(column, filledValues(column.values));
}

/** `80234`, `61-423`, `YO5 2AB`, `V6B 1A1`, `13113-338`. */
const POST_CODE = /^(?=.*\d)[A-Z0-9]{2,5}(?:[ -]?[A-Z0-9]{2,4})?$/i;

function isPostCode(column: ColumnProfile, filled: readonly string[]): boolean {
  return (column.guess.type === "text" || column.guess.type === "integer") && filled.length >= 3 && share(filled, (value) => POST_CODE.test(value)) >= 0.9;
}

/** Towns: words without digits, each on several rows. */
function isTown(column: ColumnProfile, filled: readonly string[]): boolean {
  return (
    oneLineText(column) &&
    filled.length >= 3 &&
    new Set(filled).size <= filled.length * 0.7 &&
    share(filled, (value) => !/\d/.test(value) && wordCount(value) <= 4 && value.length <= 40) >= 0.95
  );
}

/** What a tax or registration number may be read as: a code, a phone number, a whole number. */
const IDENTIFYING: ReadonlySet<string> = new Set(["text", "phone", "integer"]);

/**
 * VAT numbers by their form (a country prefix and that country's digits), or national tax numbers
 * by their shape and check digit, which may read as phone numbers (a CNPJ) or whole numbers (a
 * NIP), beside the foreign customers' prefixed ones.
 */
function isVat(column: ColumnProfile, filled: readonly string[]): boolean {
  if (!IDENTIFYING.has(column.guess.type) || filled.length < 3) return false;
  const prefixed = (value: string): boolean => /^[A-Z]{2}/.test(value) && hasVatForm(value);
  return holdsTaxIds(column.values) || share(filled, (value) => prefixed(value) || isNationalTaxId(value)) >= 0.8;
}

/** A few values, each on many rows, on nearly every row: a stage, a type, a status. */
function isClosedSet(column: ColumnProfile, filled: readonly string[]): boolean {
  const distinct = new Set(filled).size;
  // A few people's names, each on many rows, are the records' owners (fields.ts), not a stage.
  return (
    !looksLikePersonNames(column.values) &&
    oneLineText(column) &&
    filled.length >= column.guess.total * 0.9 &&
    distinct >= 2 &&
    distinct <= 15 &&
    distinct * 2 <= filled.length
  );
}

/** Items listed one after another (`Detergente 5L (x9); Luva (x39)`): no prose, and no label. */
function listed(filled: readonly string[]): boolean {
  return share(filled, (value) => /[;|]/.test(value)) >= 0.3;
}

/** Sentences rather than names: words in small letters after the first (`Conflict check cleared.`). */
function sentence(value: string): boolean {
  return value.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word)).length >= 2;
}

function isLongText(column: ColumnProfile, filled: readonly string[]): boolean {
  if (column.guess.type !== "text" || filled.length === 0) return false;
  const words = mean(filled.map(wordCount));
  if (listed(filled)) return false;
  // A subject is a sentence too, but written on every row; notes are left blank on many.
  return column.guess.multiline || words >= 8 || (words >= 3 && share(filled, sentence) >= 0.5 && column.guess.blank >= column.guess.total * 0.2);
}

/** Text of several words on most rows, not codes. */
function wordy(filled: readonly string[]): boolean {
  return share(filled, (value) => wordCount(value) >= 2) >= 0.5;
}

/** yyyymmdd of a date as its pattern writes it (ISO without one), for comparing two dates of a row; with `time`, yyyymmddhhmm. */
function dateKey(value: string, pattern: string | undefined, time = false): number | undefined {
  const numbers = value.split(/\D+/).filter((part) => part !== "");
  const order = (pattern ?? "yyyy-MM-dd HH:mm:ss")
    .replace(/[^yMdHhm]+/g, " ")
    .trim()
    .split(" ");
  const at = (letter: string): number => Number(numbers[order.findIndex((part) => part.startsWith(letter))] ?? Number.NaN);
  const day = at("y") * 10000 + at("M") * 100 + at("d");
  if (!time) return Number.isFinite(day) && day > 0 ? day : undefined;
  const twelve = order.some((part) => part.startsWith("h"));
  const hour = (twelve ? at("h") % 12 : at("H")) + (twelve && /pm/i.test(value) ? 12 : 0);
  const key = day * 10000 + (Number.isFinite(hour) ? hour : 0) * 100 + (Number.isFinite(at("m")) ? at("m") : 0);
  return Number.isFinite(key) && key > 0 ? key : undefined;
}

/**
 * A record's creation and change stamps, told by their values where the headers do not say
 * them: a date-time never before another date or date-time of the row, nearly always filled, on
 * another day in most rows (not an appointment's end beside its start), is the change stamp; the
 * other, the creation stamp Odoo keeps its own of.
 */
export function stampsOf(columns: readonly ColumnProfile[]): { readonly created: ColumnProfile; readonly modified: ColumnProfile } | undefined {
  const dated = columns.filter(
    (column) => (column.guess.type === "datetime" || column.guess.type === "date") && column.guess.blank <= column.guess.total * 0.1,
  );
  for (const modified of dated.filter((column) => column.guess.type === "datetime")) {
    for (const created of dated) {
      if (created === modified) continue;
      let rows = 0;
      let after = 0;
      let otherDay = 0;
      modified.values.forEach((value, row) => {
        const late = dateKey(value, modified.guess.pattern, true);
        const early = dateKey(created.values[row] ?? "", created.guess.pattern, created.guess.type === "datetime");
        if (late === undefined || early === undefined) return;
        const earlyMinutes = created.guess.type === "datetime" ? early : early * 10000;
        rows++;
        if (late >= earlyMinutes) after++;
        if (Math.floor(late / 10000) !== Math.floor(earlyMinutes / 10000)) otherDay++;
      });
      if (rows >= 3 && after >= rows * 0.98 && otherDay >= rows * 0.5) return { created, modified };
    }
  }
  return undefined;
}

/**
 * The deadline among an entity's dates: the most often filled (a done date is blank on the open
 * rows), of two nearly as filled the later on most rows (a creation date comes first).
 */
function deadlineOf(dates: readonly ColumnProfile[]): ColumnProfile | undefined {
  const filledCount = (column: ColumnProfile): number => filledValues(column.values).length;
  const later = (left: ColumnProfile, right: ColumnProfile): boolean => {
    let wins = 0;
    let rows = 0;
    left.values.forEach((value, row) => {
      const mine = dateKey(value, left.guess.pattern);
      const theirs = dateKey(right.values[row] ?? "", right.guess.pattern);
      if (mine === undefined || theirs === undefined) return;
      rows++;
      if (mine >= theirs) wins++;
    });
    return rows > 0 && wins * 2 > rows;
  };
  return [...dates].sort((left, right) => {
    const difference = filledCount(right) - filledCount(left);
    if (Math.abs(difference) > Math.max(filledCount(left), filledCount(right)) * 0.25) return difference;
    return later(left, right) ? -1 : later(right, left) ? 1 : 0;
  })[0];
}

/** A name's word: `Anna`, `GÖKHAN`, `Müller-Lüdenscheidt`, `van Dijk`, `O’Brien`. */
const NAME_WORD = /^(?:\p{Ll}{1,3}\s)?\p{Lu}[\p{L}'’]*(?:[-\s]\p{Lu}[\p{L}'’]*)?$/u;

/** Given names or surnames: one word each (two at most), many of them, filled on most rows. */
function nameWords(column: ColumnProfile, filled: readonly string[]): boolean {
  const distinct = new Set(filled).size;
  return (
    oneLineText(column) &&
    filled.length >= column.guess.total * 0.5 &&
    // Varied, unlike a few salutations or countries repeated on every row.
    distinct >= 4 &&
    (distinct > 8 || distinct * 2 > filled.length) &&
    distinct * 10 >= filled.length &&
    share(filled, (value) => NAME_WORD.test(value)) >= 0.9
  );
}

/**
 * A person's given names and surnames in two columns side by side, told by their values when the
 * headers say nothing: one capitalised word each, many of them. Given names come first, as most
 * exports write them.
 */
export function givenAndSurnames(columns: readonly ColumnProfile[]): readonly [ColumnProfile, ColumnProfile] | undefined {
  for (let index = 0; index + 1 < columns.length; index++) {
    const first = columns[index];
    const last = columns[index + 1];
    if (first !== undefined && last !== undefined && nameWords(first, filledValues(first.values)) && nameWords(last, filledValues(last.values))) return [first, last];
  }
  return undefined;
}

/**
 * Of two columns of phone numbers, the mobile one: its numbers begin with fewer different digits
 * (a country's few mobile prefixes, against the many area codes of fixed lines), or are longer.
 */
function mobileOf(phones: readonly ColumnProfile[]): ColumnProfile | undefined {
  if (phones.length < 2) return undefined;
  const prefixes = (column: ColumnProfile): number =>
    new Set(
      filledValues(column.values).map((value) => {
        const digits = value.replace(/\D/g, "");
        const national = value.trim().startsWith("+") ? digits.slice(2) : digits.replace(/^0+/, "");
        return national.slice(0, 2);
      }),
    ).size;
  // Alike, the longer numbers (a Brazilian mobile's ninth digit), then the later column.
  const digits = (column: ColumnProfile): number => mean(filledValues(column.values).map((value) => value.replace(/\D/g, "").length));
  return [...phones].sort(
    (left, right) => prefixes(left) - prefixes(right) || Math.round(digits(right)) - Math.round(digits(left)) || phones.indexOf(right) - phones.indexOf(left),
  )[0];
}

/**
 * A date filled exactly on the rows a yes/no column answers one way (the done date beside the done
 * flag): what was done, not what is due.
 */
function filledByFlag(date: ColumnProfile, flags: readonly ColumnProfile[]): boolean {
  const filled = date.values.map((value) => value.trim() !== "" && !isPlaceholder(value.trim()));
  return flags.some((flag) => {
    const answers = new Map<string, Set<boolean>>();
    flag.values.forEach((value, row) => {
      const seen = answers.get(value.trim().toLowerCase()) ?? new Set<boolean>();
      seen.add(filled[row] === true);
      answers.set(value.trim().toLowerCase(), seen);
    });
    const pure = [...answers.values()].filter((seen) => seen.size === 1);
    return answers.size >= 2 && pure.length === answers.size && new Set(pure.map((seen) => [...seen][0])).size === 2;
  });
}

export interface ValueRoleOptions {
  /** Roles already told (by the records the values name, record-values.ts), which the others leave alone. */
  readonly preset?: ReadonlyMap<ColumnProfile, ValueRole>;
  /** The entity holds people: a pick-list of a few words filled on some rows is their job position. */
  readonly person?: boolean;
}

/**
 * The role of each column the values tell, one column per role (the first in the file, unless
 * said otherwise); the entity's keys are ids, no street, post code or label.
 */
export function valueRoles(all: readonly ColumnProfile[], keys: readonly string[] = [], options: ValueRoleOptions = {}): Map<ColumnProfile, ValueRole> {
  const columns = all.filter((column) => !keys.includes(column.name));
  const roles = new Map<ColumnProfile, ValueRole>([...(options.preset ?? [])].filter(([column]) => columns.includes(column)));
  const give = (column: ColumnProfile | undefined, role: ValueRole): void => {
    if (column !== undefined && !roles.has(column) && ![...roles.values()].includes(role)) roles.set(column, role);
  };
  const filled = new Map(columns.map((column) => [column, filledValues(column.values)]));
  const values = (column: ColumnProfile): string[] => filled.get(column) ?? [];
  // A language feeds no field the proposal writes (Odoo's installed languages are not known): a custom field.
  for (const column of columns) if (isLanguage(column, values(column))) give(column, "language");
  for (const column of columns) if (isSalutation(column, values(column))) give(column, "salutation");
  for (const column of columns) if (isPercent(column, values(column))) give(column, "percent");
  for (const column of columns) if (isVat(column, values(column))) give(column, "vat");
  for (const column of columns) if (IDENTIFYING.has(column.guess.type) && holdsRegistryNumbers(column.values)) give(column, "registry");
  columns.forEach((column, index) => {
    if (roles.has(column) || !isPostCode(column, values(column))) return;
    // The town beside it, not the country (a few values): the more varied neighbour.
    const town = [columns[index + 1], columns[index - 1]]
      .filter((neighbour): neighbour is ColumnProfile => neighbour !== undefined && !roles.has(neighbour) && isTown(neighbour, values(neighbour)))
      .sort((left, right) => new Set(values(right)).size - new Set(values(left)).size)[0];
    if (town === undefined || [...roles.values()].includes("zip")) return;
    give(column, "zip");
    give(town, "city");
  });
  for (const column of columns) if (isStreet(column, values(column))) give(column, "street");
  give(creditLimitOf(columns.filter((column) => !roles.has(column))), "credit");
  give(websiteOf(columns.filter((column) => !roles.has(column))), "website");
  if (options.person === true) give(positionOf(columns.filter((column) => !roles.has(column)), values), "position");
  for (const column of columns) if (!roles.has(column) && isClosedSet(column, values(column)) && !isLongText(column, values(column))) give(column, "status");
  const active = activeFlagOf(columns.filter((column) => !roles.has(column)));
  if (active !== undefined) give(active.column, active.role);
  for (const column of columns) if (column.guess.type === "boolean") give(column, "flag");
  // A fax number has a phone's shape, but Odoo keeps no fax: it is no mobile.
  const phones = columns.filter((column) => column.guess.type === "phone" && column.list === undefined && !column.words.includes("fax") && !holdsIdentifiers(column.values));
  // Numbers with extensions are fixed lines: beside them, the one column without is the mobile.
  const plain = phones.filter((column) => !holdsExtensions(column));
  give(plain.length === 1 && phones.length > 1 ? plain[0] : (mobileByCountry(plain) ?? mobileOf(plain)), "mobile");
  const flags = columns.filter((column) => column.guess.type === "boolean");
  const dates = columns.filter((column) => column.guess.type === "date");
  const done = dates.filter((date) => filledByFlag(date, flags));
  for (const date of done) give(date, "done");
  give(deadlineOf(dates.filter((date) => !done.includes(date))), "deadline");
  const labels = columns
    .filter((column) => !roles.has(column) && oneLineText(column) && values(column).length >= column.guess.total * 0.8 && !isLongText(column, values(column)))
    .filter((column) => !looksLikePersonNames(column.values) && !listed(values(column)))
    .filter((column) => share(values(column), (value) => /\p{L}{2}/u.test(value)) >= 0.9)
    // Words rather than codes (`FN-PVC-2A`), then the most varied.
    .sort((left, right) => Number(wordy(values(right))) - Number(wordy(values(left))) || new Set(values(right)).size - new Set(values(left)).size);
  give(labels[0], "label");
  for (const column of columns) if (!roles.has(column) && isLongText(column, values(column))) give(column, "longtext");
  return roles;
}

/**
 * Date and datetime patterns (`dd-MM-yyyy`, `dd/MM/yyyy HH:mm`, ...) and local-time to UTC
 * conversion. Pure: no I/O, no dependency on the process time zone.
 *
 * The patterns' syntax is compiler/date-patterns.ts's; here they are matched. A space in a pattern
 * matches one or more spaces; `a` reads a language's own words for AM and PM (MERIDIEM_WORDS).
 */

import { readDatePattern, splitAlternatives, type FieldToken, type PatternPart } from "../../compiler/date-patterns.js";
import { CACHED_DAYS, DAY, fieldsAsUtc, FIRST_CACHED_DAY, steadyLocalOffset, zoneOffsetAt } from "./zone-offsets.js";

export { isKnownTimeZone, zoneOffsetAt } from "./zone-offsets.js";

export interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The words for before and after noon a 12-hour clock is written with, dots and spaces aside: the
 * abbreviations exports write in English, Spanish (a. m.), Greek (π.μ., μ.μ.), Swedish (fm, em),
 * Finnish (ap., ip.), Hungarian (de., du.), Czech (dop., odp.), German (vorm., nachm.), Turkish
 * (ÖÖ, ÖS), Korean, Chinese, Japanese and Arabic.
 */
const MERIDIEM_WORDS: Readonly<Record<"am" | "pm", readonly string[]>> = {
  am: ["am", "πμ", "fm", "ap", "de", "dop", "vorm", "öö", "오전", "上午", "午前", "ص"],
  pm: ["pm", "μμ", "em", "ip", "du", "odp", "nachm", "ös", "오후", "下午", "午後", "م"],
};

/** A meridiem word as an export may write it: a dot after any letter, a space between them (the pattern ignores case). */
const MERIDIEM_SOURCE = [...MERIDIEM_WORDS.am, ...MERIDIEM_WORDS.pm]
  .sort((left, right) => right.length - left.length)
  .map((word) => Array.from(word, (letter) => `${letter}\\.?`).join("\\s?"))
  .join("|");

function meridiemOf(text: string): "am" | "pm" {
  const word = text.replace(/[.\s]/g, "").toLowerCase();
  return MERIDIEM_WORDS.pm.includes(word) ? "pm" : "am";
}

export interface CompiledDatePattern {
  readonly pattern: string;
  readonly hasTime: boolean;
  readonly hasDate: boolean;
  readonly regex: RegExp;
  readonly groups: readonly FieldToken[];
  /** The pattern as the character matcher reads it, when it can (numbers between separators); else null and the regex matches. */
  readonly parts: readonly MatchPart[] | null;
  /** For `A|B`, the patterns a value is tried against in turn; null for one pattern. */
  readonly alternatives: readonly CompiledDatePattern[] | null;
}

/**
 * What the character matcher reads: digits for a field (exactly `width`, or a run of 1 to 2, or
 * of 2 or 4 digits when `width` is 0 or -1), one separator, or one or more spaces.
 */
export interface MatchPart {
  readonly kind: "digits" | "literal" | "spaces";
  /** The field of digits (null for the others). */
  readonly token: FieldToken | null;
  readonly width: number;
  /** The character of a literal (0 for the others). */
  readonly code: number;
}
// Every part has the same four properties, so that the matcher's loop reads one shape of object.

export type PatternResult = { ok: true; pattern: CompiledDatePattern } | { ok: false; reason: string };

const compiledPatterns = new Map<string, PatternResult>();

/** Compiles a date or datetime pattern once; the result is cached because every cell of a column uses it. */
export function compileDatePattern(pattern: string): PatternResult {
  const cached = compiledPatterns.get(pattern);
  if (cached !== undefined) return cached;
  const alternatives = splitAlternatives(pattern);
  const result = alternatives.length > 1 ? compileAlternatives(pattern, alternatives) : compileUncached(pattern);
  compiledPatterns.set(pattern, result);
  return result;
}

function isNumericToken(token: FieldToken | null): boolean {
  return token !== null && token !== "meridiem";
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileUncached(pattern: string): PatternResult {
  const read = readDatePattern(pattern);
  if (!read.ok) return read;
  const { parts, groups, hasTime } = read.pattern;
  let source = "^";
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part === undefined) continue;
    if (part.token === null) {
      source += part.literal === " " ? "\\s+" : escapeRegex(part.literal);
      continue;
    }
    // Without a separator the widths must be fixed (yyyyMMdd); with one, 1-2 digits are fine (1-3-2024).
    const nextIsNumber = isNumericToken(parts[index + 1]?.token ?? null);
    const previousIsNumber = isNumericToken(parts[index - 1]?.token ?? null);
    const fixed = nextIsNumber || previousIsNumber;
    switch (part.token) {
      case "year4":
        source += "(\\d{4})";
        break;
      case "year2":
        source += fixed ? "(\\d{2})" : "(\\d{4}|\\d{2})";
        break;
      case "meridiem":
        source += `\\s*(${MERIDIEM_SOURCE})`;
        break;
      default:
        source += fixed ? "(\\d{2})" : "(\\d{1,2})";
    }
  }
  source += "$";
  return { ok: true, pattern: { pattern, hasDate: true, hasTime, regex: new RegExp(source, "i"), groups, parts: matchParts(parts), alternatives: null } };
}

/**
 * One column written two ways (a to-do's moment, or its day alone): each pattern is tried in
 * turn. A day alone in a datetime column is local midnight, as a bare date is.
 */
function compileAlternatives(pattern: string, alternatives: readonly string[]): PatternResult {
  const compiled: CompiledDatePattern[] = [];
  for (const alternative of alternatives) {
    if (alternative === "") return { ok: false, reason: `date pattern '${pattern}' has an empty alternative between its '|'` };
    const result = compileUncached(alternative);
    if (!result.ok) return result;
    compiled.push(result.pattern);
  }
  const hasTime = compiled.some((each) => each.hasTime);
  return { ok: true, pattern: { pattern, hasDate: true, hasTime, regex: /$^/, groups: [], parts: null, alternatives: compiled } };
}

/** Separators the character matcher takes: none is a digit, a letter or a space, so none is ambiguous next to a number. */
const SEPARATORS = new Set(["/", "-", ".", ":", ",", "_"]);

/**
 * The parts of a pattern made of numbers, separators and single spaces, for the character
 * matcher, which then matches exactly what the pattern's regex matches; null for any other
 * pattern (AM/PM, letters, quoted text, two spaces running), which the regex matches.
 */
function matchParts(parts: readonly PatternPart[]): MatchPart[] | null {
  const matched: MatchPart[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part === undefined) return null;
    if (part.token === null) {
      if (part.literal === " ") {
        if (matched[matched.length - 1]?.kind === "spaces") return null;
        matched.push({ kind: "spaces", token: null, width: 0, code: 0 });
      } else if (SEPARATORS.has(part.literal)) matched.push({ kind: "literal", token: null, width: 0, code: part.literal.charCodeAt(0) });
      else return null;
      continue;
    }
    if (part.token === "meridiem" || part.token === "hour12") return null;
    const fixed = isNumericToken(parts[index + 1]?.token ?? null) || isNumericToken(parts[index - 1]?.token ?? null);
    const width = part.token === "year4" ? 4 : fixed ? 2 : part.token === "year2" ? -1 : 0;
    matched.push({ kind: "digits", token: part.token, width, code: 0 });
  }
  return matched;
}

/**
 * Two-digit years follow the spreadsheet convention most exports passed through:
 * 00-29 are 2000-2029, 30-99 are 1930-1999.
 */
export function expandTwoDigitYear(year: number): number {
  return year < 30 ? 2000 + year : 1900 + year;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Why these fields are not a real calendar moment, or null when they are. */
export function calendarProblem(fields: CalendarFields): string | null {
  if (fields.month < 1 || fields.month > 12) return `there is no month ${fields.month}`;
  if (fields.day < 1) return "there is no day 0";
  const lastDay = daysInMonth(fields.year, fields.month);
  if (fields.day > lastDay) return `${MONTH_NAMES[fields.month - 1]} ${fields.year} has ${lastDay} days`;
  if (fields.hour > 23) return `there is no hour ${fields.hour}`;
  if (fields.minute > 59) return `there is no minute ${fields.minute}`;
  if (fields.second > 59) return `there is no second ${fields.second}`;
  return null;
}

export type FieldsResult = { ok: true; fields: CalendarFields } | { ok: false; reason: string | null };

/**
 * Matches a trimmed value against a compiled pattern. `reason` is null when the value does not have
 * the pattern's shape at all (the caller then words the message), and set when it has the shape but
 * is not a real date (31-02-2024).
 */
export function matchDatePattern(value: string, compiled: CompiledDatePattern): FieldsResult {
  if (compiled.parts !== null) return matchByCharacters(value, compiled.parts);
  if (compiled.alternatives !== null) return matchAlternatives(value, compiled.alternatives);
  const match = compiled.regex.exec(value);
  if (match === null) return { ok: false, reason: null };
  const fields: CalendarFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let meridiem: "am" | "pm" | null = null;
  let hour12 = 0;
  const groups = compiled.groups;
  for (let index = 0; index < groups.length; index++) {
    const token = groups[index];
    const text = match[index + 1] ?? "";
    const number = Number(text);
    if (token === "year2") fields.year = text.length === 4 ? number : expandTwoDigitYear(number);
    else if (token === "hour12") hour12 = number;
    else if (token === "meridiem") meridiem = meridiemOf(text);
    else if (token !== undefined) setField(fields, token, number);
  }
  if (meridiem !== null) {
    if (hour12 < 1 || hour12 > 12) return { ok: false, reason: `there is no hour ${hour12} on a 12-hour clock` };
    fields.hour = (hour12 % 12) + (meridiem === "pm" ? 12 : 0);
  }
  const problem = calendarProblem(fields);
  return problem === null ? { ok: true, fields } : { ok: false, reason: problem };
}

/** The first alternative the value has the shape of decides: its date, or why it is no real one. */
function matchAlternatives(value: string, alternatives: readonly CompiledDatePattern[]): FieldsResult {
  for (const alternative of alternatives) {
    const matched = matchDatePattern(value, alternative);
    if (matched.ok || matched.reason !== null) return matched;
  }
  return NO_MATCH;
}

/** JavaScript's `\s`: what a space in a pattern matches, one or more of. */
function isRegexSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * matchDatePattern for a pattern the character matcher reads (its parts), with no regex and no
 * match array: every timestamp cell of an export is matched.
 */
function matchByCharacters(value: string, parts: readonly MatchPart[]): FieldsResult {
  const fields: CalendarFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  if (!readByCharacters(value, parts, fields)) return NO_MATCH;
  const problem = calendarProblem(fields);
  return problem === null ? { ok: true, fields } : { ok: false, reason: problem };
}

/**
 * Whether a value has the shape of the parts, its numbers written into `fields` (not checked
 * against the calendar). Each number stands between separators or has a fixed width, so the run
 * of digits at hand is the field's, whole.
 */
function readByCharacters(value: string, parts: readonly MatchPart[], fields: CalendarFields): boolean {
  fields.year = 0;
  fields.month = 0;
  fields.day = 0;
  fields.hour = 0;
  fields.minute = 0;
  fields.second = 0;
  // Every character read is inside the value (reading past its end made V8 set the matcher aside).
  const length = value.length;
  let at = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part === undefined) return false;
    if (part.kind === "literal") {
      if (at >= length || value.charCodeAt(at) !== part.code) return false;
      at++;
    } else if (part.kind === "spaces") {
      if (at >= length || !isRegexSpace(value.charCodeAt(at))) return false;
      while (at < length && isRegexSpace(value.charCodeAt(at))) at++;
    } else {
      let end = at;
      if (part.width > 0) {
        while (end - at < part.width && end < length && isDigit(value.charCodeAt(end))) end++;
        if (end - at !== part.width) return false;
      } else {
        while (end < length && isDigit(value.charCodeAt(end))) end++;
        const digits = end - at;
        if (part.width === 0 ? digits < 1 || digits > 2 : digits !== 2 && digits !== 4) return false;
      }
      let number = 0;
      for (let index = at; index < end; index++) number = number * 10 + (value.charCodeAt(index) - 0x30);
      if (part.token === "year2") fields.year = end - at === 4 ? number : expandTwoDigitYear(number);
      else if (part.token !== null) setField(fields, part.token, number);
      at = end;
    }
  }
  return at === value.length;
}

/** The fields of the value at hand on the fast path below, reused: no object per cell. */
const scratchFields: CalendarFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };

/**
 * A wall-clock time in the pattern, in `timeZone`, as Odoo's UTC text; undefined when the value is
 * not plainly one (another shape, not a real date, a pattern the character matcher does not read):
 * matchDatePattern and localTimeToUtc then say what it is. The path of every timestamp cell of an
 * export, so it makes no object.
 */
export function localTimestampText(value: string, compiled: CompiledDatePattern, timeZone: string): string | undefined {
  if (compiled.parts === null || !readByCharacters(value, compiled.parts, scratchFields) || calendarProblem(scratchFields) !== null) return undefined;
  return formatOdooDateTime(localTimeToUtc(scratchFields, timeZone));
}

const NO_MATCH: FieldsResult = Object.freeze({ ok: false, reason: null });

/** Sets the field a numeric token stands for; year2, hour12 and meridiem need more than the number and are left to the caller. */
function setField(fields: CalendarFields, token: FieldToken, number: number): void {
  switch (token) {
    case "day":
      fields.day = number;
      break;
    case "month":
      fields.month = number;
      break;
    case "year4":
      fields.year = number;
      break;
    case "hour24":
      fields.hour = number;
      break;
    case "minute":
      fields.minute = number;
      break;
    case "second":
      fields.second = number;
      break;
    default:
      break;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function matchIsoDate(value: string): FieldsResult {
  const match = ISO_DATE.exec(value);
  if (match === null) return { ok: false, reason: null };
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0 };
  const problem = calendarProblem(fields);
  return problem === null ? { ok: true, fields } : { ok: false, reason: problem };
}

export type IsoDateTimeResult = { ok: true; fields: CalendarFields; offsetMinutes: number | null } | { ok: false; reason: string | null };

/** ISO 8601 date and time; the offset is null when the value has none (a local time). Fractions of a second are dropped: Odoo stores whole seconds. */
export function matchIsoDateTime(value: string): IsoDateTimeResult {
  const match = ISO_DATETIME.exec(value);
  if (match === null) return { ok: false, reason: null };
  const fields: CalendarFields = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: match[6] === undefined ? 0 : Number(match[6]),
  };
  const problem = calendarProblem(fields);
  if (problem !== null) return { ok: false, reason: problem };
  const zone = match[7];
  if (zone === undefined) return { ok: true, fields, offsetMinutes: null };
  if (zone.toUpperCase() === "Z") return { ok: true, fields, offsetMinutes: 0 };
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
  return { ok: true, fields, offsetMinutes };
}

function pad(number: number, width: number): string {
  return String(number).padStart(width, "0");
}

export function formatOdooDate(fields: CalendarFields): string {
  return `${pad(fields.year, 4)}-${pad(fields.month, 2)}-${pad(fields.day, 2)}`;
}

/** "00" to "59" and on: every month, day, hour, minute and second a timestamp has, padded once. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, number) => pad(number, 2));

/** `YYYY-MM-DD ` of each day of 1900 to 2099, made when first asked. */
const dayTexts: (string | undefined)[] = new Array<string | undefined>(CACHED_DAYS);
/** `HH:MM:SS` of each second of a day, made when first asked. */
const secondTexts: (string | undefined)[] = new Array<string | undefined>(DAY / 1000);

/**
 * Odoo's datetime format, always UTC: `YYYY-MM-DD HH:MM:SS`. Written for every timestamp cell of an
 * export, whose timestamps fall on a few thousand days: each day's and each second's text is made
 * once, and a timestamp is the two joined.
 */
export function formatOdooDateTime(epochMilliseconds: number): string {
  const days = Math.floor(epochMilliseconds / DAY);
  const position = days - FIRST_CACHED_DAY;
  const cached = position >= 0 && position < CACHED_DAYS;
  let date = cached ? dayTexts[position] : undefined;
  if (date === undefined) {
    date = dayText(days, epochMilliseconds);
    if (cached) dayTexts[position] = date;
  }
  const second = Math.floor((epochMilliseconds - days * DAY) / 1000);
  let time = secondTexts[second];
  if (time === undefined) {
    time = `${TWO_DIGITS[Math.floor(second / 3600)] ?? ""}:${TWO_DIGITS[Math.floor(second / 60) % 60] ?? ""}:${TWO_DIGITS[second % 60] ?? ""}`;
    secondTexts[second] = time;
  }
  return date + time;
}

/** `YYYY-MM-DD ` of a day counted from 1970-01-01 (`epochMilliseconds` an instant in it). */
function dayText(days: number, epochMilliseconds: number): string {
  const { year, month, day } = civilDate(days);
  // Outside four-digit years the year is padded or signed as Date has it; every export's dates are inside.
  const yearText = year >= 1000 && year <= 9999 ? String(year) : pad(new Date(epochMilliseconds).getUTCFullYear(), 4);
  return `${yearText}-${TWO_DIGITS[month] ?? ""}-${TWO_DIGITS[day] ?? ""} `;
}

/**
 * The proleptic Gregorian date of a day counted from 1970-01-01, by arithmetic (H. Hinnant's
 * civil_from_days), without a Date object: a run formats a datetime for every timestamp cell.
 */
export function civilDate(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The UTC instant of a wall-clock time in a zone. A time that happens twice (clocks going back)
 * is the first of the two; a time that does not exist (clocks going forward) moves forward by
 * the gap, as calendars and Temporal's "compatible" rule do.
 */
export function localTimeToUtc(fields: CalendarFields, timeZone: string): number {
  const local = fieldsAsUtc(fields);
  const steady = steadyLocalOffset(timeZone, local);
  if (!Number.isNaN(steady)) return local - steady;
  const offsetBefore = zoneOffsetAt(timeZone, local - DAY);
  const offsetAfter = zoneOffsetAt(timeZone, local + DAY);
  // No change of offset near this time (almost every time): the answer below would be this one.
  if (offsetBefore === offsetAfter) return local - offsetBefore;
  const early = local - offsetBefore;
  const late = local - offsetAfter;
  const earlyValid = zoneOffsetAt(timeZone, early) === offsetBefore;
  const lateValid = zoneOffsetAt(timeZone, late) === offsetAfter;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early;
}

export function offsetTimeToUtc(fields: CalendarFields, offsetMinutes: number): number {
  return fieldsAsUtc(fields) - offsetMinutes * 60 * 1000;
}

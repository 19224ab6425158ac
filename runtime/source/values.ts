/**
 * Typed parsing of one CSV cell, per the column's declared type and format. Pure: no I/O.
 *
 * Normalised values (what the runtime hands to Odoo):
 * - text: exactly as in the file, surrounding whitespace included (the mapping's `trim` decides)
 * - integer, decimal, money: a number (money keeps the amount; its currency is checked, not kept)
 * - date: `YYYY-MM-DD`; datetime: `YYYY-MM-DD HH:MM:SS` in UTC (Odoo's storage format)
 * - boolean: true/false; email, phone, url, file: normalised text (see text-values.ts)
 * A cell that is blank or only whitespace is `empty` for every type, text included, and so is a
 * placeholder the source declares (`empty_values "TBC, n.v.t."`, or a column's `empty when "-"`).
 */

import type { ColumnType } from "../../language/column-types.js";
import { splitAlternatives } from "../../compiler/date-patterns.js";
import { DEFAULT_VALUE_FORMAT, foldCase } from "../../compiler/value-formats.js";
import {
  compileDatePattern,
  formatOdooDate,
  formatOdooDateTime,
  isKnownTimeZone,
  localTimestampText,
  localTimeToUtc,
  matchDatePattern,
  matchIsoDate,
  matchIsoDateTime,
  offsetTimeToUtc,
  type CalendarFields,
  type CompiledDatePattern,
  type FieldsResult,
} from "./dates.js";
import { parseLocaleInteger, parseLocaleNumber, parseMoney, withoutPercentSign, type DecimalSeparator, type NumberResult } from "./numbers.js";
import { parseBooleanWord, parseEmail, parseFilePath, parsePhone, parseUrl } from "./text-values.js";

export interface ValueFormat {
  /** Date pattern, e.g. `dd/MM/yyyy`; ISO `yyyy-MM-dd` is always accepted too. */
  readonly date: string;
  /** Datetime pattern, e.g. `dd-MM-yyyy HH:mm`; ISO 8601 (with or without offset) and a bare date (midnight) are accepted too. */
  readonly datetime: string;
  /** IANA zone the export's local times are in; datetimes become UTC. */
  readonly timezone: string;
  /** Decimal separator; the other of `.` `,`, spaces and apostrophes group thousands. */
  readonly decimal: DecimalSeparator;
  /** Expected currency symbol or code for money (`£`, `EUR`); an amount in another currency is invalid. */
  readonly currency?: string;
  /** Compared case-insensitively after trimming. */
  readonly trueWords: readonly string[];
  readonly falseWords: readonly string[];
  /**
   * Integer and decimal columns declared `"%"`: a percent sign after the number (or before it, as
   * Turkish writes it) is read off, `60 %` and `%60` are 60, the way Odoo's percentage fields
   * (probability, discount) hold it.
   */
  readonly percent?: boolean;
  /** Placeholders that mean no value ("TBC", "n.v.t.", "0000-00-00"), in lower case; compared trimmed, ignoring case. */
  readonly emptyValues?: readonly string[];
}

/** A format with the defaults filled in for whatever the source, entity or column did not say. */
export function valueFormat(overrides: Partial<ValueFormat> = {}): ValueFormat {
  return { ...DEFAULT_VALUE_FORMAT, ...overrides };
}

/** Problems with a format itself (a bad pattern, an unknown time zone): configuration errors, not row errors. */
export function valueFormatProblems(format: ValueFormat): string[] {
  const problems: string[] = [];
  const date = compileDatePattern(format.date);
  if (!date.ok) problems.push(date.reason);
  else if (date.pattern.hasTime) problems.push(`date pattern '${format.date}' has a time in it; use it as the datetime pattern`);
  const datetime = compileDatePattern(format.datetime);
  if (!datetime.ok) problems.push(datetime.reason);
  if (!isKnownTimeZone(format.timezone)) problems.push(`'${format.timezone}' is not a known time zone (use an IANA name such as Europe/Amsterdam)`);
  if (format.decimal !== "." && format.decimal !== ",") problems.push(`decimal separator must be '.' or ',', not '${String(format.decimal)}'`);
  const overlap = format.trueWords.filter((word) => format.falseWords.some((other) => other.toLowerCase() === word.toLowerCase()));
  if (overlap.length > 0) problems.push(`'${overlap.join("', '")}' is both a true and a false word`);
  return problems;
}

export type CellValue = string | number | boolean;

export type ParsedCell =
  { readonly kind: "empty" } | { readonly kind: "value"; readonly value: CellValue } | { readonly kind: "invalid"; readonly reason: string };

/** A blank cell, or one holding a placeholder: one object for every such cell. */
export const EMPTY_CELL: ParsedCell = Object.freeze({ kind: "empty" });
const EMPTY = EMPTY_CELL;

function invalid(reason: string): ParsedCell {
  return { kind: "invalid", reason };
}

function value(value: CellValue): ParsedCell {
  return { kind: "value", value };
}

export function isBlank(raw: string): boolean {
  // Printable ASCII is never white space: most cells are told by their first character. (An empty
  // cell is not read at position 0: reading past the end makes V8 set a function's fast code aside.)
  if (raw.length === 0) return true;
  const first = raw.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return raw.trim().length === 0;
}

/** Whether a cell holds one of the format's placeholders for no value. */
export function isPlaceholder(raw: string, format: ValueFormat): boolean {
  const placeholders = format.emptyValues;
  if (placeholders === undefined || placeholders.length === 0) return false;
  const word = foldCase(raw.trim());
  return placeholders.some((placeholder) => foldCase(placeholder) === word);
}

/** Whether a cell means no value: blank, or one of the format's placeholders (parseCell's `empty`, for every type). */
export function isEmptyCell(raw: string, format: ValueFormat): boolean {
  return isBlank(raw) || isPlaceholder(raw, format);
}

export function parseCell(type: ColumnType, raw: string, format: ValueFormat): ParsedCell {
  if (isEmptyCell(raw, format)) return EMPTY;
  switch (type) {
    case "text":
      return value(raw);
    case "integer":
      return parseNumberCell(type, raw, format, parseLocaleInteger);
    case "decimal":
      return parseNumberCell(type, raw, format, parseLocaleNumber);
    case "money": {
      const parsed = parseMoney(raw, format.decimal, format.currency);
      return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
    }
    case "date":
      return parseDateCell(raw.trim(), format);
    case "datetime":
      return parseDateTimeCell(raw.trim(), format);
    case "boolean": {
      const parsed = parseBooleanWord(raw, format.trueWords, format.falseWords);
      return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
    }
    case "email": {
      const parsed = parseEmail(raw);
      return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
    }
    case "phone": {
      const parsed = parsePhone(raw);
      return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
    }
    case "url": {
      const parsed = parseUrl(raw);
      return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
    }
    case "file": {
      const parsed = parseFilePath(raw);
      return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
    }
  }
}

/** A number, or a percentage when the column is declared `"%"`; an undeclared percentage is refused with the fix. */
function parseNumberCell(
  type: "integer" | "decimal",
  raw: string,
  format: ValueFormat,
  parse: (text: string, decimal: DecimalSeparator) => NumberResult,
): ParsedCell {
  const percentage = withoutPercentSign(raw);
  if (percentage !== null && format.percent === true) {
    const parsed = parse(percentage, format.decimal);
    return parsed.ok ? value(parsed.value) : invalid(parsed.reason);
  }
  const parsed = parse(raw, format.decimal);
  if (parsed.ok) return value(parsed.value);
  const asPercentage = percentage === null ? null : parse(percentage, format.decimal);
  if (asPercentage !== null && asPercentage.ok) {
    return invalid(
      `'${raw.trim()}' is a percentage: declare the column \`${type} "%"\` to read it as ${asPercentage.value}, the way Odoo's percentage fields (probability, discount) hold it`,
    );
  }
  return invalid(parsed.reason);
}

function compiledOrThrow(pattern: string): CompiledDatePattern {
  const compiled = compileDatePattern(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.pattern;
}

// A date column often carries a midnight time ("31-12-2024 00:00"): it is the same date.
const MIDNIGHT_SUFFIX = /^(.*?)[T\s]+0?0:00(?::00(?:[.,]0+)?)?$/;

/** Why a value is not a date in a pattern, in a specialist's words. */
function notADate(text: string, pattern: string, detail: string | null): string {
  if (detail !== null) return `'${text}' is not a date: ${detail} (format ${pattern})`;
  const twoDigitYear = /\b\d{2}$/.test(text) && /yyyy/.test(pattern) && !/\d{4}/.test(text);
  if (twoDigitYear)
    return `'${text}' is not a date in the format ${pattern}: it has a two-digit year (declare the format ${pattern.replace("yyyy", "yy")} if the export writes years that way)`;
  return `'${text}' is not a date in the format ${pattern}`;
}

export function parseDateFields(text: string, pattern: string): FieldsResult {
  const compiled = compiledOrThrow(pattern);
  const matched = matchDatePattern(text, compiled);
  if (matched.ok || matched.reason !== null) return matched;
  const iso = matchIsoDate(text);
  if (iso.ok || iso.reason !== null) return iso;
  const midnight = MIDNIGHT_SUFFIX.exec(text);
  if (midnight !== null) return parseDateFields(midnight[1] ?? "", pattern);
  if (!compiled.hasTime) {
    const withTime = /^(.*?)[T\s]+\d{1,2}:\d{2}(?::\d{2})?$/.exec(text);
    if (withTime !== null && matchDatePattern(withTime[1] ?? "", compiled).ok) {
      return { ok: false, reason: "it has a time of day, and this column is a date (declare it datetime to keep the time)" };
    }
  }
  return { ok: false, reason: null };
}

function parseDateCell(text: string, format: ValueFormat): ParsedCell {
  const parsed = parseDateFields(text, format.date);
  if (!parsed.ok) return invalid(notADate(text, format.date, parsed.reason));
  return value(formatOdooDate(parsed.fields));
}

/**
 * A datetime cell in the source's own pattern, as Odoo's UTC text, with no parsed cell made;
 * undefined for any other cell (blank, another form, not a real time), which `parseCell` then
 * reads and words. The reader asks it for every timestamp cell, most of them in that pattern.
 */
export function plainDateTimeText(raw: string, format: ValueFormat): string | undefined {
  if (isEmptyCell(raw, format)) return undefined;
  return localTimestampText(raw.trim(), compiledOrThrow(format.datetime), format.timezone);
}

function parseDateTimeCell(text: string, format: ValueFormat): ParsedCell {
  const compiled = compiledOrThrow(format.datetime);
  const plain = localTimestampText(text, compiled, format.timezone);
  if (plain !== undefined) return value(plain);
  const matched = matchDatePattern(text, compiled);
  if (matched.ok) return value(formatOdooDateTime(localTimeToUtc(matched.fields, format.timezone)));
  if (matched.reason !== null) return invalid(`'${text}' is not a date and time: ${matched.reason} (format ${format.datetime})`);
  const iso = matchIsoDateTime(text);
  if (iso.ok) {
    const instant = iso.offsetMinutes === null ? localTimeToUtc(iso.fields, format.timezone) : offsetTimeToUtc(iso.fields, iso.offsetMinutes);
    return value(formatOdooDateTime(instant));
  }
  if (iso.reason !== null) return invalid(`'${text}' is not a date and time: ${iso.reason}`);
  const dateOnly = parseDateFields(text, format.date);
  if (dateOnly.ok) return value(formatOdooDateTime(localTimeToUtc(dateOnly.fields, format.timezone)));
  if (dateOnly.reason !== null) return invalid(`'${text}' is not a date and time: ${dateOnly.reason} (format ${format.datetime})`);
  return invalid(`'${text}' is not a date and time in the format ${format.datetime}`);
}

/** Parses a date column value into calendar fields; exported for the inference helpers. */
export function dateFieldsOf(text: string, pattern: string): CalendarFields | null {
  const parsed = parseDateFields(text.trim(), pattern);
  return parsed.ok ? parsed.fields : null;
}

/** Why a parsed cell makes its row unreadable, in the words of the export's own header; null when it does not. */
export function cellProblem(header: string, cell: ParsedCell, column: { readonly required: boolean; readonly isKey?: boolean }): string | null {
  if (cell.kind === "invalid") return `'${header}': ${cell.reason}`;
  if (cell.kind !== "empty") return null;
  if (column.isKey === true) return `key column '${header}' is blank`;
  return column.required ? `'${header}' is required and blank` : null;
}

/**
 * Whether a date the column's day-first pattern refused reads as month first (`5/16/2024` under
 * `dd/MM/yyyy`): a file a spreadsheet set to US dates saved again. Its days of 12 or less read
 * either way, so the file's rows that loaded may hold day and month swapped.
 */
export function readsMonthFirst(text: string, type: "date" | "datetime", format: ValueFormat): boolean {
  const pattern = splitAlternatives(type === "date" ? format.date : format.datetime)[0] ?? "";
  const fields = pattern.match(/[dM]+/g) ?? [];
  if (fields[0]?.[0] !== "d" || fields[1]?.[0] !== "M") return false;
  const numbers = /^\s*(\d{1,2})\D(\d{1,2})\D/.exec(text);
  if (numbers === null) return false;
  const first = Number(numbers[1]);
  const second = Number(numbers[2]);
  return first >= 1 && first <= 12 && second > 12 && second <= 31;
}
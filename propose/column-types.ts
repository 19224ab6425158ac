/**
 * A column's type and format, proposed from its values, with the evidence in words. Pure.
 *
 * The strict guess comes from the reader's own inference (`runtime/source/infer.ts`), which needs
 * every value to fit. Real exports have outliers (`TBC` in a date column, `n/a` in an amount), so
 * when no type fits every value, a type that reads at least 90% of them is proposed, and the values
 * it cannot read are named in the evidence: the reader rejects those rows, so nothing is lost
 * silently, and the specialist sees which values will need a decision.
 */
import { hasCurrencySign } from "../runtime/source/currencies.js";
import { DATE_PATTERN_CANDIDATES, DATETIME_PATTERN_CANDIDATES, inferColumn } from "../runtime/source/infer.js";
import type { ColumnType } from "../language/column-types.js";
import { isBlank, parseCell, valueFormat, type ValueFormat } from "../runtime/source/values.js";
import { domesticAccounts } from "./domestic-accounts.js";
import { quote } from "./literals.js";
import { booleanWords, CURRENCY_CODES, isPercentage, defaultBooleanWords, findPlaceholders, type BooleanWords, type PlaceholderValue } from "./value-shapes.js";

export type DecimalSeparator = "." | ",";

export interface ColumnTypeGuess {
  readonly type: ColumnType;
  /** The date pattern of a date column, or the date-and-time pattern of a datetime column (undefined: ISO 8601). */
  readonly pattern?: string;
  readonly decimal?: DecimalSeparator;
  readonly currency?: string;
  /** A decimal column of percentages (`60 %`), declared `decimal "%"`: read as 60. */
  readonly percent?: boolean;
  /** Values looked at, blanks included. */
  readonly total: number;
  readonly blank: number;
  /** Non-blank values the type reads. */
  readonly parsed: number;
  /** Non-blank values it does not read (their rows would be rejected), and a few of them. */
  readonly failed: number;
  readonly failures: readonly string[];
  /** Other formats that read the values equally well (`MM/dd/yyyy` next to `dd/MM/yyyy`). */
  readonly alternatives: readonly string[];
  readonly distinct: number;
  /** Some value spans several lines (a note, an address). */
  readonly multiline: boolean;
  readonly maxLength: number;
  /**
   * Values written for "no value" (`k.A.`, `00.00.0000`, `TBC`), most frequent first: kept out of
   * the type's evidence, and declared on a typed column (`empty when "k.A."`), so the reader reads
   * them as blanks.
   */
  readonly placeholders: readonly PlaceholderValue[];
  /** A yes/no column's words, when they are not all the reader's defaults (`ja`/`nein`). */
  readonly booleanWords?: BooleanWords;
  /** Why, for a `//` comment: `998 of 1,000 values parse as dd-MM-yyyy; 2 blank`. */
  readonly evidence: string;
}

type ReadGuess = Pick<ColumnTypeGuess, "type" | "pattern" | "failed" | "placeholders">;

/**
 * The conversion a column with outliers is read through: declared as text, converted where it is
 * used, with on_invalid "flag", so one bad value (`31/02/2024` in a date) leaves that field empty
 * and is reported instead of rejecting the whole record. Undefined when every value fits (its
 * placeholders are declared, see placeholderModifier), or when only outliers the type's built-in
 * cannot flag (date-times) are in the way.
 */
export function readStep(guess: ReadGuess): string | undefined {
  if (guess.failed === 0) return undefined;
  const flag = '"flag"';
  const call = (name: string, ...args: string[]): string => {
    const given = args.filter((arg) => arg !== "");
    return given.length === 0 ? name : `${name}(${given.join(", ")})`;
  };
  switch (guess.type) {
    case "date":
      return call("date", `"${guess.pattern ?? "yyyy-MM-dd"}"`, flag);
    case "datetime":
      return guess.failed > 0 ? undefined : call("datetime", guess.pattern === undefined ? "" : `"${guess.pattern}"`);
    case "integer":
      return call("integer", flag);
    case "decimal":
      return call("number", flag);
    case "money":
      return call("money", flag);
    case "boolean":
      return call("boolean", flag);
    case "email":
    case "phone":
    case "url":
      return call(guess.type, flag);
    default:
      return undefined;
  }
}

/** The type a column is declared with: text when it is converted in the map (see readStep). */
export function declaredType(guess: ReadGuess): ColumnType {
  return readStep(guess) === undefined ? guess.type : "text";
}

/**
 * `empty when "k.A.", "00.00.0000"` on a typed column: the reader reads its placeholders as
 * blanks, so they leave the field empty without a report; empty when the column has none (or is
 * text anyway).
 */
export function placeholderModifier(guess: ReadGuess): string {
  if (guess.type === "text" || guess.placeholders.length === 0) return "";
  return `empty when ${guess.placeholders.map((placeholder) => quote(placeholder.value)).join(", ")}`;
}

/** The share of non-blank values a type must read to be proposed despite outliers. */
export const TOLERATED_SHARE = 0.9;
/** Below this many values, one outlier is too much of the evidence: every value must fit. */
const TOLERANCE_MINIMUM = 10;
/** Enough values to judge a type by; a large column is judged on an even spread of them. */
const TOLERANCE_SAMPLE = 2000;

/** `1234567` → `1,234,567`, whatever the machine's locale. */
export function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

interface Candidate {
  readonly type: ColumnType;
  readonly format: Partial<ValueFormat>;
}

const fullFormats = new WeakMap<Partial<ValueFormat>, ValueFormat>();

function fullFormat(format: Partial<ValueFormat>): ValueFormat {
  let full = fullFormats.get(format);
  if (full === undefined) {
    full = valueFormat(format);
    fullFormats.set(format, full);
  }
  return full;
}

function candidates(): Candidate[] {
  const list: Candidate[] = [{ type: "boolean", format: {} }];
  for (const datetime of DATETIME_PATTERN_CANDIDATES) list.push({ type: "datetime", format: { datetime } });
  list.push({ type: "datetime", format: {} });
  for (const date of DATE_PATTERN_CANDIDATES) list.push({ type: "date", format: { date } });
  for (const decimal of [".", ","] as const) list.push({ type: "integer", format: { decimal } });
  for (const decimal of [".", ","] as const) list.push({ type: "money", format: { decimal } });
  for (const decimal of [".", ","] as const) list.push({ type: "decimal", format: { decimal } });
  for (const type of ["email", "url", "phone", "file"] as const) list.push({ type, format: {} });
  return list;
}

const CANDIDATES = candidates();

/** Whether a value counts for a candidate: the reader reads it, and it has the candidate's shape. */
function fits(candidate: Candidate, value: string): boolean {
  if (parseCell(candidate.type, value, fullFormat(candidate.format)).kind !== "value") return false;
  switch (candidate.type) {
    case "boolean":
      return true;
    case "datetime":
      // A bare date passes a datetime column (local midnight), but is not evidence of one.
      return /\d{1,2}:\d{2}|[T\s]\d{1,2}\.\d{2}$/.test(value);
    case "date":
      return !/^\d{1,7}$/.test(value);
    case "integer":
      return !/[.,]\d{1,2}$/.test(value) && !/^[-+]?0\d/.test(value);
    case "money":
      return hasCurrencySign(value) || (value.match(/\b[A-Z]{3}\b/g) ?? []).some((code) => CURRENCY_CODES.has(code));
    case "url":
      return /^(https?:\/\/|www\.)/i.test(value);
    case "phone":
      // A date (14.06.2023) has the digits and separators of a phone number, but is none; nor is
      // a document numbered by year (an order's `2025/0042`), nor a post code of five digits and
      // three (Brazil's CEP, `13113-338`).
      return (
        value.replace(/\D/g, "").length >= 6 &&
        !/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(value) &&
        !/^(19|20)\d\d[/-]\d{1,6}$/.test(value) &&
        !/^\d{5}-\d{3}$/.test(value)
      );
    case "file":
      return /[\\/]/.test(value) && /\.[A-Za-z0-9]{2,5}$/.test(value);
    default:
      return true;
  }
}

function spread(values: readonly string[], limit: number): string[] {
  if (values.length <= limit) return [...values];
  const step = values.length / limit;
  return Array.from({ length: limit }, (_, index) => values[Math.floor(index * step)] ?? "");
}

function describeFormat(guess: Pick<ColumnTypeGuess, "type" | "pattern" | "decimal" | "currency" | "percent">, samples: readonly string[]): string {
  switch (guess.type) {
    case "date":
      return guess.pattern ?? "yyyy-MM-dd";
    case "datetime":
      return guess.pattern ?? "ISO 8601 date-times";
    case "integer":
      return "whole numbers";
    case "decimal":
      return guess.percent === true ? "percentages" : `numbers with decimal '${guess.decimal ?? "."}'`;
    case "money":
      return `amounts${guess.currency === undefined ? "" : ` in ${guess.currency}`} with decimal '${guess.decimal ?? "."}'`;
    case "boolean": {
      const words = [...new Set(samples.map((sample) => sample.toLowerCase()))].sort().slice(0, 4);
      return `yes/no (${words.join("/")})`;
    }
    case "email":
      return "e-mail addresses";
    case "phone":
      return "phone numbers";
    case "url":
      return "web addresses";
    case "file":
      return "file paths";
    case "text":
      return "text";
  }
}

function quoteForComment(value: string): string {
  const flat = value.replace(/\s+/g, " ");
  return `'${flat.length > 24 ? `${flat.slice(0, 23)}…` : flat}'`;
}

function evidenceOf(guess: Omit<ColumnTypeGuess, "evidence">, samples: readonly string[]): string {
  const total = groupThousands(guess.total);
  if (guess.total === 0) return "no values: the file has no rows";
  if (guess.blank === guess.total) return `all ${total} values are blank`;
  const parts: string[] = [];
  if (guess.type === "text") {
    parts.push(`text, ${groupThousands(guess.distinct)} distinct value${guess.distinct === 1 ? "" : "s"} in ${total} rows`);
  } else {
    parts.push(`${groupThousands(guess.parsed)} of ${total} values parse as ${describeFormat(guess, samples)}`);
  }
  if (guess.blank > 0) parts.push(`${groupThousands(guess.blank)} blank`);
  const placeholders = guess.type === "text" ? [] : guess.placeholders;
  if (placeholders.length > 0) {
    const count = placeholders.reduce((sum, placeholder) => sum + placeholder.count, 0);
    const shown = placeholders.map((placeholder) => quoteForComment(placeholder.value)).join(", ");
    parts.push(
      `${groupThousands(count)} ${count === 1 ? "is" : "are"} ${shown}, written for no value: declared with \`empty when\`, ${placeholders.length === 1 ? "it is" : "they are"} read as blank`,
    );
  }
  if (guess.failed > 0) {
    const shown = guess.failures.map(quoteForComment).join(", ");
    const outcome =
      readStep(guess) === undefined
        ? "and will reject their rows"
        : 'so it is declared text: where the map converts it, on_invalid "flag" leaves a bad value\'s field empty and reports it';
    parts.push(`${groupThousands(guess.failed)} do not (${shown}${guess.failed > guess.failures.length ? ", …" : ""}), ${outcome}`);
  }
  if (guess.alternatives.length > 0) parts.push(`also fits ${guess.alternatives.slice(0, 2).join(", ")}`);
  return parts.join("; ");
}

function finish(guess: Omit<ColumnTypeGuess, "evidence">, samples: readonly string[]): ColumnTypeGuess {
  return { ...guess, evidence: evidenceOf(guess, samples) };
}

function formatFields(type: ColumnType, format: Partial<ValueFormat>): Pick<ColumnTypeGuess, "pattern" | "decimal" | "currency"> {
  const fields: { pattern?: string; decimal?: DecimalSeparator; currency?: string } = {};
  if (type === "date" && format.date !== undefined) fields.pattern = format.date;
  if (type === "datetime" && format.datetime !== undefined) fields.pattern = format.datetime;
  if ((type === "integer" || type === "decimal" || type === "money") && format.decimal !== undefined) fields.decimal = format.decimal;
  if (type === "money" && format.currency !== undefined) fields.currency = format.currency;
  return fields;
}

/**
 * Moments beside days alone in one column (a to-do's `2025.07.21. 10:30`, a task's `2025.07.21.`):
 * a datetime read by both patterns (`A|B`, a day alone being local midnight), when each value is
 * one or the other. However few the days, they are read: a datetime column the tolerance reads
 * with failures gets no read step, and its rows would be lost.
 */
function momentsOrDays(samples: readonly string[], base: GuessBase): ColumnTypeGuess | undefined {
  if (samples.length < TOLERANCE_MINIMUM) return undefined;
  const judged = spread(samples, TOLERANCE_SAMPLE);
  for (const datetime of DATETIME_PATTERN_CANDIDATES) {
    const date = DATE_PATTERN_CANDIDATES.find((candidate) => datetime.startsWith(`${candidate} `));
    if (date === undefined) continue;
    const moment: Candidate = { type: "datetime", format: { datetime } };
    const day: Candidate = { type: "date", format: { date } };
    const moments = judged.filter((value) => fits(moment, value)).length;
    const days = judged.filter((value) => !fits(moment, value) && fits(day, value)).length;
    if (moments + days < judged.length || moments < 1 || days < 1) continue;
    const pattern = `${datetime}|${date}`;
    return finish({ ...base, type: "datetime", pattern, parsed: samples.length, failed: 0, failures: [], alternatives: [] }, samples);
  }
  return undefined;
}

/**
 * Amounts most of which carry their currency (`12.500,00 RON`) beside a few bare numbers
 * (`279500`, typed in by hand): one money column, every value read, though the bare ones are no
 * evidence of money alone and are more than the tolerance allows.
 */
function amountsSomeBare(samples: readonly string[], base: GuessBase): ColumnTypeGuess | undefined {
  if (samples.length < TOLERANCE_MINIMUM) return undefined;
  const tagged = samples.filter((value) => fits({ type: "money", format: { decimal: "," } }, value) || fits({ type: "money", format: { decimal: "." } }, value));
  if (tagged.length * 2 < samples.length || tagged.length === samples.length) return undefined;
  const inferred = inferColumn(tagged);
  if (inferred.type !== "money") return undefined;
  const format = fullFormat(inferred.format);
  const bare = samples.filter((value) => !tagged.includes(value));
  if (!bare.every((value) => /^[-+]?\d+(?:[.,]\d+)?$/.test(value) && parseCell("money", value, format).kind === "value")) return undefined;
  return finish({ ...base, type: "money", ...formatFields("money", inferred.format), parsed: samples.length, failed: 0, failures: [], alternatives: [] }, samples);
}

/** Alternatives as the reader names them (`ISO 8601`, `decimal ','`), kept only when they are patterns a person would choose between. */
function usefulAlternatives(type: ColumnType, chosen: string | undefined, alternatives: readonly string[]): string[] {
  if (type !== "date" && type !== "datetime") return [];
  // `yy` also reads four-digit years, so `dd/MM/yy` next to `dd/MM/yyyy` is no real choice.
  const fourDigitYears = chosen?.includes("yyyy") === true;
  return alternatives.filter((alternative) => alternative !== "ISO 8601" && !(fourDigitYears && !alternative.includes("yyyy")));
}

/** Proposes a type and format for a column from its values (as read, blanks included). */
export function guessColumnType(values: readonly string[]): ColumnTypeGuess {
  const present = values.filter((value) => !isBlank(value)).map((value) => value.trim());
  const placeholders = findPlaceholders(present);
  const held = new Set(placeholders.map((placeholder) => placeholder.value));
  const samples = present.filter((value) => !held.has(value));
  const base: GuessBase = {
    total: values.length,
    blank: values.length - present.length,
    distinct: new Set(present).size,
    multiline: present.some((sample) => /[\r\n]/.test(sample)),
    maxLength: present.reduce((longest, sample) => Math.max(longest, sample.length), 0),
    placeholders,
  };
  // Placeholders do not make a text column: its values are read as they are.
  if (samples.length === 0 || base.multiline) return textGuess(present, base);
  const typed = typedGuess(samples, base);
  return typed.type === "text" && placeholders.length > 0 ? textGuess(present, base) : typed;
}

function textGuess(samples: readonly string[], base: GuessBase): ColumnTypeGuess {
  return finish({ ...base, type: "text", parsed: samples.length, failed: 0, failures: [], alternatives: [] }, samples);
}

/** The type of the values that are not placeholders. */
function typedGuess(samples: readonly string[], base: GuessBase): ColumnTypeGuess {
  const words = booleanWords(samples);
  if (words !== undefined && !defaultBooleanWords(words)) {
    return finish({ ...base, type: "boolean", parsed: samples.length, failed: 0, failures: [], alternatives: [], booleanWords: words }, samples);
  }
  if (isCode(samples)) return code(samples, base);
  // Bank accounts written the Czech way (`19-2000145399/0800`) have a phone's digits and dashes.
  if (domesticAccounts(samples)) return textGuess(samples, base);
  if (groupedNumbers(samples)) return finish({ ...base, type: "phone", parsed: samples.length, failed: 0, failures: [], alternatives: [] }, samples);
  if (samples.every(isPercentage)) return percentGuess(samples, base);
  const mixed = momentsOrDays(samples, base);
  if (mixed !== undefined) return mixed;
  const amounts = amountsSomeBare(samples, base);
  if (amounts !== undefined) return amounts;
  const strict = inferColumn(samples);
  // Digits and slashes read as a phone number too: a column of dates with one impossible date
  // (31/02/2024) must still be proposed as dates, so the weak text types do not end the search;
  // nor does a type only the reader's leniency gives (`HRB 26762` is no amount).
  const fitting = strict.type === "text" || samples.every((sample) => fits({ type: strict.type, format: strict.format }, sample));
  const weak = !fitting || strict.type === "text" || strict.type === "phone" || strict.type === "email" || strict.type === "url" || strict.type === "file";
  const tolerant = samples.length >= TOLERANCE_MINIMUM ? tolerantGuess(samples, base, weak ? STRONG_TYPES : new Set()) : undefined;
  if (tolerant !== undefined) return tolerant;
  if (strict.type !== "text" && fitting) {
    return finish(
      {
        ...base,
        type: strict.type,
        ...formatFields(strict.type, strict.format),
        parsed: samples.length,
        failed: 0,
        failures: [],
        alternatives: usefulAlternatives(strict.type, strict.format.date ?? strict.format.datetime, strict.alternatives),
        ...(strict.type === "boolean" && words !== undefined ? { booleanWords: words } : {}),
      },
      samples,
    );
  }
  if (samples.length < TOLERANCE_MINIMUM) return textGuess(samples, base);
  return tolerantGuess(samples, base, new Set(CANDIDATES.map((candidate) => candidate.type))) ?? textGuess(samples, base);
}

/**
 * Percentages (`60%`, `12,5 %`): a decimal column declared `"%"`, which the reader reads as the
 * number Odoo's percentage fields (probability, discount) hold. Its separator counts towards the
 * source's only when a value has decimals.
 */
function percentGuess(samples: readonly string[], base: GuessBase): ColumnTypeGuess {
  const decimal = samples.some((sample) => /,\d/.test(sample)) ? "," : samples.some((sample) => /\.\d/.test(sample)) ? "." : undefined;
  const guess = { ...base, type: "decimal" as const, percent: true, parsed: samples.length, failed: 0, failures: [], alternatives: [] };
  return finish(decimal === undefined ? guess : { ...guess, decimal }, samples);
}

/**
 * Digits of one length, six or more (a chamber of commerce number, a customer code), digits some
 * of which start with a zero (a post code, `01067`; an e-invoice address, `0037010773920013`), or
 * more digits than a double holds exactly (a bank account): an identifier, not a quantity.
 */
const EXACT_DIGITS = 15;

function isCode(samples: readonly string[]): boolean {
  const length = samples[0]?.length ?? 0;
  if (length >= 6 && samples.every((sample) => sample.length === length && /^\d+$/.test(sample))) return true;
  const digits = samples.filter((sample) => /^\d{2,}$/.test(sample));
  if (digits.length >= samples.length * TOLERATED_SHARE && digits.some((sample) => sample.length > EXACT_DIGITS)) return true;
  return digits.length >= samples.length * TOLERATED_SHARE && digits.some((sample) => sample.startsWith("0"));
}

/**
 * Numbers written in groups of digits (`538 523 512`, `+48 601 234 567`), nine digits or more:
 * phone numbers as a country writes them, not amounts (the reader would take the spaces for
 * thousands separators), when some carry a country code or all have the same count of digits,
 * where amounts differ in size; the same numbers written without spaces may stand beside them
 * (`+420 603 123 456`, `603123456`). No phone number has more than 15 digits (a bank account has).
 */
const MAX_PHONE_DIGITS = 15;

function groupedNumbers(samples: readonly string[]): boolean {
  const digits = (sample: string): number => sample.replace(/\D/g, "").length;
  const grouped = (sample: string): boolean => /^\+?\d{1,4}(?:[ -]\d{2,4}){2,}$/.test(sample) && digits(sample) >= 9 && digits(sample) <= MAX_PHONE_DIGITS;
  // Beside grouped numbers, the same numbers written without spaces (`+420 603 123 456`, `603123456`).
  const plain = (sample: string): boolean => /^\d{9,15}$/.test(sample) && digits(sample) <= MAX_PHONE_DIGITS;
  if (samples.length < 3 || !samples.every((sample) => grouped(sample) || plain(sample)) || !samples.some(grouped)) return false;
  return samples.some((sample) => sample.startsWith("+")) || new Set(samples.map(digits)).size === 1;
}

function code(samples: readonly string[], base: GuessBase): ColumnTypeGuess {
  const length = samples[0]?.length ?? 0;
  const guess = { ...base, type: "text" as const, parsed: samples.length, failed: 0, failures: [], alternatives: [] };
  const blank = base.blank > 0 ? `; ${groupThousands(base.blank)} blank` : "";
  const digits = samples.every((sample) => sample.length === length) ? `${length} digits` : "digits, some with a leading zero";
  return { ...guess, evidence: `${groupThousands(samples.length)} of ${groupThousands(base.total)} values are ${digits}: a code, kept as text${blank}` };
}

const STRONG_TYPES: ReadonlySet<ColumnType> = new Set(["boolean", "datetime", "date", "integer", "money", "decimal"]);

type GuessBase = Pick<ColumnTypeGuess, "total" | "blank" | "distinct" | "multiline" | "maxLength" | "placeholders">;

/** The first candidate of the given types that reads at least 90% of the values. */
function tolerantGuess(samples: readonly string[], base: GuessBase, types: ReadonlySet<ColumnType>): ColumnTypeGuess | undefined {
  const judged = spread(samples, TOLERANCE_SAMPLE);
  for (const candidate of CANDIDATES) {
    if (!types.has(candidate.type)) continue;
    // Most candidates fail on the first values: stop as soon as too many do not fit.
    const allowed = judged.length * (1 - TOLERATED_SHARE);
    const fitting: string[] = [];
    let misfits = 0;
    for (const value of judged) {
      if (fits(candidate, value)) fitting.push(value);
      else if (++misfits > allowed) break;
    }
    if (misfits > allowed) continue;
    // The reader's inference on the values that fit picks the separator and lists ambiguities.
    const refined = inferColumn(fitting);
    const format = refined.type === candidate.type ? refined.format : candidate.format;
    const alternatives = refined.type === candidate.type ? usefulAlternatives(candidate.type, format.date ?? format.datetime, refined.alternatives) : [];
    const final: Candidate = { type: candidate.type, format };
    const failing = samples.filter((value) => !fits(final, value));
    if (failing.length > samples.length * (1 - TOLERATED_SHARE)) continue;
    return finish(
      {
        ...base,
        type: candidate.type,
        ...formatFields(candidate.type, format),
        parsed: samples.length - failing.length,
        failed: failing.length,
        failures: [...new Set(failing)].slice(0, 3),
        alternatives,
      },
      samples,
    );
  }
  return undefined;
}

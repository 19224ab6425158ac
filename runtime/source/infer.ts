/**
 * Guessing a column's type and format from sample values, for tools that propose a mapping from
 * an export. Pure. A guess lists the alternatives that fit the samples equally well
 * (`dd/MM/yyyy` and `MM/dd/yyyy` both fit when no day is above 12): a person decides those.
 */

import { hasCurrencySign } from "./currencies.js";
import { compileDatePattern, matchDatePattern, matchIsoDateTime } from "./dates.js";
import { parseLocaleInteger, parseLocaleNumber, parseMoney, type DecimalSeparator } from "./numbers.js";
import { parseEmail, parsePhone, parseUrl } from "./text-values.js";
import type { ColumnType } from "../../language/column-types.js";
import { DEFAULT_FALSE_WORDS, DEFAULT_TRUE_WORDS } from "../../compiler/value-formats.js";
import { isBlank, type ValueFormat } from "./values.js";

export const DATE_PATTERN_CANDIDATES: readonly string[] = [
  "dd-MM-yyyy",
  "dd/MM/yyyy",
  "dd.MM.yyyy",
  // Czech and Slovak typography: a space after each dot, the day and month unpadded (7. 8. 2025).
  "d. M. yyyy",
  "yyyy-MM-dd",
  "yyyy/MM/dd",
  "yyyy.MM.dd",
  // Hungarian: the day closed with a dot, and Windows' Hungarian short date with spaces.
  "yyyy.MM.dd.",
  "yyyy. MM. dd.",
  "MM/dd/yyyy",
  "MM-dd-yyyy",
  "yyyyMMdd",
  "dd-MM-yy",
  "dd/MM/yy",
  "dd.MM.yy",
  "MM/dd/yy",
];

// `H.mm` reads times written 9.30 (Italian, Danish, Finnish exports).
const PLAIN_TIME_SUFFIXES: readonly string[] = [" HH:mm", " HH:mm:ss", " h:mm a", " h:mm:ss a", "'T'HH:mm:ss", " H.mm"];

// Nordic exports put the word for "o'clock" between the day and the time: Finnish `7.8.2025 klo
// 14.30`, Swedish, Norwegian and Danish `7.8.2025 kl. 14.30` (or `kl 14:30`). Tried after the plain
// suffixes, so they change nothing for a column those read.
const CLOCK_WORDS: readonly string[] = ["klo", "kl.", "kl"];
const CLOCK_SUFFIXES: readonly string[] = CLOCK_WORDS.flatMap((word) => [` '${word}' H.mm`, ` '${word}' HH:mm`]);

export const DATETIME_PATTERN_CANDIDATES: readonly string[] = [PLAIN_TIME_SUFFIXES, CLOCK_SUFFIXES].flatMap((suffixes) =>
  DATE_PATTERN_CANDIDATES.filter((pattern) => pattern !== "yyyyMMdd").flatMap((pattern) => suffixes.map((suffix) => pattern + suffix)),
);

function nonBlank(values: readonly string[]): string[] {
  return values.filter((value) => !isBlank(value)).map((value) => value.trim());
}

/** The patterns, in candidate order, that read every non-blank value as a real date; none when there is nothing to judge. */
export function datePatternsMatchingAll(values: readonly string[], candidates: readonly string[] = DATE_PATTERN_CANDIDATES): string[] {
  const samples = nonBlank(values);
  if (samples.length === 0) return [];
  return candidates.filter((pattern) => {
    const compiled = compileDatePattern(pattern);
    return compiled.ok && samples.every((sample) => matchDatePattern(sample, compiled.pattern).ok);
  });
}

/** Like datePatternsMatchingAll, for date-and-time patterns. ISO 8601 values fit the `ISO 8601` pseudo-pattern. */
export function datetimePatternsMatchingAll(values: readonly string[], candidates: readonly string[] = DATETIME_PATTERN_CANDIDATES): string[] {
  const samples = nonBlank(values);
  if (samples.length === 0) return [];
  const matching = datePatternsMatchingAll(samples, candidates);
  if (samples.every((sample) => matchIsoDateTime(sample).ok)) matching.push("ISO 8601");
  return matching;
}

/** The decimal separators under which every non-blank value is a number (an amount, with `money`). */
export function decimalSeparatorsMatchingAll(values: readonly string[], kind: "integer" | "decimal" | "money" = "decimal"): DecimalSeparator[] {
  const samples = nonBlank(values);
  if (samples.length === 0) return [];
  const separators: DecimalSeparator[] = [".", ","];
  return separators.filter((decimal) =>
    samples.every((sample) => {
      if (kind === "integer") return parseLocaleInteger(sample, decimal).ok;
      if (kind === "money") return parseMoney(sample, decimal).ok;
      return parseLocaleNumber(sample, decimal).ok;
    }),
  );
}

/**
 * When both separators read every value, a value decides if it shows a separator that cannot be
 * a thousands separator (`12,5`, `1.234,50`); with no such value the point wins.
 */
function preferredSeparator(samples: readonly string[], fitting: readonly DecimalSeparator[]): DecimalSeparator {
  if (fitting.length === 1) return fitting[0] ?? ".";
  for (const sample of samples) {
    const lastComma = sample.lastIndexOf(",");
    const lastPoint = sample.lastIndexOf(".");
    if (lastComma > lastPoint && lastPoint >= 0) return ",";
    if (lastPoint > lastComma && lastComma >= 0) return ".";
    const digitsAfter = (index: number): number => /^\d*/.exec(sample.slice(index + 1))?.[0].length ?? 0;
    if (lastComma >= 0 && digitsAfter(lastComma) !== 3) return ",";
    if (lastPoint >= 0 && digitsAfter(lastPoint) !== 3) return ".";
  }
  return ".";
}

export interface ColumnGuess {
  readonly type: ColumnType;
  /** Only what the guess needs (a date pattern, a decimal separator, a currency). */
  readonly format: Partial<ValueFormat>;
  /** Other formats that fit every sample as well (ambiguous dates, separators). */
  readonly alternatives: readonly string[];
  readonly nonBlank: number;
  readonly blank: number;
  readonly distinct: number;
}

const CURRENCY_CODE_MARK = /(?:^|\s)[A-Z]{3}(?:\s|$)|^[A-Z]{3}(?=[\d\s-])/;
const FILE_PATH = /^[^<>:"|?*\r\n]+\.[A-Za-z0-9]{2,5}$/;

function guess(type: ColumnType, format: Partial<ValueFormat>, alternatives: readonly string[], samples: readonly string[], total: number): ColumnGuess {
  return { type, format, alternatives, nonBlank: samples.length, blank: total - samples.length, distinct: new Set(samples).size };
}

/** A proposed type and format for a column, from its values (a sample of a few hundred rows is plenty). */
export function inferColumn(values: readonly string[]): ColumnGuess {
  const samples = nonBlank(values);
  const total = values.length;
  if (samples.length === 0) return guess("text", {}, [], samples, total);
  const words = new Set([...DEFAULT_TRUE_WORDS, ...DEFAULT_FALSE_WORDS]);
  if (samples.every((sample) => words.has(sample.toLowerCase())) && samples.some((sample) => !/^\d$/.test(sample))) {
    return guess("boolean", {}, [], samples, total);
  }
  const datetimePatterns = datetimePatternsMatchingAll(samples);
  if (datetimePatterns.length > 0) {
    const [first, ...rest] = datetimePatterns;
    return guess("datetime", first === "ISO 8601" ? {} : { datetime: first ?? "" }, rest, samples, total);
  }
  const datePatterns = datePatternsMatchingAll(samples);
  if (datePatterns.length > 0 && !samples.every((sample) => /^\d{1,7}$/.test(sample))) {
    const [first, ...rest] = datePatterns;
    return guess("date", { date: first ?? "" }, rest, samples, total);
  }
  const integerSeparators = decimalSeparatorsMatchingAll(samples, "integer");
  // "12,00" is an amount written without decimals, and "0612345678" a phone number or a code: neither is an integer column.
  const looksIntegral = samples.every((sample) => !/[.,]\d{1,2}$/.test(sample) && !/^[-+]?0\d/.test(sample));
  if (integerSeparators.length > 0 && looksIntegral) {
    const decimal = preferredSeparator(samples, integerSeparators);
    return guess(
      "integer",
      { decimal },
      integerSeparators.filter((separator) => separator !== decimal).map((separator) => `decimal '${separator}'`),
      samples,
      total,
    );
  }
  if (samples.some((sample) => hasCurrencySign(sample) || CURRENCY_CODE_MARK.test(sample))) {
    const separators = decimalSeparatorsMatchingAll(samples, "money");
    if (separators.length > 0) {
      const decimal = preferredSeparator(samples, separators);
      const currencies = new Set(
        samples.map((sample) => parseMoney(sample, decimal)).flatMap((result) => (result.ok && result.currency !== null ? [result.currency] : [])),
      );
      const format: Partial<ValueFormat> = currencies.size === 1 ? { decimal, currency: [...currencies][0] ?? "" } : { decimal };
      return guess(
        "money",
        format,
        separators.filter((separator) => separator !== decimal).map((separator) => `decimal '${separator}'`),
        samples,
        total,
      );
    }
  }
  const decimalSeparators = decimalSeparatorsMatchingAll(samples, "decimal");
  if (decimalSeparators.length > 0) {
    const decimal = preferredSeparator(samples, decimalSeparators);
    return guess(
      "decimal",
      { decimal },
      decimalSeparators.filter((separator) => separator !== decimal).map((separator) => `decimal '${separator}'`),
      samples,
      total,
    );
  }
  if (samples.every((sample) => parseEmail(sample).ok)) return guess("email", {}, [], samples, total);
  if (samples.every((sample) => /^(https?:\/\/|www\.)/i.test(sample) && parseUrl(sample).ok)) return guess("url", {}, [], samples, total);
  if (samples.every((sample) => parsePhone(sample).ok && sample.replace(/\D/g, "").length >= 6)) return guess("phone", {}, [], samples, total);
  if (samples.every((sample) => FILE_PATH.test(sample)) && samples.some((sample) => /[\\/]/.test(sample))) return guess("file", {}, [], samples, total);
  return guess("text", {}, [], samples, total);
}

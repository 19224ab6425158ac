/**
 * Numbers and money as exports write them: `1.234,50` (Dutch), `1,234.50` (UK), `1 234,50`,
 * `(12.00)` and `12.00-` for negatives, `£1,234.50`, `€ 1.234,50`, `EUR -5,00`. Pure.
 */

import { CURRENCY_SIGN, CURRENCY_SYMBOL_CHARACTER, currencyName, describeCurrency, sameCurrency } from "./currencies.js";

export type DecimalSeparator = "." | ",";

export type NumberResult = { ok: true; value: number } | { ok: false; reason: string };

// Spaces (plain, no-break, narrow no-break, thin) and apostrophes (Swiss 1'234.50) group thousands
// whatever the decimal separator is.
const SPACE_LIKE = " \u00A0\u202F\u2009";
const APOSTROPHES = "'\u2019";

function thousandsSeparators(decimal: DecimalSeparator): string {
  return (decimal === "," ? "." : ",") + SPACE_LIKE + APOSTROPHES;
}

interface SignedText {
  readonly negative: boolean;
  readonly body: string;
}

/** Takes the sign off: leading + - or the minus sign U+2212, a trailing minus, or parentheses. */
function splitSign(text: string): SignedText | string {
  let body = text;
  let negative = false;
  let signs = 0;
  if (body.startsWith("(") && body.endsWith(")")) {
    body = body.slice(1, -1).trim();
    negative = true;
    signs++;
  }
  const first = body.length === 0 ? "" : body.charAt(0);
  if (first === "-" || first === "\u2212" || first === "+") {
    body = body.slice(1).trimStart();
    if (first !== "+") negative = true;
    signs++;
  }
  if (body.endsWith("-")) {
    body = body.slice(0, -1).trimEnd();
    negative = true;
    signs++;
  }
  if (signs > 1) return "it has more than one sign";
  return { negative, body };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Parses the unsigned part. Thousands separators must group exactly three digits, which catches a
 * file read with the wrong decimal separator (`12,5` read with decimal point) instead of
 * silently turning 12.5 into 125.
 */
function parseUnsigned(body: string, decimal: DecimalSeparator): number | null {
  const separators = thousandsSeparators(decimal);
  let integerDigits = "";
  let groupSeparator: string | null = null;
  let digitsInGroup = 0;
  let sawGroup = false;
  let index = 0;
  for (; index < body.length; index++) {
    const character = body.charAt(index);
    const code = body.charCodeAt(index);
    if (isDigit(code)) {
      integerDigits += character;
      digitsInGroup++;
      continue;
    }
    if (character === decimal) break;
    if (separators.includes(character)) {
      if (integerDigits.length === 0) return null;
      if (groupSeparator === null) {
        if (digitsInGroup > 3) return null;
        groupSeparator = character;
      } else if (character !== groupSeparator || digitsInGroup !== 3) {
        return null;
      }
      sawGroup = true;
      digitsInGroup = 0;
      continue;
    }
    if ((character === "e" || character === "E") && !sawGroup && integerDigits.length > 0) break;
    return null;
  }
  if (sawGroup && digitsInGroup !== 3) return null;
  let fractionDigits = "";
  if (index < body.length && body.charAt(index) === decimal) {
    index++;
    while (index < body.length && isDigit(body.charCodeAt(index))) fractionDigits += body.charAt(index++);
    if (fractionDigits.length === 0 && integerDigits.length === 0) return null;
  }
  if (integerDigits.length === 0 && fractionDigits.length === 0) return null;
  let exponent = "";
  if (index < body.length && (body.charAt(index) === "e" || body.charAt(index) === "E") && !sawGroup) {
    exponent = body.slice(index + 1);
    if (!/^[+-]?\d{1,3}$/.test(exponent)) return null;
    index = body.length;
  }
  if (index !== body.length) return null;
  const canonical = `${integerDigits || "0"}.${fractionDigits || "0"}${exponent === "" ? "" : `e${exponent}`}`;
  const value = Number(canonical);
  return Number.isFinite(value) ? value : null;
}

function otherSeparatorHint(body: string, decimal: DecimalSeparator): string {
  const other: DecimalSeparator = decimal === "," ? "." : ",";
  if (parseUnsigned(body, other) !== null) {
    return other === ","
      ? "; it looks like it uses a decimal comma, but this column's decimal separator is '.'"
      : "; it looks like it uses a decimal point, but this column's decimal separator is ','";
  }
  return "";
}

export function describeDecimal(decimal: DecimalSeparator): string {
  return decimal === "," ? "decimal comma" : "decimal point";
}

const WHOLE_MARK: Readonly<Record<DecimalSeparator, RegExp>> = { ",": /(?<=\d),[-\u2013\u2014]{1,2}$/, ".": /(?<=\d)\.[-\u2013\u2014]{1,2}$/ };

/** A number written with the given decimal separator; the other of `.` `,`, spaces and apostrophes group thousands. */
export function parseLocaleNumber(text: string, decimal: DecimalSeparator): NumberResult {
  const trimmed = text.trim();
  // `12,-` (or `12,--`) is a whole amount, as Dutch, German and Scandinavian prices write it, not minus 12.
  const signed = splitSign(WHOLE_MARK[decimal].test(trimmed) ? trimmed.replace(WHOLE_MARK[decimal], "") : trimmed);
  if (typeof signed === "string") return { ok: false, reason: `'${trimmed}' is not a number: ${signed}` };
  const value = parseUnsigned(signed.body, decimal);
  if (value === null) {
    return {
      ok: false,
      reason: `'${trimmed}' is not a number with a ${describeDecimal(decimal)}${otherSeparatorHint(signed.body, decimal)}`,
    };
  }
  return { ok: true, value: signed.negative && value !== 0 ? -value : value };
}

export function parseLocaleInteger(text: string, decimal: DecimalSeparator): NumberResult {
  const parsed = parseLocaleNumber(text, decimal);
  if (!parsed.ok) return parsed;
  if (!Number.isInteger(parsed.value)) return { ok: false, reason: `'${text.trim()}' is not a whole number` };
  if (!Number.isSafeInteger(parsed.value)) return { ok: false, reason: `'${text.trim()}' is too large for an integer` };
  return parsed;
}

/** A percent sign after the number ("60%", "60 %"), or before it as Turkish writes it ("%60"). */
const PERCENT_SIGN = /\s*%$|^%\s*/u;

/** The number before a trailing percent sign (`60%`, `60 %`, `12,5 %`), or null when there is none. */
export function withoutPercentSign(text: string): string | null {
  const trimmed = text.trim();
  return PERCENT_SIGN.test(trimmed) ? trimmed.replace(PERCENT_SIGN, "") : null;
}

const LEADING_CURRENCY = new RegExp(`^([-+\u2212(]?)\\s*(${CURRENCY_SIGN})\\s*`, "iu");
const TRAILING_CURRENCY = new RegExp(`\\s*(?<!\\p{L})(${CURRENCY_SIGN})\\s*([-)]?)$`, "iu");

export type MoneyResult = { ok: true; value: number; currency: string | null } | { ok: false; reason: string };

/**
 * An amount with an optional currency symbol or code before or after it. When `expected` is given
 * (a symbol or a code), an amount in another currency is an error rather than a silent mix.
 */
export function parseMoney(text: string, decimal: DecimalSeparator, expected?: string): MoneyResult {
  const trimmed = text.trim();
  let body = trimmed;
  let found: string | null = null;
  const leading = LEADING_CURRENCY.exec(body);
  if (leading !== null) {
    found = leading[2] ?? null;
    body = (leading[1] ?? "") + body.slice(leading[0].length);
  } else {
    const trailing = TRAILING_CURRENCY.exec(body);
    if (trailing !== null) {
      found = trailing[1] ?? null;
      body = body.slice(0, trailing.index) + (trailing[2] ?? "");
    }
  }
  if (CURRENCY_SYMBOL_CHARACTER.test(body)) return { ok: false, reason: `'${trimmed}' is not an amount: it has more than one currency symbol` };
  const parsed = parseLocaleNumber(body, decimal);
  if (!parsed.ok) {
    const numberPart = body.trim();
    const hint = otherSeparatorHint(numberPart.replace(/^[-+\u2212(]|[-)]$/g, ""), decimal);
    return { ok: false, reason: `'${trimmed}' is not an amount with a ${describeDecimal(decimal)}${hint}` };
  }
  const foundName = found === null ? null : currencyName(found);
  if (found !== null && foundName !== null && expected !== undefined && expected !== "" && !sameCurrency(found, expected)) {
    return { ok: false, reason: `'${trimmed}' is in ${describeCurrency(found)}, but this column's amounts are in ${describeCurrency(expected)}` };
  }
  return { ok: true, value: parsed.value, currency: foundName };
}

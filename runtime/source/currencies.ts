/**
 * The currency signs exports write before or after amounts, and the ISO 4217 codes they stand for:
 * the one vocabulary the money reader (numbers.ts) and the guesses for new exports (infer.ts) read.
 * A sign may stand for several currencies (`kr` is the Swedish, Norwegian, Danish and Icelandic
 * krona): an amount in it agrees with a declared currency that is any of them.
 */

/** Signs and words, as written (compared without case), and the currencies each may stand for. */
export const CURRENCY_SIGNS: Readonly<Record<string, readonly string[]>> = {
  "£": ["GBP"],
  "€": ["EUR"],
  $: ["USD"],
  "US$": ["USD"],
  "R$": ["BRL"],
  "A$": ["AUD"],
  "C$": ["CAD"],
  "NZ$": ["NZD"],
  "HK$": ["HKD"],
  "S$": ["SGD"],
  "¥": ["JPY"],
  "₹": ["INR"],
  "₺": ["TRY"],
  "₩": ["KRW"],
  "₪": ["ILS"],
  "₽": ["RUB"],
  "₴": ["UAH"],
  "฿": ["THB"],
  "zł": ["PLN"],
  "kr": ["SEK", "NOK", "DKK", "ISK"],
  "kr.": ["DKK", "ISK"],
  "Kč": ["CZK"],
  "Ft": ["HUF"],
  "lei": ["RON"],
  "Fr.": ["CHF"],
};

const SIGNS_BY_LOWER = new Map(Object.entries(CURRENCY_SIGNS).map(([sign, codes]) => [sign.toLowerCase(), codes]));

/** The currencies a sign, word or ISO code stands for (`£` → GBP, `kr` → SEK, NOK, DKK, ISK, `eur` → EUR). */
export function currencyCodes(signOrCode: string): readonly string[] {
  const trimmed = signOrCode.trim();
  return SIGNS_BY_LOWER.get(trimmed.toLowerCase()) ?? [trimmed.toUpperCase()];
}

/** How an amount's currency is named in messages and guesses: the code when the sign names one currency, else the sign. */
export function currencyName(signOrCode: string): string {
  const codes = currencyCodes(signOrCode);
  return codes.length === 1 ? (codes[0] ?? signOrCode) : signOrCode.trim();
}

/** A sign or code for a message: `EUR`, or `kr (SEK, NOK, DKK or ISK)` for a sign of several currencies. */
export function describeCurrency(signOrCode: string): string {
  const codes = currencyCodes(signOrCode);
  if (codes.length === 1) return codes[0] ?? signOrCode;
  return `${signOrCode.trim()} (${codes.slice(0, -1).join(", ")} or ${codes[codes.length - 1] ?? ""})`;
}

/** Whether an amount written with `found` is in the currency `expected` declares (both signs or codes). */
export function sameCurrency(found: string, expected: string): boolean {
  const expectedCodes = currencyCodes(expected);
  return currencyCodes(found).some((code) => expectedCodes.includes(code));
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Longest first, so that `R$` is taken whole rather than as `$` after an R.
const SIGN_ALTERNATIVES = Object.keys(CURRENCY_SIGNS)
  .sort((left, right) => right.length - left.length)
  .map(escapeForPattern)
  .join("|");

/** A sign written before or after an amount: one of the signs above, or a three-letter code that is not part of a word. */
export const CURRENCY_SIGN = `(?:${SIGN_ALTERNATIVES})(?![\\p{L}])|\\p{L}{3}(?![\\p{L}])`;

/** A character that is a currency sign only: two of them in one amount are an error. */
export const CURRENCY_SYMBOL_CHARACTER = /[£€$¥₹₺₩₪₽₴฿]/u;

const NON_LETTER_SIGNS = Object.keys(CURRENCY_SIGNS).filter((sign) => !/^\p{L}+\.?$/u.test(sign));
const WORD_SIGNS = Object.keys(CURRENCY_SIGNS).filter((sign) => /^\p{L}+\.?$/u.test(sign));
const WORD_SIGN = new RegExp(`(?<!\\p{L})(?:${WORD_SIGNS.map(escapeForPattern).join("|")})(?!\\p{L})`, "iu");

/**
 * Whether a value carries a currency sign (`€`, `R$`) or word (`kr`, `zł`) of this vocabulary: the
 * evidence that a column holds amounts. Three-letter codes are left to the caller, which knows
 * which codes it trusts (`HRB 26762` is no amount).
 */
export function hasCurrencySign(value: string): boolean {
  return NON_LETTER_SIGNS.some((sign) => value.includes(sign)) || (WORD_SIGN.test(value) && /\d/.test(value));
}

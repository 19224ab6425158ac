/**
 * Bank account numbers (IBAN) and VAT numbers: written the way Odoo keeps them, or refused with
 * the reason. An export types them with spaces, dots and dashes, with or without the country, and
 * mistyped now and then; Odoo's VAT check (base_vat) refuses a number whose check digit is wrong,
 * and a payment to a mistyped IBAN goes nowhere. Pure.
 */

/** Result of reading an identifier: the value Odoo should get, or why there is none. */
export type IdentifierReading = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const SEPARATORS = /[\s.\-/]/g;

function compact(text: string): string {
  return text.replace(SEPARATORS, "").toUpperCase();
}

/** IBAN lengths by country (the SWIFT IBAN registry): the country's letters, then the length. */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  (
    "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 " +
    "ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IS26 IT27 JO30 KW30 KZ20 " +
    "LB28 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 " +
    "RO24 RS22 SA24 SE24 SI19 SK24 SM27 TN24 TR26 UA29 VG24 XK20"
  )
    .split(" ")
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/** The remainder of a number written in digits and letters (A = 10 ... Z = 35) divided by 97. */
function mod97(text: string): number {
  let remainder = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : character;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** An IBAN's length in a country, undefined where the country has none. */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS.get(country);
}

/** Whether a compact upper-case IBAN's check digits are right (ISO 13616: mod 97 of it, country and check digits moved to the end, is 1). */
export function ibanCheckDigitsRight(iban: string): boolean {
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** A Czech or Slovak domestic account as written: an optional prefix and a dash, the number, a slash, the bank code. */
const DOMESTIC_ACCOUNT = /^(?:(\d{1,6})\s*-\s*)?(\d{2,10})\s*\/\s*(\d{4})$/;

/** The weights of a domestic account's prefix and number (padded to 6 and 10 digits): each weighted sum is a multiple of 11. */
const PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1];
const NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

/**
 * A Czech or Slovak account written the domestic way (`19-2000145399/0800`), checked by the
 * weights of its prefix and number, as its IBAN (`CZ6508000000192000145399`: the bank code, the
 * prefix and the number padded, and the check digits); undefined when the text is not so written.
 */
function readDomesticAccount(text: string, country: string): IdentifierReading | undefined {
  const match = DOMESTIC_ACCOUNT.exec(text.trim());
  if (match === null) return undefined;
  const prefix = (match[1] ?? "").padStart(6, "0");
  const number = (match[2] ?? "").padStart(10, "0");
  const named = `'${text}' is not a${country === "CZ" ? " Czech" : " Slovak"} account number`;
  if (weightedSum(digitsOf(prefix), PREFIX_WEIGHTS) % 11 !== 0) return { ok: false, reason: `${named}: its prefix's check does not match (a mistyped digit)` };
  if (weightedSum(digitsOf(number), NUMBER_WEIGHTS) % 11 !== 0) return { ok: false, reason: `${named}: its number's check does not match (a mistyped digit)` };
  const account = `${match[3] ?? ""}${prefix}${number}`;
  const check = 98 - mod97(`${account}${country}00`);
  return { ok: true, value: `${country}${String(check).padStart(2, "0")}${account}` };
}

/**
 * An IBAN, compact and upper-case. A number of digits only, as long as the country's IBAN without
 * its two letters, is taken as the IBAN without them (Poland's NRB is exactly that), when the
 * country is given; with CZ or SK, an account written the domestic way is made the IBAN.
 */
export function readIban(text: string, country: string | undefined): IdentifierReading {
  const domestic = country === "CZ" || country === "SK" ? readDomesticAccount(text, country) : undefined;
  if (domestic !== undefined) return domestic;
  let iban = compact(text);
  if (country !== undefined && /^\d+$/.test(iban) && iban.length + 2 === ibanLength(country)) iban = country + iban;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return { ok: false, reason: `'${text}' is not an IBAN (two letters of the country, two check digits, then the account)` };
  }
  const length = ibanLength(iban.slice(0, 2));
  if (length === undefined) return { ok: false, reason: `'${text}' is not an IBAN: no country uses IBANs starting ${iban.slice(0, 2)}` };
  if (iban.length !== length) return { ok: false, reason: `'${text}' is not an IBAN: ${iban.slice(0, 2)} IBANs have ${length} characters, not ${iban.length}` };
  if (!ibanCheckDigitsRight(iban)) return { ok: false, reason: `'${text}' is not an IBAN: its check digits do not match (a mistyped digit)` };
  return { ok: true, value: iban };
}

/** The VAT number after the country prefix, by country (the EU's VIES formats, the UK, Switzerland, Norway). */
const VAT_FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  GB: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  CH: /^E\d{9}(MWST|TVA|IVA)?$/,
  NO: /^\d{9}(MVA)?$/,
};

function digitsOf(text: string): number[] {
  return Array.from(text, (character) => Number(character));
}

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0);
}

/** Whether a number's digits pass the Luhn check (Italy's partita IVA, Sweden's organisation number). */
function luhn(digits: readonly number[]): boolean {
  let sum = 0;
  digits.forEach((digit, index) => {
    // Every second digit from the check digit leftwards is doubled, whatever the number's length.
    const doubled = (digits.length - 1 - index) % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return sum % 10 === 0;
}

/** Germany's ISO 7064 MOD 11,10. */
function iso7064Mod1110(digits: readonly number[]): boolean {
  let product = 10;
  for (const digit of digits.slice(0, -1)) {
    const sum = (digit + product) % 10;
    product = ((sum === 0 ? 10 : sum) * 2) % 11;
  }
  const check = 11 - product === 10 ? 0 : 11 - product;
  return check === digits[digits.length - 1];
}

/** The check digits of the countries whose VAT numbers are mistyped most in the exports seen; others are checked for their form only. */
const VAT_CHECKS: Readonly<Record<string, (body: string) => boolean>> = {
  PL: (body) => {
    const digits = digitsOf(body);
    return weightedSum(digits, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === digits[9];
  },
  DE: (body) => iso7064Mod1110(digitsOf(body)),
  IT: (body) => luhn(digitsOf(body)),
  BE: (body) => 97 - (Number(body.slice(0, 8)) % 97) === Number(body.slice(8)),
  PT: (body) => {
    const digits = digitsOf(body);
    const check = 11 - (weightedSum(digits, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
    return (check > 9 ? 0 : check) === digits[8];
  },
  DK: (body) => weightedSum(digitsOf(body), [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
  // The numbers of 2020 on (sole traders) follow the IBAN rule; the older ones the "11-test".
  NL: (body) =>
    mod97(`NL${body}`) === 1 || (weightedSum(digitsOf(body.slice(0, 9)), [9, 8, 7, 6, 5, 4, 3, 2, -1]) % 11 === 0 && body.slice(0, 9) !== "000000000"),
  FR: (body) => !/^\d{2}/.test(body) || (12 + 3 * (Number(body.slice(2)) % 97)) % 97 === Number(body.slice(0, 2)),
  // Greece's ΑΦΜ: the first eight digits weighted by powers of two, modulo 11, then 10.
  EL: (body) => {
    const digits = digitsOf(body);
    return (weightedSum(digits, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === digits[8];
  },
  FI: (body) => weightedSum(digitsOf(body), [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0,
  // The organisation number (ten digits, Luhn), then 01.
  SE: (body) => luhn(digitsOf(body.slice(0, 10))),
  LU: (body) => Number(body.slice(0, 6)) % 89 === Number(body.slice(6)),
  HR: (body) => iso7064Mod1110(digitsOf(body)),
  HU: (body) => weightedSum(digitsOf(body), [9, 7, 3, 1, 9, 7, 3, 1]) % 10 === 0,
  // A legal person's DIČ is CZ and its IČO: the first seven digits weighted 8 to 2, the check digit
  // (11 − the sum mod 11) mod 10. An individual's nine or ten digits (the birth number) are checked
  // for their form only.
  CZ: (body) => body.length !== 8 || (11 - (weightedSum(digitsOf(body), [8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === Number(body[7]),
  // Romania's CUI (CIF): the digits before the check digit, right-aligned on 7 5 3 2 1 7 5 3 2,
  // the sum times ten modulo 11, then 10 (a remainder of 10 is a check digit 0).
  RO: (body) => ((weightedSum(digitsOf(body.slice(0, -1).padStart(9, "0")), [7, 5, 3, 2, 1, 7, 5, 3, 2]) * 10) % 11) % 10 === Number(body.at(-1)),
};

/**
 * A country's own tax number, which its exports hold more often than the VAT number, and the VAT
 * number within it: Hungary's adószám 12345678-2-41 is the VAT number HU12345678, then the VAT
 * status (1 to 5) and the county.
 */
const DOMESTIC_TAX_NUMBERS: Readonly<Record<string, (body: string) => string>> = {
  HU: (body) => (/^\d{8}[1-5]\d{2}$/.test(body) ? body.slice(0, 8) : body),
};

/** Greece's VAT prefix is EL, although its country code is GR; Switzerland's is CHE. */
function vatPrefix(country: string): string {
  return country === "GR" ? "EL" : country === "CH" ? "CHE" : country;
}

/**
 * Whether a text has a VAT number's form (a known country prefix, then that country's digits),
 * whatever its check digit: what tells a column of VAT numbers from its values (`flitmap init`),
 * mistyped ones included.
 */
export function hasVatForm(text: string): boolean {
  const vat = compact(text).replace(/^GR/, "EL");
  return VAT_FORMATS[vat.slice(0, 2)]?.test(vat.slice(2)) === true;
}

/**
 * A VAT number as Odoo keeps it: the country prefix, then the number without separators
 * ("778-142-13-37" with the country PL becomes "PL7781421337"). The prefix in the value wins;
 * the country given is added when there is none.
 */
export function readVat(text: string, country: string | undefined): IdentifierReading {
  let vat = compact(text);
  if (/^\d/.test(vat) && country !== undefined) vat = vatPrefix(country) + vat;
  if (vat.startsWith("GR")) vat = `EL${vat.slice(2)}`;
  const prefix = vat.slice(0, 2);
  const format = VAT_FORMATS[prefix];
  if (!/^[A-Z]{2}/.test(vat)) return { ok: false, reason: `'${text}' has no country prefix and no country was given (vat("PL"))` };
  if (format === undefined) return { ok: false, reason: `'${text}' is not a VAT number: ${prefix} is not a country whose VAT numbers are known` };
  const body = DOMESTIC_TAX_NUMBERS[prefix]?.(vat.slice(2)) ?? vat.slice(2);
  vat = prefix + body;
  if (!format.test(body)) return { ok: false, reason: `'${text}' is not a ${prefix} VAT number: its form is wrong` };
  const check = VAT_CHECKS[prefix];
  if (check !== undefined && !check(body))
    return { ok: false, reason: `'${text}' is not a ${prefix} VAT number: its check digit does not match (a mistyped digit)` };
  return { ok: true, value: vat };
}

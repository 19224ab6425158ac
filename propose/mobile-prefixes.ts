/**
 * Which of a file's phone columns holds mobiles, by the country's mobile prefixes: where some
 * number says its country (`+358 40 822 3172`), the national numbers of that country's mobiles
 * begin with few known digits (Finland's 4x and 50, Sweden's 7x), whatever the headers say. A
 * business of one region has few area codes too, so counting the prefixes alone can take its
 * landlines for the mobiles. Pure.
 */
import type { ColumnProfile } from "./entities.js";
import { filledValues } from "./value-shapes.js";

/**
 * By calling code, how the national number of a mobile begins, for countries where its first
 * digits tell (not where mobiles and landlines share them, or a trunk prefix other than 0 hides them).
 */
const MOBILE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  "358": ["4", "50"],
  "46": ["7"],
  "47": ["4", "9"],
  "49": ["15", "16", "17"],
  "31": ["6"],
  "32": ["4"],
  "33": ["6", "7"],
  "44": ["7"],
  "39": ["3"],
  "34": ["6", "7"],
  "351": ["9"],
  "420": ["6", "7"],
  "30": ["69"],
  "90": ["5"],
};

/** A column that is the mobile holds nearly only mobiles, the others nearly none. */
const MOBILE_SHARE = 0.8;
const LANDLINE_SHARE = 0.2;
/** The one phone column of a file is the mobile when nearly every number is one. */
const ONLY_MOBILE_SHARE = 0.95;

/** The calling code a number written internationally (`+358 …`, `00358 …`) begins with, if the table knows it. */
function callingCode(value: string): string | undefined {
  const international = /^\s*(?:\+|00)(\d[\d\s()-]*)/.exec(value);
  if (international === null) return undefined;
  const digits = (international[1] ?? "").replace(/\D/g, "");
  return Object.keys(MOBILE_PREFIXES).find((code) => digits.startsWith(code));
}

/** The one calling code the numbers written internationally share, if any is written. */
function countryOf(phones: readonly ColumnProfile[]): string | undefined {
  const codes = new Set(phones.flatMap((column) => filledValues(column.values).map(callingCode)));
  codes.delete(undefined);
  const [code] = codes;
  return codes.size === 1 ? code : undefined;
}

/** A number's national digits: without its calling code, or its trunk zeros. */
function national(value: string, code: string): string {
  const digits = value.replace(/\D/g, "");
  if (callingCode(value) === code) return digits.replace(/^(?:00)?/, "").slice(code.length);
  return digits.replace(/^0+/, "");
}

/** The share of a column's numbers that are the country's mobiles. */
function mobileShare(column: ColumnProfile, code: string): number {
  const prefixes = MOBILE_PREFIXES[code] ?? [];
  const values = filledValues(column.values);
  const mobiles = values.filter((value) => prefixes.some((prefix) => national(value, code).startsWith(prefix)));
  return values.length === 0 ? 0 : mobiles.length / values.length;
}

/**
 * Of several columns of phone numbers, the one of mobiles, when a number says the country and its
 * prefixes tell them apart; a file's one column, when nearly all its numbers are mobiles.
 */
export function mobileByCountry(phones: readonly ColumnProfile[]): ColumnProfile | undefined {
  const code = countryOf(phones);
  if (code === undefined) return undefined;
  // A file's one column of numbers, nearly all of them mobiles (a CRM's contact persons' phones).
  const [only] = phones;
  if (phones.length === 1) return only !== undefined && mobileShare(only, code) >= ONLY_MOBILE_SHARE ? only : undefined;
  const shares = phones.map((column) => ({ column, share: mobileShare(column, code) }));
  const mobiles = shares.filter(({ share }) => share >= MOBILE_SHARE);
  const [mobile] = mobiles;
  return mobiles.length === 1 && shares.every(({ column, share }) => column === mobile?.column || share <= LANDLINE_SHARE) ? mobile?.column : undefined;
}

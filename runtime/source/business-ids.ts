/**
 * National business IDs (Finland's Y-tunnus, Sweden's organisationsnummer, ...): checked by their
 * check digit and written as the country prints them, for Odoo's company_registry. Most of them
 * are the digits of the company's VAT number, so their check is the VAT number's
 * (identifiers.ts); an export holds either form, and both are read. Pure.
 */
import { BUSINESS_ID_COUNTRIES, isBusinessIdCountry, type BusinessIdCountry } from "../../compiler/business-id-countries.js";
import { readVat, type IdentifierReading } from "./identifiers.js";

interface BusinessId {
  /** What the country calls it, for reasons. */
  readonly called: string;
  /** The ID's digits, as the country's register holds them. */
  readonly form: RegExp;
  /** The digits from what an export writes, compact and without the VAT prefix and suffix. */
  readonly digits?: (compact: string) => string;
  /** The VAT number the digits make, whose check digit is the ID's; undefined where `check` decides. */
  readonly vat?: (digits: string) => string;
  readonly check?: (digits: string) => boolean;
  readonly printed: (digits: string) => string;
}

function weighted(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * Number(digits[index] ?? "0"), 0);
}

/** Norway's organisasjonsnummer: weights 3 2 7 6 5 4 3 2, the check digit 11 less the remainder (11 is 0, 10 none). */
function norwegianCheck(digits: string): boolean {
  const check = 11 - (weighted(digits, [3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[8]);
}

const AS_WRITTEN = (digits: string): string => digits;

/** By country: the IDs whose check the runtime knows. */
const BUSINESS_IDS: Readonly<Record<BusinessIdCountry, BusinessId>> = {
  // Y-tunnus 1234567-8, mod 11 with weights 7 9 10 5 8 4 2; the oldest were written with six digits.
  FI: {
    called: "Y-tunnus",
    form: /^\d{8}$/,
    digits: (compact) => (compact.length === 7 ? `0${compact}` : compact),
    vat: (digits) => `FI${digits}`,
    printed: (digits) => `${digits.slice(0, 7)}-${digits.slice(7)}`,
  },
  SE: {
    called: "organisationsnummer",
    form: /^\d{10}$/,
    digits: (compact) => (compact.length === 12 && compact.endsWith("01") ? compact.slice(0, 10) : compact),
    vat: (digits) => `SE${digits}01`,
    printed: (digits) => `${digits.slice(0, 6)}-${digits.slice(6)}`,
  },
  NO: {
    called: "organisasjonsnummer",
    form: /^\d{9}$/,
    digits: (compact) => compact.replace(/MVA$/, ""),
    check: norwegianCheck,
    printed: AS_WRITTEN,
  },
  DK: { called: "CVR-nummer", form: /^\d{8}$/, vat: (digits) => `DK${digits}`, printed: AS_WRITTEN },
  BE: {
    called: "ondernemingsnummer",
    form: /^[01]\d{9}$/,
    digits: (compact) => (compact.length === 9 ? `0${compact}` : compact),
    vat: (digits) => `BE${digits}`,
    printed: (digits) => `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`,
  },
  PL: { called: "NIP", form: /^\d{10}$/, vat: (digits) => `PL${digits}`, printed: AS_WRITTEN },
  IT: { called: "partita IVA", form: /^\d{11}$/, vat: (digits) => `IT${digits}`, printed: AS_WRITTEN },
  PT: { called: "NIPC", form: /^\d{9}$/, vat: (digits) => `PT${digits}`, printed: AS_WRITTEN },
  // IČO: eight digits, the last a mod-11 check digit (identifiers.ts); the registers pad old
  // institutions' shorter numbers with leading zeros (64581 is 00064581), and so does the reader.
  CZ: {
    called: "IČO",
    form: /^\d{8}$/,
    digits: (compact) => (/^\d{1,7}$/.test(compact) ? compact.padStart(8, "0") : compact),
    vat: (digits) => `CZ${digits}`,
    printed: AS_WRITTEN,
  },
  // The CUI (CIF), two to ten digits, the last a check digit; a VAT payer's VAT number is RO and it.
  RO: { called: "CUI", form: /^\d{2,10}$/, vat: (digits) => `RO${digits}`, printed: AS_WRITTEN },
  // The adószám: the VAT number's eight digits, the VAT status (1 to 5), the county.
  HU: {
    called: "adószám",
    form: /^\d{8}[1-5]\d{2}$/,
    vat: (digits) => `HU${digits}`,
    printed: (digits) => `${digits.slice(0, 8)}-${digits.slice(8, 9)}-${digits.slice(9)}`,
  },
};

/**
 * A business ID of a country, checked and written as the country prints it: `10407402`,
 * `1040740-2` and the VAT number `FI10407402` are all `1040740-2`. The value is refused with the
 * reason when its form or check digit is wrong.
 */
export function readBusinessId(text: string, country: string): IdentifierReading {
  const id = isBusinessIdCountry(country) ? BUSINESS_IDS[country] : undefined;
  if (id === undefined) return { ok: false, reason: `there is no business ID of ${country} that the reader knows (${BUSINESS_ID_COUNTRIES.join(", ")})` };
  const compact = text.replace(/[\s.\-/]/g, "").toUpperCase();
  const body = compact.startsWith(country) ? compact.slice(country.length) : compact;
  const digits = id.digits === undefined ? body : id.digits(body);
  const named = `a business ID of ${country} (${id.called})`;
  if (!id.form.test(digits)) return { ok: false, reason: `'${text}' is not ${named}: its form is wrong` };
  const right = id.vat === undefined ? id.check?.(digits) === true : readVat(id.vat(digits), undefined).ok;
  if (!right) return { ok: false, reason: `'${text}' is not ${named}: its check digit does not match (a mistyped digit)` };
  return { ok: true, value: id.printed(digits) };
}

/**
 * The countries whose national business ID `business_id` checks: the one list the compiler offers
 * a specialist and the runtime keeps a reader for (runtime/source/business-ids.ts holds one entry
 * per country, and its type makes it hold exactly these).
 */
export const BUSINESS_ID_COUNTRIES = ["FI", "SE", "NO", "DK", "BE", "PL", "IT", "PT", "HU", "CZ", "RO"] as const;

export type BusinessIdCountry = (typeof BUSINESS_ID_COUNTRIES)[number];

export function isBusinessIdCountry(text: string): text is BusinessIdCountry {
  return BUSINESS_ID_COUNTRIES.some((country) => country === text);
}

/**
 * NACE, the European classification of economic activities: every national one (CAEN, WZ, NAF,
 * ATECO, CNAE, PKD, SBI, TEÁOR, ...) starts with its two-digit division (`4322`, `43.22`, `43.22Z`),
 * and Odoo's industries are its sections (`base.res_partner_industry_F` is Construction, divisions
 * 41 to 43). Pure.
 */

/** Each section's first division; a section runs to the next one's. */
const SECTIONS: readonly (readonly [string, number])[] = [
  ["A", 1],
  ["B", 5],
  ["C", 10],
  ["D", 35],
  ["E", 36],
  ["F", 41],
  ["G", 45],
  ["H", 49],
  ["I", 55],
  ["J", 58],
  ["K", 64],
  ["L", 68],
  ["M", 69],
  ["N", 77],
  ["O", 84],
  ["P", 85],
  ["Q", 86],
  ["R", 90],
  ["S", 94],
  ["T", 97],
  ["U", 99],
];

/** The two-digit divisions of a section (`F`: 41, 42, 43). */
export function naceDivisions(section: string): string[] {
  const index = SECTIONS.findIndex(([letter]) => letter === section);
  const first = SECTIONS[index]?.[1];
  if (first === undefined) return [];
  const end = SECTIONS[index + 1]?.[1] ?? 100;
  return Array.from({ length: end - first }, (_, offset) => String(first + offset).padStart(2, "0"));
}

/** A class code: a division and more digits, dotted or not, a national letter after it now and then. */
const ACTIVITY_CODE = /^\d{2}(?:\.?\d{1,2}){0,2}[A-Z]?$/;

/** Whether nine in ten of a column's filled values are activity codes of four digits or more (not bare divisions, which any number may be). */
export function holdsActivityCodes(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  const codes = filled.filter((value) => ACTIVITY_CODE.test(value) && value.replace(/\D/g, "").length >= 4);
  return filled.length >= 3 && codes.length >= filled.length * 0.9;
}

/**
 * The legal forms that end a company's name, in the countries CRM exports come from (`Acme Ltd`,
 * `Müller GmbH`, `Aqua-Tech Sp. z o.o.`, `Stavby s.r.o.`, `Molinos del Sur S.A.`): a person's name
 * ends in none of them. A column of names many of which end so names organisations, whatever its
 * header's language. Pure.
 */
import { LEADING_LEGAL_FORMS, LEGAL_FORMS } from "../compiler/legal-forms.js";

/** Trailing words of a name, folded as the forms are, up to five words. */
function trailingForms(name: string): string[] {
  const words = name
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[.,()"'’/]/g, ""))
    .filter((word) => word !== "");
  const endings: string[] = [];
  for (let count = 1; count <= Math.min(5, words.length - 1); count++) endings.push(words.slice(-count).join(""));
  const first = words[0] ?? "";
  if (words.length > 1 && LEADING_LEGAL_FORMS.has(first)) endings.push(first);
  return endings;
}

const KNOWN: ReadonlySet<string> = new Set(LEGAL_FORMS);

/** Whether a name ends in a company's legal form (or, in Cyrillic, begins with one). */
export function hasLegalForm(name: string): boolean {
  return trailingForms(name).some((ending) => KNOWN.has(ending) || LEADING_LEGAL_FORMS.has(ending));
}

/** A share of a column's names ending in a legal form that says it names organisations. */
const ORGANISATIONS = 0.15;

const organisationColumns = new WeakMap<readonly string[], boolean>();

/** Whether a column's values are organisations' names: a good share of them end in a legal form. */
export function namesOrganisations(values: readonly string[]): boolean {
  let known = organisationColumns.get(values);
  if (known === undefined) {
    const filled = values.map((value) => value.trim()).filter((value) => value !== "");
    const formed = filled.filter(hasLegalForm).length;
    known = filled.length >= 3 && formed >= 2 && formed >= filled.length * ORGANISATIONS;
    organisationColumns.set(values, known);
  }
  return known;
}

/**
 * The legal forms that end a company's name, in the countries CRM exports come from (`Acme Ltd`,
 * `Müller GmbH`, `Aqua-Tech Sp. z o.o.`, `Stavby s.r.o.`, `Molinos del Sur S.A.`): a person's name
 * ends in none of them. A column of names many of which end so names organisations, whatever its
 * header's language. Pure.
 */

/**
 * The forms, folded to lower case without dots or spaces (`Sp. z o.o.` → `spzoo`), each as the
 * last words of a name.
 */
const FORMS: readonly string[] = [
  // English, Irish
  "ltd",
  "limited",
  "plc",
  "llp",
  "lp",
  "inc",
  "llc",
  "corp",
  "co",
  // German, Austrian, Swiss
  "gmbh",
  "ag",
  "kg",
  "ohg",
  "gbr",
  "ev",
  "gmbhcokg",
  // Dutch, Belgian
  "bv",
  "nv",
  "vof",
  "cv",
  "bvba",
  "sprl",
  "srl",
  // French
  "sarl",
  "sas",
  "sasu",
  "sa",
  "eurl",
  "sci",
  "snc",
  // Spanish, Portuguese, Italian, Latin America
  "sl",
  "slu",
  "sau",
  "ltda",
  "eireli",
  "me",
  "spa",
  "sapa",
  "srls",
  "cia",
  "sc",
  "scarl",
  "sacv",
  "sdervl",
  "srldecv",
  // Nordic
  "ab",
  "as",
  "asa",
  "aps",
  "oy",
  "oyj",
  "hf",
  "ehf",
  // Danish: A/S, ApS (above), I/S, K/S, P/S, IVS, A.m.b.a. and the co-operatives' forms, and a
  // sole trader written out
  "a/s",
  "i/s",
  "k/s",
  "p/s",
  "ivs",
  "amba",
  "fmba",
  "smba",
  "enkeltmandsvirksomhed",
  // Polish
  "spzoo",
  "spj",
  "spk",
  "spp",
  "ska",
  "spzooska",
  "spzoospk",
  // Czech, Slovak
  "sro",
  "spolsro",
  "vos",
  "ks",
  // Hungarian, Croatian, Slovenian, Serbian, Romanian, Bulgarian
  "kft",
  "zrt",
  "nyrt",
  "bt",
  "kkt",
  // a Hungarian sole proprietor, written out (`Király Dóra egyéni vállalkozó`) or `e.v.` (above)
  "egyénivállalkozó",
  "egyenivallalkozo",
  "doo",
  "dd",
  "jdoo",
  "ood",
  "ead",
  "eood",
  // Greek (Α.Ε., Ε.Π.Ε., Ι.Κ.Ε., Ο.Ε., Ε.Ε., in Greek letters or Latin ones) and Cypriot (ΛΤΔ)
  "αε",
  "επε",
  "ικε",
  "οε",
  "εε",
  "λτδ",
  "ae",
  "epe",
  "ike",
];

/** The forms Russian and Ukrainian names begin with: `ООО Ромашка`. */
const LEADING: ReadonlySet<string> = new Set(["ооо", "оао", "зао", "пао", "ао", "тов", "ип"]);

/** Trailing words of a name, folded as the forms are, up to five words. */
function trailingForms(name: string): string[] {
  const words = name
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[.,()"'’]/g, ""))
    .filter((word) => word !== "");
  const endings: string[] = [];
  for (let count = 1; count <= Math.min(5, words.length - 1); count++) endings.push(words.slice(-count).join(""));
  const first = words[0] ?? "";
  if (words.length > 1 && LEADING.has(first)) endings.push(first);
  return endings;
}

const KNOWN: ReadonlySet<string> = new Set(FORMS);

/** Whether a name ends in a company's legal form (or, in Cyrillic, begins with one). */
export function hasLegalForm(name: string): boolean {
  return trailingForms(name).some((ending) => KNOWN.has(ending) || LEADING.has(ending));
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

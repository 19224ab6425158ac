/**
 * The legal forms of companies in the countries CRM exports come from (`Acme Ltd`, `Müller GmbH`,
 * `Aqua-Tech Sp. z o.o.`, `Alfa Instal S.R.L.`, `V.O.F. Verhoeven`): the one list init reads a
 * column of organisations by (propose/legal-forms.ts) and `unique match company` compares names
 * without (runtime/source/match-keys.ts).
 */

/**
 * The forms, folded to lower case without dots, slashes or spaces (`Sp. z o.o.` → `spzoo`, `A/S`
 * → `as`), each as the last words of a name.
 */
export const LEGAL_FORMS: readonly string[] = [
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
  // Danish: A/S, ApS, K/S (above), I/S, P/S, IVS, A.m.b.a. and the co-operatives' forms, and a
  // sole trader written out (the slash is dropped as the dots are)
  "is",
  "ps",
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
export const LEADING_LEGAL_FORMS: ReadonlySet<string> = new Set(["ооо", "оао", "зао", "пао", "ао", "тов", "ип"]);

/**
 * Forms written before the name as often as after it (`V.O.F. Verhoeven & Zn.`, `S.C. Alfa S.R.L.`,
 * `AB Volvo`), besides the Cyrillic ones: the short forms that also begin ordinary names (`Co`,
 * `Me`, `As`) are taken at the end only.
 */
const LEADING_TOO: ReadonlySet<string> = new Set(["vof", "cv", "bv", "nv", "sc", "ab", "oy", "sro", "kft"]);

const TRAILING: ReadonlySet<string> = new Set(LEGAL_FORMS);

/** The longest form the last words make, up to four words (`sp z oo`), as a count of words; 0 for none. */
function trailingForm(words: readonly string[]): number {
  for (let count = Math.min(4, words.length - 1); count >= 1; count--) if (TRAILING.has(words.slice(-count).join(""))) return count;
  return 0;
}

/**
 * A name's words without its legal form, at its end or (for the forms written there) its start:
 * `bakker bouw bv` and `vof verhoeven zn` lose `bv` and `vof`. The words are a name folded as
 * `match loose` folds it (lower case, no accents or punctuation, an abbreviation's letters
 * joined). A name that is only a form keeps it.
 */
export function withoutLegalForm(words: readonly string[]): readonly string[] {
  let rest = words;
  const first = rest[0] ?? "";
  if (rest.length > 1 && (LEADING_LEGAL_FORMS.has(first) || LEADING_TOO.has(first))) rest = rest.slice(1);
  const trailing = trailingForm(rest);
  return trailing > 0 ? rest.slice(0, rest.length - trailing) : rest;
}

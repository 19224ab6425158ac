/**
 * The honorific, academic and generational words written before a person's name ("dr. Nagy Éva",
 * "ifj. Kovács János", "Mrs Jane Doe", "Dipl.-Ing. Max Müller"), and the name without them: the
 * `without_prefixes` built-in (runtime/transform/builtin-names.ts) and init, which matches names
 * written with them against names kept without (propose/full-names.ts). Pure.
 */
import { foldCase } from "../../compiler/value-formats.js";

/**
 * The words taken off, compared without case and without their dots (`Dr.`, `dr`, `DR.` alike).
 * Not a word that is also a name: no single letter ("M. Dupont" may be Marie Dupont's initial),
 * no Don (a given name), Di (a surname's particle), Pan (a surname) or Me.
 */
export const NAME_PREFIXES: readonly string[] = [
  // Hungarian: doctor, professor, junior, senior, widow.
  ...["dr", "prof", "ifj", "id", "özv"],
  // English.
  ...["mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev"],
  // German and Austrian.
  ...["herr", "frau", "ing", "dipl-ing", "mag", "dipl-kfm"],
  // Dutch and Flemish.
  ...["dhr", "mevr", "mw", "ir", "drs"],
  // French, Spanish, Portuguese, Italian.
  ...["mme", "mlle", "sr", "sra", "srta", "dña", "doña", "sig", "sigra", "dott", "dottssa", "avv", "geom"],
  // Polish, Czech and Slovak.
  ...["inż", "mgr", "bc", "judr", "mudr", "phdr", "rndr", "doc", "mga", "mvdr", "mddr", "pharmdr", "paeddr", "thdr", "icdr"],
  // Greek: κος, κα (Mr, Mrs).
  ...["κος", "κα"],
];

const KNOWN = new Set(NAME_PREFIXES.map((word) => foldCase(word)));

/**
 * Words that are a title only after the one before them (`Ing. arch.`, Slovak `Mgr. art.`): alone,
 * "Arch" and "Art" are given names.
 */
const SECOND_WORDS: ReadonlyMap<string, string> = new Map([
  ["arch", "ing"],
  ["art", "mgr"],
]);

/** A word as the list holds it: without case, dots and a comma after it. */
export function bareWord(word: string): string {
  return foldCase(word).replace(/[.,]/g, "");
}

/** The name without its leading prefixes; a name that is only prefixes is given back as it is. */
export function withoutPrefixes(name: string, extra: ReadonlySet<string>): string {
  const words = name.trim().split(/\s+/);
  let first = 0;
  while (first < words.length - 1) {
    const bare = bareWord(words[first] ?? "");
    const after = SECOND_WORDS.get(bare);
    const title = after === undefined ? KNOWN.has(bare) : first > 0 && bareWord(words[first - 1] ?? "") === after;
    if (!title && !extra.has(bare)) break;
    first++;
  }
  return words.slice(first).join(" ");
}

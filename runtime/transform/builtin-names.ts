/**
 * `without_prefixes`: a person's name without the honorific, academic and generational words
 * written before it ("dr. Nagy Éva", "ifj. Kovács János", "Mrs Jane Doe", "Dipl.-Ing. Max
 * Müller"), so that it can be matched against names kept without them. Pure.
 */
import { foldCase } from "../../compiler/value-formats.js";
import {
  argumentProblem,
  argumentsOk,
  defineBuiltin,
  describeValue,
  tooManyArguments,
  wrongInput,
  type ArgumentsResult,
  type DefinedBuiltin,
} from "./builtin-support.js";
import { textResult } from "./builtin-text.js";
import type { RuntimeValue } from "./values.js";

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
  ...["inż", "mgr", "bc", "judr", "mudr", "phdr", "rndr"],
  // Greek: κος, κα (Mr, Mrs).
  ...["κος", "κα"],
];

const KNOWN = new Set(NAME_PREFIXES.map((word) => foldCase(word)));

/** A word as the list holds it: without case, dots and a comma after it. */
function bareWord(word: string): string {
  return foldCase(word).replace(/[.,]/g, "");
}

/** The name without its leading prefixes; a name that is only prefixes is given back as it is. */
export function withoutPrefixes(name: string, extra: ReadonlySet<string>): string {
  const words = name.trim().split(/\s+/);
  let first = 0;
  while (first < words.length - 1) {
    const bare = bareWord(words[first] ?? "");
    if (!KNOWN.has(bare) && !extra.has(bare)) break;
    first++;
  }
  return words.slice(first).join(" ");
}

/** `without_prefixes("néhai, gróf")`: more words to take off, comma-separated. */
function readExtraWords(args: readonly RuntimeValue[]): ArgumentsResult<ReadonlySet<string>> {
  const tooMany = tooManyArguments(args, 1);
  if (tooMany !== null) return argumentProblem(tooMany);
  const words = args[0];
  if (words === undefined || words === null) return argumentsOk(new Set());
  if (typeof words !== "string") return argumentProblem(`the words are text, comma-separated, not ${describeValue(words)}`);
  return argumentsOk(
    new Set(
      words
        .split(",")
        .map((word) => bareWord(word.trim()))
        .filter((word) => word !== ""),
    ),
  );
}

const withoutPrefixesBuiltin = defineBuiltin<ReadonlySet<string>>({
  name: "without_prefixes",
  readArguments: readExtraWords,
  apply: (input, extra) => (typeof input === "string" ? textResult(withoutPrefixes(input, extra)) : wrongInput("without_prefixes", "text", input)),
});

export const NAME_BUILTINS: readonly DefinedBuiltin[] = [withoutPrefixesBuiltin];

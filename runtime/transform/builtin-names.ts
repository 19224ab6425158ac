/**
 * Built-ins over people's names. Pure.
 * - `swap_name`: a name written family name first, as Finnish, Hungarian and many registers write
 *   it (`Virtanen Matti`), turned to the given names first that Odoo's contacts hold.
 * - `without_prefixes`: a name without the honorific, academic and generational words written
 *   before it ("dr. Nagy Éva", "ifj. Kovács János", "Mrs Jane Doe", "Dipl.-Ing. Max Müller"), so
 *   that it can be matched against names kept without them; `Ing. arch.` whole.
 * - `without_suffixes`: a name without the titles written after it ("Ing. Jan Novák, Ph.D.",
 *   "Jane Doe, MBA"), for the same matching.
 */
import { foldCase } from "../../compiler/value-formats.js";
import {
  argumentProblem,
  argumentsOk,
  defineBuiltin,
  describeValue,
  noArguments,
  tooManyArguments,
  wrongInput,
  type ArgumentsResult,
  type DefinedBuiltin,
} from "./builtin-support.js";
import { textResult } from "./builtin-text.js";
import { ok, type RuntimeValue } from "./values.js";
import { bareWord, withoutPrefixes } from "../source/name-prefixes.js";

export { NAME_PREFIXES, withoutPrefixes } from "../source/name-prefixes.js";

/**
 * Words that belong to the family name that follows them (compared without case): Swedish and
 * Finland-Swedish af/av, German von/zu, Dutch van/der/den/ter, French de/du/la/le, Italian,
 * Spanish and Portuguese de/del/della/di/da/dos/das/do. `af Forselles Johan` is Johan af Forselles.
 */
export const NAME_PARTICLES: readonly string[] = "af av von zu zum zur van der den ter ten de du la le del della di da dos das do".split(" ");
const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);

/**
 * Given names first. A comma says where the family name ends (`von Wright, Georg Henrik`); without
 * one, the family name is the first word with the particles before it, and every word after it is
 * a given name. A name of one word, or of particles alone, stays as it is.
 */
export function givenNamesFirst(name: string): string {
  const value = name.trim().replace(/\s+/gu, " ");
  const comma = value.indexOf(",");
  if (comma >= 0) return [value.slice(comma + 1).trim(), value.slice(0, comma).trim()].filter((part) => part !== "").join(" ");
  const words = value.split(" ");
  let familyEnd = 0;
  while (familyEnd < words.length - 1 && PARTICLES.has(foldCase(words[familyEnd] ?? ""))) familyEnd += 1;
  // Particles that would leave no given name are not taken as such: `Da Costa` is turned as any two words.
  if (familyEnd >= words.length - 1) familyEnd = 0;
  if (words.length < 2) return value;
  return [...words.slice(familyEnd + 1), ...words.slice(0, familyEnd + 1)].join(" ");
}

const swapName = defineBuiltin({
  name: "swap_name",
  readArguments: noArguments("swap_name"),
  apply: (input) => (typeof input === "string" ? ok(givenNamesFirst(input)) : wrongInput("swap_name", "text", input)),
});

/**
 * The titles written after a name, behind a comma or not ("Jan Novák, Ph.D.", "Eva Malá CSc.",
 * "Jane Doe, MBA"), compared as the prefixes are: Czech and Slovak (Ph.D., CSc., DrSc., DiS.,
 * Th.D., ArtD.), the degrees written after a name in English, German, Dutch and Hungarian (MBA,
 * LL.M., M.Sc., B.Sc., PhD, MPA, DBA), and Jr., Esq. Not a word that is also a name: no BA, MA or
 * MD ("Nguyen Van Ba"), which `words` adds where an export writes them.
 */
export const NAME_SUFFIXES: readonly string[] = [
  ...["phd", "csc", "drsc", "dis", "thd", "artd"],
  ...["mba", "emba", "llm", "llb", "msc", "bsc", "mpa", "dba", "mph"],
  ...["jr", "esq"],
];

const KNOWN_SUFFIXES = new Set(NAME_SUFFIXES);

/** The name without the titles after it, and the comma before them; a name that is only such words is kept. */
export function withoutSuffixes(name: string, extra: ReadonlySet<string>): string {
  const words = name.trim().split(/\s+/);
  let last = words.length - 1;
  while (last > 0) {
    const bare = bareWord(words[last] ?? "");
    if (!KNOWN_SUFFIXES.has(bare) && !extra.has(bare)) break;
    last--;
  }
  if (last === words.length - 1) return words.join(" ");
  return words
    .slice(0, last + 1)
    .join(" ")
    .replace(/\s*,$/, "");
}

/** `without_prefixes("néhai, gróf")`, `without_suffixes("MUDr.")`: more words to take off, comma-separated. */
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

const withoutSuffixesBuiltin = defineBuiltin<ReadonlySet<string>>({
  name: "without_suffixes",
  readArguments: readExtraWords,
  apply: (input, extra) => (typeof input === "string" ? textResult(withoutSuffixes(input, extra)) : wrongInput("without_suffixes", "text", input)),
});

export const NAME_BUILTINS: readonly DefinedBuiltin[] = [swapName, withoutPrefixesBuiltin, withoutSuffixesBuiltin];

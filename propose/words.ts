/**
 * Words of export headers and Odoo labels, brought to one vocabulary so that they can be compared:
 * `Telefoonnummer`, `Phone` and Odoo's `phone` all become the concept `phone`. Pure.
 *
 * The lexicon holds the words CRM exports use, in English, Dutch, German and French, each
 * translated to an English concept word (lexicon-en-nl.ts, lexicon-de-fr.ts). Words it does not
 * know are kept as written (singular), so an unknown language matches nothing and its columns are
 * proposed as TODOs rather than guessed.
 */
import { RESERVED_WORDS } from "../language/tokens.js";
import { LEXICON_DE_FR, STOPWORDS_DE_FR } from "./lexicon-de-fr.js";
import { LEXICON_EN_NL, STOPWORDS_EN_NL } from "./lexicon-en-nl.js";
import { LANGUAGES } from "./languages/index.js";

/**
 * Lower case, without accents, ß as ss, ł as l, ø as o, æ as ae, Turkish ı as i, Greek final ς as σ:
 * `Geïnteresseerd` → `geinteresseerd`, `Straße` → `strasse`, `KISA ADI`, `Kısa Adı` and `KİŞİ` →
 * `kisa adi`, `kisi`; `ΕΠΩΝΥΜΙΑ` and `Επωνυμία` → `επωνυμια`. Other scripts keep their letters.
 */
export function foldText(text: string): string {
  return (
    text
      .replace(/ß/g, "ss")
      // Letters no accent stripping reaches: Polish ł, Danish and Norwegian ø and æ, Turkish ı
      // (its capital İ loses its dot as an accent, and I lower-cases to i).
      .replace(/[łŁ]/g, "l")
      .replace(/ı/g, "i")
      .replace(/[øØ]/g, "o")
      .replace(/[æÆ]/g, "ae")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      // A Greek word in capitals lower-cases with its final sigma or not depending on what follows.
      .replace(/ς/g, "σ")
  );
}

/** Reserved words, and the column modifiers a column name cannot be (`required "Required" boolean` would not parse). */
const RESERVED: ReadonlySet<string> = new Set([...RESERVED_WORDS, "required", "personal", "modified"]);

/** Greek letters in Latin ones, as Greeks write Greek in Latin letters (ELOT 743, simplified). */
const GREEK_LATIN: Readonly<Record<string, string>> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

/**
 * A `.flitmap` name for a header: ASCII snake case, never a reserved word, never starting with a
 * digit (`Geïnteresseerd in` → `geinteresseerd_in`, `Kans (%)` → `kans`, `2nd phone` → `c_2nd_phone`);
 * Greek transliterated (`Επωνυμία` → `eponymia`), so a Greek export's names are not column_1, column_2.
 */
export function identifierOf(header: string, fallback: string): string {
  const snake = foldText(splitLowerCamel(header))
    .replace(/[α-ω]/g, (letter) => GREEK_LATIN[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  let name = snake === "" ? fallback : snake;
  if (/^\d/.test(name)) name = `c_${name}`;
  if (RESERVED.has(name)) name = `${name}_value`;
  return name;
}

/** `contact_companies` → `ContactCompanies`; `Relation` stays. */
export function pascalCase(words: readonly string[]): string {
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}

/**
 * Every language's words → English concept words, phrases first (see lexicon-en-nl.ts,
 * lexicon-de-fr.ts, languages/). A spelling two languages share keeps the core lexicon's meaning,
 * then the first listed language's, so a new language never changes how the others read.
 */
const LEXICON: Readonly<Record<string, string>> = Object.assign(
  {},
  ...[...LANGUAGES].reverse().map((language) => language.words),
  LEXICON_EN_NL,
  LEXICON_DE_FR,
);

/** The concepts the lexicon brings headers to (`company`, `owner`, `street`). */
const CONCEPTS: ReadonlySet<string> = new Set(Object.values(LEXICON).flatMap((concept) => concept.split(" ")));

/** Whether a concept word is one the lexicon knows, rather than a word it kept as it was. */
export function isConcept(word: string): boolean {
  return CONCEPTS.has(word);
}

/** Words that carry no meaning for matching. */
const STOPWORDS: ReadonlySet<string> = new Set([...STOPWORDS_EN_NL, ...STOPWORDS_DE_FR, ...LANGUAGES.flatMap((language) => language.stopwords)]);

const PHRASE_KEYS: readonly string[][] = Object.keys(LEXICON)
  .filter((key) => key.includes(" "))
  .map((key) => key.split(" "))
  .sort((left, right) => right.length - left.length);

/** English plural to singular for words the lexicon does not know (`companies` → `company`). */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** A Spanish or Portuguese plural in `-es` whose singular the lexicon knows (`acciones` → `accion`). */
function romancePlural(word: string): string | undefined {
  return word.length > 5 && word.endsWith("es") ? lexiconWord(word.slice(0, -2)) : undefined;
}

function lexiconWord(word: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(LEXICON, word) ? LEXICON[word] : undefined;
}

/**
 * A Dutch compound read as its parts (`relatienummer` → `relatie` + `nummer`, `afsluitdatum` →
 * `afsluit` + `datum`): the split into the fewest known words, allowing a linking `s` or `e`.
 */
function splitCompound(word: string): string[] | undefined {
  if (word.length < 7) return undefined;
  const best = new Map<number, string[] | null>();
  const known = (part: string): boolean => part.length >= 3 && (lexiconWord(part) !== undefined || ENGLISH_PARTS.has(part));
  const solve = (start: number): string[] | null => {
    if (start === word.length) return [];
    const cached = best.get(start);
    if (cached !== undefined) return cached;
    let result: string[] | null = null;
    for (let end = word.length; end > start; end--) {
      const part = word.slice(start, end);
      if (!known(part)) continue;
      for (const skip of [0, 1]) {
        // A linking letter between parts: bedrijf-s-naam, gesprek-s-nummer.
        if (skip === 1 && !/[se]/.test(word.charAt(end))) continue;
        if (skip === 1 && end + 1 > word.length) continue;
        const rest = solve(end + skip);
        if (rest !== null && (result === null || rest.length + 1 < result.length)) result = [part, ...rest];
      }
    }
    best.set(start, result);
    return result;
  };
  const parts = solve(0);
  return parts !== null && parts.length >= 2 ? parts : undefined;
}

/** English words that occur inside Dutch compounds (`productcode`, `leadnummer`). */
const ENGLISH_PARTS: ReadonlySet<string> = new Set([
  "product",
  "code",
  "lead",
  "document",
  "mail",
  "account",
  "manager",
  "website",
  "status",
  "type",
  "deadline",
]);

/** `dealScore` → `deal Score`; `KvK` and `VAT` stay whole. */
function splitLowerCamel(text: string): string {
  return text.replace(/\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g, (word) => word.replace(/([a-z0-9])([A-Z])/g, "$1 $2"));
}

/**
 * Raw words of a text: accents folded, camelCase and digits split. Letters of any script are
 * word letters (Greek `Α.Φ.Μ.` is the words α, φ, μ), not only a to z.
 */
export function rawWords(text: string): string[] {
  const spaced = splitLowerCamel(text)
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2");
  return foldText(spaced)
    .replace(/%/g, " percent ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The concept words of a header, label or value, in order, without stopwords:
 * `Verwachte afsluitdatum` → [expected, close, date]; `Owner Email` → [owner, email].
 */
export function conceptWords(text: string): string[] {
  const words = rawWords(text);
  // A header of one language's article alone is another's word: Turkish `İl` (province) is Italian `il`.
  const meaningful = words.some((word) => !STOPWORDS.has(word));
  const result: string[] = [];
  let index = 0;
  while (index < words.length) {
    const phrase = PHRASE_KEYS.find((parts) => parts.every((part, offset) => words[index + offset] === part));
    if (phrase !== undefined) {
      result.push(...(LEXICON[phrase.join(" ")] ?? "").split(" "));
      index += phrase.length;
      continue;
    }
    const word = words[index] ?? "";
    index += 1;
    if (meaningful && STOPWORDS.has(word)) continue;
    const translated = lexiconWord(word);
    if (translated !== undefined) {
      result.push(...translated.split(" "));
      continue;
    }
    const parts = splitCompound(word);
    if (parts !== undefined) {
      for (const part of parts) result.push(...(lexiconWord(part) ?? part).split(" "));
      continue;
    }
    // A plural the lexicon knows in the singular (`organisations`, `oportunidades`, `relaciones`).
    const one = singular(word);
    result.push(...(lexiconWord(one) ?? romancePlural(word) ?? one).split(" "));
  }
  return result.filter((word) => word.length > 0 && (!meaningful || !STOPWORDS.has(word)));
}

/** Words that say how a value is written rather than what it is: they count for less. */
const FORM_WORDS: Readonly<Record<string, number>> = { id: 0.3, number: 0.3, nr: 0.3, no: 0.3, code: 0.5, email: 0.5, date: 0.5, percent: 0.3, name: 0.7 };

/** Whether a word only says how a value is written (`id`, `number`, `name`), not what it is. */
export function isFormWord(word: string): boolean {
  return FORM_WORDS[word] !== undefined;
}

function weightOf(word: string): number {
  return FORM_WORDS[word] ?? 1;
}

/** Endings that do not change what a word names (`transport`/`transportation`, `finance`/`financial`). */
const NEUTRAL_ENDINGS: ReadonlySet<string> = new Set(["", "e", "s", "es", "al", "ial", "ation", "ion", "ing", "ed", "care", "ity", "ics", "ic"]);

/** Two words are the same concept when equal, or when they share a stem and differ by a neutral ending. */
export function sameWord(left: string, right: string): boolean {
  if (left === right) return true;
  let common = 0;
  while (common < left.length && common < right.length && left.charAt(common) === right.charAt(common)) common++;
  return common >= 5 && NEUTRAL_ENDINGS.has(left.slice(common)) && NEUTRAL_ENDINGS.has(right.slice(common));
}

/**
 * How alike two word lists are, from 0 to 1: a weighted Dice coefficient, where words that only
 * describe the form of a value (`id`, `number`, `date`) weigh less than words that say what it is.
 */
export function similarity(left: readonly string[], right: readonly string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  const leftUnique = [...new Set(left)];
  const rightUnique = [...new Set(right)];
  let shared = 0;
  const used = new Set<number>();
  for (const word of leftUnique) {
    const match = rightUnique.findIndex((other, index) => !used.has(index) && sameWord(word, other));
    if (match < 0) continue;
    used.add(match);
    shared += Math.min(weightOf(word), weightOf(rightUnique[match] ?? word));
  }
  const total = leftUnique.reduce((sum, word) => sum + weightOf(word), 0) + rightUnique.reduce((sum, word) => sum + weightOf(word), 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Whether every word of `part` is among `whole` (an industry `Retail` within `Wholesale/Retail`). */
export function containsAll(whole: readonly string[], part: readonly string[]): boolean {
  return part.length > 0 && part.every((word) => whole.some((other) => sameWord(word, other)));
}

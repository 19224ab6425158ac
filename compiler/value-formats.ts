/**
 * The vocabulary of a source's `csv` options: their names, the encodings, and how values are
 * written when the options say nothing, the one set of defaults the binder fills a source's
 * options with and the source readers parse cells by (docs/sources.md lists the options).
 */
import type { SourceOptions } from "./model.js";

/** After lower-casing: the dotless ı, or an i with the combining dot "İ" lower-cases to. */
const TURKISH_I = /\u0131|i\u0307/u;

/** Greek letters, in lower case, that carry an accent or a diaeresis, or are a final sigma. */
const GREEK_MARKED = /[\u0386-\u0390\u03aa-\u03b0\u03c2\u03ca-\u03ce]/u;

/**
 * Text as every comparison that ignores case takes it (table keys, links by a unique column,
 * lookups, yes/no words, placeholders): lower case, with the dotted and the dotless i of Turkish
 * and Azerbaijani as one letter. JavaScript lower-cases the English way, which Turkish capitals
 * defeat: "İ" becomes "i" and a combining dot, and "I" becomes "i" where Turkish means "ı", so
 * "KAYA TESİSAT" would not be "Kaya Tesisat", nor "ŞEBNEM IŞIK" "Şebnem Işık". No two keys an
 * export holds are told apart by that dot alone. Greek capitals are written without accents, so
 * "ΠΑΠΑΔΟΠΟΥΛΟΣ" is "Παπαδόπουλος" in another case: the tonos and diaeresis are dropped, and the
 * final sigma is a sigma.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  const dotless = TURKISH_I.test(lower) ? lower.replace(/i\u0307/gu, "i").replace(/\u0131/gu, "i") : lower;
  return GREEK_MARKED.test(dotless) ? unmarkGreek(dotless) : dotless;
}

function unmarkGreek(text: string): string {
  return text
    .normalize("NFD")
    .replace(/([\u0391-\u03c9])[\u0301\u0308]+/gu, "$1")
    .normalize("NFC")
    .replace(/\u03c2/gu, "\u03c3");
}

/** Words read as true and as false in a boolean column (compared without case, trimmed). */
export const DEFAULT_TRUE_WORDS: readonly string[] = ["true", "yes", "y", "1", "ja", "j", "waar", "x"];
export const DEFAULT_FALSE_WORDS: readonly string[] = ["false", "no", "n", "0", "nee", "onwaar"];

export const DEFAULT_VALUE_FORMAT = {
  date: "yyyy-MM-dd",
  datetime: "yyyy-MM-dd HH:mm:ss",
  timezone: "UTC",
  decimal: ".",
  trueWords: DEFAULT_TRUE_WORDS,
  falseWords: DEFAULT_FALSE_WORDS,
} as const satisfies {
  readonly date: string;
  readonly datetime: string;
  readonly timezone: string;
  readonly decimal: "." | ",";
  readonly trueWords: readonly string[];
  readonly falseWords: readonly string[];
};

/** A source's options where its `csv` blocks say nothing. */
export const DEFAULT_SOURCE_OPTIONS: SourceOptions = {
  delimiter: "auto",
  encoding: "auto",
  quote: '"',
  ...DEFAULT_VALUE_FORMAT,
  emptyValues: [],
};

/** The options of a `csv` block (docs/sources.md). */
export const SOURCE_OPTION_NAMES = [
  "delimiter",
  "encoding",
  "quote",
  "date",
  "datetime",
  "timezone",
  "decimal",
  "currency",
  "true_words",
  "false_words",
  "empty_values",
] as const;

/**
 * The single-byte code pages an export may be written in: Western European (`windows-1252`, true
 * ISO-8859-1 `latin-1`, `iso-8859-15` with its `€`), Central European (`windows-1250`,
 * `iso-8859-2`: Polish, Czech, Slovak, Hungarian, Croatian ...), Cyrillic (`windows-1251`), Greek
 * (`windows-1253`), Turkish (`windows-1254`) and Baltic (`windows-1257`). Each keeps ASCII as
 * ASCII, so delimiters, quotes and line breaks are single bytes in all of them.
 */
export const CODE_PAGES = [
  "windows-1252",
  "latin-1",
  "iso-8859-15",
  "windows-1250",
  "iso-8859-2",
  "windows-1251",
  "windows-1253",
  "windows-1254",
  "windows-1257",
] as const;
export type CodePage = (typeof CODE_PAGES)[number];

/** The encodings a source may declare (`auto` detects UTF-8, UTF-16 or the code page its words are written in). */
export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", ...CODE_PAGES, "auto"] as const;
export type DeclaredEncoding = (typeof ENCODINGS)[number];

export function isDeclaredEncoding(name: string): name is DeclaredEncoding {
  return ENCODINGS.some((encoding) => encoding === name);
}

/** Other names the encodings go by (in Python, iconv, Excel's dialog), each with the name the language uses. */
export const ENCODING_ALIASES: Readonly<Record<string, DeclaredEncoding>> = {
  utf8: "utf-8",
  "utf-8-sig": "utf-8",
  // Excel's "Unicode text" and Windows' "Unicode" are UTF-16 little-endian.
  "utf-16": "utf-16le",
  utf16: "utf-16le",
  utf16le: "utf-16le",
  unicode: "utf-16le",
  "ucs-2": "utf-16le",
  utf16be: "utf-16be",
  latin1: "latin-1",
  "iso-8859-1": "latin-1",
  "iso8859-1": "latin-1",
  cp1252: "windows-1252",
  ansi: "windows-1252",
  latin9: "iso-8859-15",
  cp1250: "windows-1250",
  latin2: "iso-8859-2",
  cp1251: "windows-1251",
  cp1253: "windows-1253",
  cp1254: "windows-1254",
  cp1257: "windows-1257",
};

/**
 * The vocabulary of a source's `csv` options: their names, the encodings, and how values are
 * written when the options say nothing, the one set of defaults the binder fills a source's
 * options with and the source readers parse cells by (docs/sources.md lists the options).
 */
import type { SourceOptions } from "./model.js";

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

/** The encodings a source may declare (`auto` detects UTF-8 or Windows-1252). */
export const ENCODINGS = ["utf-8", "windows-1252", "latin-1", "auto"];

/**
 * How a source's values are written when its `csv` options say nothing: the one set of defaults
 * the binder fills a source's options with and the source readers parse cells by
 * (docs/sources.md lists the options).
 */

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

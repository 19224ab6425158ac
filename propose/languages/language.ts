/**
 * One language's share of the lexicon: the words CRM exports use in it, each brought to the
 * English concept word of lexicon-en-nl.ts (keys folded: lower case, no accents; keys with a space
 * are phrases, matched before single words), and the words that carry no meaning. A language is
 * one data file in this folder, listed in index.ts. Pure data.
 */
export interface Language {
  /** ISO 639-1 code. */
  readonly code: string;
  readonly words: Readonly<Record<string, string>>;
  readonly stopwords: readonly string[];
}

/** The source options of the two shipped exports, as a plan carries them, for tests of the built-ins. */
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { DEFAULT_FALSE_WORDS, DEFAULT_TRUE_WORDS } from "../../../compiler/value-formats.js";

export const perfectBooks: SourceOptionsPlan = {
  delimiter: ",",
  encoding: "utf-8",
  quote: '"',
  date: "dd/MM/yyyy",
  datetime: "dd/MM/yyyy HH:mm",
  timezone: "Europe/London",
  decimal: ".",
  currency: "£",
  trueWords: [...DEFAULT_TRUE_WORDS],
  falseWords: [...DEFAULT_FALSE_WORDS],
};

export const perfectView: SourceOptionsPlan = {
  ...perfectBooks,
  delimiter: ";",
  encoding: "windows-1252",
  date: "dd-MM-yyyy",
  datetime: "dd-MM-yyyy HH:mm",
  timezone: "Europe/Amsterdam",
  decimal: ",",
  currency: "€",
};

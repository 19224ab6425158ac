/**
 * Text built-ins: trim, lower, upper, title, replace, truncate, characters, html, and `text`, which writes any
 * value as text (also used by `join` for its items). Pure.
 */
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
import { isRecordRef, ok, type RuntimeValue, type StepOutcome } from "./values.js";

/** A step's text result: blank text is empty (null), so `default` and `??` can act on it. */
export function textResult(text: string): StepOutcome {
  return ok(text.trim() === "" ? null : text);
}

function textStep(name: string, transform: (text: string) => string): DefinedBuiltin {
  return defineBuiltin({
    name,
    readArguments: noArguments(name),
    apply: (input) => (typeof input === "string" ? textResult(transform(input)) : wrongInput(name, "text", input)),
  });
}

// Horizontal whitespace only: tabs, spaces and the no-break, thin and narrow no-break spaces
// exports put in names. Line breaks are kept so that a multi-line note keeps its lines.
const HORIZONTAL_SPACE_RUN = /[^\S\r\n]+/g;
const SPACE_AROUND_LINE_BREAK = / ?(\r\n|\r|\n) ?/g;

/** Whitespace that collapsing changes: any but a plain space, two spaces running, a space at either end. */
const COLLAPSIBLE = /[^\S ]| {2}|^ | $/;

/** Both ends trimmed, every run of spaces inside made one plain space; line breaks stay, without spaces around them. */
export function collapseWhitespace(text: string): string {
  // Most values (a name, a street) are already so: they are given back without two replacements.
  if (!COLLAPSIBLE.test(text)) return text;
  return text.replace(HORIZONTAL_SPACE_RUN, " ").replace(SPACE_AROUND_LINE_BREAK, "$1").trim();
}

/**
 * Lower case by the rules of the text's language when one is given ("tr": I is ı, İ is i).
 * Without one, İ, written only in Turkish and Azerbaijani, becomes i, where Unicode's default
 * gives an i with a combining dot above that no one types.
 */
export function lowerCase(text: string, language?: string): string {
  return language === undefined ? text.replace(/\u0130/g, "i").toLowerCase() : text.toLocaleLowerCase(language);
}

/** Upper case by the rules of the text's language when one is given ("tr": i is İ). */
export function upperCase(text: string, language?: string): string {
  return language === undefined ? text.toUpperCase() : text.toLocaleUpperCase(language);
}

// A letter starts a word after these (or at the start); not after an apostrophe, so "o'brien"
// becomes "O'brien" and "'s-hertogenbosch" becomes "'s-Hertogenbosch", and not after a digit ("2nd").
const WORD_STARTERS = /[\s\-/.(]/u;
const LETTER = /\p{L}/u;

/**
 * The first letter of each word upper-case, the rest lower-case. Dutch "ij" at the start of a
 * word is one letter (IJmuiden). Particles are not special: "van der berg" becomes "Van Der Berg";
 * map names with a table when particles must stay lower-case.
 */
export function titleCase(text: string, language?: string): string {
  const characters = Array.from(lowerCase(text, language));
  let result = "";
  let atWordStart = true;
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] ?? "";
    if (LETTER.test(character)) {
      if (atWordStart) {
        result += upperCase(character, language);
        if (character === "i" && characters[index + 1] === "j") {
          result += "J";
          index++;
        }
      } else {
        result += character;
      }
      atWordStart = false;
    } else {
      result += character;
      atWordStart = WORD_STARTERS.test(character);
    }
  }
  return result;
}

/** `&`, `<` and `>` escaped; a blank line starts a new paragraph, a single line break becomes `<br>`. */
export function plainTextToHtml(text: string): string {
  const escaped = text.replace(/\r\n?/g, "\n").trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const paragraphs = escaped
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.replace(/[^\S\n]*\n[^\S\n]*/g, "<br>"))
    .filter((paragraph) => paragraph !== "");
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("");
}

/** A number as written, never with an exponent: 1e21 is "1000000000000000000000", 1.5e-7 is "0.00000015". */
export function plainNumber(value: number): string {
  if (Object.is(value, -0)) return "0";
  const written = String(value);
  const scientific = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(written);
  if (scientific === null) return written;
  const sign = scientific[1] ?? "";
  const whole = scientific[2] ?? "";
  const digits = whole + (scientific[3] ?? "");
  const pointAt = whole.length + Number(scientific[4]);
  if (pointAt <= 0) return `${sign}0.${"0".repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${"0".repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * Any single value as text: text as it is (dates and datetimes are already Odoo's text), numbers
 * as written without exponent, booleans as yes/no, records by label, else external ID, else
 * `model,id`. Undefined for what has no text form (a list, a number that is not finite).
 */
export function formatAsText(value: Exclude<RuntimeValue, null>): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? plainNumber(value) : undefined;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (isRecordRef(value)) return value.label ?? value.xmlid ?? (value.id === undefined ? undefined : `${value.model},${value.id}`);
  return undefined;
}

const trim = textStep("trim", collapseWhitespace);
/** The optional language whose case rules apply: a language tag ("tr", "az"), read once. */
function readLanguage(): (args: readonly RuntimeValue[]) => ArgumentsResult<string | undefined> {
  return (args) => {
    const tooMany = tooManyArguments(args, 1);
    if (tooMany !== null) return argumentProblem(tooMany);
    const language = args[0];
    if (language === undefined || language === null) return argumentsOk(undefined);
    if (typeof language !== "string" || !isLanguageTag(language))
      return argumentProblem(`the language is a language tag such as "tr", not ${describeValue(language)}`);
    return argumentsOk(language);
  };
}

function isLanguageTag(text: string): boolean {
  try {
    return Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}

function caseStep(name: string, transform: (text: string, language: string | undefined) => string): DefinedBuiltin {
  return defineBuiltin<string | undefined>({
    name,
    readArguments: readLanguage(),
    apply: (input, language) => (typeof input === "string" ? textResult(transform(input, language)) : wrongInput(name, "text", input)),
  });
}

const lower = caseStep("lower", lowerCase);
const upper = caseStep("upper", upperCase);
const title = caseStep("title", titleCase);
const html = textStep("html", plainTextToHtml);

const text = defineBuiltin({
  name: "text",
  readArguments: noArguments("text"),
  apply: (input) => {
    const written = formatAsText(input);
    return written === undefined ? wrongInput("text", "one value", input) : textResult(written);
  },
});

const replace = defineBuiltin<{ readonly find: string; readonly replacement: string }>({
  name: "replace",
  readArguments: (args) => {
    if (args.length !== 2) return argumentProblem(`it takes 2 arguments (find, with), but was given ${args.length}`);
    const [find, replacement] = args;
    if (typeof find !== "string" || find === "") return argumentProblem(`find must be some text to look for, not ${describeValue(find ?? null)}`);
    // An empty `with` (or an empty column given as `with`) removes what was found.
    if (replacement !== null && typeof replacement !== "string") return argumentProblem(`with must be text, not ${describeValue(replacement ?? null)}`);
    return argumentsOk({ find, replacement: replacement ?? "" });
  },
  apply: (input, { find, replacement }) => (typeof input === "string" ? textResult(input.split(find).join(replacement)) : wrongInput("replace", "text", input)),
});

const truncate = defineBuiltin<number>({
  name: "truncate",
  readArguments: (args) => {
    if (args.length !== 1) return argumentProblem(`it takes 1 argument (length), but was given ${args.length}`);
    const length = args[0] ?? null;
    if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 1) {
      return argumentProblem(`the length must be a whole number of at least 1, not ${describeValue(length)}`);
    }
    return argumentsOk(length);
  },
  apply: (input, length) => {
    if (typeof input !== "string") return wrongInput("truncate", "text", input);
    // Characters as Odoo counts them (code points), so an emoji or accented letter is never split.
    const characters = Array.from(input);
    if (characters.length <= length) return textResult(input);
    const kept = characters.slice(0, length).join("");
    return ok(kept.trim() === "" ? null : kept, [{ kind: "truncated", detail: `cut from ${characters.length} to ${length} characters` }]);
  },
});

/** A 1-based position, negative from the end, as an index into characters; within 0..length. */
function characterIndex(position: number, length: number): number {
  return Math.min(Math.max(position < 0 ? length + position : position - 1, 0), length);
}

const characters = defineBuiltin<{ readonly from: number; readonly to: number | undefined }>({
  name: "characters",
  readArguments: (args) => {
    if (args.length < 1 || args.length > 2) return argumentProblem(`it takes 1 or 2 arguments (from, to), but was given ${args.length}`);
    const [from, to] = args;
    const position = (value: RuntimeValue | undefined): value is number => typeof value === "number" && Number.isSafeInteger(value) && value !== 0;
    if (!position(from)) return argumentProblem(`from must be a whole number other than 0 (1 is the first character, -1 the last), not ${describeValue(from ?? null)}`);
    if (to !== undefined && !position(to)) return argumentProblem(`to must be a whole number other than 0 (1 is the first character, -1 the last), not ${describeValue(to)}`);
    return argumentsOk({ from, to });
  },
  apply: (input, { from, to }) => {
    if (typeof input !== "string") return wrongInput("characters", "text", input);
    // Code points, as truncate and Odoo count them.
    const all = Array.from(input);
    const start = characterIndex(from, all.length);
    const end = to === undefined ? all.length : characterIndex(to, all.length) + 1;
    return textResult(all.slice(start, Math.max(start, end)).join(""));
  },
});

export const TEXT_BUILTINS: readonly DefinedBuiltin[] = [trim, lower, upper, title, replace, truncate, characters, html, text];

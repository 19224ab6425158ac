/**
 * Hand-written matchers for the tokens whose regular expressions would backtrack: strings, block
 * comments and template text. A pattern such as `"(?:[^"\\]|\\.)*"` keeps one backtracking entry
 * per character, and a string literal of ten megabytes overflowed the regular expression engine's
 * stack; these loops run in constant space. Each returns what Chevrotain's custom patterns return:
 * the matched text in a one-element array, or null.
 */
const QUOTE = 34;
const BACKSLASH = 92;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const BACKTICK = 96;
const OPEN_BRACE = 123;

/** Where a string that opens at `offset` stops: at its closing quote, or where it cannot go on (a line end, the text end). */
function stringStop(text: string, offset: number): number {
  let index = offset + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE || code === LINE_FEED || code === CARRIAGE_RETURN) return index;
    if (code === BACKSLASH) {
      // An escape takes any character but a line break (as `.` in a regular expression).
      const next = text.charCodeAt(index + 1);
      if (Number.isNaN(next) || next === LINE_FEED || next === CARRIAGE_RETURN || next === 0x2028 || next === 0x2029) return index;
      index += 2;
    } else {
      index += 1;
    }
  }
  return index;
}

/** `"text"`, closed on its line; escapes with a backslash. */
export function matchString(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== QUOTE) return null;
  const stop = stringStop(text, offset);
  return text.charCodeAt(stop) === QUOTE ? [text.slice(offset, stop + 1)] : null;
}

/** `"text` whose closing quote is missing: up to where the string could not go on. */
export function matchUnterminatedString(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== QUOTE) return null;
  return [text.slice(offset, stringStop(text, offset))];
}

/** A slash-star comment up to its first closing star-slash. */
export function matchBlockComment(text: string, offset: number): [string] | null {
  if (!text.startsWith("/*", offset)) return null;
  const close = text.indexOf("*/", offset + 2);
  return close < 0 ? null : [text.slice(offset, close + 2)];
}

/** Text between a template's holes: anything but a backtick or `{`, with backslash escapes. */
export function matchTemplateText(text: string, offset: number): [string] | null {
  let index = offset;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === BACKTICK || code === OPEN_BRACE) break;
    if (code === BACKSLASH) {
      if (index + 1 >= text.length) break;
      index += 2;
    } else {
      index += 1;
    }
  }
  return index > offset ? [text.slice(offset, index)] : null;
}

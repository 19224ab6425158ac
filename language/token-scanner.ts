/**
 * The parser's lexer, written by hand: the same tokens, comments and errors as Chevrotain's lexer
 * of `lexerDefinition` (tokens.ts) with offsets only, found by looking at characters instead of
 * trying the definition's patterns in turn. Chevrotain's lexer took a sixth of a parse, and setting
 * it up (analysing every pattern) a tenth of a CLI start. `test/language/token-scanner.test.ts`
 * holds the two to the same output, on the shipped and generated packages and on random text.
 *
 * What the definition says, and this follows: the first pattern in a mode's order that matches
 * wins; a keyword or `_` gives way to a longer name; text no pattern matches is one error up to
 * the next character where some pattern of the mode matches. Template text and holes are modes
 * (`code`, `template`, `hole`), pushed by a backtick or `{` and popped by their closers.
 */
import type { IToken, TokenType } from "chevrotain";
import { matchString, matchUnterminatedString } from "./scanners.js";
import * as T from "./tokens.js";

/** Characters no pattern matches, from `offset` for `length` characters. */
export interface ScanError {
  readonly offset: number;
  readonly length: number;
}

export interface ScannedText {
  readonly tokens: IToken[];
  /** Line and block comments, in order. */
  readonly comments: IToken[];
  readonly errors: ScanError[];
}

const enum Mode {
  Code = 0,
  Template = 1,
  Hole = 2,
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  RightParen = 41,
  Star = 42,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Less = 60,
  Equals = 61,
  Greater = 62,
  Question = 63,
  UpperA = 65,
  UpperZ = 90,
  Backslash = 92,
  RightBracket = 93,
  Underscore = 95,
  Backtick = 96,
  LowerA = 97,
  LowerZ = 122,
  LeftBrace = 123,
  RightBrace = 125,
  NoBreakSpace = 0xa0,
  ByteOrderMark = 0xfeff,
}

const KEYWORDS = new Map<string, TokenType>([...T.RESERVED_WORDS, ...T.SOFT_KEYWORDS].map((word) => [word, T.keywordToken(word)]));

function isDigit(code: number): boolean {
  return code >= Char.Digit0 && code <= Char.Digit9;
}

function isNameStart(code: number): boolean {
  return (code >= Char.LowerA && code <= Char.LowerZ) || (code >= Char.UpperA && code <= Char.UpperZ) || code === Char.Underscore;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}

function isWhiteSpace(code: number): boolean {
  return (
    code === Char.Space ||
    code === Char.LineFeed ||
    code === Char.CarriageReturn ||
    code === Char.Tab ||
    code === Char.FormFeed ||
    code === Char.NoBreakSpace ||
    code === Char.ByteOrderMark
  );
}

/** After these, a minus is subtraction, not a number's sign (NumberLiteral's lookbehind). */
function endsValue(code: number): boolean {
  return isNamePart(code) || code === Char.RightParen || code === Char.RightBracket || code === Char.Quote || code === Char.Backtick;
}

/** Tokens of one character that begin no longer token, by character code. */
const SINGLE_CHARACTER_TOKENS: (TokenType | undefined)[] = [];
for (const [character, type] of [
  ["=", T.Equals],
  ["|", T.Pipe],
  ["+", T.Plus],
  ["*", T.Star],
  ["(", T.LParen],
  [")", T.RParen],
  ["[", T.LBracket],
  ["]", T.RBracket],
  [",", T.Comma],
  [":", T.Colon],
  ["`", T.TemplateStart],
] as const) {
  SINGLE_CHARACTER_TOKENS[character.charCodeAt(0)] = type;
}

/** Where the token `match` found ends; set with every type it answers. */
let matchEnd = 0;
/** The text of the name `match` found (it was cut to look the word up); undefined for other tokens. */
let matchedName: string | undefined;

/** A token of `length` characters at `offset`. */
function ending(type: TokenType, offset: number, length: number): TokenType {
  matchEnd = offset + length;
  return type;
}

/** The token type of the code (or hole) token at `offset`, with its end in matchEnd; undefined where none matches. */
function matchCode(text: string, offset: number): TokenType | undefined {
  const code = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  matchEnd = offset + 1;
  if (isNameStart(code)) {
    // Keywords are lower-case letters only: a name with anything else is not looked up.
    let lowerCase = code >= Char.LowerA && code <= Char.LowerZ;
    let end = offset + 1;
    for (let part = text.charCodeAt(end); end < text.length && isNamePart(part); part = text.charCodeAt(++end))
      lowerCase &&= part >= Char.LowerA && part <= Char.LowerZ;
    matchEnd = end;
    if (code === Char.Underscore) return end === offset + 1 ? T.Underscore : T.Identifier;
    const name = text.slice(offset, end);
    matchedName = name;
    return (lowerCase && KEYWORDS.get(name)) || T.Identifier;
  }
  if (isDigit(code)) return matchNumber(text, offset);
  switch (code) {
    case Char.Space:
    case Char.LineFeed:
    case Char.CarriageReturn:
    case Char.Tab:
    case Char.FormFeed:
    case Char.NoBreakSpace:
    case Char.ByteOrderMark: {
      let end = offset + 1;
      while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
      matchEnd = end;
      return T.WhiteSpace;
    }
    case Char.Slash:
      return matchSlash(text, offset, next);
    case Char.Quote: {
      const closed = matchString(text, offset);
      if (closed !== null) return ending(T.StringLiteral, offset, closed[0].length);
      return ending(T.UnterminatedString, offset, matchUnterminatedString(text, offset)?.[0].length ?? 1);
    }
    case Char.Minus:
      if (next === Char.Greater) return ending(T.Arrow, offset, 2);
      if (isDigit(next) && (offset === 0 || !endsValue(text.charCodeAt(offset - 1)))) return matchNumber(text, offset + 1);
      return T.Minus;
    case Char.Less:
      if (next === Char.Minus) return ending(T.LeftArrow, offset, 2);
      if (next === Char.Equals) return ending(T.LessEquals, offset, 2);
      return T.Less;
    case Char.Bang:
      return next === Char.Equals ? ending(T.NotEquals, offset, 2) : undefined;
    case Char.Greater:
      return next === Char.Equals ? ending(T.GreaterEquals, offset, 2) : T.Greater;
    case Char.Question:
      return next === Char.Question ? ending(T.Coalesce, offset, 2) : undefined;
    case Char.Dot:
      return next === Char.Dot ? ending(T.DotDot, offset, 2) : T.Dot;
    default:
      return SINGLE_CHARACTER_TOKENS[code];
  }
}

/** `\d+(\.\d+)?` from `digits` (the first digit). */
function matchNumber(text: string, digits: number): TokenType {
  let end = digits + 1;
  while (isDigit(text.charCodeAt(end))) end++;
  if (text.charCodeAt(end) === Char.Dot && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  matchEnd = end;
  return T.NumberLiteral;
}

/** A line comment, a block comment (closed or not), or a slash. */
function matchSlash(text: string, offset: number, next: number): TokenType {
  if (next === Char.Slash) {
    let end = offset + 2;
    for (let code = text.charCodeAt(end); end < text.length && code !== Char.LineFeed && code !== Char.CarriageReturn; code = text.charCodeAt(++end));
    matchEnd = end;
    return T.LineComment;
  }
  if (next === Char.Star) {
    const close = text.indexOf("*/", offset + 2);
    matchEnd = close < 0 ? text.length : close + 2;
    return close < 0 ? T.UnterminatedBlockComment : T.BlockComment;
  }
  return T.Slash;
}

/** Template text up to a backtick or `{`, with backslash escapes; none where it would be empty. */
function matchTemplate(text: string, offset: number): TokenType | undefined {
  let end = offset;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === Char.Backtick || code === Char.LeftBrace) break;
    if (code === Char.Backslash) {
      if (end + 1 >= text.length) break;
      end += 2;
    } else {
      end += 1;
    }
  }
  matchEnd = end;
  return end > offset ? T.TemplateText : undefined;
}

function match(text: string, offset: number, mode: Mode): TokenType | undefined {
  const code = text.charCodeAt(offset);
  matchedName = undefined;
  if (mode === Mode.Template) {
    matchEnd = offset + 1;
    if (code === Char.Backtick) return T.TemplateEnd;
    if (code === Char.LeftBrace) return T.HoleStart;
    return matchTemplate(text, offset);
  }
  if (code === Char.RightBrace) return ending(mode === Mode.Hole ? T.HoleEnd : T.RCurly, offset, 1);
  if (code === Char.LeftBrace) return mode === Mode.Hole ? undefined : ending(T.LCurly, offset, 1);
  return matchCode(text, offset);
}

/** The tokens of `text`, as Chevrotain's lexer of `lexerDefinition` gives them with offsets only. */
export function scanTokens(text: string): ScannedText {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanError[] = [];
  const modes: Mode[] = [Mode.Code];
  let mode = Mode.Code;
  let offset = 0;
  while (offset < text.length) {
    const type = match(text, offset, mode);
    if (type === undefined) {
      // Everything up to the next character where some pattern of the mode matches.
      const start = offset;
      do offset++;
      while (offset < text.length && match(text, offset, mode) === undefined);
      errors.push({ offset: start, length: offset - start });
      continue;
    }
    const end = matchEnd;
    if (type !== T.WhiteSpace) {
      const image = matchedName ?? text.slice(offset, end);
      const token: IToken = { image, startOffset: offset, tokenTypeIdx: type.tokenTypeIdx ?? 0, tokenType: type };
      if (type === T.LineComment || type === T.BlockComment || type === T.UnterminatedBlockComment) comments.push(token);
      else tokens.push(token);
      if (type === T.TemplateStart) modes.push((mode = Mode.Template));
      else if (type === T.HoleStart) modes.push((mode = Mode.Hole));
      else if (type === T.TemplateEnd || type === T.HoleEnd) {
        modes.pop();
        mode = modes[modes.length - 1] ?? Mode.Code;
      }
    }
    offset = end;
  }
  return { tokens, comments, errors };
}

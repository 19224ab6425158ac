/**
 * Tokens of the .flitmap language.
 *
 * Most keywords are "soft": they also count as names (category `Name`), because Odoo and real
 * exports use words such as `type`, `model`, `key`, `source` or `order` as field and column names.
 * Only the words that would make expressions ambiguous are reserved (see RESERVED_WORDS).
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { matchBlockComment, matchString, matchTemplateText, matchUnterminatedString } from "./scanners.js";

/** Every token the parser sees: lets a block skip one it cannot place and carry on (error recovery). */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });
/** Reserved words: never names, but accepted (and reported) where a declaration's name must stand. */
export const ReservedWord = createToken({ name: "ReservedWord", pattern: Lexer.NA, label: "a reserved word" });
export const AssignmentOperator = createToken({ name: "AssignmentOperator", pattern: Lexer.NA, label: "`<-` (a value from the source) or `=` (a constant)" });
export const StringLike = createToken({ name: "StringLike", pattern: Lexer.NA, label: "a quoted string" });
/** `=`, `!=`, `<`, `<=`, `>`, `>=`: one category, so that a comparison is one choice for the parser. */
export const Comparator = createToken({ name: "Comparator", pattern: Lexer.NA, label: "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)" });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: matchBlockComment, start_chars_hint: ["/"], line_breaks: true, group: "comments" });
/** A block comment that never ends: lexed so that the error names where it starts. */
export const UnterminatedBlockComment = createToken({ name: "UnterminatedBlockComment", pattern: /\/\*[\s\S]*/, line_breaks: true, group: "comments" });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [AnyToken, Name], label: "a name" });

export const StringLiteral = createToken({ name: "StringLiteral", pattern: matchString, start_chars_hint: ['"'], line_breaks: false, categories: [AnyToken, StringLike], label: "a quoted string" });
/** A string whose closing quote is missing on its line: accepted as a string so that parsing goes on, and reported. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: matchUnterminatedString,
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [AnyToken, StringLike],
  label: "a quoted string",
});
/**
 * A minus written right after a value (`end-1`, `(a)-1`) is subtraction, not the sign of the number
 * after it; anywhere else (`-3`, `round(-1)`, `sequence -1`) it belongs to the number.
 */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /(?:(?<![\w)\]"`])-)?\d+(?:\.\d+)?/,
  start_chars_hint: ["-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  label: "a number",
  categories: [AnyToken],
});

function punctuation(name: string, pattern: string | RegExp, label: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, label, categories: [AnyToken, ...categories] });
}

export const LCurly = punctuation("LCurly", "{", "`{`");
export const RCurly = punctuation("RCurly", "}", "`}`");
export const LParen = punctuation("LParen", "(", "`(`");
export const RParen = punctuation("RParen", ")", "`)`");
export const LBracket = punctuation("LBracket", "[", "`[`");
export const RBracket = punctuation("RBracket", "]", "`]`");
export const Comma = punctuation("Comma", ",", "`,`");
export const Colon = punctuation("Colon", ":", "`:`");
export const DotDot = punctuation("DotDot", "..", "`..`");
export const Dot = punctuation("Dot", ".", "`.`");
export const Arrow = punctuation("Arrow", "->", "`->`");
export const LeftArrow = createToken({ name: "LeftArrow", pattern: "<-", label: "`<-`", categories: [AnyToken, AssignmentOperator] });
export const NotEquals = punctuation("NotEquals", "!=", "`!=`", [Comparator]);
export const LessEquals = punctuation("LessEquals", "<=", "`<=`", [Comparator]);
export const GreaterEquals = punctuation("GreaterEquals", ">=", "`>=`", [Comparator]);
export const Less = punctuation("Less", "<", "`<`", [Comparator]);
export const Greater = punctuation("Greater", ">", "`>`", [Comparator]);
export const Equals = createToken({ name: "Equals", pattern: "=", label: "`=`", categories: [AnyToken, AssignmentOperator, Comparator] });
export const Coalesce = punctuation("Coalesce", "??", "`??`");
/** `+ - * /` on numbers: one category, so that an arithmetic operator is one choice for the parser. */
export const ArithmeticOperator = createToken({ name: "ArithmeticOperator", pattern: Lexer.NA, label: "an arithmetic operator (`+`, `-`, `*`, `/`)" });
export const Plus = punctuation("Plus", "+", "`+`", [ArithmeticOperator]);
export const Minus = punctuation("Minus", "-", "`-`", [ArithmeticOperator]);
export const Star = punctuation("Star", "*", "`*`", [ArithmeticOperator]);
export const Slash = punctuation("Slash", "/", "`/`", [ArithmeticOperator]);
export const Pipe = punctuation("Pipe", "|", "`|`");
/** `_` alone: the default entry of a table. */
export const Underscore = createToken({ name: "Underscore", pattern: "_", longer_alt: Identifier, label: "`_`", categories: [AnyToken] });

// Template literals: `text {expression} text`
export const TemplateStart = createToken({ name: "TemplateStart", pattern: "`", push_mode: "template", label: "a template (`...`)", categories: [AnyToken] });
export const TemplateEnd = createToken({ name: "TemplateEnd", pattern: "`", pop_mode: true, label: "the closing backtick of the template", categories: [AnyToken] });
export const TemplateText = createToken({ name: "TemplateText", pattern: matchTemplateText, line_breaks: true, label: "template text", categories: [AnyToken] });
export const HoleStart = createToken({ name: "HoleStart", pattern: "{", push_mode: "hole", label: "`{`", categories: [AnyToken] });
export const HoleEnd = createToken({ name: "HoleEnd", pattern: "}", pop_mode: true, label: "`}` closing the template hole", categories: [AnyToken] });

function keyword(word: string, soft: boolean): TokenType {
  return createToken({
    name: `Keyword_${word}`,
    pattern: word,
    longer_alt: Identifier,
    categories: soft ? [AnyToken, Name] : [AnyToken, ReservedWord],
    label: `\`${word}\``,
  });
}

/** Words that can never be names: they would make expressions or bodies ambiguous. */
export const RESERVED_WORDS = ["true", "false", "and", "or", "not", "is", "in", "if", "then", "else", "ref", "each", "when"] as const;

export const SOFT_KEYWORDS = [
  "migration", "source", "target", "odoo", "schema", "xmlid", "rule", "setting", "deleted", "report", "archive",
  "csv", "entity", "key", "duplicates", "keep", "first", "last", "newest", "group",
  "required", "personal", "modified", "references", "unique",
  "lookup", "by", "missing", "reject", "flag", "fallback", "halt", "archived", "include", "exclude",
  "records", "match", "existing", "table", "extend", "help",
  "map", "as", "split", "for", "ignore", "with", "order", "asc", "desc", "has", "lacks", "present", "empty",
  "test", "given", "expect", "skip", "import", "from", "optional", "ambiguous", "let", "step", "returns",
  "merge", "onto", "overwrite",
] as const;

export type ReservedWord = (typeof RESERVED_WORDS)[number];
export type SoftKeyword = (typeof SOFT_KEYWORDS)[number];

const keywordTokens = new Map<string, TokenType>();
for (const word of RESERVED_WORDS) keywordTokens.set(word, keyword(word, false));
for (const word of SOFT_KEYWORDS) keywordTokens.set(word, keyword(word, true));

export function keywordToken(word: ReservedWord | SoftKeyword): TokenType {
  const token = keywordTokens.get(word);
  if (token === undefined) throw new Error(`no keyword token for ${word}`);
  return token;
}


export function isReservedWord(text: string): text is ReservedWord {
  return (RESERVED_WORDS as readonly string[]).includes(text);
}

/**
 * Chevrotain takes the first pattern that matches, and `longer_alt` only falls back to Identifier:
 * longer keywords must come first, or `ref` would swallow `references` and `or` would swallow `order`.
 */
const keywords = [...keywordTokens.entries()].sort(([left], [right]) => right.length - left.length).map(([, token]) => token);

/** Tokens of ordinary code, shared by the default mode and template holes. */
const codeTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  StringLiteral,
  UnterminatedString,
  TemplateStart,
  Arrow,
  NumberLiteral,
  LeftArrow,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  Coalesce,
  Pipe,
  Plus,
  Minus,
  Star,
  Slash,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  DotDot,
  Dot,
  Underscore,
  ...keywords,
  Identifier,
];

export const lexerDefinition = {
  modes: {
    code: [LCurly, RCurly, ...codeTokens],
    template: [TemplateEnd, HoleStart, TemplateText],
    hole: [HoleEnd, ...codeTokens],
  },
  defaultMode: "code",
};

/** Every token type the parser may see, for the parser's constructor. */
export const allTokenTypes: TokenType[] = [
  AnyToken,
  Name,
  ReservedWord,
  AssignmentOperator,
  StringLike,
  Comparator,
  ArithmeticOperator,
  LCurly,
  RCurly,
  ...codeTokens,
  TemplateEnd,
  HoleStart,
  HoleEnd,
  TemplateText,
];

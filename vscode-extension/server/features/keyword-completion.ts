/**
 * Keyword completion straight from the grammar: Chevrotain's content assist walks the parser's
 * rules over the tokens before the cursor and says which tokens may come next; the keywords among
 * them are offered. Names (entities, columns, fields...) come later, from the compiler's resolved
 * model.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver";
import type { IToken, TokenType } from "chevrotain";
import type { Document } from "../../../language/ast.js";
import { tokenize } from "../../../language/lexer.js";
import { parse } from "../../../language/parse.js";
import { getParser } from "../../../language/parser.js";
import { AnyToken, RESERVED_WORDS } from "../../../language/tokens.js";

const KEYWORD_PREFIX = "Keyword_";
const RESERVED = new Set<string>(RESERVED_WORDS);

/** Tokens in which nothing is completed: the user is writing text, not code. */
const TEXT_TOKENS = new Set(["StringLiteral", "UnterminatedString", "TemplateText", "NumberLiteral"]);

/**
 * Where content assist may start reading: the start of the last top-level declaration that begins
 * before the cursor (completion need not read the whole file), and, when the cursor lies past
 * that declaration's end, that end too: a mistake inside the declaration then does not stop
 * completion after it.
 */
function readingStarts(document: Document, offset: number): number[] {
  let last: Document["declarations"][number] | undefined;
  for (const declaration of document.declarations) {
    if (declaration.range.start.offset >= offset) break;
    last = declaration;
  }
  if (last === undefined) return [0];
  return last.range.end.offset <= offset ? [last.range.start.offset, last.range.end.offset] : [last.range.start.offset];
}

function isInside(token: IToken, offset: number): boolean {
  return token.startOffset < offset && offset <= (token.endOffset ?? token.startOffset) + 1;
}

/**
 * Chevrotain's content assist ignores gates, so the "skip a token nothing else takes" alternative
 * of every block (the `AnyToken` category, used for error recovery) would accept any text before
 * the cursor and make every keyword look valid everywhere. While content assist runs, that category
 * matches nothing; it runs synchronously, so no parse ever sees the change.
 */
function withoutRecoveryCategory<T>(run: () => T): T {
  const category = AnyToken as TokenType & { categoryMatchesMap?: Record<number, boolean> };
  const saved = category.categoryMatchesMap;
  category.categoryMatchesMap = {};
  try {
    return run();
  } finally {
    category.categoryMatchesMap = saved;
  }
}

/** The keywords the grammar allows at `offset`, for a file whose (possibly broken) tree is `document`. */
export function keywordCompletions(text: string, offset: number, document: Document): CompletionItem[] {
  for (const from of readingStarts(document, offset)) {
    const words = keywordsFrom(text.slice(from, offset), document.file);
    if (words === undefined) return [];
    if (words.size > 0) return [...words].sort().map((word) => ({ label: word, kind: CompletionItemKind.Keyword, detail: RESERVED.has(word) ? "reserved word" : "keyword" }));
  }
  return [];
}

/**
 * Whether the grammar cannot read `tokens` (those of `before`) up to the last one: a syntax error
 * ends before it. Content assist then finds nothing, but only after trying every way the grammar
 * could have read the tokens before the mistake, and that grows exponentially with them (a stray
 * `)` in a 130-line source block took minutes): the parser, which recovers, says so in linear time.
 * Lexical errors do not count: content assist reads tokens, which leave bad characters out.
 */
function mistakeBefore(before: string, tokens: readonly IToken[], file: string): boolean {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return false;
  const { diagnostics } = parse(before.slice(0, (last.endOffset ?? last.startOffset) + 1), file);
  return diagnostics.some((diagnostic) => diagnostic.severity === "error" && diagnostic.code.startsWith("FM1") && diagnostic.range.end.offset <= last.startOffset);
}

/** The keywords that may follow `before`; undefined when the cursor is in a string, template text or comment. */
function keywordsFrom(before: string, file: string): Set<string> | undefined {
  const end = before.length;
  const { tokens, comments } = tokenize(before, file);
  if (comments.some((comment) => comment.range.end.offset >= end && comment.kind === "BlockComment" && !comment.text.endsWith("*/"))) return undefined;
  if (comments.some((comment) => comment.kind === "LineComment" && comment.range.end.offset === end)) return undefined;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && isInside(last, end) && TEXT_TOKENS.has(last.tokenType.name)) return undefined;
  if (last !== undefined && last.tokenType.name === "TemplateStart") return undefined;
  // The word being typed is what completion replaces, not a token before the cursor.
  const preceding = last !== undefined && isInside(last, end) && /^[A-Za-z_]/.test(last.image) ? tokens.slice(0, -1) : tokens;
  if (mistakeBefore(before, preceding, file)) return new Set();
  const paths = withoutRecoveryCategory(() => getParser().computeContentAssist("document", preceding));
  const words = new Set<string>();
  for (const path of paths) {
    const name = path.nextTokenType.name;
    if (name.startsWith(KEYWORD_PREFIX)) words.add(name.slice(KEYWORD_PREFIX.length));
  }
  return words;
}

/**
 * `parse(text, file)`: the front end's entry point. Never throws: a broken file yields a tree with
 * `Missing` holes and every lexical and syntax error found in one pass; nesting past the parser's
 * bound is reported (FM105) rather than exhausting the stack.
 */
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { Comment, Declaration, Document } from "./ast.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { tokenizeOffsets, type LexResult } from "./lexer.js";
import { LineIndex } from "./line-index.js";
import type { Position, Range } from "./location.js";
import { getParser, type FlitmapParser } from "./parser.js";
import { SyntaxCode } from "./syntax-codes.js";
import { digitSelectionKeyMessage, NESTED_TOO_DEEP_MESSAGE, reservedWordMessage, strayTokensMessage } from "./syntax-messages.js";
import { placed, tokenEnd, tokenRange, tokenStart, useLineIndex } from "./tree-parser.js";

export interface ParseResult {
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
}

const START: Position = { offset: 0, line: 1, column: 1 };

function isToken(value: unknown): value is IToken {
  return typeof value === "object" && value !== null && "image" in value && "startOffset" in value && "tokenType" in value;
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

function previousTokenOf(error: IRecognitionException): IToken | undefined {
  if (!("previousToken" in error)) return undefined;
  return isToken(error.previousToken) ? error.previousToken : undefined;
}

function codeOf(error: IRecognitionException): SyntaxCode {
  switch (error.name) {
    case "MismatchedTokenException":
      return SyntaxCode.expectedToken;
    case "NotAllInputParsedException":
      return SyntaxCode.unexpectedInput;
    default:
      return SyntaxCode.unexpectedToken;
  }
}

/**
 * Where to draw a syntax error: on the unexpected token, unless it sits on a later line than the
 * token before it; then the fix belongs at the end of the earlier line, so the earlier token is marked.
 */
function errorRange(error: IRecognitionException, endOfText: Range): Range {
  const found = error.token;
  const previous = previousTokenOf(error);
  if (!isRealToken(found)) return isRealToken(previous) ? tokenRange(previous) : endOfText;
  if (isRealToken(previous) && tokenStart(found).line > tokenEnd(previous).line) return tokenRange(previous);
  return tokenRange(found);
}

/** The position just past the last character: lines counted at line feeds, as `positionAt` counts them. */
export function endOf(text: string, lines: LineIndex): Position {
  if (lines.lineFeedsOnly) return lines.positionAt(text.length);
  let line = 1;
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) line++;
  return { offset: text.length, line, column: text.length - (text.lastIndexOf("\n") + 1) + 1 };
}

export function parse(text: string, file = "<input>"): ParseResult {
  const lines = new LineIndex(text);
  useLineIndex(lines);
  try {
    return parseLexed(text, file, lines, tokenizeOffsets(text, file, lines));
  } finally {
    useLineIndex(undefined);
  }
}

/** The parse of a text already lexed, with `useLineIndex(lines)` in force. */
export function parseLexed(text: string, file: string, lines: LineIndex, lexed: LexResult): ParseResult {
  const parser = getParser();
  const declarations = placed(parser.parseDocument(lexed.tokens), START);
  const end = endOf(text, lines);
  const diagnostics = syntaxDiagnostics(parser, lexed, file, end);
  parser.release();
  return { document: documentOf(file, text, end, declarations, lexed.comments), diagnostics };
}

export function documentOf(file: string, text: string, end: Position, declarations: Declaration[], comments: readonly Comment[]): Document {
  return { kind: "Document", file, declarations, comments, range: { start: { ...START }, end: text.length === 0 ? { ...START } : end } };
}

/**
 * The lexer's diagnostics and those of the parser's last parse, sorted. After a region parse
 * (reparse.ts), Chevrotain's complaint that the input goes on past where the region stopped is
 * no error: the rest of the file is the previous parse's.
 */
/**
 * A selection key written bare with a leading digit (`1_10 "1 a 10"`) lexes as a number and the
 * name glued to it; Odoo takes any string as a key, so the fix is to quote the whole of it.
 */
function digitSelectionKey(tokens: readonly IToken[], first: IToken, file: string): Diagnostic | undefined {
  if (!/^\d/.test(first.image)) return undefined;
  let index = tokens.findIndex((token) => token.startOffset === first.startOffset);
  if (index < 0) return undefined;
  let key = first.image;
  let last = first;
  for (let next = tokens[++index]; next !== undefined && next.startOffset === last.startOffset + last.image.length; next = tokens[++index]) {
    if (next.tokenType.name === "StringLiteral") break;
    key += next.image;
    last = next;
  }
  const range = { start: tokenRange(first).start, end: tokenRange(last).end };
  const quoted = JSON.stringify(key);
  return {
    code: SyntaxCode.unexpectedInput,
    severity: "error",
    message: digitSelectionKeyMessage(key),
    file,
    range,
    fixes: [{ title: `Write the key as ${quoted}`, edits: [{ file, range, newText: quoted }] }],
  };
}

export function syntaxDiagnostics(parser: FlitmapParser, lexed: LexResult, file: string, end: Position): Diagnostic[] {
  const endOfText: Range = { start: end, end };
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const unclosedTemplate = lexed.diagnostics.some((diagnostic) => diagnostic.code === SyntaxCode.unterminatedTemplate);
  for (const { token, role } of parser.reservedNames) {
    diagnostics.push({ code: SyntaxCode.reservedWord, severity: "error", message: reservedWordMessage(token.image, role), file, range: tokenRange(token) });
  }
  const seen = new Set<string>();
  for (const error of parser.errors) {
    // The lexer already named the template that never closes; the parser would only see the file end.
    if (unclosedTemplate && error.name === "MismatchedTokenException" && error.token.tokenType === EOF) continue;
    if (error.name === "NotAllInputParsedException" && error.token.startOffset === parser.stoppedAt) continue;
    const range = errorRange(error, endOfText);
    const identity = `${range.start.offset}:${error.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    diagnostics.push({ code: codeOf(error), severity: "error", message: error.message, file, range });
  }
  for (const range of parser.tooDeep) diagnostics.push({ code: SyntaxCode.nestedTooDeep, severity: "error", message: NESTED_TOO_DEEP_MESSAGE, file, range });
  // Tokens skipped right where the parser already reported an error would say the same thing twice.
  const errorStarts = new Set(diagnostics.map((diagnostic) => diagnostic.range.start.offset));
  for (const run of parser.strayRuns) {
    const first = run.tokens[0];
    const last = run.tokens[run.tokens.length - 1];
    if (first === undefined || last === undefined || errorStarts.has(first.startOffset)) continue;
    const digitKey = run.block === "selectionOptions" ? digitSelectionKey(lexed.tokens, first, file) : undefined;
    if (digitKey !== undefined) {
      diagnostics.push(digitKey);
      continue;
    }
    const range = { start: tokenRange(first).start, end: tokenRange(last).end };
    diagnostics.push({ code: SyntaxCode.unexpectedInput, severity: "error", message: strayTokensMessage(run.block, run.tokens), file, range });
  }
  return diagnostics.sort(compareDiagnostics);
}

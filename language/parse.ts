/**
 * `parse(text, file)`: the front end's entry point. Never throws: a broken file yields a tree with
 * `Missing` holes and every lexical and syntax error found in one pass.
 */
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { Document } from "./ast.js";
import { AstBuilder } from "./build-ast.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { tokenize, tokenRange } from "./lexer.js";
import { lineStartsOf, positionAt, type Range } from "./location.js";
import { getParser } from "./parser.js";
import { reservedWordMessage } from "./syntax-messages.js";

export interface ParseResult {
  readonly document: Document;
  readonly diagnostics: readonly Diagnostic[];
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

function previousTokenOf(error: IRecognitionException): IToken | undefined {
  const withPrevious = error as IRecognitionException & { previousToken?: IToken };
  return withPrevious.previousToken;
}

function codeOf(error: IRecognitionException): string {
  switch (error.name) {
    case "MismatchedTokenException":
      return "FM101";
    case "NotAllInputParsedException":
      return "FM104";
    default:
      return "FM102";
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
  if (isRealToken(previous) && (found.startLine ?? 0) > (previous.endLine ?? previous.startLine ?? 0)) return tokenRange(previous);
  return tokenRange(found);
}

export function parse(text: string, file = "<input>"): ParseResult {
  const lexed = tokenize(text, file);
  const parser = getParser();
  parser.resetNameTracking();
  parser.input = lexed.tokens;
  const cst = parser.document();
  const lineStarts = lineStartsOf(text);
  const end = positionAt(lineStarts, text.length);
  const endOfText: Range = { start: end, end };
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const seen = new Set<string>();
  const unclosedTemplate = lexed.diagnostics.some((diagnostic) => diagnostic.code === "FM004");
  for (const { token, role } of parser.reservedNames) {
    diagnostics.push({ code: "FM103", severity: "error", message: reservedWordMessage(token.image, role), file, range: tokenRange(token) });
  }
  for (const error of parser.errors) {
    // The lexer already named the template that never closes; the parser would only see the file end.
    if (unclosedTemplate && error.name === "MismatchedTokenException" && error.token.tokenType === EOF) continue;
    const range = errorRange(error, endOfText);
    const identity = `${range.start.offset}:${error.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    diagnostics.push({ code: codeOf(error), severity: "error", message: error.message, file, range });
  }
  const builder = new AstBuilder(file);
  const document = builder.document(cst, lexed.comments, text.length, end);
  // Tokens skipped right where the parser already reported an error would say the same thing twice.
  const parserErrorStarts = new Set(diagnostics.map((diagnostic) => diagnostic.range.start.offset));
  diagnostics.push(...builder.diagnostics.filter((diagnostic) => !parserErrorStarts.has(diagnostic.range.start.offset)));
  diagnostics.sort(compareDiagnostics);
  return { document, diagnostics };
}

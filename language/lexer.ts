/**
 * Turns text into tokens, comments and lexical diagnostics (stray characters, unterminated strings,
 * comments and templates). Lexing never fails: every problem becomes a diagnostic and lexing goes on.
 */
import { Lexer, type IToken } from "chevrotain";
import type { Comment } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import type { Range } from "./location.js";
import { lexerDefinition } from "./tokens.js";

let sharedLexer: Lexer | undefined;

function getLexer(): Lexer {
  sharedLexer ??= new Lexer(lexerDefinition, { positionTracking: "full", ensureOptimizations: false, recoveryEnabled: true });
  return sharedLexer;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/** The range of a token; Chevrotain's end offsets and columns are inclusive, ours are exclusive. */
export function tokenRange(token: IToken): Range {
  return {
    start: { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 },
    end: { offset: (token.endOffset ?? token.startOffset) + 1, line: token.endLine ?? token.startLine ?? 1, column: (token.endColumn ?? token.startColumn ?? 1) + 1 },
  };
}

export function tokenize(text: string, file: string): LexResult {
  const result = getLexer().tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const character = text.slice(error.offset, error.offset + error.length);
    const line = error.line ?? 1;
    const column = error.column ?? 1;
    diagnostics.push({
      code: "FM001",
      severity: "error",
      message:
        error.length === 1
          ? `unexpected character ${JSON.stringify(character)}: it has no meaning here (to use it as text, put it in quotes)`
          : `unexpected characters ${JSON.stringify(character)}: they have no meaning here (to use them as text, put them in quotes)`,
      file,
      range: { start: { offset: error.offset, line, column }, end: { offset: error.offset + error.length, line, column: column + error.length } },
    });
  }
  const comments: Comment[] = [];
  for (const token of result.groups["comments"] ?? []) {
    const range = tokenRange(token);
    if (token.tokenType.name === "UnterminatedBlockComment") {
      diagnostics.push({
        code: "FM003",
        severity: "error",
        message: "this comment is never closed: add `*/` where it should end",
        file,
        range: { start: range.start, end: { offset: range.start.offset + 2, line: range.start.line, column: range.start.column + 2 } },
      });
    }
    comments.push({ kind: token.image.startsWith("//") ? "LineComment" : "BlockComment", text: token.image, range });
  }
  const openTemplates: IToken[] = [];
  for (const token of result.tokens) {
    if (token.tokenType.name === "TemplateStart") openTemplates.push(token);
    if (token.tokenType.name === "TemplateEnd") openTemplates.pop();
    if (token.tokenType.name === "UnterminatedString") {
      diagnostics.push({
        code: "FM002",
        severity: "error",
        message: "this string is never closed: add `\"` at its end (a string cannot span lines)",
        file,
        range: tokenRange(token),
      });
    }
  }
  for (const template of openTemplates) {
    diagnostics.push({
      code: "FM004",
      severity: "error",
      message: "this template is never closed: add a closing backtick (`) where it should end",
      file,
      range: tokenRange(template),
    });
  }
  return { tokens: result.tokens, comments, diagnostics };
}

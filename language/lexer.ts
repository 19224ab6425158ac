/**
 * Turns text into tokens, comments and lexical diagnostics (stray characters, unterminated strings,
 * comments and templates). Lexing never fails: every problem becomes a diagnostic and lexing goes on.
 */
import { Lexer, type IToken } from "chevrotain";
import type { Comment } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import type { LineIndex } from "./line-index.js";
import { SyntaxCode } from "./syntax-codes.js";
import { UNTERMINATED_COMMENT_MESSAGE, UNTERMINATED_STRING_MESSAGE, UNTERMINATED_TEMPLATE_MESSAGE, unexpectedCharactersMessage } from "./syntax-messages.js";
import { scanTokens } from "./token-scanner.js";
import { lexerDefinition, TemplateEnd, TemplateStart, UnterminatedBlockComment, UnterminatedString } from "./tokens.js";
import { tokenRange } from "./tree-parser.js";

export { tokenRange };

/**
 * Chevrotain's lexer of the definition: `full` tokens carry lines and columns (editor features read
 * them), `offsets` tokens only offsets. The parser's tokens come from scanTokens instead (the same
 * tokens, found by hand: token-scanner.ts); the `offsets` lexer is what the tests hold it to. Its
 * definition is checked by Chevrotain when `validate` is set (the tests do); the shared one skips
 * that check, which costs more than the rest of its set-up.
 */
export function createLexer(positions: "full" | "offsets", validate: boolean): Lexer {
  return new Lexer(lexerDefinition, {
    positionTracking: positions === "full" ? "full" : "onlyOffset",
    ensureOptimizations: false,
    recoveryEnabled: true,
    skipValidations: !validate,
  });
}

let fullLexer: Lexer | undefined;

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/** The tokens of `text`, with their lines and columns. */
export function tokenize(text: string, file: string): LexResult {
  fullLexer ??= createLexer("full", false);
  const result = fullLexer.tokenize(text);
  return lexed(text, file, undefined, { tokens: result.tokens, comments: result.groups["comments"] ?? [], errors: result.errors });
}

/**
 * The tokens of `text` with offsets only, for the parser; `lines` places the comments and
 * diagnostics (and, while it is the line index in use, the parser's nodes).
 */
export function tokenizeOffsets(text: string, file: string, lines: LineIndex): LexResult {
  return lexed(text, file, lines, scanTokens(text));
}

/** What a lexer found, with its errors placed: where the lexer gave no lines, `lines` places them. */
interface Scanned {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly errors: readonly { readonly offset: number; readonly length: number; readonly line?: number | undefined; readonly column?: number | undefined }[];
}

function lexed(text: string, file: string, lines: LineIndex | undefined, result: Scanned): LexResult {
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const start = lines?.positionAt(error.offset);
    const line = error.line ?? start?.line ?? 1;
    const column = error.column ?? start?.column ?? 1;
    diagnostics.push({
      code: SyntaxCode.unexpectedCharacter,
      severity: "error",
      message: unexpectedCharactersMessage(text.slice(error.offset, error.offset + error.length)),
      file,
      range: { start: { offset: error.offset, line, column }, end: { offset: error.offset + error.length, line, column: column + error.length } },
    });
  }
  const comments: Comment[] = [];
  for (const token of result.comments) {
    const range = tokenRange(token);
    if (token.tokenType === UnterminatedBlockComment) {
      const end = { offset: range.start.offset + 2, line: range.start.line, column: range.start.column + 2 };
      diagnostics.push({ code: SyntaxCode.unterminatedComment, severity: "error", message: UNTERMINATED_COMMENT_MESSAGE, file, range: { start: range.start, end } });
    }
    comments.push({ kind: token.image.startsWith("//") ? "LineComment" : "BlockComment", text: token.image, range });
  }
  const openTemplates: IToken[] = [];
  for (const token of result.tokens) {
    const type = token.tokenType;
    if (type === TemplateStart) openTemplates.push(token);
    else if (type === TemplateEnd) openTemplates.pop();
    else if (type === UnterminatedString) {
      diagnostics.push({ code: SyntaxCode.unterminatedString, severity: "error", message: UNTERMINATED_STRING_MESSAGE, file, range: tokenRange(token) });
    }
  }
  for (const template of openTemplates) {
    diagnostics.push({ code: SyntaxCode.unterminatedTemplate, severity: "error", message: UNTERMINATED_TEMPLATE_MESSAGE, file, range: tokenRange(template) });
  }
  return { tokens: result.tokens, comments, diagnostics };
}

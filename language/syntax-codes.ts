/** The stable codes of lexical and syntax diagnostics (docs/rules.md describes each); their messages are in syntax-messages.ts. */
export interface DiagnosticCodeDescription {
  readonly code: string;
  readonly name: string;
  readonly summary: string;
}

/** Each lexical and syntax diagnostic's code, by what it reports. */
export const SyntaxCode = {
  unexpectedCharacter: "FM001",
  unterminatedString: "FM002",
  unterminatedComment: "FM003",
  unterminatedTemplate: "FM004",
  expectedToken: "FM101",
  unexpectedToken: "FM102",
  reservedWord: "FM103",
  unexpectedInput: "FM104",
  nestedTooDeep: "FM105",
} as const;

export type SyntaxCode = (typeof SyntaxCode)[keyof typeof SyntaxCode];

/** How deep parentheses, lists, arguments, template holes, `if`s, `not`s and blocks may nest (FM105 past it). */
export const MAX_NESTING = 64;

export const SYNTAX_CODES: readonly DiagnosticCodeDescription[] = [
  { code: SyntaxCode.unexpectedCharacter, name: "unexpected-character", summary: "A character that has no meaning in the language, outside quotes." },
  { code: SyntaxCode.unterminatedString, name: "unterminated-string", summary: "A quoted string whose closing quote is missing on its line." },
  { code: SyntaxCode.unterminatedComment, name: "unterminated-comment", summary: "A /* comment that is never closed." },
  { code: SyntaxCode.unterminatedTemplate, name: "unterminated-template", summary: "A backtick template that is never closed." },
  { code: SyntaxCode.expectedToken, name: "expected-token", summary: "Something required is missing, such as `{`, `->` or `<-`." },
  { code: SyntaxCode.unexpectedToken, name: "unexpected-token", summary: "None of the things allowed at this place starts here." },
  { code: SyntaxCode.reservedWord, name: "reserved-word", summary: "A reserved word used as the name of something declared." },
  { code: SyntaxCode.unexpectedInput, name: "unexpected-input", summary: "Text that does not belong in this block was skipped." },
  {
    code: SyntaxCode.nestedTooDeep,
    name: "nested-too-deep",
    summary: `Parentheses, lists, \`not\`s, \`if\`s and blocks nested more than ${MAX_NESTING} levels deep; the part past that was skipped.`,
  },
];

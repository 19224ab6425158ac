/** The stable codes of lexical and syntax diagnostics (docs/rules.md describes each). */
export interface DiagnosticCodeDescription {
  readonly code: string;
  readonly name: string;
  readonly summary: string;
}

export const SYNTAX_CODES: readonly DiagnosticCodeDescription[] = [
  { code: "FM001", name: "unexpected-character", summary: "A character that has no meaning in the language, outside quotes." },
  { code: "FM002", name: "unterminated-string", summary: "A quoted string whose closing quote is missing on its line." },
  { code: "FM003", name: "unterminated-comment", summary: "A /* comment that is never closed." },
  { code: "FM004", name: "unterminated-template", summary: "A backtick template that is never closed." },
  { code: "FM101", name: "expected-token", summary: "Something required is missing, such as `{`, `->` or `<-`." },
  { code: "FM102", name: "unexpected-token", summary: "None of the things allowed at this place starts here." },
  { code: "FM103", name: "reserved-word", summary: "A reserved word used as the name of something declared." },
  { code: "FM104", name: "unexpected-input", summary: "Text that does not belong in this block was skipped." },
];

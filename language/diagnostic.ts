import type { Range } from "./location.js";

export type Severity = "error" | "warning" | "info";

/** A replacement of a range of one file's text. */
export interface TextEdit {
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
}

/** A change that resolves a diagnostic, offered by the editor as a quick fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * A problem found in a mapping. `code` is stable across releases (docs/rules.md lists every code);
 * `message` is written for a mapping specialist, not for a programmer.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

export function compareDiagnostics(left: Diagnostic, right: Diagnostic): number {
  if (left.file !== right.file) return left.file < right.file ? -1 : 1;
  if (left.range.start.offset !== right.range.start.offset) return left.range.start.offset - right.range.start.offset;
  if (left.code !== right.code) return left.code < right.code ? -1 : 1;
  return left.message < right.message ? -1 : left.message > right.message ? 1 : 0;
}

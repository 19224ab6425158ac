/**
 * Our ranges count lines and columns from 1 (as editors show them); LSP counts both from 0. Both
 * count columns in UTF-16 units, so only the origin differs.
 */
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver";
import type { Position, Range } from "../../../language/location.js";

export function toLspPosition(position: Position): LspPosition {
  return { line: position.line - 1, character: position.column - 1 };
}

export function toLspRange(range: Range): LspRange {
  return { start: toLspPosition(range.start), end: toLspPosition(range.end) };
}

/** The offset of an LSP position in `text`, given the offsets at which lines start (clamped to the text). */
export function offsetOf(lineStarts: readonly number[], text: string, position: LspPosition): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return text.length;
  const lineStart = lineStarts[position.line] ?? 0;
  const nextLineStart = lineStarts[position.line + 1] ?? text.length + 1;
  // The line's text ends before its line break.
  const lineEnd = nextLineStart > text.length ? text.length : nextLineStart - 1;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

/** Whether two LSP ranges share at least one position (touching counts: a cursor at a range's end is in it). */
export function rangesTouch(left: LspRange, right: LspRange): boolean {
  return !isBefore(left.end, right.start) && !isBefore(right.end, left.start);
}

function isBefore(left: LspPosition, right: LspPosition): boolean {
  return left.line < right.line || (left.line === right.line && left.character < right.character);
}

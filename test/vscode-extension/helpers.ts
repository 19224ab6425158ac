/** Test texts with markers: `‸` is the cursor, `⟦...⟧` marks ranges (both removed from the text). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Position, Range } from "vscode-languageserver";

export interface MarkedText {
  readonly text: string;
  /** Where `‸` stood, as an offset and as an LSP position. */
  readonly offset: number;
  readonly position: Position;
  /** The `⟦...⟧` ranges, in order of their opening marker. */
  readonly ranges: Range[];
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

export function marked(source: string): MarkedText {
  let text = "";
  let offset = -1;
  const opened: number[] = [];
  const spans: [number, number][] = [];
  for (const character of source) {
    if (character === "‸") offset = text.length;
    else if (character === "⟦") opened.push(text.length);
    else if (character === "⟧") spans.push([opened.pop() ?? 0, text.length]);
    else text += character;
  }
  spans.sort((left, right) => left[0] - right[0]);
  return {
    text,
    offset: offset < 0 ? text.length : offset,
    position: positionOf(text, offset < 0 ? text.length : offset),
    ranges: spans.map(([start, end]) => ({ start: positionOf(text, start), end: positionOf(text, end) })),
  };
}

export function lspRange(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function temporaryDirectory(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Test texts with markers: `‸` is the cursor, `⟦...⟧` marks ranges (both removed from the text). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Position, Range } from "vscode-languageserver";
import { analyzePackage, type PackageAnalysis } from "../../compiler/analyze.js";
import { overlayHost } from "../../compiler/host.js";

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

export const PACKAGE_FOLDER = "/virtual/pb";

/**
 * A package of in-memory files (name → text) analysed as `flitmap check` would; one file may mark
 * the cursor with `‸`. Returns the analysis, the marked file's path and text, and the cursor.
 */
export function markedPackage(files: Readonly<Record<string, string>>): {
  analysis: PackageAnalysis;
  file: string;
  text: string;
  offset: number;
  position: Position;
} {
  let file = "";
  let cursor: MarkedText | undefined;
  const contents = new Map<string, string>();
  for (const [name, source] of Object.entries(files)) {
    const path = `${PACKAGE_FOLDER}/${name}`;
    if (source.includes("‸")) {
      cursor = marked(source);
      file = path;
      contents.set(path, cursor.text);
    } else contents.set(path, source);
  }
  const analysis = analyzePackage(
    [...contents.entries()].map(([path, text]) => ({ path, text })),
    { host: overlayHost(contents) },
  );
  return { analysis, file, text: cursor?.text ?? "", offset: cursor?.offset ?? 0, position: cursor?.position ?? { line: 0, character: 0 } };
}

/** Applies edits (our ranges, with offsets) to a text. */
export function applyEdits(text: string, edits: readonly { range: { start: { offset: number }; end: { offset: number } }; newText: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((left, right) => right.range.start.offset - left.range.start.offset)) {
    result = result.slice(0, edit.range.start.offset) + edit.newText + result.slice(edit.range.end.offset);
  }
  return result;
}

/** Applies LSP edits (line/character ranges) to a text. */
export function applyLspEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) lineStarts.push(index + 1);
  const offset = (position: Position): number => (lineStarts[position.line] ?? text.length) + position.character;
  let result = text;
  for (const edit of [...edits].sort((left, right) => offset(right.range.start) - offset(left.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

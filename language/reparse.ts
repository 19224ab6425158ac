/**
 * Parsing a file again after an edit, as the editor does at every keystroke: the new text is
 * lexed whole (lexing is a fifth of parsing), but only the top-level declarations the edit touches
 * are parsed again; those before it are kept as they are, and those after it are the previous
 * parse's, moved by the edit's length and lines. The result is the tree and the diagnostics a full
 * `parse` of the new text gives (test/language/reparse.test.ts compares the two over random edits
 * of real files), so the parse falls back to a full one whenever that cannot be shown:
 *
 * - the region starts at the declaration the edit starts in, where the parser is between
 *   declarations in both parses, with the tokens before it as they were;
 * - it ends before the first declaration of the previous parse, at or after the edit, that the
 *   region's own parse reaches between declarations (parseDocument's `stopOffsets`): from there on
 *   the parser reads the same tokens in the same state as before, so it builds the same nodes;
 * - the previous parse had no diagnostic outside the region (errors change the parser's recovery
 *   and what it says; a file with one somewhere else is parsed whole);
 * - the declarations kept after the region start on lines of their own, so their columns stay;
 * - the text after the region lexes into the same tokens (an unclosed comment or string in the
 *   region would swallow them).
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { LexResult } from "./lexer.js";
import { tokenizeOffsets } from "./lexer.js";
import { LineIndex } from "./line-index.js";
import type { Position } from "./location.js";
import { documentOf, endOf, parseLexed, syntaxDiagnostics, type ParseResult } from "./parse.js";
import { getParser } from "./parser.js";
import { placed, useLineIndex } from "./tree-parser.js";
import { CHILD_KEYS, isNode } from "./visit.js";

/** A parse that can be redone incrementally: the text parsed and where its tokens start. */
export interface IncrementalParse extends ParseResult {
  readonly text: string;
  readonly tokenStarts: Int32Array;
}

const START: Position = { offset: 0, line: 1, column: 1 };

function tokenStartsOf(tokens: readonly IToken[]): Int32Array {
  const starts = new Int32Array(tokens.length);
  for (let index = 0; index < tokens.length; index++) starts[index] = tokens[index]?.startOffset ?? 0;
  return starts;
}

/** The index of the token starting at `offset`, or -1. */
function tokenAt(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = starts[middle] ?? 0;
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function withLines<Result>(text: string, work: (lines: LineIndex) => Result): Result {
  const lines = new LineIndex(text);
  useLineIndex(lines);
  try {
    return work(lines);
  } finally {
    useLineIndex(undefined);
  }
}

/** A full parse, kept for the next `reparse`. */
export function parseIncrementally(text: string, file: string): IncrementalParse {
  return withLines(text, (lines) => fullParse(text, file, lines, tokenizeOffsets(text, file, lines)));
}

function fullParse(text: string, file: string, lines: LineIndex, lexed: LexResult): IncrementalParse {
  return { ...parseLexed(text, file, lines, lexed), text, tokenStarts: tokenStartsOf(lexed.tokens) };
}

/** The parse of `text`, a new version of the text `previous` parsed (same file). */
export function reparse(previous: IncrementalParse, text: string): IncrementalParse {
  if (text === previous.text) return previous;
  const file = previous.document.file;
  return withLines(text, (lines) => {
    const lexed = tokenizeOffsets(text, file, lines);
    return spliced(previous, text, lines, lexed) ?? fullParse(text, file, lines, lexed);
  });
}

/** Where the old and the new text differ: `[start, oldEnd)` of the old became `[start, newEnd)`. */
function editOf(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

function spliced(previous: IncrementalParse, text: string, lines: LineIndex, lexed: LexResult): IncrementalParse | undefined {
  const old = previous.document.declarations;
  const edit = editOf(previous.text, text);
  const delta = text.length - previous.text.length;
  // The region starts at the last declaration starting at or before the edit (at the file's first token before any).
  let first = -1;
  for (let index = 0; index < old.length && (old[index]?.range.start.offset ?? 0) <= edit.start; index++) first = index;
  const regionStart = first < 0 ? 0 : (old[first]?.range.start.offset ?? 0);
  const newStarts = tokenStartsOf(lexed.tokens);
  const fromToken = first < 0 ? 0 : tokenAt(newStarts, regionStart);
  if (fromToken < 0) return undefined;
  const oldDiagnostics = previous.diagnostics;
  if (oldDiagnostics.some((diagnostic) => diagnostic.range.start.offset < regionStart)) return undefined;
  const lastDiagnosticEnd = oldDiagnostics.reduce((end, diagnostic) => Math.max(end, diagnostic.range.end.offset), 0);

  // Where the region may end: declarations after the edit and after every old diagnostic, on lines of their own.
  const stops = new Map<number, number>();
  for (let index = first + 1; index < old.length; index++) {
    const oldStart = old[index]?.range.start.offset ?? 0;
    if (oldStart < edit.oldEnd || oldStart < lastDiagnosticEnd) continue;
    const newStart = oldStart + delta;
    if (text.lastIndexOf("\n", newStart - 1) + 1 < edit.newEnd) continue;
    stops.set(newStart, index);
  }

  const parser = getParser();
  const region = placed(parser.parseDocument(lexed.tokens, { from: fromToken, stopOffsets: new Set(stops.keys()) }), START);
  const stoppedAt = parser.stoppedAt;
  const diagnostics = syntaxDiagnostics(parser, lexed, previous.document.file, endOf(text, lines));
  parser.release();

  let kept: A.Declaration[] = [];
  if (stoppedAt !== undefined) {
    const index = stops.get(stoppedAt) ?? -1;
    const oldToken = tokenAt(previous.tokenStarts, stoppedAt - delta);
    const newToken = tokenAt(newStarts, stoppedAt);
    if (index < 0 || oldToken < 0 || !sameTokensAfter(previous.tokenStarts, oldToken, newStarts, newToken, delta)) return undefined;
    const lineDelta = lines.positionAt(stoppedAt).line - (old[index]?.range.start.line ?? 0);
    const move = (position: Position): Position => ({ offset: position.offset + delta, line: position.line + lineDelta, column: position.column });
    kept = old.slice(index).map((declaration) => movedNode(declaration, move));
  }
  const declarations = [...old.slice(0, Math.max(first, 0)), ...region, ...kept];
  const document = documentOf(previous.document.file, text, endOf(text, lines), declarations, lexed.comments);
  return { document, diagnostics, text, tokenStarts: newStarts };
}

/** Whether the tokens from `oldFrom` of the old text start where those from `newFrom` of the new one do, moved by `delta`. */
function sameTokensAfter(oldStarts: Int32Array, oldFrom: number, newStarts: Int32Array, newFrom: number, delta: number): boolean {
  if (oldStarts.length - oldFrom !== newStarts.length - newFrom) return false;
  for (let index = 0; oldFrom + index < oldStarts.length; index++) {
    if ((oldStarts[oldFrom + index] ?? 0) + delta !== newStarts[newFrom + index]) return false;
  }
  return true;
}

/**
 * A copy of a node with every position moved. A node's positions are those of its `range` and
 * of its children (the keys visit.ts's CHILD_KEYS lists, which test/language/visit.test.ts keeps
 * complete); its other values are names and literals, copied as they are.
 */
function movedNode<Node extends A.Node>(node: Node, move: (position: Position) => Position): Node {
  const copy = { ...node, range: { start: move(node.range.start), end: move(node.range.end) } };
  for (const key of CHILD_KEYS[node.kind]) {
    const child: unknown = Reflect.get(node, key);
    if (Array.isArray(child)) {
      Reflect.set(
        copy,
        key,
        child.map((item: unknown) => (isNode(item) ? movedNode(item, move) : item)),
      );
    } else if (isNode(child)) {
      Reflect.set(copy, key, movedNode(child, move));
    }
  }
  return copy;
}

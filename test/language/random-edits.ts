/**
 * Random edits a user might make, for the tests that compare what the editor computes after an
 * edit (reparse, the cached analysis) with what a full parse or analysis of the new text gives.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SYNTAX_FRAGMENTS } from "./arbitraries.js";

/** The `.flitmap` files under `folder`, sorted. */
export function flitmapFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".flitmap"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A small deterministic generator (mulberry32), so a failure names an edit that can be replayed. */
export function randomOf(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (((value ^ (value >>> 14)) >>> 0) % below) | 0;
  };
}

const TYPED = [...SYNTAX_FRAGMENTS, "a", "x_field", " ", "\n", "\n\n", '"', "`", "/*", "*/", "//", "{\n", "}\n", "  name <- col | trim\n"];

/** One edit a user might make at a random place: what replaces what. */
export function randomEdit(text: string, random: (below: number) => number): string {
  const at = random(text.length + 1);
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at) + 1;
  switch (random(6)) {
    case 0: // a character or fragment typed
      return text.slice(0, at) + (TYPED[random(TYPED.length)] ?? "") + text.slice(at);
    case 1: // a few characters deleted
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + random(4)));
    case 2: // the line deleted
      return text.slice(0, lineStart) + text.slice(lineEnd);
    case 3: // the line duplicated
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 4: {
      // a piece of the file pasted here
      const from = random(text.length + 1);
      return text.slice(0, at) + text.slice(from, Math.min(text.length, from + random(200))) + text.slice(at);
    }
    default: // a selection replaced by a fragment
      return text.slice(0, at) + (TYPED[random(TYPED.length)] ?? "") + text.slice(Math.min(text.length, at + random(40)));
  }
}

/**
 * `reparse` (the editor's parse after a keystroke) gives exactly what a full `parse` of the new
 * text gives, tree and diagnostics, over random edits of the shipped mappings and the test
 * fixtures: typing and deleting characters, lines and syntax fragments, pasting a piece of the
 * file elsewhere, breaking a block and mending it. Each file takes a run of edits, each made on
 * the result of the last, so edits also land on text that already has errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { parseIncrementally, reparse, type IncrementalParse } from "../../language/reparse.js";
import { SYNTAX_FRAGMENTS } from "./arbitraries.js";

const ROOT = join(import.meta.dirname, "../..");
const EDITS_PER_FILE = 60;
/** The reproductions of pathological files (test/fixtures/repros) take a few edits: each is a full parse and a deep comparison. */
const EDITS_PER_REPRO = 4;

function flitmapFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".flitmap"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const FILES = [...flitmapFiles(join(ROOT, "mappings")), ...flitmapFiles(join(ROOT, "test/fixtures"))];

/** A small deterministic generator (mulberry32), so a failure names an edit that can be replayed. */
function randomOf(seed: number): (below: number) => number {
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
function randomEdit(text: string, random: (below: number) => number): string {
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

describe("reparse after an edit", () => {
  let spliced = 0;
  let edits = 0;

  it.each(FILES.map((path) => [relative(ROOT, path), path]))("equals a full parse over random edits of %s", (_name, path) => {
    const original = readFileSync(path, "utf8");
    const random = randomOf(original.length);
    let current: IncrementalParse = parseIncrementally(original, path);
    const count = path.includes("/repros/") ? EDITS_PER_REPRO : EDITS_PER_FILE;
    for (let edit = 0; edit < count; edit++) {
      // Every third edit goes back to the original text: an error mended, as the editor's undo does.
      const text = edit % 3 === 2 ? original : randomEdit(current.text, random);
      const next = reparse(current, text);
      const full = parse(text, path);
      expect({ edit, document: next.document, diagnostics: next.diagnostics }).toEqual({ edit, document: full.document, diagnostics: full.diagnostics });
      edits++;
      const firstKept = current.document.declarations[0];
      if (firstKept !== undefined && next.document.declarations[0] === firstKept) spliced++;
      current = next;
    }
  });

  it("parses only the declarations an edit touches in most of those edits", () => {
    // The first declaration kept as the same object means the region began after it.
    expect(edits).toBeGreaterThan(FILES.length * EDITS_PER_REPRO);
    console.log(`reparse: ${spliced} of ${edits} edits kept the first declaration`);
    expect(spliced / edits).toBeGreaterThan(0.3);
  });
});

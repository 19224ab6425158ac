/**
 * `reparse` (the editor's parse after a keystroke) gives exactly what a full `parse` of the new
 * text gives, tree and diagnostics, over random edits of the shipped mappings and the test
 * fixtures: typing and deleting characters, lines and syntax fragments, pasting a piece of the
 * file elsewhere, breaking a block and mending it. Each file takes a run of edits, each made on
 * the result of the last, so edits also land on text that already has errors.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { parseIncrementally, reparse, type IncrementalParse } from "../../language/reparse.js";
import { flitmapFiles, randomEdit, randomOf } from "./random-edits.js";

const ROOT = join(import.meta.dirname, "../..");
const EDITS_PER_FILE = 60;
/** The reproductions of pathological files (test/fixtures/repros) take a few edits: each is a full parse and a deep comparison. */
const EDITS_PER_REPRO = 4;

const FILES = [...flitmapFiles(join(ROOT, "mappings")), ...flitmapFiles(join(ROOT, "test/fixtures"))];

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

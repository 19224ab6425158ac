/**
 * The language server analyses a package after each edit with the parses of its last analysis
 * (ParseCache: only the declarations an edit touched are parsed again, language/reparse.ts) and
 * the facts kept per syntax tree (document-facts.ts). Over random edits of real packages, each
 * analysis made that way must report exactly what a full analysis of the same text reports.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzePackage, ParseCache, type SourceFile } from "../../compiler/analyze.js";
import { flitmapFiles, randomEdit, randomOf } from "../language/random-edits.js";

const ROOT = join(import.meta.dirname, "../..");

const PACKAGES: readonly { readonly folder: string; readonly edits: number }[] = [
  { folder: "mappings/perfectbooks-to-odoo", edits: 40 },
  { folder: "mappings/perfectview-to-odoo", edits: 40 },
  { folder: "test/fixtures/repros/expect-bare-name", edits: 15 },
  { folder: "test/fixtures/repros/deep-parens-200", edits: 8 },
];

describe("an analysis after an edit, with the editor's caches", () => {
  it.each(PACKAGES)("reports what a full analysis reports, over random edits of $folder", ({ folder, edits }) => {
    const paths = flitmapFiles(join(ROOT, folder)).filter((path) => dirname(path) === join(ROOT, folder));
    const originals: SourceFile[] = paths.map((path) => ({ path, text: readFileSync(path, "utf8") }));
    const random = randomOf(originals.reduce((total, file) => total + file.text.length, 0));
    const cache = new ParseCache();
    let current = originals;
    for (let edit = 0; edit < edits; edit++) {
      const changed = random(current.length);
      // Every third edit puts the file back as it was: an error mended.
      current = current.map((file, index) =>
        index !== changed ? file : { path: file.path, text: edit % 3 === 2 ? (originals[index]?.text ?? "") : randomEdit(file.text, random) },
      );
      const incremental = analyzePackage(current, { parseCache: cache });
      const full = analyzePackage(current);
      expect({ edit, file: relative(ROOT, paths[changed] ?? ""), diagnostics: incremental.diagnostics }).toEqual({
        edit,
        file: relative(ROOT, paths[changed] ?? ""),
        diagnostics: full.diagnostics,
      });
    }
  });
});

/**
 * The language server's parse cache: a re-check reuses the syntax tree of every file whose text is
 * unchanged and parses an edited one again, with diagnostics identical to a check without it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzePackage, ParseCache, type SourceFile } from "../../compiler/analyze.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const files: SourceFile[] = readdirSync(PACKAGE)
  .filter((name) => name.endsWith(".flitmap"))
  .sort()
  .map((name) => ({ path: join(PACKAGE, name), text: readFileSync(join(PACKAGE, name), "utf8") }));

function withEdit(path: string, edit: (text: string) => string): SourceFile[] {
  return files.map((file) => (file.path === path ? { path, text: edit(file.text) } : file));
}

describe("a parse cache", () => {
  it("reuses the trees of unchanged files and parses an edited one again", () => {
    const cache = new ParseCache();
    const first = analyzePackage(files, { parseCache: cache });
    const edited = files.find((file) => file.path.endsWith("deals.flitmap"));
    if (edited === undefined) throw new Error("the package has no deals.flitmap");
    const second = analyzePackage(
      withEdit(edited.path, (text) => text.replace("name             <-", "name             ")),
      { parseCache: cache },
    );
    expect(cache.size).toBe(files.length);
    for (const [index, file] of second.files.entries()) {
      if (file.path === edited.path) expect(file.document).not.toBe(first.files[index]?.document);
      else expect(file.document).toBe(first.files[index]?.document);
    }
  });

  it("gives the diagnostics a check without it gives, through an edit and its undo", () => {
    const cache = new ParseCache();
    const deals = files.find((file) => file.path.endsWith("deals.flitmap"));
    if (deals === undefined) throw new Error("the package has no deals.flitmap");
    const broken = withEdit(deals.path, (text) => text.replace("expected_revenue", "planned_revenue"));
    for (const version of [files, broken, files, broken]) {
      const cached = analyzePackage(version, { parseCache: cache }).diagnostics;
      expect(cached).toEqual(analyzePackage(version).diagnostics);
    }
    expect(analyzePackage(broken, { parseCache: cache }).diagnostics.map((diagnostic) => diagnostic.code)).toContain("FM402");
  });
});

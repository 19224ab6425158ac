/**
 * A corpus of broken packages (test/compiler/corpus/<case>/), each with the exact diagnostics
 * `flitmap check` must give (expected.txt), together covering every diagnostic code.
 * FLITMAP_UPDATE_GOLDEN=1 rewrites expected.txt: review the diff before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { RULES } from "../../compiler/rules/index.js";
import { SYNTAX_CODES } from "../../language/syntax-codes.js";

const CORPUS = join(import.meta.dirname, "corpus");
const UPDATE = process.env["FLITMAP_UPDATE_GOLDEN"] === "1";

function diagnosticsOf(directory: string): string {
  return analyzeDirectory(directory)
    .diagnostics.map((diagnostic) => {
      const fixes = (diagnostic.fixes ?? []).map((fix) => `\n    fix: ${fix.title}`).join("");
      return `${relative(directory, diagnostic.file)}:${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}${fixes}`;
    })
    .join("\n")
    .concat("\n");
}

describe("the corpus of broken packages", () => {
  const cases = readdirSync(CORPUS).sort();
  const seen = new Set<string>();
  for (const name of cases) {
    it(`${name} gives exactly its expected diagnostics`, () => {
      const directory = join(CORPUS, name);
      const actual = diagnosticsOf(directory);
      const expectedPath = join(directory, "expected.txt");
      if (UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
      for (const match of actual.matchAll(/ (FM\d{3}) /g)) if (match[1] !== undefined) seen.add(match[1]);
    });
  }

  it("covers every diagnostic code", () => {
    const all = [...SYNTAX_CODES.map((code) => code.code), ...RULES.map((rule) => rule.code), "FM901"];
    expect(all.filter((code) => !seen.has(code))).toEqual([]);
  });
});

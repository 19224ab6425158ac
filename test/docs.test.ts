/**
 * The documentation is part of the product: its generated parts are current, and every piece of
 * .flitmap it shows parses without a syntax error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTINS } from "../compiler/builtins.js";
import { RULES } from "../compiler/rules/index.js";
import { parse } from "../language/parse.js";
import { renderBuiltinsSection, renderPlanJsonSchema, renderRulesPage, replaceGeneratedSection } from "../scripts/docs-render.js";

const ROOT = join(import.meta.dirname, "..");
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

function codeBlocks(markdown: string): { language: string; code: string; line: number }[] {
  const blocks: { language: string; code: string; line: number }[] = [];
  const pattern = /^```([\w-]*)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(pattern)) {
    blocks.push({ language: match[1] ?? "", code: match[2] ?? "", line: markdown.slice(0, match.index).split("\n").length });
  }
  return blocks;
}

describe("documentation", () => {
  it("docs/rules.md, docs/plan.schema.json and the built-ins of docs/language.md are generated from the code (npx tsx scripts/build-docs.ts)", () => {
    expect(read("docs/rules.md")).toBe(renderRulesPage());
    expect(read("docs/plan.schema.json")).toBe(renderPlanJsonSchema());
    const language = read("docs/language.md");
    expect(replaceGeneratedSection(language, "builtins", renderBuiltinsSection())).toBe(language);
    for (const rule of RULES) expect(read("docs/rules.md")).toContain(`### ${rule.code} ${rule.name}`);
    for (const builtin of BUILTINS) expect(language).toContain(`#### \`${builtin.name}\``);
  });

  for (const document of ["README.md", "docs/language.md", "docs/rules.md", "mappings/perfectbooks-to-odoo/README.md"]) {
    it(`every .flitmap example in ${document} parses`, () => {
      const problems: string[] = [];
      const blocks = codeBlocks(read(document)).filter((block) => block.language === "flitmap" || block.language === "flitmap-body");
      for (const block of blocks) {
        const text = block.language === "flitmap-body" ? `map Example -> res.partner {\n${block.code}}\n` : block.code;
        for (const diagnostic of parse(text).diagnostics) problems.push(`${document}:${block.line}: ${diagnostic.code} ${diagnostic.message} in\n${block.code}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

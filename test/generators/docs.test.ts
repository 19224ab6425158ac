import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXPORTS_MD, generatedSections, renderExports } from "../../mappings/generators/docs.js";
import { PB_LAYOUTS } from "../../mappings/generators/perfectbooks-layout.js";
import { PV_LAYOUTS } from "../../mappings/generators/perfectview-layout.js";

describe("EXPORTS.md", () => {
  const markdown = readFileSync(EXPORTS_MD, "utf8");

  it("is up to date with the generators' layouts and rates (npx tsx mappings/generators/docs.ts)", () => {
    expect(renderExports(markdown)).toBe(markdown);
  });

  it("documents every file with its exact header row", () => {
    for (const layout of PB_LAYOUTS) expect(markdown).toContain(`\n${layout.columns.map((c) => c.header).join(",")}\n`);
    for (const layout of PV_LAYOUTS) expect(markdown).toContain(`\n${layout.columns.map((c) => `"${c.header}"`).join(";")}\n`);
    expect(Object.keys(generatedSections())).toHaveLength(6);
  });
});

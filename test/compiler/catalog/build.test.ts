import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalogTexts, CATALOGS_DIR, recordedSeries } from "../../../scripts/build-catalogs.js";
import { listShippedSeries, parseSchemaText } from "../../../compiler/catalog/index.js";

describe("scripts/build-catalogs.ts", () => {
  it("reproduces the committed catalogs byte for byte from the recordings", () => {
    const texts = buildCatalogTexts();
    expect([...texts.keys()]).toEqual(["odoo-17.0.json", "odoo-18.0.json", "odoo-19.0.json"]);
    for (const [fileName, text] of texts) {
      // toBe on megabytes prints useless diffs; compare, then say which file is stale.
      const committed = readFileSync(join(CATALOGS_DIR, fileName), "utf8");
      expect(committed === text, `${fileName} is stale: run npx tsx scripts/build-catalogs.ts`).toBe(true);
    }
  });

  it("gives the same text twice, and text the loader accepts", () => {
    const first = buildCatalogTexts();
    const second = buildCatalogTexts();
    expect(second).toEqual(first);
    const text = first.get("odoo-19.0.json") ?? "";
    const result = parseSchemaText(text, "odoo-19.0.json");
    expect("schema" in result && result.schema.serie).toBe("19.0");
  });

  it("builds one catalog per recorded serie, and ships exactly those", () => {
    expect(recordedSeries()).toEqual(listShippedSeries());
  });
});

/**
 * The shipped catalogs load without validation at every start (compiler/catalog/load.ts), so
 * this test validates them: each file must pass the schema file format's validation and load as
 * exactly what that validation returns.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listShippedSeries, loadSchemaFile, loadShippedCatalog, shippedCatalogDirectory } from "../../../compiler/catalog/load.js";
import { OdooSchema } from "../../../compiler/catalog/schema.js";

describe("the shipped catalogs", () => {
  it.each(listShippedSeries())("%s passes the schema's validation and loads as what it validates to", (serie) => {
    const path = join(shippedCatalogDirectory(), `odoo-${serie}.json`);
    const validated = OdooSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    expect(validated.error?.issues ?? []).toEqual([]);
    const checked = loadSchemaFile(path);
    expect("schema" in checked ? checked.schema : checked.error).toEqual(validated.data);
    expect(loadShippedCatalog(serie)).toEqual(validated.data);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatJsonPath, loadSchemaFile, loadShippedCatalog, parseSchemaText, stableJson } from "../../../compiler/catalog/index.js";
import type { OdooSchema } from "../../../compiler/catalog/index.js";

const directory = mkdtempSync(join(tmpdir(), "flitmap-schema-file-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeSchema(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function smallSchema(): OdooSchema {
  return {
    format: 1,
    origin: "server",
    serie: "17.0",
    serverVersion: "17.0-20240709",
    notes: [],
    modules: [{ name: "crm", application: true }],
    models: {
      "crm.lead": {
        name: "crm.lead",
        label: "Lead/Opportunity",
        transient: false,
        custom: false,
        modules: ["crm"],
        fields: {
          name: {
            name: "name",
            type: "char",
            label: "Opportunity",
            required: true,
            readonly: false,
            store: true,
            hasDefault: false,
            custom: false,
            writability: { writable: "yes", reason: "not read-only: the API writes it" },
          },
        },
      },
    },
    references: {},
  };
}

describe("schema files", () => {
  it("loads a valid file written by stableJson", () => {
    const path = writeSchema("good.json", stableJson(smallSchema()));
    const result = loadSchemaFile(path);
    expect(result).toEqual({ schema: smallSchema() });
  });

  it("accepts a file starting with a byte order mark", () => {
    const path = writeSchema("bom.json", `\uFEFF${stableJson(smallSchema())}`);
    expect("schema" in loadSchemaFile(path)).toBe(true);
  });

  it("names the file, the JSON path and the line of a bad value", () => {
    const text = stableJson(smallSchema()).replace('"type": "char"', '"type": "chars"').replace('"type":"char"', '"type":"chars"');
    const path = writeSchema("bad-type.json", text);
    const result = loadSchemaFile(path);
    expect("error" in result).toBe(true);
    if (!("error" in result)) return;
    const line = text.split("\n").findIndex((row) => row.includes('"chars"')) + 1;
    expect(result.error).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}:\\d+: not a valid Flitmap schema file: `));
    expect(result.error).toContain('models["crm.lead"].fields.name.type: ');
    expect(result.error).toMatch(/pull the schema again or fix the file$/);
    expect(result.location?.jsonPath).toBe('models["crm.lead"].fields.name.type');
    expect(result.location?.line).toBe(line);
  });

  it("reports a missing property by its path", () => {
    const schema = smallSchema() as unknown as { models: Record<string, { fields: Record<string, Record<string, unknown>> }> };
    delete schema.models["crm.lead"]?.fields["name"]?.["writability"];
    const result = parseSchemaText(JSON.stringify(schema), "odoo-schema.json");
    expect("error" in result && result.error).toContain('models["crm.lead"].fields.name.writability: ');
    expect("error" in result && result.error).toMatch(/^odoo-schema\.json:1:\d+: /);
  });

  it("points at the line and column of a JSON syntax error", () => {
    const result = parseSchemaText('{\n  "format": 1,\n  "origin": }\n', "broken.json");
    expect("error" in result && result.error).toMatch(/^broken\.json:3:13: not valid JSON \(/);
    expect("error" in result && result.location).toEqual({ line: 3, column: 13 });
  });

  it("tells a file of another format version apart from a damaged one", () => {
    const result = parseSchemaText(JSON.stringify({ ...smallSchema(), format: 2 }), "future.json");
    expect(result).toEqual({
      error: "future.json: schema file format 2, this Flitmap reads format 1; pull the schema again with this version",
      location: { jsonPath: "format" },
    });
  });

  it("says when the file does not exist and how to create it", () => {
    const path = join(directory, "missing.json");
    expect(loadSchemaFile(path)).toEqual({
      error: `${path}: cannot read the schema file (no such file); check the path, or run flitmap schema pull to create it`,
    });
  });

  it("round-trips a shipped catalog through stableJson unchanged", () => {
    const catalog = loadShippedCatalog("17.0");
    const result = parseSchemaText(stableJson(catalog), "copy.json");
    expect("schema" in result && result.schema).toEqual(catalog);
  });

  it("writes JSON paths the way a reader would", () => {
    expect(formatJsonPath(["models", "crm.lead", "fields", "name", "selection", 0, "value"])).toBe('models["crm.lead"].fields.name.selection[0].value');
    expect(formatJsonPath([])).toBe("(the top level)");
  });
});

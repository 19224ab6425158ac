import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CONSTRAINT_FACTS,
  FIELD_CHANGES,
  READONLY_COLUMNS,
  STORED_COMPUTES,
  compareSeries,
  fieldConstraints,
  findField,
  listShippedSeries,
  loadShippedCatalog,
} from "../../../compiler/catalog/index.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function responseText(evidence: string): string {
  const base = join(repoRoot, evidence);
  // XML-RPC captures end in .response.xml, JSON-2 ones in .response.json.
  for (const suffix of [".response.xml", ".response.json"]) {
    try {
      return readFileSync(base + suffix, "utf8");
    } catch {
      continue;
    }
  }
  throw new Error(`${evidence}: no recorded response`);
}

describe("curated constraint facts", () => {
  it("are each proven by recordings that contain Odoo's message", () => {
    for (const fact of CONSTRAINT_FACTS) {
      expect(fact.evidence.length).toBeGreaterThan(0);
      for (const evidence of fact.evidence) expect(responseText(evidence)).toContain(fact.odooMessage);
    }
  });

  it("are about fields every catalog has, which fields_get does not mark required", () => {
    for (const fact of CONSTRAINT_FACTS) {
      for (const serie of listShippedSeries()) {
        const field = findField(loadShippedCatalog(serie), fact.model, fact.field);
        expect(field, `${serie} ${fact.model}.${fact.field}`).toBeDefined();
        expect(field?.required).toBe(false);
      }
    }
  });

  it("give crm.lead.probability its 0-100 range", () => {
    expect(fieldConstraints("crm.lead", "probability")).toMatchObject([{ kind: "range", min: 0, max: 100 }]);
    expect(fieldConstraints("crm.lead", "name")).toEqual([]);
  });
});

describe("curated read-only columns and stored computes", () => {
  it("are about stored fields every catalog has", () => {
    for (const entry of [...READONLY_COLUMNS, ...STORED_COMPUTES]) {
      for (const serie of listShippedSeries()) {
        expect(findField(loadShippedCatalog(serie), entry.model, entry.field)?.store, `${serie} ${entry.model}.${entry.field}`).toBe(true);
      }
    }
  });

  it("name as stored computes only fields the catalogs cannot tell apart (read-only and stored)", () => {
    for (const entry of STORED_COMPUTES) {
      for (const serie of listShippedSeries()) {
        expect(findField(loadShippedCatalog(serie), entry.model, entry.field)?.writability.writable, `${serie} ${entry.model}.${entry.field}`).toBe("unknown");
      }
    }
  });
});

describe("curated field renames", () => {
  it("match the catalogs: the old name is gone and the successor exists from `since` on", () => {
    for (const change of FIELD_CHANGES) {
      for (const serie of listShippedSeries()) {
        const schema = loadShippedCatalog(serie);
        if (compareSeries(serie, change.since) >= 0) {
          expect(findField(schema, change.model, change.from), `${serie} ${change.model}.${change.from}`).toBeUndefined();
          if (change.to !== undefined) expect(findField(schema, change.model, change.to), `${serie} ${change.model}.${change.to}`).toBeDefined();
        } else {
          expect(findField(schema, change.model, change.from), `${serie} ${change.model}.${change.from}`).toBeDefined();
        }
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { deriveWritability, findField, listShippedSeries, loadShippedCatalog } from "../../../compiler/catalog/index.js";
import type { IrModelFieldsRow } from "../../../compiler/catalog/index.js";

// crm.lead.date_closed as fields_get describes it in every recording: readonly, stored.
const dateClosed = { readonly: true, store: true } as const;

function baseRow(name: string, overrides: Partial<IrModelFieldsRow> = {}): IrModelFieldsRow {
  // What ir.model.fields holds for a base field: compute and depends are never filled.
  return { name, state: "base", store: true, readonly: true, related: false, compute: false, depends: false, ...overrides };
}

describe("writability", () => {
  it("is unknown for crm.lead.date_closed in the shipped catalogs, which have fields_get alone", () => {
    for (const serie of listShippedSeries()) {
      const writability = findField(loadShippedCatalog(serie), "crm.lead", "date_closed")?.writability;
      expect(writability?.writable).toBe("unknown");
      expect(writability?.reason).toContain("fields_get readonly/store cannot tell which");
    }
  });

  it("is yes for date_closed once fields_get depends says it has no compute", () => {
    expect(deriveWritability({ ...dateClosed, depends: [] }).writable).toBe("yes");
    expect(deriveWritability({ ...dateClosed, depends: [] }, baseRow("date_closed")).writable).toBe("yes");
  });

  it("stays unknown with a base ir.model.fields row alone, whose compute column Odoo leaves empty", () => {
    const writability = deriveWritability(dateClosed, baseRow("date_closed"));
    expect(writability.writable).toBe("unknown");
    expect(writability.reason).toContain("ir.model.fields leaves compute empty for every base field");
  });

  it("is no for a stored compute without inverse, naming its dependencies", () => {
    expect(deriveWritability({ readonly: true, store: true, depends: ["line_ids.balance", "state"] })).toEqual({
      writable: "no",
      reason: "stored computed field without inverse (depends on line_ids.balance, state): Odoo recomputes written values",
    });
  });

  it("decides custom fields from their ir.model.fields row, where compute is filled", () => {
    const plain: IrModelFieldsRow = { name: "x_closed_on", state: "manual", store: true, readonly: true, compute: "" };
    expect(deriveWritability({ readonly: true, store: true, manual: true }, plain).writable).toBe("yes");
    const computed: IrModelFieldsRow = { ...plain, compute: "for record in self:\n    record['x_closed_on'] = False" };
    expect(deriveWritability({ readonly: true, store: true, manual: true }, computed).writable).toBe("no");
    expect(deriveWritability({ readonly: false, store: true, manual: true }, { ...computed, readonly: false }).writable).toBe("yes");
    expect(deriveWritability({ readonly: false, store: false, manual: true }, { ...computed, readonly: false, store: false }).writable).toBe("no");
  });

  it("is yes for anything not read-only, stored or written through an inverse", () => {
    expect(deriveWritability({ readonly: false, store: true })).toEqual({ writable: "yes", reason: "not read-only: the API writes it" });
    expect(deriveWritability({ readonly: false, store: false }).writable).toBe("yes");
    expect(findField(loadShippedCatalog("17.0"), "res.users", "name")?.writability.writable).toBe("yes");
    expect(findField(loadShippedCatalog("17.0"), "crm.lead", "expected_revenue")?.writability.writable).toBe("yes");
  });

  it("is no for a read-only field that is not stored: a compute without inverse", () => {
    expect(deriveWritability({ readonly: true, store: false }).writable).toBe("no");
    expect(findField(loadShippedCatalog("17.0"), "crm.lead", "company_currency")?.writability.writable).toBe("no");
  });

  it("follows related fields: read-only ones have no inverse, editable ones write the related record", () => {
    expect(deriveWritability({ readonly: true, store: true, related: "partner_id.email" }).writable).toBe("no");
    expect(deriveWritability({ readonly: false, store: false }, baseRow("name", { related: "partner_id.name", readonly: false, store: false }))).toEqual({
      writable: "yes",
      reason: "related field (partner_id.name): a written value goes to the related record",
    });
  });

  it("is unknown for virtual fields that fields_get describes without readonly or store", () => {
    expect(deriveWritability({}).writable).toBe("unknown");
  });

  it("gives the three answers across the shipped catalogs, with a reason each time", () => {
    const counts = { yes: 0, no: 0, unknown: 0 };
    for (const model of Object.values(loadShippedCatalog("17.0").models)) {
      for (const field of Object.values(model.fields)) {
        counts[field.writability.writable] += 1;
        expect(field.writability.reason.length).toBeGreaterThan(10);
        if (field.readonly && field.store) expect(field.writability.writable).toBe("unknown");
      }
    }
    expect(counts.yes).toBeGreaterThan(0);
    expect(counts.no).toBeGreaterThan(0);
    expect(counts.unknown).toBeGreaterThan(0);
  });
});

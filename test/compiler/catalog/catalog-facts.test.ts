import { describe, expect, it } from "vitest";
import {
  findField,
  findModel,
  hasModule,
  listShippedSeries,
  loadShippedCatalog,
  referenceRecord,
  referenceRecords,
  renamedField,
  requiredFields,
  selectionValues,
  seriesHavingField,
  seriesHavingModel,
  suggestFieldNames,
  suggestModelNames,
  suggestNames,
} from "../../../compiler/catalog/index.js";

describe("shipped catalogs", () => {
  it("ships 17.0, 18.0 and 19.0, oldest first", () => {
    expect(listShippedSeries()).toEqual(["17.0", "18.0", "19.0"]);
  });

  it("loads each once and shares the frozen object", () => {
    const first = loadShippedCatalog("18.0");
    expect(loadShippedCatalog("18.0")).toBe(first);
    expect(Object.isFrozen(first.models)).toBe(true);
    expect(first.serie).toBe("18.0");
    expect(first.serverVersion).toBe("18.0-20250702");
    expect(first.origin).toBe("catalog");
  });

  it("refuses a serie it does not ship, naming the ones it does", () => {
    expect(() => loadShippedCatalog("16.0")).toThrow('No Odoo catalog for "16.0": Flitmap ships 17.0, 18.0, 19.0');
  });

  it("knows crm.lead.expected_revenue and proposes it for the seed's planned_revenue", () => {
    for (const serie of listShippedSeries()) {
      const schema = loadShippedCatalog(serie);
      expect(findField(schema, "crm.lead", "expected_revenue")?.type).toBe("monetary");
      expect(findField(schema, "crm.lead", "planned_revenue")).toBeUndefined();
      expect(suggestFieldNames(schema, "crm.lead", "planned_revenue")[0]).toBe("expected_revenue");
      expect(renamedField(schema, "crm.lead", "planned_revenue")?.since).toBe("14.0");
    }
    const leadFields = Object.keys(loadShippedCatalog("17.0").models["crm.lead"]?.fields ?? {});
    expect(suggestNames("planned_revenue", leadFields)).toContain("expected_revenue");
    expect(suggestNames("expected_revnue", leadFields)[0]).toBe("expected_revenue");
  });

  it("has res.partner.mobile in 17.0 and 18.0 only, and points 19.0 to phone", () => {
    expect(seriesHavingField("res.partner", "mobile")).toEqual(["17.0", "18.0"]);
    const schema = loadShippedCatalog("19.0");
    expect(renamedField(schema, "res.partner", "mobile")?.to).toBe("phone");
    expect(suggestFieldNames(schema, "res.partner", "mobile")[0]).toBe("phone");
  });

  it("has crm.lead.type as a required selection of lead and opportunity, defaulting to opportunity", () => {
    for (const serie of listShippedSeries()) {
      const type = findField(loadShippedCatalog(serie), "crm.lead", "type");
      expect(type?.type).toBe("selection");
      expect(type && selectionValues(type)).toEqual(["lead", "opportunity"]);
      expect(type?.required).toBe(true);
      expect(type?.default).toBe("opportunity");
    }
  });

  it("says res.partner.name is optional in fields_get yet required by a constraint", () => {
    for (const serie of listShippedSeries()) {
      const schema = loadShippedCatalog(serie);
      expect(findField(schema, "res.partner", "name")?.required).toBe(false);
      const name = requiredFields(schema, "res.partner").find((entry) => entry.field.name === "name");
      expect(name?.source).toBe("constraint");
      expect(name?.constraint?.odooMessage).toBe("Contacts require a name");
    }
    // crm.lead needs a name by the ORM flag, and has no default for it.
    const leadName = requiredFields(loadShippedCatalog("17.0"), "crm.lead").find((entry) => entry.field.name === "name");
    expect(leadName?.source).toBe("orm");
    expect(leadName?.field.hasDefault).toBe(false);
  });

  it("has res.users.groups_id up to 18.0 and group_ids from 19.0", () => {
    expect(seriesHavingField("res.users", "groups_id")).toEqual(["17.0", "18.0"]);
    expect(seriesHavingField("res.users", "group_ids")).toEqual(["19.0"]);
    expect(findField(loadShippedCatalog("19.0"), "res.users", "group_ids")?.relation).toBe("res.groups");
    expect(suggestFieldNames(loadShippedCatalog("19.0"), "res.users", "groups_id")[0]).toBe("group_ids");
  });

  it("has no helpdesk anywhere: the recordings are of Odoo Community", () => {
    expect(seriesHavingModel("helpdesk.ticket")).toEqual([]);
    expect(seriesHavingModel("crm.lead")).toEqual(["17.0", "18.0", "19.0"]);
    expect(seriesHavingModel("res.partner.title")).toEqual(["17.0", "18.0"]);
    for (const serie of listShippedSeries()) {
      const schema = loadShippedCatalog(serie);
      expect(hasModule(schema, "helpdesk")).toBe(false);
      expect(hasModule(schema, "crm")).toBe(true);
      expect(schema.modules.find((module) => module.name === "crm")?.application).toBe(true);
    }
  });

  it("suggests models for misspelt model names", () => {
    const schema = loadShippedCatalog("17.0");
    expect(suggestModelNames(schema, "res.partners")[0]).toBe("res.partner");
    expect(suggestModelNames(schema, "crm.leads")[0]).toBe("crm.lead");
    expect(findModel(schema, "crm.lead")?.label).toBe("Lead/Opportunity");
    expect(findModel(schema, "toString")).toBeUndefined();
  });

  it("keeps many2one targets, one2many inverses and many2one_reference model fields", () => {
    const schema = loadShippedCatalog("17.0");
    expect(findField(schema, "crm.lead", "stage_id")).toMatchObject({ type: "many2one", relation: "crm.stage" });
    expect(findField(schema, "crm.lead", "message_ids")).toMatchObject({ type: "one2many", relation: "mail.message", relationField: "res_id" });
    expect(findField(schema, "mail.activity", "res_id")).toMatchObject({ type: "many2one_reference", modelField: "res_model" });
    expect(findField(schema, "mail.message", "res_id")?.modelField).toBe("model");
  });

  it("keeps help texts for hovers, and drops the database-specific res.users group fields", () => {
    const schema = loadShippedCatalog("17.0");
    expect(findField(schema, "crm.lead", "partner_id")?.help).toMatch(/^Linked partner \(optional\)/);
    expect(findField(schema, "res.users", "in_group_12")).toBeUndefined();
    expect(findField(schema, "res.users", "sel_groups_2_4")).toBeUndefined();
  });

  it("keeps defaults from default_get, and tells models whose defaults are unknown", () => {
    const schema = loadShippedCatalog("17.0");
    expect(findField(schema, "res.partner", "active")).toMatchObject({ hasDefault: true, default: true });
    // default_get answers barcode: None; that is no default.
    expect(findField(schema, "res.partner", "barcode")?.hasDefault).toBe(false);
    expect(findField(schema, "crm.lead", "user_id")?.hasDefault).toBe(true);
    expect(findModel(schema, "crm.lead")?.defaultsUnknown).toBeUndefined();
  });

  it("carries reference records with their external ids", () => {
    const schema = loadShippedCatalog("17.0");
    expect(referenceRecord(schema, "crm.stage_lead4")).toEqual({
      model: "crm.stage",
      record: { xmlid: "crm.stage_lead4", id: 4, name: "Won", values: { sequence: 70, is_won: true, fold: false, team_id: false } },
    });
    expect(referenceRecords(schema, "res.country").find((country) => country.values["code"] === "NL")?.xmlid).toBe("base.nl");
    expect(referenceRecords(schema, "res.partner.industry")).toHaveLength(21);
    expect(referenceRecords(schema, "no.such.model")).toEqual([]);
    expect(referenceRecord(schema, "base.no_such_record")).toBeUndefined();
    expect(referenceRecords(loadShippedCatalog("19.0"), "res.partner.title")).toEqual([]);
  });
});

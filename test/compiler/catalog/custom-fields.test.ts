import { describe, expect, it } from "vitest";
import { customFieldProblems, findField, loadShippedCatalog, withCustomFields } from "../../../compiler/catalog/index.js";
import type { CustomFieldAddition } from "../../../compiler/catalog/index.js";

const dealScore: CustomFieldAddition = { model: "crm.lead", name: "x_deal_score", type: "integer", label: "Deal score" };

describe("custom fields from extend blocks", () => {
  it("adds them to a copy of the schema, leaving the shipped catalog untouched", () => {
    const catalog = loadShippedCatalog("17.0");
    const extended = withCustomFields(catalog, [dealScore]);
    expect(findField(extended, "crm.lead", "x_deal_score")).toEqual({
      name: "x_deal_score",
      type: "integer",
      label: "Deal score",
      required: false,
      readonly: false,
      store: true,
      hasDefault: false,
      custom: true,
      writability: { writable: "yes", reason: "custom field declared by an extend block, created before the load" },
    });
    expect(findField(catalog, "crm.lead", "x_deal_score")).toBeUndefined();
    // Untouched models are shared, not copied.
    expect(extended.models["res.partner"]).toBe(catalog.models["res.partner"]);
    expect(findField(extended, "crm.lead", "name")).toBe(findField(catalog, "crm.lead", "name"));
  });

  it("keeps a field the server already has as the server describes it", () => {
    const pulled = withCustomFields(loadShippedCatalog("17.0"), [{ ...dealScore, label: "Score (server)" }]);
    const again = withCustomFields(pulled, [dealScore]);
    expect(findField(again, "crm.lead", "x_deal_score")?.label).toBe("Score (server)");
  });

  it("accepts a well-formed declaration", () => {
    const schema = loadShippedCatalog("18.0");
    expect(
      customFieldProblems(schema, [
        dealScore,
        { model: "res.partner", name: "x_pv_roles", type: "many2many", label: "Roles", relation: "res.partner.category" },
        { model: "crm.lead", name: "x_source_system", type: "selection", label: "Source", selection: [{ value: "pb", label: "Perfect Books" }] },
      ]),
    ).toEqual([]);
  });

  it("reports what Odoo would refuse, saying what to do", () => {
    const schema = loadShippedCatalog("17.0");
    const messages = customFieldProblems(schema, [
      { ...dealScore, name: "deal_score" },
      { ...dealScore, name: "x_Deal-Score" },
      { ...dealScore, model: "helpdesk.ticket" },
      { ...dealScore, name: "x_notes", type: "properties" },
      { ...dealScore, name: "x_owner", type: "many2one" },
      { ...dealScore, name: "x_desk", type: "many2one", relation: "helpdesk.team" },
      { ...dealScore, name: "x_kind", type: "selection" },
      { ...dealScore, name: "x_lines", type: "one2many", relation: "crm.lead" },
    ]).map((problem) => problem.message);
    expect(messages).toEqual([
      'custom field names must start with "x_" (Odoo refuses "deal_score"); rename it to x_deal_score',
      '"x_Deal-Score" is not a valid field name: use lower-case letters, digits and underscores',
      "model helpdesk.ticket is not in the Odoo 17.0 schema",
      "Odoo cannot create a custom field of type properties; use one of binary, boolean, char, date, datetime, float, html, integer, many2many, many2one, monetary, one2many, selection, text",
      "crm.lead.x_owner is a many2one: say which model it points to",
      "crm.lead.x_desk points to helpdesk.team, which is not in the Odoo 17.0 schema",
      "crm.lead.x_kind is a selection: list its values",
      "crm.lead.x_lines is a one2many: name the many2one on crm.lead that it mirrors",
    ]);
  });

  it("reports clashes with Odoo's own fields, existing custom fields and repeated declarations", () => {
    const pulled = withCustomFields(loadShippedCatalog("17.0"), [dealScore]);
    const messages = customFieldProblems(pulled, [
      { ...dealScore, type: "float" },
      { model: "crm.lead", name: "x_tier", type: "char", label: "Tier" },
      { model: "crm.lead", name: "x_tier", type: "char", label: "Tier" },
    ]).map((problem) => problem.message);
    expect(messages).toEqual([
      "crm.lead.x_deal_score already exists on the server as integer, not float; Odoo cannot change a field's type",
      "crm.lead.x_tier is declared twice; keep one declaration",
    ]);
  });
});

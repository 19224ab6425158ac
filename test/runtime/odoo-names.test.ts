import { describe, expect, it } from "vitest";
import { RecordNames } from "../../runtime/targets/odoo-names.js";

describe("naming referenced records by external ID", () => {
  const names = new RecordNames();
  names.remember("res.partner", 7, "crm.company_C1");
  names.remember("res.partner", 8, "crm.company_C2");
  names.remember("res.partner.category", 3, "crm.company_tag_C1");
  const fields = ["id", "name", "parent_id/.id", "category_id/.id", "user_id/.id"];
  const relations = { "parent_id/.id": "res.partner", "category_id/.id": "res.partner.category", "user_id/.id": "res.users" };

  it("writes a column by external ID when every record it names has one, and leaves the others by database id", () => {
    const rows = [
      { key: "P1", cells: ["crm.person_P1", "Ann", "8", "3", "2"] },
      { key: "P2", cells: ["crm.person_P2", "Bob", "", "", "2"] },
    ];
    expect(names.byExternalId(fields, rows, relations)).toEqual({
      fields: ["id", "name", "parent_id/id", "category_id/id", "user_id/.id"],
      rows: [
        { key: "P1", cells: ["crm.person_P1", "Ann", "crm.company_C2", "crm.company_tag_C1", "2"] },
        { key: "P2", cells: ["crm.person_P2", "Bob", "", "", "2"] },
      ],
    });
  });

  it("keeps a column by database id when one of its records has no known external ID, or its model is not known", () => {
    const rows = [
      { key: "P1", cells: ["crm.person_P1", "Ann", "7", "3", "2"] },
      { key: "P2", cells: ["crm.person_P2", "Bob", "99", "3,4", "2"] },
    ];
    expect(names.byExternalId(fields, rows, { "parent_id/.id": "res.partner" }).fields).toEqual(fields);
  });

  it("names each record of a many2many cell", () => {
    names.remember("res.partner.category", 4, "crm.company_tag_C3");
    const rows = [{ key: "P1", cells: ["crm.person_P1", "Ann", "", "3,4", ""] }];
    expect(names.byExternalId(fields, rows, relations).rows[0]?.cells[3]).toBe("crm.company_tag_C1,crm.company_tag_C3");
  });
});

import { describe, expect, it } from "vitest";
import { applyFixes, BASE, diagnosticsOf } from "../helpers.js";

describe("FM405 missing_required_field", () => {
  it("accepts required fields set", () => {
    expect(diagnosticsOf("FM405", "map Deal -> crm.lead { name <- name }\nmap Company -> res.partner { name <- name }")).toEqual([]);
  });

  it("accepts a product, a user and a sales team named alone: Odoo makes their variant, partner and alias itself (17.0 to 19.0)", () => {
    const maps = "map Deal -> product.template { name <- name }\nmap Deal -> product.product as variant { name <- name }\nmap Company -> res.users { name <- name  login <- name }\nmap Company -> crm.team { name <- name }";
    for (const serie of ["17.0", "18.0", "19.0"]) {
      expect(diagnosticsOf("FM405", maps, { base: BASE.replace('target odoo "17.0"', `target odoo "${serie}"`) }), serie).toEqual([]);
    }
  });

  it("reports a lead without a name and a partner without a name", () => {
    expect(diagnosticsOf("FM405", "map Deal -> crm.lead { expected_revenue <- amount }\nmap Company -> res.partner { is_company = true }")).toEqual([
      "main.flitmap:1:5-1:9 error FM405 crm.lead requires name (Opportunity), which this map does not set and Odoo has no default for (Odoo makes it from partner_id, not set either): add `name <- ...`",
      'main.flitmap:2:5-2:12 error FM405 res.partner requires name (Name) (Odoo refuses it empty: "Contacts require a name", when type is "contact" (the default); delivery, invoice and other addresses may be nameless), which this map does not set and Odoo has no default for: add `name <- ...`',
    ]);
  });

  it("offers a fix: the fix adds the field from the closest column", () => {
    expect(applyFixes("FM405", "map Deal -> crm.lead { expected_revenue <- amount }")).toEqual([
      "Add name\nmap Deal -> crm.lead { expected_revenue <- amount \n  name <- name\n}",
    ]);
  });
});

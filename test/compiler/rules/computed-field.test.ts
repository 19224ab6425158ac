import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM404 computed_field", () => {
  it("accepts stored fields", () => {
    expect(diagnosticsOf("FM404", "map Contact -> res.partner { name <- first_name  email <- email }")).toEqual([]);
  });

  it("accepts the plain read-only columns of an invoice: its type and origin", () => {
    expect(diagnosticsOf("FM404", 'map Deal -> account.move { move_type = "out_invoice"  invoice_origin <- name  invoice_date <- close_date }')).toEqual([]);
  });

  it("reports a computed field, and one the catalog cannot tell", () => {
    expect(
      diagnosticsOf(
        "FM404",
        "map Contact -> res.partner { name <- first_name  display_name <- first_name }\nmap Deal -> crm.lead { name <- name  prorated_revenue <- amount  date_closed <- close_date | datetime }",
      ),
    ).toEqual([
      "main.flitmap:1:50-1:62 error FM404 Odoo computes res.partner.display_name and keeps no value written to it (read-only and not stored: a computed field without inverse, Odoo discards written values): leave it out, or write the fields it is computed from",
      "main.flitmap:2:38-2:54 warning FM404 crm.lead.prorated_revenue is read-only in Odoo's forms and may be computed, in which case Odoo ignores the value written; the shipped catalog cannot tell (`flitmap schema pull` from your server can)",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM404 computed_field", () => {
  it("accepts stored fields", () => {
    expect(diagnosticsOf("FM404", "map Contact -> res.partner { name <- first_name  email <- email }")).toEqual([]);
  });

  it("accepts the plain read-only columns of an invoice: its type and origin", () => {
    expect(diagnosticsOf("FM404", 'map Deal -> account.move { move_type = "out_invoice"  invoice_origin <- name  invoice_date <- close_date }')).toEqual([]);
  });

  it("reports an invoice's payment state: a stored field Odoo computes, which no value written changes", () => {
    expect(diagnosticsOf("FM404", 'map Deal -> account.move { move_type = "out_invoice"  payment_state <- stage  amount_untaxed <- amount }')).toEqual([
      "main.flitmap:1:55-1:68 error FM404 Odoo computes account.move.payment_state from the payments reconciled with the invoice: keep the source's status in a custom field, and register the payments in Odoo; a value written is overwritten at once",
      "main.flitmap:1:79-1:93 error FM404 Odoo computes account.move.amount_untaxed from the invoice lines: write the lines; a value written is overwritten at once",
    ]);
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

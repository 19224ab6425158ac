import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM413 monetary_currency", () => {
  it("accepts a monetary field on a model with currency_id, or beside a declared x_currency_id", () => {
    expect(diagnosticsOf("FM413", 'extend sale.order { x_fee monetary "Fee" }')).toEqual([]);
    expect(diagnosticsOf("FM413", 'extend crm.lead {\n  x_fee monetary "Fee"\n  x_currency_id many2one res.currency "Currency"\n}')).toEqual([]);
    expect(diagnosticsOf("FM413", 'extend crm.lead { x_fee float "Fee" }')).toEqual([]);
  });

  it("reports a monetary field on a model without a currency field", () => {
    expect(diagnosticsOf("FM413", 'extend crm.lead { x_estimated_fee monetary "Estimated fee" }')).toEqual([
      'main.flitmap:1:35-1:43 error FM413 crm.lead has no currency_id, which Odoo reads the currency of the monetary field x_estimated_fee from: add `x_currency_id many2one res.currency "Currency"` to this extend block (and write it), or make the field a float',
    ]);
  });

  it("offers a fix: the fix declares x_currency_id", () => {
    expect(applyFixes("FM413", 'extend crm.lead {\n  x_estimated_fee monetary "Estimated fee"\n}')).toEqual([
      'Add x_currency_id to crm.lead\nextend crm.lead {\n  x_estimated_fee monetary "Estimated fee"\n  x_currency_id many2one res.currency "Currency"\n}',
    ]);
  });
});

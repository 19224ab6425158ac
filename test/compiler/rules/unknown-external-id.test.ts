import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM409 unknown_external_id", () => {
  it("accepts an existing stage", () => {
    expect(diagnosticsOf("FM409", 'records crm.stage { c existing "crm.stage_lead4" }')).toEqual([]);
  });

  it("reports a stage that does not exist and a record of another model", () => {
    expect(diagnosticsOf("FM409", 'records crm.stage { a existing "crm.stage_lead9"  b existing "base.main_company" }')).toEqual([
      "main.flitmap:1:32-1:49 warning FM409 Odoo 17.0 has no crm.stage record crm.stage_lead9 (it has crm.stage_lead1, crm.stage_lead2, crm.stage_lead3, crm.stage_lead4)",
      "main.flitmap:1:62-1:81 warning FM409 base.main_company is a res.company record, not a crm.stage record",
    ]);
  });
});

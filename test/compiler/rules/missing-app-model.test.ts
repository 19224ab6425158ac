import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM406 missing_app_model", () => {
  it("accepts a helpdesk target with a fallback", () => {
    expect(diagnosticsOf("FM406", "map Deal -> helpdesk.ticket { name <- name } fallback crm.lead { name <- name }")).toEqual([]);
  });

  it("reports helpdesk on Community without a fallback", () => {
    expect(diagnosticsOf("FM406", "map Deal -> helpdesk.ticket { name <- name }")).toEqual([
      "main.flitmap:1:13-1:28 error FM406 helpdesk.ticket belongs to Helpdesk (Odoo Enterprise), which the target Odoo 17.0 does not have: add a fallback (`} fallback crm.lead { ... }`) or target a schema pulled from a server that has it",
    ]);
  });
});

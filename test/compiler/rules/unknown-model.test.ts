import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM401 unknown_model", () => {
  it("accepts models of the target", () => {
    expect(diagnosticsOf("FM401", "map Deal -> crm.lead { name <- name }\nlookup u in res.users by login { missing reject }")).toEqual([]);
  });

  it("accepts reference records of an app the target lacks, for the map that falls back without it", () => {
    expect(diagnosticsOf("FM401", 'records helpdesk.ticket.type match name { question { name "Vraag" } }\nrecords helpdesk.stage { new existing "helpdesk.stage_new" }')).toEqual([]);
  });

  it("reports misspelt models in a map and a lookup", () => {
    expect(diagnosticsOf("FM401", "map Deal -> crm.leads { name <- name }\nlookup u in res.user by login { missing reject }")).toEqual([
      "main.flitmap:1:13-1:22 error FM401 Odoo 17.0 has no model crm.leads; did you mean `crm.lead`?",
      "main.flitmap:2:13-2:21 error FM401 Odoo 17.0 has no model res.user; did you mean `res.users`?",
    ]);
  });

  it("offers a fix: the fix names the model", () => {
    expect(applyFixes("FM401", "map Deal -> crm.leads { name <- name }")).toEqual(["Change to crm.lead\nmap Deal -> crm.lead { name <- name }"]);
  });
});

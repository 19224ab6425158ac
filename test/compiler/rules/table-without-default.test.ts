import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM602 table_without_default", () => {
  it("accepts a table with a default on a required field", () => {
    expect(
      diagnosticsOf("FM602", 'table kind: text -> text { "Lead" -> "lead"  _ -> "opportunity" }\nmap Deal -> crm.lead { name <- name  type <- stage | kind }'),
    ).toEqual([]);
  });

  it("reports a table without default feeding crm.lead.type", () => {
    expect(diagnosticsOf("FM602", 'table kind: text -> text { "Lead" -> "lead" }\nmap Deal -> crm.lead { name <- name  type <- stage | kind }')).toEqual([
      "main.flitmap:2:46-2:58 error FM602 table kind has no `_ ->` default, yet it sets crm.lead.type, which Odoo requires: add `_ -> reject` (rows with other values are rejected with a reason) or a default (`_ -> \"lead\"`)",
    ]);
  });

  it("offers a fix: the fix rejects unlisted values", () => {
    expect(applyFixes("FM602", 'table kind: text -> text { "Lead" -> "lead" }\nmap Deal -> crm.lead { name <- name  type <- stage | kind }')).toEqual([
      'Reject rows kind does not list\ntable kind: text -> text { "Lead" -> "lead" \n  _ -> reject\n}\nmap Deal -> crm.lead { name <- name  type <- stage | kind }',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM402 unknown_field", () => {
  it("accepts fields of the model and a declared custom field", () => {
    expect(
      diagnosticsOf("FM402", 'extend res.partner { x_nickname char "Nickname" }\nmap Contact -> res.partner { name <- first_name  x_nickname <- last_name }'),
    ).toEqual([]);
  });

  it("reports the seed pages' mistakes and an undeclared custom field", () => {
    expect(
      diagnosticsOf(
        "FM402",
        'map Contact -> res.partner { name <- first_name  first_name <- first_name  x_nickname <- last_name }\nmap Deal -> crm.lead { name <- name  planned_revenue <- amount  lead_type = "opportunity" }',
      ),
    ).toEqual([
      "main.flitmap:1:50-1:60 error FM402 res.partner has no field first_name: core Odoo keeps one `name` per partner: write `name <- `{first_name} {last_name}``",
      "main.flitmap:1:76-1:86 error FM402 res.partner has no field x_nickname: declare it in an `extend res.partner { ... }` block to create it",
      "main.flitmap:2:38-2:53 error FM402 crm.lead has no field planned_revenue (renamed in Odoo 14.0); did you mean `expected_revenue`, `prorated_revenue` or `recurring_revenue`?",
      'main.flitmap:2:65-2:74 error FM402 crm.lead has no field lead_type: a lead or an opportunity is `type = "lead"` or `type = "opportunity"`',
    ]);
  });

  it("offers a fix: planned_revenue becomes expected_revenue", () => {
    expect(applyFixes("FM402", "map Deal -> crm.lead { name <- name  planned_revenue <- amount }")).toEqual([
      "Change to expected_revenue\nmap Deal -> crm.lead { name <- name  expected_revenue <- amount }",
    ]);
  });

  it("offers a fix: an unknown x_ field gets an extend entry", () => {
    expect(applyFixes("FM402", "map Contact -> res.partner { name <- first_name  x_nickname <- last_name }")).toEqual([
      'Declare x_nickname as a custom field of res.partner\nmap Contact -> res.partner { name <- first_name  x_nickname <- last_name }\nextend res.partner {\n  x_nickname char "Nickname"\n}\n',
    ]);
  });
});

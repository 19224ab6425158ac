import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM302 selection_value", () => {
  it("accepts keys of the selection, from constants and a table", () => {
    expect(
      diagnosticsOf("FM302", 'table kind: text -> text { "Lead" -> "lead"  _ -> "opportunity" }\nmap Deal -> crm.lead { name <- name  type <- stage | kind }'),
    ).toEqual([]);
  });

  it("reports a constant, raw source values and a label for a key", () => {
    expect(
      diagnosticsOf(
        "FM302",
        'map Deal -> crm.lead { name <- name  type = "deal" }\nmap Contact -> res.partner { name <- first_name  type <- last_name }\nmap Company -> crm.lead { name <- name  type <- if status = "x" then "Lead" else "opportunity" }',
      ),
    ).toEqual([
      'main.flitmap:1:45-1:51 error FM302 crm.lead.type takes "lead" or "opportunity", not "deal"',
      'main.flitmap:2:58-2:67 warning FM302 source values go straight into res.partner.type, which takes only "contact", "invoice", "delivery" or "other": translate them with a table (`table t: text -> text { "Source value" -> "contact" }`) so that no row is refused',
      'main.flitmap:3:49-3:95 error FM302 crm.lead.type takes "lead" or "opportunity", not "Lead"; did you mean `lead`?',
    ]);
  });

  it("offers a fix: the fix writes the key", () => {
    expect(applyFixes("FM302", 'map Deal -> crm.lead { name <- name  type = "Lead" }')).toEqual([
      'Change to "lead"\nmap Deal -> crm.lead { name <- name  type = "lead" }',
    ]);
  });
});

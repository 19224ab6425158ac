import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { allDiagnostics, analyze, applyFixes, BASE, diagnosticsOf } from "../helpers.js";

describe("FM308 named_value", () => {
  it("inlines a let wherever it is read, in the fields and in the `if` blocks of its body, typed as its value", () => {
    const extra = `map Contact -> crm.lead {
  let full <- \`{first_name} {last_name}\` | trim
  let shout <- full | upper
  name         <- full
  contact_name <- shout
  if odoo >= "17.0" {
    description <- full
  }
  expected_revenue <- full
  ignore id, email, company_id
}`;
    expect(allDiagnostics(extra).filter((diagnostic) => / (error|warning) FM30[148] /.test(diagnostic))).toEqual([
      "main.flitmap:9:23-9:27 error FM301 crm.lead.expected_revenue is a monetary field, but this is text: convert it with `| number` (or `| money` for amounts with a currency sign)",
    ]);
    const plan = emitPlan(analyze({ "base.flitmap": BASE, "main.flitmap": extra.replace("  expected_revenue <- full\n", "") }));
    const operations = plan.steps[0]?.operations ?? [];
    const full = { op: "call", builtin: "trim", input: { op: "template" } };
    expect(operations.find((operation) => operation.field === "name")?.value).toMatchObject(full);
    expect(operations.find((operation) => operation.field === "contact_name")?.value).toMatchObject({ op: "call", builtin: "upper", input: full });
    expect(operations.find((operation) => operation.field === "description")?.value).toMatchObject(full);
  });

  it("reports a name given twice, a let computed from itself, and one nothing reads, with the fix that removes it", () => {
    const extra = `map Contact -> res.partner {
  let a <- b | trim
  let b <- a
  let c <- first_name
  let c <- last_name
  let unused <- email
  name <- c ?? a
  ignore id, company_id
}`;
    expect(diagnosticsOf("FM308", extra)).toEqual([
      "main.flitmap:3:12-3:13 error FM308 let a is computed from itself (here, directly or through another let): compute it from columns",
      "main.flitmap:5:7-5:8 error FM308 c is already named by a `let` of this block: give this value another name",
      "main.flitmap:6:7-6:13 warning FM308 let unused is read by no statement: use it, or remove it",
    ]);
    expect(applyFixes("FM308", "map Contact -> res.partner {\n  let unused <- email\n  name <- first_name\n  ignore id, last_name, company_id\n}")).toEqual([
      "Remove let unused\nmap Contact -> res.partner {\n  \n  name <- first_name\n  ignore id, last_name, company_id\n}",
    ]);
  });

  it("warns when a let hides a column or a let of the block around it", () => {
    const extra = `map Contact -> res.partner {
  let email <- email | lower
  let full <- first_name
  name  <- full
  email <- email
  if odoo >= "17.0" {
    let full <- last_name
    comment <- full
  }
  ignore id, company_id
}`;
    expect(diagnosticsOf("FM308", extra)).toEqual([
      "main.flitmap:2:7-2:12 warning FM308 let email hides the column email of Contact (only its own value reads the column): give it another name",
      "main.flitmap:7:9-7:13 warning FM308 let full hides a `let` of the block around it: give it another name",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze, BASE, diagnosticsOf } from "../helpers.js";

describe("FM412 each_field", () => {
  it("accepts child records of a one2many field", () => {
    expect(
      diagnosticsOf(
        "FM412",
        "map Company -> res.partner as company {\n  name      <- name\n  child_ids <- each Contact by company_id { name <- first_name }\n}",
      ),
    ).toEqual([]);
  });

  it("reports `each` on a many2one, naming the one2many of the same records", () => {
    expect(
      diagnosticsOf(
        "FM412",
        "map Company -> res.partner as company {\n  name      <- name\n  parent_id <- each Contact by company_id { name <- first_name }\n}",
      ),
    ).toEqual([
      "main.flitmap:3:3-3:12 error FM412 `each` makes child records for a one2many field, but res.partner.parent_id is a many2one field: give it one record (`| ref alias`), or name a one2many of res.partner: `child_ids`",
    ]);
  });

  it("reports `each` on a field that holds no records", () => {
    expect(
      diagnosticsOf("FM412", "map Company -> res.partner as company {\n  name    <- name\n  comment <- each Contact by company_id { name <- first_name }\n}"),
    ).toEqual(["main.flitmap:3:3-3:10 error FM412 `each` makes child records for a one2many field, but res.partner.comment is a html field: give it a value"]);
  });

  it("leaves a field the model lacks to unknown_field", () => {
    const analysis = analyze({
      "base.flitmap": BASE,
      "main.flitmap": "map Company -> res.partner { name <- name  nothing_ids <- each Contact by company_id { name <- first_name } }",
    });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.code)).toEqual(["FM402"]);
  });

  it("is what compile would otherwise have failed on: fixed, the child step has its parent", () => {
    const wrong = analyze({
      "base.flitmap": BASE,
      "main.flitmap": "map Company -> res.partner as company { name <- name  parent_id <- each Contact by company_id { name <- first_name } }",
    });
    expect(wrong.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.code)).toEqual(["FM412"]);
    const right = emitPlan(
      analyze({
        "base.flitmap": BASE,
        "main.flitmap": "map Company -> res.partner as company { name <- name  child_ids <- each Contact by company_id { name <- first_name } }",
      }),
    );
    expect(right.steps.find((step) => step.kind === "child")?.parent).toEqual({ step: "company", field: "child_ids", inverse: "parent_id", by: "company_id" });
  });
});

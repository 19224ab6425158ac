/**
 * `-> empty` in a value table (issue 16, gap 2): the listed keys give no value, where the word used
 * to be read as a record called `empty`; the row is written with the field left empty, and other
 * keys still go through the table's default.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = `migration pb { source pb  target odoo "17.0"  xmlid "pb" }
source pb {
  entity Deal "deals.csv" key id { id text  name text  source text }
}
records utm.source match name { web { name "Website" } }
table lead_source: text -> utm.source {
  "Web"                 -> web
  "Unassigned", "Other" -> empty
  _                     -> reject
}
map Deal -> crm.lead {
  name      <- name
  source_id <- source | lead_source
}
test "an entry that maps to empty leaves the field empty" {
  given Deal { id "D1"  name "One"  source "unassigned" }
  expect crm.lead { name "One"  source_id false }
}
test "the other entries and the default still apply" {
  given Deal { id "D2"  name "Two"  source "Web" }
  given Deal { id "D3"  name "Three"  source "Fax" }
  expect crm.lead { name "Two"  source_id web }
  expect reject Deal "not in table lead_source"
}
`;

describe("-> empty in a value table", () => {
  it("checks clean: empty is not a record name", () => {
    expect(analyze({ "main.flitmap": PACKAGE }).diagnostics.map(describeDiagnostic)).toEqual([]);
  });

  it("plans the entry with no value", () => {
    const table = emitPlan(analyze({ "main.flitmap": PACKAGE })).tables.find((candidate) => candidate.name === "lead_source");
    expect(table?.entries.map((entry) => entry.value)).toEqual([{ model: "utm.source", xmlid: "pb.utm_source_web" }, null]);
  });

  it("leaves the field empty in a run", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["an entry that maps to empty leaves the field empty", []],
      ["the other entries and the default still apply", []],
    ]);
  });
});

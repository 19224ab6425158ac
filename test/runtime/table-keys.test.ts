import { describe, expect, it } from "vitest";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import { analyze } from "../compiler/helpers.js";

const PACKAGE = `migration pb { source pb  target odoo "17.0"  xmlid "pb" }
source pb {
  entity Deal "deals.csv" key id {
    id    text
    name  text
    stage text
    grade text
  }
}
table stage_type: text -> text { "Closed Won" -> "opportunity"  _ -> reject }
table grade: text -> text { "A" -> "hot"  "a" -> "warm"  _ -> flag }
map Deal -> crm.lead {
  name     <- name
  type     <- stage | stage_type
  x_rating <- grade | grade
}
extend crm.lead { x_rating selection "Rating" { hot "Hot"  warm "Warm" } }
test "a key differing in case and spaces matches" {
  given Deal { id "D1"  name "One"  stage "  closed   WON "  grade "A" }
  expect crm.lead { name "One"  type "opportunity"  x_rating "hot" }
}
test "keys that differ only in case are matched exactly, never loosely" {
  given Deal { id "D2"  name "Two"  stage "Closed Won"  grade "a" }
  given Deal { id "D3"  name "Three"  stage "Closed Won"  grade " A " }
  expect crm.lead { name "Two"  x_rating "warm" }
  expect crm.lead { name "Three"  x_rating false }
}
`;

describe("value table keys", () => {
  it("match exactly first, then without case and extra spaces when that is unambiguous", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a key differing in case and spaces matches", []],
      ["keys that differ only in case are matched exactly, never loosely", []],
    ]);
  });
});

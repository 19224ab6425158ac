import { describe, expect, it } from "vitest";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import { analyze } from "../compiler/helpers.js";

const PACKAGE = `migration pb { source pb  target odoo "17.0"  xmlid "pb" }
source pb {
  csv { date "dd/MM/yyyy" }
  entity Deal "deals.csv" key id {
    id     text
    name   text
    amount money
    stage  text
    status text
  }
}
records crm.stage { won { name "Won"  is_won true } }
table deal_stage: text -> crm.stage { "Closed Won" -> won  _ -> reject }
map Deal -> crm.lead when status != "deleted" {
  type             = "opportunity"
  name             <- name | trim | required
  expected_revenue <- amount
  stage_id         <- stage | deal_stage
}
test "a won deal keeps its amount" {
  given Deal { id "D1"  name " Smith v Jones "  amount "£1,200.00"  stage "Closed Won" }
  expect crm.lead { name "Smith v Jones"  expected_revenue 1200  stage_id won }
}
test "an unknown stage is rejected" {
  given Deal { id "D2"  name "X"  stage "Lost" }
  expect reject Deal "not in table deal_stage"
}
test "a deleted deal is skipped" {
  given Deal { id "D3"  name "Y"  stage "Closed Won"  status "deleted" }
  expect skip Deal
}
test "a wrong expectation fails" {
  given Deal { id "D4"  name "Z"  amount "£10.00"  stage "Closed Won" }
  expect crm.lead { name "Z"  expected_revenue 11 }
  expect reject Deal
}
test "a row the reader rejects" {
  given Deal { id "D5"  name "W"  amount "lots"  stage "Closed Won" }
  expect reject Deal "not an amount"
}
`;

describe("test blocks", () => {
  it("run in memory through the executor, with exact failures", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.line, result.failures])).toEqual([
      ["a won deal keeps its amount", 20, []],
      ["an unknown stage is rejected", 24, []],
      ["a deleted deal is skipped", 28, []],
      [
        "a wrong expectation fails",
        32,
        [
          { line: 34, message: 'no crm.lead record has all these values; the closest: expected_revenue is "10", not "11"' },
          { line: 35, message: "no Deal row was rejected" },
        ],
      ],
      ["a row the reader rejects", 37, []],
    ]);
  });
});

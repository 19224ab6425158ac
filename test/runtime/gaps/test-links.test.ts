/**
 * Test blocks can check links a run resolves late (issue 16, gaps 5 and 7): an activity's
 * `res_id` (a database id, known once the record it points to is written) and a self-reference
 * written in the second pass, expected as `ref ALIAS "KEY"`, the record the map ALIAS made from
 * the row with that key (its external ID escapes the key: `P-00604` is `person_P_2d_00604`).
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = `migration pb { source pb  target odoo "17.0"  xmlid "pb" }
source pb {
  entity Person "people.csv" key id { id text  name text required  manager_id text references Person }
  entity Task "tasks.csv" key id { id text  person_id text references Person  subject text }
}
map Person -> res.partner as person {
  name      <- name
  parent_id <- manager_id | ref person
}
lookup odoo_model in ir.model by model { missing reject }
records mail.activity.type { todo existing "mail.mail_activity_data_todo" }
map Task -> mail.activity {
  res_model_id     <- "res.partner" | odoo_model
  res_id           <- person_id | ref person | required
  summary          <- subject
  activity_type_id = todo
}
test "a task points to its person, a person to its manager" {
  given Person { id "P-00604"  name "Alice Hartley" }
  given Person { id "P 2"  name "Bob Stone"  manager_id "P-00604" }
  given Task { id "T1"  person_id "P 2"  subject "Call back" }
  expect mail.activity { summary "Call back"  res_id ref person "P 2" }
  expect res.partner { name "Bob Stone"  parent_id ref person "P-00604" }
}
test "a wrong link fails, saying which record it found" {
  given Person { id "P1"  name "Carol" }
  given Person { id "P2"  name "Dan" }
  given Task { id "T2"  person_id "P2"  subject "Visit" }
  expect mail.activity { summary "Visit"  res_id ref person "P1" }
}
`;

describe("links resolved at run time, in test blocks", () => {
  it("check clean", () => {
    expect(analyze({ "main.flitmap": PACKAGE }).diagnostics.map(describeDiagnostic)).toEqual([]);
  });

  it("compare res_id and second-pass links with the record made from a key", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a task points to its person, a person to its manager", []],
      [
        "a wrong link fails, saying which record it found",
        [{ line: 29, message: 'no mail.activity record has all these values; the closest: res_id is "pb.person_P2", not "pb.person_P1"' }],
      ],
    ]);
  });

  it("reports an alias no map declares", () => {
    const text = PACKAGE.replace('res_id ref person "P1"', 'res_id ref persn "P1"');
    expect(analyze({ "main.flitmap": text }).diagnostics.map(describeDiagnostic)).toEqual([expect.stringContaining("FM")]);
  });
});

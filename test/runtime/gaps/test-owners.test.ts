/**
 * Test blocks can assert owners found by name (issue 16, the carteira package): a test runs without
 * an Odoo, so a lookup of users by name found none and every owner read as empty. `given odoo
 * res.users { ... }` gives the test the records it takes the target to hold; the package's own
 * lookups find them by their rule (`match loose` here, accents and case aside), and `expect`
 * compares a link to one of them with its name.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Company "empresas.csv" key id { id text  name text required  owner text }
}
lookup user in res.users by name { match loose  missing flag }
map Company -> res.partner {
  name    <- name
  user_id <- owner | user
}
test "owners are found by name, an accent missing" {
  given odoo res.users { name "João Pedro Araújo"  login "joao@example.com" }
  given odoo res.users { name "Ana Paula Ferreira"  login "ana@example.com" }
  given Company { id "1"  name "Alvorada"  owner "Joao Pedro Araujo" }
  given Company { id "2"  name "Jardins"  owner "Marcos Vieira (inativo)" }
  expect res.partner { name "Alvorada"  user_id "João Pedro Araújo" }
  expect res.partner { name "Jardins"  user_id false }
}
test "a wrong owner fails, naming the one found" {
  given odoo res.users { name "João Pedro Araújo" }
  given Company { id "1"  name "Alvorada"  owner "joão pedro araújo" }
  expect res.partner { name "Alvorada"  user_id "Ana Paula Ferreira" }
}
`;

describe("owners found by name, in test blocks", () => {
  it("check clean, and a field the model lacks is reported", () => {
    expect(analyze({ "main.flitmap": PACKAGE }).diagnostics.map(describeDiagnostic)).toEqual([]);
    const wrong = PACKAGE.replace('login "joao@example.com"', 'logn "joao@example.com"');
    expect(analyze({ "main.flitmap": wrong }).diagnostics.map(describeDiagnostic)).toEqual([expect.stringMatching(/^main\.flitmap:11:52-11:56 error FM402 res.users has no field logn/)]);
  });

  it("are matched by the package's lookup among the test's users, and compared by name", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["owners are found by name, an accent missing", []],
      [
        "a wrong owner fails, naming the one found",
        [{ line: 21, message: 'no res.partner record has all these values; the closest: user_id is "João Pedro Araújo", not "Ana Paula Ferreira"' }],
      ],
    ]);
  });

  it("without the test's users, an owner reads as empty, as before", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE.replace(/ {2}given odoo .*\n/g, "") })));
    expect(results[0]?.failures).toEqual([
      { line: 13, message: 'no res.partner record has all these values; the closest: user_id is "", not "João Pedro Araújo"' },
    ]);
  });
});

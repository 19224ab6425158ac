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

  it("count the records made with the values when a number is expected", async () => {
    const relations = `migration pv { source pv  target odoo "17.0"  xmlid "pv" }
source pv {
  entity Relation "relaties.csv" key id {
    id           text
    company_name text
    group contact[1..3] { name "Contactpersoon {n}" text  role "Functie {n}" text }
  }
}
split Relation {
  org: res.partner when company_name is present { is_company = true  name <- company_name }
  person: res.partner for each contact when contact.name is present {
    name      <- contact.name
    function  <- contact.role
    parent_id <- ref org
  }
}
test "three people with one role" {
  given Relation { id "R1"  company_name "Acme"  "Contactpersoon 1" "A"  "Functie 1" "CEO"  "Contactpersoon 2" "B"  "Functie 2" "CEO"  "Contactpersoon 3" "C"  "Functie 3" "CEO" }
  expect 3 res.partner { function "CEO" }
  expect 1 res.partner { is_company true }
  expect 0 res.partner { function "Buyer" }
}
test "wrong counts fail" {
  given Relation { id "R2"  company_name "Bolt"  "Contactpersoon 1" "D"  "Functie 1" "CEO" }
  expect 2 res.partner { function "CEO" }
  expect 0 res.partner { is_company true }
}
`;
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": relations })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["three people with one role", []],
      [
        "wrong counts fail",
        [
          { line: 25, message: "1 res.partner record has these values, not 2" },
          { line: 26, message: "1 res.partner record has these values, not 0" },
        ],
      ],
    ]);
  });

  it("compare text as written and numbers by value: a post code that lost its leading zero fails", async () => {
    const partners = `migration es { source es  target odoo "17.0"  xmlid "es" }
source es {
  csv { decimal "," }
  entity Relacion "relaciones.csv" key codigo {
    codigo text
    nombre text
    cp     text
    riesgo decimal
  }
}
map Relacion -> res.partner {
  name         <- nombre
  zip          <- cp
  credit_limit <- riesgo
}
test "a post code keeps its leading zero" {
  given Relacion { codigo "1"  nombre "Alicante S.L."  cp "03001"  riesgo "1.500,00" }
  expect res.partner { name "Alicante S.L."  zip "03001"  credit_limit 1500 }
}
test "a post code without it is another" {
  given Relacion { codigo "2"  nombre "Elche S.L."  cp "03201"  riesgo "1.500,50" }
  expect res.partner { name "Elche S.L."  zip "3201"  credit_limit 1500.50 }
}
`;
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": partners })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a post code keeps its leading zero", []],
      ["a post code without it is another", [{ line: 22, message: 'no res.partner record has all these values; the closest: zip is "03201", not "3201"' }]],
    ]);
  });
});

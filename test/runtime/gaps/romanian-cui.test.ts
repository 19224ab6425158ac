/**
 * Romania's CUI (Parteneri's gap 1): two to ten digits, the last a check digit (the others
 * right-aligned on 7 5 3 2 1 7 5 3 2, the sum times ten modulo 11, then 10), written with `RO`
 * by VAT payers and bare by the others. The hand-written package checked it in eleven `let`s of
 * arithmetic; `business_id("RO")` and `vat("RO")` now check it. Run through the executor in test
 * blocks.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration parteneri { source facturare  target odoo "17.0"  xmlid "parteneri" }
source facturare {
  entity Partener "parteneri.csv" key cod {
    cod         text required
    denumire    text required
    cod_fiscal  text
    platitor    boolean
  }
}
map Partener -> res.partner {
  name             <- denumire
  company_registry <- cod_fiscal | business_id("RO")
  vat              <- if platitor then cod_fiscal | vat("RO")
}
test "a CUI is checked by its check digit, with or without RO" {
  given Partener { cod "P1"  denumire "Carpaţi Holding SA"  cod_fiscal "RO 185 472 90"  platitor "true" }
  given Partener { cod "P2"  denumire "Ionescu Ion PFA"  cod_fiscal "19"  platitor "false" }
  expect res.partner { name "Carpaţi Holding SA"  company_registry "18547290"  vat "RO18547290" }
  expect res.partner { name "Ionescu Ion PFA"  company_registry "19"  vat false }
}
test "a mistyped CUI rejects the row" {
  given Partener { cod "P3"  denumire "Titan Holding SA"  cod_fiscal "18547291"  platitor "false" }
  expect reject Partener "'18547291' is not a business ID of RO (CUI): its check digit does not match"
}
`;

describe("the Romanian CUI", () => {
  it("is checked by business_id and vat in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a CUI is checked by its check digit, with or without RO", []],
      ["a mistyped CUI rejects the row", []],
    ]);
  });
});

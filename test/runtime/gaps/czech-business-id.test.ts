/**
 * The Czech IČO (issue 16, Adresář's gap 1): eight digits, the last a check digit (the first seven
 * weighted 8 to 2, then (11 − the sum mod 11) mod 10), old institutions' written with leading zeros
 * or without them. `business_id("CZ")` checks it and pads it as the registers do; `vat("CZ")`
 * checks a legal person's DIČ (CZ and its IČO) by the same digit, and an individual's (the birth
 * number, nine or ten digits) for its form only. Run through the executor in test blocks.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration adresar { source ucetnictvi  target odoo "17.0"  xmlid "adresar" }
source ucetnictvi {
  entity Adresa "adresar.csv" key cislo {
    cislo text required
    firma text required
    ic    text
    dic   text
  }
}
map Adresa -> res.partner {
  name             <- firma
  company_registry <- ic | business_id("CZ")
  vat              <- dic | vat("CZ", "flag")
}
test "an IČO is checked by its check digit, and a short one padded as the registers write it" {
  given Adresa { cislo "1"  firma "Stavby Morava s.r.o."  ic "255 96 641"  dic "CZ25596641" }
  given Adresa { cislo "2"  firma "Mateřské centrum Líšeň, z.s."  ic "64581" }
  given Adresa { cislo "3"  firma "Petr Kučera - Podlahářství"  ic "27074358"  dic "CZ7608123456" }
  expect res.partner { name "Stavby Morava s.r.o."  company_registry "25596641"  vat "CZ25596641" }
  expect res.partner { name "Mateřské centrum Líšeň, z.s."  company_registry "00064581" }
  expect res.partner { name "Petr Kučera - Podlahářství"  company_registry "27074358"  vat "CZ7608123456" }
}
test "a mistyped IČO rejects the row" {
  given Adresa { cislo "4"  firma "Stavby Líšeň s.r.o."  ic "25596642" }
  expect reject Adresa "'25596642' is not a business ID of CZ (IČO): its check digit does not match"
}
test "a legal person's DIČ whose check digit is wrong is flagged and left out" {
  given Adresa { cislo "5"  firma "Okna Bystrc s.r.o."  ic "25596641"  dic "CZ25596642" }
  expect res.partner { name "Okna Bystrc s.r.o."  company_registry "25596641"  vat false }
}
`;

describe("the Czech IČO", () => {
  it("is checked by business_id and vat in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["an IČO is checked by its check digit, and a short one padded as the registers write it", []],
      ["a mistyped IČO rejects the row", []],
      ["a legal person's DIČ whose check digit is wrong is flagged and left out", []],
    ]);
  });
});

/**
 * A reject in the specialist's own words (issue 16, Adresář's gap 2): a row refused for a value
 * the map finds wrong says why as the specialist wrote it, not through a table without the entry.
 * `required("reason")` rejects an empty value with that reason, a template naming the row's
 * values; after a check with on_invalid "flag" it refuses what the check refused, in those words.
 * Run into the Odoo double and through the executor in test blocks.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, diagnosticsOf } from "../../compiler/helpers.js";

const PACKAGE = `migration adresar { source ucetnictvi  target odoo "17.0"  xmlid "adresar" }
source ucetnictvi {
  entity Adresa "adresar.csv" key cislo {
    cislo text required
    firma text
    jmeno text
    ic    text
  }
}
map Adresa -> res.partner {
  name             <- (firma ?? jmeno) | required("adresa nemá jméno ani firmu")
  company_registry <- if ic is present
    then ic | business_id("CZ", "flag") | required(\`IČO {ic} nemá platnou kontrolní číslici\`)
}
test "the reason is the specialist's, naming the value" {
  given Adresa { cislo "1"  firma "Stavby Líšeň s.r.o."  ic "30550894" }
  expect reject Adresa "company_registry: IČO 30550894 nemá platnou kontrolní číslici"
}
test "a constant reason" {
  given Adresa { cislo "2" }
  expect reject Adresa "name: adresa nemá jméno ani firmu"
}
test "what passes is written, an empty IČO too" {
  given Adresa { cislo "3"  firma "Stavby Morava s.r.o."  ic "25596641" }
  given Adresa { cislo "4"  jmeno "Jana Dvořáková" }
  expect res.partner { name "Stavby Morava s.r.o."  company_registry "25596641" }
  expect res.partner { name "Jana Dvořáková"  company_registry false }
}
`;

describe("required with a reason", () => {
  it("rejects the row with the specialist's words, in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["the reason is the specialist's, naming the value", []],
      ["a constant reason", []],
      ["what passes is written, an empty IČO too", []],
    ]);
  });

  it("takes one reason, as text (FM304)", () => {
    const messages = diagnosticsOf(
      "FM304",
      `map Company -> res.partner {
  name <- name | required("a", "b")
  ref  <- name | required(3)
}`,
    );
    expect(messages.join("\n")).toContain("`required` takes 0 to 1 argument (reason), not 2");
    expect(messages.join("\n")).toContain("the reason of `required` must be text, not integer");
  });
});

/**
 * A link by two columns (the Defter family's gap 5): an opportunity names its person by full name,
 * and two people of two firms may share one ("Ali Özdemir"); `[kisi, firma] | ref kisi by ad_soyad
 * and firma` finds the person of that name at that firm, where `by ad_soyad` alone took the first
 * namesake, possibly at another firm.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { parse } from "../../../language/parse.js";
import { print } from "../../../language/printer.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = (link: string): string => `migration defter { source defter  target odoo "17.0"  xmlid "defter" }
source defter {
  entity Kisi "kisiler.csv" key id {
    id       text
    ad_soyad text required unique ambiguous first
    firma    text
  }
  entity Firsat "firsatlar.csv" key no {
    no    text
    adi   text required
    kisi  text
    firma text
  }
}
map Kisi -> res.partner as kisi {
  name    <- ad_soyad
  comment <- firma
}
map Firsat -> crm.lead {
  name       <- adi
  partner_id <- ${link}
}
test "a person by name at a firm" {
  given Kisi { id "1"  ad_soyad "Ali Özdemir"  firma "Kaya Tesisat" }
  given Kisi { id "2"  ad_soyad "Ali Özdemir"  firma "Bulut Enerji" }
  given Kisi { id "3"  ad_soyad "Derya Koç"  firma "Bulut Enerji" }
  given Firsat { no "F1"  adi "Kombi"  kisi "Ali Özdemir"  firma "bulut enerji" }
  given Firsat { no "F2"  adi "Klima"  kisi "ali özdemir"  firma "Kaya Tesisat" }
  given Firsat { no "F3"  adi "Radyatör"  kisi "Ali Özdemir" }
  given Firsat { no "F4"  adi "Pompa"  kisi "Derya Koç"  firma "Kaya Tesisat" }
  expect crm.lead { name "Kombi"  partner_id ref kisi "2" }
  expect crm.lead { name "Klima"  partner_id ref kisi "1" }
  expect crm.lead { name "Radyatör"  partner_id ref kisi "1" }
  expect crm.lead { name "Pompa"  partner_id false }
}
`;

const PAIR = "[kisi, firma] | ref kisi by ad_soyad and firma";

describe("a link by two columns", () => {
  it("checks clean and prints back", () => {
    expect(analyze({ "main.flitmap": PACKAGE(PAIR) }).diagnostics.map(describeDiagnostic)).toEqual([]);
    expect(print(parse(PACKAGE(PAIR), "main.flitmap").document)).toContain(`partner_id <- ${PAIR}`);
  });

  it("links the person of that name at that firm; without a firm, the first of that name", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE(PAIR) })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["a person by name at a firm", []]]);
  });

  it("took the first namesake at another firm by the name alone", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE("kisi | ref kisi by ad_soyad  ignore firma") })));
    expect(results[0]?.failures.map((failure) => failure.message)).toEqual([
      'no crm.lead record has all these values; the closest: partner_id is "defter.kisi_1", not "defter.kisi_2"',
      'no crm.lead record has all these values; the closest: partner_id is "defter.kisi_3", not ""',
    ]);
  });

  it("takes a pair, and a column of the entity", () => {
    const diagnostics = (link: string): string[] => analyze({ "main.flitmap": PACKAGE(link) }).diagnostics.map(describeDiagnostic);
    expect(diagnostics("adi | integer | ref kisi by ad_soyad and firma  ignore kisi  ignore firma")).toEqual([
      expect.stringContaining("`ref kisi by ad_soyad and firma` takes a pair, `[ad_soyad, firma] | ref kisi by ad_soyad and firma`, or a full name as text, not integer"),
    ]);
    expect(diagnostics("[kisi, firma, adi] | ref kisi by ad_soyad and firma")).toEqual([expect.stringContaining("not 3 values")]);
    expect(diagnostics("[kisi, firma] | ref kisi by ad_soyad and firm")).toEqual([expect.stringContaining("firm")]);
  });
});

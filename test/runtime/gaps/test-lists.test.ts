/**
 * Test blocks can state the records a many-to-many holds (the Defter family's gap 7):
 * `category_id [vip, bayi]` for reference records, `partner_ids [ref person "P1", ref person "P2"]`
 * for migrated ones, compared as a set since Odoo keeps no order among them. Before, a list was a
 * syntax error and the joined external IDs were not accepted as text.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { parse } from "../../../language/parse.js";
import { print } from "../../../language/printer.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = `migration defter { source defter  target odoo "17.0"  xmlid "defter" }
source defter {
  entity Kisi "kisiler.csv" key id { id text  name text required  etiketler text }
  entity Toplanti "toplantilar.csv" key id { id text  konu text required  kisiler text }
}
records res.partner.category {
  vip  { name "VIP" }
  bayi { name "Bayi" }
  yeni { name "Yeni" }
}
table etiket: text -> res.partner.category { "VIP" -> vip  "Bayi" -> bayi  "Yeni" -> yeni }
map Kisi -> res.partner as kisi {
  name        <- name
  category_id <- etiketler | split(",") | etiket
}
map Toplanti -> calendar.event {
  name        <- konu
  partner_ids <- kisiler | split(",") | ref kisi
}
test "the records of a many-to-many, in any order" {
  given Kisi { id "K1"  name "Ali Kaya"  etiketler "VIP,Bayi" }
  given Kisi { id "K2"  name "Derya Koç"  etiketler "Yeni" }
  given Toplanti { id "T1"  konu "Keşif"  kisiler "K2,K1" }
  expect res.partner { name "Ali Kaya"  category_id [bayi, vip] }
  expect res.partner { name "Derya Koç"  category_id [yeni] }
  expect calendar.event { name "Keşif"  partner_ids [ref kisi "K1", ref kisi "K2"] }
}
test "a missing or extra record fails, saying what was written" {
  given Kisi { id "K3"  name "Elif Yıldız"  etiketler "VIP" }
  expect res.partner { name "Elif Yıldız"  category_id [vip, bayi] }
}
`;

describe("lists of records in test blocks", () => {
  it("check clean and print back as written", () => {
    expect(analyze({ "main.flitmap": PACKAGE }).diagnostics.map(describeDiagnostic)).toEqual([]);
    const printed = print(parse(PACKAGE, "main.flitmap").document);
    expect(printed).toContain('partner_ids [ref kisi "K1", ref kisi "K2"]');
    expect(printed).toContain("category_id [bayi, vip]");
  });

  it("compare the records a many-to-many holds as a set", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["the records of a many-to-many, in any order", []],
      [
        "a missing or extra record fails, saying what was written",
        [
          {
            line: 30,
            message:
              'no res.partner record has all these values; the closest: category_id is "defter.res_partner_category_vip", not "defter.res_partner_category_vip,defter.res_partner_category_bayi"',
          },
        ],
      ],
    ]);
  });

  it("is refused outside a test's expect, and for a field that holds one record", () => {
    const text = PACKAGE.replace('vip  { name "VIP" }', 'vip  { name "VIP"  parent_id [bayi] }').replace(
      'name "Derya Koç"  category_id [yeni]',
      'name "Derya Koç"  parent_id [ref kisi "K1"]',
    );
    expect(analyze({ "main.flitmap": text }).diagnostics.map(describeDiagnostic)).toEqual([
      expect.stringContaining("a list of records stands in a test's `expect` only"),
      expect.stringContaining("res.partner.parent_id is a many2one field, which holds one value: a list is for a field that holds several records"),
    ]);
  });
});

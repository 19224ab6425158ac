/**
 * Czech and Slovak account numbers (issue 16, Adresář's gap 4): a Czech export writes an account
 * `19-2000145399/0800` (prefix, number, bank code). `iban("CZ")` reads it, checks the prefix and
 * the number by their weights (each weighted sum a multiple of 11) and makes the IBAN
 * `CZ6508000000192000145399`; `iban("SK")` the same for Slovakia's. Run through the executor in
 * test blocks.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { readIban } from "../../../runtime/source/identifiers.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration adresar { source ucetnictvi  target odoo "17.0"  xmlid "adresar" }
source ucetnictvi {
  entity Ucet "ucty.csv" key id {
    id   text required
    stat text required
    ucet text required
  }
}
split Ucet {
  firma: res.partner {
    name <- id
  }
  ucet: res.partner.bank {
    acc_number <- if stat = "SK" then ucet | iban("SK") else ucet | iban("CZ")
    partner_id <- ref firma
  }
}
test "a domestic account is made the IBAN; an IBAN stays one" {
  given Ucet { id "1"  stat "CZ"  ucet "19-2000145399/0800" }
  given Ucet { id "2"  stat "CZ"  ucet "2000145399 / 0800" }
  given Ucet { id "3"  stat "CZ"  ucet "CZ65 0800 0000 1920 0014 5399" }
  given Ucet { id "4"  stat "SK"  ucet "000000-2000145399/0800" }
  expect res.partner.bank { acc_number "CZ6508000000192000145399" }
  expect res.partner.bank { acc_number "CZ7908000000002000145399" }
  expect res.partner.bank { acc_number "SK7708000000002000145399" }
}
test "a mistyped account is rejected, saying which part" {
  given Ucet { id "5"  stat "CZ"  ucet "19-2000145398/0800" }
  expect reject Ucet "'19-2000145398/0800' is not a Czech account number: its number's check does not match"
}
`;

describe("Czech and Slovak account numbers", () => {
  it("are made IBANs in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a domestic account is made the IBAN; an IBAN stays one", []],
      ["a mistyped account is rejected, saying which part", []],
    ]);
  });

  it("are read only with the country that writes them, and checked part by part", () => {
    expect(readIban("19-2000145399/0800", undefined)).toMatchObject({ ok: false });
    expect(readIban("19-2000145399/0800", "PL")).toMatchObject({ ok: false });
    expect(readIban("18-2000145399/0800", "CZ")).toEqual({
      ok: false,
      reason: "'18-2000145399/0800' is not a Czech account number: its prefix's check does not match (a mistyped digit)",
    });
    expect(readIban("2000145399/08000", "CZ")).toMatchObject({ ok: false });
  });
});

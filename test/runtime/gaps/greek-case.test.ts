/**
 * Comparisons that ignore case meet Greek capitals, which are written without accents: an ERP's
 * "ΨΥΚΤΙΚΗ ΒΟΡΕΙΟΥ ΕΛΛΑΔΟΣ" is a CRM's "Ψυκτική Βορείου Ελλάδος" in another case, but lower-cased
 * the JavaScript way the two differ in their tonos (and in the final sigma), so a link by name, a
 * table and a lookup across the two met nothing (the Pelatologio family's gap 2, worked around
 * with `upper` and seven `replace` steps per name).
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = `migration pelates { source pelates  target odoo "17.0"  xmlid "pelates" }
source pelates {
  entity Pelatis "pelates.csv" key kodikos {
    kodikos  text required
    eponymia text required unique
    poli     text
    pwlhths  text
  }
  entity Epafi "epafes.csv" key id {
    id       text required
    onoma    text required
    etaireia text
  }
}
lookup pwlhths in res.users by name { missing flag }
table poli: text -> text { "Θεσσαλονίκη" -> "Θεσσαλονίκη"  "Αθήνα" -> "Αθήνα"  _ -> flag }
map Pelatis -> res.partner as pelatis {
  is_company = true
  name       <- eponymia
  city       <- poli | poli
  user_id    <- pwlhths | pwlhths
}
map Epafi -> res.partner {
  name      <- onoma
  parent_id <- etaireia | ref pelatis by eponymia
}
test "Greek capitals without accents meet the same words in lower case" {
  given odoo res.users { name "Γιώργος Παπαδόπουλος"  login "g.papadopoulos@example.gr" }
  given Pelatis { kodikos "30.00.0001"  eponymia "ΨΥΚΤΙΚΗ ΒΟΡΕΙΟΥ ΕΛΛΑΔΟΣ"  poli "ΘΕΣΣΑΛΟΝΙΚΗ"  pwlhths "ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ" }
  given Epafi { id "1"  onoma "Μαρία Οικονόμου"  etaireia "Ψυκτική Βορείου Ελλάδος" }
  expect res.partner { name "ΨΥΚΤΙΚΗ ΒΟΡΕΙΟΥ ΕΛΛΑΔΟΣ"  city "Θεσσαλονίκη"  user_id "Γιώργος Παπαδόπουλος" }
  expect res.partner { name "Μαρία Οικονόμου"  parent_id ref pelatis "30.00.0001" }
}
`;

describe("Greek capitals without accents", () => {
  it("check clean", () => {
    expect(analyze({ "main.flitmap": PACKAGE }).diagnostics.map(describeDiagnostic)).toEqual([]);
  });

  it("meet the same words written with accents in a link by name, a table and a lookup", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["Greek capitals without accents meet the same words in lower case", []]]);
  });
});

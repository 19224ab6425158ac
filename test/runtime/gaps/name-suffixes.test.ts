/**
 * Titles after a name, and `Ing. arch.` (issue 16, Adresář's gap 3): a CRM writes a contact "Ing.
 * arch. Vojtěch Marek" or "Ing. Jan Novák, Ph.D." where the person is kept as Jan Novák.
 * `without_prefixes` takes off `Ing. arch.` whole (and `arch.` only after `Ing.`: Arch is a given
 * name); `without_suffixes` takes off the titles after the name, behind a comma or not, and the
 * comma. Run through the executor in test blocks, the deal finding its person by name.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { withoutPrefixes, withoutSuffixes } from "../../../runtime/transform/builtin-names.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Kontakt "kontakty.csv" key id {
    id       text required
    jmeno    text required unique ambiguous first
    prijmeni text required
  }
  entity Pripad "pripady.csv" key id {
    id      text required
    kontakt text
  }
}
map Kontakt -> res.partner as kontakt {
  name <- [jmeno, prijmeni] | join(" ")
}
map Pripad -> crm.lead as pripad {
  name         <- id
  contact_name <- kontakt | without_prefixes | without_suffixes
  partner_id   <- kontakt | without_prefixes | without_suffixes | ref kontakt by jmeno and prijmeni
}
test "titles before and after the name are taken off, and the person found" {
  given Kontakt { id "1"  jmeno "Jan"  prijmeni "Novák" }
  given Kontakt { id "2"  jmeno "Vojtěch"  prijmeni "Marek" }
  given Kontakt { id "3"  jmeno "Eva"  prijmeni "Malá" }
  given Pripad { id "OP-1"  kontakt "Ing. Jan Novák, Ph.D." }
  given Pripad { id "OP-2"  kontakt "Ing. arch. Vojtěch Marek" }
  given Pripad { id "OP-3"  kontakt "doc. Eva Malá, CSc., MBA" }
  expect crm.lead { name "OP-1"  contact_name "Jan Novák"  partner_id ref kontakt "1" }
  expect crm.lead { name "OP-2"  contact_name "Vojtěch Marek"  partner_id ref kontakt "2" }
  expect crm.lead { name "OP-3"  contact_name "Eva Malá"  partner_id ref kontakt "3" }
}
`;

describe("titles after a name", () => {
  it("are taken off in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["titles before and after the name are taken off, and the person found", []]]);
  });

  it("are taken off the end only, the comma with them, never the first word, nor a word that is also a name", () => {
    const none = new Set<string>();
    expect(withoutSuffixes("Jan Novák Ph.D.", none)).toBe("Jan Novák");
    expect(withoutSuffixes("Jane Doe, LL.M., MBA", none)).toBe("Jane Doe");
    expect(withoutSuffixes("Jan Novák , DiS.", none)).toBe("Jan Novák");
    expect(withoutSuffixes("Novák, Jan", none)).toBe("Novák, Jan");
    expect(withoutSuffixes("Ph.D.", none)).toBe("Ph.D.");
    expect(withoutSuffixes("Nguyen Van Ba", none)).toBe("Nguyen Van Ba");
    expect(withoutSuffixes("John Smith, MD", new Set(["md"]))).toBe("John Smith");
    expect(withoutPrefixes("Ing. arch. Vojtěch Marek", none)).toBe("Vojtěch Marek");
    expect(withoutPrefixes("Mgr. art. Jana Malá", none)).toBe("Jana Malá");
    expect(withoutPrefixes("Arch Stanton", none)).toBe("Arch Stanton");
    expect(withoutPrefixes("Art Garfunkel", none)).toBe("Art Garfunkel");
  });
});

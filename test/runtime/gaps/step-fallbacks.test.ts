/**
 * A fallback chain named once (issue 16, the asiakkaat package's gap 6): the company a CRM names
 * is found by its name as written, then in the housing company's other form, and the four
 * operands of `??` were written in five places. `step NAME = STEPS ?? STEPS` holds the chain; each
 * use tries the pipelines on its own input in turn, and what none finds leaves the field empty.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration asiakkaat { source crm  target odoo "17.0"  xmlid "asiakkaat" }
source crm {
  entity Asiakas "asiakkaat.csv" key id {
    id   text required
    nimi text required unique
  }
  entity Henkilo "henkilot.csv" key id {
    id     text required
    nimi   text required
    yritys text
  }
}
step lyhyt_muoto = replace("Asunto Oy ", "As Oy ")
step pitka_muoto = replace("As Oy ", "Asunto Oy ")
step yritykselle = ref asiakas by nimi optional
  ?? lyhyt_muoto | ref asiakas by nimi optional
  ?? pitka_muoto | ref asiakas by nimi
map Asiakas -> res.partner as asiakas {
  is_company = true
  name       <- nimi
}
map Henkilo -> res.partner as henkilo {
  name      <- nimi
  parent_id <- yritys | trim | yritykselle
}
test "a company is found as written, or in its other form" {
  given Asiakas { id "1"  nimi "As Oy Amurin Aitta" }
  given Asiakas { id "2"  nimi "Asunto Oy Pyynikin Helmi" }
  given Asiakas { id "3"  nimi "Sammon Putki Oy" }
  given Henkilo { id "10"  nimi "Matti Virtanen"  yritys "Sammon Putki Oy" }
  given Henkilo { id "11"  nimi "Liisa Nieminen"  yritys "Asunto Oy Amurin Aitta" }
  given Henkilo { id "12"  nimi "Onni Saarinen"  yritys " As Oy Pyynikin Helmi" }
  expect res.partner { name "Matti Virtanen"  parent_id ref asiakas "3" }
  expect res.partner { name "Liisa Nieminen"  parent_id ref asiakas "1" }
  expect res.partner { name "Onni Saarinen"  parent_id ref asiakas "2" }
}
test "a company found in no form leaves the person without one" {
  given Henkilo { id "13"  nimi "Eeva Heikkilä"  yritys "Asunto-oy Tammela" }
  expect res.partner { name "Eeva Heikkilä"  parent_id false }
}
`;

describe("a named step's fallbacks", () => {
  it("find a record through each pipeline in turn, in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a company is found as written, or in its other form", []],
      ["a company found in no form leaves the person without one", []],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { allDiagnostics, analyze, diagnosticsOf } from "../helpers.js";

const BASE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Adresa "adresar.csv" key id {
    id    text
    firma text unique match loose ambiguous first
    ic    text unique match digits
  }
  entity Firma "firmy.csv" key id {
    id    text
    nazev text
    ico   text
    obor  text
  }
}
map Adresa -> res.partner as adresa {
  name             <- firma
  company_registry <- ic
}
`;

describe("FM311 merge_onto", () => {
  it("accepts another map's records of the same model, found by any of its unique columns, and carries them into the plan", () => {
    const extra =
      "map Firma -> res.partner as firma merge onto ico | ref adresa by ic ?? nazev | ref adresa by firma overwrite website { name <- nazev  website <- obor }";
    expect(allDiagnostics(extra, { base: BASE }).filter((diagnostic) => diagnostic.includes(" error "))).toEqual([]);
    const plan = emitPlan(analyze({ "base.flitmap": BASE, "main.flitmap": extra }));
    const firma = plan.steps.find((step) => step.id === "firma");
    expect(firma?.merge).toMatchObject({ onto: { op: "coalesce" }, into: ["adresa"], overwrite: ["website"] });
    // The records it merges onto load first.
    expect(firma?.dependsOn).toContain("adresa");
    expect(plan.steps.map((step) => step.id)).toEqual(["adresa", "firma"]);
  });

  it("reports the map's own records", () => {
    const extra = "map Firma -> res.partner as firma merge onto ico | ref firma { name <- nazev  ignore obor }";
    expect(diagnosticsOf("FM311", extra, { base: BASE })).toEqual([
      "main.flitmap:1:46-1:61 error FM311 `merge onto` finds records of firma, this map's own: name another map's records of res.partner (`| ref ALIAS`)",
    ]);
  });

  it("reports a value that is no record", () => {
    expect(diagnosticsOf("FM311", "map Firma -> res.partner as firma merge onto ico { name <- nazev  ignore obor }", { base: BASE })).toEqual([
      "main.flitmap:1:46-1:49 error FM311 `merge onto` gives text: it must be a record of res.partner that another map loads (`| ref ALIAS`)",
    ]);
  });

  it("reports records of another model", () => {
    const extra = "map Firma -> crm.lead as firma merge onto ico | ref adresa by ic { name <- nazev  ignore obor }";
    expect(diagnosticsOf("FM311", extra, { base: BASE })).toEqual([
      "main.flitmap:1:43-1:65 error FM311 `merge onto` gives record:res.partner: it must be a record of crm.lead that another map loads (`| ref ALIAS`)",
    ]);
  });
});

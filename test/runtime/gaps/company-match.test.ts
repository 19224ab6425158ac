/**
 * `unique match company` (Zonnedak's and Parteneri's gap): a CRM names a firm without its legal
 * form, or with it on the other side of the name, where the accounting program's register writes
 * it in full: `Bakker Bouw` is `Bakker Bouw B.V.`, `Verhoeven & Zn. V.O.F.` is `V.O.F. Verhoeven &
 * Zn.`, `ALFA INSTAL SRL` is `S.C. Alfa Instal S.R.L.`. `match loose` keeps those apart; `match
 * company` compares the names without their legal forms, a name that is only a form keeping it.
 * Two register rows one name then names are ambiguous as the column says. Run into the Odoo
 * double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { withoutLegalForm } from "../../../compiler/legal-forms.js";
import { columnMatchKey } from "../../../runtime/source/match-keys.js";
import { analyze } from "../../compiler/helpers.js";
import { fieldByXmlid, liveExport, runLive } from "../support.js";

const PACKAGE = (match: string): string => `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Relatie "relaties.csv" key id {
    id    text
    naam  text required unique ${match}
  }
  entity Deal "deals.csv" key id {
    id     text
    titel  text
    klant  text
  }
}
map Relatie -> res.partner as relatie {
  is_company = true
  name       <- naam
}
map Deal -> crm.lead as deal {
  name       <- titel
  partner_id <- klant | ref relatie by naam optional
}
`;

const RELATIONS = [
  "id,naam",
  "R1,Bakker Bouw B.V.",
  "R2,V.O.F. Verhoeven & Zn.",
  "R3,S.C. Alfa Instal S.R.L.",
  "R4,Jansen Installatie",
  "R5,Jansen Installatie B.V.", // the same name with and without a form: one name for `match company`
].join("\n");
const DEALS = [
  "id,titel,klant",
  "D1,Dak Amersfoort,Bakker Bouw",
  "D2,Dak Utrecht,Verhoeven & Zn. V.O.F.",
  "D3,Acoperiș,ALFA INSTAL SRL",
  "D4,Dak Zeist,Jansen Installatie",
].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(match: string) {
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(match) }));
  const { double, state, source, cleanup } = await liveExport("company-match", { "relaties.csv": RELATIONS, "deals.csv": DEALS });
  cleanups.push(cleanup);
  const result = await runLive(plan, double, state, { sourceDirectory: source });
  const partners = fieldByXmlid(double, plan, "deal", "partner_id");
  return { plan, result, partners };
}

describe("unique match company: a firm's name with or without its legal form", () => {
  it("match loose finds only the name written the same way", async () => {
    const { partners } = await load("match loose");
    expect(partners).toEqual({ "crm.deal_D1": null, "crm.deal_D2": null, "crm.deal_D3": null, "crm.deal_D4": "crm.relatie_R4" });
  });

  it("match company finds the firm wherever its form is, and a name two rows hold is ambiguous", async () => {
    const { plan, result, partners } = await load("match company");
    expect(plan.entities.find((entity) => entity.name === "Relatie")?.columns.map((column) => column.match ?? null)).toEqual([null, "company"]);
    expect(partners).toMatchObject({ "crm.deal_D1": "crm.relatie_R1", "crm.deal_D2": "crm.relatie_R2", "crm.deal_D3": "crm.relatie_R3" });
    expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
      [
        "D4",
        'partner_id: "Jansen Installatie" names 2 Relatie rows by naam (keys "R4", "R5"): say which with `unique ambiguous first` or `last` on Relatie.naam, or give a value one row holds',
      ],
    ]);
  });

  it("drops a form at the end, or at the start where forms are written there, and keeps a name that is only a form", () => {
    expect(columnMatchKey("Aqua-Tech Sp. z o.o.", "company")).toBe("aqua tech");
    expect(columnMatchKey("AB Volvo", "company")).toBe("volvo");
    expect(columnMatchKey("Co-op Foods", "company")).toBe("co op foods");
    expect(withoutLegalForm(["bv"])).toEqual(["bv"]);
  });

  it("a match word that is no rule is FM207, offering the nearest", () => {
    const diagnostics = analyze({ "main.flitmap": PACKAGE("match compnay") }).diagnostics;
    const wrong = diagnostics.find((diagnostic) => diagnostic.code === "FM207");
    expect(wrong?.message).toContain("`company` (loose, and a legal form such as B.V. or S.R.L. ignored)");
    expect(wrong?.fixes?.[0]?.title).toBe("Change to company");
  });
});

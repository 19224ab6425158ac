/**
 * `unique match loose` and a legal form written as an abbreviation with dots on one side and
 * without on the other: a Romanian invoicing program's `Alfa Instal S.R.L.` is the CRM's `ALFA
 * INSTAL SRL`, a Danish register's `Holm & Søn A/S` is `HOLM & SØN AS` (but not `Holm og Søn AS`:
 * a word is not punctuation). Letters written apart are joined only where two or more stand
 * together, so a middle initial stays a word. Run into the Odoo double and read back; the rule
 * itself in the second test.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { looseKey, looseName } from "../../../runtime/source/match-keys.js";
import { analyze } from "../../compiler/helpers.js";
import { fieldByXmlid, liveExport, runLive } from "../support.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Partner "parteneri.csv" key id {
    id      text
    nume    "Denumire" text required unique match loose
  }
  entity Contact "contacte.csv" key id {
    id      text
    name    "Nume" text
    firma   "Firma" text
  }
}
map Partner -> res.partner as partner {
  is_company = true
  name       <- nume
}
map Contact -> res.partner as contact {
  name      <- name
  parent_id <- firma | ref partner by nume optional
}
`;

const PARTNERS = ["id,Denumire", "P1,Alfa Instal S.R.L.", "P2,Holm & Søn A/S", "P3,Anna B. Pop PFA"].join("\n");
const CONTACTS = [
  "id,Nume,Firma",
  "C1,Ion Popescu,ALFA INSTAL SRL",
  "C2,Mette Holm,HOLM & SØN AS",
  "C3,Ole Holm,Holm og Søn AS",
  "C4,Ana Pop,Anna Pop PFA",
  "C5,Radu Pop,anna b pop p.f.a.",
].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("match loose: an abbreviation's letters written apart are the abbreviation", () => {
  it("links S.R.L. to SRL and A/S to AS, and keeps a middle initial a word", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const { double, state, source, cleanup } = await liveExport("loose-abbreviations", { "parteneri.csv": PARTNERS, "contacte.csv": CONTACTS });
    cleanups.push(cleanup);
    const result = await runLive(plan, double, state, { sourceDirectory: source });
    expect(result.status).toBe("complete");
    const parents = fieldByXmlid(double, plan, "contact", "parent_id");
    expect(parents).toEqual({
      "crm.contact_C1": "crm.partner_P1",
      "crm.contact_C2": "crm.partner_P2",
      "crm.contact_C3": null,
      "crm.contact_C4": null,
      "crm.contact_C5": "crm.partner_P3",
    });
  });

  it("joins two or more single letters standing together, and nothing else", () => {
    expect(looseKey("S.C. Alfa Instal S.R.L.")).toBe("sc alfa instal srl");
    expect(looseKey("B. V.")).toBe("bv");
    expect(looseKey("Holm & Søn A/S")).toBe("holm søn as");
    expect(looseKey("Anna B. Pop")).toBe("anna b pop");
    expect(looseKey("Şantier Ţesătorie")).toBe(looseKey("Șantier Țesătorie"));
    // Name lookups read initials one by one: their loose form keeps the letters apart.
    expect(looseName("A. B. Hartley")).toBe("a b hartley");
  });
});

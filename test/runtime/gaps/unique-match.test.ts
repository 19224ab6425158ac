/**
 * A link whose two sides are written differently (issue 16, Ügyféltár's gap 4): the CRM types a
 * company's tax number with or without dashes or spaces, and its name "Kft" where the register
 * writes "Kft.". A `unique` column declares how its values compare with the values naming its
 * rows, once for both sides: `unique match digits` by the digits alone, `unique match loose`
 * ignoring case, accents, punctuation and repeated spaces. Two rows the rule makes one value are
 * ambiguous as the column declares (rejected by default, naming both), never settled silently.
 * Run into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { fieldByXmlid, liveExport, runLive } from "../support.js";

const PACKAGE = (adoszam: string, nev: string): string => `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Partner "partnerek.csv" key id {
    id      text
    nev     "Név" text required ${nev}
    adoszam "Adószám" text ${adoszam}
  }
  entity Ceg "cegek.csv" key id {
    id      text
    cegnev  "Cégnév" text
    adoszam "Adószám" text
  }
}
map Partner -> res.partner as partner {
  is_company = true
  name       <- nev
  ignore adoszam
}
map Ceg -> res.partner as ceg {
  name      <- \`{cegnev} ({id})\`
  parent_id <- adoszam | ref partner by adoszam ?? cegnev | ref partner by nev
}
`;

// P3 and P4 are one firm typed twice in the register, with and without spaces in its number.
const PARTNERS = [
  "id,Név,Adószám",
  "P1,Kovács és Társa Kft.,12345678-2-03",
  "P2,Dunai Építő Zrt.,87654321-1-41",
  "P3,Tisza Bt.,11223344-2-13",
  "P4,TISZA BT,11223344 2 13",
].join("\n");
const COMPANIES = [
  "id,Cégnév,Adószám",
  "C1,Kovács és Társa,12345678203", // the number without dashes
  "C2,Valami,8765 4321-1-41", // the number with a space
  "C3,Dunai Epito Zrt,", // no number: the name without accents or dot
  "C4,Tisza,11223344-2-13", // a number two register rows hold
].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(adoszam: string, nev: string) {
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(adoszam, nev) }));
  const { double, state, source, cleanup } = await liveExport("unique-match", { "partnerek.csv": PARTNERS, "cegek.csv": COMPANIES });
  cleanups.push(cleanup);
  const result = await runLive(plan, double, state, { sourceDirectory: source });
  const parents = fieldByXmlid(double, plan, "ceg", "parent_id");
  return { plan, result, parents };
}

describe("unique match: how the values on both sides of a link compare", () => {
  it("without a rule, a number typed another way and a name without its dot find nobody", async () => {
    const { result, parents } = await load("unique", "unique");
    expect(result.status).toBe("complete");
    expect(parents).toEqual({ "crm.ceg_C1": null, "crm.ceg_C2": null, "crm.ceg_C3": null, "crm.ceg_C4": "crm.partner_P3" });
  });

  it("match digits links by the digits, match loose by the name without case, accents or punctuation", async () => {
    const { plan, result, parents } = await load("unique match digits", "unique match loose");
    expect(plan.entities.find((entity) => entity.name === "Partner")?.columns.map((column) => column.match ?? null)).toEqual([null, "loose", "digits"]);
    expect(parents).toMatchObject({ "crm.ceg_C1": "crm.partner_P1", "crm.ceg_C2": "crm.partner_P2", "crm.ceg_C3": "crm.partner_P2" });
    // Two register rows whose numbers are one by their digits: the company naming them is rejected, with both keys.
    expect(result.rejects.map((reject) => [reject.entity, reject.key, reject.reason])).toEqual([
      [
        "Ceg",
        "C4",
        'parent_id: "11223344-2-13" names 2 Partner rows by adoszam (keys "P3", "P4"): say which with `unique ambiguous first` or `last` on Partner.adoszam, or give a value one row holds',
      ],
    ]);
  });

  it("with ambiguous first, the first of the rows the rule makes one is linked, said in the notes", async () => {
    const { result, parents } = await load("unique match digits ambiguous first", "unique match loose");
    expect(result.rejects).toEqual([]);
    expect(parents["crm.ceg_C4"]).toBe("crm.partner_P3");
    expect(JSON.stringify(result.notes)).toContain('names 2 Partner rows by adoszam (keys \\"P3\\", \\"P4\\"); the first was linked');
  });
});

/**
 * From a name to another column of the row it names (issue 16, Ügyféltár's gap 5): the sales name
 * their company by name, and the package needs the company's tax number. `get(Ceg.adoszam)` reads
 * a row by its key; `get(Ceg.adoszam by cegnev)` finds the row by a column declared `unique`,
 * compared as that column declares (here loosely, "Kft" being "Kft."). A name no row holds leaves
 * the field empty and is noted; a name several rows hold rejects the row naming them, or takes the
 * first or last, as the column declares. Run into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { fieldByXmlid, liveExport, runLive } from "../support.js";

const PACKAGE = (cegnev: string): string => `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Ceg "cegek.csv" key id {
    id      text
    cegnev  "Cégnév" text required ${cegnev}
    adoszam "Adószám" text
  }
  entity Eladas "eladasok.csv" key id {
    id   text
    nev  "Megnevezés" text
    ceg  "Cég" text
  }
}
map Ceg -> res.partner as ceg {
  name <- cegnev
  vat  <- adoszam
}
map Eladas -> crm.lead as eladas {
  name        <- nev
  x_studio_vat <- ceg | get(Ceg.adoszam by cegnev)
}
extend crm.lead {
  x_studio_vat char "Tax number"
}
`;

const COMPANIES = [
  "id,Cégnév,Adószám",
  "C1,Kovács és Társa Kft.,12345678-2-03",
  "C2,Dunai Építő Zrt.,87654321-1-41",
  "C3,Tisza Bt.,11223344-2-13",
  "C4,Tisza Bt,55667788-2-13",
].join("\n");
const SALES = [
  "id,Megnevezés,Cég",
  "S1,Első,Kovács és Társa Kft.",
  "S2,Második,kovács és társa kft", // no dot, lower case: the loose rule's
  "S3,Harmadik,Ismeretlen Kft.", // a company the register lacks
  "S4,Negyedik,", // no company at all
  "S5,Ötödik,Tisza Bt.", // two companies by the loose rule
].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(cegnev: string) {
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(cegnev) }));
  const { double, state, source, cleanup } = await liveExport("get-by", { "cegek.csv": COMPANIES, "eladasok.csv": SALES });
  cleanups.push(cleanup);
  const result = await runLive(plan, double, state, { sourceDirectory: source });
  const vats = fieldByXmlid(double, plan, "eladas", "x_studio_vat");
  return { result, vats };
}

describe("get(Entity.column by column): another column of the row a value names", () => {
  it("reads the tax number of the company a sale names, by the name compared as its column declares", async () => {
    const { result, vats } = await load("unique match loose");
    expect(vats).toEqual({ "crm.eladas_S1": "12345678-2-03", "crm.eladas_S2": "12345678-2-03", "crm.eladas_S3": false, "crm.eladas_S4": false });
    expect(result.rejects.map((reject) => [reject.entity, reject.key, reject.reason])).toEqual([
      [
        "Eladas",
        "S5",
        'x_studio_vat: "Tisza Bt." names 2 Ceg rows by cegnev (keys "C3", "C4"): say which with `unique ambiguous first` or `last` on Ceg.cegnev, or give a value one row holds',
      ],
    ]);
    expect(JSON.stringify(result.notes)).toContain('no Ceg row has cegnev \\"Ismeretlen Kft.\\"');
  });

  it("takes the last of the rows a name names when the column says so", async () => {
    const { result, vats } = await load("unique match loose ambiguous last");
    expect(result.rejects).toEqual([]);
    expect(vats["crm.eladas_S5"]).toBe("55667788-2-13");
  });
});

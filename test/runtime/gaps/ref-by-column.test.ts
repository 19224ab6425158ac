/**
 * Links by a declared unique column (issue 16, the carteira package): a person names their company
 * by its trade name, a branch its head office by tax number. `| ref company by trade` finds the
 * row whose `unique` column holds the value (ignoring case and surrounding spaces); a blank value
 * links nothing and rejects nothing; a value several rows hold rejects the row naming them, or
 * takes the first or last such row, as the column declares. Run into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { decisionLines } from "../../../runtime/lifecycle/decisions.js";
import { analyze } from "../../compiler/helpers.js";
import { liveExport, runLive, stateByXmlid } from "../support.js";

const PACKAGE = (trade: string): string => `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Company "empresas.csv" key id {
    id     text
    trade  "Nome fantasia" text required ${trade}
    cnpj   "CNPJ" text unique
    matriz "Matriz" text
  }
  entity Person "pessoas.csv" key id {
    id      text
    name    text
    empresa text
  }
}
map Company -> res.partner as company {
  is_company = true
  name       <- \`{trade} {id}\`
  parent_id  <- matriz | ref company by cnpj
  ignore cnpj
}
map Person -> res.partner as person {
  name      <- name | required
  parent_id <- empresa | ref company by trade
}
`;

// C2 is a branch of C1 under the same trade name; C3's head office is not in the export; C4 has no CNPJ.
const COMPANIES = [
  "id,Nome fantasia,CNPJ,Matriz",
  "C1,Alvorada,68.340.186/0001-61,",
  "C2,Alvorada,68.340.186/0002-42,68.340.186/0001-61",
  "C3,Jardins,11.222.333/0002-01,11.222.333/0001-99",
  "C4,Estrela,,",
  "C5,Vera Cruz,22.333.444/0001-55,",
].join("\n");
const PEOPLE = ["id,name,empresa", "P1,Ana,  vera CRUZ ", "P2,Bia,Alvorada", "P3,Cid,", "P4,Dan,Padaria"].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(trade: string) {
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(trade) }));
  const { double, state, source, cleanup } = await liveExport("ref-by", { "empresas.csv": COMPANIES, "pessoas.csv": PEOPLE });
  cleanups.push(cleanup);
  const result = await runLive(plan, double, state, { sourceDirectory: source });
  const parents = Object.fromEntries(Object.entries(stateByXmlid(double, plan)).map(([xmlid, values]) => [xmlid, values["parent_id"] ?? null]));
  return { plan, result, parents };
}

describe("| ref alias by a unique column", () => {
  it("links by the value, links nothing for a blank one, and rejects a value several rows hold, naming them", async () => {
    const { result, parents } = await load("unique");
    expect(result.status).toBe("complete");
    expect(result.rejects.map((reject) => [reject.entity, reject.key, reject.reason])).toEqual([
      [
        "Person",
        "P2",
        'parent_id: "Alvorada" names 2 Company rows by trade (keys "C1", "C2"): say which with `unique ambiguous first` or `last` on Company.trade, or give a value one row holds',
      ],
    ]);
    expect(parents).toEqual({
      "crm.company_C1": null,
      "crm.company_C2": "crm.company_C1",
      "crm.company_C3": null,
      "crm.company_C4": null,
      "crm.company_C5": null,
      "crm.person_P1": "crm.company_C5",
      "crm.person_P3": null,
      "crm.person_P4": null,
    });
    // A blank CNPJ or Matriz rejects nothing; a head office or company the export lacks is told, not refused.
    expect(result.notes.map((note) => [note.kind, note.field, note.count, note.examples])).toEqual([
      ["dangling-reference", "parent_id", 1, ['no Company row has trade "Padaria"']],
      ["dangling-reference", "parent_id", 1, ['no Company row has cnpj "11.222.333/0001-99"']],
    ]);
  });

  it("takes the first or the last of several rows as the column declares, and says so once", async () => {
    const first = await load("unique ambiguous first");
    expect(first.result.rejects).toEqual([]);
    expect(first.parents["crm.person_P2"]).toBe("crm.company_C1");
    const note = first.result.notes.find((candidate) => candidate.kind === "ref-ambiguous");
    expect(note).toMatchObject({ field: "parent_id", count: 1, examples: ['"Alvorada" names 2 Company rows by trade (keys "C1", "C2"); the first was linked'] });
    if (note === undefined) throw new Error("no ref-ambiguous note");
    expect(decisionLines([{ ...note, step: "person" }], first.plan)).toEqual([
      "person.parent_id: 1 row named a row by a value several rows hold; the first in the export (ambiguous first) was linked (parent_id <- empresa | ref company by trade)",
    ]);
    const last = await load("unique ambiguous last");
    expect(last.parents["crm.person_P2"]).toBe("crm.company_C2");
  });
});

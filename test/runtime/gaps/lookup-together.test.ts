/**
 * A lookup keyed by two fields (issue 16): a person's employer is a company Odoo already holds,
 * named by its name and its town, as several branches share a name. `lookup partner_in_city in
 * res.partner by name and city` matches the list `[employer, town]`, each value against its field
 * (trimmed, ignoring case); a pair no record has follows `missing`, a pair several records have
 * follows `ambiguous`. Run into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { liveExport, runLive, stateByXmlid } from "../support.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Person "people.csv" key id {
    id       text
    name     text
    employer text
    town     text
  }
}
lookup partner_in_city in res.partner by name and city {
  ambiguous reject
  missing   flag
}
map Person -> res.partner as person {
  name      <- name | required
  parent_id <- [employer, town] | partner_in_city
}
`;

const PEOPLE = [
  "id,name,employer,town",
  "P1,Ana,Groot Installatie,Breda",
  "P2,Bram, groot installatie ,TILBURG",
  "P3,Cor,Groot Installatie,Oss",
  "P4,Dirk,Bakker,Utrecht",
  "P5,Eva,,",
].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a lookup by name and city", () => {
  it("finds the record both values name, reports a pair none has, and rejects a pair several have, naming them", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const { double, state, source, cleanup } = await liveExport("lookup-together", { "people.csv": PEOPLE });
    cleanups.push(cleanup);
    const company = (name: string, city: string): number => double.addRecord("res.partner", { name, city, is_company: true });
    const breda = company("Groot Installatie", "Breda");
    const tilburg = company("Groot Installatie", "Tilburg");
    company("Bakker", "Utrecht");
    company("Bakker", "Utrecht");
    const result = await runLive(plan, double, state, { sourceDirectory: source });
    expect(result.status).toBe("complete");
    expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
      [
        "P4",
        'parent_id: ["Bakker","Utrecht"] matches 2 res.partner records ("Bakker", "Bakker"): say which with `ambiguous first` or `ambiguous fallback "..."`, or give the value in full',
      ],
    ]);
    expect(Object.keys(stateByXmlid(double, plan)).sort()).toEqual(["crm.person_P1", "crm.person_P2", "crm.person_P3", "crm.person_P5"]);
    const parentOf = (name: string): unknown => {
      const parent = double.records("res.partner").find((partner) => partner["name"] === name)?.["parent_id"];
      return Array.isArray(parent) ? parent[0] : parent;
    };
    expect(["Ana", "Bram", "Cor", "Eva"].map(parentOf)).toEqual([breda, tilburg, false, false]);
    expect(result.notes.map((note) => [note.kind, note.field, note.examples])).toEqual([
      ["lookup-missing", "parent_id", ['no res.partner record has name and city ["Groot Installatie","Oss"]; left empty']],
    ]);
  });
});

/**
 * Romanian's words for no value (`nespecificat` for no web address, in one column only, so not in
 * the source's `empty_values`) are placeholders, declared on their column (`empty when`), which
 * keeps its type: read as blank, such a word neither loads as a web address nor turns the column
 * into text whose `| url` rejects the row.
 * Invented for this test (Romanian headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { isPlaceholder } from "../../propose/value-shapes.js";
import { loadProposed } from "./small-exports.js";

const FIRME = `Cod;Denumire;Oras;Site web
F01;Alfa Construct SRL;Cluj-Napoca;www.alfaconstruct.ro
F02;Beta Instal SRL;Iasi;nespecificat
F03;Gama Prod SA;Brasov;
F04;Delta Med SRL;Oradea;www.deltamed.ro
F05;Epsilon Trans SRL;Arad;nespecificat
F06;Zeta Hotel SA;Sibiu;www.zetahotel.ro
F07;Eta Grup SRL;Bacau;
F08;Teta Serv SRL;Pitesti;nespecificat
`;

describe("Romanian placeholders", () => {
  it("are known", () => {
    for (const value of ["nespecificat", "Nespecificată", "necunoscut", "neprecizat"]) expect(isPlaceholder(value), value).toBe(true);
    for (const value of ["Neamt", "Necula"]) expect(isPlaceholder(value), value).toBe(false);
  });

  it("are declared on their column and read as blank: no row rejected, no such web address loaded", async () => {
    await loadProposed({ "firme.csv": FIRME }, (sample) => {
      expect(sample.first.rejects.map((reject) => reject.reason)).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => / (SRL|SA)$/.test(String(partner["name"])));
      expect(partners).toHaveLength(8);
      expect(partners.map((partner) => partner["website"]).filter((site) => typeof site === "string" && site !== "")).toHaveLength(3);
    });
  });
});

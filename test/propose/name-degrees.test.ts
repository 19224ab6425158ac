/**
 * Academic degrees in columns of their own around a person's name, as Czech and Slovak exports
 * keep them (`Ing.` before, `Ph.D.` after): the name is written with them (`Ing. Jan Novák,
 * Ph.D.`), as the person writes it, not a form of address; a column of forms of address alone
 * (German `Dr.`, `Prof. Dr.`) stays the title. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const OSOBY = `ID;Titul;Jméno;Příjmení;Titul za;E-mail
1;Ing.;Jan;Novák;Ph.D.;jan.novak@lamino.example
2;;Petra;Dvořáková;;petra@lamino.example
3;MUDr.;Lucie;Vlčková;;lucie@klinika.example
4;Ing. arch.;Vojtěch;Marek;CSc.;marek@studio.example
5;Mgr.;Hana;Králová;;hana@kralova.example
6;;Tomáš;Veselý;MBA;tomas@vesely.example
`;

const KONTAKTE = `ID;Titel;Vorname;Nachname;E-Mail
1;Dr.;Anna;Vogel;anna@vogel.example
2;;Klaus;Bauer;klaus@bauer.example
3;Prof. Dr.;Eva;Schulz;eva@schulz.example
4;;Jan;Richter;jan@richter.example
5;Dr.;Ute;Wolf;ute@wolf.example
`;

describe("degrees around a person's name", () => {
  it("are written into the name, before and after it", () => {
    const proposal = proposalFor([file("osoby.csv", OSOBY)]);
    expect(assignment(proposal, "osoby.csv", "name")).toMatch(/^\[\(\[titul, jmeno, prijmeni\] \| join\(" "\)\), titul_za\] \| join\(", "\)/);
    expect(assignment(proposal, "osoby.csv", "title")).toBeUndefined();
  });

  it("load as the person writes them", async () => {
    await loadProposed({ "osoby.csv": OSOBY }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const names = sample.double.records("res.partner").map((record) => String(record["name"]));
      // The double's own partners (the company, the administrator) come first.
      expect(names.slice(-6)).toEqual([
        "Ing. Jan Novák, Ph.D.",
        "Petra Dvořáková",
        "MUDr. Lucie Vlčková",
        "Ing. arch. Vojtěch Marek, CSc.",
        "Mgr. Hana Králová",
        "Tomáš Veselý, MBA",
      ]);
    });
  });

  it("but forms of address alone, with no degree after a name, stay the title", () => {
    const proposal = proposalFor([file("kontakte.csv", KONTAKTE)]);
    expect(assignment(proposal, "kontakte.csv", "name")).toMatch(/^`\{vorname\} \{nachname\}` \| trim/);
    expect(assignment(proposal, "kontakte.csv", "title")).toMatch(/^titel\b/);
  });
});

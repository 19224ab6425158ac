/**
 * Two programs of one firm spelling the same names differently: an old invoicing program's code
 * page has ş and ţ with the cedilla, the CRM beside it writes ș and ț with the comma below. A link
 * by name that finds more names loosely (without accents, case or punctuation) than as written is
 * proposed loose (`unique match loose`), so the CRM's people land under their company. Invented
 * for this test (Romanian headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const PARTENERI = `Cod;Denumire;Localitate
P01;Ţarcău Instal SRL;Piatra Neamţ
P02;Mureş Prod SA;Târgu Mureş
P03;Alfa Construct SRL;Cluj-Napoca
P04;Şoimul Trans SRL;Braşov
P05;Bistriţa Serv SRL;Bistriţa
P06;Beta Med SRL;Oradea
`;
const PERSOANE = `ID;Prenume;Nume;Companie
C1;Ana;Pop;Țarcău Instal SRL
C2;Ion;Rusu;Mureș Prod SA
C3;Maria;Dinu;Alfa Construct SRL
C4;Radu;Stan;Șoimul Trans SRL
C5;Elena;Vlad;Bistrița Serv SRL
C6;Dan;Ilie;Beta Med SRL
C7;Ioana;Marin;Țarcău Instal SRL
`;

describe("a link by names another program spells with other accents", () => {
  it("is proposed loose", () => {
    const proposal = proposalFor([file("parteneri.csv", PARTENERI), file("persoane.csv", PERSOANE)]);
    expect(proposal.uniqueColumns.map(({ column, match }) => `${column} ${match ?? "as written"}`)).toEqual(["denumire loose"]);
  });

  it("puts every person under its company", async () => {
    await loadProposed({ "parteneri.csv": PARTENERI, "persoane.csv": PERSOANE }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner");
      const people = partners.filter((partner) => ["Pop", "Rusu", "Dinu", "Stan", "Vlad", "Ilie", "Marin"].some((surname) => String(partner["name"]).endsWith(surname)));
      expect(people).toHaveLength(7);
      expect(people.filter((person) => person["parent_id"] !== false && person["parent_id"] !== undefined && person["parent_id"] !== null)).toHaveLength(7);
    });
  });
});

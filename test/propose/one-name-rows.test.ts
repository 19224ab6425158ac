/**
 * A customer register naming firms and private persons in one column, a type column saying which
 * each row is, and no column holding a person's names apart: the persons' names, written surname
 * first as an accounting program writes them, tell the type's values apart. Dutch, invented for
 * this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { mixedRows } from "../../propose/mixed-rows.js";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const KLANTEN = `Klantnr;Naam;Soort klant;Plaats;Telefoon
2001;Bakkerij de Korenaar B.V.;Zakelijk;Utrecht;030-2345678
2002;Jansen, Pieter;Particulier;Amersfoort;06-12345678
2003;Schildersbedrijf Visser V.O.F.;Zakelijk;Zeist;030-6958412
2004;de Vries, Anna;Particulier;Utrecht;06-23456789
2005;Kees Bakker Installatietechniek;Zakelijk;Houten;030-6371234
2006;Smit, Johan;Particulier;Bunnik;06-34567890
2007;Drukkerij Mulder B.V.;Zakelijk;Nieuwegein;030-6012345
2008;van Dijk, Sanne M.;Particulier;Utrecht;06-45678901
2009;Gemeente Houten;Zakelijk;Houten;030-6392611
2010;Hendriks Transport B.V.;Zakelijk;Utrecht;030-2411122
`;

describe("firms and private persons named in one column, typed by another", () => {
  it("tells the type's values apart by how the names read", () => {
    const [register] = profileEntities({ files: [file("klanten.csv", KLANTEN)], otherFiles: [] });
    const mixed = register === undefined ? undefined : mixedRows(register);
    expect(mixed?.typed?.column.name).toBe("soort_klant");
    expect(mixed?.typed?.organisationValues).toEqual(["Zakelijk"]);
    expect(mixed?.typed?.personValues).toEqual(["Particulier"]);
    expect(mixed?.typed?.oneName).toEqual({ surnameFirst: true });
    expect(mixed?.rows).toEqual({ both: 0, organisation: 6, person: 4 });
  });

  it("proposes one partner a row, a company by its type, a person's name given name first", () => {
    const proposal = proposalFor([file("klanten.csv", KLANTEN)]);
    expect(proposal.entities[0]?.declaration?.kind).toBe("map");
    expect(assignment(proposal, "klanten.csv", "is_company")).toBe('soort_klant = "Zakelijk"');
    expect(assignment(proposal, "klanten.csv", "name")).toBe(
      '(if soort_klant = "Particulier" and naam | contains(",") then `{naam | split(",") | last} {naam | split(",") | first}` else naam) | trim | required',
    );
  });

  it("loads six companies and four persons, each named as Odoo shows them", async () => {
    await loadProposed({ "klanten.csv": KLANTEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => typeof partner["city"] === "string");
      const named = (company: boolean): unknown[] => partners.filter((partner) => partner["is_company"] === company).map((partner) => partner["name"]);
      expect(named(true)).toContain("Gemeente Houten");
      expect(named(true)).toHaveLength(6);
      expect(named(false).sort()).toEqual(["Anna de Vries", "Johan Smit", "Pieter Jansen", "Sanne M. van Dijk"]);
    });
  });
});

// Payment terms before the customer group: cash (`Käteinen`) only for private persons, days for
// firms and persons alike; the group's customers abroad, two rows, named as firms.
const ASIAKKAAT = `Nro;Nimi;Maksuehto;Ryhmä;Kaupunki
1;Rakennus Virtanen Oy;14 pv netto;Yritykset;Tampere
2;Lahtinen Tiina;Käteinen;Kuluttajat;Nokia
3;Asunto Oy Tampereen Rantatörmä;30 pv netto;Taloyhtiöt;Tampere
4;Jokinen Päivi;14 pv netto;Kuluttajat;Pirkkala
5;Sähkö Laine Oy;21 pv netto;Yritykset;Tampere
6;Saarinen Sari;Käteinen;Kuluttajat;Orivesi
7;Svenska Fastighetsdrift AB;30 pv netto;Ulkomaat;Tukholma
8;Asunto Oy Nokian Koskenranta;14 pv netto;Taloyhtiöt;Nokia
9;Mäkelä Mikko;Käteinen;Kuluttajat;Tampere
10;Nordisk Elteknik AB;14 pv netto;Ulkomaat;Göteborg
11;Kiinteistö Mattila Oy;30 pv netto;Yritykset;Lempäälä
12;Asunto Oy Pyynikin Harju;21 pv netto;Taloyhtiöt;Tampere
`;

describe("a register whose payment terms come before the customer group", () => {
  it("types its rows by the group, not by the terms, whose values count days; a group of two firms among them", () => {
    const [register] = profileEntities({ files: [file("asiakkaat.csv", ASIAKKAAT)], otherFiles: [] });
    const mixed = register === undefined ? undefined : mixedRows(register);
    expect(mixed?.typed?.column.name).toBe("ryhma");
    expect([...(mixed?.typed?.organisationValues ?? [])].sort()).toEqual(["Taloyhtiöt", "Ulkomaat", "Yritykset"]);
    expect(mixed?.typed?.personValues).toEqual(["Kuluttajat"]);
  });
});

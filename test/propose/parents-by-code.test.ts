/**
 * A head office named by another row's registration or tax number (not its key, not its name),
 * found from the values whatever the header says, in the same file and from another; and a
 * company's legal name, often blank, falling back to its trade name. Invented for this test
 * (Dutch and Argentine Spanish headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { assignment, exportFile as file, proposalFor, loadProposed } from "./small-exports.js";

// `Hoofdvestiging`: the KvK number of the branch's head office.
const BEDRIJVEN = `Relatienr;Bedrijfsnaam;Handelsnaam;KvK;Hoofdvestiging;Plaats
R-01;Bakkerij de Vries B.V.;Bakker de Vries;34125671;;Utrecht
R-02;Bakkerij de Vries B.V.;Bakker de Vries Zeist;34125672;34125671;Zeist
R-03;;Fietsenmaker Jansen;56218833;;Amersfoort
R-04;Groot Installatie N.V.;Groot Installatie;70011223;;Breda
R-05;Groot Installatie N.V.;Groot Tilburg;70011224;70011223;Tilburg
R-06;Groot Installatie N.V.;Groot Oss;70011225;70011223;Oss
R-07;;Kapsalon Els;61100990;;Gouda
R-08;Drukkerij Mol B.V.;Drukkerij Mol;44332211;;Delft
R-09;Drukkerij Mol B.V.;Mol Print Leiden;44332212;44332211;Leiden
`;

// `Casa central` and `Empresa`: companies by their CUIT, which reads like a phone number.
const EMPRESAS = `Código;Razón social;Nombre comercial;CUIT;Casa central;Localidad
E1;Molinos del Sur S.A.;Molinos del Sur;30-71234567-8;;Rosario
E2;Molinos del Sur S.A.;Molinos Córdoba;30-71234568-6;30-71234567-8;Córdoba
E3;;Ferretería López;20-28765432-1;;Mendoza
E4;Vidrios Andinos S.R.L.;Vidrios Andinos;30-70987654-3;;Salta
E5;Vidrios Andinos S.R.L.;Vidrios Jujuy;30-70987655-1;30-70987654-3;Jujuy
E6;;Panadería Sol;27-31222333-4;;Neuquén
E7;;Panadería Sol Centro;27-31222334-2;27-31222333-4;Neuquén
`;
const CONTACTOS = `Nro;Nombre;Apellido;Empresa
1;Ana;Paz;30-71234567-8
2;Luis;Rey;30-70987654-3
3;Eva;Gil;20-28765432-1
4;Juan;Sosa;30-70987655-1
`;

describe("a head office named by another row's registration or tax number", () => {
  it("finds the reference from the values, though the header says nothing of a parent", () => {
    const [company] = profileEntities({ files: [file("bedrijven.csv", BEDRIJVEN)], otherFiles: [] });
    expect(company?.references).toEqual([{ column: "hoofdvestiging", entity: "Company", found: 1, distinct: 3, byName: "kvk" }]);
    const entities = profileEntities({ files: [file("empresas.csv", EMPRESAS), file("contactos.csv", CONTACTOS)], otherFiles: [] });
    expect(entities.find((entity) => entity.pattern === "empresas.csv")?.references).toEqual([
      { column: "casa_central", entity: "Company", found: 1, distinct: 3, byName: "cuit" },
    ]);
    expect(entities.find((entity) => entity.pattern === "contactos.csv")?.references).toEqual([
      { column: "empresa", entity: "Company", found: 1, distinct: 4, byName: "cuit" },
    ]);
  });

  it("proposes the parent by that number, declared unique, and the trade name where the legal name is blank", () => {
    const proposal = proposalFor([file("bedrijven.csv", BEDRIJVEN)]);
    expect(assignment(proposal, "bedrijven.csv", "parent_id")).toBe("hoofdvestiging | ref company by kvk");
    expect(assignment(proposal, "bedrijven.csv", "name")).toBe("(bedrijfsnaam ?? handelsnaam) | trim | required");
    expect(proposal.uniqueColumns).toEqual([
      {
        entity: "Company",
        column: "kvk",
        ambiguous: "reject",
        comment:
          "other columns name Company rows by it; each value is one row's in the sample, so a row naming a value several rows hold is rejected rather than linked to a guess",
      },
    ]);
    const spanish = proposalFor([file("empresas.csv", EMPRESAS), file("contactos.csv", CONTACTOS)]);
    expect(assignment(spanish, "empresas.csv", "parent_id")).toBe("casa_central | ref company by cuit");
    expect(assignment(spanish, "contactos.csv", "parent_id")).toBe("empresa | ref company by cuit");
  });

  it("loads every company, named, its branches under their head office", async () => {
    await loadProposed({ "bedrijven.csv": BEDRIJVEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner");
      const nameOf = (id: unknown): unknown => partners.find((partner) => partner["id"] === (Array.isArray(id) ? id[0] : id))?.["name"];
      const companies = partners
        .filter((partner) => partner["is_company"] === true && typeof partner["city"] === "string")
        .map(
          (partner) =>
            `${String(partner["name"])} in ${String(partner["city"])}${nameOf(partner["parent_id"]) === undefined ? "" : ` under ${String(nameOf(partner["parent_id"]))}`}`,
        );
      expect(companies.sort()).toEqual([
        "Bakkerij de Vries B.V. in Utrecht",
        "Bakkerij de Vries B.V. in Zeist under Bakkerij de Vries B.V.",
        "Drukkerij Mol B.V. in Delft",
        "Drukkerij Mol B.V. in Leiden under Drukkerij Mol B.V.",
        "Fietsenmaker Jansen in Amersfoort",
        "Groot Installatie N.V. in Breda",
        "Groot Installatie N.V. in Oss under Groot Installatie N.V.",
        "Groot Installatie N.V. in Tilburg under Groot Installatie N.V.",
        "Kapsalon Els in Gouda",
      ]);
    });
  }, 60_000);

  it("finds a company named by its trade name, and rejects the person naming one two customers share rather than guess", async () => {
    const entities = profileEntities({ files: [file("klanten.csv", KLANTEN), file("personen.csv", PERSONEN)], otherFiles: [] });
    expect(entities.find((entity) => entity.pattern === "personen.csv")?.references).toEqual([
      { column: "werkgever", entity: "Customer", found: 1, distinct: 4, byName: "naam" },
    ]);
    await loadProposed({ "klanten.csv": KLANTEN, "personen.csv": PERSONEN }, (sample) => {
      // Nothing says which of the two is the head office: a specialist does not pick one.
      expect(sample.first.rejects.map((reject) => `${reject.key ?? ""}: ${reject.reason}`)).toEqual([
        'P1: parent_id: "Bakker de Vries" names 2 Customer rows by naam (keys "K01", "K02"): say which with `unique ambiguous first` or `last` on Customer.naam, or give a value one row holds',
      ]);
      const partners = sample.double.records("res.partner");
      const city = (id: unknown): unknown => partners.find((partner) => partner["id"] === (Array.isArray(id) ? id[0] : id))?.["city"];
      const employers = partners
        .filter((partner) => ["Anna Bos", "Daan Smit", "Sem Kok", "Lotte Vos"].includes(String(partner["name"])))
        .map((partner) => `${String(partner["name"])} in ${String(city(partner["parent_id"]))}`);
      expect(employers.sort()).toEqual(["Daan Smit in Breda", "Lotte Vos in Delft", "Sem Kok in Gouda"]);
    });
  }, 60_000);
});

// Eleven customers, two of them sharing a trade name with nothing saying which is the head office (ten in eleven distinct).
const KLANTEN = `Klantnr;Naam;Plaats
K01;Bakker de Vries;Utrecht
K02;Bakker de Vries;Zeist
K03;Fietsenmaker Jansen;Amersfoort
K04;Groot Installatie;Breda
K05;Kapsalon Els;Gouda
K06;Drukkerij Mol;Delft
K07;Slagerij Peters;Haarlem
K08;Bloemen Bakker;Leiden
K09;Garage Visser;Ede
K10;Optiek Meijer;Zwolle
K11;Schilder de Boer;Hoorn
`;
const PERSONEN = `Persoonnr;Voornaam;Achternaam;Werkgever
P1;Anna;Bos;Bakker de Vries
P2;Daan;Smit;Groot Installatie
P3;Sem;Kok;Kapsalon Els
P4;Lotte;Vos;Drukkerij Mol
`;

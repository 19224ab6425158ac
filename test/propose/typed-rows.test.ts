/**
 * A file whose rows are each an organisation or a person, told apart by a column saying which
 * (in a language the test does not depend on: the rows decide), people pointing to their
 * organisation's row by its code. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { mixedRows } from "../../propose/mixed-rows.js";
import { assignment, exportFile as file, proposalFor, targetLine } from "./small-exports.js";

const ANAGRAFICA = `Codice;Tipo;Denominazione;Nome;Cognome;Ruolo;Ditta;Telefono
0101;Azienda;Ferri Utensili Srl;;;;;011 555 0101
0102;Referente;Bianchi Paolo;Paolo;Bianchi;Buyer;0101;011 555 0102
0103;Privato;Neri Anna;Anna;Neri;;;333 555 0103
0104;Azienda;Gallo Trasporti Spa;;;;;02 555 0104
0105;Referente;Russo Marta;Marta;Russo;Manager;0104;02 555 0105
0106;Azienda;Conti Legno Snc;;;;;06 555 0106
0107;Privato;Greco Luca;Luca;Greco;;;347 555 0107
0108;Referente;Costa Sara;Sara;Costa;Buyer;0106;06 555 0108
0109;Privato;Fontana Elio;Elio;Fontana;;;349 555 0109
`;


describe("rows typed as an organisation or a person by a column", () => {
  const entities = profileEntities({ files: [file("anagrafica.csv", ANAGRAFICA)], otherFiles: [] });
  const [registry] = entities;

  it("finds the type column, the organisation's name and the person's employer from the rows", () => {
    const mixed = registry === undefined ? undefined : mixedRows(registry);
    expect(mixed?.typed?.column.name).toBe("tipo");
    expect(mixed?.typed?.organisationValues).toEqual(["Azienda"]);
    expect([...(mixed?.typed?.personValues ?? [])].sort()).toEqual(["Privato", "Referente"]);
    expect(mixed?.typed?.employer?.name).toBe("ditta");
    // `Nome` beside `Cognome` is the first name; the organisation's name is the column filled, and unique, on its rows.
    expect(mixed?.firstName?.name).toBe("nome");
    expect(mixed?.personName.name).toBe("cognome");
    expect(mixed?.organisationName.name).toBe("denominazione");
  });

  it("proposes a split by the type, people under their organisation, every partner named or rejected", () => {
    const proposal = proposalFor([file("anagrafica.csv", ANAGRAFICA)]);
    const declaration = proposal.entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [org, person] = declaration.targets;
    expect(org?.header).toBe('org: res.partner when tipo = "Azienda"');
    expect(person?.header).toBe('person: res.partner when tipo in ["Referente", "Privato"]');
    expect(targetLine(org, "name")).toBe("denominazione | trim | required");
    expect(targetLine(person, "name")).toBe("`{nome} {cognome}` | trim | required");
    expect(assignment(proposal, "anagrafica.csv", "parent_id")).toBe("ditta | ref org");
  });
});

// Companies, sole traders (a business under its owner's name) and private persons, none under another.
const REGISTRO = `Codice;Denominazione;Genere;Cognome;Nome;Telefono
0201;Ferri Utensili Srl;Ditta;;;011 555 0201
0202;Studio Tecnico Bianchi di Bianchi Paolo;Individuale;Bianchi;Paolo;011 555 0202
0203;Neri Anna;Privato;Neri;Anna;333 555 0203
0204;Gallo Trasporti Spa;Ditta;;;02 555 0204
0205;Geom. Russo Marta;Individuale;Russo;Marta;02 555 0205
0206;Conti Legno Snc;Ditta;;;06 555 0206
0207;Greco Luca;Privato;Greco;Luca;347 555 0207
0208;Arch. Costa Sara;Individuale;Costa;Sara;06 555 0208
0209;Fontana Elio;Privato;;;349 555 0209
0210;Moretti Ugo;Privato;Moretti;Ugo;349 555 0210
0211;Villa Carla;Privato;Villa;Carla;349 555 0211
`;

describe("rows typed as organisations or people by a column, none under another", () => {
  it("reads a type whose rows name a business beside its owner's names as organisations", () => {
    const [registry] = profileEntities({ files: [file("registro.csv", REGISTRO)], otherFiles: [] });
    const mixed = registry === undefined ? undefined : mixedRows(registry);
    expect(mixed?.typed?.column.name).toBe("genere");
    expect([...(mixed?.typed?.organisationValues ?? [])].sort()).toEqual(["Ditta", "Individuale"]);
    expect(mixed?.typed?.personValues).toEqual(["Privato"]);
    expect(mixed?.typed?.employer).toBeUndefined();
  });

  it("proposes one partner per row, a company by its type, a person by their names or else the row's name", () => {
    const proposal = proposalFor([file("registro.csv", REGISTRO)]);
    const declaration = proposal.entities[0]?.declaration;
    expect(declaration?.kind).toBe("map");
    expect(assignment(proposal, "registro.csv", "is_company")).toBe('genere in ["Ditta", "Individuale"]');
    expect(assignment(proposal, "registro.csv", "name")).toBe('(if genere = "Privato" then `{nome} {cognome}` | trim) ?? denominazione | trim | required');
  });
});

/**
 * A yes/no flag that is yes for sole traders and private persons alike does not tell them apart;
 * a category of seven values does, its private persons few among many firms (German words).
 */
function kundenstamm(): string {
  const categories = ["Handwerk", "Handel", "Industrie", "Bau", "Planung", "Lieferant"];
  const lines = ["Kd-Nr;Firma;Einzelunternehmen;Vorname;Nachname;Kategorie"];
  for (let index = 1; index <= 40; index++) {
    const number = `K${String(index).padStart(3, "0")}`;
    const category = categories[index % categories.length] ?? "Handel";
    if (index <= 4) lines.push(`${number};PETER KLEIN ${index};J;Peter;Klein ${index};Privatkunde`);
    else if (index <= 7) lines.push(`${number};Heizung Maier ${index} - Jonas Maier;J;Jonas;Maier ${index};Handwerk`);
    else lines.push(`${number};Firma ${index} GmbH;N;;;${category}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("rows typed by a category when a flag mixes sole traders and private persons", () => {
  it("types them by the category, a few private persons among many firms", () => {
    const [registry] = profileEntities({ files: [file("kunden.csv", kundenstamm())], otherFiles: [] });
    const mixed = registry === undefined ? undefined : mixedRows(registry);
    expect(mixed?.typed?.column.name).toBe("kategorie");
    expect(mixed?.typed?.personValues).toEqual(["Privatkunde"]);
    expect(mixed?.rows).toMatchObject({ person: 4, organisation: 36 });
  });
});

describe("where a row is", () => {
  it("does not type it, though one country's rows happen to be people alone", () => {
    const clients = `Client No;Company;First Name;Last Name;Country
C1;Acme Ltd;Ann;Lee;UK
C2;Bolt plc;Bob;Ray;UK
C3;Crane Ltd;Cy;Fox;UK
C4;Delta Ltd;Dee;Moe;UK
C5;Echo Ltd;;;UK
C6;Fox Ltd;;;UK
C7;;Eve;Kay;Ireland
C8;;Fay;Day;Ireland
C9;;Gil;Roe;Ireland
C10;Gold Ltd;;;UK
`;
    const [registry] = profileEntities({ files: [file("clients.csv", clients)], otherFiles: [] });
    const mixed = registry === undefined ? undefined : mixedRows(registry);
    expect(mixed?.typed).toBeUndefined();
    expect(mixed?.rows).toEqual({ both: 4, organisation: 3, person: 3 });
  });
});

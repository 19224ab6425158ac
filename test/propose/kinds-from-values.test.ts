/**
 * An export in a language the lexicon does not know (Esperanto headers and file names, invented
 * for this test): what each file holds is read from its values and its links, not its words.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import type { ExportFile } from "../../propose/export.js";
import { exportFile as file } from "./small-exports.js";

const KLIENTOJ = `Kodo;Nomo;Retposto;Telefonnumero;Retejo
K001;Verda Arbo;info@verda.example;+31 20 555 0101;https://verda.example
K002;Blua Maro;kontakto@blua.example;+31 20 555 0102;https://blua.example
K003;Ruga Tero;saluton@ruga.example;+31 20 555 0103;
K004;Flava Suno;info@flava.example;+31 20 555 0104;https://flava.example
K005;Griza Nubo;info@griza.example;+31 20 555 0105;
`;

const NEGOCOJ = `Kodo;Titolo;Kliento;Sumo;Dato;Stato
N01;Nova oficejo;K001;12.500,00 €;03/02/2025;malfermita
N02;Renovigo;K002;8.000,00 €;14/02/2025;gajnita
N03;Servo-kontrakto;K003;1.250,50 €;01/03/2025;malfermita
N04;Mebloj;K001;640,00 €;09/03/2025;perdita
N05;Lumigado;K004;3.300,00 €;21/03/2025;malfermita
N06;Fenestroj;K005;7.900,00 €;02/04/2025;gajnita
N07;Pordoj;K002;2.150,00 €;11/04/2025;malfermita
N08;Tegmento;K003;15.000,00 €;18/04/2025;malfermita
N09;Planko;K004;4.400,00 €;25/04/2025;perdita
N10;Koridoro;K005;990,00 €;30/04/2025;gajnita
`;

const TASKOJ = `Kodo;Dato;Temo;Kliento;Farita
T1;05/02/2025;Voki pri la oferto;K001;Y
T2;06/02/2025;Sendi katalogon;K002;N
T3;10/02/2025;Viziti la ejon;K003;Y
T4;12/02/2025;Voki pri la fakturo;K004;N
T5;20/02/2025;Kunveno kun direktoro;K005;N
T6;24/02/2025;Sendi kontrakton;K001;Y
`;


describe("kinds read from the values when neither names nor headers say", () => {
  const entities = profileEntities({ files: [file("klientoj.csv", KLIENTOJ), file("negocoj.csv", NEGOCOJ), file("taskoj.csv", TASKOJ)], otherFiles: [] });
  const kind = (pattern: string): string | undefined => entities.find((entity) => entity.pattern === pattern)?.kind;

  it("reads amounts, a date, a status and a link as deals", () => {
    expect(kind("negocoj.csv")).toBe("deal");
  });

  it("reads a date, a done flag, a subject and a link as activities", () => {
    expect(kind("taskoj.csv")).toBe("activity");
  });

  it("reads e-mail addresses and phone numbers of records others link to as partners", () => {
    expect(kind("klientoj.csv")).toBe("company");
  });

  it("says why, at the lower confidence of a guess from values", () => {
    const deals = entities.find((entity) => entity.pattern === "negocoj.csv");
    expect(deals?.kindEvidence).toContain("amounts, dates, a status");
    expect(deals?.kindConfidence).toBeLessThan(0.9);
  });
});

const PERSONOJ = `Kodo;Plena nomo;Retposto;Telefonnumero;Firmao
P1;Ana Verda;ana@verda.example;+31 20 555 0201;K001
P2;Bob Blua;bob@blua.example;+31 20 555 0202;K002
P3;Cira Ruga;cira@ruga.example;+31 20 555 0203;K003
P4;Dan Flava;dan@flava.example;+31 20 555 0204;K004
P5;Eva Griza;eva@griza.example;+31 20 555 0205;K005
P6;Feliks Verda;feliks@verda.example;+31 20 555 0206;K001
P7;Gerda Blua;gerda@blua.example;+31 20 555 0207;K002
`;

/** Notes whose texts run over several lines (a quoted cell with line breaks, as the reader hands it over). */
const NOTOJ: ExportFile = {
  path: "notoj.csv",
  encoding: "utf-8",
  encodingNote: null,
  bom: false,
  delimiter: ";",
  headers: ["Kodo", "Dato", "Teksto", "Kliento"],
  rows: [
    ["M1", "05/02/2025", "Telefonis.\nVolas oferton.", "K001"],
    ["M2", "06/02/2025", "Sendis katalogon.\nAtendas respondon.", "K002"],
    ["M3", "10/02/2025", "Vizitis la ejon.", "K003"],
    ["M4", "12/02/2025", "Fakturo pagita.\nDankon.", "K004"],
  ],
  rowCount: 4,
};

describe("people and notes read from the values", () => {
  const entities = profileEntities({
    files: [file("klientoj.csv", KLIENTOJ), file("personoj.csv", PERSONOJ), NOTOJ],
    otherFiles: [],
  });
  const kind = (pattern: string): string | undefined => entities.find((entity) => entity.pattern === pattern)?.kind;

  it("keys a file by its code, never by a phone number whose header says number", () => {
    expect(entities.find((entity) => entity.pattern === "klientoj.csv")?.key).toEqual(["kodo"]);
  });

  it("reads e-mail addresses of records linking to an organisation as people, the organisation as a company", () => {
    expect(kind("personoj.csv")).toBe("person");
    expect(kind("klientoj.csv")).toBe("company");
  });

  it("reads dates, texts of several lines and links as notes", () => {
    expect(kind("notoj.csv")).toBe("note");
  });
});

/**
 * Columns `flitmap init` reads from their values alone: small exports whose headers are words of
 * no language the lexicon knows (invented for this test, as test/propose/opaque-headers.ts does for
 * the families), so that each field below is found by what the column holds and where it stands.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const COMPANIES = `Qavo;Zimbu;Drevak;Plonk;Mirvu;Tassik
K01;Müller Bau GmbH;Hauptstraße 5;10115;Berlin;DE392613073
K02;Schulz Logistik GmbH;Ringweg 12;20095;Hamburg;DE267031646
K03;Becker Metall AG;Kirchplatz 4;10117;Berlin;DE361402787
K04;Wolf Technik KG;Lindenallee 44;80331;München;DE775157078
K05;Koch & Partner GmbH;Bahnhofstraße 9;20095;Hamburg;DE737013185
K06;Richter Druck GmbH;Gartenweg 2;10115;Berlin;DE790887691
K07;Klein Elektro GmbH;Schulstraße 17;80331;München;DE826902896
K08;Neumann Holz AG;Waldstraße 8;20095;Hamburg;DE710519446
`;

const DEALS = `Bruk;Fanzo;Qavo;Yelto;Wozz;Klemt;Snorv;Vurp
D1;Neue Halle für Müller;K01;Offen;10 %;14.06.2025;03.01.2025;Wartet auf die Freigabe des Budgets.
D2;Fuhrpark Schulz;K02;Gewonnen;100 %;20.05.2025;11.02.2025;
D3;Dachsanierung Becker;K03;Offen;40 %;30.09.2025;02.03.2025;
D4;Steuerung Wolf;K04;Verloren;0 %;01.08.2025;15.03.2025;Der Preis war zu hoch für den Kunden.
D5;Wartung Koch;K05;Offen;60 %;12.12.2025;20.04.2025;
D6;Druckstraße Richter;K06;Gewonnen;100 %;05.07.2025;05.05.2025;Vertrag ist schon unterschrieben worden.
D7;Beleuchtung Klein;K07;Offen;20 %;18.11.2025;09.06.2025;
D8;Holzlager Neumann;K08;Verloren;0 %;22.10.2025;30.06.2025;Sie haben sich für einen anderen Anbieter entschieden.
`;

const TASKS = `Id;Ploo;Fanzo;Qavo;Duvo;Jikko;Dunno;Vurp
1;Ruf;Angebot nachfassen;K01;10.02.2025;Y;12.02.2025;Der Kunde wollte einen Rückruf am Abend.
2;Treffen;Vorführung vor Ort;K02;14.02.2025;N;;
3;Ruf;Preise klären;K03;20.02.2025;Y;19.02.2025;
4;Post;Unterlagen senden;K04;03.03.2025;N;;Bitte die neue Preisliste mit beilegen.
5;Ruf;Termin vereinbaren;K05;07.03.2025;Y;10.03.2025;
6;Treffen;Abnahme der Halle;K06;15.03.2025;N;;Der Bauleiter ist nur vormittags erreichbar.
7;Post;Rechnung erklären;K07;21.03.2025;Y;21.03.2025;
8;Ruf;Wartung planen;K08;28.03.2025;N;;
`;

describe("columns whose headers say nothing init knows, read from their values", () => {
  const proposal = proposalFor([file("companies.csv", COMPANIES), file("deals.csv", DEALS), file("tasks.csv", TASKS)]);

  it("finds a company's street (words and a number), its post code beside its town, and its VAT number", () => {
    expect(assignment(proposal, "companies.csv", "street")).toBe("drevak | trim");
    expect(assignment(proposal, "companies.csv", "zip")).toMatch(/^plonk\b/);
    expect(assignment(proposal, "companies.csv", "city")).toBe("mirvu | trim");
    expect(assignment(proposal, "companies.csv", "vat")).toMatch(/^tassik\b/);
  });

  it("finds a deal's name (its most varied text), stage (a few values on every row), probability, deadline (the later date) and notes", () => {
    expect(assignment(proposal, "deals.csv", "name")).toMatch(/^fanzo \| trim/);
    expect(assignment(proposal, "deals.csv", "stage_id")).toMatch(/^yelto \| trim \| \w+$/);
    expect(assignment(proposal, "deals.csv", "probability")).toBe("wozz");
    expect(assignment(proposal, "deals.csv", "date_deadline")).toBe("klemt");
    expect(assignment(proposal, "deals.csv", "description")).toMatch(/^vurp\b/);
  });

  it("finds an activity's type, summary, deadline, done flag, done date (filled where the flag says so) and note", () => {
    expect(assignment(proposal, "tasks.csv", "activity_type_id")).toMatch(/^ploo \| trim \| \w+$/);
    expect(assignment(proposal, "tasks.csv", "summary")).toMatch(/^fanzo\b/);
    expect(assignment(proposal, "tasks.csv", "date_deadline")).toMatch(/^duvo\b/);
    expect(assignment(proposal, "tasks.csv", "active")).toBe("not jikko");
    expect(assignment(proposal, "tasks.csv", "date_done")).toBe("dunno");
    expect(assignment(proposal, "tasks.csv", "note")).toMatch(/^vurp\b/);
  });
});

const PEOPLE = `Id;Hoop;Zarv;Kwell;Ruvo;Bontu;Skree;Plaat;Qavo
P1;Frau;Anna;Schulz;Einkauf;030 1112223;0170 1234567;anna@mueller.de;K01
P2;Herr;Ben;Koch;Vertrieb;089 3334445;0171 7654321;ben@schulz.de;K02
P3;Frau;Clara;Wolf;Einkauf;0221 555666;0172 5556667;clara@becker.de;K03
P4;Herr;David;Braun;Leitung;040 7778889;0160 9988776;david@wolf.de;K04
P5;Herr;Emil;Vogel;Vertrieb;0711 2223334;0176 1122334;emil@koch.de;K05
P6;Frau;Frieda;Lang;Einkauf;0911 4445556;0151 2233445;frieda@richter.de;K06
`;

describe("a person's name, position and phones, read from their values", () => {
  const proposal = proposalFor([file("companies.csv", COMPANIES), file("people.csv", PEOPLE)]);

  it("names a person by the given names and surnames side by side, titled by the salutations before them", () => {
    expect(assignment(proposal, "people.csv", "name")).toBe("`{zarv} {kwell}` | trim | required");
    expect(assignment(proposal, "people.csv", "title")).toMatch(/^hoop \| trim \| \w+$/);
  });

  it("takes a person's few values repeated on many rows for the job position", () => {
    expect(assignment(proposal, "people.csv", "function")).toBe("ruvo | trim");
  });

  it("tells the mobile numbers from the fixed lines by their few prefixes", () => {
    expect(assignment(proposal, "people.csv", "mobile")).toBe("skree");
    expect(assignment(proposal, "people.csv", "phone")).toBe("bontu");
  });
});

const RELATIONS = `Nummo;Zimbu;Hoop;Zarv;Kwell;Drevak
R1;Sommer Glas GmbH;;;;Talweg 1
R2;;Frau;Anna;Schulz;Bergstraße 7
R3;Winter Stahl AG;Herr;Ben;Koch;Kirchplatz 4
R4;;Herr;Clara;Wolf;Mühlweg 21
R5;Herbst & Söhne GmbH;;;;Marktplatz 6
R6;;Frau;David;Braun;Feldweg 30
R7;Frühling Elektro GmbH;Frau;Emil;Vogel;Seestraße 2
R8;;Herr;Frieda;Lang;Parkstraße 11
`;

const QUOTES = `Zork;Qavo;Fanzo;Grimp
Q1;K01;Neue Halle;12000
Q2;K02;Fuhrpark;8000
Q3;K03;Dach;15000
Q4;K04;Steuerung;4000
Q5;K05;Wartung;2500
`;

describe("no partner without a name, and no quote without its customer, whatever the headers", () => {
  const proposal = proposalFor([file("companies.csv", COMPANIES), file("relations.csv", RELATIONS), file("quotes.csv", QUOTES)]);

  it("names a row its organisation's name leaves blank by the person's given names and surnames", () => {
    expect(assignment(proposal, "relations.csv", "name")).toBe("(zimbu ?? `{zarv} {kwell}`) | trim | required");
  });

  it("links a quote to its customer through the one column of company keys, since Odoo requires it", () => {
    expect(assignment(proposal, "quotes.csv", "partner_id")).toBe("qavo | ref company");
  });
});

const ACCOUNTS = `Nummo;Zimbu;Blorf;Gnarp
A1;Sommer Glas GmbH;03.01.2021 09:12;14.05.2024 16:40
A2;Winter Stahl AG;11.02.2021 10:05;02.03.2023 08:15
A3;Herbst & Söhne GmbH;25.06.2022 14:30;25.06.2022 17:02
A4;Frühling Elektro GmbH;07.09.2022 08:00;19.11.2025 11:11
A5;Regen Bau KG;30.11.2023 16:45;01.12.2024 09:30
A6;Nebel Druck GmbH;12.01.2024 12:00;13.01.2025 13:00
`;

describe("a record's stamps, read from their values", () => {
  const proposal = proposalFor([file("accounts.csv", ACCOUNTS)]);

  it("takes the date-time never before the other, on another day on most rows, for the change stamp, and ignores the creation stamp", () => {
    const entity = proposal.entities.find((candidate) => candidate.entity.pattern === "accounts.csv");
    expect(entity?.entity.modifiedColumn).toBe("gnarp");
    const report = proposal.columns.find((column) => column.pattern === "accounts.csv" && column.header === "Blorf");
    expect(report?.outcomes.map((outcome) => outcome.kind)).toEqual(["ignore"]);
  });
});

const CARDS = `Nummo;Zimbu;Drevak;Wimbo
C1;Sommer Glas GmbH;Talweg 1;Aktif
C2;Winter Stahl AG;Bergstraße 7;Aktif
C3;Herbst & Söhne GmbH;Kirchplatz 4;Pasif
C4;Frühling Elektro GmbH;Mühlweg 21;Aktif
C5;Regen Bau KG;Marktplatz 6;Aktif
C6;Nebel Druck GmbH;Feldweg 30;Pasif
`;

const BIRTHDAYS = `Id;Zarv;Kwell;Qavo;Glimt
P1;Anna;Schulz;C1;12. Mai
P2;Ben;Koch;C2;3. Juni
P3;Clara;Wolf;C3;
P4;David;Braun;C4;28. Januar
P5;Emil;Vogel;C5;12. Mai
P6;Frieda;Lang;C6;7. Oktober
P7;Greta;Roth;C1;19. Juni
P8;Hanna;Berg;C2;2. Oktober
P9;Ida;Kraus;C3;30. Januar
P10;Jan;Frank;C4;21. Mai
`;

describe("short words that say a state, and days of the year, are no salutations and no streets", () => {
  const proposal = proposalFor([file("cards.csv", CARDS), file("people.csv", BIRTHDAYS)]);

  it("archives the partners whose few short values say they are passive, instead of titling them", () => {
    expect(assignment(proposal, "cards.csv", "title")).toBeUndefined();
    expect(assignment(proposal, "cards.csv", "active")).toBe('wimbo != "Pasif"');
  });

  it("keeps a birthday without its year (a day and a month's name) off the street", () => {
    expect(assignment(proposal, "people.csv", "street")).toBeUndefined();
  });
});

const KONTAKTER = `Id;Fornavn;Etternavn;Fylke;E-post
K1;Kari;Nordmann;vestland;kari@fjord.no
K2;Ola;Hansen;viken;ola@viken.no
K3;Ingrid;Berg;vestland;ingrid@berg.no
K4;Lars;Dahl;viken;lars@dahl.no
K5;Siri;Lie;troms;siri@lie.no
K6;Per;Moen;vestland;per@moen.no
K7;Anne;Bakke;viken;anne@bakke.no
K8;Nils;Haug;troms;nils@haug.no
`;

describe("a header the lexicon knows outranks what its values look like", () => {
  const proposal = proposalFor([file("kontakter.csv", KONTAKTER)]);

  it("keeps a person's county (Fylke: a few values in small letters on every row, no state Odoo would find) out of the job position", () => {
    expect(assignment(proposal, "kontakter.csv", "function")).toBeUndefined();
    expect(assignment(proposal, "kontakter.csv", "x_fylke")).toBe("fylke | trim");
  });
});

const CLIENTES = `Código;Empresa;Ciudad;Teléfono
C1;Talleres García SL;Valencia;961 234 567
C2;Construcciones López SA;Madrid;915 555 666
C3;Muebles Ruiz SL;Sevilla;954 777 888
C4;Transportes Díaz SA;Bilbao;944 111 222
C5;Panadería Martín SL;Valencia;963 333 444
`;

describe("a customer file's company column", () => {
  const proposal = proposalFor([file("clientes.csv", CLIENTES)]);

  it("names the customer (words without a digit are no company registry number)", () => {
    expect(assignment(proposal, "clientes.csv", "name")).toBe("empresa | trim | required");
    expect(assignment(proposal, "clientes.csv", "company_registry")).toBeUndefined();
  });
});

const REGISTER = `Nummo;Zimbu;Flarn;Gorp;Twix;Mobo;Plaz;Quib
R01;Sommer Glas GmbH;A;5000,00;03.01.2021;info@sommer-glas.de;030 1234567;
R02;Winter Stahl AG;B;12000,00;11.02.2021;kontakt@winter-stahl.de;040 7654321;R01
R03;Herbst & Söhne GmbH;A;2500,00;25.06.2022;post@herbst-soehne.de;089 5556667;
R04;Frühling Elektro GmbH;A;7500,00;07.09.2022;info@fruehling-elektro.de;0221 998877;R01
R05;Regen Bau KG;B;1000,00;30.11.2023;bau@regen-bau.de;0711 223344;
R06;Nebel Druck GmbH;A;3000,00;12.01.2024;druck@nebel-druck.de;0911 445566;R03
R07;Sturm Holz AG;A;9000,00;14.03.2024;holz@sturm-holz.de;0341 667788;
R08;Blitz Metall GmbH;B;4000,00;02.05.2024;metall@blitz.de;0351 889900;R05
`;

describe("a register of firms whose file name and headers say nothing init knows", () => {
  const proposal = proposalFor([file("blorp.csv", REGISTER)]);

  it("is partners, not deals, although it has amounts, dates, a type and a link (firms named once, with their legal form, beside e-mails and phones)", () => {
    const entity = proposal.entities.find((candidate) => candidate.entity.pattern === "blorp.csv");
    const declaration = entity?.declaration;
    const headers = declaration === undefined ? [] : declaration.kind === "map" ? [declaration.target.header] : declaration.targets.map((target) => target.header);
    expect(headers).toEqual(["map Blorp -> res.partner"]);
    expect(assignment(proposal, "blorp.csv", "name")).toMatch(/^zimbu\b/);
  });
});

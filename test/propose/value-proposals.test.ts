/**
 * Value-level proposals on small exports written for this test (from no export family, in
 * languages the lexicon knows): owners written as given names and a surname's initial;
 * percentages declared as such; a Polish CRM's deals, whose segment, channel, rating and dates say
 * by their values and the schema which fields they are; a Swedish deal's stages repeated across
 * funnels; change stamps; activities with a done flag, the done ones chatter messages on request.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignment, columnLine, exportFile as file, proposalFor, proposeExport } from "./small-exports.js";

describe("owners written as given names and a surname's initial", () => {
  const activities = `ID;Date;Subject;Done;Owner;Company
1;03/02/2024;Call back;Yes;Jan K.;C1
2;04/02/2024;Send offer;No;Ana Paula F.;C2
3;05/02/2024;Visit;Yes;Jan K.;C1
4;06/02/2024;Call back;No;Mark de V.;C3
5;07/02/2024;Send offer;Yes;Ana Paula F.;C2
6;08/02/2024;Visit;No;Mark de V.;C3
7;09/02/2024;Call back;Yes;Jan K.;C1
`;
  const companies = `Company ID;Company Name
C1;Acme Ltd
C2;Bolt plc
C3;Crane Ltd
`;
  const proposal = proposalFor([file("activities.csv", activities), file("companies.csv", companies)]);

  it("are users looked up by name with the surname_initial rule", () => {
    expect(assignment(proposal, "activities.csv", "user_id")).toBe("owner | user_by_short_name");
    expect(proposal.lookups).toContainEqual(
      expect.objectContaining({ name: "user_by_short_name", model: "res.users", by: "name", match: { rule: "surname_initial", ambiguous: "reject" } }),
    );
  });
});

describe("a column of percentages", () => {
  it('is declared decimal "%", which the reader reads as the number Odoo\'s percentage fields hold', async () => {
    const directory = mkdtempSync(join(tmpdir(), "flitmap-init-percent-"));
    try {
      const deals = `Deal ID;Deal Name;Chance;Amount
D1;Warehouse;60%;1200
D2;Fleet;12,5 %;800
D3;Panels;90 %;450
D4;Roof;25%;900
D5;Boiler;;300
`;
      const proposed = await proposeExport(directory, { "deals.csv": deals });
      expect(columnLine(proposed, "chance")).toMatch(/^\s*chance\s+"Chance"\s+decimal "%" \/\/ 4 of 5 values parse as percentages/);
      expect(proposed.files.find((entry) => entry.name === "deal.flitmap")?.text).toMatch(/\n\s*probability\s+<- chance \/\//);
      expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("takes the sign before the number too (%60), as some languages write it", async () => {
    const directory = mkdtempSync(join(tmpdir(), "flitmap-init-percent-"));
    try {
      const deals = `Deal ID;Deal Name;Chance;Amount
D1;Warehouse;%60;1200
D2;Fleet;%12,5;800
D3;Panels;%90;450
D4;Roof;% 25;900
`;
      const proposed = await proposeExport(directory, { "deals.csv": deals });
      expect(columnLine(proposed, "chance")).toMatch(/^\s*chance\s+"Chance"\s+decimal "%" \/\/ 4 of 4 values parse as percentages/);
      expect(proposed.files.find((entry) => entry.name === "deal.flitmap")?.text).toMatch(/\n\s*probability\s+<- chance \/\//);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("a deal's values saying their fields (a Polish CRM)", () => {
  const firms = `Id;Nazwa;Segment
1;Młyn Sp. z o.o.;Handel / Hurt
2;Kowal SA;Przemysł
3;Lipa Sp. z o.o.;Handel / Hurt
4;Dąb SA;Usługi
5;Brzoza SA;Przemysł
6;Jodła Sp. z o.o.;Usługi
`;
  const deals = `Numer;Nazwa;Firma;Status;Wartość;Kanał;Ocena;Planowane zamknięcie;Data zamknięcia
S1;Magazyn;1;W toku;1200;Targi / Wystawy;4;10.03.2024;
S2;Flota;2;Wygrana;800;Polecenie;5;12.03.2024;14.03.2024
S3;Panele;3;Przegrana;450;Strona www;1;15.03.2024;11.03.2024
S4;Dach;4;W toku;900;Targi / Wystawy;3;20.03.2024;
S5;Kocioł;5;Wygrana;300;Polecenie;2;22.03.2024;25.03.2024
S6;Okna;6;W toku;700;Strona www;;25.03.2024;
S7;Brama;1;Przegrana;650;Targi / Wystawy;1;28.03.2024;20.03.2024
S8;Płot;2;W toku;120;Polecenie;5;30.03.2024;
`;
  const proposal = proposalFor([file("firmy.csv", firms), file("szanse.csv", deals)]);

  it("reads a segment as the industry", () => {
    expect(assignment(proposal, "firmy.csv", "industry_id")).toMatch(/^segment \| trim \| \w+$/);
  });

  it("reads a channel holding a label with a slash as the source, not as tags", () => {
    expect(assignment(proposal, "szanse.csv", "source_id")).toMatch(/^kanal \| trim \| \w+$/);
  });

  it("reads a rating of one to five as the priority, through a table onto Odoo's stars", () => {
    const expression = assignment(proposal, "szanse.csv", "priority");
    expect(expression).toMatch(/^ocena \| \w+$/);
    const table = proposal.tables.find((candidate) => candidate.name === expression?.split(" | ")[1]);
    expect(table?.input).toBe("integer");
    expect(table?.entries.map((entry) => [entry.key, entry.value])).toEqual([
      ["1", '"0"'],
      ["2", '"0"'],
      ["3", '"1"'],
      ["4", '"2"'],
      ["5", '"3"'],
    ]);
  });

  it("tells the expected closing date from the actual one, filled only on the won and lost rows", () => {
    expect(assignment(proposal, "szanse.csv", "date_deadline")).toBe("planowane_zamkniecie");
    expect(assignment(proposal, "szanse.csv", "date_closed")).toMatch(/^data_zamkniecia\b/);
  });
});

describe("a change stamp named as the lexicon's languages name one", () => {
  it.each([
    ["Última actualización", "ultima_actualizacion"],
    ["Última atualização", "ultima_atualizacao"],
    ["Ostatnia aktualizacja", "ostatnia_aktualizacja"],
    ["Sidst opdateret", "sidst_opdateret"],
  ])("reads %s as the row's change stamp", (header, name) => {
    const rows = `Id;Nome;${header}
1;Alfa;03/02/2024 10:15
2;Beta;04/02/2024 11:20
3;Gama;05/02/2024 09:05
`;
    const proposal = proposalFor([file("clientes.csv", rows)]);
    expect(proposal.entities.find((entity) => entity.entity.pattern === "clientes.csv")?.entity.modifiedColumn).toBe(name);
  });
});

describe("activities with a done flag (a Dutch CRM)", () => {
  const activities = `Actienummer;Datum;Tijd;Onderwerp;Omschrijving;Afgerond;Bedrijfsnummer
A1;03-02-2024;9:30;Terugbellen;Vraag over offerte;Ja;B1
A2;04-02-2024;;Offerte sturen;;Nee;B2
A3;05-02-2024;14:00;Bezoek;Rondleiding gehad;Ja;B3
A4;06-02-2024;;Terugbellen;;Nee;B1
A5;07-02-2024;10:15;Offerte sturen;Verstuurd per post;Ja;B2
A6;08-02-2024;;Bezoek;;Nee;B3
`;
  const companies = `Bedrijfsnummer;Bedrijfsnaam
B1;Molen BV
B2;Dijk NV
B3;Polder BV
`;
  const files = { "activiteiten.csv": activities, "bedrijven.csv": companies };
  const exported = Object.entries(files).map(([name, text]) => file(name, text));
  const proposal = proposalFor(exported, { doneActivities: "messages" });
  const declaration = proposal.entities.find((entity) => entity.entity.pattern === "activiteiten.csv")?.declaration;

  it("are kept as activities by default, the done ones archived as Odoo 17 keeps them", () => {
    const plain = proposalFor(exported);
    expect(plain.entities.find((entity) => entity.entity.pattern === "activiteiten.csv")?.declaration?.kind).toBe("map");
    expect(assignment(plain, "activiteiten.csv", "active")).toBe("not afgerond");
  });

  it("with --done-activities messages, are split by the flag: the done ones chatter messages on their record, the open ones activities", () => {
    expect(declaration?.kind).toBe("split");
    const targets = declaration?.kind === "split" ? declaration.targets : [];
    expect(targets.map((target) => target.header)).toEqual([
      expect.stringMatching(/^\w+: mail\.message when afgerond$/),
      expect.stringMatching(/^\w+: mail\.activity when not afgerond$/),
    ]);
    const [message, activity] = targets.map(
      (target) => new Map(target.body.flatMap((line) => (line.kind === "assign" ? [[line.field, line.expression] as const] : []))),
    );
    expect(message?.get("message_type")).toBe('"comment"');
    expect(message?.get("subtype_id")).toMatch(/^\w+$/);
    expect(message?.get("date")).toBe('(if tijd is present then `{datum} {tijd}` | datetime("yyyy-MM-dd H:mm")) ?? datum | datetime');
    expect(message?.get("res_id")).toMatch(/bedrijfsnummer \| ref company/);
    expect(message?.get("body")).toMatch(/^omschrijving\b/);
    expect(activity?.get("res_id")).toMatch(/bedrijfsnummer \| ref company/);
    expect(activity?.get("date_deadline")).toBe("datum");
    expect(activity?.has("active")).toBe(false);
  });

  it("checks without errors", async () => {
    const directory = mkdtempSync(join(tmpdir(), "flitmap-init-done-"));
    try {
      const proposed = await proposeExport(directory, files, { doneActivities: "messages" });
      expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("a deal's funnel and stages whose names repeat across funnels (a Swedish CRM)", () => {
  const deals = `Affärsnummer;Namn;Tratt;Etapp;Värde
A1;Lager;Försäljning;Offert skickad;1200
A2;Flotta;Upphandling;Offert skickad;800
A3;Paneler;Försäljning;Förhandling;450
A4;Tak;Upphandling;Anbud;900
A5;Panna;Försäljning;Offert skickad;300
A6;Fönster;Upphandling;Offert skickad;700
A7;Grind;Försäljning;Förhandling;650
`;
  const proposal = proposalFor([file("affarer.csv", deals)]);

  it("reads the funnel as the team, and looks the stage up with its funnel", () => {
    expect(assignment(proposal, "affarer.csv", "team_id")).toMatch(/^tratt \| trim \| \w+$/);
    const expression = assignment(proposal, "affarer.csv", "stage_id") ?? "";
    expect(expression).toMatch(/^`\{tratt\}: \{etapp\}` \| \w+$/);
    const table = proposal.tables.find((candidate) => candidate.name === expression.split(" | ")[1]);
    expect(table?.entries.map((entry) => [entry.key, entry.value])).toEqual([
      ["Försäljning: Förhandling", "forhandling"],
      ["Försäljning: Offert skickad", "offert_skickad"],
      ["Upphandling: Offert skickad", "offert_skickad"],
      ["Upphandling: Anbud", "anbud"],
    ]);
  });

  it("keeps the stage alone when no name repeats across funnels", () => {
    const apart = proposalFor([file("affarer.csv", deals.replace(/Upphandling;Offert skickad/g, "Upphandling;Anbud"))]);
    expect(assignment(apart, "affarer.csv", "stage_id")).toMatch(/^etapp \| trim \| \w+$/);
  });
});

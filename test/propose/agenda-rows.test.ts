/**
 * An agenda whose rows are of two sorts, told apart by a type column: appointments, which end
 * (`17.30` to `19.00`), are calendar events; calls and reminders, which do not, activities. Times
 * written `9.30` are times of day, not decimals, and a status saying done archives an activity.
 * Invented for this test, from no export family; its type and status words are Dutch and
 * English, but the split is read from the rows.
 */
import { describe, expect, it } from "vitest";
import { agendaRows } from "../../propose/agenda-rows.js";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const DIARY = `Id;Date;From;To;Sort;Subject;Owner;Status
1;02/05/2025;9.30;;Bellen;Call back about the quote;Klaus Vogel;Completed
2;03/05/2025;14.00;16.30;Bezoek;Measure the windows;Anna Bakker;Completed
3;05/05/2025;;;Herinnering;Check the order;Klaus Vogel;Open
4;06/05/2025;10.15;11.00;Bezoek;Showroom visit;Anna Bakker;Open
5;07/05/2025;8.45;;Bellen;Ask for the drawings;Klaus Vogel;Open
6;08/05/2025;17.30;19.00;Bezoek;Site survey;Klaus Vogel;Completed
7;09/05/2025;;;Herinnering;Send the invoice;Anna Bakker;Completed
8;12/05/2025;11.30;;Bellen;Confirm the delivery;Anna Bakker;Open
`;

describe("an agenda of appointments and calls, told apart by a type column", () => {
  const files = [file("appointments.csv", DIARY)];

  it("reads the times as times of day and the types that end as appointments", () => {
    const [diary] = profileEntities({ files, otherFiles: [] });
    expect(diary?.columns.find((column) => column.name === "from")?.guess.type).toBe("text");
    const agenda = diary === undefined ? undefined : agendaRows(diary);
    expect(agenda?.type.name).toBe("sort");
    expect(agenda?.eventValues).toEqual(["Bezoek"]);
    expect([...(agenda?.activityValues ?? [])].sort()).toEqual(["Bellen", "Herinnering"]);
    expect(agenda?.moments).toMatchObject({ kind: "times", timePattern: "H.mm" });
  });

  it("splits the appointments into calendar events, from the day and their times, and the rest into activities", () => {
    const declaration = proposalFor(files).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [event, activity] = declaration.targets;
    expect(event?.header).toBe('event: calendar.event when sort = "Bezoek"');
    expect(activity?.header).toBe('appointment: mail.activity when sort in ["Bellen", "Herinnering"]');
    expect(targetLine(event, "start")).toBe('`{date} {from}` | datetime("yyyy-MM-dd H.mm")');
    expect(targetLine(event, "stop")).toBe('`{date} {to}` | datetime("yyyy-MM-dd H.mm")');
    expect(targetLine(event, "name")).toBe("subject | trim");
    expect(targetLine(activity, "date_deadline")).toBe("date");
    expect(targetLine(activity, "active")).toBe('status != "Completed"');
    expect(activity?.body.filter((candidate) => candidate.kind === "ignore").map((candidate) => (candidate.kind === "ignore" ? candidate.column : ""))).toEqual(
      ["from", "to"],
    );
  });
});

// Czech: a CRM's events with a start and an end as date-times, the end filled on meetings alone, a due day on tasks.
const UDALOSTI = `ID;Typ;Předmět;Začátek;Konec;Termín;Firma
501;Schůzka;Prohlídka kotelny;03.02.2025 09:00;03.02.2025 10:30;;F01
502;Telefonát;Dotaz na cenu;03.02.2025 11:15;;;F02
503;Úkol;Poslat nabídku;04.02.2025 08:00;;07.02.2025;F01
504;Schůzka;Předání zakázky;05.02.2025 13:00;05.02.2025 14:00;;F03
505;E-mail;Potvrzení termínu;05.02.2025 16:40;;;F02
506;Úkol;Objednat materiál;06.02.2025 08:30;;10.02.2025;F03
507;Schůzka;Kontrola montáže;07.02.2025 10:00;07.02.2025 12:00;;F01
508;Telefonát;Reklamace;07.02.2025 14:20;;;F03
`;
const FIRMY = `Kód;Obchodní jméno;Město
F01;Aquaterm s.r.o.;Brno
F02;Stavby Morava a.s.;Olomouc
F03;Teplo Plus spol. s r.o.;Zlín
`;

describe("an agenda whose appointments start and end as date-times", () => {
  const files = [file("udalosti.csv", UDALOSTI), file("firmy.csv", FIRMY)];

  it("tells the meetings by their end, whatever the type's words", () => {
    const diary = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "udalosti.csv");
    const agenda = diary === undefined ? undefined : agendaRows(diary);
    expect(agenda?.type.name).toBe("typ");
    expect(agenda?.eventValues).toEqual(["Schůzka"]);
    expect(agenda?.start.name).toBe("zacatek");
    expect(agenda?.end.name).toBe("konec");
    expect(agenda?.moments).toMatchObject({ kind: "datetimes", due: { name: "termin" } });
  });

  it("splits them into calendar events from their date-times and activities due on their day", () => {
    const proposal = proposalFor(files);
    const declaration = proposal.entities.find((entity) => entity.entity.pattern === "udalosti.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [event, activity] = declaration.targets;
    expect(event?.header).toBe('event: calendar.event when typ = "Schůzka"');
    expect(targetLine(event, "start")).toBe("zacatek");
    expect(targetLine(event, "stop")).toBe("konec ?? zacatek | add_minutes(60)");
    expect(targetLine(activity, "date_deadline")).toBe("termin ?? zacatek | date");
  });

  it("loads the meetings as events and the rest as activities of their firm", async () => {
    await loadProposed({ "udalosti.csv": UDALOSTI, "firmy.csv": FIRMY }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const events = sample.double.records("calendar.event").map((record) => `${String(record["name"])} ${String(record["start"])}-${String(record["stop"])}`);
      expect(events.sort()).toEqual([
        "Kontrola montáže 2025-02-07 10:00:00-2025-02-07 12:00:00",
        "Prohlídka kotelny 2025-02-03 09:00:00-2025-02-03 10:30:00",
        "Předání zakázky 2025-02-05 13:00:00-2025-02-05 14:00:00",
      ]);
      const activities = sample.double.records("mail.activity").map((record) => `${String(record["summary"])} ${String(record["date_deadline"])}`);
      expect(activities.sort()).toEqual([
        "Dotaz na cenu 2025-02-03",
        "Objednat materiál 2025-02-10",
        "Poslat nabídku 2025-02-07",
        "Potvrzení termínu 2025-02-05",
        "Reklamace 2025-02-07",
      ]);
    });
  });
});

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
import { exportFile as file, proposalFor } from "./small-exports.js";

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
    expect(agenda?.timePattern).toBe("H.mm");
  });

  it("splits the appointments into calendar events, from the day and their times, and the rest into activities", () => {
    const declaration = proposalFor(files).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [event, activity] = declaration.targets;
    expect(event?.header).toBe('event: calendar.event when sort = "Bezoek"');
    expect(activity?.header).toBe('appointment: mail.activity when sort in ["Bellen", "Herinnering"]');
    const line = (target: typeof event, field: string): string | undefined => {
      const found = target?.body.find((candidate) => candidate.kind === "assign" && candidate.field === field);
      return found?.kind === "assign" ? found.expression : undefined;
    };
    expect(line(event, "start")).toBe('`{date} {from}` | datetime("yyyy-MM-dd H.mm")');
    expect(line(event, "stop")).toBe('`{date} {to}` | datetime("yyyy-MM-dd H.mm")');
    expect(line(event, "name")).toBe("subject | trim");
    expect(line(activity, "date_deadline")).toBe("date");
    expect(line(activity, "active")).toBe('status != "Completed"');
    expect(activity?.body.filter((candidate) => candidate.kind === "ignore").map((candidate) => (candidate.kind === "ignore" ? candidate.column : ""))).toEqual(
      ["from", "to"],
    );
  });
});

/**
 * An agenda that logs when each entry happened or starts (a date-time on every row), how long it
 * lasted, and the day an open task is due: its meetings and visits, told by their type's words,
 * are calendar events attended by the partners they name; its done calls, e-mails and notes are
 * history, notes in the chatter of their record; the rest activities. Invented for this test, from
 * no export family.
 */
import { describe, expect, it } from "vitest";
import { agendaRows } from "../../propose/agenda-rows.js";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const ACTIVITIES = `Activity ID;Type;Subject;Start;Duration (min);Due;Status;Company;Contact
1;Meeting;Kick-off;2025-02-03 09:00;90;;Done;C1;Ann Reid
2;Call;Price question;2025-02-03 11:15;10;;Done;C2;
3;Visit;Site survey;2025-02-04 14:00;;;Planned;C1;
4;Email;Send the offer;2025-02-04 16:00;;;Done;C3;Bob Shaw
5;Task;Order parts;2025-02-05 08:30;;2025-02-10;Planned;C2;
6;Call;Follow-up;2025-02-06 10:00;5;;Planned;C3;
7;Note;Internal reminder;2025-02-06 12:00;;;Done;;
8;Meeting;Handover;2025-02-07 13:00;60;;Planned;C2;Cid Lowe
`;
const COMPANIES = `Company ID;Company Name;City
C1;Acme Ltd;Leeds
C2;Bolt plc;York
C3;Crane Ltd;Hull
`;
const CONTACTS = `Contact ID;Name;Company ID;Email
P1;Ann Reid;C1;ann@acme.example
P2;Bob Shaw;C3;bob@crane.example
P3;Cid Lowe;C2;cid@bolt.example
`;
const FILES = { "activities.csv": ACTIVITIES, "companies.csv": COMPANIES, "contacts.csv": CONTACTS };

describe("an agenda of moments and durations", () => {
  const files = Object.entries(FILES).map(([name, text]) => file(name, text));

  it("tells the appointments by their type's words, since a call lasts too", () => {
    const diary = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "activities.csv");
    const agenda = diary === undefined ? undefined : agendaRows(diary);
    expect(agenda?.type.name).toBe("type");
    expect([...(agenda?.eventValues ?? [])].sort()).toEqual(["Meeting", "Visit"]);
    expect(agenda?.end.name).toBe("duration_min");
    expect(agenda?.moments).toMatchObject({ kind: "duration", minutes: 1, due: { name: "due" } });
  });

  it("splits it into events, notes of what was done and activities still to do", () => {
    const declaration = proposalFor(files).entities.find((entity) => entity.entity.pattern === "activities.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [event, message, activity] = declaration.targets;
    expect(event?.header).toBe('event: calendar.event when type in ["Meeting", "Visit"]');
    expect(targetLine(event, "stop")).toBe("start | add_minutes(duration_min ?? 60)");
    expect(targetLine(event, "partner_ids")).toBe("[company | ref company, contact | ref contact by name]");
    expect(message?.header).toBe('message: mail.message when type in ["Call", "Email", "Task", "Note"] and status = "Done" and (company is present or contact is present)');
    expect(targetLine(message, "date")).toBe("start");
    // The organisation before a person there, who may share a name with another firm's.
    expect(targetLine(message, "res_id")).toBe("(company | ref company ?? contact | ref contact by name) | required");
    expect(activity?.header).toBe('activity: mail.activity when type in ["Call", "Email", "Task", "Note"] and status != "Done" and (company is present or contact is present)');
    expect(targetLine(activity, "date_deadline")).toBe("due ?? start | date");
  });

  it("loads them so, the internal note skipped", async () => {
    await loadProposed(FILES, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const events = sample.double.records("calendar.event").map((record) => `${String(record["name"])} ${String(record["stop"])}`);
      expect(events.sort()).toEqual(["Handover 2025-02-07 14:00:00", "Kick-off 2025-02-03 10:30:00", "Site survey 2025-02-04 15:00:00"]);
      const kickOff = sample.double.records("calendar.event").find((record) => record["name"] === "Kick-off");
      expect(kickOff?.["partner_ids"]).toHaveLength(2);
      const notes = sample.double.records("mail.message").filter((record) => record["message_type"] === "comment" && typeof record["subject"] === "string");
      expect(notes.map((record) => record["subject"]).sort()).toEqual(["Call: Price question", "Email: Send the offer"]);
      expect(sample.double.records("mail.activity").map((record) => record["summary"]).sort()).toEqual(["Follow-up", "Order parts"]);
    });
  });
});

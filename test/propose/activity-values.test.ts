/**
 * Agendas whose headers are words no lexicon knows (a language init has never seen): how long
 * each entry lasted, whether it was done, which column is its kind and which its subject, and
 * its outcome in short sentences, read from the values (agenda-rows.ts, done-rows.ts,
 * activity-roles.ts). Written for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { agendaRows } from "../../propose/agenda-rows.js";
import { doneColumn } from "../../propose/done-rows.js";
import { profileEntities } from "../../propose/entities.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

/** Twelve entries: a moment on every row, minutes on the meetings, visits and calls, a yes/no on every row. */
const MOMENTS = `Qizvob;Xazbok;Bozdiq;Zovdik;Quqvyv;Qyxdux;Gavzoz
1;Meeting;Kick-off;2025-02-03 09:00;90;Zubzo;C1
2;Call;Price question;2025-02-03 11:15;10;Zubzo;C2
3;Visit;Site survey;2025-02-04 14:00;60;Mimor;C1
4;Email;Send the offer;2025-02-04 16:00;;Zubzo;C3
5;Task;Order parts;2025-02-05 08:30;;Mimor;C2
6;Call;Follow-up;2025-02-06 10:00;30;Mimor;C3
7;Meeting;Handover;2025-02-07 13:00;60;Zubzo;C2
8;Call;Reminder of the invoice;2025-02-07 15:00;15;Zubzo;C1
9;Visit;Measurements;2025-02-10 10:00;90;Mimor;C3
10;Email;Catalogue;2025-02-10 12:00;;Zubzo;C1
11;Meeting;Review;2025-02-11 09:00;30;Mimor;C2
12;Call;Price question;2025-02-11 16:00;15;Zubzo;C3
`;
const COMPANIES = `Qizvob;Daxuk
C1;Acme Ltd
C2;Bolt plc
C3;Crane Ltd
`;

describe("an agenda of moments and minutes under unknown headers", () => {
  // The twelve entries again a week later, so that each duration is on several rows.
  const again = MOMENTS.split("\n")
    .slice(1)
    .filter((line) => line !== "")
    .map((line) => line.replace(/^(\d+);/, (_match, id: string) => `${Number(id) + 12};`).replace(/2025-02-(\d\d)/, (_match, day: string) => `2025-03-${day}`));
  const text = `${MOMENTS}${again.join("\n")}\n`.replace(/Zubzo/g, "ja").replace(/Mimor/g, "nein");
  const files = [file("activities.csv", text), file("companies.csv", COMPANIES)];
  const diary = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "activities.csv");

  it("takes whole numbers of minutes, many of them quarters of an hour, as how long each entry lasted", () => {
    const agenda = diary === undefined ? undefined : agendaRows(diary);
    expect(agenda?.end.name).toBe("quqvyv");
    expect([...(agenda?.eventValues ?? [])].sort()).toEqual(["Meeting", "Visit"]);
  });

  it("takes the one yes/no as the done flag", () => {
    expect(diary === undefined ? undefined : doneColumn(diary)?.column.name).toBe("qyxdux");
  });
});

/** Tasks whose subjects (a dozen, some holding a kind's word) come before their kind (four). */
function tasks(): string {
  const subjects = [
    "Email follow-up",
    "Pricing call",
    "Product demo",
    "Contract review",
    "Kick-off",
    "Renewal talk",
    "Onboarding",
    "Budget check",
    "Quarterly review",
    "Upsell pitch",
    "Reference check",
    "Site plan",
  ];
  const kinds = ["Email", "Call", "Meeting", "Task"];
  const outcomes = ["Interessato, attende l'offerta.", "Confermato.", "Non risponde, riprovare.", ""];
  const rows = ["Qizvob;Zeqdok;Vyxbax;Vadgag;Dovzek"];
  for (let index = 0; index < 24; index++) {
    rows.push([`T${index}`, subjects[index % 12], kinds[index % 4], `2025-03-${String(1 + index).padStart(2, "0")}`, outcomes[index % 4]].join(";"));
  }
  return `${rows.join("\n")}\n`;
}

describe("tasks under unknown headers", () => {
  const proposal = proposalFor([file("tasks.csv", tasks())]);

  it("take the pick-list of kinds of activity as the type, and the subjects as the summary", () => {
    expect(assignment(proposal, "tasks.csv", "activity_type_id")).toMatch(/^vyxbax\b/);
    expect(assignment(proposal, "tasks.csv", "summary")).toMatch(/^zeqdok\b/);
  });

  it("take short sentences closed by a full stop as the notes", () => {
    expect(assignment(proposal, "tasks.csv", "note")).toMatch(/^dovzek\b/);
  });
});

/**
 * An agenda whose one date column holds a moment on most rows and a day alone on a task's
 * (`2025.03.04. 10:30`, `2025.03.06.`), beside a done flag: read as date-times in either pattern,
 * and, a moment beside the day a task is due being a log's, its done rows are messages, its open
 * ones activities, its meetings events. English headers, invented for this test from no export
 * family.
 */
import { describe, expect, it } from "vitest";
import { loadProposed } from "./small-exports.js";

const DEALS = `Id,Title,Amount
D1,Boiler replacement,4200
D2,Heat pump,9800
D3,Air conditioning,3100
`;
const AGENDA = `Id,Type,Subject,Due,Duration (min),Done,Deal
1,Call,Ask for the plans,2025.03.03. 09:00,15,Yes,D1
2,Meeting,Site visit,2025.03.03. 11:00,90,Yes,D1
3,Task,Send the quote,2025.03.05.,,No,D2
4,Call,Confirm the date,2025.03.04. 16:40,10,No,D2
5,Meeting,Survey,2025.03.05. 13:00,60,No,D3
6,Task,Order the parts,2025.03.07.,,Yes,D3
7,Call,Follow up,2025.03.06. 08:30,5,Yes,D1
8,Call,Invoice,2025.03.06. 12:00,10,No,D2
9,Meeting,Handover,2025.03.07. 10:00,120,Yes,D2
10,Call,Complaint,2025.03.10. 15:00,10,Yes,D3
11,Task,Prepare the contract,2025.03.12.,,No,D1
12,Call,Reminder,2025.03.11. 09:15,5,No,D3
`;

describe("an agenda of moments and days alone in one column", () => {
  it("splits it into events, messages for the done rest and activities for the open, and loads them so", async () => {
    await loadProposed({ "deals.csv": DEALS, "agenda.csv": AGENDA }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      expect(sample.double.records("calendar.event").length).toBe(3);
      expect(sample.double.records("mail.activity").length).toBe(5);
      const notes = sample.double.records("mail.message").filter((message) => message["model"] === "crm.lead" && message["message_type"] === "comment");
      expect(notes.length).toBe(4);
    });
  });
});

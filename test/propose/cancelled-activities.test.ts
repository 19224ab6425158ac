/**
 * An agenda whose status says done, open or cancelled (`Done`, `Open`, `Cancelled`; the lexicon
 * reads the word in its languages): a cancelled meeting is no calendar event and a cancelled call
 * no activity still to do, so both are skipped, as a specialist skips them; the done rest are
 * messages. English headers, invented for this test from no export family.
 */
import { describe, expect, it } from "vitest";
import { loadProposed } from "./small-exports.js";

const DEALS = `Id,Title,Amount
D1,Boiler replacement,4200
D2,Heat pump,9800
D3,Air conditioning,3100
`;
const AGENDA = `Id,Type,Subject,Due,Duration (min),Status,Deal
1,Call,Ask for the plans,2025.03.03. 09:00,15,Done,D1
2,Meeting,Site visit,2025.03.03. 11:00,90,Done,D1
3,Task,Send the quote,2025.03.05.,,Open,D2
4,Call,Confirm the date,2025.03.04. 16:40,10,Cancelled,D2
5,Meeting,Survey,2025.03.05. 13:00,60,Cancelled,D3
6,Task,Order the parts,2025.03.07.,,Done,D3
7,Call,Follow up,2025.03.06. 08:30,5,Done,D1
8,Call,Invoice,2025.03.06. 12:00,10,Open,D2
9,Meeting,Handover,2025.03.07. 10:00,120,Open,D2
10,Call,Complaint,2025.03.10. 15:00,10,Done,D3
11,Task,Prepare the contract,2025.03.12.,,Open,D1
12,Call,Reminder,2025.03.11. 09:15,5,Open,D3
`;

describe("an agenda whose status says an activity was cancelled", () => {
  it("skips the cancelled meetings and calls, and loads the rest as events, activities and messages", async () => {
    await loadProposed({ "deals.csv": DEALS, "agenda.csv": AGENDA }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      expect(sample.double.records("calendar.event").length).toBe(2);
      expect(sample.double.records("mail.activity").length).toBe(4);
      const notes = sample.double.records("mail.message").filter((message) => message["model"] === "crm.lead" && message["message_type"] === "comment");
      expect(notes.length).toBe(4);
    });
  });
});

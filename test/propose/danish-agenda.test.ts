/**
 * A Danish CRM's agenda: calls, meetings and tasks (`Opkald`, `Møde`, `Opgave`) at a moment with
 * how long they last (`Varighed (min)`), done, planned or cancelled (`Udført`, `Planlagt`,
 * `Aflyst`): the meetings not cancelled are calendar events, the rest activities; a status that
 * keeps the cancelled ones beside the done ones is a journal's, its done calls and tasks notes.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, proposalFor } from "./small-exports.js";

const DEALS = `ID;Titel;Værdi
S-1;Anlæg af have;12.090,00
S-2;Græsslåning;7.900,00
S-3;Beskæring;3.100,00
`;

const AGENDA = `ID;Type;Emne;Tidspunkt;Varighed (min);Status;Salgsmulighed
1;Opkald;Opfølgning;03-03-2025 09:00;15;Udført;S-1
2;Møde;Besigtigelse;03-03-2025 11:00;90;Udført;S-1
3;Opgave;Send tilbud;05-03-2025 10:00;;Planlagt;S-2
4;Opkald;Bekræft dato;04-03-2025 16:45;15;Aflyst;S-2
5;Møde;Besigtigelse;05-03-2025 13:00;60;Aflyst;S-3
6;Opgave;Bestil planter;07-03-2025 08:00;;Udført;S-3
7;Opkald;Opfølgning;06-03-2025 08:30;30;Udført;S-1
8;Opkald;Faktura;06-03-2025 12:00;15;Planlagt;S-2
9;Møde;Aflevering;07-03-2025 10:00;120;Planlagt;S-2
10;Opkald;Reklamation;10-03-2025 15:00;15;Udført;S-3
11;Opgave;Kontrakt;12-03-2025 09:00;;Planlagt;S-1
12;Møde;Opstart;11-03-2025 09:15;45;Udført;S-3
`;

describe("a Danish agenda", () => {
  it("makes its meetings not cancelled calendar events, its calls and tasks activities", () => {
    const proposal = proposalFor([file("salgsmuligheder.csv", DEALS), file("aktiviteter.csv", AGENDA)]);
    const declaration = proposal.entities.find((entity) => entity.entity.pattern === "aktiviteter.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    const headers = declaration?.kind === "split" ? declaration.targets.map((target) => target.header) : [];
    expect(headers.find((header) => header.includes("calendar.event"))).toContain(`type = "Møde" and status != "Aflyst"`);
    const activity = headers.find((header) => header.includes("mail.activity")) ?? "";
    expect([activity.includes(`"Opkald"`), activity.includes(`"Opgave"`), activity.includes(`"Møde"`)]).toEqual([true, true, false]);
  });
});

describe("an agenda whose status keeps cancelled entries beside done ones", () => {
  it("is a journal: its done calls and tasks are notes in the chatter, the planned ones activities", () => {
    const proposal = proposalFor([file("salgsmuligheder.csv", DEALS), file("aktiviteter.csv", AGENDA)]);
    const declaration = proposal.entities.find((entity) => entity.entity.pattern === "aktiviteter.csv")?.declaration;
    const headers = declaration?.kind === "split" ? declaration.targets.map((target) => target.header) : [];
    expect(headers.find((header) => header.includes("mail.message"))).toContain(`status = "Udført"`);
    expect(headers.find((header) => header.includes("mail.activity"))).toContain(`status not in ["Udført", "Aflyst"]`);
  });
});

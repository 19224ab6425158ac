/**
 * A prospect list: a firm's name on every row, the person to talk to there, their job filled now
 * and then, and no title of the lead's own. Each row is a lead named by its firm, as specialists
 * write prospects, with the contact's name and job on it; the day it was entered is Odoo's own.
 * Norwegian, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const PROSPEKTER = `Prospekt-ID;Firmanavn;Kontaktperson;Tittel;Telefon;E-post;Poststed;Opprettet
P-01;Fjord Bygg AS;Kari Nordmann;Daglig leder;22 33 44 55;kari@fjordbygg.example;Bergen;2025-01-14
P-02;Havblikk Rørleggerservice AS;;;55 66 77 88;post@havblikk.example;Stavanger;2025-02-03
P-03;Nordlys Trykkeri AS;Ola Hansen;Innkjøpssjef;73 11 22 33;ola@nordlys.example;Trondheim;2025-02-11
P-04;Vestland Elektro AS;Ingrid Berg;;56 44 33 22;ingrid@vestland.example;Bergen;2025-03-02
P-05;Solsiden Regnskap AS;;;22 99 88 77;;Oslo;2025-03-20
P-06;Tinde Maskin AS;Per Johansen;Daglig leder;61 22 33 44;per@tinde.example;Lillehammer;2025-04-07
`;

describe("a prospect list without titles of its own", () => {
  it("names each lead by its firm, the firm's name its company name too, and the title the contact's job", () => {
    const proposal = proposalFor([file("prospekter.csv", PROSPEKTER)]);
    expect(proposal.entities[0]?.declaration?.kind).toBe("map");
    expect(assignment(proposal, "prospekter.csv", "type")).toBe('"lead"');
    expect(assignment(proposal, "prospekter.csv", "name")).toBe("firmanavn | trim");
    expect(assignment(proposal, "prospekter.csv", "partner_name")).toBe("firmanavn | trim");
    expect(assignment(proposal, "prospekter.csv", "contact_name")).toBe("kontaktperson | trim");
    expect(assignment(proposal, "prospekter.csv", "function")).toBe("tittel | trim");
    // The day a prospect was entered is no expected closing, though it is the only date.
    expect(assignment(proposal, "prospekter.csv", "date_deadline")).toBeUndefined();
  });

  it("loads six leads, none rejected for want of a name", async () => {
    await loadProposed({ "prospekter.csv": PROSPEKTER }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const leads = sample.double.records("crm.lead");
      expect(leads.map((lead) => lead["name"])).toContain("Havblikk Rørleggerservice AS");
      expect(leads.filter((lead) => lead["type"] === "lead")).toHaveLength(6);
      expect(leads.find((lead) => lead["name"] === "Nordlys Trykkeri AS")).toMatchObject({ contact_name: "Ola Hansen", function: "Innkjøpssjef" });
    });
  });
});

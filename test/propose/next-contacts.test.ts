/**
 * A prospect list noting the day each firm is to be contacted next: Odoo keeps it as an activity
 * scheduled on the lead, assigned to the lead's owner, made on the rows that have a day. Danish,
 * invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const PROSPEKTER = `Prospekt-nr;Firmanavn;Kontaktperson;Telefon;By;Næste kontakt
P1;Fjordens Tømrer ApS;Mette Jensen;20 30 40 50;Aarhus;2025-05-12
P2;Havnens Rengøring A/S;;30 40 50 60;Esbjerg;
P3;Nordlys Trykkeri ApS;Lars Hansen;40 50 60 70;Aalborg;2025-05-20
P4;Vestkyst El A/S;Anne Berg;50 60 70 80;Herning;
P5;Søndergaard Regnskab ApS;;60 70 80 90;Odense;2025-06-02
`;

describe("a prospect list's next contact", () => {
  it("is an activity on the lead, made where the row has a day", () => {
    const declaration = proposalFor([file("prospekter.csv", PROSPEKTER)]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [lead, next] = declaration.targets;
    expect(lead?.header).toBe("prospect: crm.lead");
    expect(next?.header).toBe("next: mail.activity when naeste_kontakt is present");
    expect(targetLine(next, "res_id")).toBe("ref prospect");
    expect(targetLine(next, "date_deadline")).toBe("naeste_kontakt");
  });

  it("loads five leads and three activities, each on its lead", async () => {
    await loadProposed({ "prospekter.csv": PROSPEKTER }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const leads = sample.double.records("crm.lead");
      expect(leads).toHaveLength(5);
      const activities = sample.double.records("mail.activity");
      expect(activities.map((activity) => activity["date_deadline"]).sort()).toEqual(["2025-05-12", "2025-05-20", "2025-06-02"]);
      const nordlys = leads.find((lead) => lead["name"] === "Nordlys Trykkeri ApS");
      expect(activities.filter((activity) => activity["res_id"] === nordlys?.["id"])).toHaveLength(1);
    });
  });
});

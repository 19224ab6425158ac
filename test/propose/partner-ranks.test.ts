/**
 * A partner file's pick-list saying who is a customer, a supplier or both, read by its values'
 * words: Odoo's customer and supplier ranks. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const FIRMEN = `Firmen-Nr;Firmenname;Ort;Art
F1;Vogel GmbH;Berlin;Kunde
F2;Holz AG;Hamburg;Lieferant
F3;Stahl KG;Essen;Kunde und Lieferant
F4;Kraft GmbH;Köln;Kunde
F5;Licht AG;Bonn;Kunde
F6;Rohr GmbH;Kiel;Lieferant
`;

describe("customers and suppliers in one pick-list", () => {
  it("rank each partner as a customer, a supplier or both", () => {
    const proposal = proposalFor([file("firmen.csv", FIRMEN)]);
    expect(assignment(proposal, "firmen.csv", "customer_rank")).toBe('if art in ["Kunde", "Kunde und Lieferant"] then 1 else 0');
    expect(assignment(proposal, "firmen.csv", "supplier_rank")).toBe('if art in ["Lieferant", "Kunde und Lieferant"] then 1 else 0');
  });

  it("load so", async () => {
    await loadProposed({ "firmen.csv": FIRMEN }, (sample) => {
      const partners = sample.double.records("res.partner");
      const rank = (name: string): [unknown, unknown] => {
        const partner = partners.find((candidate) => candidate["name"] === name);
        return [partner?.["customer_rank"], partner?.["supplier_rank"]];
      };
      expect(rank("Vogel GmbH")).toEqual([1, 0]);
      expect(rank("Holz AG")).toEqual([0, 1]);
      expect(rank("Stahl KG")).toEqual([1, 1]);
    });
  });

  it("are not read from a pick-list of other words", () => {
    const proposal = proposalFor([file("firmen.csv", FIRMEN.replace(/Kunde und Lieferant/, "Partner"))]);
    expect(assignment(proposal, "firmen.csv", "customer_rank")).toBeUndefined();
  });
});

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

  it("rank a partner by two yes/no flags headed customer and supplier (I/N, as Hungarian invoicing programs write them)", async () => {
    const partners = `Kód;Név;Helység;Vevő;Szállító
P1;Kovács Kft.;Szeged;I;N
P2;Tóth Bt.;Győr;N;I
P3;Nagy Zrt.;Pécs;I;I
P4;Szabó Kft.;Eger;I;N
`;
    const proposal = proposalFor([file("partnerek.csv", partners)]);
    expect(assignment(proposal, "partnerek.csv", "customer_rank")).toBe("if vevo then 1 else 0");
    expect(assignment(proposal, "partnerek.csv", "supplier_rank")).toBe("if szallito then 1 else 0");
    await loadProposed({ "partnerek.csv": partners }, (sample) => {
      const ranks = sample.double.records("res.partner").map((partner) => [partner["name"], partner["customer_rank"], partner["supplier_rank"]]);
      expect(ranks).toEqual(expect.arrayContaining([["Tóth Bt.", 0, 1], ["Nagy Zrt.", 1, 1]]));
    });
  });

  it("are not read from a pick-list of other words", () => {
    const proposal = proposalFor([file("firmen.csv", FIRMEN.replace(/Kunde und Lieferant/, "Partner"))]);
    expect(assignment(proposal, "firmen.csv", "customer_rank")).toBeUndefined();
  });
});

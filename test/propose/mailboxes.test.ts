/**
 * An e-mail column that now and then holds two addresses in one cell (`info@x.example;
 * accounts@x.example`): the first is the partner's own, the second its accounts office's, which
 * Odoo keeps as an invoice contact under it. English, invented for this test, from no export
 * family.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

// `|` stands for the cell's own semicolon, which this test's `;`-separated text cannot hold.
const CUSTOMERS = `Code;Company;Town;E-mail
C1;Harbour Foods Ltd;Leeds;info@harbourfoods.example|accounts@harbourfoods.example
C2;Northgate Bakery Ltd;York;hello@northgate.example
C3;Riverside Hotels plc;Leeds;desk@riverside.example|accounts@riverside.example
C4;Millstone Catering Ltd;Hull;office@millstone.example
C5;Aire Valley Inns Ltd;Skipton;
`;

const rows = (text: string): string => text.replace(/\|/g, "; ");

describe("two e-mail addresses in one cell, now and then", () => {
  const customers = file("customers.csv", CUSTOMERS);
  const withTwo = { ...customers, rows: customers.rows.map((row) => row.map(rows)) };

  it("gives the partner the first and makes the second an invoice contact under it", () => {
    const declaration = proposalFor([withTwo]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [partner, invoice] = declaration.targets;
    expect(targetLine(partner, "email")).toBe('e_mail | split(";") | first | trim');
    expect(invoice?.header).toBe('invoice: res.partner when e_mail | contains(";")');
    expect(targetLine(invoice, "type")).toBe('"invoice"');
    expect(targetLine(invoice, "email")).toBe('e_mail | split(";") | last | trim');
  });

  it("loads the five customers and the two accounts offices", async () => {
    const text = `Code,Company,Town,E-mail\n${CUSTOMERS.split("\n")
      .slice(1)
      .filter((line) => line !== "")
      .map((line) =>
        line
          .split(";")
          .map((cell) => `"${rows(cell)}"`)
          .join(","),
      )
      .join("\n")}\n`;
    await loadProposed({ "customers.csv": text }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner");
      expect(partners.filter((partner) => partner["type"] === "invoice").map((partner) => partner["email"])).toEqual([
        "accounts@harbourfoods.example",
        "accounts@riverside.example",
      ]);
      expect(partners.find((partner) => partner["name"] === "Harbour Foods Ltd")?.["email"]).toBe("info@harbourfoods.example");
    });
  });
});

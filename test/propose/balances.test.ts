/**
 * A partner's balance in a customer file (`Balance`, `Saldo`, `Solde`): the accounting
 * migration's, which Odoo computes from the open entries, so it is ignored rather than kept in a
 * custom field. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, proposalFor } from "./small-exports.js";

describe("a partner's balance", () => {
  it.each([
    ["customers.csv", "Customer ID;Company name;City;Balance"],
    ["kunden.csv", "Kunden-Nr;Firmenname;Ort;Saldo"],
    ["clients.csv", "Code client;Raison sociale;Ville;Solde"],
  ])("is ignored in %s", (name, header) => {
    const rows = ["1;Acme Ltd;Leeds;1250.00", "2;Bolt plc;York;-80.50", "3;Crane Ltd;Hull;0.00", "4;Delta Ltd;Bath;310.25"];
    const proposal = proposalFor([file(name, [header, ...rows].join("\n"))]);
    const balance = header.split(";")[3] ?? "";
    const report = proposal.columns.find((column) => column.header === balance);
    expect(report?.outcomes).toEqual([expect.objectContaining({ kind: "ignore", reason: expect.stringMatching(/balance/) })]);
  });

  it("and the side it is on", () => {
    const rows = ["1;Acme Ltd;1250.00;Debit", "2;Bolt plc;80.50;Credit", "3;Crane Ltd;0.00;Debit", "4;Delta Ltd;310.25;Debit"];
    const proposal = proposalFor([file("customers.csv", ["Customer ID;Company name;Balance;Balance side", ...rows].join("\n"))]);
    const report = proposal.columns.find((column) => column.header === "Balance side");
    expect(report?.outcomes).toEqual([expect.objectContaining({ kind: "ignore" })]);
  });
});

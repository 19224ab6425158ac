/**
 * A file of people with a yes/no column saying invoices go to them: Odoo's invoice address, the
 * contact's type. English, invented for this test from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const COMPANIES = `Code;Company;City
C1;Acme Ltd;London
C2;Bolt plc;Leeds
C3;Crane Ltd;York
`;
const CONTACTS = `Company code;Name;Email;Invoices
C1;Mary Hughes;mary@acme.example;Yes
C1;Tom Hughes;tom@acme.example;No
C2;Raj Patel;raj@bolt.example;No
C2;Anna Berg;anna@bolt.example;Yes
C3;Erik Holm;erik@crane.example;No
`;

describe("a person invoices are sent to", () => {
  it("is an invoice contact, the others contacts", async () => {
    const proposal = proposalFor([file("companies.csv", COMPANIES), file("contacts.csv", CONTACTS)]);
    expect(assignment(proposal, "contacts.csv", "type")).toBe('if invoices then "invoice" else "contact"');
    await loadProposed({ "companies.csv": COMPANIES, "contacts.csv": CONTACTS }, (sample) => {
      const types = sample.double.records("res.partner").map((partner) => [partner["name"], partner["type"]]);
      expect(types).toEqual(expect.arrayContaining([["Mary Hughes", "invoice"], ["Tom Hughes", "contact"]]));
    });
  });

  it("but a flag saying the firm invoices electronically is no person's role", () => {
    const proposal = proposalFor([file("companies.csv", COMPANIES), file("contacts.csv", CONTACTS.replace(";Invoices\n", ";E-invoice\n"))]);
    expect(assignment(proposal, "contacts.csv", "type")).toBeUndefined();
  });
});

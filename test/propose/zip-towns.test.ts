/**
 * A customer file whose rows carry what Odoo keeps as contacts of the customer's own: the person
 * to talk to, the address invoices are e-mailed to, and a delivery address, each in columns of
 * the row; and the post code and town in one cell (`80331 MÜNCHEN`), as envelopes write them.
 * German, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { findSecondAddresses } from "../../propose/second-addresses.js";
import { zipTown } from "../../propose/zip-towns.js";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const KUNDEN = `Kd-Nr;Firmenname;Straße;PLZ/Ort;E-Mail;Rechnungs-E-Mail;Liefer-Straße;Liefer-PLZ/Ort;Ansprechpartner
K01;Bäckerei Huber GmbH;Hauptstraße 5;80331 MÜNCHEN;info@huber.example;rechnung@huber.example;Lagerweg 2;85748 GARCHING;Eva Huber
K02;Schreinerei Maier KG;Bahnhofstraße 12;86150 AUGSBURG;info@maier.example;;;;Jonas Maier
K03;Gärtnerei Lang GmbH;Am Anger 3;94032 PASSAU;post@lang.example;buchhaltung@lang.example;;;
K04;Druckhaus Weber GmbH;Industriestraße 40;93047 REGENSBURG;info@weber.example;;Hafenstraße 9;93055 REGENSBURG;Lisa Weber
K05;Metallbau Roth GmbH;Gewerbering 8;84028 LANDSHUT;info@roth.example;rechnung@roth.example;;;Paul Roth
`;

describe("a customer's contacts and addresses in the columns of its row", () => {
  const [kunden] = profileEntities({ files: [file("firmen.csv", KUNDEN)], otherFiles: [] });

  it("reads a post code and its town in one cell from the values", () => {
    const column = kunden?.columns.find((candidate) => candidate.header === "PLZ/Ort");
    expect(column === undefined ? undefined : zipTown(column)).toEqual({ codeWords: 1, capitals: true });
    const street = kunden?.columns.find((candidate) => candidate.header === "Straße");
    expect(street === undefined ? undefined : zipTown(street)).toBeUndefined();
  });

  it("finds the invoicing e-mail and the delivery address as addresses of their own", () => {
    const found = kunden === undefined ? [] : findSecondAddresses(kunden);
    expect(found.map((address) => `${address.type}: ${address.parts.map((part) => `${part.column.header} as ${part.field}`).join(", ")}`)).toEqual([
      "invoice: Rechnungs-E-Mail as email",
      "delivery: Liefer-Straße as street, Liefer-PLZ/Ort as zip city",
    ]);
  });

  it("splits the customer into itself, its contact person, its invoice contact and its delivery address", () => {
    const declaration = proposalFor([file("firmen.csv", KUNDEN)]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [customer, contact, invoice, delivery] = declaration.targets;
    expect(declaration.targets.map((target) => target.header.split(" when ")[0])).toEqual([
      "company: res.partner",
      "contact: res.partner",
      "invoice: res.partner",
      "address: res.partner",
    ]);
    expect(targetLine(customer, "zip")).toBe('plz_ort | split(" ") | first');
    expect(targetLine(customer, "city")).toBe('plz_ort | split(" ") | rest | join(" ") | lower | title');
    expect(targetLine(contact, "name")).toBe("ansprechpartner | trim");
    expect(targetLine(invoice, "type")).toBe('"invoice"');
    expect(targetLine(invoice, "email")).toBe("rechnungs_e_mail");
    expect(targetLine(delivery, "type")).toBe('"delivery"');
    expect(targetLine(delivery, "city")).toBe('liefer_plz_ort | split(" ") | rest | join(" ") | lower | title');
  });

  it("loads five customers, each with the contacts its row names", async () => {
    await loadProposed({ "firmen.csv": KUNDEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => typeof partner["name"] === "string");
      const customers = new Set(partners.filter((partner) => partner["is_company"] === true).map((partner) => partner["id"]));
      const huber = partners.find((partner) => partner["name"] === "Bäckerei Huber GmbH");
      expect(huber).toMatchObject({ zip: "80331", city: "München", street: "Hauptstraße 5" });
      const under = (type: string): unknown[] =>
        partners
          .filter((partner) => partner["type"] === type && partner["parent_id"] !== false && partner["parent_id"] !== undefined)
          .map((partner) => partner["email"] ?? partner["city"]);
      expect(under("invoice").sort()).toEqual(["buchhaltung@lang.example", "rechnung@huber.example", "rechnung@roth.example"]);
      expect(under("delivery").sort()).toEqual(["Garching", "Regensburg"]);
      expect(
        partners
          .filter((partner) => partner["type"] === "contact" && customers.has(partner["parent_id"]))
          .map((partner) => partner["name"])
          .sort(),
      ).toEqual(["Eva Huber", "Jonas Maier", "Lisa Weber", "Paul Roth"]);
    });
  });
});

// Headers of no language: the street is told by its values, before the post code and town.
const OPAQUE = `Qix;Zorb;Wump;Flimber;Drabble
K01;Bäckerei Huber GmbH;Hauptstraße 5;80331 MÜNCHEN;089 123456
K02;Schreinerei Maier KG;Bahnhofstraße 12;86150 AUGSBURG;0821 654321
K03;Gärtnerei Lang GmbH;Am Anger 3;94032 PASSAU;0851 112233
K04;Druckhaus Weber GmbH;Industriestraße 40;93047 REGENSBURG;0941 445566
K05;Metallbau Roth GmbH;Gewerbering 8;84028 LANDSHUT;0871 778899
`;

describe("a post code and town in one cell under a header of no language", () => {
  it("is the zip and the city, beside a street its values tell", () => {
    const proposal = proposalFor([file("firmen.csv", OPAQUE)]);
    const declaration = proposal.entities[0]?.declaration;
    const target = declaration?.kind === "map" ? declaration.target : declaration?.targets[0];
    expect(targetLine(target, "zip")).toBe('flimber | split(" ") | first');
    expect(targetLine(target, "city")).toBe('flimber | split(" ") | rest | join(" ") | lower | title');
  });
});

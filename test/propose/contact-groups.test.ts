/**
 * People written as numbered groups of columns in their company's row, the number anywhere in the
 * header (`Ansprechpartner1_Telefon`, `Contact 2 Name`, `contact_3_email`): the company and one
 * contact per filled group, under it. Invented for this test (German headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { findColumnGroups } from "../../propose/column-groups.js";
import { profileEntities } from "../../propose/entities.js";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const FIRMEN = `Kunden-Nr;Firmenname;Ort;Ansprechpartner1_Name;Ansprechpartner1_Position;Ansprechpartner1_Telefon;Ansprechpartner1_E-Mail;Ansprechpartner2_Name;Ansprechpartner2_Position;Ansprechpartner2_Telefon;Ansprechpartner2_E-Mail
K100;Holzbau Krämer GmbH;Kassel;Jana Krämer;Geschäftsführerin;0561 555 100;jana@holzbau-kraemer.de;Tim Otto;Einkauf;0561 555 101;tim@holzbau-kraemer.de
K101;Brunnen Seidel KG;Fulda;Uwe Seidel;Inhaber;0661 555 200;uwe@seidel-kg.de;;;;
K102;Malerei Vogt;Gießen;;;;;;;;
K103;Dachdecker Lenz OHG;Marburg;Eva Lenz;Buchhaltung;06421 555 300;eva@lenz-dach.de;Karl Lenz;Inhaber;06421 555 301;karl@lenz-dach.de
K104;Elektro Hahn GmbH;Kassel;;;;;Ole Hahn;Meister;0561 555 400;ole@elektro-hahn.de
`;

describe("people in numbered groups of their company's columns", () => {
  it("finds the groups whatever the number's place and the separators, and no group in numbered fields of one kind", () => {
    const groups = (headers: string[]): string[][] =>
      findColumnGroups(headers).map((group) => [group.label, group.numbers.join(","), ...group.members.map((member) => `${member.base}: ${member.template}`)]);
    expect(groups(["ID", "Contact 1 Name", "Contact 1 Email", "Contact 2 Name", "Contact 2 Email", "Address Line 1", "Address Line 2"])).toEqual([
      ["Contact", "1,2", "Name: Contact {n} Name", "Email: Contact {n} Email"],
    ]);
    expect(groups(["contact_1_email", "contact_1_phone", "contact_2_email", "contact_2_phone", "contact_3_email", "contact_3_phone"])).toEqual([
      ["contact", "1,2,3", "email: contact_{n}_email", "phone: contact_{n}_phone"],
    ]);
    expect(groups(["Name Kontakt 1", "Mail Kontakt 1", "Name Kontakt 2", "Mail Kontakt 2"])).toEqual([
      ["Kontakt", "1,2", "Name: Name Kontakt {n}", "Mail: Mail Kontakt {n}"],
    ]);
    // Trailing numbers, as before: each header's words are the column's.
    expect(groups(["Contactpersoon 1", "Functie 1", "Contactpersoon 2", "Functie 2"])).toEqual([
      ["", "1,2", "Contactpersoon: Contactpersoon {n}", "Functie: Functie {n}"],
    ]);
    expect(groups(["Telefon 1", "Telefon 2", "Umsatz 2024"])).toEqual([]);
  });

  it("reads the group's columns once, with {n} in their headers", () => {
    const [company] = profileEntities({ files: [file("firmen.csv", FIRMEN)], otherFiles: [] });
    expect(company?.kind).toBe("company");
    expect(company?.groups.map((group) => [group.name, group.from, group.to, group.columns.map((column) => `${column.name} "${column.header}"`)])).toEqual([
      [
        "contact",
        1,
        2,
        [
          'name "Ansprechpartner{n}_Name"',
          'position "Ansprechpartner{n}_Position"',
          'telefon "Ansprechpartner{n}_Telefon"',
          'e_mail "Ansprechpartner{n}_E-Mail"',
        ],
      ],
    ]);
    expect(company?.columns.map((column) => column.name)).toEqual(["kunden_nr", "firmenname", "ort"]);
  });

  it("keeps numbered columns that are not people as the row's own fields", () => {
    const firmen = `Kunden-Nr;Firmenname;Telefon 1;Telefon 2;E-Mail 1;E-Mail 2
K1;Acme GmbH;0561 555 100;0561 555 101;a@acme.de;b@acme.de
K2;Bolt KG;0661 555 200;;c@bolt.de;
K3;Crane AG;0641 555 300;0641 555 301;d@crane.de;e@crane.de
`;
    const [company] = profileEntities({ files: [file("firmen.csv", firmen)], otherFiles: [] });
    expect(company?.groups).toEqual([]);
    const proposal = proposalFor([file("firmen.csv", firmen)]);
    expect(assignment(proposal, "firmen.csv", "phone")).toBe("telefon_1");
    expect(assignment(proposal, "firmen.csv", "email")).toBe("e_mail_1");
  });

  it("proposes the company and a contact per group whose name is filled, under the company", () => {
    const proposal = proposalFor([file("firmen.csv", FIRMEN)]);
    const declaration = proposal.entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [company, contact] = declaration.targets;
    expect(company?.header).toBe("company: res.partner");
    expect(contact?.header).toBe("contact: res.partner for each contact when contact.name is present");
    const lines = (target: typeof company): Record<string, string> =>
      Object.fromEntries((target?.body ?? []).flatMap((line) => (line.kind === "assign" ? [[line.field, line.expression]] : [])));
    expect(lines(company)).toMatchObject({ is_company: "true", name: "firmenname | trim | required", city: "ort | trim" });
    expect(lines(contact)).toMatchObject({
      name: "contact.name | trim | required",
      parent_id: "ref company",
      function: "contact.position | trim",
      email: "contact.e_mail",
    });
    expect(lines(contact)["phone"] ?? lines(contact)["mobile"]).toContain("contact.telefon");
  });

  it("loads five companies and six contacts, each under its company", async () => {
    await loadProposed({ "firmen.csv": FIRMEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => typeof partner["name"] === "string");
      const byName = (name: string): Record<string, unknown> | undefined => partners.find((partner) => partner["name"] === name);
      const companies = partners.filter((partner) => partner["is_company"] === true).map((partner) => partner["name"]);
      expect(companies).toEqual(
        expect.arrayContaining(["Holzbau Krämer GmbH", "Brunnen Seidel KG", "Malerei Vogt", "Dachdecker Lenz OHG", "Elektro Hahn GmbH"]),
      );
      const people = ["Jana Krämer", "Tim Otto", "Uwe Seidel", "Eva Lenz", "Karl Lenz", "Ole Hahn"];
      const parentOf = (name: string): unknown => {
        const parent = byName(name)?.["parent_id"];
        const id = Array.isArray(parent) ? parent[0] : parent;
        return partners.find((partner) => partner["id"] === id)?.["name"];
      };
      expect(people.map(parentOf)).toEqual([
        "Holzbau Krämer GmbH",
        "Holzbau Krämer GmbH",
        "Brunnen Seidel KG",
        "Dachdecker Lenz OHG",
        "Dachdecker Lenz OHG",
        "Elektro Hahn GmbH",
      ]);
      expect(byName("Eva Lenz")?.["function"]).toBe("Buchhaltung");
      expect(byName("Ole Hahn")?.["email"]).toBe("ole@elektro-hahn.de");
      // The blank groups made no one: the people are the six named, nothing nameless.
      expect(partners.filter((partner) => partner["is_company"] !== true && people.includes(String(partner["name"]))).length).toBe(6);
      expect(sample.double.records("res.partner").filter((partner) => partner["parent_id"] !== false && partner["parent_id"] !== undefined).length).toBe(6);
    });
  }, 60_000);
});

/**
 * A deal naming its contact by full name ("Anna Berg", "Dr. Jonas Lind") where the people's file
 * keeps the name in two columns: the contact is linked by both (`ref person by first_name and
 * last_name`), the prefix the columns do not hold taken off first (`without_prefixes`), and is the
 * deal's customer where the row names no company, its name kept as the contact's. Invented for
 * this test (English headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const COMPANIES = `Id;Name;Town
C1;Berg Tools Ltd;Leeds
C2;Lind Paper Ltd;York
C3;North Glass Ltd;Hull
C4;Quay Foods Ltd;Goole
`;

const PEOPLE = `Id;First name;Last name;Company;Email
P1;Anna;Berg;C1;anna@bergtools.example
P2;Jonas;Lind;C2;jonas@lindpaper.example
P3;Maria;Holm;;maria.holm@mail.example
P4;Erik;Sund;C3;erik@northglass.example
P5;Sara;Vik;;sara.vik@mail.example
P6;Olof;Strand;C4;olof@quayfoods.example
`;

const DEALS = `Deal;Title;Company;Contact;Amount
D1;New press;Berg Tools Ltd;Anna Berg;12000
D2;Heat pump;;Maria Holm;8000
D3;Paper line;Lind Paper Ltd;Dr. Jonas Lind;30000
D4;Solar roof;;Mrs Sara Vik;9000
D5;Glass oven;North Glass Ltd;Erik Sund;15000
D6;Cold store;Quay Foods Ltd;Olof Strand;22000
`;

const files = [file("companies.csv", COMPANIES), file("people.csv", PEOPLE), file("deals.csv", DEALS)];

describe("a deal's contact by full name, the people's file holding it in two columns", () => {
  it("reads the column as a link to the people by their first and last names, written with prefixes", () => {
    const deals = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "deals.csv");
    expect(deals?.references).toContainEqual(
      expect.objectContaining({ column: "contact", byName: "first_name", andName: "last_name", prefixed: true, found: 1 }),
    );
  });

  it("makes the contact the customer where no company is named, and keeps the name as written", () => {
    const proposal = proposalFor(files);
    expect(assignment(proposal, "deals.csv", "partner_id")).toMatch(/ \?\? contact \| without_prefixes \| ref \w+ by first_name and last_name optional$/);
    expect(assignment(proposal, "deals.csv", "contact_name")).toBe("contact | trim");
  });
});

describe("a full name two people share", () => {
  it("is no link: the run would reject the rows naming it rather than guess", () => {
    const namesakes = PEOPLE.replace("P5;Sara;Vik;;sara.vik@mail.example", "P5;Maria;Holm;C4;maria@quayfoods.example");
    const deals = profileEntities({ files: [file("companies.csv", COMPANIES), file("people.csv", namesakes), file("deals.csv", DEALS)], otherFiles: [] }).find(
      (entity) => entity.pattern === "deals.csv",
    );
    expect(deals?.references.find((reference) => reference.column === "contact")).toBeUndefined();
  });
});

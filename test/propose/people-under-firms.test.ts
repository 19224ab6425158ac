/**
 * People whose one column of a firms file's numbers is filled on every row, under a header that
 * says nothing (a word of no language): each person belongs to one of those firms, so the column
 * is their parent, not a TODO. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const TOWNS = ["Leeds", "York", "Hull", "Ripon", "Selby"];
const SURNAMES = ["Lee", "Ray", "Fox", "Moss", "Hart", "Cole", "Hale", "Ince", "Judd", "Kerr", "Lamb", "Mace"];

// 24 firms, numbered from 1001; 30 people, each under one of them (24 distinct numbers).
const FIRMS = ["Nr;Firm name;City", ...Array.from({ length: 24 }, (_, index) => `${1001 + index};Firm ${index + 1} Ltd;${TOWNS[index % 5] ?? ""}`)].join("\n");
const PEOPLE = [
  "Nr;Vazkiq;First name;Last name;Email",
  ...Array.from({ length: 30 }, (_, index) => {
    const surname = `${SURNAMES[index % 12] ?? ""}${index}`;
    return `${index + 1};${1001 + (index % 24)};Ann;${surname};ann.${surname.toLowerCase()}@firm.example`;
  }),
].join("\n");

describe("people under firms by a column of the firms' numbers on every row", () => {
  it("are linked to their firm, not left a TODO", () => {
    const proposal = proposalFor([file("firms.csv", FIRMS), file("people.csv", PEOPLE)]);
    expect(proposal.entities.find((entity) => entity.entity.pattern === "people.csv")?.entity.references).toMatchObject([
      { column: "vazkiq", byValuesOnly: true },
    ]);
    expect(assignment(proposal, "people.csv", "parent_id")).toMatch(/^vazkiq \| ref /);
  });
});

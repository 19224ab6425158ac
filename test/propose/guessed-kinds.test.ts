/**
 * A file neither its name nor its columns' words type (`zarvix.csv`, headers of no language) gets
 * a map all the same, guessed from its values and said to be a guess: rows each named by a
 * column, beside e-mail addresses and phones, are partners; prose about another file's records is
 * notes in their chatter. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file, proposalFor } from "./small-exports.js";

const PARTNERS = `Qix;Zorb;Wump;Flimber
1;Harbour Foods;info@harbourfoods.example;0113 496 0001
2;Northgate Bakery;hello@northgate.example;01904 496002
3;Riverside Hotel;desk@riverside.example;0113 496 0004
4;Millstone Catering;office@millstone.example;01482 496003
`;

/** Notes of several lines each, naming a row of the first file by its key. */
const NOTES = {
  ...file("quellop.csv", "Vex;Qix;Drabble"),
  rows: [
    ["1", "1", "Called about the order.\nThey want it by Friday."],
    ["2", "3", "Visited the kitchen.\nA new fridge is needed."],
    ["3", "2", "Asked for the price list.\nSent it the same day."],
    ["4", "4", "Complained about the delivery.\nCredit note promised."],
  ],
  rowCount: 4,
};

describe("a file nothing types", () => {
  it("is partners when a column names each row beside e-mails and phones, said to be a guess", () => {
    const [partners] = profileEntities({ files: [file("zarvix.csv", PARTNERS)], otherFiles: [] });
    expect(partners?.kind).toBe("person");
    expect(partners?.kindEvidence).toMatch(/^a guess from its values/);
    const declaration = proposalFor([file("zarvix.csv", PARTNERS)]).entities[0]?.declaration;
    expect(declaration?.kind === "map" ? declaration.target.header : declaration?.kind).toBe("map Zarvix -> res.partner");
  });

  it("is notes when it holds prose about another file's records", () => {
    const notes = profileEntities({ files: [file("zarvix.csv", PARTNERS), NOTES], otherFiles: [] }).find((entity) => entity.pattern === "quellop.csv");
    expect(notes?.kind).toBe("note");
  });
});

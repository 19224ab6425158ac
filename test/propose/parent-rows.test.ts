/**
 * A group member names its parent, another row of the same file, by its number, under a header
 * that says parent but names no entity (`Parent`, Czech `Nadřízená`, "the superior one"): a link
 * to that row, though most rows leave it blank. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const REGISTER = `No;Name;City;Parent
1001;Acme Group plc;Leeds;
1002;Bolt Holdings Ltd;York;
1003;Acme Kitchens Ltd;Leeds;1001
1004;Crane Ltd;Hull;
1005;Bolt Doors Ltd;York;1002
1006;Acme Stairs Ltd;Bradford;1001
1007;Dale Ltd;Ripon;
`;

describe("a parent named by its number in the same file", () => {
  it("is a reference to the file's own rows", () => {
    const [register] = profileEntities({ files: [file("register.csv", REGISTER)], otherFiles: [] });
    expect(register?.references).toEqual([{ column: "parent", entity: "Registry", found: 1, distinct: 2 }]);
  });

  it("is the partner's parent", () => {
    expect(assignment(proposalFor([file("register.csv", REGISTER)]), "register.csv", "parent_id")).toMatch(/^parent \| ref registry/);
  });
});

/**
 * A group parent given by another row's key in the same file, under a header that says only
 * "parent" (`Parent`, `Emoyhtiö`), its values a few small numbers: the header's word says it is a
 * self-reference though it does not name the file's records. Invented for this test (English
 * headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const REGISTER = `No;Name;Street;Town;Parent
101;Harbour Group Ltd;1 Quay Street;Hull;
102;Harbour Logistics Ltd;2 Dock Road;Grimsby;101
103;Moor Bakery Ltd;3 Mill Lane;York;
104;Harbour Storage Ltd;4 Pier Way;Goole;101
105;Dale Farms Ltd;5 Field Row;Ripon;
106;Dale Dairy Ltd;6 Churn Lane;Thirsk;105
107;Fell Tools Ltd;7 Forge Street;Kendal;
`;

describe("a parent named by a header saying so, among the rows of its own file", () => {
  it("reads the column as a reference to the file's own records", () => {
    const [register] = profileEntities({ files: [file("register.csv", REGISTER)], otherFiles: [] });
    expect(register?.references).toEqual([expect.objectContaining({ column: "parent", found: 1, distinct: 2 })]);
  });

  it("proposes it as the partner's parent", () => {
    const proposal = proposalFor([file("register.csv", REGISTER)]);
    expect(assignment(proposal, "register.csv", "parent_id")).toMatch(/^parent \| ref \w+$/);
  });
});

/**
 * A customer's sites, which no header names: a description filled in every row, and the person in
 * charge some sites have. The description names the site; the person's column, blank for some,
 * would have Odoo refuse those rows. English, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const CUSTOMERS = `Customer ID;Company Name;City;Phone
C1;Harbour Foods Ltd;Leeds;0113 496 0001
C2;Northgate Bakery Ltd;York;01904 496002
C3;Millstone Catering Ltd;Hull;01482 496003
C4;Riverside Hotels plc;Leeds;0113 496 0004
`;

const SITES = `Customer ID;Site;Description;Street;Phone;Site manager
C1;1;Main kitchen;12 Dock Street;0113 496 0101;Olivia Brown
C1;2;Cold store;3 Wharf Road;0113 496 0102;
C2;1;Shop Micklegate;44 Micklegate;01904 496102;Harry Wilson
C3;1;Central kitchen;8 Mill Lane;01482 496103;
C3;2;Warehouse;2 Quay Road;01482 496104;Amelia Clarke
C4;1;Hotel Aire;1 Aire Street;0113 496 0105;Jack Taylor
C4;2;Hotel Calls;9 The Calls;0113 496 0106;
C4;3;Laundry;5 Kirkgate;0113 496 0107;Emily Davies
`;

describe("partners no header names, with a description in every row", () => {
  it("names each by its description, not by a column of names some rows leave blank", () => {
    const proposal = proposalFor([file("customers.csv", CUSTOMERS), file("sites.csv", SITES)]);
    expect(assignment(proposal, "sites.csv", "name")).toBe("description | trim | required");
    expect(assignment(proposal, "sites.csv", "comment")).toBeUndefined();
  });
});

/**
 * A register keeping every name in capitals, as ERPs that print them on invoices do: firms and
 * private buyers in one column, a segment column saying which each row is, the buyers surname
 * first without a comma (`HUGHES MARGARET`). English, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { mixedRows } from "../../propose/mixed-rows.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const CUSTOMERS = `Account;Name;Segment;Town;Phone
4001;HARBOUR FOODS LTD;TRADE;LEEDS;0113 496 0001
4002;HUGHES MARGARET;RETAIL;YORK;07700 900001
4003;NORTHGATE BAKERY LTD;TRADE;YORK;01904 496002
4004;PATEL RAJ;RETAIL;HULL;07700 900002
4005;RIVERSIDE HOTELS PLC;HOTELS;LEEDS;0113 496 0004
4006;MILLSTONE CATERING LTD;TRADE;HULL;01482 496003
4007;OWEN GARETH;RETAIL;LEEDS;07700 900003
4008;AIRE VALLEY INNS LTD;HOTELS;SKIPTON;01756 496005
4009;THE OLD MILL HOTEL;HOTELS;OTLEY;01943 496006
4010;BRIGGS SUSAN;RETAIL;YORK;07700 900004
`;

describe("a register naming firms and private buyers in capitals, typed by a segment", () => {
  it("reads two words in capitals without a legal form as a private person's name", () => {
    const [register] = profileEntities({ files: [file("customers.csv", CUSTOMERS)], otherFiles: [] });
    const mixed = register === undefined ? undefined : mixedRows(register);
    expect(mixed?.typed?.column.name).toBe("segment");
    expect(mixed?.typed?.personValues).toEqual(["RETAIL"]);
    expect(mixed?.rows).toEqual({ both: 0, organisation: 6, person: 4 });
  });

  it("proposes a company by its segment", () => {
    const proposal = proposalFor([file("customers.csv", CUSTOMERS)]);
    expect(assignment(proposal, "customers.csv", "is_company")).toContain("segment");
  });
});

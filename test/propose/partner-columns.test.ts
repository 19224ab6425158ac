/**
 * What a partner file's columns are not, whatever their values look like: a second phone number
 * is no line of the address (`Phone 2` is not `street2`), and a few values repeated on every row
 * of a register typed as firms and private buyers are a trade or a category, not a person's job
 * position. English, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const COMPANIES = `Code;Company;Phone 1;Phone 2;Mobile;City
C1;Acme Ltd;020 7946 0001;020 7946 0002;07700 900001;London
C2;Bolt plc;0161 496 0003;;07700 900002;Manchester
C3;Crane Ltd;0113 496 0004;0113 496 0005;07700 900003;Leeds
C4;Delta plc;0117 496 0006;;07700 900004;Bristol
`;

const CUSTOMERS = `Account;Name;Segment;Trade;Town
4001;HARBOUR FOODS LTD;TRADE;CATERING;LEEDS
4002;HUGHES MARGARET;RETAIL;BAKERY;YORK
4003;NORTHGATE BAKERY LTD;TRADE;BAKERY;YORK
4004;PATEL RAJ;RETAIL;CATERING;HULL
4005;RIVERSIDE HOTELS PLC;HOTELS;HOTEL;LEEDS
4006;MILLSTONE CATERING LTD;TRADE;CATERING;HULL
4007;OWEN GARETH;RETAIL;HOTEL;LEEDS
4008;AIRE VALLEY INNS LTD;HOTELS;HOTEL;SKIPTON
4009;THE OLD MILL HOTEL;HOTELS;HOTEL;OTLEY
4010;BRIGGS SUSAN;RETAIL;BAKERY;YORK
`;

describe("a partner's columns by their values", () => {
  it("keeps a second phone number in a custom field, not in the address's second line", () => {
    const proposal = proposalFor([file("companies.csv", COMPANIES)]);
    expect(assignment(proposal, "companies.csv", "street2")).toBeUndefined();
    expect(assignment(proposal, "companies.csv", "x_phone_2")).toBe("phone_2");
  });

  it("keeps a fax number in a custom field, not as a mobile: Odoo keeps no fax", () => {
    const firms = `Code;Company;Phone;Fax;City
F1;Acme Ltd;020 7946 0001;020 7946 0009;London
F2;Bolt plc;0161 496 0003;0161 496 0008;Manchester
F3;Crane Ltd;0113 496 0004;;Leeds
F4;Delta plc;0117 496 0006;0117 496 0007;Bristol
`;
    const proposal = proposalFor([file("firms.csv", firms)]);
    expect(assignment(proposal, "firms.csv", "mobile")).toBeUndefined();
    expect(assignment(proposal, "firms.csv", "x_fax")).toContain("fax");
  });

  it("keeps a trade repeated on a register's typed rows in a custom field, not as a job position", () => {
    const proposal = proposalFor([file("customers.csv", CUSTOMERS)]);
    expect(assignment(proposal, "customers.csv", "is_company")).toContain("segment");
    expect(assignment(proposal, "customers.csv", "function")).toBeUndefined();
    expect(assignment(proposal, "customers.csv", "x_trade")).toContain("trade");
  });
});

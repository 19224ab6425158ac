/**
 * An activity code (`4322`, a national class of NACE: CAEN, WZ, NAF, ATECO, ...) under a header
 * naming the industry names the partner's industry by its first two digits, NACE's division, whose
 * section is one of Odoo's industries (`base.res_partner_industry_F`, Construction, is divisions 41
 * to 43): a table from the divisions to those records rather than a custom field. Invented for
 * this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { holdsActivityCodes, naceDivisions } from "../../propose/nace.js";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const COMPANIES = `Code;Company;Email;Industry code
C01;Alfa Construct Ltd;office@alfa.example;4322
C02;Beta Build Ltd;office@beta.example;4120
C03;Gamma Estates Ltd;office@gamma.example;6820
C04;Delta Clinic Ltd;office@delta.example;8622
C05;Epsilon Haulage Ltd;office@epsilon.example;4941
C06;Zeta Hotels Ltd;office@zeta.example;5510
C07;Eta Trading Ltd;office@eta.example;4674
C08;Theta Works Ltd;office@theta.example;
`;

describe("activity codes", () => {
  it("are told by their shape, and each section has its divisions", () => {
    expect(holdsActivityCodes(["4322", "43.22", "43.22Z", "6820"])).toBe(true);
    expect(holdsActivityCodes(["43", "68", "41"])).toBe(false);
    expect(naceDivisions("F")).toEqual(expect.arrayContaining(["41", "42", "43"]));
    expect(naceDivisions("G")).not.toContain("43");
    expect(naceDivisions("U")).toEqual(["99"]);
  });

  it("give the industry by their division", () => {
    const proposal = proposalFor([file("companies.csv", COMPANIES)]);
    expect(assignment(proposal, "companies.csv", "industry_id")).toBe("industry_code | text | characters(1, 2) | industry");
    const table = proposal.tables.find((candidate) => candidate.name === "industry");
    expect(table?.entries.map((entry) => `${entry.key} ${entry.value ?? "?"}`)).toEqual(
      expect.arrayContaining(["43 construction", "41 construction", "68 real_estate", "86 health_social", "55 food_hospitality"]),
    );
  });

  it("load each partner with its industry", async () => {
    await loadProposed({ "companies.csv": COMPANIES }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => String(partner["name"]).endsWith(" Ltd"));
      expect(partners.filter((partner) => partner["industry_id"] !== false && partner["industry_id"] !== undefined && partner["industry_id"] !== null)).toHaveLength(7);
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareSeries, editDistance, nameWords, parseSerie, suggestNames } from "../../../compiler/catalog/index.js";

describe("suggestNames", () => {
  it("ranks a typo first", () => {
    expect(suggestNames("expected_revnue", ["prorated_revenue", "expected_revenue", "recurring_revenue"])[0]).toBe("expected_revenue");
    expect(suggestNames("res.partnr", ["res.partner", "res.partner.bank", "res.users"])).toEqual(["res.partner", "res.partner.bank"]);
  });

  it("finds names sharing a meaningful word, preferring names the candidate covers", () => {
    expect(suggestNames("employee_count", ["employee", "meeting_count", "email"])).toEqual(["employee", "meeting_count"]);
    expect(suggestNames("email_adress", ["contact_address", "email", "email_formatted"])[0]).toBe("email");
    expect(suggestNames("planned_revenue", ["expected_revenue", "name"])).toEqual(["expected_revenue"]);
  });

  it("matches across naming styles: entity, column and quoted header names", () => {
    expect(suggestNames("CompanyName", ["company_name", "contact_name"])[0]).toBe("company_name");
    expect(suggestNames("Company Name", ["company_name", "Company", "Deal Name"])[0]).toBe("company_name");
    expect(suggestNames("Name", ["name", "parent_name"])[0]).toBe("name");
  });

  it("ignores words that carry no meaning, such as the many2one suffix", () => {
    expect(suggestNames("owner_id", ["user_id", "company_id"])).toEqual([]);
  });

  it("proposes nothing when nothing is close", () => {
    expect(suggestNames("turnover", ["name", "email", "employee", "expected_revenue"])).toEqual([]);
    expect(suggestNames("x", [])).toEqual([]);
  });

  it("never proposes the candidate itself, never invents names, respects the limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }), fc.nat(6), (candidate, names, limit) => {
        const suggestions = suggestNames(candidate, names, limit);
        expect(suggestions).not.toContain(candidate);
        for (const suggestion of suggestions) expect(names).toContain(suggestion);
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        expect(new Set(suggestions).size).toBe(suggestions.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("revenue", "revnue")).toBe(1);
    expect(editDistance("stage_id", "satge_id")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is zero exactly for equal strings, symmetric, and at most the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(distance);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe("nameWords", () => {
  it("splits snake case, dots, camel case and spaces", () => {
    expect(nameWords("crm.lead")).toEqual(["crm", "lead"]);
    expect(nameWords("x_dealScore")).toEqual(["x", "deal", "score"]);
    expect(nameWords("Company Name")).toEqual(["company", "name"]);
  });
});

describe("compareSeries", () => {
  it("orders major versions numerically and SaaS series between them", () => {
    const series = ["19.0", "saas~17.2", "9.0", "17.0", "saas-18.3", "18.0", "master"];
    expect([...series].sort(compareSeries)).toEqual(["9.0", "17.0", "saas~17.2", "18.0", "saas-18.3", "19.0", "master"]);
    expect(compareSeries("17.0", "17.0")).toBe(0);
  });

  it("parses series and rejects other names", () => {
    expect(parseSerie("saas~17.2")).toEqual([17, 2]);
    expect(parseSerie("18.0")).toEqual([18, 0]);
    expect(parseSerie("eighteen")).toBeUndefined();
  });
});

/**
 * Value-level proposals on small exports written for this test (from no export family, in
 * languages the lexicon knows): owners written as given names and a surname's initial;
 * percentages declared as such.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignment, columnLine, exportFile as file, proposalFor, proposeExport } from "./small-exports.js";

describe("owners written as given names and a surname's initial", () => {
  const activities = `ID;Date;Subject;Done;Owner;Company
1;03/02/2024;Call back;Yes;Jan K.;C1
2;04/02/2024;Send offer;No;Ana Paula F.;C2
3;05/02/2024;Visit;Yes;Jan K.;C1
4;06/02/2024;Call back;No;Mark de V.;C3
5;07/02/2024;Send offer;Yes;Ana Paula F.;C2
6;08/02/2024;Visit;No;Mark de V.;C3
7;09/02/2024;Call back;Yes;Jan K.;C1
`;
  const companies = `Company ID;Company Name
C1;Acme Ltd
C2;Bolt plc
C3;Crane Ltd
`;
  const proposal = proposalFor([file("activities.csv", activities), file("companies.csv", companies)]);

  it("are users looked up by name with the surname_initial rule", () => {
    expect(assignment(proposal, "activities.csv", "user_id")).toBe("owner | user_by_short_name");
    expect(proposal.lookups).toContainEqual(
      expect.objectContaining({ name: "user_by_short_name", model: "res.users", by: "name", match: { rule: "surname_initial", ambiguous: "reject" } }),
    );
  });
});

describe("a column of percentages", () => {
  it("is declared decimal \"%\", which the reader reads as the number Odoo's percentage fields hold", async () => {
    const directory = mkdtempSync(join(tmpdir(), "flitmap-init-percent-"));
    try {
      const deals = `Deal ID;Deal Name;Chance;Amount
D1;Warehouse;60%;1200
D2;Fleet;12,5 %;800
D3;Panels;90 %;450
D4;Roof;25%;900
D5;Boiler;;300
`;
      const proposed = await proposeExport(directory, { "deals.csv": deals });
      expect(columnLine(proposed, "chance")).toMatch(/^\s*chance\s+"Chance"\s+decimal "%" \/\/ 4 of 5 values parse as percentages/);
      expect(proposed.files.find((entry) => entry.name === "deal.flitmap")?.text).toMatch(/\n\s*probability\s+<- chance \/\//);
      expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

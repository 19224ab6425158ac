/**
 * A required field a mapping never sets (issue 16, gap 10): FM405 reports it, but init's
 * proposals turn it down to a warning, and a dry run or import files then counted every such row
 * loaded where Odoo refuses each one. The plan now carries the field, and a run refuses the rows
 * Odoo would, unless Odoo makes the field from another the row fills (an opportunity is named
 * after its customer by crm.lead's _compute_name).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { FilesTarget } from "../../../runtime/targets/files-target.js";
import { startOdooDouble } from "../../odoo-double/server.js";
import { runLive, stateByXmlid } from "../support.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration crm {
  source crm  target odoo "17.0"  xmlid "crm"
  rule missing_required_field warn
}
source crm {
  entity Firm "firms.csv" key id { id text  name text required }
  entity Address "addresses.csv" key id { id text  firm text references Firm  kind text  street text }
  entity Deal "deals.csv" key id { id text  firm text references Firm  amount decimal }
}
table address_type: text -> text { "Toimitus" -> "delivery"  _ -> "contact" }
map Firm -> res.partner as firm { name <- name }
map Address -> res.partner as address {
  parent_id <- firm | ref firm
  type      <- kind | address_type
  street    <- street
}
map Deal -> crm.lead as deal {
  partner_id       <- firm | ref firm optional
  expected_revenue <- amount
}
`;

const FIRMS = "id,name\nF1,Virtanen Oy\n";
const ADDRESSES = "id,firm,kind,street\nA1,F1,Toimitus,Hämeenkatu 1\nA2,F1,,Satakunnankatu 2\n";
const DEALS = "id,firm,amount\nD1,F1,100\nD2,,200\nD3,F9,300\n";
const NAMELESS_CONTACT = 'Odoo refuses the record: "Contacts require a name" (the mapping does not set name)';
const NAMELESS_DEAL = "Odoo refuses the record: \"Missing required value for the field 'Opportunity' (name)\" (the mapping does not set name, and partner_id, which Odoo makes it from, is empty)";

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function scratch(): string {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-unset-"));
  directories.push(directory);
  return directory;
}

function exportFolder(): string {
  const directory = scratch();
  writeFileSync(join(directory, "firms.csv"), FIRMS);
  writeFileSync(join(directory, "addresses.csv"), ADDRESSES);
  writeFileSync(join(directory, "deals.csv"), DEALS);
  return directory;
}

describe("a required field the mapping never sets, its check turned down to a warning", () => {
  const analysis = analyze({ "main.flitmap": PACKAGE });
  const plan = emitPlan(analysis);

  it("is reported by check where no row can have it, and is in the plan with what Odoo makes it from", () => {
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === "FM405").map((diagnostic) => diagnostic.severity)).toEqual(["warning"]);
    expect(plan.steps.map((step) => [step.id, step.constraints?.filter((constraint) => constraint.kind === "unset")])).toEqual([
      ["firm", []],
      ["address", [{ kind: "unset", field: "name", label: "Name", computedFrom: [], message: "Contacts require a name", appliesWhen: { field: "type", values: ["contact"], byDefault: true } }]],
      ["deal", [{ kind: "unset", field: "name", label: "Opportunity", computedFrom: ["partner_id"] }]],
    ]);
  });

  for (const mode of ["dry run", "import files"] as const) {
    it(`refuses the rows Odoo would, in a ${mode}: a nameless contact, an opportunity without a customer to be named after`, async () => {
      const target = mode === "dry run" ? new DryRunTarget() : new FilesTarget(scratch(), "crm");
      const result = await runPlan({ plan, sourceDirectory: exportFolder(), target });
      expect(result.rejects.map((reject) => [reject.key, reject.step, reject.reason])).toEqual([
        ["A2", "address", NAMELESS_CONTACT],
        ["D2", "deal", NAMELESS_DEAL],
        ["D3", "deal", NAMELESS_DEAL],
      ]);
    });
  }

  it("refuses the same rows in a live load, where the double names D1 after its customer as Odoo does", async () => {
    const double = await startOdooDouble({ version: "17.0" });
    try {
      const result = await runLive(plan, double, scratch(), { sourceDirectory: exportFolder() });
      expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
        ["A2", NAMELESS_CONTACT],
        ["D2", NAMELESS_DEAL],
        ["D3", NAMELESS_DEAL],
      ]);
      expect(Object.keys(stateByXmlid(double, plan)).filter((xmlid) => xmlid.startsWith("crm.deal_"))).toEqual(["crm.deal_D1"]);
      expect(double.records("crm.lead").map((lead) => [lead["name"], lead["expected_revenue"]])).toEqual([["Virtanen Oy's opportunity", 100]]);
    } finally {
      await double.stop();
    }
  });

  it("leaves a quote's text line alone: Odoo prices a line without a product at 0", () => {
    const quotes = emitPlan(
      analyze({
        "main.flitmap": `migration q { source q  target odoo "17.0"  xmlid "q" }
source q {
  entity Order "orders.csv" key id { id text  customer text required }
  entity Line "lines.csv" key id { id text  order text references Order  text text required }
}
map Order -> sale.order as order { partner_id <- customer | ref customer }
map Order -> res.partner as customer { name <- customer }
map Line -> sale.order.line as line {
  order_id     <- order | ref order
  name         <- text
  display_type <- "line_note"
}
`,
      }),
    );
    expect(quotes.steps.find((step) => step.id === "line")?.constraints).toBeUndefined();
  });
});

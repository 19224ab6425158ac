import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { explainField, renderExplanation, type LineageNode } from "../../compiler/explain.js";
import { runCli } from "../cli/helpers.js";
import { analyze } from "./helpers.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");

function texts(node: LineageNode): string[] {
  return [node.text, ...node.from.flatMap(texts)];
}

describe("explain: where a field's value comes from", () => {
  it("follows a coalesce of references down to the source columns and their headers", () => {
    const explanation = explainField(analyzeDirectory(PACKAGE), "crm.lead", "partner_id");
    expect(explanation.description).toBe("Customer: many2one → res.partner");
    expect(explanation.writers.map((writer) => [writer.declaration, writer.line, writer.columns])).toEqual([
      ["map Deal -> crm.lead as deal", 29, ['Deal.company_id ("Company ID")', 'Deal.contact_id ("Contact ID")']],
    ]);
    expect(texts(explanation.writers[0]!.lineage)).toEqual([
      "the first of these that is not empty",
      "the record map contact made from the Contact row with this key (external ID perfectbooks.contact_<key>); a key with no row is left empty and reported",
      'column contact_id of Deal: "Contact ID" in deals.csv, text',
      "the record map company made from the Company row with this key (external ID perfectbooks.company_<key>); a key with no row is left empty and reported",
      'column company_id of Deal: "Company ID" in deals.csv, text',
    ]);
  });

  it("names every writer of a field, linked rows included, and the version or setting a writer depends on", () => {
    const parents = explainField(analyzeDirectory(PACKAGE), "res.partner", "parent_id");
    expect(parents.writers.map((writer) => writer.target)).toEqual(["company", "contact"]);
    expect(texts(parents.writers[1]!.lineage)).toContain("the linked ContactCompany rows whose contact_id is this row's key, ordered by is_primary descending");

    const mobile = explainField(analyzeDirectory(PACKAGE, { seriesOverride: "19.0" }), "res.partner", "x_mobile");
    expect(mobile.writers.map((writer) => writer.conditions)).toEqual([['if odoo >= "19.0"']]);
    const tags = explainField(analyzeDirectory(PACKAGE, { settings: { secondary_links: "categories" } }), "res.partner", "category_id");
    expect(tags.writers.map((writer) => writer.conditions)).toEqual([['if setting secondary_links = "categories"']]);
  });

  it("says what happens when nothing writes a field", () => {
    const explanation = explainField(analyzeDirectory(PACKAGE), "crm.lead", "priority");
    expect(explanation.writers).toEqual([]);
    expect(renderExplanation(explanation, (path) => path)).toMatch(/^crm\.lead\.priority: Priority: selection.*\n\nNo map writes it; a record no writer sets gets Odoo's default/);
  });

  it("runs as `flitmap explain` and refuses a path that is not model.field", () => {
    const result = runCli(["explain", "mappings/perfectbooks-to-odoo", "res.partner.x_employee_count"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('integer("flag"): Reads a whole number from text, or rounds a decimal to the nearest whole number; a value it cannot read leaves the field empty and is reported');
    expect(result.stdout).toContain('reads Company.employees ("Employees")');
    const wrong = runCli(["explain", "mappings/perfectbooks-to-odoo", "partner_id"]);
    expect([wrong.status, wrong.stderr]).toEqual([2, 'flitmap: explain takes <model>.<field>, e.g. res.partner.name, not "partner_id"\n']);
  });

  it("says which field of the record it finds a lookup returns", () => {
    const analysis = analyze({
      "main.flitmap": `lookup owner in res.users by login returns partner_id { missing flag }
map Deal -> calendar.event { name <- name  start <- close_date | datetime  stop <- close_date | datetime  partner_ids <- [contact_id | owner] }`,
    });
    expect(texts(explainField(analysis, "calendar.event", "partner_ids").writers[0]!.lineage)).toContain(
      "lookup owner: the partner_id of the res.users record whose login matches, in the target Odoo (no match: flag)",
    );
  });
});


/**
 * `flitmap workflows`: the workflow definitions of the two sample exports rendered as a rebuild
 * reference. Every workflow of the export gets its section (read here from the CSV itself), and
 * the Odoo feature, trigger, domain and actions follow from the workflow and the package's plan.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../cli/helpers.js";

const REPOSITORY = join(import.meta.dirname, "../..");
const PERFECTBOOKS = join(REPOSITORY, "mappings/perfectbooks-to-odoo");
const PERFECTVIEW_SAMPLE = join(REPOSITORY, "mappings/perfectview-to-odoo/sample");

/** The section of one workflow: from its heading to the next. */
function section(markdown: string, name: string): string {
  const start = markdown.search(new RegExp(`^## \\d+\\. ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
  if (start < 0) throw new Error(`no section for ${name}`);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe("flitmap workflows on the Perfect Books sample", () => {
  let markdown: string;
  const rows = parse<Record<string, string>>(readFileSync(join(PERFECTBOOKS, "sample/workflows.csv"), "utf8"), { columns: true });

  beforeAll(async () => {
    const ran = await runCliInProcess(["workflows", PERFECTBOOKS, "--source", join(PERFECTBOOKS, "sample")]);
    expect(ran.code, ran.stderr).toBe(0);
    markdown = ran.stdout;
  });

  it("gives every workflow of the export a section with its trigger, conditions and actions", () => {
    expect(rows).toHaveLength(6);
    expect(markdown.match(/^## \d+\. /gm)).toHaveLength(rows.length);
    for (const row of rows) {
      const text = section(markdown, row["Workflow Name"] ?? "");
      expect(text).toContain(`- **Trigger:** ${row["Trigger"] ?? ""}`);
      for (const action of (row["Actions"] ?? "").split(" | ")) expect(text).toContain(`. ${action}\n`);
      for (const condition of (row["Conditions"] ?? "").split(" AND ")) expect(text).toContain(`\`${condition}\``);
      if (row["Active"] === "no") expect(text).toContain("switched off in Perfect Books");
    }
  });

  it("rebuilds a stage change as 'Stage is set to', with the other conditions as the domain", () => {
    const text = section(markdown, "Chase unsigned engagement letters");
    expect(text).toContain("- **Runs on:** deal (entity Deal) → `crm.lead`");
    expect(text).toContain('Trigger: **Stage is set to**: Values Updated › Stage is set to "Proposal Sent"');
    expect(text).toContain('Apply on: `[("expected_revenue", ">", 10000)]`');
    expect(text).toContain('Action 1: **Create Activity**: activity type Call, title "Call client"');
    const lost = section(markdown, "Lost deal survey");
    expect(lost).toContain('Stage is set to: one rule per stage, "Closed Lost" and "Fell Through"');
    expect(lost).toContain('**Send Email**: with an e-mail template "Feedback survey"');
  });

  it("translates a yes/no condition for a boolean field, and leaves relative dates to a person", () => {
    expect(section(markdown, "Welcome new client")).toContain('Apply on: `[("x_retainer_agreed", "=", True)]`');
    const gdpr = section(markdown, "GDPR review");
    expect(gdpr).toContain("Trigger: **every 1 month**: a scheduled action");
    expect(gdpr).toContain('Records (domain): `[("x_marketing_opt_in", "=", False)]`');
    expect(gdpr).toContain("`Last Modified < today - 6 years`: by hand");
  });

  it("sends a due-date workflow to a date-based rule, and round robin to CRM's own assignment", () => {
    const overdue = section(markdown, "Overdue task reminder");
    expect(overdue).toContain("→ `mail.activity`");
    expect(overdue).toContain("Trigger: **Based on date field**");
    expect(overdue).toContain('a second automation rule "Based on date field" with a delay of 3 days');
    expect(overdue).toContain(
      '`Status = "Open"` (lands in `mail.activity.active`): by hand, Status reaches Odoo only through a computation (active <- status != "Done")',
    );
    expect(section(markdown, "Assign conveyancing team")).toContain("**Lead assignment (CRM)**");
  });
});

describe("flitmap workflows on the PerfectView sample (semicolons, Dutch, Windows-1252)", () => {
  let directory: string;
  let markdown: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "flitmap-workflows-"));
    // A small package of two PerfectView objects, so that the reference names their models.
    writeFileSync(
      join(directory, "migration.flitmap"),
      `migration pv_workflows {
  source pv
  target odoo "17.0"
  xmlid "pvworkflows"
}

source pv {
  csv { delimiter ";" encoding "auto" date "dd-MM-yyyy" decimal "," }
  entity Case "zaken_*.csv" key id {
    id       "Zaaknummer" text required
    subject  "Onderwerp"  text
    kind     "Soort"      text
    priority "Prioriteit" text
  }
  entity Relation "relaties_*.csv" key id {
    id            "Relatienummer" text required
    name          "Bedrijfsnaam"  text
    relation_type "Relatiesoort"  text
  }
}

table priority: text -> text {
  "Laag" -> "0"
  "Normaal" -> "1"
  "Hoog" -> "2"
  "Urgent" -> "3"
  _ -> flag
}

extend crm.lead { x_kind char "Soort" }
extend res.partner { x_relation_type char "Relatiesoort" }

map Case -> crm.lead as case {
  name     <- subject
  x_kind   <- kind
  priority <- priority | priority
}

map Relation -> res.partner as relation {
  name            <- name
  x_relation_type <- relation_type
}
`,
    );
    const ran = await runCliInProcess(["workflows", directory, "--source", PERFECTVIEW_SAMPLE]);
    expect(ran.code, ran.stderr).toBe(0);
    markdown = ran.stdout;
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("reads every workflow of the Windows-1252, semicolon export", () => {
    const text = iconv.decode(readFileSync(join(PERFECTVIEW_SAMPLE, "workflows_001.csv")), "windows-1252");
    const rows = parse<Record<string, string>>(text, { columns: true, delimiter: ";" });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const workflow = section(markdown, row["Naam"] ?? "");
      for (const condition of (row["Voorwaarden"] ?? "").split("; ")) expect(workflow).toContain(`\`${condition}\``);
      if (row["Actief"] === "nee") expect(workflow).toContain("switched off in PerfectView");
    }
  });

  it("puts a workflow on the model its object loads into, translating values through the mapping's tables", () => {
    const storing = section(markdown, "Nieuwe storing");
    expect(storing).toContain("- **Runs on:** Zaak (entity Case) → `crm.lead`");
    expect(storing).toContain('Apply on: `[("x_kind", "=", "Storing"), ("priority", "in", ["2", "3"])]`');
    expect(storing).toContain("**Send SMS**");
    const welkom = section(markdown, "Welkom nieuwe klant");
    expect(welkom).toContain("Trigger: **On save**: Custom › On save, When updating: x_relation_type");
    expect(welkom).toContain('Apply on: `[("x_relation_type", "=", "Klant")]`');
    expect(section(markdown, "Betalingsherinnering")).toContain("the package loads no Factuur records: decide the model by hand");
    expect(section(markdown, "Betalingsherinnering")).toContain("every 1 day at 08:00");
  });

  it("says so when the export holds no workflow file, or --file names none", async () => {
    const none = await runCliInProcess(["workflows", directory, "--source", PERFECTVIEW_SAMPLE, "--file", "relaties_*.csv"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no workflow export in");
    expect(none.stderr).toContain("matching relaties_*.csv");
  });
});

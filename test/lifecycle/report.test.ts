/**
 * `flitmap report` after real runs of the Perfect Books sample: against the Odoo test double (with
 * a journal), as a dry run (a summary only), and after an interruption (a journal only). What the
 * report must list is derived from the sample's defect manifest and the package's plan.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { subexpressions } from "../../runtime/execute/plan-walk.js";
import { MASK_PREFIX } from "../../runtime/lifecycle/mask.js";
import type { AuditReport } from "../../runtime/lifecycle/report.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runCliInProcess } from "../cli/helpers.js";
import { readDefects, type SampleDefect as Defect } from "../mappings/support.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");

const MANIFEST = readDefects(SAMPLE);
const SEED = JSON.parse(readFileSync(join(SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] };
const PLAN = emitPlan(analyzeDirectory(PACKAGE));

/** Rows the mapping's README says are rejected: a blank name, a task's impossible date, chatter without its record, a missing file. */
function rejected(defect: Defect): boolean {
  if (defect.kind === "blank_required") return defect.column !== "Last Name";
  if (defect.kind === "bad_date") return defect.entity === "Task" && !/^\d{4}-\d{2}-\d{2}$/.test(defect.value);
  if (defect.kind === "dangling_reference") return ["Note", "Task", "Attachment"].includes(defect.entity);
  return defect.kind === "missing_file";
}
const REJECTED_LINES = new Set(MANIFEST.defects.filter(rejected).map((defect) => `${defect.file}:${defect.line}`));
const onLoadedRow = (defect: Defect): boolean => !REJECTED_LINES.has(`${defect.file}:${defect.line}`);

/** `step.field` of every field the plan computes from the column with this header. */
function fieldsReading(plan: Plan, entity: string, header: string): string[] {
  const column = plan.entities.find((candidate) => candidate.name === entity)?.columns.find((candidate) => candidate.header === header)?.name;
  return plan.steps
    .filter((step) => step.entity === entity)
    .flatMap((step) =>
      [...step.operations, ...step.deferred]
        .filter((operation) => [...subexpressions(operation.value)].some((part) => part.op === "column" && part.column === column))
        .map((operation) => `${step.id}.${operation.field}`),
    );
}

async function reportJson(packagePath: string, state: string, extra: readonly string[] = []): Promise<AuditReport> {
  const ran = await runCliInProcess(["report", packagePath, "--state", state, "--format", "json", ...extra]);
  if (ran.code === 2) throw new Error(ran.stderr);
  return JSON.parse(ran.stdout) as AuditReport;
}

describe("flitmap report after a run into the Odoo test double", () => {
  let double: OdooDouble;
  let directory: string;
  let state: string;
  let report: AuditReport;
  let markdown: string;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0", users: SEED.users.map((user) => ({ ...user, level: "user" as const })) });
    directory = mkdtempSync(join(tmpdir(), "flitmap-report-"));
    state = join(directory, "state");
    const env = { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" };
    const ran = await runCliInProcess(["run", PACKAGE, "--source", SAMPLE, "--state", state], env);
    expect(ran.code, ran.stderr).toBe(0);
    report = await reportJson(PACKAGE, state);
    markdown = (await runCliInProcess(["report", PACKAGE, "--state", state])).stdout;
  }, 120_000);
  afterAll(async () => {
    await double.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("counts rows in, loaded, linked, skipped and rejected per entity, adding up", () => {
    expect(report.state).toBe("complete");
    expect(report.mode).toBe("live");
    for (const entity of report.entities) {
      expect(entity.rowsIn, entity.entity).toBe(MANIFEST.entities[entity.entity]?.records);
      expect(entity.balanced, entity.entity).toBe(true);
      expect(entity.rejected, entity.entity).toBe(MANIFEST.defects.filter((defect) => rejected(defect) && defect.entity === entity.entity).length);
    }
    expect(report.rejects.total).toBe(REJECTED_LINES.size);
    expect(report.rejects.groups.flatMap((group) => group.examples.map((example) => `${example.file ?? ""}:${example.line ?? 0}`)).sort()).toEqual(
      [...REJECTED_LINES].sort(),
    );
  });

  it("counts what each model got, with the time each step took", () => {
    expect(report.models.map((model) => model.step)).toEqual(PLAN.steps.map((step) => step.id));
    for (const model of report.models) {
      expect(model.created, model.step).toBe(model.loaded);
      expect(model.ms, model.step).toBeGreaterThanOrEqual(0);
    }
    // A subsidiary gets its parent in the second pass, once every company exists.
    const companies = parse<Record<string, string>>(readFileSync(join(SAMPLE, "companies.csv"), "utf8"), { bom: true, columns: true });
    const loaded = companies.filter((row) => (row["Company Name"] ?? "").trim() !== "");
    const ids = new Set(loaded.map((row) => row["Company ID"]));
    expect(report.models.find((model) => model.step === "company")?.secondPass).toBe(loaded.filter((row) => ids.has(row["Parent Company ID"])).length);
    expect(report.durationMs).toBeGreaterThan(0);
    expect(report.setup.created).toBe(PLAN.setup.customFields.length + PLAN.setup.records.filter((record) => !record.existing).length);
  });

  it("lists every owner who fell back to the administrator, by step, as the planted former staff predict", () => {
    const fallbacks = Object.fromEntries(
      report.decisions.filter((decision) => decision.kind === "lookup-fallback").map((decision) => [decision.where, decision.count]),
    );
    const expected: Record<string, number> = {};
    for (const defect of MANIFEST.defects.filter(
      (candidate) => candidate.kind === "unknown_owner" && candidate.column === "Owner Email" && onLoadedRow(candidate),
    )) {
      for (const field of fieldsReading(PLAN, defect.entity, "Owner Email").filter((where) => where.endsWith(".user_id")))
        expected[field] = (expected[field] ?? 0) + 1;
    }
    expect(fallbacks).toEqual(expected);
    const authors = report.decisions.find((decision) => decision.kind === "lookup-missing" && decision.where === "note.author_id");
    expect(authors?.count).toBe(MANIFEST.defects.filter((defect) => defect.kind === "unknown_owner" && defect.column === "Author Email").length);
    expect(report.decisions.find((decision) => decision.where === "company.user_id")?.examples.join(" ")).toContain(
      MANIFEST.defects.find((defect) => defect.kind === "unknown_owner" && defect.entity === "Company")?.value ?? "?",
    );
  });

  it("lists every typed-by-hand value left empty, every dangling reference left empty, and the collapsed links", () => {
    for (const defect of MANIFEST.defects.filter((candidate) => (candidate.kind === "bad_number" || candidate.kind === "bad_date") && !rejected(candidate))) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(defect.value)) continue;
      const fields = fieldsReading(PLAN, defect.entity, defect.column);
      const flagged = report.decisions.filter((decision) => decision.kind === "flagged" && fields.includes(decision.where));
      expect(
        flagged.flatMap((decision) => decision.examples).some((example) => example.startsWith(`'${defect.value}'`)),
        `${defect.entity} ${defect.column} ${defect.value}`,
      ).toBe(true);
    }
    const parent = report.decisions.find((decision) => decision.kind === "dangling-reference" && decision.where === "company.parent_id");
    const danglingParents = MANIFEST.defects.filter((defect) => defect.kind === "dangling_reference" && defect.entity === "Company");
    expect(parent?.count).toBe(danglingParents.length);
    expect(parent?.examples).toEqual(danglingParents.map((defect) => `company "${defect.value}" does not exist in the export`));
    const links = report.decisions.find((decision) => decision.kind === "collapsed-links" && decision.where === "ContactCompany → contact");
    expect(links?.count).toBe(MANIFEST.entities["ContactCompany"]?.records);
    expect(links?.examples).toContain("parent_id <- company_id | first | ref company");
  });

  it("writes the same as Markdown", () => {
    expect(markdown).toContain(`# Audit report: perfectbooks_to_odoo, run ${report.run}`);
    expect(markdown).toContain("| lookup fell back | company.user_id | 1 |");
    expect(markdown).toContain(`## Rejected rows (${REJECTED_LINES.size})`);
    expect(markdown).toContain("| Company | 36 | 35 | 0 | 0 | 1 | 0 | 0 | yes |");
  });

  it("reports an earlier run by its id, and a re-run that changed nothing as unchanged", async () => {
    const env = { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" };
    expect((await runCliInProcess(["run", PACKAGE, "--source", SAMPLE, "--state", state], env)).code).toBe(0);
    const second = await reportJson(PACKAGE, state);
    expect(second.run).not.toBe(report.run);
    expect(second.models.every((model) => model.created === 0 && model.updated === 0 && model.unchanged === model.loaded)).toBe(true);
    expect((await reportJson(PACKAGE, state, ["--run", report.run])).models).toEqual(report.models);
    const missing = await runCliInProcess(["report", PACKAGE, "--state", state, "--run", "nope"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`there is no run nope in ${state}; its runs are ${report.run}, ${second.run}`);
  }, 60_000);

  it("reports a run that left no summary from its journal, and says so", async () => {
    const copy = join(directory, "interrupted");
    cpSync(state, copy, { recursive: true });
    rmSync(join(copy, "runs", report.run, "run-summary.json"));
    const fromJournal = await reportJson(PACKAGE, copy, ["--run", report.run]);
    expect(fromJournal.warnings).toContain("the run left no summary (run-summary.json): the counts come from the journal only");
    expect(fromJournal.models.map((model) => [model.step, model.created])).toEqual(report.models.map((model) => [model.step, model.created]));
  });
});

describe("flitmap report with personal columns, after a dry run", () => {
  let directory: string;
  const personal: string[] = [];
  let outputs: string[];
  let report: AuditReport;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "flitmap-report-personal-"));
    const copy = join(directory, "package");
    cpSync(PACKAGE, copy, { recursive: true, filter: (path) => !path.startsWith(SAMPLE) });
    const migration = join(copy, "migration.flitmap");
    // The staff's e-mails (owners, note authors) and a note's body are personal data in this package.
    const marked = readFileSync(migration, "utf8")
      .replace(/(\n    body\s+"Body"\s+text)/, "$1 personal")
      .replace(/(\n    author_email\s+"Author Email"\s+text)/, "$1 personal")
      .replace(/(\n    owner_email\s+"Owner Email"\s+text)/g, "$1 personal");
    expect(marked.match(/ personal/g)).toHaveLength(6);
    writeFileSync(migration, marked);
    const state = join(directory, "state");
    const ran = await runCliInProcess(["run", copy, "--source", SAMPLE, "--dry-run", "--state", state]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(existsSync(join(state, "journal.jsonl"))).toBe(false);
    report = await reportJson(copy, state);
    outputs = [
      JSON.stringify(report),
      (await runCliInProcess(["report", copy, "--state", state])).stdout,
      (await runCliInProcess(["report", copy, "--state", state, "--format", "html"])).stdout,
    ];
    for (const [file, column] of [
      ["notes.csv", "Body"],
      ["notes.csv", "Author Email"],
      ["companies.csv", "Owner Email"],
      ["contacts.csv", "Owner Email"],
      ["deals.csv", "Owner Email"],
      ["tasks.csv", "Owner Email"],
    ] as const) {
      const rows = parse<Record<string, string>>(readFileSync(join(SAMPLE, file), "utf8"), { bom: true, columns: true });
      for (const row of rows) if ((row[column] ?? "").trim().length > 5) personal.push((row[column] ?? "").trim());
    }
    expect(readdirSync(join(state, "runs"))).toHaveLength(1);
  }, 60_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("masks them in every format: reject examples, owner fallbacks, everything", () => {
    expect(report.masked).toBe(true);
    expect(report.mode).toBe("dry-run");
    const noteReject = report.rejects.groups.flatMap((group) => group.examples).find((example) => example.file === "notes.csv");
    expect(noteReject?.cells?.["body"]).toMatch(new RegExp(`^${MASK_PREFIX}\\d+›$`));
    const fallback = report.decisions.find((decision) => decision.kind === "lookup-fallback");
    expect(fallback?.examples[0]).toMatch(new RegExp(`^no res.users record has email or login ${MASK_PREFIX}\\d+›; "admin" was used$`));
    for (const output of outputs) {
      for (const value of personal) expect(output.includes(value) || output.includes(JSON.stringify(value).slice(1, -1)), value).toBe(false);
      expect(output).toContain(MASK_PREFIX);
    }
  });
});

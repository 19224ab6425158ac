/**
 * `flitmap diff` against the Odoo test double: after a clean run nothing differs (the small CRM
 * export and the Perfect Books sample), a deliberate change in the double shows exactly that
 * change, Odoo is read per model in batches, personal values are masked, and the page and JSON
 * are written.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { Journal } from "../../runtime/journal/journal.js";
import { diffMigration, type DiffReport } from "../../runtime/lifecycle/diff.js";
import { diffHtml } from "../../runtime/render/diff.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { MASK_PREFIX } from "../../runtime/lifecycle/mask.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { FIXTURE_EXPORT, FIXTURE_PACKAGE, compileFixture, connectDouble, runLive, startSeededDouble, temporaryDirectory } from "../runtime/support.js";

const PERFECT_BOOKS = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const PERFECT_BOOKS_SAMPLE = join(PERFECT_BOOKS, "sample");
const SEED_USERS = (
  JSON.parse(readFileSync(join(PERFECT_BOOKS_SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] }
).users;
const ADMIN = { uid: 0, context: { tracking_disable: true } };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function diff(plan: Plan, double: OdooDouble, state: string, sourceDirectory: string, run?: string): Promise<DiffReport> {
  const client = await connectDouble(double);
  const journal = Journal.open(join(state, "journal.jsonl"));
  try {
    return await diffMigration({ plan, sourceDirectory, client, journal, ...(run === undefined ? {} : { run }) });
  } finally {
    journal.close();
    await client.close();
  }
}

function idOf(double: OdooDouble, xmlid: string): number {
  const [module, name] = xmlid.split(".");
  const row = double.records("ir.model.data").find((data) => data["module"] === module && data["name"] === name);
  if (row === undefined) throw new Error(`no ${xmlid} in the double`);
  return Number(row["res_id"]);
}

describe("diff of the small CRM export", () => {
  let plan: Plan;
  beforeAll(() => {
    plan = compileFixture();
  });

  async function migrated(): Promise<{ double: OdooDouble; state: string }> {
    const double = await startSeededDouble();
    const state = temporaryDirectory("flitmap-diff-");
    cleanups.push(() => double.stop(), state.remove);
    await runLive(plan, double, state.path);
    return { double, state: state.path };
  }

  it("finds nothing after a clean run, reading Odoo once per batch the run would write, never per record", async () => {
    const { double, state } = await migrated();
    double.clearCallLog();
    const report = await diff(plan, double, state, FIXTURE_EXPORT);
    expect(report.groups).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(Object.fromEntries(report.records.map((entry) => [entry.model, entry.count]))).toEqual({
      "res.partner": 11,
      "res.partner.category": 4,
      "sale.order": 2,
      "sale.order.line": 3,
      "mail.message": 1,
      "mail.activity": 2,
      "ir.attachment": 1,
    });
    // Every field of every record: 4 companies × 4, 4 tags, 2 people × 4, 2 organisations × 2, 3 contacts × 3, 2 quotes × 2, 3 lines × 4, a note × 6, 2 tasks × 6, an attachment × 5.
    expect(report.values).toBe(80);
    const reads = double.callLog.filter((call) => call.method === "read" && call.model !== "ir.model.data").map((call) => call.model);
    // res.partner: companies, people, organisations, contacts, the companies' second pass, and the companies it left empty.
    expect(reads.sort()).toEqual([
      "ir.attachment",
      "mail.activity",
      "mail.message",
      "res.partner",
      "res.partner",
      "res.partner",
      "res.partner",
      "res.partner",
      "res.partner",
      "res.partner.category",
      "sale.order",
      "sale.order.line",
    ]);
    // Nothing was written while comparing.
    expect(double.callLog.filter((call) => ["load", "write", "create", "unlink"].includes(call.method))).toEqual([]);
  });

  it("shows exactly a deliberate change made in Odoo", async () => {
    const { double, state } = await migrated();
    const acme = idOf(double, "crm.company_C2");
    const line = idOf(double, "crm.quote_line_Q1-2");
    const holding = idOf(double, "crm.company_C1");
    double.orm.write({ ...ADMIN, uid: double.adminUid }, "res.partner", [acme], { name: "Acme United Kingdom", parent_id: false });
    double.orm.write({ ...ADMIN, uid: double.adminUid }, "sale.order.line", [line], { price_unit: 6 });
    const report = await diff(plan, double, state, FIXTURE_EXPORT);
    expect(report.groups.map((group) => [group.model, group.field, group.count])).toEqual([
      ["res.partner", "name", 1],
      ["res.partner", "parent_id", 1],
      ["sale.order.line", "price_unit", 1],
    ]);
    expect(report.differences).toEqual([
      { model: "res.partner", field: "name", xmlid: "crm.company_C2", id: acme, expected: "Acme UK", actual: "Acme United Kingdom" },
      { model: "res.partner", field: "parent_id", xmlid: "crm.company_C2", id: acme, expected: `#${holding}`, actual: "(empty)" },
      { model: "sale.order.line", field: "price_unit", xmlid: "crm.quote_line_Q1-2", id: line, expected: "5.5", actual: "6" },
    ]);
  });

  it("sees a value given in Odoo to a field the second pass left empty", async () => {
    const { double, state } = await migrated();
    const holding = idOf(double, "crm.company_C1");
    double.orm.write({ ...ADMIN, uid: double.adminUid }, "res.partner", [holding], { parent_id: idOf(double, "crm.company_C5") });
    const report = await diff(plan, double, state, FIXTURE_EXPORT);
    expect(report.differences.map((difference) => [difference.xmlid, difference.field, difference.expected])).toEqual([
      ["crm.company_C1", "parent_id", "(empty)"],
    ]);
  });

  it("reports a migrated record deleted in Odoo as missing", async () => {
    const { double, state } = await migrated();
    double.orm.unlink({ ...ADMIN, uid: double.adminUid }, "mail.activity", [idOf(double, "crm.task_T1")]);
    const report = await diff(plan, double, state, FIXTURE_EXPORT);
    expect(report.missing).toEqual([{ model: "mail.activity", xmlid: "crm.task_T1" }]);
    expect(report.groups).toEqual([]);
  });

  it("compares only what a run wrote when --run names it", async () => {
    const double = await startSeededDouble();
    const state = temporaryDirectory("flitmap-diff-run-");
    cleanups.push(() => double.stop(), state.remove);
    const sample = await runLive(plan, double, state.path, { selection: sampleSelection({ size: 5, seed: 5 }), sample: 5, seed: 5 });
    const report = await diff(plan, double, state.path, FIXTURE_EXPORT, sample.runId);
    expect(report.groups).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.records.reduce((total, entry) => total + entry.count, 0)).toBe(7);
  });

  it("masks values that come from columns marked personal", async () => {
    const directory = temporaryDirectory("flitmap-diff-personal-");
    cleanups.push(directory.remove);
    cpSync(FIXTURE_PACKAGE, directory.path, { recursive: true });
    const source = join(directory.path, "crm.flitmap");
    writeFileSync(source, readFileSync(source, "utf8").replace("email      email\n", "email      email personal\n"));
    const personalPlan = emitPlan(analyzeDirectory(directory.path));
    const double = await startSeededDouble();
    const state = temporaryDirectory("flitmap-diff-personal-state-");
    cleanups.push(() => double.stop(), state.remove);
    await runLive(personalPlan, double, state.path);
    double.orm.write({ ...ADMIN, uid: double.adminUid }, "res.partner", [idOf(double, "crm.person_P1")], { email: "ann.lee@private.example" });
    const report = await diff(personalPlan, double, state.path, FIXTURE_EXPORT);
    expect(report.masked).toEqual(["res.partner.email"]);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]?.expected.startsWith(MASK_PREFIX)).toBe(true);
    expect(report.differences[0]?.actual.startsWith(MASK_PREFIX)).toBe(true);
    expect(report.differences[0]?.expected).not.toBe(report.differences[0]?.actual);
    expect(JSON.stringify(report)).not.toContain("ann");
    expect(diffHtml(report)).not.toContain("ann@acme");
  });

  it("writes JSON and a self-contained page from the command, and exits 1 when something differs", async () => {
    const { double, state } = await migrated();
    double.orm.write({ ...ADMIN, uid: double.adminUid }, "res.partner", [idOf(double, "crm.company_C2")], { name: "Acme United Kingdom" });
    const out = temporaryDirectory("flitmap-diff-out-");
    cleanups.push(out.remove);
    const output: string[] = [];
    const errors: string[] = [];
    const context = {
      cwd: out.path,
      env: { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" },
      version: "test",
      stdout: (text: string) => output.push(text),
      stderr: (text: string) => errors.push(text),
      interactive: false,
    };
    const code = await main(
      ["node", "flitmap", "diff", FIXTURE_PACKAGE, "--source", FIXTURE_EXPORT, "--state", state, "--json", "diff.json", "--html", "diff.html"],
      context,
    );
    expect(code, errors.join("")).toBe(1);
    const text = output.join("");
    expect(text).toContain("1 difference in 1 field:");
    expect(text).toContain("res.partner.name: 1");
    expect(text).toContain("crm.company_C2");
    const json = JSON.parse(readFileSync(join(out.path, "diff.json"), "utf8")) as DiffReport;
    expect(json.groups.map((group) => `${group.model}.${group.field} ${group.count}`)).toEqual(["res.partner.name 1"]);
    const html = readFileSync(join(out.path, "diff.html"), "utf8");
    expect(html).toContain('data-table="differences"');
    expect(html).toContain("Acme United Kingdom");
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/);
  });
});

describe("diff of the Perfect Books sample", () => {
  it("finds nothing after a clean run: html bodies, money, dates, many2one, many2many and attachments all compare equal", async () => {
    const double = await startOdooDouble({ version: "17.0", users: SEED_USERS.map((user) => ({ ...user, level: "user" as const })) });
    const state = temporaryDirectory("flitmap-diff-pb-");
    cleanups.push(() => double.stop(), state.remove);
    const plan = emitPlan(analyzeDirectory(PERFECT_BOOKS, { seriesOverride: "17.0" }));
    await runLive(plan, double, state.path, { sourceDirectory: PERFECT_BOOKS_SAMPLE });
    const report = await diff(plan, double, state.path, PERFECT_BOOKS_SAMPLE);
    expect(report.groups.map((group) => `${group.model}.${group.field} ${group.count}: ${JSON.stringify(group.examples[0])}`)).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.records.reduce((total, entry) => total + entry.count, 0)).toBeGreaterThan(250);
  }, 60_000);
});

/**
 * `flitmap rollback` and `flitmap runs` against the Odoo test double: after a full run, a killed
 * run, a sample, or a killed rollback, the double's whole state returns to the snapshot taken
 * before the run, a record that existed before gets its values back, a record changed in Odoo
 * after the run makes it refuse, and the journal says what each run's state is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { adoptUnaccounted } from "../../runtime/journal/guard.js";
import { Journal, type JournalEvent } from "../../runtime/journal/journal.js";
import { diffMigration } from "../../runtime/lifecycle/diff.js";
import { rollbackRun, type RollbackResult } from "../../runtime/lifecycle/rollback.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import {
  FIXTURE_EXPORT,
  FIXTURE_PACKAGE,
  comparableSnapshot,
  compileFixture,
  connectDouble,
  answered,
  idle,
  killRunAfter,
  runLive,
  spawnCli,
  stateByXmlid,
  temporaryDirectory,
  waitFor,
} from "../runtime/support.js";

let plan: Plan;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  plan = compileFixture();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A double with the fixture's products, partners a run will update (crm.company_C3 and crm.person_P2 exist already), and a clock the test moves. */
async function fresh(faults = {}): Promise<{ double: OdooDouble; state: string; clock: { now: Date } }> {
  const clock = { now: new Date("2026-03-01T09:00:00Z") };
  const double = await startOdooDouble({ version: "17.0", faults, clock: () => clock.now });
  double.addRecord("product.product", { name: "Widget", default_code: "WIDGET", list_price: 10 });
  double.addRecord("product.product", { name: "Gadget", default_code: "GADGET", list_price: 5 });
  double.addRecord("res.partner", { name: "Bolt Limited", is_company: true, comment: "<p>imported by hand last year</p>" }, "crm.company_C3");
  // A person an earlier import made, tagged by hand since: the run rewrites her name, e-mail, parent and tags.
  const vip = double.addRecord("res.partner.category", { name: "VIP" });
  double.addRecord("res.partner", { name: "Robert Stone", email: "robert@old.example", category_id: [[6, 0, [vip]]] }, "crm.person_P2");
  const state = temporaryDirectory("flitmap-rollback-");
  cleanups.push(() => double.stop(), state.remove);
  // Both were made outside Flitmap, and the user says so (flitmap journal adopt): runs update them, rollback restores them.
  const client = await connectDouble(double);
  const journal = Journal.open(join(state.path, "journal.jsonl"));
  expect((await adoptUnaccounted(journal, client, plan)).map((record) => record.xmlid).sort()).toEqual(["crm.company_C3", "crm.person_P2"]);
  journal.close();
  await client.close();
  return { double, state: state.path, clock };
}

async function rollback(
  double: OdooDouble,
  state: string,
  options: { run?: string; force?: boolean; journal?: Journal; settleMs?: number; say?: (text: string) => void } = {},
): Promise<RollbackResult> {
  const client = await connectDouble(double);
  const journal = options.journal ?? Journal.open(join(state, "journal.jsonl"));
  try {
    return await rollbackRun({
      journal,
      client,
      plan,
      ...(options.run === undefined ? {} : { run: options.run }),
      ...(options.force === undefined ? {} : { force: options.force }),
      ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
      ...(options.say === undefined ? {} : { say: options.say }),
    });
  } finally {
    journal.close();
    await client.close();
  }
}

function idOf(double: OdooDouble, xmlid: string): number {
  const [module, name] = xmlid.split(".");
  return Number(double.records("ir.model.data").find((row) => row["module"] === module && row["name"] === name)?.["res_id"]);
}

describe("rollback of a full run", () => {
  it("returns the double to its state before the run, giving the partner that existed its values back", async () => {
    const { double, state, clock } = await fresh();
    const before = comparableSnapshot(double);
    clock.now = new Date("2026-03-01T10:00:00Z");
    const run = await runLive(plan, double, state);
    expect(run.status).toBe("complete");
    expect(double.records("res.partner").find((partner) => partner["name"] === "Bolt Ltd")).toMatchObject({
      x_score: 0,
      comment: "<p>imported by hand last year</p>",
    });
    expect(double.records("res.partner").find((partner) => partner["name"] === "Bob Stone")).toMatchObject({ email: "bob@bolt.example", category_id: [] });
    expect(double.records("ir.model.fields").filter((field) => String(field["name"]).startsWith("x_"))).toHaveLength(2);

    clock.now = new Date("2026-03-01T11:00:00Z");
    const result = await rollback(double, state);
    expect(result.status).toBe("complete");
    expect(result.restored).toEqual([{ model: "res.partner", count: 2 }]);
    expect(Object.fromEntries(result.deleted.map((entry) => [entry.model, entry.count]))).toEqual({
      // Companies C1, C2, C5 (C3 existed), person P1 (P2 existed), organisations R1, R2, contacts R1-1, R1-2, R3-1.
      "res.partner": 9,
      "res.partner.category": 4,
      "sale.order": 2,
      "sale.order.line": 3,
      "mail.message": 1,
      "mail.activity": 2,
      "ir.attachment": 1,
    });
    expect(result.removed.map((item) => `${item.kind} ${item.model}.${item.name}`).sort()).toEqual([
      "custom-field res.partner.x_role",
      "custom-field res.partner.x_score",
    ]);
    expect(comparableSnapshot(double)).toEqual(before);
    // The custom fields are gone from the model as well, as in Odoo.
    const client = await connectDouble(double);
    cleanups.push(() => client.close());
    expect(Object.keys(await client.fieldsGet("res.partner", ["type"])).filter((name) => name.startsWith("x_"))).toEqual([]);
  });

  it("marks the run rolled back, and a second rollback finds nothing to do", async () => {
    const { double, state } = await fresh();
    const run = await runLive(plan, double, state);
    await rollback(double, state);
    const journal = Journal.open(join(state, "journal.jsonl"));
    expect(journal.runs().map((summary) => [summary.run, summary.status])).toEqual([[run.runId, "rolled back"]]);
    journal.close();
    expect((await rollback(double, state)).status).toBe("nothing to do");
  });

  it("refuses, naming the record, when a record was changed in Odoo after the run, and goes ahead with force", async () => {
    const { double, state, clock } = await fresh();
    const before = comparableSnapshot(double);
    clock.now = new Date("2026-03-01T10:00:00Z");
    await runLive(plan, double, state);
    clock.now = new Date("2026-03-02T08:00:00Z");
    const acme = double.records("res.partner").find((partner) => partner["name"] === "Acme UK");
    double.orm.write({ uid: double.adminUid, context: { tracking_disable: true } }, "res.partner", [Number(acme?.["id"])], { phone: "+44 20 7946 0000" });
    const afterEdit = comparableSnapshot(double);

    const refused = await rollback(double, state);
    expect(refused.status).toBe("refused");
    expect(refused.refusals.map((refusal) => refusal.xmlid)).toEqual(["crm.company_C2"]);
    expect(refused.message).toContain(
      `res.partner ${String(acme?.["id"])} (crm.company_C2): written by the run at 2026-03-01 10:00:00 UTC, changed in Odoo at 2026-03-02 08:00:00 UTC`,
    );
    expect(refused.message).toContain("--force");
    expect(comparableSnapshot(double)).toEqual(afterEdit);

    const forced = await rollback(double, state, { force: true });
    expect(forced.status).toBe("complete");
    expect(comparableSnapshot(double)).toEqual(before);
  });

  it("refuses a run later runs built on, and a run made against another server", async () => {
    const { double, state } = await fresh();
    const sample = await runLive(plan, double, state, { selection: sampleSelection({ size: 5, seed: 5 }), sample: 5, seed: 5 });
    const full = await runLive(plan, double, state);
    const afterBoth = comparableSnapshot(double);
    const refused = await rollback(double, state, { run: sample.runId });
    expect(refused).toMatchObject({
      status: "refused",
      message: `run ${sample.runId} has later runs that were not rolled back (${full.runId}): roll them back first, or give --force`,
    });
    const other = await fresh();
    const elsewhere = await rollback(other.double, state);
    expect(elsewhere.status).toBe("refused");
    expect(elsewhere.message).toMatch(new RegExp(`^run ${full.runId} wrote to Odoo .* \\(database lab17\\) .*, not to Odoo .*: connect to that server$`));
    expect(comparableSnapshot(double)).toEqual(afterBoth);
  });

  it("resumes a rollback killed half-way and ends as an uninterrupted one", async () => {
    const { double, state } = await fresh();
    const before = comparableSnapshot(double);
    await runLive(plan, double, state);
    const journal = Journal.open(join(state, "journal.jsonl"));
    const append = journal.append.bind(journal);
    let steps = 0;
    // The process dies after Odoo acknowledged its third step: nothing more reaches the journal.
    journal.append = (event: JournalEvent) => {
      if (event.type === "rollback-step") steps += 1;
      if (steps > 3 || event.type === "rollback") throw new Error("killed");
      append(event);
    };
    await expect(rollback(double, state, { journal })).rejects.toThrow("killed");
    const reopened = Journal.open(join(state, "journal.jsonl"));
    expect(reopened.runs()[0]?.status).toBe("rollback interrupted");
    reopened.close();
    const resumed = await rollback(double, state);
    expect(resumed.status).toBe("complete");
    expect(comparableSnapshot(double)).toEqual(before);
  });
});

describe("rollback and diff on Odoo 19 over JSON-2", () => {
  it("return the double to its state before the run, after a diff that finds nothing", async () => {
    const double = await startOdooDouble({ version: "19.0", apiKeys: [{ login: "admin", key: "lifecycle-key" }] });
    double.addRecord("product.product", { name: "Widget", default_code: "WIDGET", list_price: 10 });
    double.addRecord("product.product", { name: "Gadget", default_code: "GADGET", list_price: 5 });
    const state = temporaryDirectory("flitmap-rollback-19-");
    cleanups.push(() => double.stop(), state.remove);
    const plan19 = emitPlan(analyzeDirectory(FIXTURE_PACKAGE, { seriesOverride: "19.0" }));
    const before = comparableSnapshot(double);
    expect((await runLive(plan19, double, state.path, { apiKey: "lifecycle-key" })).status).toBe("complete");
    const client = await connectDouble(double, "lifecycle-key");
    cleanups.push(() => client.close());
    expect(client.protocol).toBe("json2");
    const journal = Journal.open(join(state.path, "journal.jsonl"));
    try {
      const report = await diffMigration({ plan: plan19, sourceDirectory: FIXTURE_EXPORT, client, journal });
      expect(report.groups).toEqual([]);
      expect(report.records.reduce((total, entry) => total + entry.count, 0)).toBe(24);
      const result = await rollbackRun({ journal, client, plan: plan19 });
      expect(result.status).toBe("complete");
    } finally {
      journal.close();
    }
    expect(comparableSnapshot(double)).toEqual(before);
    expect(double.callLog.filter((call) => call.method === "unlink").every((call) => call.protocol === "json2")).toBe(true);
  });
});

describe("rollback of a killed run", () => {
  it.each([3, 9])("returns the double to its state before the run after kill -9 following %i writes", async (loads) => {
    const { double, state } = await fresh({ delayMs: 15 });
    const before = comparableSnapshot(double);
    await killRunAfter(double, state, loads);
    double.setFaults({});
    const journal = Journal.open(join(state, "journal.jsonl"));
    expect(journal.runs().map((summary) => summary.status)).toEqual(["interrupted"]);
    journal.close();
    const result = await rollback(double, state, { settleMs: 3_000 });
    expect(result.status).toBe("complete");
    await idle(double);
    expect(comparableSnapshot(double)).toEqual(before);
  });

  it("waits for a batch Odoo is still writing after the run was killed, then rolls it back too", async () => {
    // Each row of a load() takes 1.5 s: a batch of two is still in Odoo's hands for 3 s after the kill, as a worker goes on when its client dies.
    const { double, state } = await fresh({ delayPerRowMs: 1500 });
    const before = comparableSnapshot(double);
    const { child, exited } = spawnCli(double, ["run", FIXTURE_PACKAGE, "--source", FIXTURE_EXPORT, "--state", state, "--batch-size", "2"]);
    await waitFor(double, child, (log) => answered(log, "load") >= 2 && double.inFlight() > 0);
    child.kill("SIGKILL");
    await exited;
    const said: string[] = [];
    const result = await rollback(double, state, { settleMs: 8_000, say: (text) => said.push(text) });

    expect(said.join("\n")).toMatch(/unanswered .*Odoo may still be writing/);
    expect(result.status).toBe("complete");
    // Odoo finishes what it was given: the state is compared once nothing is left in its hands.
    await idle(double);
    expect(comparableSnapshot(double)).toEqual(before);
  });
});

describe("a sample rolled back, then the full migration", () => {
  it("ends as a full run on a fresh server", async () => {
    const clean = await fresh();
    await runLive(plan, clean.double, clean.state);
    const expected = stateByXmlid(clean.double, plan);

    const { double, state } = await fresh();
    const before = comparableSnapshot(double);
    const sample = await runLive(plan, double, state, { selection: sampleSelection({ size: 5, seed: 5 }), sample: 5, seed: 5 });
    expect(Object.keys(stateByXmlid(double, plan)).length).toBeGreaterThan(3);
    expect((await rollback(double, state)).status).toBe("complete");
    expect(comparableSnapshot(double)).toEqual(before);
    const full = await runLive(plan, double, state);
    expect(full.status).toBe("complete");
    expect(stateByXmlid(double, plan)).toEqual(expected);
    const journal = Journal.open(join(state, "journal.jsonl"));
    expect(journal.runs().map((summary) => [summary.run, summary.status, summary.sample ?? null])).toEqual([
      [sample.runId, "rolled back", 5],
      [full.runId, "complete", null],
    ]);
    journal.close();
  });
});

describe("the runs and rollback commands", () => {
  it("list the runs with their state, and roll back the latest", async () => {
    const { double, state } = await fresh();
    // Seed 5 draws company C3, which existed before: the sample updates it.
    const first = await runLive(plan, double, state, { selection: sampleSelection({ size: 5, seed: 5 }), sample: 5, seed: 5 });
    const output: string[] = [];
    const errors: string[] = [];
    const context = {
      cwd: process.cwd(),
      env: { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" },
      version: "test",
      stdout: (text: string) => output.push(text),
      stderr: (text: string) => errors.push(text),
      interactive: false,
    };
    expect(await main(["node", "flitmap", "runs", FIXTURE_PACKAGE, "--state", state], context)).toBe(0);
    const table = output.join("").split("\n");
    expect(table[0]).toMatch(/^run +started \(UTC\) +state +mode +rows +created +updated +refused$/);
    expect(table[1]).toMatch(new RegExp(`^${first.runId} .* complete +live +sample 5 \\(seed 5\\) +6 +1 +0$`));

    output.length = 0;
    expect(await main(["node", "flitmap", "rollback", FIXTURE_PACKAGE, "--state", state], context), errors.join("")).toBe(0);
    expect(output.join("")).toContain(`run ${first.runId} rolled back: 6 records deleted, 1 restored, 2 set-up items removed`);
    output.length = 0;
    expect(await main(["node", "flitmap", "runs", FIXTURE_PACKAGE, "--state", state, "--json"], context)).toBe(0);
    expect(JSON.parse(output.join(""))).toMatchObject([{ run: first.runId, status: "rolled back", mode: "live", sample: 5, seed: 5, created: 6, updated: 1 }]);
  });
});

describe("rollback of the Perfect Books sample", () => {
  const PERFECT_BOOKS = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
  const SAMPLE = join(PERFECT_BOOKS, "sample");
  const users = (JSON.parse(readFileSync(join(SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] }).users;

  async function migrated(): Promise<{ double: OdooDouble; state: string; plan: Plan; before: ReturnType<OdooDouble["snapshot"]> }> {
    const double = await startOdooDouble({ version: "17.0", users: users.map((user) => ({ ...user, level: "user" as const })) });
    const state = temporaryDirectory("flitmap-rollback-pb-");
    cleanups.push(() => double.stop(), state.remove);
    const pbPlan = emitPlan(analyzeDirectory(PERFECT_BOOKS, { seriesOverride: "17.0" }));
    const before = comparableSnapshot(double);
    expect((await runLive(pbPlan, double, state.path, { sourceDirectory: SAMPLE })).status).toBe("complete");
    return { double, state: state.path, plan: pbPlan, before };
  }

  async function rollbackPb(double: OdooDouble, state: string, pbPlan: Plan): Promise<RollbackResult> {
    const client = await connectDouble(double);
    const journal = Journal.open(join(state, "journal.jsonl"));
    try {
      return await rollbackRun({ journal, client, plan: pbPlan });
    } finally {
      journal.close();
      await client.close();
    }
  }

  it("returns the double to its state before the run: leads, partners, chatter, files, stages, a sales team, industries and custom fields", async () => {
    const { double, state, plan: pbPlan, before } = await migrated();
    const result = await rollbackPb(double, state, pbPlan);
    expect(result.status).toBe("complete");
    expect(result.kept).toEqual([]);
    expect(result.removed.filter((item) => item.kind === "record").map((item) => item.model)).toContain("crm.team");
    expect(comparableSnapshot(double)).toEqual(before);
  }, 60_000);

  it("keeps a sales team it set up when a lead made in Odoo since uses it, and says so", async () => {
    const { double, state, plan: pbPlan } = await migrated();
    const team = idOf(double, "perfectbooks.crm_team_conveyancing");
    const lead = double.addRecord("crm.lead", { name: "Walk-in enquiry", type: "lead", team_id: team });
    const result = await rollbackPb(double, state, pbPlan);
    expect(result.status).toBe("complete");
    expect(result.kept).toEqual([
      { kind: "record", model: "crm.team", name: "perfectbooks.crm_team_conveyancing", why: "still used by 1 crm.lead record (team_id)" },
    ]);
    expect(double.records("crm.lead").map((record) => record["id"])).toEqual([lead]);
    expect(
      double
        .records("ir.model.data")
        .filter((row) => row["module"] === "perfectbooks")
        .map((row) => row["name"]),
    ).toEqual(["crm_team_conveyancing"]);
  }, 60_000);
});

/**
 * What a run into Odoo costs in calls, as `flitmap run` makes it (the journal checked against Odoo,
 * then the run): the budgets of issue 14 (setup of N custom fields in at most 3 calls, a step of R
 * rows in at most ceil(R/1000) + 2, an unchanged re-run in at most 5 with nothing written), and
 * what a re-run leaves unasked: the setup and the lookups the journal shows, the rows Odoo refused
 * when they did not change.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { runPlan, type RunOptions, type RunResult } from "../../runtime/execute/run.js";
import { unaccountedRecords } from "../../runtime/journal/guard.js";
import { Journal } from "../../runtime/journal/journal.js";
import { rollbackRun } from "../../runtime/lifecycle/rollback.js";
import type { OdooClient } from "../../runtime/odoo/client.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { generateExport, readSeed } from "../mappings/support.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { FIXTURE_EXPORT, compileFixture, connectDouble, startSeededDouble, temporaryDirectory } from "./support.js";

const PERFECTBOOKS = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const PERFECTVIEW = join(import.meta.dirname, "../../mappings/perfectview-to-odoo");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sampleDouble(version: "17.0" | "19.0", sample: string): Promise<OdooDouble> {
  const seed = readSeed(sample);
  const double = await startOdooDouble({ version, users: seed.users.map((user) => ({ ...user, level: "user" as const })) });
  for (const product of seed.products ?? []) double.addRecord("product.product", { ...product });
  cleanups.push(() => double.stop());
  return double;
}

function stateFolder(): string {
  const state = temporaryDirectory("flitmap-calls-");
  cleanups.push(state.remove);
  return state.path;
}

/** `flitmap run`: the journal checked against Odoo, then the run; the calls it made, from the double's log. */
async function cliRun(
  double: OdooDouble,
  plan: Plan,
  source: string,
  state: string,
  options: Partial<Pick<RunOptions, "retryRefused" | "reporter">> & { client?: (client: OdooClient) => OdooClient } = {},
): Promise<{ result: RunResult; calls: OdooDouble["callLog"] }> {
  const from = double.callLog.length;
  const connected = await connectDouble(double);
  const client = options.client?.(connected) ?? connected;
  const journal = Journal.open(join(state, "journal.jsonl"));
  try {
    expect(await unaccountedRecords(journal, client, plan)).toEqual([]);
    const result = await runPlan({
      plan,
      sourceDirectory: source,
      target: new OdooTarget(client),
      journal,
      journalChecked: true,
      ...(options.retryRefused === undefined ? {} : { retryRefused: options.retryRefused }),
      ...(options.reporter === undefined ? {} : { reporter: options.reporter }),
    });
    return { result, calls: double.callLog.slice(from) };
  } finally {
    journal.close();
  }
}

const objectCalls = (calls: OdooDouble["callLog"]): string[] =>
  calls.filter((call) => call.service !== "common" && call.service !== "web").map((call) => `${call.model ?? ""}.${call.method}`);

describe("the calls of a run into Odoo", () => {
  it("sets up every custom field in at most 3 calls, and finds them all in one the next time", async () => {
    const plan = emitPlan(analyzeDirectory(PERFECTVIEW));
    const double = await sampleDouble("17.0", join(PERFECTVIEW, "sample"));
    const target = new OdooTarget(await connectDouble(double));
    const fields = plan.setup.customFields;
    expect(fields.length).toBeGreaterThan(10);
    let from = double.callLog.length;
    const made = await target.ensureCustomFields(fields);
    expect(made.filter((outcome) => outcome.action === "created")).toHaveLength(fields.length);
    expect(double.callLog.length - from).toBeLessThanOrEqual(3);
    // Odoo holds every field, on its model.
    const held = new Set(double.records("ir.model.fields").map((row) => `${String(row["model"])}.${String(row["name"])}`));
    for (const field of fields) expect(held).toContain(`${field.model}.${field.name}`);
    from = double.callLog.length;
    const again = await target.ensureCustomFields(fields);
    expect(again.map((outcome) => outcome.action)).toEqual(fields.map(() => "existing"));
    expect(double.callLog.length - from).toBe(1);
    await target.close();
  });

  it("writes each step of a generated export in at most ceil(R/1000) + 2 calls, and re-runs it unchanged in at most 5", async () => {
    const generated = generateExport("perfectbooks", 4500, "7");
    cleanups.push(generated.remove);
    const plan = emitPlan(analyzeDirectory(PERFECTBOOKS, { seriesOverride: "19.0" }));
    const double = await sampleDouble("19.0", generated.path);
    const state = stateFolder();
    // Each step's main pass: the calls between the line that ends what came before and the step's own line.
    const marks: { text: string; at: number }[] = [];
    const { result } = await cliRun(double, plan, generated.path, state, { reporter: { line: (text) => marks.push({ text, at: double.callLog.length }) } });
    expect(result.status).toBe("complete");
    const steps = result.steps.filter((step) => step.created + step.updated > 0);
    expect(steps.some((step) => step.created > 1000)).toBe(true);
    for (const step of steps) {
      const end = marks.findIndex((mark) => mark.text.startsWith(`${step.step} → `));
      const start = marks[end - 1]?.at ?? 0;
      const calls = (marks[end]?.at ?? 0) - start;
      expect({ step: step.step, calls }).toEqual({
        step: step.step,
        calls: expect.toSatisfy((count: number) => count <= Math.ceil((step.created + step.updated) / 1000) + 2) as number,
      });
    }
    const again = await cliRun(double, plan, generated.path, state);
    expect(again.result.steps.every((step) => step.created + step.updated === 0)).toBe(true);
    expect(again.calls.length).toBeLessThanOrEqual(5);
    expect(objectCalls(again.calls)).toEqual(["ir.model.data.search_read"]);
  }, 240_000);

  it("takes a re-run's setup and lookups from the journal, and asks Odoo again once the export changes", async () => {
    const sample = join(PERFECTBOOKS, "sample");
    const plan = emitPlan(analyzeDirectory(PERFECTBOOKS));
    const double = await sampleDouble("17.0", sample);
    const state = stateFolder();
    const first = await cliRun(double, plan, sample, state);
    expect(objectCalls(first.calls)).toContain("ir.model.fields.create");
    expect(objectCalls(first.calls)).toContain("res.users.search_read");
    const again = await cliRun(double, plan, sample, state);
    expect(again.result.status).toBe("complete");
    expect(
      objectCalls(again.calls).filter((call) => call.startsWith("ir.model.fields") || call.startsWith("res.users") || call.startsWith("res.partner.search")),
    ).toEqual([]);
    // The same export with one row more: the lookups are read again, the setup is not.
    const changed = temporaryDirectory("flitmap-changed-");
    cleanups.push(changed.remove);
    const { cpSync, appendFileSync, readFileSync } = await import("node:fs");
    cpSync(sample, changed.path, { recursive: true });
    const companies = join(changed.path, "companies.csv");
    const header = (readFileSync(companies, "utf8").split(/\r?\n/)[0] ?? "").split(",");
    appendFileSync(
      companies,
      `${header.map((column) => (column === header[0] ? "99999" : column.toLowerCase().includes("name") ? "Late Ltd" : "")).join(",")}\n`,
    );
    const third = await cliRun(double, plan, changed.path, state);
    expect(third.result.status).toBe("complete");
    expect(objectCalls(third.calls)).toContain("res.users.search_read");
    expect(objectCalls(third.calls).filter((call) => call.startsWith("ir.model.fields"))).toEqual([]);
  }, 120_000);

  it("asks Odoo for the setup again once a rollback was made since the last run", async () => {
    const sample = join(PERFECTBOOKS, "sample");
    const plan = emitPlan(analyzeDirectory(PERFECTBOOKS));
    const double = await sampleDouble("17.0", sample);
    const state = stateFolder();
    const first = await cliRun(double, plan, sample, state);
    await cliRun(double, plan, sample, state);
    // The run that wrote nothing does not stand in the way of rolling back the first, which removes its custom fields.
    const journal = Journal.open(join(state, "journal.jsonl"));
    try {
      expect((await rollbackRun({ journal, client: await connectDouble(double), plan })).status).toBe("complete");
    } finally {
      journal.close();
    }
    const third = await cliRun(double, plan, sample, state);
    expect(third.result.status).toBe("complete");
    expect(objectCalls(third.calls)).toContain("ir.model.fields.create");
    expect(objectCalls(third.calls)).toContain("res.users.search_read");
    const created = (result: RunResult): number => result.steps.reduce((sum, step) => sum + step.created, 0);
    expect(created(third.result)).toBe(created(first.result));
  }, 120_000);

  it("does not send again a row Odoo refused unless what it writes changed, or --retry-refused asks", async () => {
    const plan = compileFixture();
    const double = await startSeededDouble("17.0");
    cleanups.push(() => double.stop());
    const state = stateFolder();
    // Odoo refuses the contact Ann Lee, as it refuses a row of a batch: the batch rolled back, the row named.
    let sent = 0;
    const refusing = (client: OdooClient): OdooClient =>
      new Proxy(client, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (property !== "load") return typeof value === "function" ? value.bind(target) : value;
          const load: OdooClient["load"] = async (model, fields, rows, context, options) => {
            const name = fields.indexOf("name");
            const at = model === "res.partner" ? rows.findIndex((row) => row[name] === "Ann Lee") : -1;
            if (at < 0) return target.load(model, fields, rows, context, options);
            sent += 1;
            return { ids: false, messages: [{ type: "error", message: "Ann Lee may not be a contact here", record: at }], nextrow: 0 };
          };
          return load;
        },
      });
    const first = await cliRun(double, plan, FIXTURE_EXPORT, state, { client: refusing });
    const reason = (result: RunResult): string | undefined => result.rejects.find((reject) => reject.key === "P1")?.reason;
    expect(reason(first.result)).toBe("refused by Odoo: Ann Lee may not be a contact here");
    expect(sent).toBeGreaterThan(0);
    const sentFirst = sent;
    const again = await cliRun(double, plan, FIXTURE_EXPORT, state, { client: refusing });
    expect(reason(again.result)).toMatch(/^refused by Odoo in run \S+, not sent again as it did not change: Ann Lee may not be a contact here$/);
    expect(sent).toBe(sentFirst);
    const retried = await cliRun(double, plan, FIXTURE_EXPORT, state, { client: refusing, retryRefused: true });
    expect(reason(retried.result)).toBe("refused by Odoo: Ann Lee may not be a contact here");
    expect(sent).toBeGreaterThan(sentFirst);
    // Odoo takes it now, but the row is unchanged: only --retry-refused sends it.
    const taken = await cliRun(double, plan, FIXTURE_EXPORT, state, { retryRefused: true });
    expect(reason(taken.result)).toBeUndefined();
    expect(taken.result.steps.find((step) => step.step === "person")?.created).toBe(1);
  }, 120_000);
});

/**
 * References to records without an external ID (the customer's users and their partners, matched
 * by a lookup): by database id Odoo checks each cell with a query, by external ID it looks each one
 * up once per call (issue 14). A run whose batches hold enough such cells names those records for
 * the run under `__flitmap_ref__` (runtime/targets/odoo-names.ts), sends them as `field/id`, and
 * removes the names when it closes: the same records land, with the same owners, and nothing is
 * left behind.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlan } from "../../runtime/execute/run.js";
import { Journal } from "../../runtime/journal/journal.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { generateExport, readSeed } from "../mappings/support.js";
import { startOdooDouble } from "../odoo-double/server.js";
import { connectDouble, temporaryDirectory } from "./support.js";

const PERFECTBOOKS = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("references to records without an external ID", () => {
  it("go by temporary external IDs when a batch holds enough of them, which the run removes at its end", async () => {
    const generated = generateExport("perfectbooks", 3000, "5");
    cleanups.push(generated.remove);
    const seed = readSeed(generated.path);
    const double = await startOdooDouble({ version: "17.0", users: seed.users.map((user) => ({ ...user, level: "user" as const })) });
    cleanups.push(() => double.stop());
    const state = temporaryDirectory("flitmap-names-");
    cleanups.push(state.remove);
    const journal = Journal.open(join(state.path, "journal.jsonl"));
    try {
      const plan = emitPlan(analyzeDirectory(PERFECTBOOKS));
      const result = await runPlan({ plan, sourceDirectory: generated.path, target: new OdooTarget(await connectDouble(double)), journal });
      expect(result.status).toBe("complete");
    } finally {
      journal.close();
    }
    const loads = double.callLog.filter((call) => call.method === "load");
    // The companies' batch names their owners by database id, too few cells to pay for two calls;
    // the contacts' batch pays for naming the owners, and the contacts, deals, messages and
    // activities name them by external ID.
    const byDatabaseId = loads.filter((call) => (call.costParts?.["reference by database id"] ?? 0) > 0).map((call) => call.model);
    expect(byDatabaseId).toEqual(["res.partner"]);
    const names = double.callLog.filter((call) => call.model === "ir.model.data" && (call.method === "create" || call.method === "unlink"));
    // The owners (res.users) when the contacts come, their partners (the messages' authors) when the messages do; one unlink at the end.
    expect(names.map((call) => call.method)).toEqual(["create", "create", "unlink"]);
    expect(double.records("ir.model.data").filter((row) => row["module"] === "__flitmap_ref__")).toEqual([]);
    const users = new Set(double.records("res.users").map((user) => user.id));
    const leads = double.records("crm.lead");
    expect(leads.filter((lead) => typeof lead["user_id"] === "number" && users.has(lead["user_id"])).length).toBeGreaterThan(leads.length / 2);
    expect(double.records("mail.activity").every((activity) => typeof activity["user_id"] === "number" && users.has(activity["user_id"]))).toBe(true);
  }, 120_000);
});

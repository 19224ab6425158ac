/**
 * A run's calls in flight chosen from the server (runtime/odoo/concurrency.ts through the Odoo
 * target's default): a generated export run into a double serving one request at a time (a
 * threaded Odoo, the lab of issue 14) and into one with four workers. The first keeps one call in
 * flight, the second two; activities never go two at once; both load the same records.
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

async function runWith(workers: number, source: string): Promise<{ chosen: number | undefined; activitiesAtOnce: number; counts: number[] }> {
  const seed = readSeed(source);
  const double = await startOdooDouble({
    version: "19.0",
    users: seed.users.map((user) => ({ ...user, level: "user" as const })),
    workers,
    // Each row of a load() or create takes 8 ms of the server's worker.
    faults: { delayPerRowMs: 8 },
  });
  cleanups.push(() => double.stop());
  const state = temporaryDirectory("flitmap-concurrency-");
  cleanups.push(state.remove);
  const target = new OdooTarget(await connectDouble(double), { batchSize: 25 });
  const journal = Journal.open(join(state.path, "journal.jsonl"));
  try {
    const plan = emitPlan(analyzeDirectory(PERFECTBOOKS, { seriesOverride: "19.0" }));
    const result = await runPlan({ plan, sourceDirectory: source, target, journal });
    expect(result.status).toBe("complete");
  } finally {
    journal.close();
  }
  return {
    chosen: target.callsInFlight(),
    activitiesAtOnce: double.peakInFlight("mail.activity"),
    counts: ["res.partner", "crm.lead", "mail.activity", "mail.message"].map((model) => double.records(model).length),
  };
}

describe("calls in flight, by default", () => {
  it("are measured on the server: one on a server that serves one call at a time, two where it has workers to spare", async () => {
    const generated = generateExport("perfectbooks", 800, "11");
    cleanups.push(generated.remove);
    const threaded = await runWith(1, generated.path);
    const workers = await runWith(4, generated.path);
    expect([threaded.chosen, workers.chosen]).toEqual([1, 2]);
    expect([threaded.activitiesAtOnce, workers.activitiesAtOnce]).toEqual([1, 1]);
    expect(workers.counts).toEqual(threaded.counts);
  }, 120_000);
});

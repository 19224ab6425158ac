/**
 * The write stamp of a run whose calls went two in flight (runtime/odoo/last-writes.ts): the
 * latest write_date of everything the run wrote, found among the records of the last calls alone.
 * Against the double with workers to spare and a clock that moves on a second at every call it
 * answers, so that only the records of the latest call hold the latest write_date.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlan } from "../../runtime/execute/run.js";
import { Journal } from "../../runtime/journal/journal.js";
import type { OdooClient } from "../../runtime/odoo/index.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { generateExport, readSeed } from "../mappings/support.js";
import { startOdooDouble } from "../odoo-double/server.js";
import { connectDouble, temporaryDirectory } from "./support.js";

const PERFECTBOOKS = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const BATCH = 20;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The client, with the ids of every search for write_date kept. */
function watchingStampSearches(client: OdooClient, searched: number[]): OdooClient {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property !== "searchRead") return typeof value === "function" ? value.bind(target) : value;
      const searchRead: OdooClient["searchRead"] = async (model, domain, fields, options) => {
        const [condition] = domain;
        if (fields.length === 1 && fields[0] === "write_date" && Array.isArray(condition) && Array.isArray(condition[2])) searched.push(condition[2].length);
        return target.searchRead(model, domain, fields, options);
      };
      return searchRead;
    },
  });
}

describe("the write stamp of a run with calls in flight together", () => {
  it("is the latest write_date of every record the run wrote, searched among the records of its last calls only", async () => {
    const generated = generateExport("perfectbooks", 150, "5");
    cleanups.push(generated.remove);
    // Odoo stamps what a call writes with its transaction's start: here, a second for each call the double answered before.
    let answered = (): number => 0;
    const double = await startOdooDouble({
      version: "19.0",
      users: readSeed(generated.path).users.map((user) => ({ ...user, level: "user" as const })),
      workers: 4,
      faults: { delayPerRowMs: 4 },
      clock: () => new Date(Date.UTC(2026, 0, 1) + 1000 * answered()),
    });
    answered = () => double.callLog.length;
    cleanups.push(() => double.stop());
    const state = temporaryDirectory("flitmap-write-stamp-");
    cleanups.push(state.remove);
    const searched: number[] = [];
    const target = new OdooTarget(watchingStampSearches(await connectDouble(double), searched), { batchSize: BATCH, concurrency: 2 });
    const journal = Journal.open(join(state.path, "journal.jsonl"));
    try {
      const plan = emitPlan(analyzeDirectory(PERFECTBOOKS, { seriesOverride: "19.0" }));
      expect((await runPlan({ plan, sourceDirectory: generated.path, target, journal })).status).toBe("complete");
    } finally {
      journal.close();
    }
    expect(double.peakInFlight("res.partner")).toBe(2);

    const events = Journal.open(join(state.path, "journal.jsonl")).events;
    // A second pass writes records of the first again.
    const writtenIds = new Map<string, Set<number>>();
    for (const event of events)
      if (event.type === "batch-end") writtenIds.set(event.model, new Set([...(writtenIds.get(event.model) ?? []), ...event.rows.map((row) => row.id)]));
    let latest = "";
    let written = 0;
    for (const [model, ids] of writtenIds) {
      written += ids.size;
      const dates = new Map(double.records(model).map((record) => [record["id"], record["write_date"]]));
      for (const id of ids) {
        const date = dates.get(id);
        if (typeof date === "string" && date > latest) latest = date;
      }
    }
    const stamps = events.flatMap((event) => (event.type === "stamps" ? Object.values(event.stamps) : []));
    expect(stamps.length).toBe(written);
    expect(new Set(stamps)).toEqual(new Set([latest]));
    // One search per model, each among the records of at most the two calls last in flight.
    expect(searched.length).toBeGreaterThan(0);
    for (const ids of searched) expect(ids).toBeLessThanOrEqual(2 * BATCH);
    expect(searched.reduce((sum, ids) => sum + ids, 0)).toBeLessThan(written / 4);
  }, 120_000);
});

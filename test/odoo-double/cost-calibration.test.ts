/**
 * The cost model (cost.ts) against the recorded runs: the run phase of each of the six recorded
 * lifecycles is replayed, and what the model charges each call is compared with the server time
 * the recording proxy saw. The machine was busy and its speed changed from one recording to the
 * next (RUNS.md), so each recording is first scaled to the model as a whole; what must then agree
 * is how the calls compare with each other: a custom field's create and the call after it against
 * a search, an activity against a message on each version, every batch of a model against the
 * rest of its run.
 */

import { describe, expect, it } from "vitest";
import type { OdooVersion } from "./catalog.js";
import { RUN_PACKAGES, readRecordedRun, type RunPackage } from "./fidelity/run-fixture.js";
import { replayRun } from "./fidelity/run-replay.js";
import type { CallLogEntry } from "./server.js";

interface Measured {
  readonly call: string;
  readonly rows: number;
  readonly recordedMs: number;
  readonly predictedMs: number;
}

async function measuredRun(version: OdooVersion, runPackage: RunPackage): Promise<Measured[]> {
  const exchanges = readRecordedRun(version, runPackage).exchanges.filter((exchange) => exchange.phase === "run");
  let log: readonly CallLogEntry[] = [];
  await replayRun(version, runPackage, { phases: ["run"], afterPhase: (_phase, double) => (log = [...double.callLog]) });
  expect(log).toHaveLength(exchanges.length);
  return exchanges.map((exchange, index) => {
    const entry = log[index];
    return {
      call: entry?.model === undefined ? (entry?.method ?? "") : `${entry.model}.${entry.method}`,
      rows: entry?.rows ?? 0,
      recordedMs: exchange.ms ?? 0,
      predictedMs: entry?.costMs ?? 0,
    };
  });
}

function total(calls: readonly Measured[], key: "recordedMs" | "predictedMs"): number {
  return calls.reduce((sum, call) => sum + call[key], 0);
}

/** Per row of the calls to `call`, recorded and predicted. */
function perRow(calls: readonly Measured[], call: string): { recorded: number; predicted: number } {
  const chosen = calls.filter((candidate) => candidate.call === call && candidate.rows > 0);
  const rows = chosen.reduce((sum, candidate) => sum + candidate.rows, 0);
  return { recorded: total(chosen, "recordedMs") / rows, predicted: total(chosen, "predictedMs") / rows };
}

const RUNS = (["17.0", "18.0", "19.0"] as const).flatMap((version) => RUN_PACKAGES.map((runPackage) => [version, runPackage] as const));

describe.each(RUNS)("the cost model against the recorded %s %s run", (version, runPackage) => {
  it("charges each model's batches, a custom field and the call after it, an activity against a message, what the recording spent", async () => {
    const calls = await measuredRun(version, runPackage);
    const scale = total(calls, "recordedMs") / total(calls, "predictedMs");
    const groups = new Map<string, Measured[]>();
    for (const call of calls) if (call.rows >= 20 || call.call === "ir.model.fields.search") groups.set(call.call, [...(groups.get(call.call) ?? []), call]);
    const off = [...groups]
      .map(([call, chosen]) => ({ call, relative: total(chosen, "recordedMs") / total(chosen, "predictedMs") / scale }))
      .filter(({ relative }) => relative < 0.3 || relative > 3.6)
      .map(({ call, relative }) => `${call}: ${relative.toFixed(2)}`);
    expect(off).toEqual([]);

    // The field's create and the call after it (the registry reloaded) against an ir.model search.
    const field = perRow(calls, "ir.model.fields.create");
    const reload = calls.filter((call) => call.call === "ir.model.fields.search");
    const search = calls.filter((call) => call.call === "ir.model.search");
    const recordedField = (field.recorded + total(reload, "recordedMs") / reload.length) / (total(search, "recordedMs") / search.length);
    const predictedField = (field.predicted + total(reload, "predictedMs") / reload.length) / (total(search, "predictedMs") / search.length);
    expect(recordedField).toBeGreaterThan(4);
    expect(predictedField).toBeGreaterThan(4);
    // 17.0 and 18.0 redo a batch of activities row by row (followers inserted twice); 19.0 does not.
    const activity = perRow(calls, "mail.activity.load");
    const message = perRow(calls, "mail.message.load");
    const recorded = activity.recorded / message.recorded;
    const predicted = activity.predicted / message.predicted;
    if (version === "17.0") {
      expect(recorded).toBeGreaterThan(4);
      expect(predicted).toBeGreaterThan(4);
    } else {
      expect(predicted / recorded).toBeGreaterThan(1 / 3.5);
      expect(predicted / recorded).toBeLessThan(3.5);
    }
  });
});

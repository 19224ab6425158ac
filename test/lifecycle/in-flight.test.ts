/**
 * What rollback waits for before it looks a stopped run's unanswered calls up in Odoo
 * (runtime/lifecycle/in-flight.ts): calls found from the journal, the wait ended as soon as a
 * call's records all show, bounded by the settle time from the run's last step, and no wait for a
 * run stopped long ago or a journal written before calls were timed. The end-to-end case (a
 * killed CLI whose batch lands during the rollback) is in rollback.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { JournalEvent } from "../../runtime/journal/journal.js";
import { inFlight, settleInFlight } from "../../runtime/lifecycle/in-flight.js";
import type { OdooClient } from "../../runtime/odoo/index.js";

const RUN = "20261206T180000-abcdef12";
const SENT = Date.parse("2026-12-06T18:00:10Z");

function batchStart(batch: string, xmlids: string[], existing: string[] = [], time: string | null = new Date(SENT).toISOString()): JournalEvent {
  return {
    type: "batch-start",
    run: RUN,
    batch,
    step: "company",
    model: "res.partner",
    pass: "main",
    xmlids,
    existing: Object.fromEntries(existing.map((xmlid, index) => [xmlid, { id: index + 1, before: {} }])),
    ...(time === null ? {} : { time }),
  };
}

function batchEnd(batch: string): JournalEvent {
  return { type: "batch-end", run: RUN, batch, step: "company", model: "res.partner", pass: "main", rows: [], rejected: 0, time: new Date(SENT).toISOString() };
}

/** An Odoo whose ir.model.data gains `landing` at the `landsAt` clock time; counts the look-ups. */
function odooWhere(
  landing: string[],
  landsAt: number,
  clock: { now: number },
): { client: Pick<OdooClient, "externalIds" | "searchReadAll">; lookups: () => number } {
  let lookups = 0;
  const client: Pick<OdooClient, "externalIds" | "searchReadAll"> = {
    // Custom fields have no external ID: named `model.name` in `landing`.
    searchReadAll: () => {
      lookups += 1;
      const there = clock.now >= landsAt ? landing.filter((name) => name.startsWith("res.partner.x_")) : [];
      return Promise.resolve(there.map((name, index) => ({ id: index + 1, model: "res.partner", name: name.slice("res.partner.".length) })));
    },
    externalIds: (xmlids) => {
      lookups += 1;
      const there = clock.now >= landsAt ? xmlids.filter((xmlid) => landing.includes(xmlid)) : [];
      return Promise.resolve(new Map(there.map((xmlid, index) => [xmlid, { model: "res.partner", resId: index + 1 }])));
    },
  };
  return { client, lookups: () => lookups };
}

function settleWith(events: JournalEvent[], landing: string[], landsAfterMs: number, startAfterMs: number, settleMs = 120_000) {
  const clock = { now: SENT + startAfterMs };
  const { client, lookups } = odooWhere(landing, SENT + landsAfterMs, clock);
  const said: string[] = [];
  const sleep = (ms: number): Promise<void> => {
    clock.now += ms;
    return Promise.resolve();
  };
  return settleInFlight(inFlight(events, RUN), client, { settleMs, say: (text) => said.push(text), now: () => clock.now, sleep }).then((settled) => ({
    settled,
    said,
    lookups: lookups(),
  }));
}

describe("the calls a stopped run left unanswered", () => {
  it("are its batches with no end and what they would create, and the last time the run journaled a step", () => {
    const pending = inFlight([batchStart("b1", ["crm.a", "crm.b"]), batchEnd("b1"), batchStart("b2", ["crm.c", "crm.d"], ["crm.d"])], RUN);
    expect(pending.calls).toEqual([{ what: "a batch of 2 res.partner", xmlids: ["crm.c"] }]);
    expect(pending.lastSeen).toBe(SENT);
  });
});

describe("settling them before rollback looks", () => {
  it("stops waiting as soon as a batch's records all show in Odoo", async () => {
    const { settled, said } = await settleWith([batchStart("b1", ["crm.a", "crm.b"])], ["crm.a", "crm.b"], 2_000, 100);
    // Asked every 500 ms from 0.1 s after the run stopped: seen at 2.1 s.
    expect(settled).toEqual({ waitedMs: 2_000, unseen: 0 });
    expect(said[0]).toMatch(/stopped 0\.1 s ago with 1 call unanswered \(a batch of 2 res\.partner\): Odoo may still be writing it; waiting up to 120 s/);
  });

  it("waits to the end of the settle time for a batch of updates alone, which cannot be seen to land", async () => {
    const { settled } = await settleWith([batchStart("b1", ["crm.a"], ["crm.a"])], [], 0, 1_000, 5_000);
    expect(settled).toEqual({ waitedMs: 4_000, unseen: 1 });
  });

  it("waits to the end for a batch only half of which showed (a second call of it may still come)", async () => {
    const { settled } = await settleWith([batchStart("b1", ["crm.a", "crm.b"])], ["crm.a"], 500, 0, 3_000);
    expect(settled).toEqual({ waitedMs: 3_000, unseen: 1 });
  });

  it("does not wait for a run that stopped longer ago than the settle time, nor for a batch that was answered", async () => {
    expect((await settleWith([batchStart("b1", ["crm.a"])], [], 0, 200_000)).settled).toEqual({ waitedMs: 0, unseen: 1 });
    const answered = await settleWith([batchStart("b1", ["crm.a"]), batchEnd("b1")], [], 0, 0);
    expect(answered).toEqual({ settled: { waitedMs: 0, unseen: 0 }, said: [], lookups: 0 });
  });

  it("sees a custom field the run was creating land, by model and name", async () => {
    const setupStart: JournalEvent = {
      type: "setup-start",
      run: RUN,
      kind: "custom-field",
      model: "res.partner",
      name: "x_score",
      time: new Date(SENT).toISOString(),
    };
    const { settled, said } = await settleWith([setupStart], ["res.partner.x_score"], 1_000, 0);
    expect(settled).toEqual({ waitedMs: 1_000, unseen: 0 });
    expect(said[0]).toMatch(/\(the custom field res\.partner x_score\)/);
  });

  it("does not wait on a journal written before calls were timed", async () => {
    const { settled, lookups } = await settleWith([batchStart("b1", ["crm.a"], [], null)], [], 0, 0);
    expect(settled).toEqual({ waitedMs: 0, unseen: 0 });
    expect(lookups).toBe(0);
  });
});

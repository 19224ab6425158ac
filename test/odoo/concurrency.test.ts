/**
 * Calls in flight chosen from the server (runtime/odoo/concurrency.ts): the run's own loads
 * measured, one call alone against two at once, on a double that serves requests with one worker
 * (as a threaded Odoo, the 2-core lab of issue 14) and with four; and activities never loaded two
 * calls at once, whatever the setting (issue 14: parallel activity loads deadlocked on
 * mail_followers).
 */

import { afterEach, describe, expect, it } from "vitest";
import { loadInBatches, type LoadRow } from "../../runtime/odoo/batch-loader.js";
import { MeasuredConcurrency, type ObservedCall } from "../../runtime/odoo/concurrency.js";
import { rowEffects } from "../../runtime/odoo/row-effects.js";
import { closeSession, openSession, type Session } from "./support.js";

const sessions: Session[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await closeSession(session);
});

/** A double whose load() and create calls take `perRowMs` a row, served by `workers` workers. */
async function slowServer(workers: number, perRowMs: number): Promise<Session> {
  const session = await openSession({ label: "17.0", version: "17.0", protocol: "xmlrpc" }, { workers, faults: { delayPerRowMs: perRowMs } });
  sessions.push(session);
  return session;
}

function partners(count: number, module: string): LoadRow[] {
  return Array.from({ length: count }, (_unused, index) => ({ key: String(index), cells: [`${module}.p${index}`, `Partner ${index}`] }));
}

const call = (model: string, rows: number, startedMs: number, endedMs: number): ObservedCall => ({ model, rows, startedMs, endedMs });

describe("the measured choice", () => {
  it("keeps two calls in flight when two at once took clearly less time per row than one alone", () => {
    const choice = new MeasuredConcurrency(500);
    choice.observe(call("res.partner", 1000, 0, 2500)); // warms up
    expect(choice.calls("res.partner")).toBe(1);
    choice.observe(call("res.partner", 1000, 2500, 4500)); // alone: 2 ms a row
    expect(choice.calls("res.partner")).toBe(2);
    choice.observe(call("res.partner", 1000, 4500, 6600));
    choice.observe(call("res.partner", 1000, 4500, 6700)); // together: 1.1 ms a row
    expect([choice.decided(), choice.calls("crm.lead"), choice.everParallel()]).toEqual([2, 2, true]);
  });

  it("goes back to one when the server served the two one after the other", () => {
    const choice = new MeasuredConcurrency(500);
    choice.observe(call("res.partner", 1000, 0, 2000));
    choice.observe(call("res.partner", 1000, 2000, 4000));
    expect(choice.calls("res.partner")).toBe(2);
    choice.observe(call("res.partner", 1000, 4000, 6000));
    choice.observe(call("res.partner", 1000, 4000, 8100)); // the second waited for the first
    expect([choice.decided(), choice.calls("res.partner"), choice.everParallel()]).toEqual([1, 1, false]);
  });

  it("counts only full calls, and compares two calls at once with a call of the same model alone", () => {
    const choice = new MeasuredConcurrency(500);
    choice.observe(call("res.partner", 20, 0, 60)); // a small call: mostly its own cost
    expect(choice.calls("res.partner")).toBe(1);
    choice.observe(call("res.partner", 1000, 0, 2000));
    choice.observe(call("res.partner", 1000, 2000, 4000));
    // Another model: its calls run one at a time until it has its own measure alone.
    expect(choice.calls("crm.lead")).toBe(1);
    choice.observe(call("crm.lead", 1000, 4000, 9000));
    expect(choice.calls("crm.lead")).toBe(1);
    expect(choice.decided()).toBeUndefined();
  });
});

describe("against a server", () => {
  it.each([
    [1, 1],
    [4, 2],
  ])("with %i worker(s), the run's loads measure it and keep %i call(s) in flight", async (workers, chosen) => {
    const { client, double } = await slowServer(workers, 8);
    const choice = new MeasuredConcurrency(25);
    const result = await loadInBatches(client, "res.partner", ["id", "name"], partners(400, `workers${workers}`), { batchSize: 50, concurrency: choice });
    expect(result.loaded).toHaveLength(400);
    expect(choice.decided()).toBe(chosen);
    // One worker served one call at a time even while the client had two in flight.
    expect(double.peakInFlight("res.partner")).toBe(workers === 1 ? 1 : 2);
  });

  it("never loads two calls of activities at once, whatever the setting, and loads other models side by side", async () => {
    const { client, double } = await slowServer(4, 1);
    const leads = await client.create(
      "crm.lead",
      Array.from({ length: 40 }, (_unused, index) => ({ name: `Lead ${index}` })),
      { tracking_disable: true },
    );
    const [model] = await client.search("ir.model", [["model", "=", "crm.lead"]]);
    const fields = ["id", "res_model_id/.id", "res_id", "summary"];
    const rows = leads.map((lead, index) => ({ key: String(index), cells: [`alone.act_${index}`, String(model), String(lead), `Call ${index}`] }));
    const effects = rowEffects("mail.activity", fields, "19.0");
    const activities = await loadInBatches(client, "mail.activity", fields, rows, {
      batchSize: 5,
      concurrency: 4,
      ...(effects === undefined ? {} : { effects }),
    });
    expect([activities.loaded.length, activities.calls]).toEqual([40, 8]);
    expect(double.peakInFlight("mail.activity")).toBe(1);
    await loadInBatches(client, "res.partner", ["id", "name"], partners(40, "side"), { batchSize: 5, concurrency: 4 });
    expect(double.peakInFlight("res.partner")).toBeGreaterThan(1);
  });
});

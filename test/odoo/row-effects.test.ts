/**
 * The load schedule against what creating a row does besides its own record (runtime/odoo/
 * row-effects.ts): on 17.0 and 18.0 a call holds each activity's document and user once until a
 * call has subscribed them, so no batch falls back to row by row (the double counts the
 * fallbacks Odoo would make); 19.0 needs no rounds; and calls in flight at once never touch the
 * same document.
 */

import { afterEach, describe, expect, it } from "vitest";
import { loadInBatches, type LoadRow } from "../../runtime/odoo/batch-loader.js";
import type { OdooClient } from "../../runtime/odoo/client.js";
import { rowEffects } from "../../runtime/odoo/row-effects.js";
import { closeSession, openSession, type Session } from "./support.js";

const FIELDS = ["id", "res_model_id/.id", "res_id", "user_id/.id", "summary"];

const sessions: Session[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await closeSession(session);
});

async function opened(version: "17.0" | "18.0" | "19.0", delayMs = 0): Promise<Session> {
  const session = await openSession({ label: version, version, protocol: "xmlrpc" }, delayMs > 0 ? { faults: { delayMs } } : {});
  sessions.push(session);
  return session;
}

/** `perLead` activities of the same user on each of `leads` new leads, in lead order. */
async function activityRows(client: OdooClient, module: string, leads: number, perLead: number): Promise<LoadRow[]> {
  const leadIds = await client.create(
    "crm.lead",
    Array.from({ length: leads }, (_unused, index) => ({ name: `Lead ${index}` })),
    { tracking_disable: true },
  );
  const [model] = await client.search("ir.model", [["model", "=", "crm.lead"]]);
  const [user] = await client.create("res.users", [{ name: "Sales", login: `${module}@example.com` }]);
  return leadIds.flatMap((lead, leadIndex) =>
    Array.from({ length: perLead }, (_unused, index) => ({
      key: `${leadIndex}-${index}`,
      cells: [`${module}.act_${leadIndex}_${index}`, String(model), String(lead), String(user), `Call ${index}`],
    })),
  );
}

describe("follower rounds", () => {
  it.each(["17.0", "18.0"] as const)(
    "on %s loads a document's activities of one user in a later call than the first, and Odoo never falls back to row by row",
    async (version) => {
      const { client, double } = await opened(version);
      const rows = await activityRows(client, "rounds", 834, 3);
      double.clearCallLog();
      const result = await loadInBatches(client, "mail.activity", FIELDS, rows, { effects: rowEffects("mail.activity", FIELDS, version) });
      expect(result.rejected).toEqual([]);
      expect(result.loaded).toHaveLength(2502);
      // 834 first activities, then 1,000 and 668 of the rest: no more calls than 1,000-row batches need.
      expect(result.calls).toBe(3);
      expect(double.cost().fallbacks).toEqual({ calls: 0, rows: 0 });
      expect(double.records("mail.followers").filter((follower) => follower["res_model"] === "crm.lead")).toHaveLength(834);
    },
  );

  it("without the rounds, 17.0 redoes the whole batch row by row", async () => {
    const { client, double } = await opened("17.0");
    const rows = await activityRows(client, "no_rounds", 10, 2);
    const result = await loadInBatches(client, "mail.activity", FIELDS, rows);
    expect(result.loaded).toHaveLength(20);
    expect(double.cost().fallbacks).toEqual({ calls: 1, rows: 20 });
  });

  it("on 19.0 sends every activity at once: Odoo subscribes each document and user once per call", async () => {
    const { client, double } = await opened("19.0");
    const rows = await activityRows(client, "nineteen", 10, 3);
    const effects = rowEffects("mail.activity", FIELDS, "19.0");
    expect(effects?.subscribes).toBeUndefined();
    const result = await loadInBatches(client, "mail.activity", FIELDS, rows, { ...(effects === undefined ? {} : { effects }) });
    expect([result.loaded.length, result.calls]).toEqual([30, 1]);
    expect(double.cost().fallbacks.calls).toBe(0);
  });
});

/** A client whose load() calls count how often two in flight at once held activities of the same document. */
function watching(client: OdooClient): { client: OdooClient; overlaps: () => number } {
  const inFlight = new Map<string, number>();
  let overlaps = 0;
  const load: OdooClient["load"] = async (model, fields, rows, context, options) => {
    const documents = [...new Set(rows.map((row) => `${row[1] ?? ""}#${row[2] ?? ""}`))];
    for (const document of documents) {
      if ((inFlight.get(document) ?? 0) > 0) overlaps += 1;
      inFlight.set(document, (inFlight.get(document) ?? 0) + 1);
    }
    try {
      return await client.load(model, fields, rows, context, options);
    } finally {
      for (const document of documents) inFlight.set(document, (inFlight.get(document) ?? 1) - 1);
    }
  };
  return { client: { ...client, load, externalIds: (xmlids) => client.externalIds(xmlids) }, overlaps: () => overlaps };
}

describe("calls in flight", () => {
  it("never touch the same document at once, and do without the schedule's effects", async () => {
    const { client } = await opened("19.0", 30);
    const rows = await activityRows(client, "in_flight", 6, 4);
    // Rows sorted by activity index, so that each batch of 6 holds one activity of every lead.
    const interleaved = [...rows].sort((left, right) => (left.key.split("-")[1] ?? "").localeCompare(right.key.split("-")[1] ?? ""));
    const safe = watching(client);
    const result = await loadInBatches(safe.client, "mail.activity", FIELDS, interleaved, {
      batchSize: 6,
      concurrency: 3,
      effects: rowEffects("mail.activity", FIELDS, "19.0"),
    });
    expect(result.loaded).toHaveLength(24);
    expect(safe.overlaps()).toBe(0);
    const naive = watching(client);
    await loadInBatches(naive.client, "mail.activity", FIELDS, interleaved, { batchSize: 6, concurrency: 3 });
    expect(naive.overlaps()).toBeGreaterThan(0);
  });
});

/**
 * Batched loads through load(): a failed batch is split until exactly the bad rows are rejected
 * and every good row is loaded; batches that time out shrink; nothing is duplicated; and the
 * load is quiet (no chatter, no notification).
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadInBatches, QUIET_IMPORT_CONTEXT, splitAroundSuspects, type BatchProgress, type LoadRow } from "../../runtime/odoo/batch-loader.js";
import { OdooError } from "../../runtime/odoo/client.js";
import { connectOdoo } from "../../runtime/odoo/client.js";
import { closeSession, openSession, optionsFor, PROTOCOL_CASES, recordingClock, rejection, type Session } from "./support.js";

const PARTNER_FIELDS = ["id", "name", "is_company", "type", "parent_id/id"];

function partnerRows(module: string, count: number, bad: Readonly<Record<number, readonly string[]>> = {}): LoadRow[] {
  return Array.from({ length: count }, (_unused, index) => ({
    key: `R${index}`,
    cells: bad[index] ?? [`${module}.p${index}`, `${module} partner ${index}`, "0", "contact", ""],
  }));
}

describe.each(PROTOCOL_CASES)("loadInBatches over $label", (testCase) => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession(testCase);
  });
  afterAll(async () => {
    await closeSession(session);
  });
  afterEach(() => {
    session.double.setFaults({});
    session.double.clearCallLog();
  });

  const xmlidCount = (module: string): number => session.double.records("ir.model.data").filter((row) => row["module"] === module).length;
  const loadCalls = (): number => session.double.callLog.filter((entry) => entry.method === "load").length;

  it("isolates 1 bad row out of 1,000 and loads the other 999", async () => {
    const rows = partnerRows("flitmap_one", 1000, { 537: ["flitmap_one.p537", "Dangling", "0", "contact", "flitmap_one.no_such_parent"] });
    const result = await loadInBatches(session.client, "res.partner", PARTNER_FIELDS, rows, { batchSize: 1000 });
    expect(result.rejected).toEqual([
      { key: "R537", message: "No matching record found for external id 'flitmap_one.no_such_parent' in field 'Related Company'", field: "parent_id" },
    ]);
    expect(result.loaded).toHaveLength(999);
    expect(result.loaded.map((row) => row.key)).toEqual(rows.filter((_row, index) => index !== 537).map((row) => row.key));
    expect(new Set(result.loaded.map((row) => row.id)).size).toBe(999);
    expect(xmlidCount("flitmap_one")).toBe(999);
    // One failed call, then the rows before the bad one, the bad one alone, the rows after it.
    expect([result.calls, loadCalls()]).toEqual([4, 4]);
  });

  it("isolates 3 bad rows of different kinds out of 1,000 and loads the other 997", async () => {
    const rows = partnerRows("flitmap_three", 1000, {
      10: ["flitmap_three.p10", "Bad boolean", "maybe", "contact", ""],
      500: ["flitmap_three.p500", "Bad type", "0", "not_a_type", ""],
      999: ["flitmap_three.p999", "", "0", "contact", ""],
    });
    const result = await loadInBatches(session.client, "res.partner", PARTNER_FIELDS, rows, { batchSize: 1000 });
    expect(result.rejected).toEqual([
      { key: "R10", message: "Unknown value 'maybe' for boolean field 'Is a Company'", field: "is_company" },
      { key: "R500", message: "Value 'not_a_type' not found in selection field 'Address Type'", field: "type" },
      { key: "R999", message: testCase.version === "19.0" ? "Contacts require a name" : "'Contacts require a name'" },
    ]);
    expect(result.loaded).toHaveLength(997);
    expect(xmlidCount("flitmap_three")).toBe(997);
    expect(result.calls).toBe(7);
  });

  it("rejects only the row that fails on its own when Odoo blames the batch's first row too", async () => {
    const { client } = session;
    await client.load(
      "res.partner",
      ["id", "name"],
      [
        ["flitmap_cycle.a", "Cycle A"],
        ["flitmap_cycle.b", "Cycle B"],
      ],
    );
    // b under a and a under b: Odoo reports the cycle against row 0 as well as row 1.
    const direct = await client.load(
      "res.partner",
      ["id", "parent_id/id"],
      [
        ["flitmap_cycle.a", "flitmap_cycle.b"],
        ["flitmap_cycle.b", "flitmap_cycle.a"],
      ],
    );
    expect(direct.messages.map((message) => message.record)).toEqual([0, 1]);
    const result = await loadInBatches(
      client,
      "res.partner",
      ["id", "parent_id/id"],
      [
        { key: "a", cells: ["flitmap_cycle.a", "flitmap_cycle.b"] },
        { key: "b", cells: ["flitmap_cycle.b", "flitmap_cycle.a"] },
      ],
    );
    expect(result.loaded.map((row) => row.key)).toEqual(["a"]);
    expect(result.rejected).toEqual([{ key: "b", message: "You cannot create recursive Partner hierarchies." }]);
  });

  it("keeps row order inside a batch, so a row may reference an earlier row of the same batch", async () => {
    const rows: LoadRow[] = [
      { key: "company", cells: ["flitmap_order.co", "Ordered Co", "1", "contact", ""] },
      { key: "broken", cells: ["flitmap_order.broken", "Broken", "yes please", "contact", ""] },
      { key: "contact", cells: ["flitmap_order.ct", "Ordered Contact", "0", "contact", "flitmap_order.co"] },
    ];
    const result = await loadInBatches(session.client, "res.partner", PARTNER_FIELDS, rows);
    expect(result.loaded.map((row) => row.key)).toEqual(["company", "contact"]);
    expect(result.rejected.map((row) => row.key)).toEqual(["broken"]);
  });

  it("loads rows whose parents arrive in a later parallel batch", async () => {
    const children = Array.from({ length: 8 }, (_unused, index) => ({
      key: `child${index}`,
      cells: [`flitmap_late.c${index}`, `Late child ${index}`, "0", "contact", "flitmap_late.parent"],
    }));
    const parent = { key: "parent", cells: ["flitmap_late.parent", "Late parent", "1", "contact", ""] };
    const result = await loadInBatches(session.client, "res.partner", PARTNER_FIELDS, [...children, parent], { batchSize: 4, concurrency: 2 });
    expect(result.rejected).toEqual([]);
    expect(result.loaded.map((row) => row.key)).toEqual([...children.map((row) => row.key), "parent"]);
    const parentId = result.loaded.find((row) => row.key === "parent")?.id;
    const childRecords = await session.client.read(
      "res.partner",
      result.loaded.slice(0, 8).map((row) => row.id),
      ["parent_id"],
    );
    expect(childRecords.every((record) => Array.isArray(record["parent_id"]) && record["parent_id"][0] === parentId)).toBe(true);
  });

  it("shrinks batches that time out and still loads every row exactly once", async () => {
    const { double } = session;
    const client = await connectOdoo(optionsFor(double, testCase.protocol, { retryRuntime: recordingClock() }));
    // Wide margins (a 200-row batch takes 2 s against a 1.5 s timeout, a 100-row one 1 s) so that
    // a loaded machine's slower encoding cannot push the halved batch past the timeout too.
    double.setFaults({ delayPerRowMs: 10 });
    const progress: BatchProgress[] = [];
    try {
      const rows = partnerRows("flitmap_slow", 300);
      const result = await loadInBatches(client, "res.partner", PARTNER_FIELDS, rows, {
        batchSize: 200,
        concurrency: 1,
        timeoutMs: 1_500,
        onProgress: (entry) => progress.push(entry),
      });
      expect(result.rejected).toEqual([]);
      expect(result.loaded).toHaveLength(300);
      expect(progress.map((entry) => entry.batchSize).at(-1)).toBe(100);
    } finally {
      double.setFaults({});
      await client.close();
    }
    // The timed-out batch may still commit on the server; external ids keep that harmless.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(xmlidCount("flitmap_slow")).toBe(300);
    expect(double.records("res.partner").filter((row) => String(row["name"]).startsWith("flitmap_slow partner ")).length).toBe(300);
  });

  it("is quiet by default: no chatter and no notification", async () => {
    const { double, client } = session;
    const [salesUser] = await client.create("res.users", [{ name: "Sales Person", login: "sales.person@example.com" }], { tracking_disable: true });
    const outboxBefore = double.outbox().length;
    const result = await loadInBatches(
      client,
      "crm.lead",
      ["id", "name", "user_id/.id"],
      [{ key: "L1", cells: ["flitmap_quiet.l1", "Quiet lead", String(salesUser)] }],
    );
    expect(result.rejected).toEqual([]);
    const leadId = result.loaded[0]?.id ?? 0;
    expect(double.chatter("crm.lead", leadId)).toEqual([]);
    expect(double.outbox()).toHaveLength(outboxBefore);
    expect(double.callLog.filter((entry) => entry.method === "load").map((entry) => entry.contextKeys)).toEqual([Object.keys(QUIET_IMPORT_CONTEXT).sort()]);
    // The same load with the quiet keys switched off does write chatter and notify the salesperson.
    const noisy = await loadInBatches(
      client,
      "crm.lead",
      ["id", "name", "user_id/.id"],
      [{ key: "L2", cells: ["flitmap_quiet.l2", "Noisy lead", String(salesUser)] }],
      {
        context: Object.fromEntries(Object.keys(QUIET_IMPORT_CONTEXT).map((key) => [key, false])),
      },
    );
    expect(double.chatter("crm.lead", noisy.loaded[0]?.id ?? 0)).toHaveLength(1);
    expect(double.outbox()).toHaveLength(outboxBefore + 1);
  });

  it("passes Odoo's warnings on loaded rows along", async () => {
    const { client } = session;
    await client.create("res.partner.category", [{ name: "Twin tag" }, { name: "Twin tag" }]);
    const result = await loadInBatches(client, "res.partner", ["id", "name", "category_id"], [{ key: "W", cells: ["flitmap_warn.w", "Warned", "Twin tag"] }]);
    expect(result.loaded.map((row) => row.key)).toEqual(["W"]);
    expect(result.warnings).toEqual([{ key: "W", message: "Found multiple matches for value 'Twin tag' in field 'Tags' (2 matches)" }]);
  });

  it("refuses rows without external ids, and rejects malformed rows up front", async () => {
    const error = await rejection(loadInBatches(session.client, "res.partner", ["name"], [{ key: "x", cells: ["No id"] }]));
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe("configuration");
    const result = await loadInBatches(
      session.client,
      "res.partner",
      ["id", "name"],
      [
        { key: "short", cells: ["flitmap_shape.a"] },
        { key: "blank", cells: ["", "No external id"] },
        { key: "fine", cells: ["flitmap_shape.b", "Fine"] },
      ],
    );
    expect(result.rejected).toEqual([
      { key: "short", message: "the row has 1 values for 2 columns" },
      { key: "blank", message: "the row has no external id", field: "id" },
    ]);
    expect(result.loaded.map((row) => row.key)).toEqual(["fine"]);
  });
});

describe("splitAroundSuspects", () => {
  const error = (record: number): { type: string; message: string; record: number } => ({ type: "error", message: "bad", record });

  it("cuts a batch around the blamed rows, keeping order", () => {
    expect(splitAroundSuspects([10, 11, 12, 13, 14, 15], [error(2), error(4)])).toEqual([[10, 11], [12], [13], [14], [15]]);
    expect(splitAroundSuspects([10, 11, 12], [error(0)])).toEqual([[10], [11, 12]]);
  });

  it("halves a batch when no row is blamed, or every row (bisection, never each row alone)", () => {
    expect(splitAroundSuspects([1, 2, 3, 4, 5], [{ type: "error", message: "Unknown database error" }])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(splitAroundSuspects([1, 2, 3, 4], [error(0), error(1), error(2), error(3)])).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(splitAroundSuspects([1, 2], [error(0), error(1)])).toEqual([[1], [2]]);
  });

  it("ignores warnings and out-of-range blame", () => {
    expect(splitAroundSuspects([1, 2, 3, 4], [{ type: "warning", message: "w", record: 1 }, error(9)])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

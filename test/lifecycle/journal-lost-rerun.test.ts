/**
 * A journal that lost a run which made records again under external IDs an earlier, rolled-back
 * run had used: run, rollback, run again, then the journal cut inside the rollback's lines (a
 * restore from an old copy, a truncation). Odoo's records under those IDs now have other ids than
 * the journal knows. They are not the first run's: `journal rebuild` must take them as unaccounted,
 * and rolling everything back must end with Odoo as before the first run — not a rollback that
 * stops on "Odoo still holds the records the run created" however often it is run again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_EXPORT, comparableSnapshot, startSeededDouble, temporaryDirectory } from "../runtime/support.js";
import { cleanupsAfterEach, flitmapOn, rollBackEverything } from "./recovery.js";

const cleanups = cleanupsAfterEach();

describe("a journal that lost a run which made the records again", () => {
  it("is rebuilt with the new records, and everything rolls back to the state before the first run", async () => {
    const double = await startSeededDouble("17.0", {});
    const state = temporaryDirectory("flitmap-lost-rerun-");
    cleanups.push(() => double.stop(), state.remove);
    const before = comparableSnapshot(double);
    const flitmap = flitmapOn(double, state.path);

    expect((await flitmap("run", "--source", FIXTURE_EXPORT)).code).toBe(0);
    const firstIds = new Set(double.records("ir.model.data").map((row) => `${String(row["name"])}:${String(row["res_id"])}`));
    expect((await flitmap("rollback")).code).toBe(0);
    expect((await flitmap("run", "--source", FIXTURE_EXPORT)).code).toBe(0);
    const again = double.records("ir.model.data").filter((row) => !firstIds.has(`${String(row["name"])}:${String(row["res_id"])}`));
    expect(again.length).toBeGreaterThan(0);

    // Cut the journal just after the rollback's first step: the rollback reads as interrupted and the second run is gone.
    const path = join(state.path, "journal.jsonl");
    const lines = readFileSync(path, "utf8").split("\n");
    const firstStep = lines.findIndex((line) => line.includes('"type":"rollback-step"'));
    expect(firstStep).toBeGreaterThan(0);
    writeFileSync(path, `${lines.slice(0, firstStep + 1).join("\n")}\n`);

    const refused = await flitmap("rollback");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("flitmap journal rebuild");
    const rebuilt = await flitmap("journal rebuild");
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout + rebuilt.stderr).toMatch(/rebuilt/);

    // The rebuilt run holds the records made again, and goes first; then the first run's rollback ends, its own records gone.
    const rebuiltRollback = await flitmap("rollback");
    expect(rebuiltRollback.code).toBe(0);
    expect(rebuiltRollback.stdout).toMatch(/-rebuilt rolled back: [1-9]\d* records deleted, /);
    const firstRollback = await flitmap("rollback");
    expect(firstRollback.code).toBe(0);
    expect(firstRollback.stdout).toMatch(/rolled back: 0 records deleted \([1-9]\d* more no longer in Odoo\)/);
    await rollBackEverything(flitmap);
    expect(comparableSnapshot(double)).toEqual(before);
  });
});

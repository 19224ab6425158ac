/**
 * Rollback reads the Odoo version a run was made for from the journal: both shipped packages run
 * with `flitmap run --target <series>` into the 17.0, 18.0 and 19.0 doubles (19.0 over JSON-2 with
 * an API key, as recorded), then `flitmap rollback` without `--target` puts the double back as it
 * was. On 19.0 a crm.stage has team_ids, not team_id: checking the set-up sales team against the
 * 17.0 catalog stopped the perfectbooks rollback there (issue 13, item 2; 19.0/runs/perfectbooks/rollback-first.log).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../cli/helpers.js";
import { readSeed } from "../mappings/support.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { comparableSnapshot, temporaryDirectory } from "../runtime/support.js";

const MAPPINGS = join(import.meta.dirname, "../../mappings");
const API_KEY = "rollback-versions-key";
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function seededDouble(series: "17.0" | "18.0" | "19.0", sample: string): Promise<OdooDouble> {
  const seed = readSeed(sample);
  const double = await startOdooDouble({
    version: series,
    users: seed.users.map((user) => ({ ...user, level: "user" as const })),
    apiKeys: [{ login: "admin", key: API_KEY }],
  });
  for (const product of seed.products ?? []) double.addRecord("product.product", { ...product });
  cleanups.push(() => double.stop());
  return double;
}

describe.each(["perfectbooks", "perfectview"])("the shipped %s package", (system) => {
  const packagePath = join(MAPPINGS, `${system}-to-odoo`);
  const sample = join(packagePath, "sample");
  it.each(["17.0", "18.0", "19.0"] as const)(
    "run with --target %s, then rolled back without it: the double as before",
    async (series) => {
      const double = await seededDouble(series, sample);
      const state = temporaryDirectory(`flitmap-rollback-${system}-${series}-`);
      cleanups.push(state.remove);
      const environment = {
        ODOO_URL: double.url,
        ODOO_DB: double.database,
        ODOO_USER: "admin",
        // 19.0 as recorded: JSON-2 with an API key; the others over XML-RPC with the password.
        ...(series === "19.0" ? { ODOO_API_KEY: API_KEY } : { ODOO_PASSWORD: "admin" }),
      };
      const before = comparableSnapshot(double);
      const run = await runCliInProcess(["run", packagePath, "--source", sample, "--state", state.path, "--target", series], environment);
      expect(run.code, run.stderr).toBe(0);
      const rollback = await runCliInProcess(["rollback", packagePath, "--state", state.path], environment);
      expect(rollback.code, rollback.stderr).toBe(0);
      expect(rollback.stdout).toMatch(/rolled back: \d+ records deleted, 0 restored, \d+ set-up items removed\n/);
      expect(comparableSnapshot(double)).toEqual(before);
      // The key is in no output and nowhere in the migration's state.
      const journal = readFileSync(join(state.path, "journal.jsonl"), "utf8");
      for (const text of [run.stdout, run.stderr, rollback.stdout, rollback.stderr, journal]) expect(text).not.toContain(API_KEY);
    },
    120_000,
  );
});

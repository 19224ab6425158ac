/**
 * What the lifecycle commands cost on a generated Perfect Books export against the Odoo test
 * double, each as a ratio to the full run measured in the same process: a sample (its closure is
 * computed over every row), a diff (the export recomputed, Odoo read per batch), a rollback, and a
 * delta that finds nothing to write. Prints figures; asserts nothing.
 *
 *   npx tsx test/runtime/bench-lifecycle.ts [rows]     (default 5,000)
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { generate } from "../../mappings/generators/cli.js";
import { Journal } from "../../runtime/journal/journal.js";
import { deltaSelection } from "../../runtime/lifecycle/delta.js";
import { diffMigration } from "../../runtime/lifecycle/diff.js";
import { rollbackRun } from "../../runtime/lifecycle/rollback.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { connectDouble, runLive, temporaryDirectory } from "./support.js";

const REPOSITORY = resolve(import.meta.dirname, "../..");
const PACKAGE = join(REPOSITORY, "mappings/perfectbooks-to-odoo");
const SEED_USERS = (JSON.parse(readFileSync(join(PACKAGE, "sample/odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] })
  .users;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function calls(double: OdooDouble, since: number): number {
  return double.callLog.length - since;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 5000);
  const exportDirectory = temporaryDirectory("flitmap-bench-export-");
  const state = temporaryDirectory("flitmap-bench-state-");
  generate({ system: "perfectbooks", rows, seed: "bench", outDir: exportDirectory.path, chunkSize: 1000, overwrite: true });
  const plan = emitPlan(analyzeDirectory(PACKAGE, { seriesOverride: "17.0" }));
  const double = await startOdooDouble({ version: "17.0", users: SEED_USERS.map((user) => ({ ...user, level: "user" as const })) });
  try {
    const run = await timed(() => runLive(plan, double, state.path, { sourceDirectory: exportDirectory.path }));
    const written = run.value.steps.reduce((total, step) => total + step.created + step.updated, 0);
    const read = run.value.entities.reduce((total, entity) => total + entity.read, 0);

    const client = await connectDouble(double);
    const journal = Journal.open(join(state.path, "journal.jsonl"));
    let mark = double.callLog.length;
    const diff = await timed(() => diffMigration({ plan, sourceDirectory: exportDirectory.path, client, journal }));
    const diffCalls = calls(double, mark);
    journal.close();

    mark = double.callLog.length;
    const delta = await timed(() =>
      runLive(plan, double, state.path, { sourceDirectory: exportDirectory.path, selection: deltaSelection("2099-01-01"), since: "2099-01-01" }),
    );
    const deltaCalls = calls(double, mark);

    const rollbackJournal = Journal.open(join(state.path, "journal.jsonl"));
    mark = double.callLog.length;
    // The delta wrote nothing and is the latest run: roll back the full run over it.
    const rollback = await timed(() => rollbackRun({ journal: rollbackJournal, client, plan, run: run.value.runId, force: true }));
    const rollbackCalls = calls(double, mark);
    rollbackJournal.close();

    const size = Math.max(10, Math.round(read / 100));
    const sample = await timed(() =>
      runLive(plan, double, state.path, { sourceDirectory: exportDirectory.path, selection: sampleSelection({ size, seed: 1 }), sample: size, seed: 1 }),
    );
    await client.close();

    const ratio = (seconds: number): string => (seconds / run.seconds).toFixed(2);
    console.log(`Perfect Books export of ${rows.toLocaleString("en")} generated rows (${read.toLocaleString("en")} records read), Odoo 17.0 test double`);
    console.log(
      `full run        ${run.seconds.toFixed(1)} s  ${written.toLocaleString("en")} records written, ${Math.round(written / run.seconds)} records/s  (baseline)`,
    );
    console.log(
      `diff            ${diff.seconds.toFixed(1)} s  ratio ${ratio(diff.seconds)}  ${diff.value.values.toLocaleString("en")} values compared, ${diff.value.groups.length} fields differ, ${diffCalls} calls`,
    );
    console.log(
      `delta, nothing  ${delta.seconds.toFixed(1)} s  ratio ${ratio(delta.seconds)}  ${deltaCalls} calls, ${delta.value.steps.reduce((total, step) => total + step.created + step.updated, 0)} written`,
    );
    console.log(
      `rollback        ${rollback.seconds.toFixed(1)} s  ratio ${ratio(rollback.seconds)}  ${rollback.value.deleted.reduce((total, entry) => total + entry.count, 0).toLocaleString("en")} deleted, ${rollbackCalls} calls (${rollback.value.status})`,
    );
    console.log(
      `sample of ${size}   ${sample.seconds.toFixed(1)} s  ratio ${ratio(sample.seconds)}  ${sample.value.steps.reduce((total, step) => total + step.created, 0)} records created`,
    );
    console.log(`peak memory     ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB resident at the end`);
  } finally {
    await double.stop();
    state.remove();
    rmSync(exportDirectory.path, { recursive: true, force: true });
  }
}

await main();

/**
 * End to end into the Odoo test double: a generated Perfect Books export run by the real executor
 * with the shipped mapping into a live target (OdooTarget, journal on disk), over XML-RPC (the
 * double as Odoo 17.0) and JSON-2 (as 19.0), against the double's own raw load() throughput
 * measured in the same run: res.partner rows sent straight through the client's batch loader, in
 * batches of the same size, over the same protocol, into a fresh double.
 *
 *   node bench/run.mjs bench/end-to-end.ts [--rows 2000] [--protocol xmlrpc|json2|both] [--batch-size 500]
 *
 * --rows is the generator's (about 1.26 source rows each). Each protocol is first run once untimed
 * (JIT warm-up), then timed on a fresh double: a first run, then a re-run of the same export. The double answers in a fraction of a
 * millisecond where a real Odoo spends ~50 ms per call and 1-2 ms per row, so these figures say
 * what the runtime costs on top of the loading itself, not what a migration reaches on a real
 * server (519 to 809 rows/s for load() of 1,000 partners, measured on 2 cores; see issue 4).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { analyzeDirectory } from "../compiler/analyze.js";
import { emitPlan } from "../compiler/plan/emit.js";
import type { Plan } from "../compiler/plan/schema.js";
import { generatePerfectBooks } from "../mappings/generators/perfectbooks.js";
import { runPlan, type RunResult } from "../runtime/execute/run.js";
import { Journal } from "../runtime/journal/journal.js";
import { loadInBatches, type LoadRow } from "../runtime/odoo/batch-loader.js";
import { connectOdoo, Secret, type OdooClient, type OdooProtocol } from "../runtime/odoo/client.js";
import { OdooTarget } from "../runtime/targets/odoo-target.js";
import { startOdooDouble, type OdooDouble } from "../test/odoo-double/server.js";
import { DelegatingClient } from "./delegating-client.js";
import { fixed, machineLine, numberOption, padTable, peakRssMb, stringOption, thousands } from "./report.js";

const PACKAGE = "mappings/perfectbooks-to-odoo";
const API_KEY = "bench-end-to-end-api-key-0123456789";

interface Seed {
  readonly users: readonly { readonly login: string; readonly name: string; readonly email: string; readonly active?: boolean }[];
}

/** Time spent inside each client method, as the runtime sees it (transport and server included). */
class TimedClient extends DelegatingClient {
  readonly spent = new Map<string, { calls: number; ms: number }>();

  private async timed<T>(method: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const entry = this.spent.get(method) ?? { calls: 0, ms: 0 };
      entry.calls += 1;
      entry.ms += performance.now() - started;
      this.spent.set(method, entry);
    }
  }

  override call: OdooClient["call"] = (...args) => this.timed("call", () => this.inner.call(...args));
  override search: OdooClient["search"] = (...args) => this.timed("search", () => this.inner.search(...args));
  override searchRead: OdooClient["searchRead"] = (...args) => this.timed("searchRead", () => this.inner.searchRead(...args));
  override searchReadAll: OdooClient["searchReadAll"] = (...args) => this.timed("searchReadAll", () => this.inner.searchReadAll(...args));
  override read: OdooClient["read"] = (...args) => this.timed("read", () => this.inner.read(...args));
  override searchCount: OdooClient["searchCount"] = (...args) => this.timed("searchCount", () => this.inner.searchCount(...args));
  override create: OdooClient["create"] = (...args) => this.timed("create", () => this.inner.create(...args));
  override write: OdooClient["write"] = (...args) => this.timed("write", () => this.inner.write(...args));
  override unlink: OdooClient["unlink"] = (...args) => this.timed("unlink", () => this.inner.unlink(...args));
  override fieldsGet: OdooClient["fieldsGet"] = (...args) => this.timed("fieldsGet", () => this.inner.fieldsGet(...args));
  override nameSearch: OdooClient["nameSearch"] = (...args) => this.timed("nameSearch", () => this.inner.nameSearch(...args));
  override load: OdooClient["load"] = (...args) => this.timed("load", () => this.inner.load(...args));
  override externalIds: OdooClient["externalIds"] = (...args) => this.timed("externalIds", () => this.inner.externalIds(...args));
  override installedModules: OdooClient["installedModules"] = (...args) => this.timed("installedModules", () => this.inner.installedModules(...args));
}

async function startDouble(protocol: OdooProtocol, seed: Seed): Promise<OdooDouble> {
  return startOdooDouble({
    version: protocol === "json2" ? "19.0" : "17.0",
    users: seed.users.map((user) => ({ ...user, level: "user" as const })),
    apiKeys: [{ login: "admin", key: API_KEY }],
  });
}

async function connect(double: OdooDouble, protocol: OdooProtocol): Promise<OdooClient> {
  return connectOdoo({
    url: double.url,
    database: double.database,
    login: "admin",
    credential: protocol === "json2" ? { kind: "api-key", secret: new Secret(API_KEY) } : { kind: "password", secret: new Secret("admin") },
    protocol,
  });
}

interface RunMeasurement {
  readonly seconds: number;
  readonly result: RunResult;
  readonly spent: ReadonlyMap<string, { calls: number; ms: number }>;
  /** Time the double spent on load() calls, by its own clock. */
  readonly serverLoadMs: number;
  readonly records: number;
}

async function measureRun(double: OdooDouble, protocol: OdooProtocol, plan: Plan, source: string, state: string, batchSize: number): Promise<RunMeasurement> {
  const client = new TimedClient(await connect(double, protocol));
  const journal = Journal.open(join(state, "journal.jsonl"));
  double.clearCallLog();
  const started = performance.now();
  try {
    const result = await runPlan({ plan, sourceDirectory: source, target: new OdooTarget(client, { batchSize }), journal, batchSize });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== "complete" || result.reconciliationErrors.length > 0)
      throw new Error(`the run ${result.status}: ${result.message ?? result.reconciliationErrors.join("; ")}`);
    const serverLoadMs = double.callLog.filter((entry) => entry.method === "load").reduce((total, entry) => total + (entry.serverMs ?? 0), 0);
    const records = result.steps.reduce((total, step) => total + step.created + step.updated + step.deferredWritten, 0);
    return { seconds, result, spent: client.spent, serverLoadMs, records };
  } finally {
    journal.close();
  }
}

/** The baseline: the double's load() fed directly, rows already made, same batch size and protocol. */
async function measureRawLoad(protocol: OdooProtocol, seed: Seed, rows: number, batchSize: number): Promise<{ seconds: number; serverMs: number }> {
  const double = await startDouble(protocol, seed);
  const client = await connect(double, protocol);
  try {
    const loadRows: LoadRow[] = Array.from({ length: rows }, (_unused, index) => ({
      key: String(index),
      cells: [
        `bench.raw_${index}`,
        `Raw partner ${index}`,
        `p${index}@raw.example`,
        index % 10 === 0 ? "1" : "0",
        `+44 20 7946 ${String(index % 10_000).padStart(4, "0")}`,
        "London",
      ],
    }));
    double.clearCallLog();
    const started = performance.now();
    const result = await loadInBatches(client, "res.partner", ["id", "name", "email", "is_company", "phone", "city"], loadRows, { batchSize });
    const seconds = (performance.now() - started) / 1000;
    if (result.loaded.length !== rows) throw new Error(`raw load lost rows: ${result.loaded.length} of ${rows}`);
    const serverMs = double.callLog.filter((entry) => entry.method === "load").reduce((total, entry) => total + (entry.serverMs ?? 0), 0);
    return { seconds, serverMs };
  } finally {
    await client.close();
    await double.stop();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const rows = numberOption(argv, "--rows", 2000);
  const batchSize = numberOption(argv, "--batch-size", 500);
  const chosen = stringOption(argv, "--protocol") ?? "both";
  if (chosen !== "both" && chosen !== "xmlrpc" && chosen !== "json2") throw new Error(`--protocol takes xmlrpc, json2 or both, not "${chosen}"`);
  const protocols: OdooProtocol[] = chosen === "both" ? ["xmlrpc", "json2"] : [chosen];
  const workspace = mkdtempSync(join(tmpdir(), "flitmap-bench-e2e-"));
  try {
    console.log(machineLine());
    const source = join(workspace, "export");
    const generated = generatePerfectBooks({ rows, seed: "1", outDir: source, overwrite: true });
    const seed = JSON.parse(readFileSync(join(source, "odoo-seed.json"), "utf8")) as Seed;
    const sourceRows = generated.files.reduce((total, file) => total + file.rows, 0);
    console.log(
      `export: Perfect Books --rows ${thousands(rows)}: ${thousands(sourceRows)} source rows, ${generated.attachmentFiles} attachment files; batches of ${batchSize}\n`,
    );
    const table: string[][] = [["", "seconds", "source rows/s", "records/s", "in load()", "double's load", "other calls", "runtime itself", "vs raw load()"]];
    const notes: string[] = [];
    for (const protocol of protocols) {
      const series = protocol === "json2" ? "19.0" : "17.0";
      const plan = emitPlan(analyzeDirectory(resolve(PACKAGE), { seriesOverride: series }));
      // One untimed run first, on its own double: both protocols (and the baseline after them) are
      // then measured with the code already compiled by the JIT, not the first one to run.
      const warmUp = await startDouble(protocol, seed);
      try {
        await measureRun(warmUp, protocol, plan, source, join(workspace, `warm-up-${protocol}`), batchSize);
      } finally {
        await warmUp.stop();
      }
      const double = await startDouble(protocol, seed);
      const state = join(workspace, `state-${protocol}`);
      let first: RunMeasurement;
      let again: RunMeasurement;
      try {
        first = await measureRun(double, protocol, plan, source, state, batchSize);
        again = await measureRun(double, protocol, plan, source, state, batchSize);
      } finally {
        await double.stop();
      }
      const raw = await measureRawLoad(protocol, seed, first.records, batchSize);
      const rawRate = first.records / raw.seconds;
      const row = (label: string, run: RunMeasurement): string[] => {
        const loadMs = run.spent.get("load")?.ms ?? 0;
        const otherMs = [...run.spent].filter(([method]) => method !== "load").reduce((total, [, entry]) => total + entry.ms, 0);
        const ownMs = run.seconds * 1000 - loadMs - otherMs;
        return [
          label,
          fixed(run.seconds, 2),
          thousands(sourceRows / run.seconds),
          thousands(run.records / run.seconds),
          `${fixed(loadMs / 1000, 2)} s`,
          `${fixed(run.serverLoadMs / 1000, 2)} s`,
          `${fixed(otherMs / 1000, 2)} s`,
          `${fixed(ownMs / 1000, 2)} s`,
          run.records === 0 ? "" : `${fixed(run.records / run.seconds / rawRate, 2)}x`,
        ];
      };
      table.push(row(`${protocol} (Odoo ${series} double), first run`, first));
      table.push(row(`${protocol}, re-run of the same export`, again));
      table.push([
        `${protocol}, raw load() of as many partners`,
        fixed(raw.seconds, 2),
        "",
        thousands(rawRate),
        `${fixed(raw.seconds, 2)} s`,
        `${fixed(raw.serverMs / 1000, 2)} s`,
        "",
        "",
        "1.00x",
      ]);
      const calls = [...first.spent]
        .sort((left, right) => right[1].ms - left[1].ms)
        .map(([method, entry]) => `${method} ${entry.calls} calls ${fixed(entry.ms / 1000, 2)} s`);
      notes.push(
        `${protocol} first run: ${thousands(first.records)} records written (created ${thousands(first.result.steps.reduce((t, s) => t + s.created, 0))}, second-pass writes ${thousands(first.result.steps.reduce((t, s) => t + s.deferredWritten, 0))}), ${first.result.rejects.length} rows rejected; client calls: ${calls.join(", ")}`,
      );
      notes.push(
        `${protocol} re-run: ${thousands(again.records)} records written, ${thousands(again.result.steps.reduce((t, s) => t + s.unchanged, 0))} unchanged (the journal's hashes)`,
      );
    }
    console.log(padTable(table));
    console.log("");
    for (const note of notes) console.log(note);
    console.log(
      `\n"in load()" is the time the runtime waited on load() calls (client encoding, HTTP and the double); "double's load" is the double's own time in them; "other calls" are lookups, setup and the reads of existing records before each batch; "runtime itself" is the rest: reading the CSV files, transforming, the journal. Peak RSS of this process: ${fixed(peakRssMb(), 0)} MB.`,
    );
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));

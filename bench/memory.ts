/**
 * Peak memory of a run: a generated Perfect Books export run through the CLI as it ships
 * (`node bin/flitmap.js run`, built first by `scripts/prepare.mjs` when the sources changed) with
 * the shipped package, to import files (`--out`) and into the Odoo test double over JSON-2
 * (`--url`, journal on disk), each in a process of its own so that each peak RSS is its own (the
 * CLI's process says its own at exit). Not in this benchmark's process: that one holds the
 * double's and the generator's code too, some twenty megabytes a run does not have, which the
 * garbage collector's headroom multiplies. The double serves from yet another process: its memory
 * is the server's, not the run's (it is printed beside). Baselines from the same run: the reader
 * alone reading the export once, and a dry run.
 *
 *   node bench/run.mjs bench/memory.ts [--rows 100000] [--export DIR] [--targets out,double]
 *
 * The double keeps every record it is sent: at a million source rows it needs some 2 GB of its
 * own (its process gets a heap limit of DOUBLE_HEAP_MB whatever the machine's memory), the CLI
 * half a gigabyte, so a machine of 4 GB is short and one of 7 GB (a CI runner) is enough.
 *
 * --rows N      Perfect Books records of the independent entities (about 1.26 N source rows; 800000 makes about a million)
 * --export DIR  use this export instead of generating one
 * --targets     which runs to measure besides the baselines (default out,double)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { analyzeDirectory } from "../compiler/analyze.js";
import { emitPlan } from "../compiler/plan/emit.js";
import { generatePerfectBooks } from "../mappings/generators/perfectbooks.js";
import { readPlanEntity } from "../runtime/execute/source-rows.js";
import { startOdooDouble } from "../test/odoo-double/server.js";
import { fixed, machineLine, numberOption, padTable, peakRssMb, stringOption, thousands } from "./report.js";

const PACKAGE = "mappings/perfectbooks-to-odoo";
const API_KEY = "bench-memory-api-key-0123456789";
/**
 * The double's heap limit: it keeps every record it is sent (about 2 KB a source row, 2 GB
 * at a million), more than Node allows by default on a machine of 7 GB (a quarter of its memory);
 * 4 GB is Node's own limit on one of 16 GB or more.
 */
const DOUBLE_HEAP_MB = 4096;
/** Says the process's peak RSS and CPU time on standard error as it exits: the CLI's process is measured from inside. */
const SAY_USAGE = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => { const cpu = process.cpuUsage(); process.stderr.write(`\\nbench-usage ${process.resourceUsage().maxRSS} ${cpu.user + cpu.system}\\n`); });',
)}`;

const PHASES = ["reader", "dry-run", "out", "double"] as const;
type Phase = (typeof PHASES)[number];

interface PhaseResult {
  readonly phase: Phase;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly sourceRows: number;
  readonly exitCode: number;
  readonly lastLine: string;
}

async function readOnce(directory: string): Promise<number> {
  const plan = emitPlan(analyzeDirectory(resolve(PACKAGE)));
  let rows = 0;
  for (const entity of plan.entities) for await (const items of readPlanEntity(entity, directory).batches) rows += items.length;
  return rows;
}

/** The reader alone, in the child process of its own measurement. */
async function readerPhase(directory: string): Promise<PhaseResult> {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const sourceRows = await readOnce(directory);
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = (performance.now() - started) / 1000;
  return { phase: "reader", seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: peakRssMb(), sourceRows, exitCode: 0, lastLine: "" };
}

/** `flitmap run` as it ships, in a process of its own, into the phase's target. */
function cliPhase(phase: Exclude<Phase, "reader">, directory: string, workspace: string, url: string, database: string): PhaseResult {
  // The double speaks JSON-2 as Odoo 19.0 does: the package is checked against 19.0 for it.
  const target =
    phase === "dry-run"
      ? ["--dry-run"]
      : phase === "out"
        ? ["--out", join(workspace, "out")]
        : ["--url", url, "--db", database, "--protocol", "json2", "--target", "19.0"];
  const env: Record<string, string> = phase === "double" ? { ODOO_USER: "admin", ODOO_API_KEY: API_KEY } : {};
  const args = ["run", PACKAGE, "--source", directory, "--state", join(workspace, `state-${phase}`), ...target];
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", SAY_USAGE, resolve("bin/flitmap.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = /\nbench-usage (\d+) (\d+)\n$/.exec(result.stderr);
  if (usage === null)
    throw new Error(`flitmap ${args.join(" ")} said nothing of its usage (exit ${result.status ?? result.signal}):\n${result.stderr.slice(-2000)}`);
  const lines = `${result.stdout}${result.stderr.slice(0, usage.index)}`.trim().split("\n");
  let sourceRows = 0;
  // The reconciliation table: an entity's name, then the records read.
  for (const line of lines) {
    const match = /^(\w+)\s+(\d+)\s+\d+/.exec(line.trim());
    if (match !== null && match[1] !== "entity") sourceRows += Number(match[2]);
  }
  return {
    phase,
    seconds,
    cpuSeconds: Number(usage[2]) / 1e6,
    peakRssMb: Number(usage[1]) / 1024,
    sourceRows,
    exitCode: result.status ?? 1,
    lastLine: lines[lines.length - 1] ?? "",
  };
}

/** The double's own process: serves until its standard input closes, then says its peak RSS. */
async function serveDouble(directory: string): Promise<void> {
  const seed = JSON.parse(readFileSync(join(directory, "odoo-seed.json"), "utf8")) as {
    users: { login: string; name: string; email: string; active?: boolean }[];
  };
  const double = await startOdooDouble({
    version: "19.0",
    users: seed.users.map((user) => ({ ...user, level: "user" as const })),
    apiKeys: [{ login: "admin", key: API_KEY }],
  });
  process.stdout.write(`${JSON.stringify({ url: double.url, database: double.database })}\n`);
  process.stdin.resume();
  await new Promise((done) => process.stdin.on("end", done));
  await double.stop();
  process.stdout.write(`${JSON.stringify({ peakRssMb: peakRssMb() })}\n`);
}

/** The reader's measurement, in a process of its own. */
function child(bundle: string, args: readonly string[]): PhaseResult {
  const result = spawnSync(process.execPath, [bundle, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as PhaseResult;
}

/** Starts the double in a process of its own; resolves with where it listens and a way to stop it (its peak RSS). */
async function startDoubleProcess(bundle: string, directory: string): Promise<{ url: string; database: string; stop: () => Promise<number> }> {
  const server: ChildProcess = spawn(process.execPath, [`--max-old-space-size=${DOUBLE_HEAP_MB}`, bundle, "--serve-double", directory], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  if (server.stdout === null || server.stdin === null) throw new Error("the double's process has no pipes");
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { url, database } = JSON.parse(String(first.value)) as { url: string; database: string };
  const stdin = server.stdin;
  return {
    url,
    database,
    stop: async () => {
      stdin.end();
      const last = await lines.next();
      return (JSON.parse(String(last.value)) as { peakRssMb: number }).peakRssMb;
    },
  };
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === "--reader") {
    process.stdout.write(JSON.stringify(await readerPhase(argv[1] ?? "")));
    return;
  }
  if (argv[0] === "--serve-double") return serveDouble(argv[1] ?? "");
  const rows = numberOption(argv, "--rows", 100_000);
  const given = stringOption(argv, "--export");
  const targets = (stringOption(argv, "--targets") ?? "out,double").split(",");
  const bundle = process.argv[1] ?? "";
  const workspace = mkdtempSync(join(tmpdir(), "flitmap-bench-memory-"));
  try {
    console.log(machineLine());
    // The CLI as it ships: dist/ built from the sources as they are (nothing is done when it is).
    const prepared = spawnSync(process.execPath, ["scripts/prepare.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
    if (prepared.status !== 0) throw new Error("scripts/prepare.mjs could not build the CLI");
    const directory = given === undefined ? join(workspace, "export") : resolve(given);
    if (given === undefined) {
      generatePerfectBooks({ rows, seed: "1", outDir: directory, overwrite: true });
      console.log(`export: Perfect Books --rows ${thousands(rows)} generated`);
    } else console.log(`export: ${directory}`);
    const results: PhaseResult[] = [];
    let doublePeak: number | undefined;
    for (const phase of PHASES) {
      if ((phase === "out" || phase === "double") && !targets.includes(phase)) continue;
      if (phase === "reader") {
        results.push(child(bundle, ["--reader", directory]));
        continue;
      }
      if (phase !== "double") {
        results.push(cliPhase(phase, directory, workspace, "", ""));
        continue;
      }
      const double = await startDoubleProcess(bundle, directory);
      try {
        results.push(cliPhase(phase, directory, workspace, double.url, double.database));
      } finally {
        doublePeak = await double.stop();
      }
    }
    const reader = results.find((result) => result.phase === "reader");
    const table: string[][] = [["", "source rows", "seconds", "CPU s", "peak RSS", "vs reader alone", "exit", "last line"]];
    for (const result of results) {
      table.push([
        result.phase === "reader"
          ? "reader alone (one pass)"
          : result.phase === "dry-run"
            ? "flitmap run --dry-run"
            : result.phase === "out"
              ? "flitmap run --out"
              : "flitmap run --url (double, JSON-2)",
        thousands(result.sourceRows),
        fixed(result.seconds, 1),
        fixed(result.cpuSeconds, 1),
        `${fixed(result.peakRssMb, 0)} MB`,
        reader === undefined ? "" : `${fixed(result.peakRssMb / reader.peakRssMb, 2)}x`,
        result.phase === "reader" ? "" : String(result.exitCode),
        result.lastLine.slice(0, 60),
      ]);
    }
    console.log(`\n${padTable(table)}`);
    if (doublePeak !== undefined) console.log(`\nthe double's own process (the server, not measured above) peaked at ${fixed(doublePeak, 0)} MB`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));

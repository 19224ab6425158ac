/**
 * Peak memory of a run: a generated Perfect Books export run through the real CLI (`flitmap run`,
 * in process, as bin/flitmap.js runs it) with the shipped package, to import files (`--out`) and
 * into the Odoo test double over JSON-2 (`--url`, journal on disk), each in a process of its own
 * so that each peak RSS is its own. The double serves from yet another process: its memory is the
 * server's, not the run's (it is printed beside). Baselines from the same run: the reader alone
 * reading the export once, and a dry run.
 *
 *   node bench/run.mjs bench/memory.ts [--rows 100000] [--export DIR] [--targets out,double]
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
import { runCliInProcess } from "../test/cli/helpers.js";
import { startOdooDouble } from "../test/odoo-double/server.js";
import { fixed, machineLine, numberOption, padTable, peakRssMb, stringOption, thousands } from "./report.js";

const PACKAGE = "mappings/perfectbooks-to-odoo";
const API_KEY = "bench-memory-api-key-0123456789";
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

/** The child process of one measurement. */
async function runPhase(phase: Phase, directory: string, workspace: string, url: string, database: string): Promise<PhaseResult> {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let sourceRows = 0;
  let code = 0;
  let lastLine = "";
  if (phase === "reader") sourceRows = await readOnce(directory);
  else {
    // The double speaks JSON-2 as Odoo 19.0 does: the package is checked against 19.0 for it.
    const target =
      phase === "dry-run"
        ? ["--dry-run"]
        : phase === "out"
          ? ["--out", join(workspace, "out")]
          : ["--url", url, "--db", database, "--protocol", "json2", "--target", "19.0"];
    const env: Record<string, string> = phase === "double" ? { ODOO_USER: "admin", ODOO_API_KEY: API_KEY } : {};
    const run = await runCliInProcess(["run", PACKAGE, "--source", directory, "--state", join(workspace, `state-${phase}`), ...target], env);
    code = run.code;
    const lines = `${run.stdout}${run.stderr}`.trim().split("\n");
    lastLine = lines[lines.length - 1] ?? "";
    // The reconciliation table: an entity's name, then the records read.
    for (const line of lines) {
      const match = /^(\w+)\s+(\d+)\s+\d+/.exec(line.trim());
      if (match !== null && match[1] !== "entity") sourceRows += Number(match[2]);
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  return {
    phase,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRssMb(),
    sourceRows,
    exitCode: code,
    lastLine,
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

function child(bundle: string, args: readonly string[]): PhaseResult {
  const result = spawnSync(process.execPath, [bundle, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as PhaseResult;
}

/** Starts the double in a process of its own; resolves with where it listens and a way to stop it (its peak RSS). */
async function startDoubleProcess(bundle: string, directory: string): Promise<{ url: string; database: string; stop: () => Promise<number> }> {
  const server: ChildProcess = spawn(process.execPath, [bundle, "--serve-double", directory], { stdio: ["pipe", "pipe", "inherit"] });
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
  if (argv[0] === "--phase") {
    const [, phase, directory, workspace, url, database] = argv;
    if (!PHASES.includes(phase as Phase) || directory === undefined || workspace === undefined) throw new Error("usage: --phase PHASE DIR WORKSPACE [URL DB]");
    process.stdout.write(JSON.stringify(await runPhase(phase as Phase, directory, workspace, url ?? "", database ?? "")));
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
    const directory = given === undefined ? join(workspace, "export") : resolve(given);
    if (given === undefined) {
      generatePerfectBooks({ rows, seed: "1", outDir: directory, overwrite: true });
      console.log(`export: Perfect Books --rows ${thousands(rows)} generated`);
    } else console.log(`export: ${directory}`);
    const results: PhaseResult[] = [];
    let doublePeak: number | undefined;
    for (const phase of PHASES) {
      if ((phase === "out" || phase === "double") && !targets.includes(phase)) continue;
      if (phase !== "double") {
        results.push(child(bundle, ["--phase", phase, directory, workspace]));
        continue;
      }
      const double = await startDoubleProcess(bundle, directory);
      try {
        results.push(child(bundle, ["--phase", phase, directory, workspace, double.url, double.database]));
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

/**
 * Transform throughput, CSV to payloads, no network: a generated Perfect Books export through the
 * real executor (runPlan, dry-run target) with the shipped mappings/perfectbooks-to-odoo package,
 * against the same mapping written by hand in TypeScript (bench/perfectbooks-by-hand.ts: same
 * reader, same cells), measured in the same run, each in its own process so that each peak RSS is
 * its own. A third process only reads the export once with the same reader, a fourth only parses
 * its files with csv-parse, a fifth only splits them into records with the reader's byte-level
 * scanner (runtime/source/csv-scan.ts): the floors under both.
 *
 *   node bench/run.mjs bench/transform.ts [--rows 100000] [--export DIR] [--keep DIR] [--verify-rows 2000] [--profile]
 *
 * --rows N       Perfect Books records of the independent entities (about 1.26 N source rows); 1000000 for the full figures
 * --export DIR   use this export instead of generating one (any size; --rows is then ignored)
 * --keep DIR     generate the export into DIR and keep it (to reuse it with --export)
 * --verify-rows  size of the export on which both transforms must give the same cells, rejects
 *                and counts before anything is timed (0: skip)
 * --profile      also run the executor once under the V8 profiler and list where its time goes
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse";
import { analyzeDirectory } from "../compiler/analyze.js";
import { emitPlan, serializePlan } from "../compiler/plan/emit.js";
import type { Plan } from "../compiler/plan/schema.js";
import { generatePerfectBooks } from "../mappings/generators/perfectbooks.js";
import { runPlan, type RunResult } from "../runtime/execute/run.js";
import { entitySourceSpec, readPlanEntity } from "../runtime/execute/source-rows.js";
import { listMatchingFiles, probeFile, type FileProbe } from "../runtime/source/index.js";
import { scanRecordBatches } from "../runtime/source/csv-scan.js";
import { isByteEncoding } from "../runtime/source/decode.js";
import { readPlan } from "../runtime/plan-file.js";
import { DryRunTarget } from "../runtime/targets/dry-run-target.js";
import type { WriteBatch, WriteResult } from "../runtime/targets/target.js";
import { runByHand, type BatchSink, type HandEntityCounts, type HandResult } from "./perfectbooks-by-hand.js";
import { summariseProfile } from "./profile.js";
import { fixed, machineLine, numberOption, padTable, peakRssMb, stringOption, thousands } from "./report.js";

const PACKAGE = "mappings/perfectbooks-to-odoo";
const PHASES = ["csv-parse", "scanner", "reader", "by-hand", "executor"] as const;
type Phase = (typeof PHASES)[number];

/** Counts what it is given, so that nothing is optimised away; the same for both transforms. */
class CountingSink implements BatchSink {
  rows = 0;
  characters = 0;
  write(batch: WriteBatch): void {
    for (const row of batch.rows) {
      this.rows += 1;
      for (const cell of row.cells) this.characters += cell.length;
    }
  }
}

/** Keeps every row written, by step and pass, to compare two transforms row by row. */
class RecordingSink implements BatchSink {
  readonly written = new Map<string, { fields: string; rows: string[] }>();
  write(batch: WriteBatch): void {
    const key = `${batch.step} (${batch.pass})`;
    const entry = this.written.get(key) ?? { fields: batch.fields.join(","), rows: [] };
    for (const row of batch.rows) entry.rows.push(JSON.stringify([row.key, row.xmlid, row.cells, row.defaulted ?? []]));
    this.written.set(key, entry);
  }
}

/** A dry run whose batches also go to a sink. */
class SinkTarget extends DryRunTarget {
  constructor(private readonly sink: BatchSink) {
    super();
  }

  override async write(batch: WriteBatch): Promise<WriteResult> {
    this.sink.write(batch);
    return super.write(batch);
  }
}

interface PhaseResult {
  readonly phase: Phase;
  /** Records in the export's files (each counted once). */
  readonly sourceRows: number;
  /** Records the reader handed over, every pass counted. */
  readonly rowsRead: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
  readonly written: number;
  readonly characters: number;
}

/** Every file of the export with how the reader reads it, and the records `count` finds in it, summed. */
async function countRecords(plan: Plan, directory: string, count: (path: string, probe: FileProbe) => Promise<number>): Promise<number> {
  let records = 0;
  for (const entity of plan.entities) {
    const spec = entitySourceSpec(entity, directory);
    for (const file of await listMatchingFiles(directory, spec.pattern)) {
      const path = join(directory, file);
      records += await count(path, await probeFile(path, spec.encoding, spec.delimiter));
    }
  }
  return records;
}

/** csv-parse alone over the same files, with the reader's options: the floor under any reading of them. */
function csvParseOnce(plan: Plan, directory: string): Promise<number> {
  return countRecords(plan, directory, async (path, probe) => {
    let records = 0;
    const parser = createReadStream(path, { highWaterMark: 1 << 16 }).pipe(
      parse({ delimiter: probe.delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_quotes: true, relax_column_count: true, skip_empty_lines: false }),
    );
    for await (const record of parser) {
      void record;
      records += 1;
    }
    return records;
  });
}

/** The reader's byte-level scanner alone: records and their cells, decoded, nothing typed. */
function scanOnce(plan: Plan, directory: string): Promise<number> {
  return countRecords(plan, directory, async (path, probe) => {
    if (!isByteEncoding(probe.encoding)) throw new Error(`${path} is ${probe.encoding}, which the scanner does not read`);
    let records = 0;
    for await (const batch of scanRecordBatches(path, probe.delimiter, probe.encoding)) records += batch.length;
    return records;
  });
}

async function readOnce(plan: Plan, directory: string): Promise<number> {
  let rows = 0;
  for (const entity of plan.entities) {
    // Every record counts: rows, rejections and duplicates alike are records the reader parsed.
    for await (const item of readPlanEntity(entity, directory).rows) {
      void item;
      rows += 1;
    }
  }
  return rows;
}

function sourceRowsOf(result: RunResult): number {
  return result.entities.reduce((total, entity) => total + entity.read, 0);
}

/** The child process of one measurement. */
async function runPhase(phase: Phase, planPath: string, directory: string): Promise<PhaseResult> {
  const plan = readPlan(planPath);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBeforeMb = process.memoryUsage.rss() / 1024 / 1024;
  const sink = new CountingSink();
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let sourceRows = 0;
  let rowsRead = 0;
  if (phase === "csv-parse") {
    sourceRows = await csvParseOnce(plan, directory);
    rowsRead = sourceRows;
  } else if (phase === "scanner") {
    sourceRows = await scanOnce(plan, directory);
    rowsRead = sourceRows;
  } else if (phase === "reader") {
    sourceRows = await readOnce(plan, directory);
    rowsRead = sourceRows;
  } else if (phase === "by-hand") {
    const result = await runByHand(plan, directory, sink);
    sourceRows = result.entities.reduce((total, entity) => total + entity.read, 0);
    rowsRead = result.rowsRead;
  } else {
    let read = 0;
    const result = await runPlan({
      plan,
      sourceDirectory: directory,
      target: new SinkTarget(sink),
      batchSize: 500,
      // Count what the reader hands over, as the hand-written transform does.
      rows: (entity, winners) => {
        const reading = readPlanEntity(entity, directory, winners);
        return {
          rows: {
            async *[Symbol.asyncIterator]() {
              for await (const item of reading.rows) {
                read += 1;
                yield item;
              }
            },
          },
          batches: {
            async *[Symbol.asyncIterator]() {
              for await (const items of reading.batches) {
                read += items.length;
                yield items;
              }
            },
          },
          report: () => reading.report(),
          winners: () => reading.winners(),
        };
      },
    });
    if (result.status !== "complete" || result.reconciliationErrors.length > 0)
      throw new Error(`the run did not complete: ${result.message ?? result.reconciliationErrors.join("; ")}`);
    sourceRows = sourceRowsOf(result);
    rowsRead = read;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  return {
    phase,
    sourceRows,
    rowsRead,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssBeforeMb,
    peakRssMb: peakRssMb(),
    written: sink.rows,
    characters: sink.characters,
  };
}

// ------------------------------------------------------------------------------------------------
// verification: the two transforms must do the same work

function lines<T>(items: readonly T[], line: (item: T) => string): string[] {
  return items.map(line).sort();
}

function firstDifference(left: readonly string[], right: readonly string[]): string | undefined {
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] !== right[index]) return `#${index}: executor ${left[index] ?? "(none)"}\n      by hand  ${right[index] ?? "(none)"}`;
  }
  return undefined;
}

async function verify(plan: Plan, directory: string): Promise<{ rows: number; problems: string[] }> {
  const executorSink = new RecordingSink();
  const executor = await runPlan({ plan, sourceDirectory: directory, target: new SinkTarget(executorSink), batchSize: 500 });
  const handSink = new RecordingSink();
  const hand: HandResult = await runByHand(plan, directory, handSink);
  const problems: string[] = [];
  const compare = (what: string, left: readonly string[], right: readonly string[]): void => {
    const difference = firstDifference(left, right);
    if (difference !== undefined) problems.push(`${what} differ (${left.length} by the executor, ${right.length} by hand), first at ${difference}`);
  };
  const keys = [...new Set([...executorSink.written.keys(), ...handSink.written.keys()])].sort();
  let rows = 0;
  for (const key of keys) {
    const left = executorSink.written.get(key);
    const right = handSink.written.get(key);
    if (left?.fields !== right?.fields) problems.push(`${key}: fields differ: executor ${left?.fields ?? "(none)"}, by hand ${right?.fields ?? "(none)"}`);
    compare(`${key} rows`, left?.rows ?? [], right?.rows ?? []);
    rows += left?.rows.length ?? 0;
  }
  compare(
    "step counts",
    lines(executor.steps, (step) => `${step.step} loaded ${step.loaded} skipped ${step.skipped} rejected ${step.rejected} deferred ${step.deferredWritten}`),
    lines(hand.steps, (step) => `${step.step} loaded ${step.loaded} skipped ${step.skipped} rejected ${step.rejected} deferred ${step.deferredWritten}`),
  );
  const entityLine = (entity: HandEntityCounts): string =>
    `${entity.entity} read ${entity.read} duplicates ${entity.duplicates} loaded ${entity.loaded} linked ${entity.linked} skipped ${entity.skipped} rejected ${entity.rejected}`;
  compare("entity counts", lines(executor.entities, entityLine), lines(hand.entities, entityLine));
  const rejectLine = (reject: { entity: string; step?: string; file?: string; line?: number; key?: string; reason: string }): string =>
    [reject.entity, reject.step ?? "", reject.file ?? "", String(reject.line ?? ""), reject.key ?? "", reject.reason].join(" | ");
  compare("rejects", lines(executor.rejects, rejectLine), lines(hand.rejects, rejectLine));
  const noteLine = (note: { step: string; field: string; kind: string; count: number; examples: readonly string[] }): string =>
    `${note.step}.${note.field} ${note.kind} x${note.count}: ${note.examples.join(" / ")}`;
  compare("notes", lines(executor.notes, noteLine), lines(hand.notes, noteLine));
  return { rows, problems };
}

// ------------------------------------------------------------------------------------------------

function generateExport(rows: number, directory: string): number {
  const started = performance.now();
  generatePerfectBooks({ rows, seed: "1", outDir: directory, overwrite: true });
  return (performance.now() - started) / 1000;
}

function folderSizeMb(directory: string): number {
  let bytes = 0;
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    const info = statSync(path);
    bytes += info.isDirectory() ? folderSizeMb(path) * 1024 * 1024 : info.size;
  }
  return bytes / 1024 / 1024;
}

function child(bundle: string, args: readonly string[], nodeOptions: readonly string[] = []): PhaseResult {
  const result = spawnSync(process.execPath, ["--expose-gc", ...nodeOptions, bundle, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as PhaseResult;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === "--phase") {
    const [, phase, planPath, directory] = argv;
    if (!PHASES.includes(phase as Phase) || planPath === undefined || directory === undefined)
      throw new Error(`usage: --phase ${PHASES.join("|")} PLAN DIR`);
    process.stdout.write(JSON.stringify(await runPhase(phase as Phase, planPath, directory)));
    return;
  }
  const rows = numberOption(argv, "--rows", 100_000);
  const given = stringOption(argv, "--export");
  const keep = stringOption(argv, "--keep");
  const verifyRows = argv.includes("--verify-rows") && stringOption(argv, "--verify-rows") === "0" ? 0 : numberOption(argv, "--verify-rows", 2000);
  const bundle = process.argv[1] ?? "";
  const workspace = mkdtempSync(join(tmpdir(), "flitmap-bench-transform-"));
  try {
    console.log(machineLine());
    const plan = emitPlan(analyzeDirectory(resolve(PACKAGE)));
    const planPath = join(workspace, "plan.json");
    writeFileSync(planPath, serializePlan(plan));
    console.log(
      `package: ${PACKAGE} (Odoo ${plan.target.series}), ${plan.steps.length} steps, ${plan.steps.reduce((total, step) => total + step.operations.length + step.deferred.length, 0)} field operations`,
    );

    if (verifyRows > 0) {
      const small = join(workspace, "verify");
      generateExport(verifyRows, small);
      const verified = await verify(readPlan(planPath), small);
      if (verified.problems.length > 0) {
        console.log(`the two transforms differ on a ${thousands(verifyRows)}-row export:\n  ${verified.problems.join("\n  ")}`);
        process.exitCode = 1;
        return;
      }
      console.log(
        `verified on a ${thousands(verifyRows)}-row export: the executor and the hand-written transform write the same ${thousands(verified.rows)} rows of cells, with the same rejects, notes and counts`,
      );
      rmSync(small, { recursive: true, force: true });
    }

    let directory: string;
    if (given !== undefined) {
      directory = resolve(given);
      console.log(`export: ${directory} (${fixed(folderSizeMb(directory), 0)} MB)`);
    } else {
      directory = keep === undefined ? join(workspace, "export") : resolve(keep);
      if (keep !== undefined) mkdirSync(directory, { recursive: true });
      const seconds = generateExport(rows, directory);
      console.log(
        `export: Perfect Books --rows ${thousands(rows)} generated in ${fixed(seconds, 1)} s (${fixed(folderSizeMb(directory), 0)} MB)${keep === undefined ? "" : ` into ${directory}`}`,
      );
    }

    const results = new Map<Phase, PhaseResult>();
    for (const phase of PHASES) results.set(phase, child(bundle, ["--phase", phase, planPath, directory]));
    const hand = results.get("by-hand");
    const executor = results.get("executor");
    if (hand === undefined || executor === undefined) return;
    if (hand.characters !== executor.characters || hand.written !== executor.written)
      throw new Error(
        `the timed runs wrote different output: ${executor.written} rows / ${executor.characters} characters by the executor, ${hand.written} / ${hand.characters} by hand`,
      );
    console.log(
      `\n${thousands(executor.sourceRows)} source rows; both transforms wrote ${thousands(executor.written)} rows of cells (${fixed(executor.characters / 1024 / 1024, 0)} MB of cell text)\n`,
    );
    const rowsTable: string[][] = [["", "seconds", "rows/s", "CPU s", "rows/CPU s", "rows read", "RSS at start", "peak RSS", "time / by hand"]];
    const labels: Readonly<Record<Phase, string>> = {
      "csv-parse": "csv-parse alone (one pass, records)",
      scanner: "scanner alone (one pass, records)",
      reader: "reader only (one reading)",
      "by-hand": "hand-written transform",
      executor: "executor (dry run)",
    };
    for (const phase of PHASES) {
      const result = results.get(phase);
      if (result === undefined) continue;
      rowsTable.push([
        labels[phase],
        fixed(result.seconds, 1),
        thousands(result.sourceRows / result.seconds),
        fixed(result.cpuSeconds, 1),
        thousands(result.sourceRows / result.cpuSeconds),
        thousands(result.rowsRead),
        `${fixed(result.rssBeforeMb, 0)} MB`,
        `${fixed(result.peakRssMb, 0)} MB`,
        `${fixed(result.seconds / hand.seconds, 2)}x`,
      ]);
    }
    console.log(padTable(rowsTable));
    console.log(
      `\nthe executor takes ${fixed(executor.seconds / hand.seconds, 2)}x the time of the hand-written transform (${fixed(executor.cpuSeconds / hand.cpuSeconds, 2)}x its CPU time)`,
    );
    const csv = results.get("csv-parse");
    const scanner = results.get("scanner");
    if (csv !== undefined && scanner !== undefined) {
      // The reader parses a last-file entity twice per reading (its first pass learns which record wins each key).
      console.log(
        `csv-parse alone parses ${thousands(csv.sourceRows / csv.cpuSeconds)} records per CPU second, the reader's scanner ${thousands(scanner.sourceRows / scanner.cpuSeconds)}: the ceilings of a transform through either; the executor reaches ${thousands(executor.sourceRows / executor.cpuSeconds)} source rows per CPU second, by hand ${thousands(hand.sourceRows / hand.cpuSeconds)}`,
      );
    }

    if (argv.includes("--profile")) {
      const profiles = join(workspace, "profiles");
      mkdirSync(profiles);
      child(bundle, ["--phase", "executor", planPath, directory], ["--cpu-prof", `--cpu-prof-dir=${profiles}`]);
      const [profile] = readdirSync(profiles).filter((name) => name.endsWith(".cpuprofile"));
      if (profile === undefined) throw new Error("no profile was written");
      console.log(`\nwhere the executor's time goes (V8 sampling profile of a separate run, self time):`);
      console.log(summariseProfile(readFileSync(join(profiles, profile), "utf8"), readFileSync(bundle, "utf8"), 20));
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));

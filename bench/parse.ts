/**
 * Parse throughput and the parser's set-up at start:
 *
 *   node bench/run.mjs bench/parse.ts [--runs 5] [--starts 7]
 *
 * Throughput: packages of 1 to 5 MB of generated `.flitmap`, parsed whole; for each size the
 * fastest of --runs runs, in wall time and in CPU time (CPU time is less disturbed by other work
 * on a shared machine), against the baseline of lexing the same files in the same run. Time per
 * byte at 5 MB against 1 MB says whether parsing is linear (1.00).
 *
 * Set-up: what the first parse in a process costs before it reads a token (the CLI pays it at
 * every start), measured in --starts fresh processes each: the parser as shipped (its lookahead
 * table read, Chevrotain's checks of the grammar skipped, which the tests run) against the same
 * parser set up as Chevrotain does by default (checks run, lookahead computed).
 */
import { spawnSync } from "node:child_process";
import { tokenize } from "../language/lexer.js";
import { FlitmapLookahead } from "../language/lookahead.js";
import { parse } from "../language/parse.js";
import { FlitmapParser, MAX_LOOKAHEAD } from "../language/parser.js";
import { allTokenTypes } from "../language/tokens.js";
import { generatePackage, type GeneratedFile } from "./generate-package.js";
import { fixed, machineLine, numberOption, padTable } from "./report.js";

const MB = 1024 * 1024;
const SETUP_FLAG = "--measure-setup";

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Time {
  readonly wall: number;
  readonly cpu: number;
}

function timed(work: () => void): Time {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The fastest of several runs, in wall and in CPU time: the least disturbed by other work on the machine. */
function fastest(runs: number, work: () => void): Time {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const time = timed(work);
    wall = Math.min(wall, time.wall);
    cpu = Math.min(cpu, time.cpu);
  }
  return { wall, cpu };
}

function parseAll(files: readonly GeneratedFile[]): void {
  let diagnostics = 0;
  for (const file of files) diagnostics += parse(file.text, file.path).diagnostics.length;
  if (diagnostics > 0) throw new Error(`the generated package has ${diagnostics} diagnostics`);
}

function lexAll(files: readonly GeneratedFile[]): void {
  for (const file of files) tokenize(file.text, file.path);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** In a fresh process (this bundle run with SETUP_FLAG): the milliseconds `variant` takes to set up the parser. */
function measureSetupHere(variant: string): void {
  const started = performance.now();
  if (variant === "shipped") new FlitmapParser();
  else new FlitmapParser({ validate: true, lookahead: new FlitmapLookahead(MAX_LOOKAHEAD, undefined, allTokenTypes) });
  process.stdout.write(`${performance.now() - started}\n`);
}

function setupInFreshProcess(variant: string): number {
  const bundle = process.argv[1] ?? "";
  const result = spawnSync(process.execPath, [bundle, SETUP_FLAG, variant], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`set-up measurement failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

function throughput(runs: number): void {
  // Warm-up: the parser's set-up and the JIT.
  const warmUp = generatePackage(2 * MB);
  parseAll(warmUp);
  lexAll(warmUp);
  parseAll(warmUp);
  const rows: { megabytes: number; bytes: number; files: number; parse: Time; lex: Time }[] = [];
  for (const megabytes of [1, 2, 3, 4, 5]) {
    const files = generatePackage(megabytes * MB);
    const bytes = files.reduce((total, file) => total + file.text.length, 0);
    collectGarbage();
    const lex = fastest(runs, () => lexAll(files));
    const parsed = fastest(runs, () => parseAll(files));
    rows.push({ megabytes, bytes, files: files.length, parse: parsed, lex });
  }
  const first = rows[0];
  const table: string[][] = [["size", "files", "bytes", "parse ms", "MB/s", "CPU ms", "MB/s CPU", "lex CPU ms", "parse/lex", "time/time(1 MB)"]];
  for (const row of rows) {
    table.push([
      `${row.megabytes} MB`,
      String(row.files),
      String(row.bytes),
      fixed(row.parse.wall, 0),
      fixed(row.bytes / MB / (row.parse.wall / 1000), 2),
      fixed(row.parse.cpu, 0),
      fixed(row.bytes / MB / (row.parse.cpu / 1000), 2),
      fixed(row.lex.cpu, 0),
      fixed(row.parse.cpu / row.lex.cpu, 1),
      first === undefined ? "-" : fixed(row.parse.cpu / first.parse.cpu, 2),
    ]);
  }
  console.log(padTable(table));
  const last = rows[rows.length - 1];
  if (first !== undefined && last !== undefined) {
    const perByte = (row: typeof first): number => row.parse.cpu / row.bytes;
    console.log(`CPU time per byte at 5 MB vs 1 MB: ${fixed(perByte(last) / perByte(first), 2)} (1.00 = perfectly linear)`);
  }
}

function setup(starts: number): void {
  const shipped: number[] = [];
  const computed: number[] = [];
  // Interleaved, so that a busy spell of the machine falls on both.
  for (let start = 0; start < starts; start++) {
    shipped.push(setupInFreshProcess("shipped"));
    computed.push(setupInFreshProcess("computed"));
  }
  console.log(
    `parser set-up in a fresh process, median of ${starts}: ${fixed(median(shipped), 1)} ms as shipped (lookahead table, no grammar checks) vs ${fixed(median(computed), 1)} ms as Chevrotain sets it up (${fixed(median(shipped) / median(computed), 2)}x)`,
  );
}

const argv = process.argv.slice(2);
if (argv[0] === SETUP_FLAG) {
  measureSetupHere(argv[1] ?? "shipped");
} else {
  console.log(machineLine());
  throughput(numberOption(argv, "--runs", 5));
  setup(numberOption(argv, "--starts", 7));
}

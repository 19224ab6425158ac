/**
 * `flitmap check` time, split into its phases, on a generated clean package of 50 files / about
 * 20,000 lines and on the shipped mappings, against two baselines measured in the same run:
 * reading the files from disk, and lexing them (the least any check must do).
 *
 *   node bench/run.mjs bench/check.ts [--modules 48] [--table-entries 88] [--runs 7] [--profile]
 *
 * Phases come from analyzePackage's onPhase hook: parse (lex + parse + syntax tree), target
 * (catalog and custom fields), bind (name resolution), types (expression type checks),
 * dependencies (the map graph), rules (every rule; the slowest are listed), then emit (the plan,
 * validated by its zod schema, and its JSON text). "Cold" is the first analysis in a process (JIT
 * and catalog loading included), as one `flitmap check` run pays; "warm" is the median of --runs
 * later ones (after warm-up runs), as the language server pays on each edit. The incremental
 * figure re-checks the package after a one-line edit in one file. --profile also runs the checks
 * under the V8 profiler and lists where their time goes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { analyzeDirectory, analyzePackage, ParseCache, type PackageAnalysis, type SourceFile } from "../compiler/analyze.js";
import { emitPlan, serializePlan } from "../compiler/plan/emit.js";
import { tokenize } from "../language/lexer.js";
import { parse } from "../language/parse.js";
import { DEFAULT_CHECK_PACKAGE, generateCheckPackage, lineCount } from "./generate-check-package.js";
import { summariseProfile } from "./profile.js";
import { fixed, machineLine, numberOption, padTable } from "./report.js";

const WARM_UP_RUNS = 3;
const PHASES = ["parse", "target", "bind", "types", "dependencies", "rules", "emit"] as const;
type Phase = (typeof PHASES)[number];

interface Timing {
  readonly phases: Record<Phase, number>;
  readonly rules: Map<string, number>;
  readonly check: number;
  readonly total: number;
  /** CPU time of the whole check + emit (this process, all threads): less disturbed by other work than wall time. */
  readonly cpu: number;
  readonly errors: number;
  readonly warnings: number;
}

function emptyPhases(): Record<Phase, number> {
  return { parse: 0, target: 0, bind: 0, types: 0, dependencies: 0, rules: 0, emit: 0 };
}

/** One `flitmap compile`: analysis with the phase hook, then the plan and its JSON. */
function timeCheck(sources: readonly SourceFile[], parseCache?: ParseCache): Timing {
  collectGarbage();
  const phases = emptyPhases();
  const rules = new Map<string, number>();
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const analysis = analyzePackage(sources, {
    ...(parseCache === undefined ? {} : { parseCache }),
    onPhase: (name, milliseconds) => {
      if (name.startsWith("rule:")) {
        rules.set(name.slice(5), milliseconds);
        phases.rules += milliseconds;
      } else if (name in phases) phases[name as Phase] += milliseconds;
    },
  });
  const check = performance.now() - started;
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = analysis.diagnostics.length - errors;
  const emitStarted = performance.now();
  if (errors === 0) serializePlan(emitPlan(analysis));
  phases.emit = performance.now() - emitStarted;
  const total = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return { phases, rules, check, total, cpu: (cpu.user + cpu.system) / 1000, errors, warnings };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/**
 * Per phase, the median of the runs. The machine is shared and a garbage collection lands in
 * whichever phase is running, so a single run's split is noise; the median of each is not.
 */
function medianTiming(timings: readonly Timing[]): Timing {
  const first = timings[0];
  if (first === undefined) throw new Error("no timing");
  const phases = emptyPhases();
  for (const phase of PHASES) phases[phase] = median(timings.map((timing) => timing.phases[phase]));
  const rules = new Map<string, number>();
  for (const name of first.rules.keys()) rules.set(name, median(timings.map((timing) => timing.rules.get(name) ?? 0)));
  return {
    phases,
    rules,
    check: median(timings.map((timing) => timing.check)),
    total: median(timings.map((timing) => timing.total)),
    cpu: median(timings.map((timing) => timing.cpu)),
    errors: first.errors,
    warnings: first.warnings,
  };
}

/** A full collection between measured runs, so that one run does not pay for the garbage of the last. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

function timed(work: () => void): number {
  collectGarbage();
  const started = performance.now();
  work();
  return performance.now() - started;
}

function medianOf(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(timed(work));
  return median(times);
}

function readSources(paths: readonly string[]): SourceFile[] {
  return paths.map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

function packageFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".flitmap"))
    .sort()
    .map((name) => join(directory, name));
}

function lexAll(sources: readonly SourceFile[]): void {
  for (const source of sources) tokenize(source.text, source.path);
}

/** `--once DIR`: what one `flitmap check` process does, timed from inside (the parent times the process). */
function once(directory: string): void {
  const started = performance.now();
  const analysis: PackageAnalysis = analyzeDirectory(directory);
  const analysed = performance.now() - started;
  serializePlan(emitPlan(analysis));
  process.stdout.write(JSON.stringify({ analysed, compiled: performance.now() - started, uptime: process.uptime() * 1000 }));
}

function phaseRows(label: string, cold: Timing | undefined, warm: Timing, lexMs: number): string[][] {
  const rows: string[][] = [];
  for (const phase of PHASES) {
    rows.push([
      phase === "emit" ? "emit (plan + JSON)" : phase,
      cold === undefined ? "" : fixed(cold.phases[phase], 1),
      fixed(warm.phases[phase], 1),
      `${fixed(warm.phases[phase] / lexMs, 2)}x`,
    ]);
  }
  rows.push([`${label} check (no emit)`, cold === undefined ? "" : fixed(cold.check, 1), fixed(warm.check, 1), `${fixed(warm.check / lexMs, 2)}x`]);
  rows.push([`${label} check + emit`, cold === undefined ? "" : fixed(cold.total, 1), fixed(warm.total, 1), `${fixed(warm.total / lexMs, 2)}x`]);
  rows.push([`${label} check + emit, CPU time`, cold === undefined ? "" : fixed(cold.cpu, 1), fixed(warm.cpu, 1), ""]);
  return rows;
}

function shippedPackages(): string[] {
  const root = "mappings";
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory() && packageFiles(path).length > 0)
    .sort();
}

/** `--repeat DIR N`: N checks and plans of the package, for the profiler (`--profile`). */
function repeat(directory: string, times: number): void {
  for (let run = 0; run < times; run++) serializePlan(emitPlan(analyzeDirectory(directory)));
}

function main(argv: readonly string[]): void {
  if (argv[0] === "--once" && argv[1] !== undefined) {
    once(argv[1]);
    return;
  }
  if (argv[0] === "--repeat" && argv[1] !== undefined) {
    repeat(argv[1], Number(argv[2] ?? "1"));
    return;
  }
  const modules = numberOption(argv, "--modules", DEFAULT_CHECK_PACKAGE.modules);
  const tableEntries = numberOption(argv, "--table-entries", DEFAULT_CHECK_PACKAGE.tableEntries);
  const runs = numberOption(argv, "--runs", 7);
  const workspace = mkdtempSync(join(tmpdir(), "flitmap-bench-check-"));
  try {
    const directory = join(workspace, "package");
    mkdirSync(directory);
    const generated = generateCheckPackage({ modules, tableEntries }, directory);
    for (const file of generated) writeFileSync(file.path, file.text);
    const paths = generated.map((file) => file.path).sort();
    const bytes = generated.reduce((total, file) => total + Buffer.byteLength(file.text), 0);
    console.log(machineLine());
    console.log(`generated package: ${generated.length} files, ${lineCount(generated).toLocaleString("en")} lines, ${fixed(bytes / 1024 / 1024, 2)} MB\n`);

    // A fresh process first, before this one has warmed anything: what `flitmap check` costs a user.
    const processStarted = performance.now();
    const child = spawnSync(process.execPath, [process.argv[1] ?? "", "--once", directory], { encoding: "utf8" });
    const processMs = performance.now() - processStarted;
    if (child.status !== 0) throw new Error(`the --once process failed: ${child.stderr}`);
    const inChild = JSON.parse(child.stdout) as { analysed: number; compiled: number; uptime: number };

    const cold = timeCheck(readSources(paths));
    if (cold.errors > 0) throw new Error(`the generated package has ${cold.errors} errors: the benchmark's generator is out of step with the compiler`);
    const sources = readSources(paths);
    // The JIT needs a few runs of the parser and the rules before times settle.
    for (let run = 0; run < WARM_UP_RUNS; run++) timeCheck(sources);

    // Incremental: one line of one module file changes (a table key), as when a user types in the
    // editor. Full checks and re-checks alternate, so both see the same state of the JIT and heap.
    const edited = paths[Math.floor(paths.length / 2)] ?? "";
    const original = readFileSync(edited, "utf8");
    const editedText = original.replace('"Low" -> "0"', '"Lowest" -> "0"');
    if (editedText === original) throw new Error(`the edit found nothing to change in ${edited}`);
    // Each round measures the baselines next to the checks, so that the load others put on the
    // machine weighs on both alike; ratios are the medians of each round's own ratio.
    const warmRuns: Timing[] = [];
    const recheckRuns: Timing[] = [];
    const cachedRecheckRuns: Timing[] = [];
    // The language server's cache, filled by a first check of the package as the editor opened it.
    const parseCache = new ParseCache();
    timeCheck(sources, parseCache);
    const readTimes: number[] = [];
    const lexTimes: number[] = [];
    const parseTimes: number[] = [];
    const editedParseTimes: number[] = [];
    const checkOverLex: number[] = [];
    const recheckOverCheck: number[] = [];
    for (let run = 0; run < runs; run++) {
      readTimes.push(timed(() => readSources(paths)));
      lexTimes.push(timed(() => lexAll(sources)));
      parseTimes.push(
        timed(() => {
          for (const source of sources) parse(source.text, source.path);
        }),
      );
      const full = timeCheck(readSources(paths));
      warmRuns.push(full);
      const text = run % 2 === 0 ? editedText : original;
      const again = timeCheck(sources.map((source) => (source.path === edited ? { path: edited, text } : source)));
      recheckRuns.push(again);
      cachedRecheckRuns.push(timeCheck(sources.map((source) => (source.path === edited ? { path: edited, text } : source)), parseCache));
      editedParseTimes.push(timed(() => parse(text, edited)));
      checkOverLex.push(full.check / (lexTimes[lexTimes.length - 1] ?? Number.NaN));
      recheckOverCheck.push(again.check / full.check);
    }
    const warm = medianTiming(warmRuns);
    const recheck = medianTiming(recheckRuns);
    const cachedRecheck = medianTiming(cachedRecheckRuns);
    const readMs = median(readTimes);
    const lexMs = median(lexTimes);
    const parseOnlyMs = median(parseTimes);
    const editedParseMs = median(editedParseTimes);

    console.log(`baselines (median of ${runs}, same run):`);
    console.log(
      padTable([
        ["", "ms", "x lex"],
        ["read the files from disk", fixed(readMs, 1), `${fixed(readMs / lexMs, 2)}x`],
        ["lex only (tokens)", fixed(lexMs, 1), "1.00x"],
        ["parse only (syntax trees, no checks)", fixed(parseOnlyMs, 1), `${fixed(parseOnlyMs / lexMs, 2)}x`],
      ]),
    );
    console.log(`\nflitmap check on the generated package (${cold.errors} errors, ${cold.warnings} warnings):`);
    console.log(padTable([["phase", "cold ms", `warm ms (median of ${runs})`, "warm x lex"], ...phaseRows("total", cold, warm, lexMs)]));
    console.log(
      `\na fresh process (bundled, as the CLI runs): ${fixed(processMs, 0)} ms wall, of which ${fixed(inChild.uptime - inChild.compiled, 0)} ms node start and module loading, ${fixed(inChild.analysed, 0)} ms reading and checking, ${fixed(inChild.compiled - inChild.analysed, 0)} ms emitting`,
    );
    console.log(`median of each round's own ratio: check / lex ${fixed(median(checkOverLex), 2)}x`);
    const slowRules = [...warm.rules].sort((left, right) => right[1] - left[1]).slice(0, 5);
    console.log(`slowest rules (warm): ${slowRules.map(([name, ms]) => `${name} ${fixed(ms, 1)} ms`).join(", ")}`);

    const withParseCache = recheck.check - recheck.phases.parse + editedParseMs;
    console.log(`\nincremental re-check after a one-line edit in ${basename(edited)} (median of ${runs}, the edit and its undo alternating):`);
    console.log(
      padTable([
        ["", "ms", "x warm full check", "x lex"],
        ["re-check (the compiler re-analyses the whole package)", fixed(recheck.check, 1), `${fixed(median(recheckOverCheck), 2)}x`, `${fixed(recheck.check / lexMs, 2)}x`],
        [`  of which parsing all ${paths.length} files again`, fixed(recheck.phases.parse, 1), "", ""],
        ["estimate if unchanged files' parses were reused", fixed(withParseCache, 1), `${fixed(withParseCache / warm.check, 2)}x`, `${fixed(withParseCache / lexMs, 2)}x`],
        [
          "re-check with the language server's parse cache (measured)",
          fixed(cachedRecheck.check, 1),
          `${fixed(cachedRecheck.check / warm.check, 2)}x`,
          `${fixed(cachedRecheck.check / lexMs, 2)}x`,
        ],
      ]),
    );

    console.log(`\nshipped mappings (warm, median of ${runs}):`);
    const shippedRows: string[][] = [["package", "files", "lines", ...PHASES, "check+emit", "x its lex"]];
    for (const shipped of shippedPackages()) {
      const shippedSources = readSources(packageFiles(shipped));
      const lines = shippedSources.reduce((total, source) => total + source.text.split("\n").length, 0);
      for (let run = 0; run < WARM_UP_RUNS; run++) timeCheck(shippedSources);
      const timings: Timing[] = [];
      for (let run = 0; run < runs; run++) timings.push(timeCheck(shippedSources));
      const timing = medianTiming(timings);
      const shippedLex = medianOf(runs, () => lexAll(shippedSources));
      shippedRows.push([
        basename(shipped),
        String(shippedSources.length),
        String(lines),
        ...PHASES.map((phase) => fixed(timing.phases[phase], 1)),
        fixed(timing.total, 1),
        `${fixed(timing.total / shippedLex, 1)}x`,
      ]);
      if (timing.errors > 0) shippedRows.push([`  (${timing.errors} errors: no plan emitted)`]);
    }
    console.log(padTable(shippedRows));

    if (argv.includes("--profile")) {
      const profiles = join(workspace, "profiles");
      mkdirSync(profiles);
      const profiled = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profiles}`, process.argv[1] ?? "", "--repeat", directory, String(runs + WARM_UP_RUNS)], {
        encoding: "utf8",
      });
      if (profiled.status !== 0) throw new Error(`the profiled process failed: ${profiled.stderr}`);
      const [profile] = readdirSync(profiles).filter((name) => name.endsWith(".cpuprofile"));
      if (profile === undefined) throw new Error("no profile was written");
      console.log(`\nwhere the time of ${runs + WARM_UP_RUNS} checks and plans of the generated package goes (V8 sampling profile, self time):`);
      console.log(summariseProfile(readFileSync(join(profiles, profile), "utf8"), readFileSync(process.argv[1] ?? "", "utf8"), 20));
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));

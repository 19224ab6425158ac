/**
 * A CLI start: `node bin/flitmap.js check mappings` in a fresh process, as a user (or CI) runs it,
 * against the baseline of `node -e 0` (Node's own start) spawned alternately in the same run.
 * Each figure is the median of --runs processes with its spread (lowest and highest), in wall
 * time and in the process's own CPU time (user + system, written by a module preloaded into both
 * commands alike as the process exits), which other work on a shared machine disturbs less.
 * The CLI runs from dist/ as installed (`npm ci` builds it), with the code cache its first start
 * writes (bin/flitmap.js), and again without it (FLITMAP_CODE_CACHE=off), in the same alternation;
 * --command measures another command; --before DIR also measures the CLI of another built
 * checkout (the code before a change), in the same alternation, on this checkout's files.
 *
 *   node bench/run.mjs bench/cli-start.ts [--runs 15] [--command "check mappings"] [--before DIR]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fixed, machineLine, numberOption, padTable, stringOption } from "./report.js";

const ROOT = join(import.meta.dirname, "..");

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

interface Measured {
  readonly label: string;
  readonly samples: Sample[];
}

/** Writes the process's CPU milliseconds to the file FLITMAP_BENCH_CPU names when it exits. */
const CPU_AT_EXIT = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const usage = process.cpuUsage();
  writeFileSync(process.env.FLITMAP_BENCH_CPU, String((usage.user + usage.system) / 1000));
});
`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function spread(values: readonly number[]): string {
  return `${fixed(Math.min(...values), 0)}-${fixed(Math.max(...values), 0)}`;
}

function runOnce(args: readonly string[], preload: string, cpuFile: string, expectExit: number, env: Record<string, string> = {}): Sample {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(preload).href, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, FLITMAP_BENCH_CPU: cpuFile, ...env },
  });
  const wall = performance.now() - started;
  if (result.status !== expectExit) throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, "utf8")) };
}

const argv = process.argv.slice(2);
const runs = numberOption(argv, "--runs", 15);
const command = (stringOption(argv, "--command") ?? "check mappings").split(" ");
const workspace = mkdtempSync(join(tmpdir(), "flitmap-cli-start-"));
try {
  const preload = join(workspace, "cpu-at-exit.mjs");
  writeFileSync(preload, CPU_AT_EXIT);
  const cpuFile = join(workspace, "cpu");
  const before = stringOption(argv, "--before");
  const baseline: Measured = { label: "node -e 0 (baseline)", samples: [] };
  const clis: { measured: Measured; args: string[]; env?: Record<string, string> }[] = [
    { measured: { label: `node bin/flitmap.js ${command.join(" ")}`, samples: [] }, args: ["bin/flitmap.js", ...command] },
    {
      measured: { label: "the same, without the code cache", samples: [] },
      args: ["bin/flitmap.js", ...command],
      env: { FLITMAP_CODE_CACHE: "off" },
    },
    ...(before === undefined ? [] : [{ measured: { label: `the same, CLI of ${before}`, samples: [] }, args: [join(before, "bin/flitmap.js"), ...command] }]),
  ];
  // One of each first, unmeasured: the files the processes read are then in the page cache for all,
  // and the CLI's first start has written its code cache (as a user's first start does).
  const expectExit = spawnSync(process.execPath, ["bin/flitmap.js", ...command], { cwd: ROOT }).status ?? 0;
  runOnce(["-e", "0"], preload, cpuFile, 0);
  for (const cli of clis) runOnce(cli.args, preload, cpuFile, expectExit, cli.env);
  for (let run = 0; run < runs; run++) {
    baseline.samples.push(runOnce(["-e", "0"], preload, cpuFile, 0));
    for (const cli of clis) cli.measured.samples.push(runOnce(cli.args, preload, cpuFile, expectExit, cli.env));
  }
  console.log(machineLine());
  console.log(`${runs} fresh processes each, alternately; milliseconds, median (lowest-highest)`);
  const rows = [["", "wall", "spread", "CPU", "spread", "wall - baseline", "CPU - baseline"]];
  const base = { wall: median(baseline.samples.map((sample) => sample.wall)), cpu: median(baseline.samples.map((sample) => sample.cpu)) };
  for (const measured of [baseline, ...clis.map((cli) => cli.measured)]) {
    const wall = measured.samples.map((sample) => sample.wall);
    const cpu = measured.samples.map((sample) => sample.cpu);
    rows.push([
      measured.label,
      fixed(median(wall), 0),
      spread(wall),
      fixed(median(cpu), 0),
      spread(cpu),
      fixed(median(wall) - base.wall, 0),
      fixed(median(cpu) - base.cpu, 0),
    ]);
  }
  console.log(padTable(rows));
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

/**
 * Generation benchmark: prints figures, asserts nothing.
 *
 *   npx tsx mappings/generators/bench.ts [--rows 1000000] [--system perfectbooks|perfectview|both] [--keep]
 *
 * For each system it measures, in this one run:
 *   - a baseline export of 10,000 rows (time per row), after an unmeasured warm-up of the same size,
 *   - the large export of --rows rows (time per row; the ratio to the baseline shows whether
 *     cost per row stays flat as size grows, i.e. streaming),
 *   - a writing baseline: the same number of rows and bytes of one fixed record through the same
 *     CSV sink (the ratio shows what making realistic rows costs over just writing them),
 * and the process's peak resident memory after the large export.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate, type SystemName } from "./cli.js";
import { CsvFile } from "./csv-sink.js";

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const rows = Number(argument("--rows", "1000000"));
const systemArgument = argument("--system", "both");
const keep = process.argv.includes("--keep");
const systems: SystemName[] = systemArgument === "both" ? ["perfectbooks", "perfectview"] : [systemArgument as SystemName];
const BASELINE_ROWS = 10_000;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function treeBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const inner = treeBytes(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

function timeExport(system: SystemName, size: number): { dir: string; seconds: number; dataRows: number } {
  const dir = mkdtempSync(join(tmpdir(), `flitmap-bench-${system}-`));
  const start = process.hrtime.bigint();
  const summary = generate({ system, rows: size, seed: "bench", outDir: dir, chunkSize: 1000, overwrite: false });
  return { dir, seconds: seconds(start), dataRows: summary.files.reduce((sum, file) => sum + file.rows, 0) };
}

/** Writes `count` rows of one fixed record through the same CSV sink: I/O and quoting only. */
function timeSinkOnly(count: number, averageBytes: number): number {
  const dir = mkdtempSync(join(tmpdir(), "flitmap-bench-sink-"));
  const cell = "x".repeat(Math.max(1, Math.round(averageBytes / 12) - 1));
  const record = Array.from({ length: 12 }, () => cell);
  const dialect = { delimiter: ",", recordSeparator: "\r\n", innerNewline: "\n", quoteAll: false } as const;
  const start = process.hrtime.bigint();
  const file = new CsvFile(join(dir, "sink.csv"), "sink.csv", record, { entity: "Bench", dialect, encoding: "utf-8", bom: false });
  for (let i = 0; i < count; i++) file.writeRow(record);
  file.close();
  const elapsed = seconds(start);
  rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

process.stdout.write(`generator benchmark: --rows ${rows}, Node ${process.version}\n`);
for (const system of systems) {
  // A first small run compiles the hot paths, so the baseline measures steady-state cost.
  rmSync(timeExport(system, BASELINE_ROWS).dir, { recursive: true, force: true });
  const baseline = timeExport(system, BASELINE_ROWS);
  rmSync(baseline.dir, { recursive: true, force: true });
  const large = timeExport(system, rows);
  const size = treeBytes(large.dir);
  const sinkOnly = timeSinkOnly(large.dataRows, size.bytes / large.dataRows);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const perRowBaseline = (baseline.seconds / BASELINE_ROWS) * 1e6;
  const perRowLarge = (large.seconds / rows) * 1e6;
  process.stdout.write(
    [
      `${system}:`,
      `  baseline ${BASELINE_ROWS} rows: ${baseline.seconds.toFixed(2)} s (${perRowBaseline.toFixed(2)} µs/row)`,
      `  large ${rows} rows: ${large.seconds.toFixed(2)} s (${perRowLarge.toFixed(2)} µs/row, ${Math.round(rows / large.seconds)} rows/s); ${large.dataRows} data rows written`,
      `  output: ${(size.bytes / 1024 / 1024).toFixed(1)} MiB in ${size.files} files`,
      `  per-row cost, large / baseline: ${(perRowLarge / perRowBaseline).toFixed(2)}x (about 1 = cost stays flat with size)`,
      `  CSV sink alone, same rows and bytes: ${sinkOnly.toFixed(2)} s; full generation / sink alone: ${(large.seconds / sinkOnly).toFixed(1)}x`,
      `  peak RSS of this process so far: ${peakRssMb.toFixed(0)} MiB (output ${(size.bytes / 1024 / 1024).toFixed(0)} MiB)`,
      keep ? `  kept in ${large.dir}` : "",
    ]
      .filter((line) => line !== "")
      .join("\n") + "\n",
  );
  if (!keep) rmSync(large.dir, { recursive: true, force: true });
}

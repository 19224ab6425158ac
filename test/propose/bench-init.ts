/**
 * How long `flitmap init` takes on a large export, against the committed sample measured in the
 * same run: reading is streamed (every file counted to its end, a bounded sample kept per
 * entity), and the proposal works on that sample, so its time should not grow with the export.
 *
 *   npx tsx test/propose/bench-init.ts [rows]     (default 100,000; PerfectView, chunks of 1,000)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readExport } from "../../propose/read-export.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { proposePackage } from "../../propose/index.js";
import { generate } from "../../mappings/generators/cli.js";

const REPOSITORY = resolve(import.meta.dirname, "../..");

interface Measure {
  readonly files: number;
  readonly rows: number;
  readonly readSeconds: number;
  readonly proposeSeconds: number;
  readonly peakMiB: number;
}

async function measure(directory: string): Promise<Measure> {
  const schema = loadShippedCatalog("17.0");
  const started = performance.now();
  const sample = await readExport(directory);
  const read = performance.now();
  proposePackage(sample, { sourceName: "perfectview", target: { kind: "series", series: "17.0" }, schema, directory: join(directory, "proposed") });
  const done = performance.now();
  return {
    files: sample.files.length,
    rows: sample.files.reduce((sum, file) => sum + file.rowCount, 0),
    readSeconds: (read - started) / 1000,
    proposeSeconds: (done - read) / 1000,
    peakMiB: process.memoryUsage().rss / 1024 / 1024,
  };
}

function describe(label: string, result: Measure): string {
  const perRow = (result.readSeconds / result.rows) * 1e6;
  return `${label}: ${result.files} files, ${result.rows.toLocaleString("en-US")} rows; read ${result.readSeconds.toFixed(2)} s (${perRow.toFixed(1)} µs/row, ${Math.round(result.rows / result.readSeconds).toLocaleString("en-US")} rows/s); propose ${result.proposeSeconds.toFixed(2)} s; RSS ${Math.round(result.peakMiB)} MiB`;
}

const rows = Number(process.argv[2] ?? "100000");
// The first run warms the catalog cache and the JIT; the second is the baseline.
await measure(join(REPOSITORY, "mappings/perfectview-to-odoo/sample"));
const baseline = await measure(join(REPOSITORY, "mappings/perfectview-to-odoo/sample"));
console.log(describe("baseline (committed sample)", baseline));
const directory = mkdtempSync(join(tmpdir(), "flitmap-bench-init-"));
try {
  const generating = performance.now();
  generate({ system: "perfectview", rows, seed: "bench", outDir: join(directory, "export"), chunkSize: 1000, overwrite: false });
  console.log(`generated a PerfectView export of --rows ${rows.toLocaleString("en-US")} in ${((performance.now() - generating) / 1000).toFixed(1)} s`);
  const large = await measure(join(directory, "export"));
  console.log(describe("large export", large));
  const readRatio = large.readSeconds / large.rows / (baseline.readSeconds / baseline.rows);
  console.log(
    `per-row read cost, large / baseline: ${readRatio.toFixed(2)}×; propose time, large / baseline: ${(large.proposeSeconds / baseline.proposeSeconds).toFixed(2)}×`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}

/**
 * The committed sample exports: which command makes each. `make-samples.ts` regenerates them and
 * test/generators/samples.test.ts checks that doing so reproduces the committed bytes.
 */
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import type { CliOptions } from "./cli.js";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface SampleSpec {
  readonly system: CliOptions["system"];
  readonly rows: number;
  readonly seed: string;
  readonly chunkSize: number;
  /** Relative to the repository root. */
  readonly dir: string;
}

export const SAMPLES: readonly SampleSpec[] = [
  { system: "perfectbooks", rows: 300, seed: "flitmap-sample", chunkSize: 1000, dir: "mappings/perfectbooks-to-odoo/sample" },
  // A chunk size of 25 shows chunking, overlaps and a UTF-8 chunk in a few hundred rows.
  { system: "perfectview", rows: 300, seed: "flitmap-sample", chunkSize: 25, dir: "mappings/perfectview-to-odoo/sample" },
];

export function sampleCommand(sample: SampleSpec): string {
  const chunk = sample.system === "perfectview" ? ` --chunk-size ${sample.chunkSize}` : "";
  return `npx tsx mappings/generators/cli.ts ${sample.system} --rows ${sample.rows} --seed ${sample.seed}${chunk} --out ${sample.dir} --overwrite`;
}

export function sampleOptions(sample: SampleSpec, outDir = join(REPO_ROOT, sample.dir)): CliOptions {
  return { system: sample.system, rows: sample.rows, seed: sample.seed, chunkSize: sample.chunkSize, outDir, overwrite: true };
}

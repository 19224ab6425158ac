/**
 * Writes a deterministic, realistic source export.
 *
 *   npx tsx mappings/generators/cli.ts perfectbooks --rows 2000 --seed 7 --out /tmp/pb
 *   npx tsx mappings/generators/cli.ts perfectview  --rows 2000 --seed 7 --out /tmp/pv [--chunk-size 1000]
 *
 * Same system, --rows, --seed (and --chunk-size) give byte-identical output.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { MAX_ROWS, MIN_ROWS, type GenerationSummary } from "./common.js";
import { generatePerfectBooks } from "./perfectbooks.js";
import { generatePerfectView, PV_DEFAULT_CHUNK_SIZE, PV_MIN_CHUNK_SIZE } from "./perfectview.js";

export const SYSTEMS = ["perfectbooks", "perfectview"] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface CliOptions {
  readonly system: SystemName;
  readonly rows: number;
  readonly seed: string;
  readonly outDir: string;
  readonly chunkSize: number;
  readonly overwrite: boolean;
}

export function generate(options: CliOptions): GenerationSummary {
  if (options.system === "perfectbooks") {
    return generatePerfectBooks({ rows: options.rows, seed: options.seed, outDir: options.outDir, overwrite: options.overwrite });
  }
  return generatePerfectView({ rows: options.rows, seed: options.seed, outDir: options.outDir, chunkSize: options.chunkSize, overwrite: options.overwrite });
}

function integerOption(name: string, min: number, max: number): (raw: string) => number {
  return (raw) => {
    if (!/^\d+$/.test(raw)) throw new InvalidArgumentError(`${name} must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new InvalidArgumentError(`${name} must be from ${min} to ${max}, got ${value}`);
    return value;
  };
}

export function parseCli(argv: readonly string[]): CliOptions {
  const program = new Command()
    .name("generators/cli.ts")
    .description("Write a deterministic Perfect Books or PerfectView export, with defects.json and odoo-seed.json")
    .argument("<system>", `source system: ${SYSTEMS.join(" or ")}`)
    .requiredOption("--rows <n>", `records of the independent entities (${MIN_ROWS} to ${MAX_ROWS}); see EXPORTS.md`, integerOption("--rows", MIN_ROWS, MAX_ROWS))
    .requiredOption("--out <dir>", "output folder (created; must be empty unless --overwrite)")
    .option("--seed <text>", "seed: any text", "1")
    .option("--chunk-size <n>", "PerfectView records per chunk file", integerOption("--chunk-size", PV_MIN_CHUNK_SIZE, 1_000_000), PV_DEFAULT_CHUNK_SIZE)
    .option("--overwrite", "replace a previous export in --out (only files a generator writes)", false)
    .exitOverride()
    // Errors are thrown (and printed once by main), not written by commander itself.
    .configureOutput({ writeErr: () => undefined });
  program.parse([...argv], { from: "user" });
  const [system] = program.args;
  if (system !== "perfectbooks" && system !== "perfectview") {
    throw new InvalidArgumentError(`unknown system "${system}": use ${SYSTEMS.join(" or ")}`);
  }
  const opts = program.opts<{ rows: number; out: string; seed: string; chunkSize: number; overwrite: boolean }>();
  return { system, rows: opts.rows, seed: opts.seed, outDir: resolve(opts.out), chunkSize: opts.chunkSize, overwrite: opts.overwrite };
}

function main(): void {
  let options: CliOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0) process.stderr.write(`${error.message.replace(/^(error: )?/, "error: ")}\n`);
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
  const started = process.hrtime.bigint();
  try {
    const summary = generate(options);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = summary.files.reduce((sum, file) => sum + file.rows, 0);
    const defects = Object.values(summary.defectCounts).reduce((sum, count) => sum + count, 0);
    process.stdout.write(
      `${summary.system}: ${summary.files.length} CSV files, ${rows} data rows, ${summary.attachmentFiles} attachment files, ${defects} defects -> ${summary.outDir} (${seconds.toFixed(2)} s)\n`,
    );
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

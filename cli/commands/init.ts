/**
 * `flitmap init`: reads an export (every CSV, whatever its delimiter and encoding), proposes a
 * mapping package for the target Odoo (compiler/propose), and writes it, formatted, to a folder
 * that a specialist then corrects. All file reading and writing happens here; the proposal is pure.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { listShippedSeries, loadSchemaFile, loadShippedCatalog, type OdooSchema } from "../../compiler/catalog/index.js";
import { chunkGroupKey, type ExportFile, type ExportSample } from "../../compiler/propose/export.js";
import { proposePackage, type ProposedPackage } from "../../compiler/propose/index.js";

import { compareNatural } from "../../runtime/source/files.js";
import { probeFile } from "../../runtime/source/probe.js";
import { readRecordBatches } from "../../runtime/source/records.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { formatText } from "./fmt.js";

/** Rows read per entity (all its chunks together) for the proposal; the rest are only counted. */
export const DEFAULT_SAMPLE_ROWS = 5000;

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

async function listFiles(directory: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(directory, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(directory, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Reads one CSV file's encoding, delimiter, header and first rows; counts the rest. */
export async function readExportFile(directory: string, path: string, sampleRows: number): Promise<ExportFile | undefined> {
  const absolute = join(directory, ...path.split("/"));
  const probe = await probeFile(absolute, "auto", "auto");
  let skip = probe.skipLines;
  let headers: string[] | undefined;
  const rows: string[][] = [];
  let rowCount = 0;
  for await (const batch of readRecordBatches(absolute, probe)) {
    for (const record of batch) {
      if (record.kind !== "record") continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (headers === undefined) {
        headers = record.cells.map((cell) => cell.trim());
        continue;
      }
      rowCount++;
      if (rows.length < sampleRows) rows.push(record.cells);
    }
  }
  if (headers === undefined) return undefined;
  return { path, encoding: probe.encoding, encodingNote: probe.encodingNote, bom: probe.bom, delimiter: probe.delimiter, headers, rows, rowCount };
}

/**
 * Every CSV file of an export folder (sub-folders included), read for a proposal: the first
 * `sampleRows` rows of each entity (its chunks in order, so repeats at chunk edges show), and
 * every file counted to the end. Memory stays bounded whatever the export's size.
 */
export async function readExport(directory: string, sampleRows = DEFAULT_SAMPLE_ROWS): Promise<ExportSample> {
  const paths = (await listFiles(directory)).sort(compareNatural);
  const files: ExportFile[] = [];
  const otherFiles: string[] = [];
  const emptyFiles: string[] = [];
  const budgets = new Map<string, number>();
  for (const path of paths) {
    if (!/\.csv$/i.test(path)) {
      otherFiles.push(path);
      continue;
    }
    const group = chunkGroupKey(path);
    const budget = budgets.get(group) ?? sampleRows;
    const file = await readExportFile(directory, path, budget);
    if (file === undefined) {
      emptyFiles.push(path);
      continue;
    }
    budgets.set(group, budget - file.rows.length);
    files.push(file);
  }
  return { files, otherFiles, emptyFiles };
}

export interface InitOptions {
  readonly source?: string;
  /** `odoo 17.0`, or just `17.0`. */
  readonly target?: readonly string[];
  readonly schema?: string;
  readonly out?: string;
  readonly name?: string;
  readonly sampleRows?: string;
  readonly force?: boolean;
}

/** Folder names that say nothing about the system the export comes from. */
const GENERIC_FOLDERS = new Set(["sample", "samples", "export", "exports", "data", "csv", "input", "source", "files", "download", "downloads"]);

/** The source's name from the export folder: `exports/perfectview` → perfectview; `perfectview-to-odoo/sample` → perfectview. */
export function sourceNameOf(directory: string): string {
  let folder = basename(resolve(directory));
  if (GENERIC_FOLDERS.has(folder.toLowerCase())) folder = basename(dirname(resolve(directory)));
  const name = folder
    .toLowerCase()
    .replace(/[-_ ]?to[-_ ]?odoo$/, "")
    .replace(/[-_ ](?:exports?|data|csv|dump)$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return name === "" || /^\d/.test(name) ? `export_${name}` : name;
}

function parseTarget(words: readonly string[]): string {
  const series = words.filter((word) => word.toLowerCase() !== "odoo");
  if (series.length !== 1 || series[0] === undefined)
    throw new UsageError(`--target takes an Odoo series, e.g. --target odoo 17.0 (shipped: ${listShippedSeries().join(", ")})`);
  const wanted = series[0];
  if (!listShippedSeries().includes(wanted)) {
    throw new UsageError(
      `there is no shipped catalog for Odoo ${wanted}: use one of ${listShippedSeries().join(", ")}, or pull the server's schema and pass --schema`,
    );
  }
  return wanted;
}

function parseSampleRows(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SAMPLE_ROWS;
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows < 1) throw new UsageError(`--sample-rows needs a whole number of at least 1, not "${value}"`);
  return rows;
}

function countOutcomes(proposed: ProposedPackage): Record<string, number> {
  const counts: Record<string, number> = { field: 0, todo: 0, custom: 0, ignore: 0, key: 0, modified: 0, unmapped: 0 };
  for (const report of proposed.columns) {
    const kinds = new Set(report.outcomes.map((outcome) => outcome.kind));
    // A column counts once, by what matters most for the specialist.
    const kind = ["field", "custom", "todo", "ignore", "key", "modified", "unmapped"].find((candidate) => kinds.has(candidate as never)) ?? "unmapped";
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

export async function initCommand(options: InitOptions, context: CommandContext): Promise<number> {
  if (options.source === undefined) throw new UsageError("say where the export is: --source DIR");
  if ((options.target === undefined) === (options.schema === undefined)) {
    throw new UsageError(
      "say which Odoo to propose for: --target odoo 17.0 (a shipped catalog) or --schema odoo-schema.json (pulled from the server), not both",
    );
  }
  const sourceDirectory = resolve(context.cwd, options.source);
  if (!existsSync(sourceDirectory)) throw new UsageError(`${options.source}: no such folder`);
  const sourceName = options.name ?? sourceNameOf(sourceDirectory);
  if (!/^[a-z_][a-z0-9_]*$/.test(sourceName)) throw new UsageError(`--name must be a lower-case name (letters, digits, _), not "${sourceName}"`);
  const out = resolve(context.cwd, options.out ?? `${sourceName.replace(/_/g, "-")}-to-odoo`);
  let schema: OdooSchema;
  let target: ProposedPackage["proposal"]["target"];
  if (options.schema !== undefined) {
    const schemaPath = resolve(context.cwd, options.schema);
    const loaded = loadSchemaFile(schemaPath);
    if ("error" in loaded) throw new UsageError(loaded.error);
    schema = loaded.schema;
    target = { kind: "schema", path: relative(out, schemaPath).split(sep).join("/") };
  } else {
    const series = parseTarget(options.target ?? []);
    schema = loadShippedCatalog(series);
    target = { kind: "series", series };
  }
  if (existsSync(out) && options.force !== true) {
    const existing = (await readdir(out)).filter((name) => name.endsWith(".flitmap"));
    if (existing.length > 0)
      throw new UsageError(
        `${relative(context.cwd, out) || out} already holds .flitmap files (${existing.join(", ")}): choose another folder with -o, or pass --force to overwrite them`,
      );
  }
  const sample = await readExport(sourceDirectory, parseSampleRows(options.sampleRows));
  if (sample.files.length === 0) throw new UsageError(`${options.source}: no CSV files found`);
  const proposed = proposePackage(sample, { sourceName, target, schema, directory: out });
  await mkdir(out, { recursive: true });
  const shownOut = relative(context.cwd, out) || ".";
  for (const file of proposed.files) {
    const path = join(out, file.name);
    // Through the same formatter as `flitmap fmt`, so `flitmap fmt --check` finds nothing to do.
    await writeFile(path, await formatText(file.text, path), "utf8");
  }
  const counts = countOutcomes(proposed);
  const mapped = proposed.proposal.entities.filter((entity) => entity.declaration !== undefined).length;
  const rows = sample.files.reduce((sum, file) => sum + file.rowCount, 0);
  context.stdout(
    `Read ${sample.files.length} CSV file${sample.files.length === 1 ? "" : "s"} (${rows} rows) as ${proposed.proposal.entities.length} entities; ${mapped} mapped.\n` +
      `Columns: ${counts["field"]} mapped to Odoo fields, ${counts["custom"]} to new custom fields, ${counts["todo"]} left as TODOs, ` +
      `${counts["ignore"]} ignored, ${counts["key"]} keys, ${counts["modified"]} change stamps, ${counts["unmapped"]} in entities not mapped.\n` +
      `Wrote ${proposed.files.map((file) => file.name).join(", ")} to ${shownOut}/\n`,
  );
  if ((sample.emptyFiles ?? []).length > 0) context.stdout(`Skipped, without even a header line: ${(sample.emptyFiles ?? []).join(", ")}.\n`);
  const errors = proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const warnings = proposed.diagnostics.length - errors.length;
  if (proposed.demoted.length > 0)
    context.stdout(`${proposed.demoted.length} proposal${proposed.demoted.length === 1 ? "" : "s"} the check refused became TODOs.\n`);
  context.stdout(
    `Next: read the TODOs and evidence comments, then \`flitmap check ${shownOut}\` (${warnings} warning${warnings === 1 ? "" : "s"} to decide).\n`,
  );
  if (errors.length > 0) {
    for (const error of errors)
      context.stderr(`${relative(context.cwd, error.file)}:${error.range.start.line}:${error.range.start.column}: ${error.message} (${error.code})\n`);
    return 1;
  }
  return 0;
}

export const registerInit: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("init")
    .description("propose a mapping package from an export and the target Odoo's schema, for a specialist to correct")
    .option("--source <dir>", "the export folder (every CSV file in it, whatever its delimiter and encoding)")
    .option("--target <series...>", "propose for a shipped Odoo catalog: --target odoo 17.0")
    .option("--schema <file>", "propose for a schema pulled from the customer's server (flitmap schema pull)")
    .option("-o, --out <folder>", "where to write the package (default: <name>-to-odoo)")
    .option("--name <name>", "the source's name in the package and its external IDs (default: from the export folder)")
    .option("--sample-rows <count>", `rows read per entity to infer types and match values (default ${DEFAULT_SAMPLE_ROWS})`)
    .option("--force", "overwrite .flitmap files already in the output folder")
    .action(async (options: InitOptions) => {
      exit(await initCommand(options, context));
    });
};

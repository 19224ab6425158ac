/**
 * `flitmap init`: reads an export (every CSV, whatever its delimiter and encoding), proposes a
 * mapping package for the target Odoo (propose/), and writes it, formatted, to a folder that a
 * specialist then corrects. The export is read by propose/read-export.ts; the proposal is pure.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { listShippedSeries, loadSchemaFile, loadShippedCatalog, type OdooSchema } from "../../compiler/catalog/index.js";
import { proposePackage, type DoneActivities, type ExportSample, type ProposedPackage } from "../../propose/index.js";
import { DEFAULT_SAMPLE_ROWS, readExport, sourceNameOf } from "../../propose/read-export.js";
import { defineCommand, problemsFound, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { formatText } from "./fmt.js";

export interface InitOptions {
  readonly source?: string;
  /** `odoo 17.0`, or just `17.0`. */
  readonly target?: readonly string[];
  readonly schema?: string;
  readonly out?: string;
  readonly name?: string;
  readonly sampleRows?: string;
  readonly doneActivities?: string;
  readonly force?: boolean;
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

function parseDoneActivities(value: string | undefined): DoneActivities | undefined {
  if (value === undefined || value === "archived" || value === "messages") return value;
  throw new UsageError(`--done-activities takes archived (kept as archived activities) or messages (written in the chatter), not "${value}"`);
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

/** Names a list, the first few of a long one: `a.pdf, b.json and 12 more`. */
function someNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/**
 * The files the proposal does not come from, each said, so that a file of the export left out (a
 * report saved in a format init does not read) is never missed without a word.
 */
function skippedFiles(sample: ExportSample): string {
  const lines: string[] = [];
  const empty = sample.emptyFiles ?? [];
  const prose = sample.proseFiles ?? [];
  if (empty.length > 0) lines.push(`Skipped, without even a header line: ${someNames(empty)}.`);
  if (prose.length > 0) lines.push(`Skipped, text that holds no table: ${someNames(prose)}.`);
  if (sample.otherFiles.length > 0)
    lines.push(`Not read, not a table file (init reads .csv, .txt, .tsv and .tab): ${someNames(sample.otherFiles)}.`);
  return lines.map((line) => `${line}\n`).join("");
}

export async function initCommand(options: InitOptions, context: CommandContext): Promise<Outcome> {
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
  if (sample.files.length === 0) throw new UsageError(`${options.source}: no CSV or text table files found (.csv, .txt, .tsv, .tab)${skippedFiles(sample) === "" ? "" : `; ${skippedFiles(sample).trim()}`}`);
  const doneActivities = parseDoneActivities(options.doneActivities);
  const proposed = proposePackage(sample, { sourceName, target, schema, directory: out, ...(doneActivities === undefined ? {} : { doneActivities }) });
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
    `Read ${sample.files.length} table file${sample.files.length === 1 ? "" : "s"} (${rows} rows) as ${proposed.proposal.entities.length} entities; ${mapped} mapped.\n` +
      `Columns: ${counts["field"]} mapped to Odoo fields, ${counts["custom"]} to new custom fields, ${counts["todo"]} left as TODOs, ` +
      `${counts["ignore"]} ignored, ${counts["key"]} keys, ${counts["modified"]} change stamps, ${counts["unmapped"]} in entities not mapped.\n` +
      `Wrote ${proposed.files.map((file) => file.name).join(", ")} to ${shownOut}/\n`,
  );
  context.stdout(skippedFiles(sample));
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
    return problemsFound(
      `the proposal has ${errors.length} error${errors.length === 1 ? "" : "s"} the check found (listed above): correct them in ${shownOut}/`,
    );
  }
  return SUCCEEDED;
}

export const registerInit = defineCommand(
  (program) =>
    program
      .command("init")
      .description("propose a mapping package from an export and the target Odoo's schema, for a specialist to correct")
      .option("--source <dir>", "the export folder (every CSV file in it, and every .txt, .tsv or .tab file holding a table, whatever its delimiter and encoding)")
      .option("--target <series...>", "propose for a shipped Odoo catalog: --target odoo 17.0")
      .option("--schema <file>", "propose for a schema pulled from the customer's server (flitmap schema pull)")
      .option("-o, --out <folder>", "where to write the package (default: <name>-to-odoo)")
      .option("--name <name>", "the source's name in the package and its external IDs (default: from the export folder)")
      .option("--sample-rows <count>", `rows read per entity to infer types and match values (default ${DEFAULT_SAMPLE_ROWS})`)
      .option("--done-activities <how>", "activities an export marks done: archived (Odoo 17's way) or messages in the chatter; by default, messages for an agenda logging when each happened beside due days, else archived")
      .option("--force", "overwrite .flitmap files already in the output folder"),
  (context) => (options: InitOptions) => initCommand(options, context),
);

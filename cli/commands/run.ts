import { join, relative, resolve } from "node:path";
import { emitPlan } from "../../compiler/plan/emit.js";
import { unaccountedMessage, unaccountedRecords } from "../../runtime/journal/guard.js";
import { Journal, JournalError } from "../../runtime/journal/journal.js";
import { connectFromCommandLine } from "../connection.js";
import { reconciliationTable, writeRunOutputs } from "../../runtime/execute/outputs.js";
import { progressReporter } from "../../runtime/execute/progress.js";
import { runPlan, type RunOptions, type RunReporter, type RunResult } from "../../runtime/execute/run.js";
import { deltaSelection, parseSince } from "../../runtime/lifecycle/delta.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { DryRunTarget } from "../../runtime/targets/dry-run-target.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import type { LoadTarget } from "../../runtime/targets/target.js";
import { diskHost } from "../../compiler/host.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems, settingOverrides } from "./compile.js";
import { reportDamage } from "./journal.js";

export interface RunCommandOptions {
  readonly source?: string;
  readonly url?: string;
  readonly db?: string;
  readonly out?: string;
  readonly dryRun?: boolean;
  readonly state?: string;
  readonly batchSize?: string;
  readonly target?: string;
  readonly protocol?: string;
  readonly set?: readonly string[];
  readonly sample?: string;
  readonly seed?: string;
  readonly since?: string;
}

export function reporterFor(context: CommandContext): RunReporter {
  return progressReporter({ interactive: context.interactive, write: context.stdout });
}

/** Where a migration keeps its journal and run reports: `--state`, or .flitmap/<migration> here. */
export function stateDirectory(context: CommandContext, migration: string, state: string | undefined): string {
  return state === undefined ? join(context.cwd, ".flitmap", migration) : resolve(context.cwd, state);
}

/**
 * The live Odoo the options name. With `series`, a server of another Odoo version is refused: the
 * plan was checked against that version's fields and would fail or write the wrong ones.
 */
export async function liveTarget(options: RunCommandOptions, context: CommandContext, batchSize: number, series?: string): Promise<OdooTarget> {
  const client = await connectFromCommandLine(options, context);
  if (series !== undefined && client.serie !== series) {
    await client.close();
    throw new UsageError(
      `the server runs Odoo ${client.serie}, but the package was checked against ${series}: check and run it for the server's version (\`--target ${client.serie}\`, or \`target odoo "${client.serie}"\` in the migration block) or against its pulled schema (\`flitmap schema pull\`)`,
    );
  }
  return new OdooTarget(client, { batchSize });
}

/** `--sample N [--seed S]` or `--since TIME`: which rows the run writes, as runPlan takes them. */
function rowSelection(options: RunCommandOptions): Pick<RunOptions, "selection" | "sample" | "seed" | "since"> {
  if (options.sample !== undefined && options.since !== undefined) throw new UsageError("give either --sample (a first look) or --since (a delta), not both");
  if (options.seed !== undefined && options.sample === undefined) throw new UsageError("--seed chooses a sample: give --sample N too");
  if (options.sample !== undefined) {
    const size = Number(options.sample);
    if (!Number.isInteger(size) || size < 1) throw new UsageError(`--sample needs a whole number of rows above 0, not "${options.sample}"`);
    const seed = options.seed === undefined ? 1 : Number(options.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed needs a whole number, not "${options.seed ?? ""}"`);
    return { selection: sampleSelection({ size, seed }), sample: size, seed };
  }
  if (options.since !== undefined) {
    const parsed = parseSince(options.since);
    if (!parsed.ok) throw new UsageError(parsed.reason);
    return { selection: deltaSelection(options.since), since: options.since };
  }
  return {};
}

export async function runCommand(packagePath: string, options: RunCommandOptions, context: CommandContext): Promise<number> {
  if (options.source === undefined) throw new UsageError("run needs --source DIR, the folder of the export");
  const modes = [
    options.url !== undefined || (context.env["ODOO_URL"] !== undefined && options.out === undefined && options.dryRun !== true),
    options.out !== undefined,
  ].filter(Boolean).length;
  if (options.out !== undefined && options.url !== undefined) throw new UsageError("give either --url (a live Odoo) or --out (import files), not both");
  if (modes === 0 && options.dryRun !== true)
    throw new UsageError("run needs --url URL (or ODOO_URL) for a live Odoo, --out DIR for import files, or --dry-run");
  const sourceDirectory = resolve(context.cwd, options.source);
  if (!diskHost.isDirectory(sourceDirectory)) throw new UsageError(`--source ${options.source}: not a folder`);
  const batchSize = options.batchSize === undefined ? 500 : Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size needs a whole number above 0, not "${options.batchSize ?? ""}"`);
  const analysis = analyzePackageFolder(packagePath, options);
  if (
    reportProblems(
      analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
      context,
    )
  ) {
    context.stderr("flitmap: the package has errors: nothing was run\n");
    return 1;
  }
  const selection = rowSelection(options);
  const plan = emitPlan(analysis);
  const state = stateDirectory(context, plan.migration.name, options.state);
  let target: LoadTarget;
  let journal: Journal | undefined;
  if (options.dryRun === true) {
    target = new DryRunTarget(options.url === undefined ? undefined : await liveTarget(options, context, batchSize, plan.target.series));
  } else if (options.out !== undefined) {
    target = new FilesTarget(resolve(context.cwd, options.out), plan.migration.namespace);
  } else {
    journal = Journal.open(join(state, "journal.jsonl"));
    // A damaged journal is refused before anything is asked of Odoo.
    if (reportDamage(journal, packagePath, context)) return 1;
    const live = await liveTarget(options, context, batchSize, plan.target.series);
    const unaccounted = await unaccountedRecords(journal, live.client, plan);
    if (unaccounted.length > 0) {
      context.stderr(`flitmap: ${unaccountedMessage(unaccounted, journal.path, plan.migration.namespace, packagePath)}\n`);
      await live.close();
      return 1;
    }
    target = live;
  }
  context.stdout(`running ${plan.migration.name} (Odoo ${plan.target.series} plan) into ${target.describe()}\n`);
  let result: RunResult;
  try {
    result = await runPlan({
      plan,
      sourceDirectory,
      target,
      ...(journal === undefined ? {} : { journal }),
      reporter: reporterFor(context),
      batchSize,
      settings: settingOverrides(options.set),
      ...selection,
    });
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    // The journal went (deleted, replaced, a full disk) under the run: it stopped before writing what it could not journal.
    await target.close().catch(() => undefined);
    context.stderr(
      `flitmap: the run stopped: ${error.message}\nflitmap runs ${packagePath} and flitmap journal rebuild ${packagePath} tell and repair what the journal lost.\n`,
    );
    return 1;
  } finally {
    journal?.close();
  }
  const reportDirectory = options.out !== undefined ? resolve(context.cwd, options.out) : join(state, "runs", result.runId);
  const outputs = writeRunOutputs(result, reportDirectory);
  context.stdout(`\n${reconciliationTable(result)}\n\n`);
  const shown = (path: string): string => relative(context.cwd, path) || path;
  if (options.out !== undefined) context.stdout(`import files: ${shown(resolve(context.cwd, options.out))} (README.md says in which order)\n`);
  context.stdout(`run summary: ${shown(outputs.summary)}\n`);
  if (outputs.rejects.length > 0) context.stdout(`rejected rows, with the reason for each: ${outputs.rejects.map(shown).join(", ")}\n`);
  if (result.reconciliationErrors.length > 0) {
    context.stderr(`flitmap: the counts do not add up (a bug in Flitmap): ${result.reconciliationErrors.join("; ")}\n`);
    return 1;
  }
  if (result.status !== "complete") {
    context.stderr(`flitmap: the run ${result.status}${result.message === undefined ? "" : `: ${result.message}`}\n`);
    return 1;
  }
  context.stdout(`run ${result.runId} complete in ${(result.durationMs / 1000).toFixed(1)} s\n`);
  return 0;
}

export const registerRun: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("run")
    .description("run a package: read the export, transform every row, and load it into a live Odoo (--url) or write import files (--out)")
    .argument("<package>", "the package folder")
    .option("--source <dir>", "the folder of the export (CSV files)")
    .option("--url <url>", "the Odoo server (default: ODOO_URL); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD")
    .option("--db <name>", "the database (default: ODOO_DB)")
    .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)")
    .option("--out <dir>", "write Odoo-import CSV files here instead of loading into a server")
    .option("--dry-run", "read and transform everything, check every value, write nothing")
    .option("--state <dir>", "where the journal and run reports are kept (default: .flitmap/<migration>)")
    .option("--batch-size <rows>", "rows per load() call (default 500)")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .option("--sample <rows>", "write only a referentially closed sample of about this many source rows (a first look to diff and roll back)")
    .option("--seed <number>", "which sample --sample draws (default 1): the same seed draws the same rows")
    .option("--since <time>", "delta pickup: only rows created or modified since this time (2024-03-01, 2024-03-01T09:30, 2024-03-01T09:30Z)")
    .action(async (packagePath: string, options: RunCommandOptions) => {
      exit(await runCommand(packagePath, options, context));
    });
};

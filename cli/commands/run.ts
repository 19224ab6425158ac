import { join, relative, resolve } from "node:path";
import type { Plan } from "../../compiler/plan/schema.js";
import { unaccountedMessage, unaccountedRecords } from "../../runtime/journal/guard.js";
import { Journal, JournalError } from "../../runtime/journal/journal.js";
import { connectFromCommandLine, type ConnectionCommandOptions } from "../connection.js";
import { reconciliationTable, RejectFiles, writeRunOutputs } from "../../runtime/execute/outputs.js";
import { progressReporter } from "../../runtime/execute/progress.js";
import { runPlan, type RunOptions, type RunReporter, type RunResult } from "../../runtime/execute/run.js";
import { DEFAULT_REJECT_LIMIT, judgeRun, parseRejectLimit, type RejectLimit, type RunVerdict } from "../../runtime/execute/verdict.js";
import { decisionLines } from "../../runtime/lifecycle/decisions.js";
import { deltaSelection, parseSince } from "../../runtime/lifecycle/delta.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { DryRunTarget } from "../../runtime/targets/dry-run-target.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { OdooTarget, type OdooTargetOptions } from "../../runtime/targets/odoo-target.js";
import { OutFolderRefused, prepareOutFolder, recordRunFiles } from "../../runtime/targets/out-folder.js";
import type { LoadTarget } from "../../runtime/targets/target.js";
import { defineCommand, packageOptions, problemsFound, serverOptions, stateOption, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { boundHeapGrowth } from "../heap-growth.js";
import { settingOverrides } from "../options.js";
import { compilePackage, exportFolder, type PackageOptions } from "../package.js";
import { stateDirectory } from "../state-folder.js";
import { damageOutcome } from "./journal.js";

export interface RunCommandOptions extends ConnectionCommandOptions, PackageOptions {
  readonly source?: string;
  readonly out?: string;
  readonly dryRun?: boolean;
  readonly state?: string;
  readonly batchSize?: string;
  readonly concurrency?: string;
  readonly retryRefused?: boolean;
  readonly refreshLookups?: boolean;
  readonly sample?: string;
  readonly seed?: string;
  readonly since?: string;
  readonly maxRejects?: string;
}

export function reporterFor(context: CommandContext): RunReporter {
  return progressReporter({ interactive: context.interactive, write: context.stdout });
}

/**
 * The live Odoo the options name. With `series`, a server of another Odoo version is refused: the
 * plan was checked against that version's fields and would fail or write the wrong ones.
 */
export async function liveTarget(options: ConnectionCommandOptions, context: CommandContext, load: OdooTargetOptions, series?: string): Promise<OdooTarget> {
  const client = await connectFromCommandLine(options, context);
  if (series !== undefined && client.serie !== series) {
    await client.close();
    throw new UsageError(
      `the server runs Odoo ${client.serie}, but the package was checked against ${series}: check and run it for the server's version (\`--target ${client.serie}\`, or \`target odoo "${client.serie}"\` in the migration block) or against its pulled schema (\`flitmap schema pull\`)`,
    );
  }
  return new OdooTarget(client, load);
}

/** `--max-rejects N|P%`: how many rejected rows an entity may have before the run is a failure. */
export function rejectLimitOf(text: string | undefined): RejectLimit {
  if (text === undefined) return DEFAULT_REJECT_LIMIT;
  const limit = parseRejectLimit(text);
  if ("error" in limit) throw new UsageError(limit.error);
  return limit;
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

/** Whether the run loads into Odoo, writes import files, or checks everything and writes nothing; wrong combinations refused. */
function runMode(options: RunCommandOptions, context: CommandContext): "live" | "files" | "dry-run" {
  if (options.out !== undefined && options.url !== undefined) throw new UsageError("give either --url (a live Odoo) or --out (import files), not both");
  if (options.dryRun === true) return "dry-run";
  if (options.out !== undefined) return "files";
  if (options.url !== undefined || context.env["ODOO_URL"] !== undefined) return "live";
  throw new UsageError("run needs --url URL (or ODOO_URL) for a live Odoo, --out DIR for import files, or --dry-run");
}

/** `--batch-size` and `--concurrency`: rows per load() call and calls in flight (the target's defaults otherwise). */
function loadOptions(options: RunCommandOptions): OdooTargetOptions {
  const whole = (text: string | undefined, option: string, what: string): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} needs a whole number of ${what} above 0, not "${text}"`);
    return value;
  };
  const batchSize = whole(options.batchSize, "--batch-size", "rows");
  const concurrency = whole(options.concurrency, "--concurrency", "calls");
  return { ...(batchSize === undefined ? {} : { batchSize }), ...(concurrency === undefined ? {} : { concurrency }) };
}

/** The import files' folder, emptied of an earlier run's files (never mixed with them), or refused. */
function outFolder(out: string, context: CommandContext): string {
  const directory = resolve(context.cwd, out);
  try {
    const replaced = prepareOutFolder(directory, out);
    if (replaced.length > 0) context.stdout(`replacing the ${replaced.length} files an earlier run wrote to ${out}\n`);
  } catch (error) {
    if (error instanceof OutFolderRefused) throw new UsageError(error.message);
    throw error;
  }
  return directory;
}

export async function runCommand(packagePath: string, options: RunCommandOptions, context: CommandContext): Promise<Outcome> {
  boundHeapGrowth();
  const sourceDirectory = exportFolder(options.source, context, "run");
  const mode = runMode(options, context);
  const load = loadOptions(options);
  const limit = rejectLimitOf(options.maxRejects);
  const selection = rowSelection(options);
  const { analysis, plan } = compilePackage(packagePath, options, context, "nothing was run");
  const out = options.out === undefined ? undefined : outFolder(options.out, context);
  let target: LoadTarget;
  let journal: Journal | undefined;
  let reportsFolder: (runId: string) => string;
  if (out !== undefined) {
    // Import files and their reports go to --out; a live or dry run keeps its reports in the package's state folder.
    target = new FilesTarget(out, plan.migration.namespace);
    reportsFolder = () => out;
  } else {
    const state = stateDirectory(context, { directory: analysis.directory, migration: plan.migration.name }, options.state, "write");
    reportsFolder = (runId) => join(state, "runs", runId);
    if (mode === "dry-run") target = new DryRunTarget(options.url === undefined ? undefined : await liveTarget(options, context, load, plan.target.series));
    else {
      journal = Journal.open(join(state, "journal.jsonl"));
      // A damaged journal is refused before anything is asked of Odoo.
      const damaged = damageOutcome(journal, packagePath);
      if (damaged !== undefined) return damaged;
      const live = await liveTarget(options, context, load, plan.target.series);
      const unaccounted = await unaccountedRecords(journal, live.client, plan);
      if (unaccounted.length > 0) {
        await live.close();
        return problemsFound(unaccountedMessage(unaccounted, journal.path, plan.migration.namespace, packagePath));
      }
      target = live;
    }
  }
  context.stdout(`running ${plan.migration.name} (Odoo ${plan.target.series} plan) into ${target.describe()}\n`);
  // Rejected rows go to their files as the run rejects them, not held until it ends.
  const rejectFiles = new RejectFiles(plan, reportsFolder);
  let result: RunResult;
  try {
    result = await runPlan({
      plan,
      sourceDirectory,
      target,
      ...(journal === undefined ? {} : { journal }),
      reporter: reporterFor(context),
      // `flitmap run` checked the journal against Odoo above: no record is under the package's external IDs that it does not account for.
      journalChecked: journal !== undefined,
      retryRefused: options.retryRefused === true,
      refreshLookups: options.refreshLookups === true,
      settings: settingOverrides(options.set),
      rejects: rejectFiles,
      ...selection,
    });
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    // The journal went (deleted, replaced, a full disk) under the run: it stopped before writing what it could not journal.
    await target.close().catch(() => undefined);
    rejectFiles.end();
    context.stderr(`flitmap runs ${packagePath} and flitmap journal rebuild ${packagePath} tell and repair what the journal lost.\n`);
    return problemsFound(`the run stopped: ${error.message}`);
  } finally {
    journal?.close();
  }
  const verdict = judgeRun(result, limit);
  const outputs = writeRunOutputs(result, reportsFolder(result.runId), verdict, rejectFiles);
  if (out !== undefined) recordRunFiles(out, [outputs.summary, ...outputs.rejects]);
  summarize(result, verdict, plan, context);
  const shown = (path: string): string => relative(context.cwd, path) || path;
  if (out !== undefined && result.status !== "halted") context.stdout(`import files: ${shown(out)} (README.md says in which order)\n`);
  context.stdout(`run summary: ${shown(outputs.summary)}\n`);
  if (outputs.rejects.length > 0) context.stdout(`rejected rows, with the reason for each: ${outputs.rejects.map(shown).join(", ")}\n`);
  if (verdict.problems.length > 0) return problemsFound(verdictReason(result, verdict));
  context.stdout(`run ${result.runId} complete in ${(result.durationMs / 1000).toFixed(1)} s\n`);
  return SUCCEEDED;
}

/** The table, the decisions the run took on values (with counts), what is worth knowing, and the problems. */
function summarize(result: RunResult, verdict: RunVerdict, plan: Plan, context: CommandContext): void {
  context.stdout(`\n${reconciliationTable(result, verdict)}\n\n`);
  const decisions = decisionLines(result.notes, plan);
  if (decisions.length > 0) context.stdout(`Values the run decided (the records still load):\n${decisions.map((line) => `  ${line}`).join("\n")}\n\n`);
  for (const notice of verdict.notices) context.stdout(`note: ${notice}\n`);
  for (const problem of verdict.problems) context.stderr(`problem: ${problem.message}\n`);
}

/** The last line of a run that is not what the package promises. */
function verdictReason(result: RunResult, verdict: RunVerdict): string {
  const [first] = verdict.problems;
  const more = verdict.problems.length - 1;
  const rest = more === 0 ? "" : ` (and ${more} more problem${more === 1 ? "" : "s"} above)`;
  if (result.status !== "complete") return `${first?.message ?? `the run ${result.status}`}${rest}`;
  return `run ${result.runId} is not what the package promises: ${first?.message ?? ""}${rest}`;
}

export const registerRun = defineCommand(
  (program) =>
    stateOption(
      packageOptions(
        serverOptions(
          program
            .command("run")
            .description("run a package: read the export, transform every row, and load it into a live Odoo (--url) or write import files (--out)")
            .argument("<package>", "the package folder")
            .option("--source <dir>", "the folder of the export (CSV files)"),
        )
          .option("--out <dir>", "write Odoo-import CSV files here instead of loading into a server (a new folder, or one an earlier run wrote)")
          .option("--dry-run", "read and transform everything, check every value, write nothing")
          .option("--batch-size <rows>", "rows per load() call (default 1000)")
          .option(
            "--concurrency <calls>",
            "load() calls in flight at once (default: measured on the server, two where it serves two calls side by side, else one); calls in flight never touch the same record, activities go one at a time",
          )
          .option(
            "--retry-refused",
            "send again the rows Odoo refused in an earlier run though they did not change (by default they are rejected again, unsent)",
          )
          .option("--refresh-lookups", "read the lookups' records from Odoo even when the last run read the same export (by default its answers are taken)")
          .option(
            "--max-rejects <limit>",
            "rejected rows an entity may have before the run fails: a number of rows (0 for none) or a share of its rows (5%); default 50%",
          ),
      )
        .option("--sample <rows>", "write only a referentially closed sample of about this many source rows (a first look to diff and roll back)")
        .option("--seed <number>", "which sample --sample draws (default 1): the same seed draws the same rows")
        .option("--since <time>", "delta pickup: only rows created or modified since this time (2024-03-01, 2024-03-01T09:30, 2024-03-01T09:30Z)"),
    ),
  (context) => (packagePath: string, options: RunCommandOptions) => runCommand(packagePath, options, context),
);

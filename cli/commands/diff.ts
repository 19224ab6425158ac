/** `flitmap diff <package>`: what the mapping says each migrated record should hold against what Odoo holds. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { progressReporter } from "../../runtime/execute/progress.js";
import { Journal } from "../../runtime/journal/journal.js";
import { diffMigration, UnknownRunError } from "../../runtime/lifecycle/diff.js";
import { diffHtml, diffSummary } from "../../runtime/render/diff.js";
import { defineCommand, packageOptions, problemsFound, serverOptions, stateOption, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { compilePackage, exportFolder } from "../package.js";
import { stateDirectory } from "../state-folder.js";
import { damageOutcome, planOfRun, runStartFor } from "./journal.js";
import { liveTarget, type RunCommandOptions } from "./run.js";

export interface DiffCommandOptions extends Pick<RunCommandOptions, "source" | "url" | "db" | "protocol" | "state" | "target" | "set"> {
  readonly run?: string;
  readonly json?: string;
  readonly html?: string;
}

function writeOutput(path: string, text: string, context: CommandContext): string {
  const absolute = resolve(context.cwd, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  return relative(context.cwd, absolute) || absolute;
}

export async function diffCommand(packagePath: string, options: DiffCommandOptions, context: CommandContext): Promise<Outcome> {
  const sourceDirectory = exportFolder(options.source, context, "diff");
  const { analysis, plan: packaged } = compilePackage(packagePath, options, context, "nothing was compared");
  const journalPath = join(
    stateDirectory(context, { directory: analysis.directory, migration: packaged.migration.name }, options.state, "read"),
    "journal.jsonl",
  );
  const journal = existsSync(journalPath) ? Journal.open(journalPath) : undefined;
  // A damaged journal cannot say which records the migration wrote.
  const damaged = journal === undefined ? undefined : damageOutcome(journal, packagePath);
  if (damaged !== undefined) {
    journal?.close();
    return damaged;
  }
  // The records are compared with what the plan the run was made with (its Odoo series) says.
  const plan = journal === undefined ? packaged : planOfRun(packagePath, options, context, runStartFor(journal, options.run), packaged);
  if (journal === undefined) {
    if (options.run !== undefined)
      throw new UsageError(`--run ${options.run}: no journal at ${relative(context.cwd, journalPath) || journalPath} (give --state DIR)`);
    context.stdout("no journal: comparing every record the export makes\n");
  }
  const target = await liveTarget(options, context, {}, plan.target.series);
  const progress = progressReporter({ interactive: context.interactive, write: context.stdout });
  try {
    const report = await diffMigration({
      plan,
      sourceDirectory,
      client: target.client,
      ...(journal === undefined ? {} : { journal }),
      ...(options.run === undefined ? {} : { run: options.run }),
      // Recomputing a large export takes a while: the bars show it, the run's own lines would only confuse.
      reporter: { line: () => undefined, ...(progress.progress === undefined ? {} : { progress: progress.progress }) },
    });
    context.stdout(`${diffSummary(report)}\n`);
    if (options.json !== undefined) context.stdout(`JSON: ${writeOutput(options.json, `${JSON.stringify(report, null, 2)}\n`, context)}\n`);
    if (options.html !== undefined) context.stdout(`HTML page: ${writeOutput(options.html, diffHtml(report), context)}\n`);
    // Like eslint: 1 when something differs, so CI can fail on it.
    const differing = report.groups.reduce((sum, group) => sum + group.count, 0);
    if (differing > 0 || report.missing.length > 0)
      return problemsFound(
        `Odoo differs from what the mapping says: ${differing} value${differing === 1 ? "" : "s"} differ, ${report.missing.length} record${report.missing.length === 1 ? "" : "s"} missing`,
      );
    return SUCCEEDED;
  } catch (error) {
    if (error instanceof UnknownRunError) throw new UsageError(`--run: ${error.message}`);
    throw error;
  } finally {
    journal?.close();
    await target.close();
  }
}

export const registerDiff = defineCommand(
  (program) =>
    stateOption(
      packageOptions(
        serverOptions(
          program
            .command("diff")
            .description("compare, field by field, what the mapping says each migrated record should hold with what Odoo holds")
            .argument("<package>", "the package folder")
            .option("--source <dir>", "the folder of the export (CSV files) the migration read")
            .option("--run <id>", "only the records this run wrote (default: every record the migration wrote; flitmap runs lists them)")
            .option("--json <file>", "write the differences as JSON")
            .option("--html <file>", "write a self-contained HTML page of the differences, with filters"),
        ),
      ),
      "the journal is kept",
    ),
  (context) => (packagePath: string, options: DiffCommandOptions) => diffCommand(packagePath, options, context),
);

/** `flitmap diff <package>`: what the mapping says each migrated record should hold against what Odoo holds. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { emitPlan } from "../../compiler/plan/emit.js";
import { diskHost } from "../../compiler/host.js";
import { progressReporter } from "../../runtime/execute/progress.js";
import { Journal } from "../../runtime/journal/journal.js";
import { diffMigration } from "../../runtime/lifecycle/diff.js";
import { diffHtml, diffSummary } from "../../runtime/lifecycle/diff-page.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems } from "./compile.js";
import { planOfRun, reportDamage, runStartFor } from "./journal.js";
import { liveTarget, stateDirectory, type RunCommandOptions } from "./run.js";

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

export async function diffCommand(packagePath: string, options: DiffCommandOptions, context: CommandContext): Promise<number> {
  if (options.source === undefined) throw new UsageError("diff needs --source DIR, the folder of the export the migration read");
  const sourceDirectory = resolve(context.cwd, options.source);
  if (!diskHost.isDirectory(sourceDirectory)) throw new UsageError(`--source ${options.source}: not a folder`);
  const analysis = analyzePackageFolder(packagePath, options);
  if (
    reportProblems(
      analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
      context,
    )
  ) {
    context.stderr("flitmap: the package has errors: nothing was compared\n");
    return 1;
  }
  const packaged = emitPlan(analysis);
  const journalPath = join(stateDirectory(context, packaged.migration.name, options.state), "journal.jsonl");
  const journal = existsSync(journalPath) ? Journal.open(journalPath) : undefined;
  // A damaged journal cannot say which records the migration wrote.
  if (journal !== undefined && reportDamage(journal, packagePath, context)) return 1;
  // The records are compared with what the plan the run was made with (its Odoo series) says.
  const plan = journal === undefined ? packaged : planOfRun(packagePath, options, context, runStartFor(journal, options.run), packaged);
  if (plan === undefined) return 1;
  if (journal === undefined) {
    if (options.run !== undefined)
      throw new UsageError(`--run ${options.run}: no journal at ${relative(context.cwd, journalPath) || journalPath} (give --state DIR)`);
    context.stdout("no journal: comparing every record the export makes\n");
  }
  const target = await liveTarget(options, context, 500, plan.target.series);
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
    return report.groups.length > 0 || report.missing.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("the journal has no run")) throw new UsageError(`--run: ${error.message}`);
    throw error;
  } finally {
    journal?.close();
    await target.close();
  }
}

export const registerDiff: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("diff")
    .description("compare, field by field, what the mapping says each migrated record should hold with what Odoo holds")
    .argument("<package>", "the package folder")
    .option("--source <dir>", "the folder of the export (CSV files) the migration read")
    .option("--run <id>", "only the records this run wrote (default: every record the migration wrote; flitmap runs lists them)")
    .option("--json <file>", "write the differences as JSON")
    .option("--html <file>", "write a self-contained HTML page of the differences, with filters")
    .option("--url <url>", "the Odoo server (default: ODOO_URL); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD")
    .option("--db <name>", "the database (default: ODOO_DB)")
    .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)")
    .option("--state <dir>", "where the journal is kept (default: .flitmap/<migration>)")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, options: DiffCommandOptions) => {
      exit(await diffCommand(packagePath, options, context));
    });
};

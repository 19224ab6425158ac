/**
 * A migration's journal as the commands find it (`.flitmap/<migration>/journal.jsonl` or `--state
 * DIR`), the plan a run was made with (the Odoo series and settings its `run-start` records), and
 * `flitmap journal rebuild|adopt <package>`: the ways out when the journal does not account for
 * what Odoo holds under the package's external IDs.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { headPathOf } from "../../runtime/journal/file.js";
import { adoptUnaccounted, damagedJournalMessage } from "../../runtime/journal/guard.js";
import { Journal, runStart, type JournalEvent } from "../../runtime/journal/journal.js";
import { rebuildJournal } from "../../runtime/journal/rebuild.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems, settingOverrides, type PackageOptions } from "./compile.js";
import { liveTarget, stateDirectory, type RunCommandOptions } from "./run.js";

type StateOptions = Pick<RunCommandOptions, "state" | "target" | "set">;
type RunStart = Extract<JournalEvent, { type: "run-start" }>;

/** The package's plan as the options say, or undefined once its errors are printed. */
export function packagePlan(packagePath: string, options: PackageOptions, context: CommandContext): Plan | undefined {
  const analysis = analyzePackageFolder(packagePath, options);
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  return reportProblems(errors, context) ? undefined : emitPlan(analysis);
}

export interface StateJournal {
  readonly plan: Plan;
  readonly path: string;
  readonly journal: Journal;
  /** Neither the journal nor its head is there: nothing ran into Odoo from this state folder. */
  readonly absent: boolean;
}

/** The package's plan and its journal (read and checked, not created). Undefined once the package's errors are printed. */
export function openStateJournal(packagePath: string, options: StateOptions, context: CommandContext): StateJournal | undefined {
  const plan = packagePlan(packagePath, options, context);
  if (plan === undefined) return undefined;
  const path = join(stateDirectory(context, plan.migration.name, options.state), "journal.jsonl");
  return { plan, path, journal: Journal.open(path), absent: !existsSync(path) && !existsSync(headPathOf(path)) };
}

export function noJournalMessage(plan: Plan, path: string, context: CommandContext): string {
  return `no journal at ${relative(context.cwd, path) || path}: ${plan.migration.name} has not run into Odoo from here (give --state DIR if its state is elsewhere)`;
}

/**
 * The plan a run was made with: checked against the Odoo series its `run-start` records (a shipped
 * catalog, or the package's pulled schema, which must still be of that series), with the settings
 * it overrode. An option that says otherwise is refused rather than silently used.
 */
export function planOfRun(packagePath: string, options: StateOptions, context: CommandContext, start: RunStart | undefined, plan: Plan): Plan | undefined {
  if (start === undefined || start.series === undefined) return plan;
  const series = start.series;
  if (options.target !== undefined && options.target !== series)
    throw new UsageError(`run ${start.run} was made against Odoo ${series}: --target ${options.target} would check it against another version`);
  const given = settingOverrides(options.set);
  for (const [name, value] of Object.entries(start.settings ?? {}))
    if (given[name] !== undefined && given[name] !== value) throw new UsageError(`run ${start.run} was made with --set ${name}=${value}, not ${given[name]}`);
  const settings = { ...start.settings, ...given };
  const compiled = packagePlan(
    packagePath,
    { ...(start.origin === "file" ? {} : { target: series }), set: Object.entries(settings).map(([name, value]) => `${name}=${value}`) },
    context,
  );
  if (compiled !== undefined && compiled.target.series !== series)
    throw new UsageError(`run ${start.run} was made against Odoo ${series}, but the package's schema file is now of Odoo ${compiled.target.series}`);
  return compiled;
}

/** The `run-start` of the run named (or by a prefix of its id), else of the latest live run that is not rolled back. */
export function runStartFor(journal: Journal, wanted?: string): RunStart | undefined {
  const runs = journal.runs();
  const run =
    wanted === undefined
      ? [...runs].reverse().find((candidate) => candidate.mode === "live" && candidate.status !== "rolled back")
      : runs.find((candidate) => candidate.run === wanted || candidate.run.startsWith(wanted));
  return run === undefined ? undefined : runStart(journal.events, run.run);
}

/** Prints the journal's damage and the way out; true when there was any. */
export function reportDamage(journal: Journal, packagePath: string, context: CommandContext): boolean {
  if (!journal.damaged) return false;
  context.stderr(`flitmap: ${damagedJournalMessage(journal, packagePath)}\n`);
  return true;
}

export interface JournalCommandOptions extends Pick<RunCommandOptions, "url" | "db" | "protocol" | "state" | "target" | "set"> {}

export async function rebuildCommand(packagePath: string, options: JournalCommandOptions, context: CommandContext): Promise<number> {
  const opened = openStateJournal(packagePath, options, context);
  if (opened === undefined) return 1;
  const target = await liveTarget(options, context, 500, opened.plan.target.series);
  try {
    const result = await rebuildJournal({ path: opened.path, client: target.client, plan: opened.plan });
    const shown = relative(context.cwd, opened.path) || opened.path;
    if (result.status === "nothing to rebuild") {
      context.stdout(`the journal ${shown} is whole and accounts for every record of ${opened.plan.migration.namespace} in Odoo: nothing to rebuild\n`);
      return 0;
    }
    if (result.movedTo !== undefined) context.stdout(`the journal as it was is kept as ${relative(context.cwd, result.movedTo) || result.movedTo}\n`);
    for (const problem of result.problems) context.stdout(`  ${problem.message}\n`);
    context.stdout(`journal ${shown} rebuilt: ${result.kept} event${result.kept === 1 ? "" : "s"} that read back kept\n`);
    if (result.run !== undefined) {
      const records = result.records.map((entry) => `${entry.count} ${entry.model}`).join(", ") || "no records";
      context.stdout(
        `run ${result.run} journals what Odoo holds and the journal had lost: ${records}; ${result.setupRecords.length} reference record${result.setupRecords.length === 1 ? "" : "s"}; ${result.customFields.length} custom field${result.customFields.length === 1 ? "" : "s"}${result.customFields.length > 0 ? ` (${result.customFields.join(", ")})` : ""}\n`,
      );
      context.stdout(`flitmap rollback ${packagePath} deletes them (see flitmap runs ${packagePath})\n`);
    }
    return 0;
  } finally {
    await target.close();
  }
}

export async function adoptCommand(packagePath: string, options: JournalCommandOptions, context: CommandContext): Promise<number> {
  const opened = openStateJournal(packagePath, options, context);
  if (opened === undefined) return 1;
  if (reportDamage(opened.journal, packagePath, context)) return 1;
  const target = await liveTarget(options, context, 500, opened.plan.target.series);
  try {
    const adopted = await adoptUnaccounted(opened.journal, target.client, opened.plan);
    context.stdout(
      adopted.length === 0
        ? `the journal accounts for every record of ${opened.plan.migration.namespace} in Odoo: nothing to adopt\n`
        : `adopted ${adopted.length} record${adopted.length === 1 ? "" : "s"} made outside Flitmap (${adopted
            .slice(0, 5)
            .map((record) => record.xmlid)
            .join(", ")}${adopted.length > 5 ? ", ..." : ""}): runs update them as existing records, rollback gives them their values back\n`,
    );
    return 0;
  } finally {
    opened.journal.close();
    await target.close();
  }
}

export const registerJournal: RegisterCommand = ({ program, context, exit }) => {
  const journal = program.command("journal").description("recover a migration's journal: rebuild it from Odoo, or adopt records made outside Flitmap");
  const connection = (command: ReturnType<typeof journal.command>) =>
    command
      .argument("<package>", "the package folder")
      .option("--url <url>", "the Odoo server (default: ODOO_URL); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD")
      .option("--db <name>", "the database (default: ODOO_DB)")
      .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)")
      .option("--state <dir>", "where the journal is kept (default: .flitmap/<migration>)")
      .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
      .option("--set <name=value>", "override a setting of the package (repeatable)", collect, []);
  connection(
    journal
      .command("rebuild")
      .description(
        "rebuild a damaged, cut or lost journal: keep what reads back, journal the records under the package's external IDs and its custom fields that Odoo holds and the journal lost as one rebuilt run (which rollback deletes)",
      ),
  ).action(async (packagePath: string, options: JournalCommandOptions) => {
    exit(await rebuildCommand(packagePath, options, context));
  });
  connection(
    journal
      .command("adopt")
      .description("record in the journal that the records under the package's external IDs it does not account for were made outside Flitmap"),
  ).action(async (packagePath: string, options: JournalCommandOptions) => {
    exit(await adoptCommand(packagePath, options, context));
  });
};

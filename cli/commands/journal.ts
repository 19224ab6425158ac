/**
 * A package's journal as the commands find it (`journal.jsonl` in the package's state folder, or
 * `--state DIR`), the plan a run was made with (the Odoo series and settings its `run-start` records), and
 * `flitmap journal rebuild|adopt <package>`: the ways out when the journal does not account for
 * what Odoo holds under the package's external IDs.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { Command } from "commander";
import type { Plan } from "../../compiler/plan/schema.js";
import { headPathOf } from "../../runtime/journal/file.js";
import { adoptUnaccounted, damagedJournalMessage } from "../../runtime/journal/guard.js";
import { Journal, runStart, type JournalEvent } from "../../runtime/journal/journal.js";
import { rebuildJournal } from "../../runtime/journal/rebuild.js";
import { defineCommand, packageOptions, problemsFound, serverOptions, stateOption, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { settingOverrides } from "../options.js";
import { compilePackage } from "../package.js";
import { stateDirectory } from "../state-folder.js";
import { liveTarget, type RunCommandOptions } from "./run.js";

type StateOptions = Pick<RunCommandOptions, "state" | "target" | "set">;
type RunStart = Extract<JournalEvent, { type: "run-start" }>;

export interface StateJournal {
  readonly plan: Plan;
  readonly path: string;
  readonly journal: Journal;
  /** Neither the journal nor its head is there: nothing ran into Odoo from this state folder. */
  readonly absent: boolean;
}

/** The package's plan and its journal (read and checked, not created); a package with errors is refused, with `consequence` said. */
export function openStateJournal(packagePath: string, options: StateOptions, context: CommandContext, consequence: string): StateJournal {
  const { analysis, plan } = compilePackage(packagePath, options, context, consequence);
  const path = join(stateDirectory(context, { directory: analysis.directory, migration: plan.migration.name }, options.state, "read"), "journal.jsonl");
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
export function planOfRun(packagePath: string, options: StateOptions, context: CommandContext, start: RunStart | undefined, plan: Plan): Plan {
  if (start === undefined || start.series === undefined) return plan;
  const series = start.series;
  if (options.target !== undefined && options.target !== series)
    throw new UsageError(`run ${start.run} was made against Odoo ${series}: --target ${options.target} would check it against another version`);
  const given = settingOverrides(options.set);
  for (const [name, value] of Object.entries(start.settings ?? {}))
    if (given[name] !== undefined && given[name] !== value) throw new UsageError(`run ${start.run} was made with --set ${name}=${value}, not ${given[name]}`);
  const settings = { ...start.settings, ...given };
  const { plan: compiled } = compilePackage(
    packagePath,
    { ...(start.origin === "file" ? {} : { target: series }), set: Object.entries(settings).map(([name, value]) => `${name}=${value}`) },
    context,
    `run ${start.run} cannot be read with the plan it was made with`,
  );
  if (compiled.target.series !== series)
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

/** A damaged journal as the command's outcome (exit 1, the damage and the way out as its reason); undefined when it is whole. */
export function damageOutcome(journal: Journal, packagePath: string): Outcome | undefined {
  return journal.damaged ? problemsFound(damagedJournalMessage(journal, packagePath)) : undefined;
}

export interface JournalCommandOptions extends Pick<RunCommandOptions, "url" | "db" | "protocol" | "state" | "target" | "set"> {}

export async function rebuildCommand(packagePath: string, options: JournalCommandOptions, context: CommandContext): Promise<Outcome> {
  const opened = openStateJournal(packagePath, options, context, "its journal was not rebuilt");
  const target = await liveTarget(options, context, {}, opened.plan.target.series);
  try {
    const result = await rebuildJournal({ path: opened.path, client: target.client, plan: opened.plan });
    const shown = relative(context.cwd, opened.path) || opened.path;
    if (result.status === "nothing to rebuild") {
      context.stdout(`the journal ${shown} is whole and accounts for every record of ${opened.plan.migration.namespace} in Odoo: nothing to rebuild\n`);
      return SUCCEEDED;
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
    return SUCCEEDED;
  } finally {
    await target.close();
  }
}

export async function adoptCommand(packagePath: string, options: JournalCommandOptions, context: CommandContext): Promise<Outcome> {
  const opened = openStateJournal(packagePath, options, context, "nothing was adopted");
  const damaged = damageOutcome(opened.journal, packagePath);
  if (damaged !== undefined) return damaged;
  const target = await liveTarget(options, context, {}, opened.plan.target.series);
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
    return SUCCEEDED;
  } finally {
    opened.journal.close();
    await target.close();
  }
}

/** The arguments and options both `journal` commands take: the package, the server, its state. */
function journalCommand(program: Command, name: string, description: string): Command {
  const journal =
    program.commands.find((command) => command.name() === "journal") ??
    program.command("journal").description("recover a package's journal: rebuild it from Odoo, or adopt records made outside Flitmap");
  return stateOption(
    packageOptions(serverOptions(journal.command(name).description(description).argument("<package>", "the package folder"))),
    "the journal is kept",
  );
}

export const registerJournalRebuild = defineCommand(
  (program) =>
    journalCommand(
      program,
      "rebuild",
      "rebuild a damaged, cut or lost journal: keep what reads back, journal the records under the package's external IDs and its custom fields that Odoo holds and the journal lost as one rebuilt run (which rollback deletes)",
    ),
  (context) => (packagePath: string, options: JournalCommandOptions) => rebuildCommand(packagePath, options, context),
);

export const registerJournalAdopt = defineCommand(
  (program) =>
    journalCommand(
      program,
      "adopt",
      "record in the journal that the records under the package's external IDs it does not account for were made outside Flitmap",
    ),
  (context) => (packagePath: string, options: JournalCommandOptions) => adoptCommand(packagePath, options, context),
);

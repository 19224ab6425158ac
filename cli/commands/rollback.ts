/** `flitmap rollback <package>`: Odoo back to its state before a run (the latest unless --run names one). */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { emitPlan } from "../../compiler/plan/emit.js";
import { Journal } from "../../runtime/journal/journal.js";
import { rollbackRun } from "../../runtime/lifecycle/rollback.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems } from "./compile.js";
import { liveTarget, stateDirectory, type RunCommandOptions } from "./run.js";

export interface RollbackCommandOptions extends Pick<RunCommandOptions, "url" | "db" | "protocol" | "state" | "target" | "set"> {
  readonly run?: string;
  readonly force?: boolean;
}

/** The package's journal, which must exist: there is nothing to roll back or list without one. */
export function openJournal(packagePath: string, options: Pick<RunCommandOptions, "state" | "target" | "set">, context: CommandContext) {
  const analysis = analyzePackageFolder(packagePath, options);
  if (
    reportProblems(
      analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
      context,
    )
  )
    return undefined;
  const plan = emitPlan(analysis);
  const path = join(stateDirectory(context, plan.migration.name, options.state), "journal.jsonl");
  if (!existsSync(path))
    throw new UsageError(
      `no journal at ${relative(context.cwd, path) || path}: ${plan.migration.name} has not run into Odoo from here (give --state DIR if its state is elsewhere)`,
    );
  return { plan, journal: Journal.open(path), path };
}

export async function rollbackCommand(packagePath: string, options: RollbackCommandOptions, context: CommandContext): Promise<number> {
  const opened = openJournal(packagePath, options, context);
  if (opened === undefined) {
    context.stderr("flitmap: the package has errors: nothing was rolled back\n");
    return 1;
  }
  const { plan, journal } = opened;
  const target = await liveTarget(options, context, 500);
  try {
    const result = await rollbackRun({
      journal,
      client: target.client,
      plan,
      ...(options.run === undefined ? {} : { run: options.run }),
      force: options.force === true,
      say: (text) => context.stdout(`${text}\n`),
    });
    if (result.status === "refused" || result.status === "partial") {
      context.stderr(`flitmap: ${result.message}\n`);
      return 1;
    }
    context.stdout(`${result.message}\n`);
    for (const item of result.kept)
      context.stdout(`kept ${item.kind === "record" ? "reference record" : "custom field"} ${item.model} ${item.name}: ${item.why}\n`);
    if (result.unchecked > 0)
      context.stdout(
        `${result.unchecked} record${result.unchecked === 1 ? "" : "s"} could not be checked for later changes (the journal has no write_date for them)\n`,
      );
    return 0;
  } finally {
    journal.close();
    await target.close();
  }
}

export const registerRollback: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("rollback")
    .description("put Odoo back as it was before a run: created records deleted, updated fields restored, unused set-up removed")
    .argument("<package>", "the package folder")
    .option("--run <id>", "the run to roll back (default: the latest not rolled back; flitmap runs lists them)")
    .option("--force", "roll back even records changed in Odoo after the run (their changes are lost)")
    .option("--url <url>", "the Odoo server (default: ODOO_URL); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD")
    .option("--db <name>", "the database (default: ODOO_DB)")
    .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)")
    .option("--state <dir>", "where the journal is kept (default: .flitmap/<migration>)")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, options: RollbackCommandOptions) => {
      exit(await rollbackCommand(packagePath, options, context));
    });
};

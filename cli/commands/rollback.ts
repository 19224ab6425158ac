/**
 * `flitmap rollback <package>`: Odoo back to its state before a run (the latest that wrote
 * something unless --run names one), checked against the Odoo version the run was made for.
 */
import { runStart } from "../../runtime/journal/journal.js";
import { rollbackRun, runToRollBack } from "../../runtime/lifecycle/rollback.js";
import { defineCommand, packageOptions, problemsFound, serverOptions, stateOption, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { damageOutcome, noJournalMessage, openStateJournal, planOfRun } from "./journal.js";
import { liveTarget, type RunCommandOptions } from "./run.js";

export interface RollbackCommandOptions extends Pick<RunCommandOptions, "url" | "db" | "protocol" | "state" | "target" | "set"> {
  readonly run?: string;
  readonly force?: boolean;
  readonly settle?: string;
}

/** `--settle SECONDS`: how long a stopped run's unanswered calls may still land in Odoo. */
function settleMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--settle needs a number of seconds, 0 or more, not "${text}"`);
  return seconds * 1000;
}

export async function rollbackCommand(packagePath: string, options: RollbackCommandOptions, context: CommandContext): Promise<Outcome> {
  const settle = settleMs(options.settle);
  const opened = openStateJournal(packagePath, options, context, "nothing was rolled back");
  const { journal } = opened;
  try {
    // A damaged journal is refused before anything is asked of Odoo.
    const damaged = damageOutcome(journal, packagePath);
    if (damaged !== undefined) return damaged;
    const chosen = runToRollBack(journal, options.run);
    const plan = planOfRun(packagePath, options, context, chosen === undefined ? undefined : runStart(journal.events, chosen.run), opened.plan);
    const target = await liveTarget(options, context, {});
    try {
      const result = await rollbackRun({
        journal,
        client: target.client,
        plan,
        ...(options.run === undefined ? {} : { run: options.run }),
        force: options.force === true,
        say: (text) => context.stdout(`${text}\n`),
        packageArgument: packagePath,
        ...(settle === undefined ? {} : { settleMs: settle }),
      });
      if (result.status === "refused" || result.status === "partial") return problemsFound(result.message);
      if (result.status === "nothing to do" && opened.absent) throw new UsageError(noJournalMessage(plan, opened.path, context));
      context.stdout(`${result.message}\n`);
      for (const item of result.kept)
        context.stdout(`kept ${item.kind === "record" ? "reference record" : "custom field"} ${item.model} ${item.name}: ${item.why}\n`);
      if (result.unchecked > 0)
        context.stdout(
          `${result.unchecked} record${result.unchecked === 1 ? "" : "s"} could not be checked for later changes (the journal has no write_date for them)\n`,
        );
      return SUCCEEDED;
    } finally {
      await target.close();
    }
  } finally {
    journal.close();
  }
}

export const registerRollback = defineCommand(
  (program) =>
    stateOption(
      packageOptions(
        serverOptions(
          program
            .command("rollback")
            .description("put Odoo back as it was before a run: created records deleted, updated fields restored, unused set-up removed")
            .argument("<package>", "the package folder")
            .option("--run <id>", "the run to roll back (default: the latest that wrote something and is not rolled back; flitmap runs lists them)")
            .option("--force", "roll back even records changed in Odoo after the run (their changes are lost)")
            .option(
              "--settle <seconds>",
              "how long after a stopped run's last step its unanswered calls may still land in Odoo, which rollback waits for (default 120, Odoo's limit_time_real)",
            ),
        ),
      ),
      "the journal is kept",
    ),
  (context) => (packagePath: string, options: RollbackCommandOptions) => rollbackCommand(packagePath, options, context),
);

/**
 * `flitmap rollback <package>`: Odoo back to its state before a run (the latest that wrote
 * something unless --run names one), checked against the Odoo version the run was made for.
 */
import { runStart } from "../../runtime/journal/journal.js";
import { rollbackRun, runToRollBack } from "../../runtime/lifecycle/rollback.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { collect } from "./compile.js";
import { noJournalMessage, openStateJournal, planOfRun, reportDamage } from "./journal.js";
import { liveTarget, type RunCommandOptions } from "./run.js";

export interface RollbackCommandOptions extends Pick<RunCommandOptions, "url" | "db" | "protocol" | "state" | "target" | "set"> {
  readonly run?: string;
  readonly force?: boolean;
}

export async function rollbackCommand(packagePath: string, options: RollbackCommandOptions, context: CommandContext): Promise<number> {
  const opened = openStateJournal(packagePath, options, context);
  if (opened === undefined) {
    context.stderr("flitmap: the package has errors: nothing was rolled back\n");
    return 1;
  }
  const { journal } = opened;
  // A damaged journal is refused before anything is asked of Odoo.
  if (reportDamage(journal, packagePath, context)) return 1;
  const chosen = runToRollBack(journal, options.run);
  const plan = planOfRun(packagePath, options, context, chosen === undefined ? undefined : runStart(journal.events, chosen.run), opened.plan);
  if (plan === undefined) return 1;
  const target = await liveTarget(options, context, 500);
  try {
    const result = await rollbackRun({
      journal,
      client: target.client,
      plan,
      ...(options.run === undefined ? {} : { run: options.run }),
      force: options.force === true,
      say: (text) => context.stdout(`${text}\n`),
      packageArgument: packagePath,
    });
    if (result.status === "refused" || result.status === "partial") {
      context.stderr(`flitmap: ${result.message}\n`);
      return 1;
    }
    if (result.status === "nothing to do" && opened.absent) throw new UsageError(noJournalMessage(plan, opened.path, context));
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
    .option("--run <id>", "the run to roll back (default: the latest that wrote something and is not rolled back; flitmap runs lists them)")
    .option("--force", "roll back even records changed in Odoo after the run (their changes are lost)")
    .option("--url <url>", "the Odoo server (default: ODOO_URL); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD")
    .option("--db <name>", "the database (default: ODOO_DB)")
    .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)")
    .option("--state <dir>", "where the journal is kept (default: .flitmap/<migration>)")
    .option("--target <series>", "the Odoo series the run was made for (default: the one its journal records)")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, options: RollbackCommandOptions) => {
      exit(await rollbackCommand(packagePath, options, context));
    });
};

/** `flitmap runs <package>`: the runs in the package's journal, with their state, and any damage to the journal. */
import { summarizeRuns } from "../../runtime/journal/journal.js";
import { runsTable } from "../../runtime/lifecycle/runs.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { collect } from "./compile.js";
import { noJournalMessage, openStateJournal, reportDamage } from "./journal.js";
import type { RunCommandOptions } from "./run.js";

export interface RunsCommandOptions extends Pick<RunCommandOptions, "state" | "target" | "set"> {
  readonly json?: boolean;
}

/** The runs that read back are listed even from a damaged journal; the damage is reported after them and makes the exit code 1. */
export function runsCommand(packagePath: string, options: RunsCommandOptions, context: CommandContext): number {
  const opened = openStateJournal(packagePath, options, context);
  if (opened === undefined) return 1;
  if (opened.absent) throw new UsageError(noJournalMessage(opened.plan, opened.path, context));
  const runs = summarizeRuns(opened.journal.events);
  context.stdout(options.json === true ? `${JSON.stringify(runs, null, 2)}\n` : `${runsTable(runs)}\n`);
  for (const notice of opened.journal.notices) context.stderr(`note: ${notice}\n`);
  return reportDamage(opened.journal, packagePath, context) ? 1 : 0;
}

export const registerRuns: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("runs")
    .description("list the runs of a package's journal: state (complete, interrupted, rolled back), mode, sample or delta, records written")
    .argument("<package>", "the package folder")
    .option("--state <dir>", "where the journal is kept (default: .flitmap/<migration>)")
    .option("--json", "print the runs as JSON")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action((packagePath: string, options: RunsCommandOptions) => {
      exit(runsCommand(packagePath, options, context));
    });
};

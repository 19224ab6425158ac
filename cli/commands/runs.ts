/** `flitmap runs <package>`: the runs in the package's journal, with their state, and any damage to the journal. */
import { summarizeRuns } from "../../runtime/journal/journal.js";
import { runsTable } from "../../runtime/lifecycle/runs.js";
import { defineCommand, packageOptions, stateOption, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { damageOutcome, noJournalMessage, openStateJournal } from "./journal.js";
import type { RunCommandOptions } from "./run.js";

export interface RunsCommandOptions extends Pick<RunCommandOptions, "state" | "target" | "set"> {
  readonly json?: boolean;
}

/** The runs that read back are listed even from a damaged journal; the damage is said after them, as the reason of exit code 1. */
export function runsCommand(packagePath: string, options: RunsCommandOptions, context: CommandContext): Outcome {
  const { plan, path, journal, absent } = openStateJournal(packagePath, options, context, "its runs cannot be listed");
  try {
    if (absent) throw new UsageError(noJournalMessage(plan, path, context));
    const runs = summarizeRuns(journal.events);
    context.stdout(options.json === true ? `${JSON.stringify(runs, null, 2)}\n` : `${runsTable(runs)}\n`);
    for (const notice of journal.notices) context.stderr(`note: ${notice}\n`);
    return damageOutcome(journal, packagePath) ?? SUCCEEDED;
  } finally {
    journal.close();
  }
}

export const registerRuns = defineCommand(
  (program) =>
    stateOption(
      packageOptions(
        program
          .command("runs")
          .description("list the runs of a package's journal: state (complete, interrupted, rolled back), mode, sample or delta, records written")
          .argument("<package>", "the package folder")
          .option("--json", "print the runs as JSON"),
      ),
      "the journal is kept",
    ),
  (context) => (packagePath: string, options: RunsCommandOptions) => runsCommand(packagePath, options, context),
);

/**
 * The skeleton every `flitmap` command is built on: declared once with commander, run as a
 * function of its arguments that returns an `Outcome`, ended the same way (a non-zero exit code
 * always with its reason as the last line), and the options several commands share declared once.
 */
import type { Command } from "commander";
import type { CommandContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { collect } from "./options.js";
import type { RegisterCommand } from "./program.js";

/** How a command ended: done as promised, or not, with the reason said on the last line. */
export type Outcome =
  { readonly exitCode: typeof ExitCode.ok } | { readonly exitCode: typeof ExitCode.problems | typeof ExitCode.cannotRun; readonly why: string };

export const SUCCEEDED: Outcome = { exitCode: ExitCode.ok };

/** Done, but the result is not what the package promises (exit code 1), because of `why`. */
export function problemsFound(why: string): Outcome {
  return { exitCode: ExitCode.problems, why };
}

/** Prints the reason of an outcome that is not a success, as the command's last line; returns its exit code. */
function finish(outcome: Outcome, context: CommandContext): ExitCode {
  if (outcome.exitCode !== ExitCode.ok) context.stderr(`flitmap: ${outcome.why}\n`);
  return outcome.exitCode;
}

/**
 * A command: `declare` adds it (name, arguments, options) to the program; `run` gets the context and
 * returns what commander calls with the command's arguments and options.
 */
export function defineCommand<Args extends unknown[]>(
  declare: (program: Command) => Command,
  run: (context: CommandContext) => (...args: Args) => Promise<Outcome> | Outcome,
): RegisterCommand {
  return ({ program, context, exit }) => {
    declare(program).action(async (...args: Args) => {
      exit(finish(await run(context)(...args), context));
    });
  };
}

/** `--target` and `--set`: which Odoo version the package is checked for, and its settings. */
export function packageOptions(command: Command): Command {
  return command
    .option("--target <series>", "compile against this shipped Odoo catalog (17.0, 18.0, 19.0) instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, []);
}

const URL_HELP = "the Odoo server (default: ODOO_URL); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD";

/** `--url`, `--db`, `--protocol`: the Odoo to talk to (credentials only from the environment). */
export function serverOptions(command: Command, urlHelp: string = URL_HELP): Command {
  return command
    .option("--url <url>", urlHelp)
    .option("--db <name>", "the database (default: ODOO_DB)")
    .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)");
}

/** `--state`: where a package's journal and run reports are kept. */
export function stateOption(command: Command, kept = "the journal and run reports are kept"): Command {
  return command.option("--state <dir>", `where ${kept} (default: the package's own folder in .flitmap/)`);
}

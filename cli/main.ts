/**
 * The `flitmap` command line. Each command is built on one skeleton (command.ts) and ends with an
 * exit code of one contract (exit-codes.ts, as eslint has one): 0 done as the package promises,
 * 1 done but not as it promises, 2 could not be done; a non-zero code with its reason as the
 * last line. Errors are typed values (errors.ts), told apart by type, never by their words.
 */
import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check.js";
import { registerCompile } from "./commands/compile.js";
import { registerExplain } from "./commands/explain.js";
import { registerFmt } from "./commands/fmt.js";
import { registerInit } from "./commands/init.js";
import { registerPlan } from "./commands/plan.js";
import { registerReport } from "./commands/report.js";
import { registerWorkflows } from "./commands/workflows.js";
import { registerRun } from "./commands/run.js";
import { registerDiff } from "./commands/diff.js";
import { registerRollback } from "./commands/rollback.js";
import { registerRuns } from "./commands/runs.js";
import { registerJournalAdopt, registerJournalRebuild } from "./commands/journal.js";
import { registerSchema } from "./commands/schema.js";
import { registerTest } from "./commands/test.js";
import type { CommandContext } from "./context.js";
import { commandErrorOf } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import { packageVersion } from "./package-info.js";
import type { RegisterCommand } from "./program.js";

/** Every command, in the order `flitmap --help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [
  registerCheck,
  registerFmt,
  registerCompile,
  registerPlan,
  registerRun,
  registerDiff,
  registerReport,
  registerWorkflows,
  registerRollback,
  registerRuns,
  registerJournalRebuild,
  registerJournalAdopt,
  registerTest,
  registerInit,
  registerSchema,
  registerExplain,
];

export function defaultContext(): CommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    version: packageVersion(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stdout.isTTY === true && process.env["CI"] === undefined,
  };
}

export async function main(argv: readonly string[], context: CommandContext = defaultContext()): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  const program = new Command();
  program
    .name("flitmap")
    .description("Check, format, compile and run .flitmap mappings that move CRM exports into Odoo.")
    .version(context.version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout(text),
      writeErr: (text) => context.stderr(text),
      // Wrong usage ends, as every other failure does, with a last line that starts `flitmap:`.
      outputError: (text, write) => write(`flitmap: ${text.replace(/^error: /, "")}`),
    });

  const registration = { program, context, exit: (code: ExitCode) => (exitCode = code) };
  for (const register of COMMANDS) register(registration);

  try {
    await program.parseAsync([...argv], { from: "node" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; wrong usage with a non-zero code (commander said why,
      // but for no command at all, where it only shows the help).
      if (error.exitCode === 0) return ExitCode.ok;
      if (error.code === "commander.help") context.stderr("flitmap: no command given: name one of the commands above\n");
      return ExitCode.cannotRun;
    }
    const known = commandErrorOf(error, context.cwd);
    if (known === undefined) throw error;
    context.stderr(`flitmap: ${known.message}\n`);
    return known.exitCode;
  }
  return exitCode;
}

/**
 * The `flitmap` command line. Each command is a function returning an exit code, following eslint:
 * 0 clean, 1 problems found, 2 wrong usage or a file that could not be read.
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
import { registerJournal } from "./commands/journal.js";
import { JournalError } from "../runtime/journal/journal.js";
import { registerSchema } from "./commands/schema.js";
import { registerTest } from "./commands/test.js";
import type { CommandContext } from "./context.js";
import { isOdooError } from "../runtime/odoo/errors.js";
import { UsageError } from "./files.js";
import { packageVersion } from "./package-info.js";
import type { RegisterCommand } from "./program.js";

/** Every command, in the order `flitmap --help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [registerCheck, registerFmt, registerCompile, registerPlan, registerRun, registerDiff, registerReport, registerWorkflows, registerRollback, registerRuns, registerJournal, registerTest, registerInit, registerSchema, registerExplain];

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

export async function main(argv: readonly string[], context: CommandContext = defaultContext()): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name("flitmap")
    .description("Check, format, compile and run .flitmap mappings that move CRM exports into Odoo.")
    .version(context.version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => context.stdout(text), writeErr: (text) => context.stderr(text) });

  const registration = { program, context, exit: (code: number) => (exitCode = code) };
  for (const register of COMMANDS) register(registration);

  try {
    await program.parseAsync([...argv], { from: "node" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; wrong usage with a non-zero code.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      context.stderr(`flitmap: ${error.message}\n`);
      return 2;
    }
    // A journal that went under a command (deleted, replaced, a full disk) stopped it before it wrote what it could not journal.
    if (error instanceof JournalError) {
      context.stderr(`flitmap: ${error.message}\n`);
      return 1;
    }
    // A server that cannot be reached or refuses the credentials is the user's to fix, not a crash.
    if (isOdooError(error)) {
      context.stderr(`flitmap: ${error.message}\n`);
      return error.kind === "configuration" || error.kind === "access-denied" || error.kind === "unknown-database" ? 2 : 1;
    }
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E")) {
      context.stderr(`flitmap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}

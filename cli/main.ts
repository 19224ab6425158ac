/**
 * The `flitmap` command line. Each command is built on one skeleton (command.ts) and ends with an
 * exit code of one contract (exit-codes.ts, as eslint has one): 0 done as the package promises,
 * 1 done but not as it promises, 2 could not be done; a non-zero code with its reason as the
 * last line. Errors are typed values (errors.ts), told apart by type, never by their words.
 */
import { Command, CommanderError } from "commander";
import type { CommandContext } from "./context.js";
import { commandErrorOf } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import { packageVersion } from "./package-info.js";
import type { RegisterCommand } from "./program.js";

/**
 * Every command by the name it is called with, in the order `flitmap --help` lists them; each
 * module is loaded only when needed, so that `flitmap check` does not load the runtime, the
 * connectors or Prettier (the bundle splits each command's code into its own chunk).
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<readonly RegisterCommand[]>])[] = [
  ["check", async () => [(await import("./commands/check.js")).registerCheck]],
  ["fmt", async () => [(await import("./commands/fmt.js")).registerFmt]],
  ["compile", async () => [(await import("./commands/compile.js")).registerCompile]],
  ["plan", async () => [(await import("./commands/plan.js")).registerPlan]],
  ["run", async () => [(await import("./commands/run.js")).registerRun]],
  ["diff", async () => [(await import("./commands/diff.js")).registerDiff]],
  ["report", async () => [(await import("./commands/report.js")).registerReport]],
  ["workflows", async () => [(await import("./commands/workflows.js")).registerWorkflows]],
  ["rollback", async () => [(await import("./commands/rollback.js")).registerRollback]],
  ["runs", async () => [(await import("./commands/runs.js")).registerRuns]],
  [
    "journal",
    async () => {
      const journal = await import("./commands/journal.js");
      return [journal.registerJournalRebuild, journal.registerJournalAdopt];
    },
  ],
  ["test", async () => [(await import("./commands/test.js")).registerTest]],
  ["init", async () => [(await import("./commands/init.js")).registerInit]],
  ["schema", async () => [(await import("./commands/schema.js")).registerSchema]],
  ["explain", async () => [(await import("./commands/explain.js")).registerExplain]],
];

/** The commands' names: bin/flitmap.js keeps a code cache for each (what one command runs is not what another does). */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map(([name]) => name);

/**
 * The commands to register for `argv`: the one it names, when its first argument is a command's
 * name; every one otherwise (`--help`, `help`, `--version`, a mistyped name that commander answers
 * with the names meant).
 */
async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const named = COMMANDS.find(([name]) => name === argv[2]);
  const chosen = named === undefined ? COMMANDS : [named];
  const loaded = await Promise.all(chosen.map(([, load]) => load()));
  return loaded.flat();
}

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
  for (const register of await commandsFor(argv)) register(registration);

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

/**
 * The `flitmap` command line. Each command is a function returning an exit code, following eslint:
 * 0 clean, 1 problems found, 2 wrong usage or a file that could not be read.
 */
import { Command, CommanderError, Option } from "commander";
import { checkCommand } from "./commands/check.js";
import { fmtCommand } from "./commands/fmt.js";
import type { CommandContext } from "./context.js";
import { UsageError } from "./files.js";
import { packageVersion } from "./package-info.js";

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

  program
    .command("check")
    .description("report problems in the .flitmap files under the given paths (default: the current folder)")
    .argument("[paths...]", "files or folders")
    .addOption(new Option("-f, --format <format>", "stylish, json, sarif or github").default("stylish"))
    .option("--max-warnings <count>", "fail when there are more warnings than this")
    .option("--target <series>", "check against this shipped Odoo catalog (17.0, 18.0, 19.0) instead of the package's target")
    .action(async (paths: string[], options: { format: string; maxWarnings?: string; target?: string }) => {
      exitCode = await checkCommand(paths, options, context);
    });

  program
    .command("fmt")
    .description("format .flitmap files in place (with --check, only report the ones that need it)")
    .argument("[paths...]", "files or folders")
    .option("--check", "do not write; exit 1 when a file is not formatted")
    .action(async (paths: string[], options: { check?: boolean }) => {
      exitCode = await fmtCommand(paths, options, context);
    });

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
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E")) {
      context.stderr(`flitmap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}

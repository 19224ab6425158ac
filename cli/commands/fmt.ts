import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import plugin, { FlitmapSyntaxError } from "../../language/prettier-plugin.js";
import { defineCommand, problemsFound, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { findFlitmapFiles } from "../files.js";

export interface FmtOptions {
  readonly check?: boolean;
}

/** Formats through the Prettier plugin, so that `flitmap fmt` and `prettier --write` agree. */
export async function formatText(text: string, path: string): Promise<string> {
  // Prettier's main module is large and only `fmt` needs it.
  const prettier = await import("prettier");
  // The user's Prettier settings for this file (printWidth, ...) apply, so both tools agree.
  const settings = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(text, { ...settings, parser: "flitmap", plugins: [plugin], filepath: path });
}

/** The position and message of a syntax error the plugin threw (Prettier may hand it on as its own error with the same `loc`). */
function syntaxErrorOf(error: unknown): { line: number; column: number; message: string } | undefined {
  if (error instanceof FlitmapSyntaxError) return { ...error.loc.start, message: error.message };
  if (!(error instanceof Error) || !("loc" in error) || typeof error.loc !== "object" || error.loc === null || !("start" in error.loc)) return undefined;
  const start = error.loc.start;
  if (typeof start !== "object" || start === null || !("line" in start) || !("column" in start)) return undefined;
  return typeof start.line === "number" && typeof start.column === "number" ? { line: start.line, column: start.column, message: error.message } : undefined;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export async function fmtCommand(paths: readonly string[], options: FmtOptions, context: CommandContext): Promise<Outcome> {
  const files = await findFlitmapFiles(paths);
  if (files.length === 0) throw new UsageError(`no .flitmap file in ${paths.length === 0 ? "the current folder" : paths.join(", ")}: nothing was formatted`);
  let unformatted = 0;
  let broken = 0;
  let rewritten = 0;
  for (const path of files) {
    const shown = relative(context.cwd, path) || path;
    const text = await readFile(path, "utf8");
    let formatted: string;
    try {
      formatted = await formatText(text, path);
    } catch (error) {
      const syntax = syntaxErrorOf(error);
      if (syntax === undefined) throw error;
      broken += 1;
      // A file with syntax errors is never rewritten.
      context.stderr(`${shown}:${syntax.line}:${syntax.column}: not formatted: ${syntax.message.split("\n")[0] ?? ""}\n`);
      continue;
    }
    if (formatted === text) continue;
    if (options.check === true) {
      unformatted += 1;
      context.stdout(`${shown}: not formatted\n`);
    } else {
      await writeFile(path, formatted, "utf8");
      rewritten += 1;
      context.stdout(`${shown}: formatted\n`);
    }
  }
  if (broken > 0)
    return {
      exitCode: ExitCode.cannotRun,
      why: `${plural(broken, "file")} of ${files.length} could not be formatted: ${broken === 1 ? "its" : "their"} syntax errors are listed above`,
    };
  if (unformatted > 0) return problemsFound(`${unformatted} of ${plural(files.length, "file")} need formatting: run \`flitmap fmt\``);
  if (options.check === true) context.stdout(`checked ${plural(files.length, "file")}: all formatted\n`);
  else context.stdout(`${plural(files.length, "file")}: ${rewritten === 0 ? "all formatted already" : `${rewritten} formatted`}\n`);
  return SUCCEEDED;
}

export const registerFmt = defineCommand(
  (program) =>
    program
      .command("fmt")
      .description("format .flitmap files in place (with --check, only report the ones that need it)")
      .argument("[paths...]", "files or folders")
      .option("--check", "do not write; exit 1 when a file is not formatted"),
  (context) => (paths: string[], options: FmtOptions) => fmtCommand(paths, options, context),
);

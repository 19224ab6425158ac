import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import plugin, { FlitmapSyntaxError } from "../../language/prettier-plugin.js";
import type { CommandContext } from "../context.js";
import type { RegisterCommand } from "../program.js";
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

export async function fmtCommand(paths: readonly string[], options: FmtOptions, context: CommandContext): Promise<number> {
  const files = await findFlitmapFiles(paths);
  let unformatted = 0;
  let broken = 0;
  for (const path of files) {
    const shown = relative(context.cwd, path) || path;
    const text = await readFile(path, "utf8");
    let formatted: string;
    try {
      formatted = await formatText(text, path);
    } catch (error) {
      if (!(error instanceof FlitmapSyntaxError) && !(error instanceof Error && "loc" in error)) throw error;
      broken += 1;
      const loc = (error as FlitmapSyntaxError).loc;
      // A file with syntax errors is never rewritten.
      context.stderr(`${shown}:${loc.start.line}:${loc.start.column}: not formatted: ${(error as Error).message.split("\n")[0] ?? ""}\n`);
      continue;
    }
    if (formatted === text) continue;
    if (options.check === true) {
      unformatted += 1;
      context.stdout(`${shown}: not formatted\n`);
    } else {
      await writeFile(path, formatted, "utf8");
      context.stdout(`${shown}: formatted\n`);
    }
  }
  if (broken > 0) return 2;
  if (unformatted > 0) {
    context.stdout(`${unformatted} of ${files.length} file${files.length === 1 ? "" : "s"} need formatting: run \`flitmap fmt\`\n`);
    return 1;
  }
  return 0;
}

export const registerFmt: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("fmt")
    .description("format .flitmap files in place (with --check, only report the ones that need it)")
    .argument("[paths...]", "files or folders")
    .option("--check", "do not write; exit 1 when a file is not formatted")
    .action(async (paths: string[], options: { check?: boolean }) => {
      exit(await fmtCommand(paths, options, context));
    });
};

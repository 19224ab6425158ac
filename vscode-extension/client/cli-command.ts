/**
 * The command lines behind "Flitmap: Compile Package" and "Flitmap: Run Package Tests". They run
 * the project's CLI (`flitmap compile <folder>`, `flitmap test <folder>`) with the same Node.js
 * that would run it from a terminal, so the editor adds no behaviour of its own.
 */
import { join } from "node:path";

export type CliCommand = "compile" | "test" | "check";

/**
 * Where the CLI's entry script may be, most specific first: the `flitmap.cli.path` setting, the
 * project's own dependency, then a checkout of Flitmap itself (its `bin/flitmap.js`).
 */
export function cliCandidates(configuredPath: string | undefined, workspaceRoot: string | undefined): string[] {
  const candidates: string[] = [];
  if (configuredPath !== undefined && configuredPath.trim() !== "") candidates.push(configuredPath.trim());
  if (workspaceRoot !== undefined) {
    candidates.push(join(workspaceRoot, "node_modules", "flitmap", "bin", "flitmap.js"));
    candidates.push(join(workspaceRoot, "bin", "flitmap.js"));
  }
  return candidates;
}

/** Quotes an argument for a POSIX shell or PowerShell/cmd alike when it holds anything but plain characters. */
export function quoteArgument(argument: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[A-Za-z0-9_\-./:=@]+$/.test(argument)) return argument;
  if (platform === "win32") return `"${argument.replace(/"/g, '""')}"`;
  return `'${argument.replace(/'/g, "'\\''")}'`;
}

/**
 * The shell line that runs `command` on the package in `folder`: `node <cli> compile <folder>` when
 * the CLI script was found, else `flitmap compile <folder>` from the PATH.
 */
export function cliCommandLine(command: CliCommand, folder: string, cliScript: string | undefined, platform: NodeJS.Platform = process.platform): string {
  const program = cliScript === undefined ? ["flitmap"] : ["node", quoteArgument(cliScript, platform)];
  return [...program, command, quoteArgument(folder, platform)].join(" ");
}

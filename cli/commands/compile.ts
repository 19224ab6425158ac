import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { diskHost } from "../../compiler/host.js";
import { emitPlan, serializePlan } from "../../compiler/plan/emit.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import type { CommandContext } from "../context.js";
import { formatStylish } from "../diagnostic-formats.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";

export interface PackageOptions {
  readonly target?: string;
  /** `--set name=value`, repeatable: overrides of the package's settings. */
  readonly set?: readonly string[];
}

/** Collects a repeatable option's values (commander calls it once per occurrence). */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

export function settingOverrides(values: readonly string[] | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const value of values ?? []) {
    const equals = value.indexOf("=");
    if (equals <= 0) throw new UsageError(`--set takes name=value, not "${value}"`);
    settings[value.slice(0, equals).trim()] = value.slice(equals + 1);
  }
  return settings;
}

/** The analysis of a package folder, or a usage error when the folder holds no .flitmap file. */
export function analyzePackageFolder(packagePath: string, options: PackageOptions) {
  const directory = resolve(packagePath);
  if (!diskHost.isDirectory(directory)) throw new UsageError(`${packagePath}: not a folder (a package is a folder of .flitmap files)`);
  if (diskHost.packageFiles(directory).length === 0) throw new UsageError(`${packagePath}: holds no .flitmap file`);
  const settings = settingOverrides(options.set);
  const analysis = analyzeDirectory(directory, { ...(options.target === undefined ? {} : { seriesOverride: options.target }), settings });
  if (analysis.unknownSettingOverrides.length > 0) {
    throw new UsageError(`--set ${analysis.unknownSettingOverrides.join(", ")}: the package declares no such setting (it has ${[...analysis.settings.keys()].join(", ") || "none"})`);
  }
  return analysis;
}

/** Prints a package's problems grouped by file; returns whether any is an error. */
export function reportProblems(diagnostics: readonly Diagnostic[], context: CommandContext): boolean {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  const errors = diagnostics.some((diagnostic) => diagnostic.severity === "error");
  const text = formatStylish([...byFile].map(([file, fileDiagnostics]) => ({ file, diagnostics: fileDiagnostics })), context.cwd);
  (errors ? context.stderr : context.stdout)(text);
  return errors;
}

export async function compileCommand(packagePath: string, options: PackageOptions & { output?: string }, context: CommandContext): Promise<number> {
  const analysis = analyzePackageFolder(packagePath, options);
  if (reportProblems(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"), context)) {
    context.stderr("flitmap: the package has errors: no plan written\n");
    return 1;
  }
  const text = serializePlan(emitPlan(analysis));
  if (options.output === undefined || options.output === "-") {
    context.stdout(text);
  } else {
    await writeFile(resolve(context.cwd, options.output), text, "utf8");
    context.stderr(`plan written to ${relative(context.cwd, resolve(context.cwd, options.output)) || options.output}\n`);
  }
  return 0;
}

export const registerCompile: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("compile")
    .description("check a package and write its transform plan (JSON) for `flitmap run`")
    .argument("<package>", "the package folder")
    .option("-o, --output <file>", "where to write the plan (default: standard output)")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, options: { output?: string; target?: string; set?: string[] }) => {
      exit(await compileCommand(packagePath, options, context));
    });
};

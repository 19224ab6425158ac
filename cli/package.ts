/**
 * Opening a package for a command: its folder analysed with the options' target and settings, its
 * errors printed, and refused with exit code 1 when it has any (nothing is run, compared or
 * reported from a package with errors); the export folder a command reads.
 */
import { resolve } from "node:path";
import { analyzeDirectory, type PackageAnalysis } from "../compiler/analyze.js";
import { diskHost } from "../compiler/host.js";
import { emitPlan } from "../compiler/plan/emit.js";
import type { Plan } from "../compiler/plan/schema.js";
import type { Diagnostic } from "../language/diagnostic.js";
import type { CommandContext } from "./context.js";
import { formatStylish } from "./diagnostic-formats.js";
import { ProblemsFound, UsageError } from "./errors.js";
import { settingOverrides } from "./options.js";

export interface PackageOptions {
  readonly target?: string;
  /** `--set name=value`, repeatable: overrides of the package's settings. */
  readonly set?: readonly string[];
}

/** The analysis of a package folder, or a usage error when the folder holds no .flitmap file. */
export function analyzePackageFolder(packagePath: string, options: PackageOptions): PackageAnalysis {
  const directory = resolve(packagePath);
  if (!diskHost.isDirectory(directory)) throw new UsageError(`${packagePath}: not a folder (a package is a folder of .flitmap files)`);
  if (diskHost.packageFiles(directory).length === 0) throw new UsageError(`${packagePath}: holds no .flitmap file`);
  const settings = settingOverrides(options.set);
  const analysis = analyzeDirectory(directory, { ...(options.target === undefined ? {} : { seriesOverride: options.target }), settings });
  if (analysis.unknownSettingOverrides.length > 0) {
    throw new UsageError(
      `--set ${analysis.unknownSettingOverrides.join(", ")}: the package declares no such setting (it has ${[...analysis.settings.keys()].join(", ") || "none"})`,
    );
  }
  return analysis;
}

/** Prints a package's problems grouped by file; returns whether any is an error. */
export function reportProblems(diagnostics: readonly Diagnostic[], context: CommandContext): boolean {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  const errors = diagnostics.some((diagnostic) => diagnostic.severity === "error");
  const text = formatStylish(
    [...byFile].map(([file, fileDiagnostics]) => ({ file, diagnostics: fileDiagnostics })),
    context.cwd,
  );
  (errors ? context.stderr : context.stdout)(text);
  return errors;
}

export interface CompiledPackage {
  readonly analysis: PackageAnalysis;
  readonly plan: Plan;
}

/**
 * The package compiled to its plan. Its errors are printed, and a package with any is refused
 * (`ProblemsFound`, exit code 1) with `consequence` said: "nothing was run".
 */
export function compilePackage(packagePath: string, options: PackageOptions, context: CommandContext, consequence: string): CompiledPackage {
  const analysis = analyzePackageFolder(resolve(context.cwd, packagePath), options);
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (reportProblems(errors, context)) throw new ProblemsFound(`the package has ${errors.length} error${errors.length === 1 ? "" : "s"}: ${consequence}`);
  return { analysis, plan: emitPlan(analysis) };
}

/** The export folder of `--source`, which the command needs and must exist. */
export function exportFolder(source: string | undefined, context: CommandContext, command: string): string {
  if (source === undefined) throw new UsageError(`${command} needs --source DIR, the folder of the export`);
  const directory = resolve(context.cwd, source);
  if (!diskHost.isDirectory(directory)) throw new UsageError(`--source ${source}: not a folder`);
  return directory;
}

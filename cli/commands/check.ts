import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Option } from "commander";
import { analyzePackage, type SourceFile } from "../../compiler/analyze.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import { SYNTAX_CODES } from "../../language/syntax-codes.js";
import { RULES } from "../../compiler/rules/index.js";
import { defineCommand, problemsFound, SUCCEEDED, type Outcome } from "../command.js";
import { DIAGNOSTIC_FORMATS, formatDiagnostics, type DiagnosticFormat, type FileDiagnostics } from "../diagnostic-formats.js";
import { UsageError } from "../errors.js";
import { findFlitmapFiles } from "../files.js";
import type { CommandContext } from "../context.js";
import { collect, settingOverrides } from "../options.js";

export interface CheckOptions {
  readonly format: string;
  readonly maxWarnings?: string;
  readonly target?: string;
  readonly set?: readonly string[];
}

function parseFormat(format: string): DiagnosticFormat {
  const known = DIAGNOSTIC_FORMATS.find((candidate) => candidate === format);
  if (known === undefined) throw new UsageError(`unknown format "${format}": use one of ${DIAGNOSTIC_FORMATS.join(", ")}`);
  return known;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < -1) throw new UsageError(`--max-warnings needs a whole number, not "${value}"`);
  return parsed < 0 ? undefined : parsed;
}

/** Files grouped by folder: a package is every .flitmap file of one folder. */
function groupByPackage(paths: readonly string[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  for (const path of paths) {
    const folder = dirname(path);
    packages.set(folder, [...(packages.get(folder) ?? []), path]);
  }
  return packages;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export async function checkCommand(paths: readonly string[], options: CheckOptions, context: CommandContext): Promise<Outcome> {
  const format = parseFormat(options.format);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const files = await findFlitmapFiles(paths);
  // Nothing checked is not a clean check: a path that holds no package is a mistake worth a word.
  if (files.length === 0) throw new UsageError(`no .flitmap file in ${paths.length === 0 ? "the current folder" : paths.join(", ")}: nothing was checked`);
  const reports: FileDiagnostics[] = [];
  const packages = groupByPackage(files);
  for (const packageFiles of packages.values()) {
    const sources: SourceFile[] = await Promise.all(packageFiles.map(async (path) => ({ path, text: await readFile(path, "utf8") })));
    const analysis = analyzePackage(sources, {
      ...(options.target === undefined ? {} : { seriesOverride: options.target }),
      settings: settingOverrides(options.set),
    });
    const byFile = new Map<string, Diagnostic[]>(packageFiles.map((path) => [path, []]));
    for (const diagnostic of analysis.diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
    for (const [file, diagnostics] of byFile) reports.push({ file, diagnostics });
  }
  const descriptions = [...SYNTAX_CODES, ...RULES.map((rule) => ({ code: rule.code, name: rule.name, summary: rule.summary }))];
  context.stdout(formatDiagnostics(format, reports, context.cwd, descriptions, context.version));
  const count = (severity: Diagnostic["severity"]): number =>
    reports.reduce((total, report) => total + report.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length, 0);
  const errors = count("error");
  const warnings = count("warning");
  const checked = `${plural(files.length, "file")} in ${plural(packages.size, "package")}`;
  if (errors > 0) return problemsFound(`${plural(errors, "error")} in ${checked}`);
  if (maxWarnings !== undefined && warnings > maxWarnings)
    return problemsFound(`${plural(warnings, "warning")} in ${checked}, more than --max-warnings ${maxWarnings}`);
  // Machine formats keep standard output to the report alone.
  (format === "stylish" ? context.stdout : context.stderr)(
    `checked ${checked}: ${warnings === 0 ? "no problems" : `no errors, ${plural(warnings, "warning")}`}\n`,
  );
  return SUCCEEDED;
}

export const registerCheck = defineCommand(
  (program) =>
    program
      .command("check")
      .description("report problems in the .flitmap files under the given paths (default: the current folder)")
      .argument("[paths...]", "files or folders")
      .addOption(new Option("-f, --format <format>", "stylish, json, sarif or github").default("stylish"))
      .option("--max-warnings <count>", "fail when there are more warnings than this")
      .option("--target <series>", "check against this shipped Odoo catalog (17.0, 18.0, 19.0) instead of the package's target")
      .option("--set <name=value>", "override a setting of the packages (repeatable)", collect, []),
  (context) => (paths: string[], options: CheckOptions) => checkCommand(paths, options, context),
);

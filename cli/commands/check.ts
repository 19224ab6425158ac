import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { analyzePackage, type SourceFile } from "../../compiler/analyze.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import { SYNTAX_CODES } from "../../language/syntax-codes.js";
import { RULES } from "../../compiler/rules/index.js";
import { DIAGNOSTIC_FORMATS, formatDiagnostics, type DiagnosticFormat, type FileDiagnostics } from "../diagnostic-formats.js";
import { findFlitmapFiles, UsageError } from "../files.js";
import type { CommandContext } from "../context.js";
import type { RegisterCommand } from "../program.js";
import { collect, settingOverrides } from "./compile.js";
import { Option } from "commander";

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

export async function checkCommand(paths: readonly string[], options: CheckOptions, context: CommandContext): Promise<number> {
  const format = parseFormat(options.format);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const files = await findFlitmapFiles(paths);
  const reports: FileDiagnostics[] = [];
  for (const packageFiles of groupByPackage(files).values()) {
    const sources: SourceFile[] = await Promise.all(packageFiles.map(async (path) => ({ path, text: await readFile(path, "utf8") })));
    const analysis = analyzePackage(sources, { ...(options.target === undefined ? {} : { seriesOverride: options.target }), settings: settingOverrides(options.set) });
    const byFile = new Map<string, Diagnostic[]>(packageFiles.map((path) => [path, []]));
    for (const diagnostic of analysis.diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
    for (const [file, diagnostics] of byFile) reports.push({ file, diagnostics });
  }
  const descriptions = [...SYNTAX_CODES, ...RULES.map((rule) => ({ code: rule.code, name: rule.name, summary: rule.summary }))];
  context.stdout(formatDiagnostics(format, reports, context.cwd, descriptions, context.version));
  const errors = reports.reduce((total, report) => total + report.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length, 0);
  const warnings = reports.reduce((total, report) => total + report.diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    if (format === "stylish") context.stderr(`flitmap found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

export const registerCheck: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("check")
    .description("report problems in the .flitmap files under the given paths (default: the current folder)")
    .argument("[paths...]", "files or folders")
    .addOption(new Option("-f, --format <format>", "stylish, json, sarif or github").default("stylish"))
    .option("--max-warnings <count>", "fail when there are more warnings than this")
    .option("--target <series>", "check against this shipped Odoo catalog (17.0, 18.0, 19.0) instead of the package's target")
    .option("--set <name=value>", "override a setting of the packages (repeatable)", collect, [])
    .action(async (paths: string[], options: { format: string; maxWarnings?: string; target?: string; set?: string[] }) => {
      exit(await checkCommand(paths, options, context));
    });
};

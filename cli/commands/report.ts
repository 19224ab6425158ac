/**
 * `flitmap report <package> [--run ID] [--format md|json|html] [-o FILE]`: the audit trail of a
 * run (runtime/lifecycle/report.ts), read from the migration's state folder. Exit codes: 0 for a
 * report of a complete run, 1 when the run did not complete or its counts do not add up, 2 when
 * there is no such run or the usage is wrong.
 */
import { writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Journal } from "../../runtime/journal/journal.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { buildAuditReport, readRunRecords, ReportError } from "../../runtime/lifecycle/report.js";
import { reportHtml, reportMarkdown } from "../../runtime/lifecycle/report-render.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems } from "./compile.js";
import { planOfRun, runStartFor } from "./journal.js";
import { stateDirectory } from "./run.js";

export interface ReportCommandOptions {
  readonly run?: string;
  readonly format?: string;
  readonly output?: string;
  readonly state?: string;
  readonly target?: string;
  readonly set?: readonly string[];
}

const FORMATS = ["md", "json", "html"] as const;

export async function reportCommand(packagePath: string, options: ReportCommandOptions, context: CommandContext): Promise<number> {
  const format = options.format ?? "md";
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(", ")}, not "${format}"`);
  const analysis = analyzePackageFolder(resolve(context.cwd, packagePath), options);
  if (
    reportProblems(
      analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
      context,
    )
  ) {
    context.stderr("flitmap: the package has errors: fix them to read its runs\n");
    return 1;
  }
  const packaged = emitPlan(analysis);
  const state = stateDirectory(context, packaged.migration.name, options.state);
  const journalPath = join(state, "journal.jsonl");
  // The report reads the run through the plan it was made with (its Odoo series and settings).
  const plan = existsSync(journalPath)
    ? planOfRun(resolve(context.cwd, packagePath), options, context, runStartFor(Journal.open(journalPath), options.run), packaged)
    : packaged;
  if (plan === undefined) return 1;
  let report;
  try {
    report = buildAuditReport(plan, readRunRecords(state, options.run));
  } catch (error) {
    if (error instanceof ReportError) throw new UsageError(error.message);
    throw error;
  }
  const text =
    format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === "html"
        ? reportHtml(report, `flitmap ${context.version} report, ${new Date().toISOString()}`)
        : reportMarkdown(report);
  if (options.output === undefined || options.output === "-") context.stdout(text);
  else {
    const path = resolve(context.cwd, options.output);
    await writeFile(path, text, "utf8");
    context.stderr(`report of run ${report.run} written to ${relative(context.cwd, path) || path}\n`);
  }
  const unbalanced = report.entities.some((entity) => !entity.balanced);
  return report.state === "complete" && !unbalanced ? 0 : 1;
}

export const registerReport: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("report")
    .description("the audit trail of a run: rows in, loaded, skipped and rejected per entity and model, every decision that is not obvious, timings, warnings")
    .argument("<package>", "the package folder")
    .option("--run <id>", "the run to report (default: the latest; `flitmap runs` lists them)")
    .option("--format <format>", "md (default), json or html")
    .option("-o, --output <file>", "where to write the report (default: standard output)")
    .option("--state <dir>", "where the journal and run reports are kept (default: .flitmap/<migration>)")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, options: ReportCommandOptions) => {
      exit(await reportCommand(packagePath, options, context));
    });
};

/**
 * `flitmap report <package> [--run ID] [--format md|json|html] [-o FILE]`: the audit trail of a
 * run (runtime/lifecycle/report.ts), read from the package's state folder. Exit codes: 0 for a
 * report of a complete run whose counts add up and whose result was what the package promises,
 * 1 otherwise, 2 when there is no such run or the usage is wrong.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Journal } from "../../runtime/journal/journal.js";
import { buildAuditReport, readRunRecords, ReportError } from "../../runtime/lifecycle/report.js";
import { reportHtml, reportMarkdown } from "../../runtime/render/report.js";
import { defineCommand, packageOptions, problemsFound, stateOption, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { compilePackage, type PackageOptions } from "../package.js";
import { stateDirectory } from "../state-folder.js";
import { planOfRun, runStartFor } from "./journal.js";

export interface ReportCommandOptions extends PackageOptions {
  readonly run?: string;
  readonly format?: string;
  readonly output?: string;
  readonly state?: string;
}

const FORMATS = ["md", "json", "html"] as const;

export async function reportCommand(packagePath: string, options: ReportCommandOptions, context: CommandContext): Promise<Outcome> {
  const format = FORMATS.find((candidate) => candidate === (options.format ?? "md"));
  if (format === undefined) throw new UsageError(`--format takes ${FORMATS.join(", ")}, not "${options.format ?? ""}"`);
  const { analysis, plan: packaged } = compilePackage(packagePath, options, context, "fix them to read its runs");
  const state = stateDirectory(context, { directory: analysis.directory, migration: packaged.migration.name }, options.state, "read");
  const journalPath = join(state, "journal.jsonl");
  // The report reads the run through the plan it was made with (its Odoo series and settings).
  const plan = existsSync(journalPath) ? planOfRun(packagePath, options, context, runStartFor(Journal.open(journalPath), options.run), packaged) : packaged;
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
  if (report.state !== "complete") return problemsFound(`run ${report.run} is ${report.state}`);
  const unbalanced = report.entities.filter((entity) => !entity.balanced).map((entity) => entity.entity);
  if (unbalanced.length > 0) return problemsFound(`the counts of run ${report.run} do not add up for ${unbalanced.join(", ")}`);
  const [first] = report.problems;
  if (first !== undefined)
    return problemsFound(
      `run ${report.run} was not what the package promises: ${first}${report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : ""}`,
    );
  return SUCCEEDED;
}

export const registerReport = defineCommand(
  (program) =>
    stateOption(
      packageOptions(
        program
          .command("report")
          .description(
            "the audit trail of a run: rows in, loaded, skipped and rejected per entity and model, every decision that is not obvious, timings, warnings",
          )
          .argument("<package>", "the package folder")
          .option("--run <id>", "the run to report (default: the latest; `flitmap runs` lists them)")
          .option("--format <format>", "md (default), json or html")
          .option("-o, --output <file>", "where to write the report (default: standard output)"),
      ),
    ),
  (context) => (packagePath: string, options: ReportCommandOptions) => reportCommand(packagePath, options, context),
);

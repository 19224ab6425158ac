/**
 * `flitmap plan <package> --source DIR [--url URL] [--json FILE] [--html FILE]`: the assessment
 * before anything moves (runtime/lifecycle/assess.ts). Exit codes: 0 when a run would go through
 * and be what the package promises (rejected rows within --max-rejects and unmatched owners are
 * findings, not failures), 1 when it would not (a `halt` lookup misses, the target lacks an app or
 * a record the package names as existing, the package has errors, or the run would end with
 * problems: files missing, columns absent, a file in another encoding, too many rejects), 2 on
 * wrong usage.
 */
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { assess } from "../../runtime/lifecycle/assess.js";
import { assessmentHtml, assessmentText } from "../../runtime/render/assessment.js";
import { schemaTargetFacts, serverTargetFacts, type TargetFacts } from "../../runtime/lifecycle/target-facts.js";
import type { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { defineCommand, packageOptions, problemsFound, serverOptions, SUCCEEDED, type Outcome } from "../command.js";
import type { ConnectionCommandOptions } from "../connection.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { compilePackage, exportFolder, type PackageOptions } from "../package.js";
import { liveTarget, rejectLimitOf, reporterFor } from "./run.js";

export interface PlanCommandOptions extends ConnectionCommandOptions, PackageOptions {
  readonly source?: string;
  readonly json?: string;
  readonly html?: string;
  readonly maxRejects?: string;
  /** Print the reading and lookup lines of the dry run (default: only the summary). */
  readonly verbose?: boolean;
}

export async function planCommand(packagePath: string, options: PlanCommandOptions, context: CommandContext): Promise<Outcome> {
  const sourceDirectory = exportFolder(options.source, context, "plan");
  const rejectLimit = rejectLimitOf(options.maxRejects);
  const { analysis, plan } = compilePackage(packagePath, options, context, "nothing was assessed");
  const schema = analysis.target.baseSchema;
  if (schema === undefined) throw new UsageError(`${packagePath}: the package has no usable target`);
  const ignoredColumns = new Map<string, Set<string>>();
  for (const column of analysis.checked.ignoredColumns.keys()) {
    const name = column.group === undefined ? column.name : `${column.group.name}.${column.name}`;
    ignoredColumns.set(column.entity.name, (ignoredColumns.get(column.entity.name) ?? new Set()).add(name));
  }
  const useServer = options.url !== undefined || context.env["ODOO_URL"] !== undefined;
  let reader: OdooTarget | undefined;
  let facts: TargetFacts;
  try {
    if (useServer) {
      reader = await liveTarget(options, context, {}, plan.target.series);
      facts = await serverTargetFacts(plan, reader.client);
    } else {
      facts = schemaTargetFacts(plan, schema);
    }
    const quiet = { line: () => undefined };
    const assessment = await assess({
      plan,
      sourceDirectory,
      facts,
      ...(reader === undefined ? {} : { reader }),
      ignoredColumns,
      rejectLimit,
      reporter: options.verbose === true ? reporterFor(context) : quiet,
    });
    context.stdout(assessmentText(assessment));
    const shown = (path: string): string => relative(context.cwd, path) || path;
    if (options.json !== undefined) {
      const path = resolve(context.cwd, options.json);
      await writeFile(path, `${JSON.stringify(assessment, null, 2)}\n`, "utf8");
      context.stdout(`\nassessment as JSON: ${shown(path)}\n`);
    }
    if (options.html !== undefined) {
      const path = resolve(context.cwd, options.html);
      await writeFile(path, assessmentHtml(assessment, `flitmap ${context.version} plan, ${new Date().toISOString()}`), "utf8");
      context.stdout(`${options.json === undefined ? "\n" : ""}assessment as a page: ${shown(path)}\n`);
    }
    if (assessment.outcome !== "ready") return problemsFound(`a run would stop before writing anything: ${assessment.message ?? assessment.outcome}`);
    if (assessment.apps.missing.length > 0)
      return problemsFound(`the target lacks ${assessment.apps.missing.join(", ")}: a run cannot load what the package maps`);
    const missing = assessment.records.filter((record) => record.status === "missing");
    if (missing.length > 0)
      return problemsFound(
        `the target lacks ${missing.length} record${missing.length === 1 ? "" : "s"} the package names as existing: a run would stop at setup`,
      );
    const [first] = assessment.problems;
    if (first !== undefined)
      return problemsFound(
        `a run would not be what the package promises: ${first}${assessment.problems.length > 1 ? ` (and ${assessment.problems.length - 1} more under Warnings)` : ""}`,
      );
    return SUCCEEDED;
  } finally {
    await reader?.close();
  }
}

export const registerPlan = defineCommand(
  (program) =>
    packageOptions(
      serverOptions(
        program
          .command("plan")
          .description(
            "assess an export before anything moves: counts, custom fields and records to create, owners that match, links, rejects, unread data, apps",
          )
          .argument("<package>", "the package folder")
          .option("--source <dir>", "the folder of the export (CSV files)"),
        "ask this Odoo what it already holds (default: ODOO_URL; without either, the package's catalog); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD",
      )
        .option("--json <file>", "also write the assessment as JSON")
        .option("--html <file>", "also write the assessment as a self-contained HTML page")
        .option("--max-rejects <limit>", "the rejected rows per entity a run would be allowed (as `flitmap run --max-rejects`; default 50%)"),
    ).option("--verbose", "print what the dry run reads and looks up"),
  (context) => (packagePath: string, options: PlanCommandOptions) => planCommand(packagePath, options, context),
);

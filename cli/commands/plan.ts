/**
 * `flitmap plan <package> --source DIR [--url URL] [--json FILE] [--html FILE]`: the assessment
 * before anything moves (runtime/lifecycle/assess.ts). Exit codes: 0 when a run would go through
 * (rejected rows and unmatched owners are findings, not failures), 1 when it would not (a `halt`
 * lookup misses, the target lacks an app or a record the package names as existing, or the
 * package has errors), 2 on wrong usage.
 */
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { diskHost } from "../../compiler/host.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { assess } from "../../runtime/lifecycle/assess.js";
import { assessmentHtml, assessmentText } from "../../runtime/lifecycle/assess-render.js";
import { schemaTargetFacts, serverTargetFacts, type TargetFacts } from "../../runtime/lifecycle/target-facts.js";
import type { OdooTarget } from "../../runtime/targets/odoo-target.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems } from "./compile.js";
import { liveTarget, reporterFor } from "./run.js";

export interface PlanCommandOptions {
  readonly source?: string;
  readonly url?: string;
  readonly db?: string;
  readonly protocol?: string;
  readonly json?: string;
  readonly html?: string;
  readonly target?: string;
  readonly set?: readonly string[];
  /** Print the reading and lookup lines of the dry run (default: only the summary). */
  readonly verbose?: boolean;
}

export async function planCommand(packagePath: string, options: PlanCommandOptions, context: CommandContext): Promise<number> {
  if (options.source === undefined) throw new UsageError("plan needs --source DIR, the folder of the export to assess");
  const sourceDirectory = resolve(context.cwd, options.source);
  if (!diskHost.isDirectory(sourceDirectory)) throw new UsageError(`--source ${options.source}: not a folder`);
  const analysis = analyzePackageFolder(resolve(context.cwd, packagePath), options);
  if (
    reportProblems(
      analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
      context,
    )
  ) {
    context.stderr("flitmap: the package has errors: nothing was assessed\n");
    return 1;
  }
  const plan = emitPlan(analysis);
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
      reader = await liveTarget(options, context, 500, plan.target.series);
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
    const blocked = assessment.outcome !== "ready" || assessment.apps.missing.length > 0 || assessment.records.some((record) => record.status === "missing");
    return blocked ? 1 : 0;
  } finally {
    await reader?.close();
  }
}

export const registerPlan: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("plan")
    .description("assess an export before anything moves: counts, custom fields and records to create, owners that match, links, rejects, unread data, apps")
    .argument("<package>", "the package folder")
    .option("--source <dir>", "the folder of the export (CSV files)")
    .option(
      "--url <url>",
      "ask this Odoo what it already holds (default: ODOO_URL; without either, the package's catalog); credentials come from ODOO_USER with ODOO_API_KEY or ODOO_PASSWORD",
    )
    .option("--db <name>", "the database (default: ODOO_DB)")
    .option("--protocol <protocol>", "auto, xmlrpc or json2 (default: ODOO_PROTOCOL, else chosen from the server's version)")
    .option("--json <file>", "also write the assessment as JSON")
    .option("--html <file>", "also write the assessment as a self-contained HTML page")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .option("--verbose", "print what the dry run reads and looks up")
    .action(async (packagePath: string, options: PlanCommandOptions) => {
      exit(await planCommand(packagePath, options, context));
    });
};

/**
 * `flitmap workflows <package> --source DIR [--file GLOB] [-o FILE]`: the workflow rebuild
 * reference (runtime/lifecycle/workflows.ts) as Markdown. The export's workflow file is found by
 * its header (Perfect Books' `workflows.csv`, PerfectView's `workflows_NNN.csv`); `--file` narrows
 * the files looked at. Exit codes: 0 with workflows found, 1 when the export holds none, 2 on
 * wrong usage.
 */
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { findWorkflowExports, readWorkflows, rebuildGuide, type WorkflowGuide } from "../../runtime/lifecycle/workflows.js";
import { workflowsMarkdown } from "../../runtime/render/workflows.js";
import { defineCommand, packageOptions, problemsFound, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { compilePackage, exportFolder } from "../package.js";

export interface WorkflowsCommandOptions {
  readonly source?: string;
  readonly file?: string;
  readonly output?: string;
  readonly target?: string;
  readonly set?: readonly string[];
}

export async function workflowsCommand(packagePath: string, options: WorkflowsCommandOptions, context: CommandContext): Promise<Outcome> {
  const sourceDirectory = exportFolder(options.source, context, "workflows");
  const { plan } = compilePackage(packagePath, options, context, "fix them first (the reference names the models the package loads)");
  const exports = await findWorkflowExports(sourceDirectory, options.file);
  if (exports.length === 0)
    return problemsFound(
      `no workflow export in ${options.source ?? ""}${options.file === undefined ? "" : ` matching ${options.file}`}: Flitmap recognises Perfect Books' workflows.csv and PerfectView's workflows_NNN.csv by their header row`,
    );
  const guides: WorkflowGuide[] = [];
  for (const exported of exports)
    for (const workflow of await readWorkflows(sourceDirectory, exported)) guides.push(rebuildGuide(plan, exported.layout, workflow));
  const text = workflowsMarkdown(
    plan,
    guides,
    exports.map((exported) => exported.file),
  );
  if (options.output === undefined || options.output === "-") context.stdout(text);
  else {
    const path = resolve(context.cwd, options.output);
    await writeFile(path, text, "utf8");
    context.stderr(`${guides.length} workflow${guides.length === 1 ? "" : "s"} written to ${relative(context.cwd, path) || path}\n`);
  }
  return SUCCEEDED;
}

export const registerWorkflows = defineCommand(
  (program) =>
    packageOptions(
      program
        .command("workflows")
        .description("render the export's workflow definitions as a rebuild reference for Odoo (trigger, conditions, actions, the Odoo feature for each)")
        .argument("<package>", "the package folder")
        .option("--source <dir>", "the folder of the export")
        .option("--file <glob>", "the workflow file(s) in the export (default: any CSV file with a known workflow header)")
        .option("-o, --output <file>", "where to write the Markdown (default: standard output)"),
    ),
  (context) => (packagePath: string, options: WorkflowsCommandOptions) => workflowsCommand(packagePath, options, context),
);

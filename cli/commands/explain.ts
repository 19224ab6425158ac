import { relative } from "node:path";
import { explainField, renderExplanation } from "../../compiler/explain.js";
import { defineCommand, packageOptions, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { analyzePackageFolder, type PackageOptions } from "../package.js";

export async function explainCommand(
  packagePath: string,
  fieldPath: string,
  options: PackageOptions & { json?: boolean },
  context: CommandContext,
): Promise<Outcome> {
  const dot = fieldPath.lastIndexOf(".");
  if (dot <= 0 || dot === fieldPath.length - 1) throw new UsageError(`explain takes <model>.<field>, e.g. res.partner.name, not "${fieldPath}"`);
  const model = fieldPath.slice(0, dot);
  const field = fieldPath.slice(dot + 1);
  // A package with errors is still explained: what it does write is what the user is asking about.
  const analysis = analyzePackageFolder(packagePath, options);
  const explanation = explainField(analysis, model, field);
  if (!explanation.known && explanation.writers.length === 0) throw new UsageError(explanation.description);
  if (options.json === true) context.stdout(`${JSON.stringify(explanation, null, 2)}\n`);
  else context.stdout(renderExplanation(explanation, (path) => relative(context.cwd, path) || path));
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  if (errors > 0) context.stderr(`flitmap: the package has ${errors} error${errors === 1 ? "" : "s"} (flitmap check): parts of this may be missing\n`);
  return SUCCEEDED;
}

export const registerExplain = defineCommand(
  (program) =>
    packageOptions(
      program
        .command("explain")
        .description("show where a target field's value comes from: the maps that write it, their conditions, source columns, steps, tables and lookups")
        .argument("<package>", "the package folder")
        .argument("<field>", "the Odoo field, as model.field (e.g. crm.lead.partner_id)")
        .option("--json", "print the lineage as JSON"),
    ),
  (context) => (packagePath: string, fieldPath: string, options: PackageOptions & { json?: boolean }) =>
    explainCommand(packagePath, fieldPath, options, context),
);

import { relative } from "node:path";
import { explainField, renderExplanation } from "../../compiler/explain.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, type PackageOptions } from "./compile.js";

export async function explainCommand(packagePath: string, fieldPath: string, options: PackageOptions & { json?: boolean }, context: CommandContext): Promise<number> {
  const dot = fieldPath.lastIndexOf(".");
  if (dot <= 0 || dot === fieldPath.length - 1) throw new UsageError(`explain takes <model>.<field>, e.g. res.partner.name, not "${fieldPath}"`);
  const model = fieldPath.slice(0, dot);
  const field = fieldPath.slice(dot + 1);
  const analysis = analyzePackageFolder(packagePath, options);
  const explanation = explainField(analysis, model, field);
  if (options.json === true) context.stdout(`${JSON.stringify(explanation, null, 2)}\n`);
  else context.stdout(renderExplanation(explanation, (path) => relative(context.cwd, path) || path));
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  if (errors > 0) context.stderr(`flitmap: the package has ${errors} error${errors === 1 ? "" : "s"} (flitmap check): parts of this may be missing\n`);
  return explanation.writers.length === 0 && !explanation.description.includes(":") ? 1 : 0;
}

export const registerExplain: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("explain")
    .description("show where a target field's value comes from: the maps that write it, their conditions, source columns, steps, tables and lookups")
    .argument("<package>", "the package folder")
    .argument("<field>", "the Odoo field, as model.field (e.g. crm.lead.partner_id)")
    .option("--json", "print the lineage as JSON")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, fieldPath: string, options: PackageOptions & { json?: boolean }) =>
      exit(await explainCommand(packagePath, fieldPath, options, context)),
    );
};

import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { compareSeries, listShippedSeries, loadShippedCatalog, stableJson, type OdooSchema } from "../../compiler/catalog/index.js";
import { packageModels } from "../../compiler/package-models.js";
import { pullSchema } from "../../runtime/odoo/schema-pull.js";
import { defineCommand, serverOptions, SUCCEEDED, type Outcome } from "../command.js";
import { connectFromCommandLine, type ConnectionCommandOptions } from "../connection.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { analyzePackageFolder } from "../package.js";

export interface SchemaPullCommandOptions extends ConnectionCommandOptions {
  readonly output?: string;
  readonly models?: string;
}

/** The shipped catalog of the server's serie, else the newest older one: what the product knows to ask for. */
function nearestCatalog(serie: string): OdooSchema {
  const series = listShippedSeries().sort(compareSeries);
  const chosen = [...series].reverse().find((candidate) => compareSeries(candidate, serie) <= 0) ?? series[0];
  if (chosen === undefined) throw new UsageError("no shipped Odoo catalog to take the model list from: name the models with --models");
  return loadShippedCatalog(chosen);
}

/** Reference models and the fields their recorded records carry (stages: sequence, is_won, ...). */
function referenceModelsOf(catalog: OdooSchema): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [model, records] of Object.entries(catalog.references)) {
    result[model] = [...new Set(records.flatMap((record) => Object.keys(record.values)))].filter((field) => field !== "id" && field !== "xmlid").sort();
  }
  return result;
}

export async function schemaPullCommand(packagePath: string | undefined, options: SchemaPullCommandOptions, context: CommandContext): Promise<Outcome> {
  if (options.output === undefined) throw new UsageError("schema pull needs -o FILE, the schema file to write (e.g. odoo-schema.json)");
  const listed = (options.models ?? "")
    .split(",")
    .map((model) => model.trim())
    .filter((model) => model !== "");
  const fromPackage = packagePath === undefined ? [] : packageModels(analyzePackageFolder(packagePath, {}));
  const client = await connectFromCommandLine(options, context);
  try {
    const catalog = nearestCatalog(client.serie);
    const models = [...new Set([...listed, ...fromPackage, ...(listed.length === 0 && packagePath === undefined ? Object.keys(catalog.models) : [])])].sort();
    context.stdout(`reading ${models.length} models${packagePath === undefined ? "" : ` used by ${packagePath}`}\n`);
    const { schema, skipped } = await pullSchema(client, {
      models,
      referenceModels: referenceModelsOf(catalog),
      onProgress: (message) => context.stdout(`  ${message}\n`),
    });
    const path = resolve(context.cwd, options.output);
    await writeFile(path, stableJson(schema));
    const custom = Object.values(schema.models).reduce((count, model) => count + Object.values(model.fields).filter((field) => field.custom).length, 0);
    context.stdout(
      `schema of Odoo ${schema.serverVersion} written to ${relative(context.cwd, path) || path}: ${Object.keys(schema.models).length} models, ${custom} custom fields, ${skipped.length} fields left out\n` +
        `use it with \`target odoo schema "${relative(packagePath === undefined ? context.cwd : resolve(context.cwd, packagePath), path)}"\` in the migration block\n`,
    );
    for (const field of skipped) context.stdout(`  left out ${field.model}.${field.field}: ${field.reason}\n`);
    return SUCCEEDED;
  } finally {
    await client.close();
  }
}

export const registerSchema = defineCommand(
  (program) =>
    serverOptions(
      program
        .command("schema")
        .description("work with Odoo schemas: pull one from a server for offline checks")
        .command("pull")
        .description("read the models a package uses (or --models, or every model Flitmap knows) from a live Odoo into a schema file")
        .argument("[package]", "the package whose models to read")
        .option("-o, --output <file>", "the schema file to write")
        .option("--models <list>", "models to read, comma-separated (added to the package's)"),
    ),
  (context) => (packagePath: string | undefined, options: SchemaPullCommandOptions) => schemaPullCommand(packagePath, options, context),
);

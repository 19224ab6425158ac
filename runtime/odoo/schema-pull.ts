/**
 * `flitmap schema pull`: reads a live server's schema (the models a package uses, their fields,
 * defaults, custom fields, installed modules, reference records with their external IDs) into
 * the schema file format the compiler checks against, so CI can lint offline against the
 * customer's own custom fields and modules. The reading is here; the reduction is the compiler's
 * pure `schemaFromOdoo`, the same one that builds the shipped catalogs from recordings.
 */
import {
  RawFieldsGetEntry,
  RawIrModel,
  RawModule,
  RawReferenceRecord,
  schemaFromOdoo,
  type ConvertedSchema,
  type RawModelInput,
} from "../../compiler/catalog/from-odoo.js";
import { z } from "zod";
import type { OdooField, OdooModel, OdooSchema } from "../../compiler/catalog/schema.js";
import type { OdooClient } from "./client.js";
import { isOdooError } from "./errors.js";

/** The attributes of fields_get that decide types, writability and lineage (`depends` above all). */
export const PULLED_FIELD_ATTRIBUTES = [
  "type",
  "string",
  "help",
  "required",
  "readonly",
  "store",
  "relation",
  "relation_field",
  "selection",
  "size",
  "digits",
  "company_dependent",
  "translate",
  "manual",
  "related",
  "depends",
  "model_field",
] as const;

export interface SchemaPullOptions {
  /** The models to read; relation targets are not followed unless listed. */
  readonly models: readonly string[];
  /** Models whose records the compiler knows by name (stages, teams, countries, ...), with the fields to read. */
  readonly referenceModels: Readonly<Record<string, readonly string[]>>;
  /** Progress lines for the terminal. */
  readonly onProgress?: (message: string) => void;
}

function parsed<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** An ir.model.fields row of a custom field, as the writability rules read it. */
const CustomFieldRow = z.looseObject({
  name: z.string(),
  model: z.string(),
  state: z.enum(["base", "manual"]),
  store: z.boolean(),
  readonly: z.boolean(),
  related: z.union([z.string(), z.literal(false), z.null()]).optional(),
  compute: z.union([z.string(), z.literal(false), z.null()]).optional(),
  depends: z.union([z.string(), z.literal(false), z.null()]).optional(),
});

function errorText(error: unknown): string {
  return isOdooError(error) ? error.message : error instanceof Error ? error.message : String(error);
}

export async function pullSchema(client: OdooClient, options: SchemaPullOptions): Promise<ConvertedSchema> {
  const say = options.onProgress ?? ((): void => undefined);
  const notes: string[] = [`Pulled from ${client.url} (database ${client.database}) over ${client.protocol}.`];

  const modules = (await client.searchReadAll("ir.module.module", [["state", "=", "installed"]], ["name", "application", "installed_version"])).flatMap(
    (row) => parsed(RawModule, row) ?? [],
  );
  say(`${modules.length} modules installed`);

  const irModels = (await client.searchReadAll("ir.model", [["model", "in", [...options.models]]], ["model", "name", "order", "state", "transient", "modules"])).flatMap(
    (row) => parsed(RawIrModel, row) ?? [],
  );
  const found = new Set(irModels.map((model) => model.model));
  const absent = options.models.filter((model) => !found.has(model));
  if (absent.length > 0) notes.push(`Not on this server: ${absent.join(", ")}.`);

  const customRows = (await client.searchReadAll(
    "ir.model.fields",
    [
      ["model", "in", [...found]],
      ["state", "=", "manual"],
    ],
    ["name", "model", "state", "store", "readonly", "related", "compute", "depends"],
  )).flatMap((row) => parsed(CustomFieldRow, row) ?? []);

  const models: RawModelInput[] = [];
  for (const irModel of irModels) {
    const described = await client.fieldsGet(irModel.model, [...PULLED_FIELD_ATTRIBUTES]);
    const fieldsGet: Record<string, RawFieldsGetEntry> = {};
    for (const [name, entry] of Object.entries(described)) {
      const field = parsed(RawFieldsGetEntry, entry);
      if (field !== undefined) fieldsGet[name] = field;
    }
    let defaultGet: Record<string, unknown> | undefined;
    try {
      const answer = await client.call(irModel.model, "default_get", [Object.keys(fieldsGet)]);
      if (typeof answer === "object" && answer !== null && !Array.isArray(answer)) defaultGet = answer as Record<string, unknown>;
    } catch (error) {
      // XML-RPC cannot carry a None default (recorded: error_server_cannot_marshal_none): the defaults stay unknown.
      notes.push(`default_get of ${irModel.model} could not be read (${errorText(error).split("\n")[0] ?? ""}); its defaults are unknown.`);
    }
    const irFields = customRows.filter((row) => row.model === irModel.model);
    models.push({ irModel, fieldsGet, defaultGet, irFields });
    say(`${irModel.model}: ${Object.keys(fieldsGet).length} fields`);
  }

  const references: Record<string, RawReferenceRecord[]> = {};
  for (const [model, fields] of Object.entries(options.referenceModels)) {
    if (!found.has(model) && !(await modelExists(client, model))) continue;
    const rows = await client.searchReadAll(model, [], [...new Set(["name", ...fields])], { context: { active_test: false } });
    const ids = rows.map((row) => row.id);
    const xmlids = new Map<number, string>();
    if (ids.length > 0) {
      const data = await client.searchReadAll(
        "ir.model.data",
        [
          ["model", "=", model],
          ["res_id", "in", ids],
        ],
        ["module", "name", "res_id"],
      );
      for (const row of data) if (typeof row["res_id"] === "number" && !xmlids.has(row["res_id"])) xmlids.set(row["res_id"], `${String(row["module"])}.${String(row["name"])}`);
    }
    references[model] = rows.flatMap((row): RawReferenceRecord[] => {
      const record = parsed(RawReferenceRecord, { ...row, xmlid: xmlids.get(row.id) ?? false });
      return record === undefined ? [] : [record];
    });
    say(`${model}: ${rows.length} reference records`);
  }

  notes.push("Date and datetime defaults are the server's clock when it answered: they are kept as `hasDefault` without their value, so a re-pull diffs cleanly.");
  const converted = schemaFromOdoo({
    origin: "server",
    version: { server_version: client.serverVersion, server_serie: client.serie },
    modules,
    models,
    references,
    notes,
  });
  return { ...converted, schema: withoutClockDefaults(converted.schema) };
}

/** default_get answers "now" for date and datetime fields: a moment, not a setting, so only `hasDefault` is kept. */
function withoutClockDefaults(schema: OdooSchema): OdooSchema {
  const models: Record<string, OdooModel> = {};
  for (const [name, model] of Object.entries(schema.models)) {
    const fields: Record<string, OdooField> = {};
    for (const [fieldName, field] of Object.entries(model.fields)) {
      if ((field.type === "date" || field.type === "datetime") && typeof field.default === "string") {
        const { default: _clock, ...rest } = field;
        fields[fieldName] = rest;
      } else fields[fieldName] = field;
    }
    models[name] = { ...model, fields };
  }
  return { ...schema, models };
}

async function modelExists(client: OdooClient, model: string): Promise<boolean> {
  return (await client.searchCount("ir.model", [["model", "=", model]])) > 0;
}

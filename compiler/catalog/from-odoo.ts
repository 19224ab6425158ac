/**
 * Reduces what an Odoo server answers (common.version, ir.module.module, ir.model, fields_get,
 * default_get, ir.model.fields, reference records) to the schema file format.
 *
 * Pure: scripts/build-catalogs.ts feeds it recordings, `schema pull` will feed it live answers.
 * The raw shapes are validated here because both sources are outside data.
 */
import { z } from "zod";
import {
  ODOO_FIELD_TYPES,
  SCHEMA_FORMAT,
  type OdooField,
  type OdooFieldType,
  type OdooModel,
  type OdooModule,
  type OdooSchema,
  type ReferenceRecord,
  type SelectionOption,
} from "./schema.js";
import { compareText } from "./json.js";
import { deriveWritability, type IrModelFieldsRow } from "./writability.js";

/** common.version() */
export const RawServerVersion = z.looseObject({
  server_version: z.string(),
  server_serie: z.string(),
});
export type RawServerVersion = z.infer<typeof RawServerVersion>;

/** A row of ir.module.module (state installed). */
export const RawModule = z.looseObject({
  name: z.string(),
  application: z.boolean(),
  installed_version: z.union([z.string(), z.literal(false)]).optional(),
});
export type RawModule = z.infer<typeof RawModule>;

/** A row of ir.model. `modules` is Odoo's comma-separated list. */
export const RawIrModel = z.looseObject({
  model: z.string(),
  name: z.string(),
  order: z.string().optional(),
  state: z.string().optional(),
  transient: z.boolean(),
  modules: z.string().optional(),
});
export type RawIrModel = z.infer<typeof RawIrModel>;

/** One field of a fields_get answer; Odoo sends false for absent text attributes. */
export const RawFieldsGetEntry = z.looseObject({
  type: z.string(),
  string: z.string().optional(),
  help: z.union([z.string(), z.literal(false)]).optional(),
  required: z.boolean().optional(),
  readonly: z.boolean().optional(),
  store: z.boolean().optional(),
  relation: z.union([z.string(), z.literal(false)]).optional(),
  relation_field: z.union([z.string(), z.literal(false)]).optional(),
  model_field: z.union([z.string(), z.literal(false)]).optional(),
  selection: z.array(z.tuple([z.unknown(), z.unknown()])).optional(),
  size: z.union([z.number(), z.literal(false)]).optional(),
  digits: z.union([z.tuple([z.number(), z.number()]), z.number(), z.literal(false)]).optional(),
  company_dependent: z.boolean().optional(),
  translate: z.union([z.boolean(), z.string()]).optional(),
  manual: z.boolean().optional(),
  // A dotted path; older servers describe it as a list of names.
  related: z.union([z.string(), z.array(z.string()).transform((names) => names.join(".")), z.literal(false), z.null()]).optional(),
  depends: z.array(z.string()).optional(),
});
export type RawFieldsGetEntry = z.infer<typeof RawFieldsGetEntry>;

/** A reference record as read() returns it, with its external id under `xmlid`. */
export const RawReferenceRecord = z.looseObject({
  id: z.number().int().optional(),
  name: z.unknown().optional(),
  xmlid: z.union([z.string(), z.literal(false)]).optional(),
});
export type RawReferenceRecord = z.infer<typeof RawReferenceRecord>;

export interface RawModelInput {
  readonly irModel: RawIrModel;
  readonly fieldsGet: Readonly<Record<string, RawFieldsGetEntry>>;
  /** default_get of every field; undefined when the server would not answer it. */
  readonly defaultGet: Readonly<Record<string, unknown>> | undefined;
  /** The model's ir.model.fields rows, when the source read them (schema pull). */
  readonly irFields?: readonly IrModelFieldsRow[];
}

export interface RawSchemaInput {
  readonly origin: OdooSchema["origin"];
  readonly version: RawServerVersion;
  readonly modules: readonly RawModule[];
  readonly models: readonly RawModelInput[];
  readonly references: Readonly<Record<string, readonly RawReferenceRecord[]>>;
  readonly notes: readonly string[];
}

/** A field left out of the schema, with why. */
export interface SkippedField {
  readonly model: string;
  readonly field: string;
  readonly reason: string;
}

export interface ConvertedSchema {
  readonly schema: OdooSchema;
  readonly skipped: readonly SkippedField[];
}

/**
 * The char field naming the target model of each many2one_reference of the recorded models
 * (the `model_field` argument in Odoo's sources). Used only when fields_get did not report it.
 */
export const KNOWN_MODEL_FIELDS: Readonly<Record<string, string>> = {
  "calendar.event.res_id": "res_model",
  "ir.attachment.res_id": "res_model",
  "ir.model.data.res_id": "model",
  "mail.activity.res_id": "res_model",
  "mail.followers.res_id": "res_model",
  "mail.message.res_id": "model",
};

/**
 * res.users adds one boolean per group (in_group_12) and one selection per group category
 * (sel_groups_2_4) to its fields_get in 17.0 and 18.0: virtual fields whose names carry
 * database-specific group ids, so a mapping written against one database cannot rely on them.
 */
const DATABASE_SPECIFIC_FIELD = /^(in_group_\d+|sel_groups_\d+(?:_\d+)*)$/;

const KNOWN_TYPES: ReadonlySet<string> = new Set(ODOO_FIELD_TYPES);

function isFieldType(type: string): type is OdooFieldType {
  return KNOWN_TYPES.has(type);
}

function text(value: string | false | null | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function isEmptyRelationalDefault(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  // [] or [[6, 0, []]] (set to nothing) or [[5]] (clear): no record linked.
  return value.every((command) => Array.isArray(command) && ((command[0] === 6 && Array.isArray(command[2]) && command[2].length === 0) || command[0] === 5));
}

/** default_get answers null or false when a field has no value; false is a value only for booleans. */
export function defaultIsValue(type: OdooFieldType, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (value === false) return type === "boolean";
  if ((type === "one2many" || type === "many2many") && isEmptyRelationalDefault(value)) return false;
  return true;
}

function selectionOptions(raw: RawFieldsGetEntry["selection"]): SelectionOption[] | undefined {
  if (raw === undefined) return undefined;
  const options: SelectionOption[] = [];
  for (const [value, label] of raw) {
    // Odoo's own selections have string keys; a false key is the "empty" choice of virtual fields.
    if (typeof value === "string") options.push({ value, label: typeof label === "string" ? label : String(label) });
    else if (typeof value === "number") options.push({ value: String(value), label: String(label) });
  }
  return options;
}

function digitsOf(raw: RawFieldsGetEntry["digits"]): OdooField["digits"] {
  if (Array.isArray(raw)) return [raw[0], raw[1]];
  if (raw === 0) return 0;
  return undefined;
}

export function fieldFromOdoo(
  modelName: string,
  fieldName: string,
  raw: RawFieldsGetEntry,
  type: OdooFieldType,
  defaults: Readonly<Record<string, unknown>> | undefined,
  reflection: IrModelFieldsRow | undefined,
): OdooField {
  const field: OdooField = {
    name: fieldName,
    type,
    label: raw.string ?? fieldName,
    required: raw.required === true,
    readonly: reflection?.readonly ?? raw.readonly === true,
    store: reflection?.store ?? raw.store === true,
    hasDefault: false,
    custom: reflection ? reflection.state === "manual" : raw.manual === true,
    writability: deriveWritability(raw, reflection),
  };
  const help = text(raw.help);
  if (help !== undefined && help.trim() !== "") field.help = help;
  const relation = text(raw.relation);
  if (relation !== undefined) field.relation = relation;
  const relationField = text(raw.relation_field);
  if (relationField !== undefined) field.relationField = relationField;
  if (type === "many2one_reference") {
    const modelField = text(raw.model_field) ?? KNOWN_MODEL_FIELDS[`${modelName}.${fieldName}`];
    if (modelField !== undefined) field.modelField = modelField;
  }
  const selection = selectionOptions(raw.selection);
  if (selection !== undefined) field.selection = selection;
  const related = text(reflection?.related) ?? text(raw.related);
  if (related !== undefined) field.related = related;
  if (raw.company_dependent === true) field.companyDependent = true;
  // Odoo 18+ may describe translate as a string ("html_translate"); any truthy value means translated.
  if (raw.translate !== undefined && raw.translate !== false && raw.translate !== "") field.translate = true;
  if (typeof raw.size === "number" && raw.size > 0) field.size = raw.size;
  const digits = digitsOf(raw.digits);
  if (digits !== undefined) field.digits = digits;
  if (defaults !== undefined && Object.prototype.hasOwnProperty.call(defaults, fieldName)) {
    const value = defaults[fieldName];
    if (defaultIsValue(type, value)) {
      field.hasDefault = true;
      field.default = value;
    }
  }
  return field;
}

export function modelFromOdoo(input: RawModelInput): { model: OdooModel; skipped: SkippedField[] } {
  const name = input.irModel.model;
  const skipped: SkippedField[] = [];
  const reflections = new Map((input.irFields ?? []).map((row) => [row.name, row] as const));
  const fields: Record<string, OdooField> = {};
  for (const fieldName of Object.keys(input.fieldsGet).sort()) {
    const raw = input.fieldsGet[fieldName];
    if (raw === undefined) continue;
    if (name === "res.users" && DATABASE_SPECIFIC_FIELD.test(fieldName)) {
      skipped.push({ model: name, field: fieldName, reason: "virtual group field whose name carries a database-specific id" });
      continue;
    }
    if (!isFieldType(raw.type)) {
      skipped.push({ model: name, field: fieldName, reason: `field type "${raw.type}" is not in the schema format` });
      continue;
    }
    fields[fieldName] = fieldFromOdoo(name, fieldName, raw, raw.type, input.defaultGet, reflections.get(fieldName));
  }
  const model: OdooModel = {
    name,
    label: input.irModel.name,
    transient: input.irModel.transient,
    custom: input.irModel.state === "manual",
    modules: (input.irModel.modules ?? "")
      .split(",")
      .map((module) => module.trim())
      .filter((module) => module !== "")
      .sort(),
    fields,
  };
  if (input.irModel.order !== undefined && input.irModel.order !== "") model.order = input.irModel.order;
  if (input.defaultGet === undefined) model.defaultsUnknown = true;
  return { model, skipped };
}

function moduleFromOdoo(raw: RawModule): OdooModule {
  const module: OdooModule = { name: raw.name, application: raw.application };
  if (typeof raw.installed_version === "string" && raw.installed_version !== "") module.version = raw.installed_version;
  return module;
}

function referenceFromOdoo(raw: RawReferenceRecord): ReferenceRecord | undefined {
  if (typeof raw.name !== "string") return undefined;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== "id" && key !== "name" && key !== "xmlid") values[key] = value;
  }
  const record: ReferenceRecord = { name: raw.name, values };
  if (typeof raw.xmlid === "string" && raw.xmlid !== "") record.xmlid = raw.xmlid;
  if (raw.id !== undefined) record.id = raw.id;
  return record;
}

export function schemaFromOdoo(input: RawSchemaInput): ConvertedSchema {
  const skipped: SkippedField[] = [];
  const models: Record<string, OdooModel> = {};
  for (const rawModel of [...input.models].sort((a, b) => compareText(a.irModel.model, b.irModel.model))) {
    const converted = modelFromOdoo(rawModel);
    models[converted.model.name] = converted.model;
    skipped.push(...converted.skipped);
  }
  const references: Record<string, ReferenceRecord[]> = {};
  for (const modelName of Object.keys(input.references).sort()) {
    const records = (input.references[modelName] ?? []).map(referenceFromOdoo).filter((record): record is ReferenceRecord => record !== undefined);
    references[modelName] = records;
  }
  const schema: OdooSchema = {
    format: SCHEMA_FORMAT,
    origin: input.origin,
    serie: input.version.server_serie,
    serverVersion: input.version.server_version,
    notes: [...input.notes],
    modules: input.modules.map(moduleFromOdoo).sort((a, b) => compareText(a.name, b.name)),
    models,
    references,
  };
  return { schema, skipped };
}

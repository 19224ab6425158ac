/**
 * The schema file format: what the compiler knows about an Odoo database.
 *
 * One format serves the catalogs shipped with Flitmap (built from recordings of real servers by
 * scripts/build-catalogs.ts) and the files `flitmap schema pull` writes from a customer's server,
 * so a mapping can be linted offline against either. docs/catalogs.md describes every field.
 */
import { z } from "zod";

/** Bumped when a reader of the previous format would misread a file. */
export const SCHEMA_FORMAT = 1;

/** Every field type fields_get reported on the recorded 17.0, 18.0 and 19.0 servers, plus `reference`. */
export const ODOO_FIELD_TYPES = [
  "binary",
  "boolean",
  "char",
  "date",
  "datetime",
  "float",
  "html",
  "integer",
  "json",
  "many2many",
  "many2one",
  "many2one_reference",
  "monetary",
  "one2many",
  "properties",
  "properties_definition",
  "reference",
  "selection",
  "text",
] as const;

const fieldTypeSchema = () => z.enum(ODOO_FIELD_TYPES);
export type OdooFieldType = z.infer<ReturnType<typeof fieldTypeSchema>>;

/**
 * Whether a value written through the API (create/write/load) is kept.
 * "unknown" is an honest answer: the source the schema came from could not tell (see reason).
 */
const writabilitySchema = () =>
  z
    .object({
      writable: z.enum(["yes", "no", "unknown"]),
      reason: z.string().min(1),
    })
    .strict();
export type Writability = z.infer<ReturnType<typeof writabilitySchema>>;

const selectionOptionSchema = () =>
  z
    .object({
      value: z.string(),
      label: z.string(),
    })
    .strict();
export type SelectionOption = z.infer<ReturnType<typeof selectionOptionSchema>>;

const fieldSchema = () =>
  z
    .object({
      name: z.string().min(1),
      type: fieldTypeSchema(),
      label: z.string(),
      /** Odoo's tooltip; editors show it on hover. */
      help: z.string().optional(),
      /** The ORM flag only: a Python or SQL constraint can still refuse an empty value (see constraints.ts). */
      required: z.boolean(),
      /** Read-only in Odoo's forms; says nothing by itself about the API (see writability). */
      readonly: z.boolean(),
      store: z.boolean(),
      /** Target model of many2one, one2many, many2many. */
      relation: z.string().optional(),
      /** The many2one on the target model that a one2many mirrors. */
      relationField: z.string().optional(),
      /** The char field naming the target model of a many2one_reference (e.g. mail.activity.res_model). */
      modelField: z.string().optional(),
      selection: z.array(selectionOptionSchema()).optional(),
      /** Dotted path of a related field, when the source told it (schema pull). */
      related: z.string().optional(),
      companyDependent: z.literal(true).optional(),
      translate: z.literal(true).optional(),
      size: z.number().int().positive().optional(),
      /** [precision, scale] of a float, or 0 for "no rounding". */
      digits: z.union([z.tuple([z.number().int(), z.number().int()]), z.literal(0)]).optional(),
      /** The ORM default for a new record, as default_get returned it for the user who recorded it. */
      default: z.unknown().optional(),
      /** default_get fills a value (false counts only for booleans; null never). */
      hasDefault: z.boolean(),
      /** A custom field (`x_` name, ir.model.fields state "manual"). */
      custom: z.boolean(),
      writability: writabilitySchema(),
    })
    .strict();
export type OdooField = z.infer<ReturnType<typeof fieldSchema>>;

const modelSchema = () =>
  z
    .object({
      name: z.string().min(1),
      label: z.string(),
      transient: z.boolean(),
      /** A model created through ir.model (x_ name), not by a module. */
      custom: z.boolean(),
      /** Modules that define or extend the model. */
      modules: z.array(z.string()),
      /** The model's default _order. */
      order: z.string().optional(),
      /** default_get could not be read for this model, so hasDefault is false everywhere in it. */
      defaultsUnknown: z.literal(true).optional(),
      fields: z.record(z.string(), fieldSchema()),
    })
    .strict();
export type OdooModel = z.infer<ReturnType<typeof modelSchema>>;

const moduleSchema = () =>
  z
    .object({
      name: z.string().min(1),
      /** An app in Odoo's Apps menu (crm, sale_management, helpdesk...), not a technical module. */
      application: z.boolean(),
      version: z.string().optional(),
    })
    .strict();
export type OdooModule = z.infer<ReturnType<typeof moduleSchema>>;

const referenceRecordSchema = () =>
  z
    .object({
      /** Stable across databases (module.name); ids are not. */
      xmlid: z.string().optional(),
      /** The id in the database the schema came from. */
      id: z.number().int().optional(),
      name: z.string(),
      /** Other fields as read(): many2one as [id, display_name]. */
      values: z.record(z.string(), z.unknown()),
    })
    .strict();
export type ReferenceRecord = z.infer<ReturnType<typeof referenceRecordSchema>>;

const buildOdooSchema = () =>
  z
    .object({
      format: z.literal(SCHEMA_FORMAT),
      /** "catalog": shipped with Flitmap; "server": pulled from a live database. */
      origin: z.enum(["catalog", "server"]),
      /** Odoo's server_serie, e.g. "17.0" or "saas~17.2". */
      serie: z.string().min(1),
      /** Odoo's server_version, e.g. "17.0-20240709". */
      serverVersion: z.string(),
      /** Where the data came from and what it can and cannot tell, in words. */
      notes: z.array(z.string()),
      /** Installed modules. */
      modules: z.array(moduleSchema()),
      models: z.record(z.string(), modelSchema()),
      /** Existing records per model (stages, teams, countries...), matched by xmlid or name. */
      references: z.record(z.string(), z.array(referenceRecordSchema())),
    })
    .strict();
export type OdooSchema = z.infer<ReturnType<typeof buildOdooSchema>>;

let odooSchema: ReturnType<typeof buildOdooSchema> | undefined;

/**
 * The schema file's validation, its zod schemas built when a file is first validated: the shipped
 * catalogs are read without it (compiler/catalog/load.ts), and building them cost every start of
 * the CLI.
 */
export const OdooSchema = {
  parse: (data: unknown): OdooSchema => (odooSchema ??= buildOdooSchema()).parse(data),
  safeParse: (data: unknown) => (odooSchema ??= buildOdooSchema()).safeParse(data),
};

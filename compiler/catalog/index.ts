/**
 * What the compiler asks about an Odoo database: pure lookups over a loaded schema, and loading
 * (shipped catalogs, pulled schema files) at the edge, in load.ts.
 */
import { computedOnCreate } from "./computed.js";
import { constraintFactsFor, type ConstraintFact } from "./constraints.js";
import { listShippedSeries, loadShippedCatalog } from "./load.js";
import { fieldChange, type FieldChange } from "./renames.js";
import type { OdooField, OdooFieldType, OdooModel, OdooSchema, ReferenceRecord, SelectionOption } from "./schema.js";
import { suggestNames } from "./suggest.js";

export * from "./schema.js";
export { deriveWritability, type FieldsGetWritabilityInput, type IrModelFieldsRow } from "./writability.js";
export {
  listShippedSeries,
  loadShippedCatalog,
  loadSchemaFile,
  parseSchemaText,
  formatJsonPath,
  type SchemaFileResult,
  type SchemaFileLocation,
} from "./load.js";
export { compareSeries, parseSerie } from "./series.js";
export { suggestNames, editDistance, nameWords } from "./suggest.js";
export { FIELD_CHANGES, fieldChange, type FieldChange } from "./renames.js";
export { CONSTRAINT_FACTS, constraintFactsFor, type AcyclicConstraint, type ConstraintFact, type RangeConstraint, type RequiredByConstraint } from "./constraints.js";
export { schemaFromOdoo, modelFromOdoo, fieldFromOdoo, type RawSchemaInput, type RawModelInput } from "./from-odoo.js";
export { stableJson } from "./json.js";
export { FILLED_BY_ODOO, filledByOdoo, SYNCED_FIELDS, syncedFieldsOf, type FilledByOdoo, type SyncedFieldsFact } from "./synced-fields.js";
export { COMPUTED_ON_CREATE, computedOnCreate, type ComputedOnCreate } from "./computed.js";
export { READONLY_COLUMNS, readonlyColumn, STORED_COMPUTES, storedCompute, type ReadonlyColumn, type StoredCompute } from "./readonly-columns.js";

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function findModel(schema: OdooSchema, model: string): OdooModel | undefined {
  return own(schema.models, model);
}

export function findField(schema: OdooSchema, model: string, field: string): OdooField | undefined {
  const found = findModel(schema, model);
  return found === undefined ? undefined : own(found.fields, field);
}

/** Whether a module is installed (e.g. "helpdesk", to choose a conditional target). */
export function hasModule(schema: OdooSchema, module: string): boolean {
  return schema.modules.some((installed) => installed.name === module);
}

export function suggestModelNames(schema: OdooSchema, candidate: string, limit = 5): string[] {
  return suggestNames(candidate, Object.keys(schema.models), limit);
}

/**
 * "Did you mean" for a field: the successor of a field Odoo renamed comes first (planned_revenue
 * → expected_revenue), then names ranked by suggestNames.
 */
export function suggestFieldNames(schema: OdooSchema, model: string, candidate: string, limit = 5): string[] {
  const found = findModel(schema, model);
  if (found === undefined) return [];
  const names = Object.keys(found.fields);
  const successor = fieldChange(model, candidate, schema.serie)?.to;
  const first = successor !== undefined && own(found.fields, successor) !== undefined ? [successor] : [];
  const rest = suggestNames(candidate, names, limit).filter((name) => !first.includes(name));
  return [...first, ...rest].slice(0, limit);
}

/** What became of a field that is not in the schema, when Odoo renamed or removed it. */
export function renamedField(schema: OdooSchema, model: string, field: string): FieldChange | undefined {
  if (findField(schema, model, field) !== undefined) return undefined;
  return fieldChange(model, field, schema.serie);
}

/** The shipped series whose catalog has `model.field`, oldest first: res.partner.mobile → ["17.0", "18.0"]. */
export function seriesHavingField(model: string, field: string): string[] {
  return listShippedSeries().filter((serie) => findField(loadShippedCatalog(serie), model, field) !== undefined);
}

/** The shipped series whose catalog has `model`, oldest first. */
export function seriesHavingModel(model: string): string[] {
  return listShippedSeries().filter((serie) => findModel(loadShippedCatalog(serie), model) !== undefined);
}

export function selectionValues(field: OdooField): string[] {
  return (field.selection ?? []).map((option) => option.value);
}

/** A field that must have a value on create, and why. */
export interface RequiredField {
  readonly field: OdooField;
  /** "orm": fields_get required; "constraint": a curated constraint fact (fields_get says optional). */
  readonly source: "orm" | "constraint";
  readonly constraint?: ConstraintFact;
}

/** Fields a new record of `model` needs, with their defaults (field.hasDefault) for the caller to weigh. */
export function requiredFields(schema: OdooSchema, model: string): RequiredField[] {
  const found = findModel(schema, model);
  if (found === undefined) return [];
  const required: RequiredField[] = Object.values(found.fields)
    .filter((field) => field.required)
    .map((field) => ({ field, source: "orm" as const }));
  for (const fact of constraintFactsFor(model)) {
    const field = own(found.fields, fact.field);
    if (fact.kind !== "required" || field === undefined || field.required) continue;
    required.push({ field, source: "constraint", constraint: fact });
  }
  return required.sort((a, b) => (a.field.name < b.field.name ? -1 : a.field.name > b.field.name ? 1 : 0));
}

/** A required field a step leaves out that Odoo neither defaults nor always computes on create. */
export interface UnsetRequiredField extends RequiredField {
  /** The fields Odoo computes it from on create (crm.lead's name from its partner); empty when none. */
  readonly computedFrom: readonly string[];
}

/**
 * The required fields a record of `model` gets no value for when a step writes only `written`
 * (and `inverse`, a child's link to its parent): FM405 reports them in the package, and the plan
 * carries them, so that a run refuses each row Odoo would refuse even where the check was demoted.
 */
export function unsetRequiredFields(schema: OdooSchema, model: string, written: ReadonlySet<string>, inverse?: string): UnsetRequiredField[] {
  const unset: UnsetRequiredField[] = [];
  for (const required of requiredFields(schema, model)) {
    const { field } = required;
    if (written.has(field.name) || field.name === inverse || field.hasDefault || field.writability.writable === "no") continue;
    const computed = computedOnCreate(model, field.name);
    if (computed !== undefined && computed.from.length === 0) continue;
    unset.push({ ...required, computedFrom: computed?.from ?? [] });
  }
  return unset;
}

/** Curated constraint facts (required-by-constraint, value ranges, hierarchies without cycles) on one field. */
export function fieldConstraints(model: string, field: string): ConstraintFact[] {
  return constraintFactsFor(model).filter((fact) => fact.field === field);
}

export interface ReferenceMatch {
  readonly model: string;
  readonly record: ReferenceRecord;
}

/** The reference record with external id `xmlid` (e.g. "crm.stage_lead4"), in any model. */
export function referenceRecord(schema: OdooSchema, xmlid: string): ReferenceMatch | undefined {
  for (const [model, records] of Object.entries(schema.references)) {
    const record = records.find((candidate) => candidate.xmlid === xmlid);
    if (record !== undefined) return { model, record };
  }
  return undefined;
}

export function referenceRecords(schema: OdooSchema, model: string): readonly ReferenceRecord[] {
  return own(schema.references, model) ?? [];
}

/** Field types `extend` may declare: what ir.model.fields accepts for custom fields. */
export const CUSTOM_FIELD_TYPES = [
  "binary",
  "boolean",
  "char",
  "date",
  "datetime",
  "float",
  "html",
  "integer",
  "many2many",
  "many2one",
  "monetary",
  "one2many",
  "selection",
  "text",
] as const satisfies readonly OdooFieldType[];

/** A custom field an `extend` block declares. */
export interface CustomFieldAddition {
  readonly model: string;
  readonly name: string;
  readonly type: OdooFieldType;
  readonly label: string;
  readonly help?: string;
  readonly required?: boolean;
  readonly relation?: string;
  readonly relationField?: string;
  readonly selection?: readonly SelectionOption[];
  readonly size?: number;
}

export interface CustomFieldProblem {
  readonly addition: CustomFieldAddition;
  readonly message: string;
}

const CUSTOM_TYPE_SET: ReadonlySet<string> = new Set(CUSTOM_FIELD_TYPES);

/** What Odoo would refuse, or what would clash, in custom field declarations; empty when all is well. */
export function customFieldProblems(schema: OdooSchema, additions: readonly CustomFieldAddition[]): CustomFieldProblem[] {
  const problems: CustomFieldProblem[] = [];
  const seen = new Set<string>();
  for (const addition of additions) {
    const report = (message: string): void => {
      problems.push({ addition, message });
    };
    const key = `${addition.model}.${addition.name}`;
    if (seen.has(key)) report(`${key} is declared twice; keep one declaration`);
    seen.add(key);
    if (!addition.name.startsWith("x_")) {
      report(`custom field names must start with "x_" (Odoo refuses "${addition.name}"); rename it to x_${addition.name}`);
    } else if (!/^x_[a-z0-9_]+$/.test(addition.name)) {
      report(`"${addition.name}" is not a valid field name: use lower-case letters, digits and underscores`);
    }
    const model = findModel(schema, addition.model);
    if (model === undefined) {
      report(`model ${addition.model} is not in the Odoo ${schema.serie} schema`);
      continue;
    }
    if (!CUSTOM_TYPE_SET.has(addition.type)) {
      report(`Odoo cannot create a custom field of type ${addition.type}; use one of ${CUSTOM_FIELD_TYPES.join(", ")}`);
    }
    const existing = own(model.fields, addition.name);
    if (existing !== undefined && !existing.custom) {
      report(`${key} is a field of Odoo itself, not a custom field; choose another name`);
    } else if (existing !== undefined && existing.type !== addition.type) {
      report(`${key} already exists on the server as ${existing.type}, not ${addition.type}; Odoo cannot change a field's type`);
    }
    if (addition.type === "many2one" || addition.type === "one2many" || addition.type === "many2many") {
      if (addition.relation === undefined) report(`${key} is a ${addition.type}: say which model it points to`);
      else if (findModel(schema, addition.relation) === undefined) {
        report(`${key} points to ${addition.relation}, which is not in the Odoo ${schema.serie} schema`);
      }
    }
    if (addition.type === "one2many" && addition.relationField === undefined) {
      report(`${key} is a one2many: name the many2one on ${addition.relation ?? "the target model"} that it mirrors`);
    }
    if (addition.type === "selection" && (addition.selection === undefined || addition.selection.length === 0)) {
      report(`${key} is a selection: list its values`);
    }
  }
  return problems;
}

function customField(addition: CustomFieldAddition): OdooField {
  const field: OdooField = {
    name: addition.name,
    type: addition.type,
    label: addition.label,
    required: addition.required === true,
    readonly: false,
    store: true,
    hasDefault: false,
    custom: true,
    writability: { writable: "yes", reason: "custom field declared by an extend block, created before the load" },
  };
  if (addition.help !== undefined) field.help = addition.help;
  if (addition.relation !== undefined) field.relation = addition.relation;
  if (addition.relationField !== undefined) field.relationField = addition.relationField;
  if (addition.selection !== undefined) field.selection = addition.selection.map((option) => ({ ...option }));
  if (addition.size !== undefined) field.size = addition.size;
  return field;
}

/**
 * The schema with the custom fields of `extend` blocks added; `schema` is not changed. A field
 * the schema already has (pulled from a server where it exists) is kept as the server describes
 * it; additions on models the schema lacks are ignored (customFieldProblems reports both).
 */
export function withCustomFields(schema: OdooSchema, additions: readonly CustomFieldAddition[]): OdooSchema {
  const models: Record<string, OdooModel> = { ...schema.models };
  for (const addition of additions) {
    const model = own(models, addition.model);
    if (model === undefined || own(model.fields, addition.name) !== undefined) continue;
    models[addition.model] = { ...model, fields: { ...model.fields, [addition.name]: customField(addition) } };
  }
  return { ...schema, models };
}

/**
 * What the target Odoo already holds that the assessment needs to know: which of the package's
 * custom fields and reference records exist, and which apps are installed against the ones the
 * package's models need. Asked from a live server, or read from the schema the package was
 * compiled against (a shipped catalog is a fresh database: the assessment says so).
 */
import type { CustomFieldPlan, Plan, RecordPlan } from "../../compiler/plan/schema.js";
import type { OdooClient, OdooDomain, OdooRecord } from "../odoo/index.js";

export interface CustomFieldFact {
  readonly model: string;
  readonly name: string;
  readonly type: string;
  readonly label: string;
  readonly status: "exists" | "create";
  /** E.g. the field exists with another type than the package declares. */
  readonly detail?: string;
}

export interface RecordFact {
  readonly model: string;
  readonly name: string;
  readonly xmlid: string;
  /**
   * exists: found by external ID; matched: found by its match field (a stage by name) and used;
   * create: will be created; missing: the package names it as existing but the target lacks it
   * (the run would stop); unknown: the catalog does not record this model's records.
   */
  readonly status: "exists" | "matched" | "create" | "missing" | "unknown";
  readonly detail?: string;
}

export interface AppFact {
  /** The module a model comes from (`crm` for crm.lead, `base` for res.partner). */
  readonly module: string;
  /** Its name in Odoo's Apps menu, when it is an app. */
  readonly title?: string;
  readonly installed: boolean;
  /** The package's models that need it, each with whether the target has the model. */
  readonly models: readonly { readonly model: string; readonly present: boolean }[];
}

export interface TargetFacts {
  readonly knowledge: "server" | "catalog";
  /** Where the facts come from, in words. */
  readonly description: string;
  readonly customFields: readonly CustomFieldFact[];
  readonly records: readonly RecordFact[];
  readonly needed: readonly AppFact[];
  /** The apps (Apps menu entries) the target has installed. */
  readonly installedApps: readonly string[];
}

/** The part of a compiled-against schema (compiler/catalog OdooSchema) the facts are read from. */
export interface SchemaFacts {
  readonly origin: "catalog" | "server";
  readonly serie: string;
  readonly modules: readonly { readonly name: string; readonly application: boolean }[];
  readonly models: Readonly<Record<string, { readonly modules: readonly string[]; readonly fields: Readonly<Record<string, { readonly type: string }>> }>>;
  readonly references: Readonly<
    Record<string, readonly { readonly xmlid?: string; readonly name: string; readonly values: Readonly<Record<string, unknown>> }[]>
  >;
}

/** Every model the package writes, reads through a lookup, extends or ensures records of. */
export function modelsNeeded(plan: Plan): string[] {
  const models = new Set<string>();
  for (const step of plan.steps) models.add(step.model);
  for (const lookup of plan.lookups) models.add(lookup.model);
  for (const field of plan.setup.customFields) models.add(field.model);
  for (const record of plan.setup.records) models.add(record.model);
  return [...models].sort();
}

/** The module a model comes from: the one named like its first part (crm.lead: crm), else base (res.*, ir.*). */
export function moduleOfModel(model: string, knownModules: ReadonlySet<string>): string {
  const prefix = model.split(".")[0] ?? model;
  if (knownModules.has(prefix)) return prefix;
  if (prefix === "res" || prefix === "ir") return "base";
  return prefix;
}

function neededApps(
  models: readonly string[],
  knownModules: ReadonlySet<string>,
  installed: ReadonlySet<string>,
  present: (model: string) => boolean,
  titles: ReadonlyMap<string, string>,
): AppFact[] {
  const byModule = new Map<string, { model: string; present: boolean }[]>();
  for (const model of models) {
    const module = moduleOfModel(model, knownModules);
    byModule.set(module, [...(byModule.get(module) ?? []), { model, present: present(model) }]);
  }
  return [...byModule]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([module, needing]) => ({
      module,
      ...(titles.has(module) ? { title: titles.get(module) ?? module } : {}),
      installed: installed.has(module),
      models: needing,
    }));
}

function literalEquals(left: unknown, right: unknown): boolean {
  if (typeof left === "string" && typeof right === "string") return left.trim().toLowerCase() === right.trim().toLowerCase();
  return left === right;
}

/** A custom field the package declares, against the type of the field of that name Odoo has (undefined when it has none). */
function customFieldFact(field: CustomFieldPlan, existingType: string | undefined): CustomFieldFact {
  return {
    model: field.model,
    name: field.name,
    type: field.type,
    label: field.label,
    status: existingType === undefined ? "create" : "exists",
    ...(existingType !== undefined && existingType !== field.type ? { detail: `exists as ${existingType}, the package declares ${field.type}` } : {}),
  };
}

/** The facts as the schema the package was compiled against has them. */
export function schemaTargetFacts(plan: Plan, schema: SchemaFacts): TargetFacts {
  const fresh = schema.origin === "catalog";
  const customFields = plan.setup.customFields.map((field) => customFieldFact(field, schema.models[field.model]?.fields[field.name]?.type));
  const records: RecordFact[] = plan.setup.records.map((record) => {
    const known = schema.references[record.model];
    const base = { model: record.model, name: record.name, xmlid: record.xmlid };
    if (known === undefined)
      return {
        ...base,
        status: record.existing ? "unknown" : "create",
        ...(record.existing ? { detail: "the schema does not record this model's records" } : {}),
      };
    if (known.some((candidate) => candidate.xmlid === record.xmlid)) return { ...base, status: "exists" };
    if (record.existing) return { ...base, status: "missing", detail: `the target has no ${record.model} ${record.xmlid}: the run would stop at setup` };
    const match = record.match;
    if (match !== undefined) {
      const found = known.find((candidate) => literalEquals(match.field === "name" ? candidate.name : candidate.values[match.field], match.value));
      if (found !== undefined) return { ...base, status: "matched", detail: `${match.field} ${JSON.stringify(match.value)} is ${found.xmlid ?? found.name}` };
    }
    return { ...base, status: "create" };
  });
  const knownModules = new Set(schema.modules.map((module) => module.name));
  const titles = new Map(schema.modules.filter((module) => module.application).map((module) => [module.name, module.name]));
  return {
    knowledge: "catalog",
    description: fresh
      ? `the shipped Odoo ${schema.serie} catalog (a fresh Community database): a customer's server may already hold some custom fields and records, and its own apps; give --url to ask it`
      : `the schema file the package targets (pulled from a server, Odoo ${schema.serie})`,
    customFields,
    records,
    needed: neededApps(modelsNeeded(plan), knownModules, knownModules, (model) => schema.models[model] !== undefined, titles),
    installedApps: schema.modules
      .filter((module) => module.application)
      .map((module) => module.name)
      .sort(),
  };
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The ir.model.fields rows of these fields that exist in Odoo (custom fields have no external ID: by model and name). */
export async function fieldsNamed(
  client: Pick<OdooClient, "searchReadAll">,
  fields: readonly { readonly model: string; readonly name: string }[],
  columns: readonly string[],
): Promise<OdooRecord[]> {
  if (fields.length === 0) return [];
  const domain: OdooDomain = [
    ["model", "in", [...new Set(fields.map((field) => field.model))]],
    ["name", "in", [...new Set(fields.map((field) => field.name))]],
  ];
  return client.searchReadAll("ir.model.fields", domain, columns);
}

/** The facts as a live server answers them; nothing is written. */
export async function serverTargetFacts(plan: Plan, client: OdooClient): Promise<TargetFacts> {
  const fields = plan.setup.customFields;
  const existingFields = await fieldsNamed(client, fields, ["model", "name", "ttype"]);
  const customFields = fields.map((field: CustomFieldPlan): CustomFieldFact => {
    const existing = existingFields.find((candidate) => candidate["model"] === field.model && candidate["name"] === field.name);
    return customFieldFact(field, existing === undefined ? undefined : text(existing["ttype"]));
  });
  const known = await client.externalIds(plan.setup.records.map((record) => record.xmlid));
  const records: RecordFact[] = [];
  for (const record of plan.setup.records as readonly RecordPlan[]) {
    const base = { model: record.model, name: record.name, xmlid: record.xmlid };
    const found = known.get(record.xmlid);
    if (found !== undefined) {
      records.push({ ...base, status: "exists", detail: `id ${found.resId}` });
      continue;
    }
    if (record.existing) {
      records.push({ ...base, status: "missing", detail: `the server has no ${record.model} ${record.xmlid}: the run would stop at setup` });
      continue;
    }
    if (record.match !== undefined) {
      const [matched] = await client.search(record.model, [[record.match.field, "=", record.match.value]], { limit: 1 });
      if (matched !== undefined) {
        records.push({ ...base, status: "matched", detail: `${record.match.field} ${JSON.stringify(record.match.value)} is id ${matched}` });
        continue;
      }
    }
    records.push({ ...base, status: "create" });
  }
  const modules = await client.searchReadAll("ir.module.module", [["state", "=", "installed"]], ["name", "shortdesc", "application"]);
  const installed = new Set(modules.map((module) => text(module["name"])));
  const titles = new Map(
    modules.filter((module) => module["application"] === true).map((module) => [text(module["name"]), text(module["shortdesc"]) || text(module["name"])]),
  );
  const models = modelsNeeded(plan);
  const presentModels = new Set((await client.searchReadAll("ir.model", [["model", "in", models]], ["model"])).map((record) => text(record["model"])));
  return {
    knowledge: "server",
    description: `the server: ${client.describe()}`,
    customFields,
    records,
    needed: neededApps(models, installed, installed, (model) => presentModels.has(model), titles),
    installedApps: [...titles.keys()].sort(),
  };
}

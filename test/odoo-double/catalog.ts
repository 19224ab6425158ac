/**
 * The double's schema and initial data, read from the recordings of a real server:
 * `models.json` (fields_get + default_get per model) and `reference_data.json` (records that exist
 * right after install, with their ids and external ids). Models that recorded fields point at but
 * that were not recorded become stubs (id, name, display_name) so references to them can exist.
 */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type OdooVersion = "17.0" | "18.0" | "19.0";
export const ODOO_VERSIONS: readonly OdooVersion[] = ["17.0", "18.0", "19.0"];

export interface FieldSpec {
  readonly name: string;
  readonly type: string;
  readonly label: string;
  readonly required: boolean;
  readonly readonly: boolean;
  readonly store: boolean;
  readonly relation: string | undefined;
  readonly relationField: string | undefined;
  readonly selection: ReadonlyArray<readonly [string, string]> | undefined;
  readonly digits: readonly [number, number] | undefined;
  readonly manual: boolean;
  readonly help: string | undefined;
  /** fields_get attributes as recorded (synthesised for custom fields). */
  readonly attributes: Readonly<Record<string, unknown>>;
}

export interface ModelSpec {
  readonly name: string;
  readonly description: string;
  readonly order: string;
  readonly fields: Map<string, FieldSpec>;
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Inherits mail.thread: creation log messages, tracking, followers. */
  readonly isMailThread: boolean;
  /** Not recorded; only id, name and display_name. */
  readonly stub: boolean;
  readonly modules: string;
}

export interface ReferenceRecord {
  readonly [field: string]: unknown;
}

export interface Catalog {
  readonly version: OdooVersion;
  readonly database: string;
  readonly commonVersion: Readonly<Record<string, unknown>>;
  readonly models: Map<string, ModelSpec>;
  /** Reference records by model, as recorded (many2one as [id, name], plus `xmlid`). */
  readonly reference: ReadonlyMap<string, readonly ReferenceRecord[]>;
  readonly installedModules: readonly string[];
  /** Models whose default_get is not @api.model in this version (called with ids first). */
  readonly recordStyleDefaultGet: ReadonlySet<string>;
}

interface RawModel {
  readonly ir_model: Record<string, unknown>;
  readonly fields: Record<string, Record<string, unknown>>;
  readonly default_get: Record<string, unknown>;
}

const FIXTURES = new URL("../fixtures/odoo/", import.meta.url);

interface RawCatalog {
  readonly models: Record<string, unknown>;
  readonly reference: Record<string, unknown>;
}

const rawCache = new Map<OdooVersion, RawCatalog>();

function readRaw(version: OdooVersion): RawCatalog {
  const cached = rawCache.get(version);
  if (cached) return cached;
  const models = JSON.parse(readFileSync(fileURLToPath(new URL(`${version}/models.json`, FIXTURES)), "utf8")) as Record<string, unknown>;
  const reference = JSON.parse(readFileSync(fileURLToPath(new URL(`${version}/reference_data.json`, FIXTURES)), "utf8")) as Record<string, unknown>;
  const raw = { models, reference };
  rawCache.set(version, raw);
  return raw;
}

export function fieldFromAttributes(name: string, attributes: Readonly<Record<string, unknown>>): FieldSpec {
  const selection = Array.isArray(attributes["selection"])
    ? (attributes["selection"] as unknown[])
        .filter((pair): pair is [string, string] => Array.isArray(pair) && pair.length === 2)
        .map(([key, label]) => [String(key), String(label)] as const)
    : undefined;
  const digits = Array.isArray(attributes["digits"]) ? (attributes["digits"] as number[]) : undefined;
  return {
    name,
    type: String(attributes["type"]),
    label: typeof attributes["string"] === "string" ? attributes["string"] : name,
    required: attributes["required"] === true,
    readonly: attributes["readonly"] === true,
    store: attributes["store"] !== false,
    relation: typeof attributes["relation"] === "string" ? attributes["relation"] : undefined,
    relationField: typeof attributes["relation_field"] === "string" ? attributes["relation_field"] : undefined,
    selection,
    digits: digits !== undefined && digits.length === 2 ? [digits[0] ?? 16, digits[1] ?? 2] : undefined,
    manual: attributes["manual"] === true,
    help: typeof attributes["help"] === "string" ? attributes["help"] : undefined,
    attributes,
  };
}

function stubModel(name: string): ModelSpec {
  const fields = new Map<string, FieldSpec>();
  fields.set("id", fieldFromAttributes("id", { type: "integer", string: "ID", readonly: true, store: true }));
  fields.set("name", fieldFromAttributes("name", { type: "char", string: "Name", store: true }));
  fields.set("display_name", fieldFromAttributes("display_name", { type: "char", string: "Display Name", readonly: true, store: false }));
  return { name, description: name, order: "id", fields, defaults: {}, isMailThread: false, stub: true, modules: "" };
}

/** A fresh catalog for one double (custom fields are added to its models). */
export function loadCatalog(version: OdooVersion): Catalog {
  const raw = readRaw(version);
  const rawModels = raw.models["models"] as Record<string, RawModel>;
  const models = new Map<string, ModelSpec>();
  for (const [name, rawModel] of Object.entries(rawModels)) {
    const fields = new Map<string, FieldSpec>();
    for (const [fieldName, attributes] of Object.entries(rawModel.fields)) fields.set(fieldName, fieldFromAttributes(fieldName, attributes));
    models.set(name, {
      name,
      description: String(rawModel.ir_model["name"] ?? name),
      order: String(rawModel.ir_model["order"] ?? "id"),
      fields,
      defaults: rawModel.default_get,
      isMailThread: fields.has("message_ids"),
      stub: false,
      modules: String(rawModel.ir_model["modules"] ?? ""),
    });
  }
  const referenceModels = (raw.reference["models"] ?? {}) as Record<string, { records?: unknown[] }>;
  const reference = new Map<string, ReferenceRecord[]>();
  for (const [name, entry] of Object.entries(referenceModels)) {
    const records = (entry.records ?? []).filter(
      (record): record is ReferenceRecord => typeof record === "object" && record !== null && typeof (record as Record<string, unknown>)["id"] === "number",
    );
    reference.set(name, records);
  }
  // Reference models that were not recorded as models, and comodels of recorded fields, become stubs.
  const wanted = new Set<string>(reference.keys());
  for (const model of models.values()) for (const field of model.fields.values()) if (field.relation !== undefined) wanted.add(field.relation);
  wanted.add("ir.module.module");
  // A model the server does not have (19.0 has no res.partner.title) is no stub either.
  const absent = new Set(Array.isArray(raw.models["models_skipped_not_installed"]) ? (raw.models["models_skipped_not_installed"] as unknown[]).map(String) : []);
  for (const name of wanted) {
    if (models.has(name) || absent.has(name)) continue;
    const stub = stubModel(name);
    const sample = reference.get(name)?.[0];
    if (sample !== undefined) {
      for (const [fieldName, value] of Object.entries(sample)) {
        if (fieldName === "id" || fieldName === "xmlid" || stub.fields.has(fieldName)) continue;
        stub.fields.set(fieldName, fieldFromAttributes(fieldName, { type: inferType(value), string: fieldName, store: true }));
      }
    }
    if (name === "ir.module.module") {
      stub.fields.set("state", fieldFromAttributes("state", { type: "char", string: "Status", store: true }));
      stub.fields.set("shortdesc", fieldFromAttributes("shortdesc", { type: "char", string: "Module Name", store: true }));
      stub.fields.set("latest_version", fieldFromAttributes("latest_version", { type: "char", string: "Latest Version", store: true }));
      // Recorded in models.json's installed_modules: the version of the installed code (computed, readable).
      stub.fields.set("installed_version", fieldFromAttributes("installed_version", { type: "char", string: "Latest Version", store: false, readonly: true }));
      stub.fields.set("application", fieldFromAttributes("application", { type: "boolean", string: "Application", store: true }));
    }
    models.set(name, stub);
  }
  const installed = Array.isArray(raw.models["installed_modules"]) ? (raw.models["installed_modules"] as Array<Record<string, unknown>>) : [];
  return {
    version,
    database: String(raw.models["database"] ?? "odoo"),
    commonVersion: raw.models["server_version"] as Record<string, unknown>,
    models,
    reference,
    installedModules: installed.map((module) => String(module["name"])),
    recordStyleDefaultGet: new Set(
      Object.entries((raw.models["default_get_errors"] ?? {}) as Record<string, unknown>)
        .filter(([, note]) => typeof note === "string" && note.includes("needed args [[], fields]"))
        .map(([key]) => key.replace(/ \(note\)$/, "")),
    ),
  };
}

function inferType(value: unknown): string {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "float";
  if (Array.isArray(value)) return "char";
  return "char";
}

export function installedModuleRecords(version: OdooVersion): ReadonlyArray<Record<string, unknown>> {
  const raw = readRaw(version);
  return Array.isArray(raw.models["installed_modules"]) ? (raw.models["installed_modules"] as Array<Record<string, unknown>>) : [];
}

/**
 * One model-method call as both protocols deliver it: the method looked up (private and unknown
 * methods refused as Odoo refuses them), arguments bound as Python binds them (positionally for
 * XML-RPC, by name for JSON-2), access rights checked, the ORM called, the result shaped.
 */

import type { OdooVersion } from "./catalog.js";
import { accessError, attributeError, OdooException, typeError, userError, werkzeug } from "./exceptions.js";
import { load } from "./load.js";
import { accessErrorMessage, accessRightsGroup, privateMethodMessage, settingsGroup, unknownMethodMessage, type AccessOperation } from "./messages.js";
import type { Env, Orm } from "./orm.js";
import { PyIntKeyDict } from "./py.js";

export type Protocol = "xmlrpc" | "json2";

export interface ModelCall {
  readonly protocol: Protocol;
  readonly model: string;
  readonly method: string;
  readonly uid: number;
  /** XML-RPC: positional arguments (ids first for record methods). */
  readonly args: readonly unknown[];
  /** XML-RPC kwargs, or the JSON-2 body. */
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** JSON-2 only: the `ids` key (undefined when absent). */
  readonly ids?: unknown;
}

interface MethodSpec {
  readonly record: boolean;
  readonly params: readonly string[];
  readonly required: readonly string[];
  /** Accepts extra keyword arguments (search_read passes them to read). */
  readonly extraKwargs?: boolean;
  readonly access: AccessOperation;
  readonly run: (orm: Orm, env: Env, ids: number[], args: Record<string, unknown>, call: ModelCall) => unknown;
}

function methods(version: OdooVersion): Readonly<Record<string, MethodSpec>> {
  const nameSearchDomain = version === "19.0" ? "domain" : "args";
  const defaultGetParam = version === "19.0" ? "fields" : "fields_list";
  return {
    search: {
      record: false,
      params: ["domain", "offset", "limit", "order"],
      required: ["domain"],
      access: "read",
      run: (orm, env, _ids, a) => orm.search(env, currentModel(a), asDomain(a["domain"]), searchOptions(a)),
    },
    search_read: {
      record: false,
      params: ["domain", "fields", "offset", "limit", "order"],
      required: [],
      extraKwargs: true,
      access: "read",
      run: (orm, env, _ids, a) => {
        const model = currentModel(a);
        const fields = asFieldList(a["fields"]);
        // Unknown fields fail before the search runs, as in Odoo.
        orm.read(env, model, [], fields);
        const ids = orm.search(env, model, asDomain(a["domain"]), searchOptions(a));
        return orm.read(env, model, ids, fields);
      },
    },
    search_count: {
      record: false,
      params: ["domain", "limit"],
      required: ["domain"],
      access: "read",
      run: (orm, env, _ids, a) => orm.searchCount(env, currentModel(a), asDomain(a["domain"]), typeof a["limit"] === "number" ? a["limit"] : undefined),
    },
    read: {
      record: true,
      params: ["fields", "load"],
      required: [],
      access: "read",
      run: (orm, env, ids, a) => orm.read(env, currentModel(a), ids, asFieldList(a["fields"])),
    },
    write: {
      record: true,
      params: ["vals"],
      required: ["vals"],
      access: "write",
      run: (orm, env, ids, a) => {
        orm.cost.written(currentModel(a), ids.length);
        return orm.write(env, currentModel(a), ids, asVals(a["vals"]));
      },
    },
    create: {
      record: false,
      params: ["vals_list"],
      required: ["vals_list"],
      access: "create",
      run: (orm, env, _ids, a) => {
        const raw = a["vals_list"];
        if (isRecord(raw)) return orm.create(env, currentModel(a), [raw])[0];
        if (!Array.isArray(raw)) throw typeError(`create() argument must be a dict or a list of dicts, not ${pyTypeName(raw)}`);
        return orm.create(env, currentModel(a), raw.map(asVals));
      },
    },
    unlink: {
      record: true,
      params: [],
      required: [],
      access: "unlink",
      run: (orm, env, ids, a) => orm.unlink(env, currentModel(a), ids),
    },
    fields_get: {
      record: false,
      params: ["allfields", "attributes"],
      required: [],
      access: "read",
      run: (orm, _env, _ids, a) => orm.fieldsGet(currentModel(a), optionalList(a["allfields"]), optionalList(a["attributes"])),
    },
    default_get: {
      record: false,
      params: [defaultGetParam],
      required: [defaultGetParam],
      access: "read",
      run: (orm, env, _ids, a) => orm.defaultGet(env, currentModel(a), optionalList(a[defaultGetParam]) ?? []),
    },
    name_search: {
      record: false,
      params: ["name", nameSearchDomain, "operator", "limit"],
      required: [],
      access: "read",
      run: (orm, env, _ids, a) =>
        orm.nameSearch(
          env,
          currentModel(a),
          typeof a["name"] === "string" ? a["name"] : "",
          asDomain(a[nameSearchDomain] ?? []),
          typeof a["operator"] === "string" ? a["operator"] : "ilike",
          typeof a["limit"] === "number" ? a["limit"] : 100,
        ),
    },
    load: {
      record: false,
      params: ["fields", "data"],
      required: ["fields", "data"],
      access: "create",
      run: (orm, env, _ids, a) => load(orm, env, currentModel(a), a["fields"], a["data"]),
    },
    get_external_id: {
      record: true,
      params: [],
      required: [],
      access: "read",
      run: (orm, _env, ids, a) => {
        const model = currentModel(a);
        return new PyIntKeyDict(
          ids.map((id) => {
            const row = [...orm.rows("ir.model.data")].find((entry) => entry["model"] === model && entry["res_id"] === id);
            return [id, row ? `${String(row["module"])}.${String(row["name"])}` : ""] as const;
          }),
        );
      },
    },
    exists: {
      record: true,
      params: [],
      required: [],
      access: "read",
      run: (orm, _env, ids, a) => ids.filter((id) => orm.store.has(currentModel(a), id)),
    },
    name_create: {
      record: false,
      params: ["name"],
      required: ["name"],
      access: "create",
      run: (orm, env, _ids, a) => {
        const model = currentModel(a);
        const [id] = orm.create(env, model, [{ [orm.nameSearchFields(model)[0] ?? "name"]: a["name"] }]);
        return [id, orm.displayName(model, id ?? 0)];
      },
    },
    action_archive: {
      record: true,
      params: [],
      required: [],
      access: "write",
      run: (orm, env, ids, a) => orm.write(env, currentModel(a), ids, { active: false }),
    },
    action_unarchive: {
      record: true,
      params: [],
      required: [],
      access: "write",
      run: (orm, env, ids, a) => orm.write(env, currentModel(a), ids, { active: true }),
    },
    check_access_rights: {
      record: false,
      params: ["operation", "raise_exception"],
      required: ["operation"],
      access: "read",
      run: () => true,
    },
    context_get: {
      record: false,
      params: [],
      required: [],
      access: "read",
      run: (orm, env, _ids, a) => {
        if (currentModel(a) !== "res.users") throw attributeError(unknownMethodMessage(orm.version, currentModel(a), "context_get"));
        const partnerId = orm.userPartnerId(env.uid);
        const partner = partnerId === undefined ? undefined : orm.store.get("res.partner", partnerId);
        return { lang: partner?.["lang"] ?? "en_US", tz: partner?.["tz"] ?? false, uid: env.uid };
      },
    },
  };
}

const methodTables = new Map<OdooVersion, Readonly<Record<string, MethodSpec>>>();

function methodTable(version: OdooVersion): Readonly<Record<string, MethodSpec>> {
  let table = methodTables.get(version);
  if (!table) {
    table = methods(version);
    methodTables.set(version, table);
  }
  return table;
}

const MODEL_KEY = "\u0000model";

function currentModel(args: Record<string, unknown>): string {
  return String(args[MODEL_KEY]);
}

/** Runs one call; throws OdooException for every failure Odoo would report. */
export function dispatch(orm: Orm, call: ModelCall): unknown {
  const version = orm.version;
  if (!orm.hasModel(call.model)) {
    if (call.protocol === "json2") throw werkzeug("NotFound", `the model '${call.model}' does not exist`, 404);
    orm.spec(call.model);
  }
  if (call.method.startsWith("_")) throw accessError(privateMethodMessage(version, call.model, call.method));
  const listed = methodTable(version)[call.method];
  // Some models' default_get is a record method in some versions (recorded: res.partner.bank in 17/18).
  const spec =
    listed !== undefined && call.method === "default_get" && orm.catalog.recordStyleDefaultGet.has(call.model) ? { ...listed, record: true } : listed;
  if (!spec) {
    if (call.protocol === "json2") throw werkzeug("NotFound", `The method '${call.model}.${call.method}' does not exist`, 404);
    throw attributeError(unknownMethodMessage(version, call.model, call.method));
  }
  const { ids, args, context } = call.protocol === "json2" ? bindJson2(call, spec) : bindXmlRpc(call, spec);
  const env: Env = { uid: call.uid, context };
  validateContext(orm, context);
  checkAccess(orm, env, call.model, spec.access);
  try {
    const result = spec.run(orm, env, ids, { ...args, [MODEL_KEY]: call.model }, call);
    orm.flush(env);
    return result;
  } finally {
    orm.endCall();
  }
}

function qualname(method: string): string {
  return `BaseModel.${method}`;
}

function bindXmlRpc(call: ModelCall, spec: MethodSpec): { ids: number[]; args: Record<string, unknown>; context: Record<string, unknown> } {
  let positional = [...call.args];
  let ids: number[] = [];
  if (spec.record) {
    if (positional.length === 0) throw new OdooException("builtins.IndexError", "list index out of range");
    ids = asIds(positional[0]);
    positional = positional.slice(1);
  }
  const kwargs: Record<string, unknown> = { ...call.kwargs };
  const context = isRecord(kwargs["context"]) ? { ...kwargs["context"] } : {};
  delete kwargs["context"];
  const bound: Record<string, unknown> = {};
  if (positional.length > spec.params.length && !spec.extraKwargs) {
    throw typeError(`${qualname(call.method)}() takes ${spec.params.length + 1} positional arguments but ${positional.length + 1} were given`);
  }
  positional.forEach((value, index) => {
    const name = spec.params[index];
    if (name !== undefined) bound[name] = value;
  });
  for (const [name, value] of Object.entries(kwargs)) {
    if (!spec.params.includes(name) && !spec.extraKwargs) throw typeError(`${qualname(call.method)}() got an unexpected keyword argument '${name}'`);
    if (name in bound) throw typeError(`${qualname(call.method)}() got multiple values for argument '${name}'`);
    bound[name] = value;
  }
  const missing = spec.required.filter((name) => !(name in bound));
  if (missing.length > 0) {
    throw typeError(
      `${qualname(call.method)}() missing ${missing.length} required positional argument${missing.length > 1 ? "s" : ""}: ${missing.map((name) => `'${name}'`).join(" and ")}`,
    );
  }
  return { ids, args: bound, context };
}

function bindJson2(call: ModelCall, spec: MethodSpec): { ids: number[]; args: Record<string, unknown>; context: Record<string, unknown> } {
  const body: Record<string, unknown> = { ...call.kwargs };
  const context = isRecord(body["context"]) ? { ...body["context"] } : {};
  delete body["context"];
  delete body["ids"];
  if (!spec.record && call.ids !== undefined) throw werkzeug("UnprocessableEntity", `cannot call ${call.model}.${call.method} with ids`, 422);
  const ids = spec.record ? asIds(call.ids ?? []) : [];
  for (const name of spec.required) {
    if (!(name in body)) throw werkzeug("UnprocessableEntity", `missing a required argument: '${name}'`, 422);
  }
  for (const name of Object.keys(body)) {
    if (!spec.params.includes(name) && !spec.extraKwargs) throw werkzeug("UnprocessableEntity", `got an unexpected keyword argument '${name}'`, 422);
  }
  return { ids, args: body, context };
}

function validateContext(orm: Orm, context: Record<string, unknown>): void {
  const lang = context["lang"];
  if (orm.version === "17.0" || typeof lang !== "string" || lang === "") return;
  const installed = [...orm.rows("res.lang")].some((row) => row["code"] === lang && row["active"] !== false);
  if (!installed) throw userError(`Invalid language code: ${lang}`);
}

interface Restriction {
  readonly operations: ReadonlySet<AccessOperation>;
  readonly groups: (version: OdooVersion) => readonly string[];
}

const SALES_GROUPS = (): readonly string[] => ["Sales/Administrator", "Sales/User: Own Documents Only"];
const ALL_OPERATIONS: ReadonlySet<AccessOperation> = new Set(["read", "create", "write", "unlink"]);
const WRITES: ReadonlySet<AccessOperation> = new Set(["create", "write", "unlink"]);

/** What an internal user without Sales or Invoicing rights may not do (the recordings' limited user). */
const LIMITED_USER: Readonly<Record<string, Restriction>> = {
  "crm.lead": { operations: ALL_OPERATIONS, groups: SALES_GROUPS },
  "crm.stage": { operations: WRITES, groups: SALES_GROUPS },
  "crm.tag": { operations: WRITES, groups: SALES_GROUPS },
  "sale.order": { operations: ALL_OPERATIONS, groups: SALES_GROUPS },
  "sale.order.line": { operations: ALL_OPERATIONS, groups: SALES_GROUPS },
  "account.move": { operations: ALL_OPERATIONS, groups: () => ["Invoicing/Billing"] },
  "account.move.line": { operations: ALL_OPERATIONS, groups: () => ["Invoicing/Billing"] },
};

/** What only an administrator may change. */
const ADMIN_ONLY: Readonly<Record<string, Restriction>> = {
  "res.users": { operations: WRITES, groups: (version) => [accessRightsGroup(version)] },
  "ir.model": { operations: WRITES, groups: (version) => [settingsGroup(version)] },
  "ir.model.fields": { operations: WRITES, groups: (version) => [settingsGroup(version)] },
  "ir.model.data": { operations: new Set<AccessOperation>(["write", "unlink"]), groups: (version) => [settingsGroup(version)] },
  "ir.module.module": { operations: WRITES, groups: (version) => [settingsGroup(version)] },
  "res.company": { operations: new Set<AccessOperation>(["create", "unlink"]), groups: (version) => [settingsGroup(version)] },
};

export function checkAccess(orm: Orm, env: Env, model: string, operation: AccessOperation): void {
  const level = orm.auth.get(env.uid)?.level ?? "limited";
  if (level === "admin") return;
  const restriction = (level === "limited" ? LIMITED_USER[model] : undefined) ?? ADMIN_ONLY[model];
  if (restriction && restriction.operations.has(operation)) {
    throw accessError(accessErrorMessage(orm.spec(model), operation, restriction.groups(orm.version)));
  }
}

function asIds(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.filter((id): id is number => typeof id === "number");
  if (value === false || value === null || value === undefined) return [];
  throw typeError(`ids must be a list of integers, not ${pyTypeName(value)}`);
}

function asDomain(value: unknown): unknown[] {
  if (value === false || value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new OdooException("builtins.ValueError", `Invalid domain: ${String(value)}`);
  return value;
}

function asFieldList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (!Array.isArray(value)) throw typeError(`fields must be a list, not ${pyTypeName(value)}`);
  return value.map(String);
}

function optionalList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value : [value];
}

function asVals(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw typeError(`vals must be a dict, not ${pyTypeName(value)}`);
  return value;
}

function searchOptions(args: Record<string, unknown>): { offset?: number; limit?: number | false | null; order?: string | false | null } {
  return {
    ...(typeof args["offset"] === "number" ? { offset: args["offset"] } : {}),
    ...(typeof args["limit"] === "number" ? { limit: args["limit"] } : {}),
    ...(typeof args["order"] === "string" ? { order: args["order"] } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Date);
}

function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "string") return "str";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "list";
  return "dict";
}

/**
 * What both protocols share: the typed methods the runtime calls, built on one `invoke` that each
 * protocol implements. A call is described once, with its parameter names; XML-RPC sends the
 * parameters positionally (as the recordings show Odoo expects), JSON-2 by name.
 */

import { OdooError } from "./errors.js";
import type { OdooClient } from "./client.js";
import type { CallSafety } from "./retry.js";
import type {
  CallOptions,
  ExternalIdTarget,
  FieldDescription,
  GenericCallOptions,
  LoadMessage,
  LoadResult,
  NameSearchOptions,
  OdooClientEvent,
  OdooContext,
  OdooDomain,
  OdooProtocol,
  OdooRecord,
  SearchReadAllOptions,
  SearchReadOptions,
} from "./types.js";

export interface MethodCall {
  readonly model: string;
  readonly method: string;
  /** Record ids for methods that work on records (read, write, unlink, ...). */
  readonly ids?: readonly number[];
  /** Positional parameters after the ids, each with its Python parameter name when known. */
  readonly args: ReadonlyArray<readonly [string | undefined, unknown]>;
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly safety: CallSafety;
  readonly options?: CallOptions;
}

export interface SessionInfo {
  readonly url: string;
  readonly database: string;
  readonly uid: number;
  readonly serverVersion: string;
  readonly serie: string;
  readonly majorVersion: number;
  readonly defaultContext: OdooContext;
  readonly emit: (event: OdooClientEvent) => void;
}

/** Methods whose first positional argument is the record ids (JSON-2 sends them as `ids`). */
export const RECORD_METHODS: ReadonlySet<string> = new Set([
  "read",
  "write",
  "unlink",
  "copy",
  "get_external_id",
  "get_metadata",
  "action_archive",
  "action_unarchive",
  "toggle_active",
  "message_post",
  "message_subscribe",
  "message_unsubscribe",
  "action_confirm",
  "action_cancel",
  "action_draft",
  "action_post",
  "button_draft",
  "button_cancel",
  "exists",
]);

/** Parameter names of the public ORM methods, for sending positional arguments by name. */
export const POSITIONAL_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  search: ["domain", "offset", "limit", "order"],
  search_read: ["domain", "fields", "offset", "limit", "order"],
  search_count: ["domain", "limit"],
  read: ["fields", "load"],
  write: ["vals"],
  create: ["vals_list"],
  unlink: [],
  copy: ["default"],
  fields_get: ["allfields", "attributes"],
  default_get: ["fields"],
  load: ["fields", "data"],
  name_search: ["name", "domain", "operator", "limit"],
  name_create: ["name"],
  read_group: ["domain", "fields", "groupby", "offset", "limit", "orderby", "lazy"],
  context_get: [],
  get_external_id: [],
  message_post: [],
};

const READ_METHODS: ReadonlySet<string> = new Set([
  "search",
  "search_read",
  "search_count",
  "read",
  "fields_get",
  "default_get",
  "name_search",
  "read_group",
  "context_get",
  "get_external_id",
  "get_metadata",
  "exists",
  "check_access_rights",
  "has_group",
]);

const DEFAULT_PAGE_SIZE = 1000;
const READ_CHUNK = 1000;
const XMLID_CHUNK = 1000;

export abstract class BaseOdooClient implements OdooClient {
  abstract readonly protocol: OdooProtocol;
  protected readonly session: SessionInfo;
  #closed = false;

  constructor(session: SessionInfo) {
    this.session = session;
  }

  get serverVersion(): string {
    return this.session.serverVersion;
  }
  get serie(): string {
    return this.session.serie;
  }
  get uid(): number {
    return this.session.uid;
  }
  get database(): string {
    return this.session.database;
  }
  get url(): string {
    return this.session.url;
  }

  /** One protocol round trip, with its retry policy. */
  protected abstract invoke(call: MethodCall): Promise<unknown>;
  protected abstract release(): void;

  describe(): string {
    const protocol = this.protocol === "json2" ? "JSON-2" : "XML-RPC";
    return `Odoo ${this.serverVersion} at ${this.url} (database ${this.database}) over ${protocol} as user id ${this.uid}`;
  }

  async call(
    model: string,
    method: string,
    args: readonly unknown[] = [],
    kwargs: Readonly<Record<string, unknown>> = {},
    options: GenericCallOptions = {},
  ): Promise<unknown> {
    const safety: CallSafety = options.safety ?? guessSafety(method, args, kwargs);
    const bound = this.bindPositional(model, method, args);
    const context = this.context(kwargs["context"] as OdooContext | undefined);
    return this.invoke({
      model,
      method,
      ...(bound.ids === undefined ? {} : { ids: bound.ids }),
      args: bound.args,
      kwargs: { ...kwargs, ...(context === undefined ? {} : { context }) },
      safety,
      options,
    });
  }

  /** How a generic call's positional arguments travel; JSON-2 needs names (see Json2 client). */
  protected bindPositional(
    _model: string,
    _method: string,
    args: readonly unknown[],
  ): { ids?: readonly number[]; args: ReadonlyArray<readonly [string | undefined, unknown]> } {
    return { args: args.map((value) => [undefined, value] as const) };
  }

  async searchRead(model: string, domain: OdooDomain, fields: readonly string[], options: SearchReadOptions = {}): Promise<OdooRecord[]> {
    const context = this.context(options.context);
    const result = await this.invoke({
      model,
      method: "search_read",
      args: [["domain", domain]],
      kwargs: {
        fields,
        ...(options.offset === undefined ? {} : { offset: options.offset }),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(options.order === undefined ? {} : { order: options.order }),
        ...(context === undefined ? {} : { context }),
      },
      safety: "read",
    });
    return asRecords(result, model, "search_read");
  }

  async searchReadAll(model: string, domain: OdooDomain, fields: readonly string[], options: SearchReadAllOptions = {}): Promise<OdooRecord[]> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new OdooError({ kind: "configuration", odooMessage: `pageSize must be a positive integer, not ${String(pageSize)}` });
    }
    const all: OdooRecord[] = [];
    if (options.order === undefined) {
      // Keyset paging by id: records created or deleted meanwhile cannot shift a page.
      let lastId = 0;
      for (;;) {
        // Top-level terms of a domain are ANDed, so prefixing a leaf restricts the whole domain.
        const page = await this.searchRead(model, [["id", ">", lastId], ...domain], fields, {
          limit: pageSize,
          order: "id asc",
          ...(options.context === undefined ? {} : { context: options.context }),
        });
        all.push(...page);
        if (page.length < pageSize) return all;
        lastId = page[page.length - 1]?.id ?? lastId;
      }
    }
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.searchRead(model, domain, fields, {
        limit: pageSize,
        offset,
        order: options.order,
        ...(options.context === undefined ? {} : { context: options.context }),
      });
      all.push(...page);
      if (page.length < pageSize) return all;
    }
  }

  async read(model: string, ids: readonly number[], fields: readonly string[], context?: OdooContext): Promise<OdooRecord[]> {
    const merged = this.context(context);
    const records: OdooRecord[] = [];
    for (let start = 0; start < ids.length; start += READ_CHUNK) {
      const chunk = ids.slice(start, start + READ_CHUNK);
      const result = await this.invoke({
        model,
        method: "read",
        ids: chunk,
        args: [],
        kwargs: { fields, ...(merged === undefined ? {} : { context: merged }) },
        safety: "read",
      });
      records.push(...asRecords(result, model, "read"));
    }
    return records;
  }

  async searchCount(model: string, domain: OdooDomain, context?: OdooContext): Promise<number> {
    const merged = this.context(context);
    const result = await this.invoke({
      model,
      method: "search_count",
      args: [["domain", domain]],
      kwargs: merged === undefined ? {} : { context: merged },
      safety: "read",
    });
    if (typeof result !== "number") throw protocolError(model, "search_count", "a number", result);
    return result;
  }

  async search(model: string, domain: OdooDomain, options: SearchReadOptions = {}): Promise<number[]> {
    const context = this.context(options.context);
    const result = await this.invoke({
      model,
      method: "search",
      args: [["domain", domain]],
      kwargs: {
        ...(options.offset === undefined ? {} : { offset: options.offset }),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(options.order === undefined ? {} : { order: options.order }),
        ...(context === undefined ? {} : { context }),
      },
      safety: "read",
    });
    return asIds(result, model, "search");
  }

  async create(model: string, valsList: ReadonlyArray<Readonly<Record<string, unknown>>>, context?: OdooContext): Promise<number[]> {
    if (valsList.length === 0) return [];
    const merged = this.context(context);
    const result = await this.invoke({
      model,
      method: "create",
      args: [["vals_list", valsList]],
      kwargs: merged === undefined ? {} : { context: merged },
      safety: "unsafe",
    });
    const ids = typeof result === "number" ? [result] : asIds(result, model, "create");
    if (ids.length !== valsList.length) {
      throw protocolError(model, "create", `${valsList.length} ids`, result);
    }
    return ids;
  }

  async write(model: string, ids: readonly number[], vals: Readonly<Record<string, unknown>>, context?: OdooContext): Promise<true> {
    if (ids.length === 0) return true;
    const merged = this.context(context);
    const result = await this.invoke({
      model,
      method: "write",
      ids,
      args: [["vals", vals]],
      kwargs: merged === undefined ? {} : { context: merged },
      safety: "idempotent",
    });
    if (result !== true) throw protocolError(model, "write", "true", result);
    return true;
  }

  async unlink(model: string, ids: readonly number[], context?: OdooContext): Promise<true> {
    if (ids.length === 0) return true;
    const merged = this.context(context);
    let result: unknown;
    try {
      result = await this.invoke({
        model,
        method: "unlink",
        ids,
        args: [],
        kwargs: merged === undefined ? {} : { context: merged },
        safety: "idempotent",
      });
    } catch (error) {
      // A repeated unlink whose first attempt went through finds the records already gone.
      if (error instanceof OdooError && error.kind === "missing-record" && (error.attempts ?? 1) > 1) return true;
      throw error;
    }
    if (result !== true) throw protocolError(model, "unlink", "true", result);
    return true;
  }

  async fieldsGet(model: string, attributes?: readonly string[]): Promise<Record<string, FieldDescription>> {
    const result = await this.invoke({
      model,
      method: "fields_get",
      args: [],
      kwargs: attributes === undefined ? {} : { attributes },
      safety: "read",
    });
    if (!isPlainObject(result)) throw protocolError(model, "fields_get", "an object", result);
    const fields: Record<string, FieldDescription> = {};
    for (const [name, description] of Object.entries(result)) {
      if (isPlainObject(description)) fields[name] = description as FieldDescription;
    }
    return fields;
  }

  async nameSearch(model: string, name: string, options: NameSearchOptions = {}): Promise<Array<[number, string]>> {
    const context = this.context(options.context);
    // Odoo 19 renamed name_search's `args` keyword to `domain` (the old name faults there).
    const domainKeyword = this.session.majorVersion >= 19 ? "domain" : "args";
    const result = await this.invoke({
      model,
      method: "name_search",
      args: [],
      kwargs: {
        name,
        ...(options.domain === undefined ? {} : { [domainKeyword]: options.domain }),
        ...(options.operator === undefined ? {} : { operator: options.operator }),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(context === undefined ? {} : { context }),
      },
      safety: "read",
    });
    if (!Array.isArray(result)) throw protocolError(model, "name_search", "a list of [id, name] pairs", result);
    return result.map((pair: unknown) => {
      if (!Array.isArray(pair) || typeof pair[0] !== "number") throw protocolError(model, "name_search", "[id, name] pairs", result);
      return [pair[0], String(pair[1])] as [number, string];
    });
  }

  async load(
    model: string,
    fields: readonly string[],
    rows: ReadonlyArray<readonly string[]>,
    context?: OdooContext,
    options: CallOptions = {},
  ): Promise<LoadResult> {
    const merged = this.context(context);
    // With an `id` column of external ids a repeated load updates the same records; without
    // one it would create them again, so it must not be retried once it may have been received.
    const safety: CallSafety = fields.includes("id") ? "idempotent" : "unsafe";
    const result = await this.invoke({
      model,
      method: "load",
      args: [
        ["fields", fields],
        ["data", rows],
      ],
      kwargs: merged === undefined ? {} : { context: merged },
      safety,
      options,
    });
    return asLoadResult(result, model);
  }

  async externalIds(xmlids: readonly string[]): Promise<Map<string, ExternalIdTarget>> {
    const found = new Map<string, ExternalIdTarget>();
    const names = [...new Set(xmlids)].map((xmlid) => {
      const dot = xmlid.indexOf(".");
      return dot < 0 ? { module: "__import__", name: xmlid } : { module: xmlid.slice(0, dot), name: xmlid.slice(dot + 1) };
    });
    // Names of every module in one search per chunk: (module = m1 and name in [...]) or (module = m2 and ...).
    for (let start = 0; start < names.length; start += XMLID_CHUNK) {
      const byModule = new Map<string, string[]>();
      for (const { module, name } of names.slice(start, start + XMLID_CHUNK)) byModule.set(module, [...(byModule.get(module) ?? []), name]);
      const terms: OdooDomain[] = [...byModule].map(([module, chunk]) => ["&", ["module", "=", module], ["name", "in", chunk]]);
      const records = await this.searchRead("ir.model.data", anyOf(terms), ["module", "name", "model", "res_id"]);
      for (const record of records) {
        const key = `${String(record["module"])}.${String(record["name"])}`;
        const resId = record["res_id"];
        if (typeof resId === "number" && typeof record["model"] === "string") found.set(key, { model: record["model"], resId });
      }
    }
    // Entries without a module were asked for as `__import__.name`; answer under the name asked.
    for (const xmlid of xmlids) {
      if (!xmlid.includes(".")) {
        const target = found.get(`__import__.${xmlid}`);
        if (target !== undefined) found.set(xmlid, target);
      }
    }
    return found;
  }

  async installedModules(): Promise<string[]> {
    const records = await this.searchReadAll("ir.module.module", [["state", "=", "installed"]], ["name"]);
    return records.map((record) => String(record["name"])).sort();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.release();
  }

  /** The call's context on top of the connection's default context. */
  protected context(context: OdooContext | undefined): OdooContext | undefined {
    const base = this.session.defaultContext;
    if (context === undefined) return Object.keys(base).length === 0 ? undefined : base;
    return { ...base, ...context };
  }
}

function guessSafety(method: string, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): CallSafety {
  if (READ_METHODS.has(method)) return "read";
  if (method === "write" || method === "unlink") return "idempotent";
  if (method === "load") {
    const fields = args[0] ?? kwargs["fields"];
    return Array.isArray(fields) && fields.includes("id") ? "idempotent" : "unsafe";
  }
  return "unsafe";
}

export function protocolError(model: string, method: string, expected: string, got: unknown): OdooError {
  const shown = JSON.stringify(got);
  return new OdooError({
    kind: "protocol",
    odooMessage: `expected ${expected}, got ${shown === undefined ? String(got) : shown.slice(0, 200)}`,
    model,
    method,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecords(value: unknown, model: string, method: string): OdooRecord[] {
  if (!Array.isArray(value)) throw protocolError(model, method, "a list of records", value);
  return value.map((record: unknown) => {
    if (!isPlainObject(record) || typeof record["id"] !== "number") throw protocolError(model, method, "records with an id", record);
    return record as OdooRecord;
  });
}

function asIds(value: unknown, model: string, method: string): number[] {
  if (!Array.isArray(value) || !value.every((id: unknown) => typeof id === "number")) throw protocolError(model, method, "a list of ids", value);
  return value;
}

function asLoadResult(value: unknown, model: string): LoadResult {
  if (!isPlainObject(value)) throw protocolError(model, "load", "{ids, messages}", value);
  const ids = value["ids"];
  const messages = Array.isArray(value["messages"]) ? value["messages"] : [];
  return {
    ids: ids === false || ids === null ? false : asIds(ids, model, "load"),
    messages: messages.filter(isPlainObject).map(asLoadMessage),
    nextrow: typeof value["nextrow"] === "number" ? value["nextrow"] : 0,
  };
}

function asLoadMessage(raw: Record<string, unknown>): LoadMessage {
  const rows = raw["rows"];
  return {
    type: typeof raw["type"] === "string" ? raw["type"] : "error",
    message: typeof raw["message"] === "string" ? raw["message"] : JSON.stringify(raw["message"]),
    ...(typeof raw["record"] === "number" ? { record: raw["record"] } : {}),
    ...(isPlainObject(rows) && typeof rows["from"] === "number" && typeof rows["to"] === "number" ? { rows: { from: rows["from"], to: rows["to"] } } : {}),
    ...(typeof raw["field"] === "string" ? { field: raw["field"] } : {}),
    ...(typeof raw["field_name"] === "string" ? { fieldLabel: raw["field_name"] } : {}),
    ...(raw["moreinfo"] === undefined ? {} : { moreinfo: raw["moreinfo"] }),
  };
}

/** A domain that holds when any of `terms` holds (Polish notation: one "|" fewer than terms). */
export function anyOf(terms: readonly OdooDomain[]): OdooDomain {
  return [...terms.slice(1).map((): "|" => "|"), ...terms.flat()];
}

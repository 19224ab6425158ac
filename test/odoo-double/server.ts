/**
 * A test double of an Odoo server on 127.0.0.1, for tests only: XML-RPC (`/xmlrpc/2/common`,
 * `/xmlrpc/2/object`, the legacy `/xmlrpc/*`) on every version and JSON-2 (`/json/2/...`,
 * `GET /web/version`) on 19.0, with the bodies, statuses and fault formats of the recordings in
 * test/fixtures/odoo. State lives in memory; faults can be injected; the whole state can be
 * snapshotted so a test can compare what a run left behind. See README.md for what it does not
 * model.
 */

import { Workers } from "./workers.js";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import Deserializer from "xmlrpc/lib/deserializer.js";
import { loadCatalog, type OdooVersion } from "./catalog.js";
import { dispatch, type Protocol } from "./dispatch.js";
import { json2ErrorFor, legacyXmlRpcFaultFor, OdooException, syntheticTraceback, werkzeug, xmlRpcFaultFor, accessDenied } from "./exceptions.js";
import { chargeAnswer, costKind, type CostSummary } from "./cost.js";
import { FaultInjector, type CallIdentity, type FaultKind, type FaultSettings } from "./faults.js";
import { Orm, type AccessLevel, type Env } from "./orm.js";
import { MarshalError, pyJsonDumps, xmlRpcFault, xmlRpcResponse } from "./py.js";
import { countRows, pythonJsonError } from "./request-parts.js";
import { seedDatabase } from "./seed.js";
import { Store, type Row } from "./store.js";

export type { OdooVersion } from "./catalog.js";
export type { FaultSettings, FaultRule, FaultKind } from "./faults.js";
export type { AccessLevel } from "./orm.js";
export type { CostSummary } from "./cost.js";

export interface UserSeed {
  readonly login: string;
  readonly name?: string;
  readonly email?: string;
  readonly password?: string;
  readonly apiKey?: string;
  readonly active?: boolean;
  /** admin: everything; user: internal user with Sales and Invoicing rights; limited: neither (default "user"). */
  readonly level?: AccessLevel;
}

export interface ApiKeySeed {
  readonly login: string;
  readonly key: string;
}

export interface DoubleOptions {
  readonly version: OdooVersion;
  /** Database name (default: the recorded one, e.g. "lab17"). */
  readonly database?: string;
  /** Password of the `admin` user (default "admin"). */
  readonly adminPassword?: string;
  readonly users?: readonly UserSeed[];
  readonly apiKeys?: readonly ApiKeySeed[];
  readonly faults?: FaultSettings;
  /** The server's clock (create_date, write_date, default dates). */
  readonly clock?: () => Date;
  /** Requests served side by side (workers.ts); unset: all of them. */
  readonly workers?: number;
}

export interface CallLogEntry {
  readonly seq: number;
  readonly protocol: Protocol;
  /** `common`, `object`, `db` for XML-RPC; `json2` or `web` for JSON-2. */
  readonly service: string;
  readonly model?: string;
  readonly method: string;
  readonly uid?: number;
  /** The context the call carried (empty when none). */
  readonly context: Readonly<Record<string, unknown>>;
  readonly contextKeys: readonly string[];
  /** Rows sent, for create (records) and load (data rows). */
  readonly rows?: number;
  readonly fault?: FaultKind;
  readonly outcome: "ok" | "error";
  /** Time the double spent processing the call (parsing to answer ready), in ms. */
  readonly serverMs?: number;
  /** What a real Odoo would have spent on it (cost.ts), in ms. */
  readonly costMs?: number;
  /** The cost by what was charged (`create res.partner`, `partner sync`, `row-by-row fallback`...), in ms. */
  readonly costParts?: Readonly<Record<string, number>>;
  /** Python class of the error answered. */
  readonly error?: string;
}

export interface DoubleSnapshot {
  readonly version: OdooVersion;
  /** Every record of every model that has any, by model name, sorted by id. */
  readonly models: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;
}

export interface SnapshotOptions {
  /** Only these models. */
  readonly models?: readonly string[];
  /** Leave out create_date, write_date and the other clock-derived fields (default false). */
  readonly withoutTimestamps?: boolean;
}

export interface OdooDouble {
  readonly url: string;
  readonly database: string;
  readonly version: OdooVersion;
  /** The uid of `admin`. */
  readonly adminUid: number;
  readonly callLog: readonly CallLogEntry[];
  clearCallLog(): void;
  /** What the calls answered so far would have cost a real Odoo (cost.ts): calls, ms, by call, fallbacks. */
  cost(): CostSummary;
  setFaults(faults: FaultSettings): void;
  snapshot(options?: SnapshotOptions): DoubleSnapshot;
  /** Copies of the stored rows of one model, by id. */
  records(model: string): Array<Record<string, unknown>>;
  /** E-mails Odoo would have sent (mail.mail rows). */
  outbox(): Array<Record<string, unknown>>;
  /** Chatter messages on one record. */
  chatter(model: string, resId: number): Array<Record<string, unknown>>;
  addUser(user: UserSeed): { uid: number; partnerId: number };
  addApiKey(login: string, key: string): void;
  /** Creates a record as the administrator, without chatter; registers `xmlid` (module.name) if given. */
  addRecord(model: string, vals: Record<string, unknown>, xmlid?: string): number;
  /** The most requests of `model` the server served at once (workers.ts). */
  peakInFlight(model: string): number;
  /** Requests being processed: a call goes on after its client died, as with Odoo's workers, and counts until it is done. */
  inFlight(): number;
  /** The in-memory ORM, for assertions the snapshot does not make easy. */
  readonly orm: Orm;
  stop(): Promise<void>;
}

const TIMESTAMP_FIELDS = new Set([
  "create_date",
  "write_date",
  "date",
  "date_open",
  "date_last_stage_update",
  "calendar_last_notif_ack",
  "__last_update",
  "date_order",
]);

const NOT_FOUND_HTML =
  "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";
const NO_DATABASE_HTML =
  "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n<!-- Alternatively, use the X-Odoo-Database header. -->\n";

export async function startOdooDouble(options: DoubleOptions): Promise<OdooDouble> {
  const catalog = loadCatalog(options.version);
  const database = options.database ?? catalog.database;
  const store = new Store();
  const orm = new Orm(catalog, store, options.clock === undefined ? {} : { clock: options.clock });
  seedDatabase(orm, { adminPassword: options.adminPassword ?? "admin" });
  const faults = new FaultInjector(options.faults ?? {});
  const workers = new Workers(options.workers);
  const callLog: CallLogEntry[] = [];
  // JSON-2 checks an API key on every call; the first call of a key pays for it like an authenticate.
  const keysSeen = new Set<number>();
  let seq = 0;
  const adminUid = [...store.table("res.users").values()].find((user) => user["login"] === "admin")?.id ?? 2;
  const adminEnv: Env = { uid: adminUid, context: { tracking_disable: true } };

  const addUser = (user: UserSeed): { uid: number; partnerId: number } =>
    store.transaction(() => {
      const [uid] = orm.create(adminEnv, "res.users", [
        { login: user.login, name: user.name ?? user.login, ...(user.email === undefined ? {} : { email: user.email }) },
      ]);
      if (uid === undefined) throw new Error("res.users create returned no id");
      const auth = orm.auth.get(uid);
      if (auth) {
        auth.password = user.password;
        auth.level = user.level ?? "user";
        if (user.apiKey !== undefined) auth.apiKeys.add(user.apiKey);
      }
      if (user.active === false) {
        orm.write(adminEnv, "res.users", [uid], { active: false });
        const partnerId = orm.userPartnerId(uid);
        if (partnerId !== undefined) orm.write(adminEnv, "res.partner", [partnerId], { active: false });
      }
      return { uid, partnerId: orm.userPartnerId(uid) ?? 0 };
    });

  const addApiKey = (login: string, key: string): void => {
    const user = [...store.table("res.users").values()].find((candidate) => candidate["login"] === login);
    const auth = user === undefined ? undefined : orm.auth.get(user.id);
    if (!auth) throw new Error(`the double has no user '${login}'`);
    auth.apiKeys.add(key);
  };

  for (const user of options.users ?? []) addUser(user);
  for (const { login, key } of options.apiKeys ?? []) addApiKey(login, key);

  const log = (entry: Omit<CallLogEntry, "seq" | "contextKeys">): void => {
    seq += 1;
    callLog.push({ ...entry, seq, contextKeys: Object.keys(entry.context).sort() });
  };

  /** The user a secret (password or API key) authenticates, or undefined. */
  const userFor = (uid: number, secret: unknown): boolean => {
    const user = store.get("res.users", uid);
    const auth = orm.auth.get(uid);
    if (!user || !auth || user["active"] === false || typeof secret !== "string") return false;
    return (auth.password !== undefined && auth.password === secret) || auth.apiKeys.has(secret);
  };

  const uidForLogin = (login: unknown, secret: unknown): number | false => {
    const user = [...store.table("res.users").values()].find((candidate) => candidate["login"] === login);
    if (!user || !userFor(user.id, secret)) return false;
    return user.id;
  };

  const uidForApiKey = (key: string): number | undefined => {
    for (const [uid, auth] of orm.auth) {
      if (auth.apiKeys.has(key) && store.get("res.users", uid)?.["active"] !== false) return uid;
    }
    return undefined;
  };

  const unknownDatabase = (name: unknown): OdooException =>
    new OdooException(
      "psycopg2.OperationalError",
      `connection to server at "127.0.0.1", port 5432 failed: FATAL:  database ${JSON.stringify(String(name))} does not exist`,
    );

  const handleXmlRpc = async (request: IncomingMessage, response: ServerResponse, body: string, legacy: boolean, service: string): Promise<void> => {
    let method: string;
    let params: unknown[];
    const parseStarted = performance.now();
    try {
      ({ method, params } = await parseMethodCall(body));
    } catch (error) {
      respondXml(
        response,
        xmlRpcFault(1, syntheticTraceback(new OdooException("xml.parsers.expat.ExpatError", error instanceof Error ? error.message : String(error)), "xmlrpc")),
      );
      return;
    }
    const parseMs = performance.now() - parseStarted;
    const isObjectCall = service === "object" && (method === "execute_kw" || method === "execute");
    const identity: CallIdentity = {
      model: isObjectCall && typeof params[3] === "string" ? params[3] : undefined,
      method: isObjectCall && typeof params[4] === "string" ? params[4] : method,
      authentication: !isObjectCall,
    };
    const context = isObjectCall && method === "execute_kw" ? contextOf(params[6]) : {};
    const rows = isObjectCall ? countRows(identity.method, method === "execute_kw" ? params[5] : params.slice(5)) : undefined;
    const base = {
      protocol: "xmlrpc" as const,
      service,
      ...(identity.model === undefined ? {} : { model: identity.model }),
      method: identity.method,
      ...(isObjectCall && typeof params[1] === "number" ? { uid: params[1] } : {}),
      context,
      ...(rows === undefined ? {} : { rows }),
    };
    if (!(await preflight(request, response, identity, base))) return;

    const started = performance.now();
    let result: unknown;
    let failure: OdooException | undefined;
    orm.cost.begin(costKind(service, identity.method));
    try {
      result = runXmlRpc(service, method, params);
      chargeAnswer(orm.cost, identity.method, result);
    } catch (error) {
      failure = toOdooException(error);
    }
    const cost = orm.cost.end(identity.model === undefined ? identity.method : `${identity.model}.${identity.method}`);
    let payload: string;
    if (failure === undefined) {
      try {
        payload = xmlRpcResponse(result);
      } catch (error) {
        if (!(error instanceof MarshalError)) throw error;
        failure = new OdooException("builtins.TypeError", error.message);
        payload = "";
      }
    } else {
      payload = "";
    }
    if (failure !== undefined) {
      const fault = legacy ? legacyXmlRpcFaultFor(failure) : xmlRpcFaultFor(failure);
      payload = xmlRpcFault(fault.faultCode, fault.faultString);
    }
    if (await postflight(response, identity, { ...base, serverMs: performance.now() - started + parseMs, costMs: cost.ms, costParts: cost.parts }, failure))
      return;
    respondXml(response, payload);
  };

  const runXmlRpc = (service: string, method: string, params: unknown[]): unknown => {
    if (service === "common") {
      if (method === "version") return catalog.commonVersion;
      if (method === "authenticate" || method === "login") {
        if (params[0] !== database) throw unknownDatabase(params[0]);
        return uidForLogin(params[1], params[2]);
      }
      if (method === "about") return "See http://openerp.com";
      throw new OdooException("builtins.NameError", `method not available ${method}`);
    }
    if (service === "db") {
      if (method === "list") return [database];
      if (method === "server_version") return catalog.commonVersion["server_version"];
      throw new OdooException("builtins.KeyError", `'${method}'`);
    }
    if (method !== "execute_kw" && method !== "execute") throw new OdooException("builtins.NameError", `method not available ${method}`);
    const [db, uid, secret, model, modelMethod] = params;
    if (db !== database) throw unknownDatabase(db);
    if (typeof uid !== "number" || !userFor(uid, secret)) throw accessDenied();
    const args = method === "execute_kw" ? (Array.isArray(params[5]) ? params[5] : []) : params.slice(5);
    const kwargs = method === "execute_kw" && isRecord(params[6]) ? params[6] : {};
    return store.transaction(() => dispatch(orm, { protocol: "xmlrpc", model: String(model), method: String(modelMethod), uid, args, kwargs }));
  };

  const handleJson2 = async (request: IncomingMessage, response: ServerResponse, body: string, model: string, method: string): Promise<void> => {
    const identity: CallIdentity = { model, method, authentication: false };
    const parseStarted = performance.now();
    let parsed: unknown;
    let parseError: string | undefined;
    try {
      parsed = body.trim() === "" ? {} : (JSON.parse(body) as unknown);
    } catch (error) {
      parseError = pythonJsonError(body, error);
    }
    const context = contextOf(parsed);
    const rows = isRecord(parsed) ? countRows(method, [parsed["vals_list"] ?? parsed["data"]]) : undefined;
    const parseMs = performance.now() - parseStarted;
    const authorization = header(request, "authorization");
    const bearer = /^bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
    const uid = bearer === undefined ? undefined : uidForApiKey(bearer);
    const base = {
      protocol: "json2" as const,
      service: "json2",
      model,
      method,
      ...(uid === undefined ? {} : { uid }),
      context,
      ...(rows === undefined ? {} : { rows }),
    };
    if (!(await preflight(request, response, identity, base))) return;

    const started = performance.now();
    let result: unknown;
    let failure: OdooException | undefined;
    orm.cost.begin(uid !== undefined && !keysSeen.has(uid) ? "authenticate" : "object");
    if (uid !== undefined) keysSeen.add(uid);
    try {
      if (authorization === undefined) throw werkzeug("Unauthorized", "User not authenticated, use an API Key with a Bearer Authorization header.", 401);
      if (uid === undefined) throw werkzeug("Unauthorized", "Invalid apikey", 401);
      if (parseError !== undefined) throw werkzeug("BadRequest", `could not parse the body as json: ${parseError}`, 400);
      if (!isRecord(parsed)) throw werkzeug("BadRequest", "the body must be a JSON object", 400);
      const call = {
        protocol: "json2" as const,
        model,
        method,
        uid,
        args: [],
        kwargs: parsed,
        ...(Object.prototype.hasOwnProperty.call(parsed, "ids") ? { ids: parsed["ids"] } : {}),
      };
      result = store.transaction(() => dispatch(orm, call));
      chargeAnswer(orm.cost, method, result);
    } catch (error) {
      failure = toOdooException(error);
    }
    const cost = orm.cost.end(`${model}.${method}`);
    const payload = failure === undefined ? pyJsonDumps(result) : pyJsonDumps(json2ErrorFor(failure).body);
    if (await postflight(response, identity, { ...base, serverMs: performance.now() - started + parseMs, costMs: cost.ms, costParts: cost.parts }, failure))
      return;
    respond(response, failure === undefined ? 200 : json2ErrorFor(failure).status, "application/json; charset=utf-8", payload);
  };

  /** Injected faults before processing; false when the request was already answered. */
  const preflight = async (
    request: IncomingMessage,
    response: ServerResponse,
    identity: CallIdentity,
    base: Omit<CallLogEntry, "seq" | "contextKeys" | "outcome">,
  ): Promise<boolean> => {
    const delay = faults.delayMs(identity, base.rows ?? 0);
    const done = workers.serving(base.model ?? base.method);
    response.once("finish", done).once("close", done);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const lateMs = faults.late(identity);
    if (lateMs !== undefined) {
      // The gateway's 504 goes out now; the call is processed (and committed) later, its answer
      // going nowhere (postflight sees the response already sent).
      respond(response, 504, "text/html; charset=utf-8", "<!doctype html>\n<title>504</title>\n<h1>Gateway error 504</h1>\n");
      await new Promise((resolve) => setTimeout(resolve, lateMs));
      return true;
    }
    const fault = faults.before(identity);
    if (!fault) return true;
    if (fault.kind === "throttle") {
      log({ ...base, fault: "throttle", outcome: "error", error: "TooManyRequests" });
      response.setHeader("Retry-After", String(fault.retryAfterSeconds));
      respond(response, 429, "text/html; charset=utf-8", "<!doctype html>\n<title>429 Too Many Requests</title>\n<h1>Too Many Requests</h1>\n");
    } else if (fault.kind === "server-error") {
      log({ ...base, fault: "server-error", outcome: "error", error: `HTTP ${fault.status}` });
      respond(response, fault.status, "text/html; charset=utf-8", `<!doctype html>\n<title>${fault.status}</title>\n<h1>Server error ${fault.status}</h1>\n`);
    } else {
      log({ ...base, fault: "drop", outcome: "error", error: "connection dropped" });
      request.socket.destroy();
    }
    return false;
  };

  /** Logs the processed call; loses the answer when a commit-then-fail fault fires. */
  const postflight = async (
    response: ServerResponse,
    identity: CallIdentity,
    base: Omit<CallLogEntry, "seq" | "contextKeys" | "outcome">,
    failure: OdooException | undefined,
  ): Promise<boolean> => {
    const late = response.headersSent;
    const lost = late ? undefined : faults.after(identity);
    log({
      ...base,
      ...(late ? { fault: "commit-late" as const } : lost === undefined ? {} : { fault: "commit-then-fail" as const }),
      outcome: failure === undefined ? "ok" : "error",
      ...(failure === undefined ? {} : { error: failure.pythonClass }),
    });
    if (late) return true;
    if (lost === undefined) return false;
    if (lost === "drop") response.socket?.destroy();
    else respond(response, Number(lost), "text/html; charset=utf-8", `<!doctype html>\n<title>${lost}</title>\n<h1>Gateway error ${lost}</h1>\n`);
    return true;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    const xmlrpc = /^\/xmlrpc\/(2\/)?(common|object|db)$/.exec(path);
    if (xmlrpc && request.method === "POST") {
      await handleXmlRpc(request, response, body, xmlrpc[1] === undefined, xmlrpc[2] ?? "object");
      return;
    }
    if (options.version === "19.0") {
      const databaseHeader = header(request, "x-odoo-database");
      if (databaseHeader !== undefined && databaseHeader !== database && (path.startsWith("/json/2/") || path === "/web/version")) {
        respond(response, 404, "text/html; charset=utf-8", NO_DATABASE_HTML);
        return;
      }
      if (path === "/web/version" && request.method === "GET") {
        const identity: CallIdentity = { model: undefined, method: "web/version", authentication: true };
        const base = { protocol: "json2" as const, service: "web", method: "web/version", context: {} };
        if (!(await preflight(request, response, identity, base))) return;
        orm.cost.begin("version");
        const cost = orm.cost.end("web/version");
        log({ ...base, outcome: "ok", costMs: cost.ms, costParts: cost.parts });
        respond(
          response,
          200,
          "application/json; charset=utf-8",
          pyJsonDumps({ version_info: catalog.commonVersion["server_version_info"], version: catalog.commonVersion["server_version"] }),
        );
        return;
      }
      const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
      if (json2) {
        if (request.method !== "POST") {
          const { status, body: errorBody } = json2ErrorFor(werkzeug("NotFound", "Did you mean POST /json/2/<model>/<method>?", 404));
          respond(response, status, "application/json; charset=utf-8", pyJsonDumps(errorBody));
          return;
        }
        await handleJson2(request, response, body, decodeURIComponent(json2[1] ?? ""), decodeURIComponent(json2[2] ?? ""));
        return;
      }
    }
    respond(response, 404, "text/html; charset=utf-8", NOT_FOUND_HTML);
  };

  let handling = 0;
  const server: Server = createServer((request, response) => {
    // A worker is held until the call is processed, whether or not its client is still there to read the answer (Odoo's workers go on).
    workers
      .acquire()
      .then(async (release) => {
        handling += 1;
        try {
          await handle(request, response);
        } finally {
          handling -= 1;
          release();
        }
      })
      .catch((error: unknown) => {
        if (!response.headersSent)
          respond(
            response,
            500,
            "text/plain; charset=utf-8",
            `odoo double failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const snapshot = (snapshotOptions: SnapshotOptions = {}): DoubleSnapshot => {
    const wanted = snapshotOptions.models === undefined ? undefined : new Set(snapshotOptions.models);
    const models: Record<string, Array<Record<string, unknown>>> = {};
    for (const model of store.models().sort()) {
      if (wanted !== undefined && !wanted.has(model)) continue;
      const rows = [...store.table(model).values()].sort((a, b) => a.id - b.id);
      if (rows.length === 0) continue;
      models[model] = rows.map((row) => plainRow(row, snapshotOptions.withoutTimestamps === true));
    }
    return { version: options.version, models };
  };

  return {
    url: `http://127.0.0.1:${port}`,
    database,
    version: options.version,
    adminUid,
    callLog,
    orm,
    clearCallLog: () => {
      callLog.length = 0;
    },
    cost: () => orm.cost.summary(),
    setFaults: (settings) => faults.set(settings),
    snapshot,
    records: (model) => [...store.table(model).values()].sort((a, b) => a.id - b.id).map((row) => plainRow(row, false)),
    outbox: () => [...store.table("mail.mail").values()].sort((a, b) => a.id - b.id).map((row) => plainRow(row, false)),
    chatter: (model, resId) =>
      [...store.table("mail.message").values()]
        .filter((row) => row["model"] === model && row["res_id"] === resId)
        .sort((a, b) => a.id - b.id)
        .map((row) => plainRow(row, false)),
    addUser,
    addApiKey,
    peakInFlight: (model) => workers.peak(model),
    inFlight: () => handling,
    addRecord: (model, vals, xmlid) =>
      store.transaction(() => {
        const [id] = orm.create(adminEnv, model, [vals]);
        if (id === undefined) throw new Error(`create of ${model} returned no id`);
        if (xmlid !== undefined) {
          const dot = xmlid.indexOf(".");
          orm.setXmlid(dot < 0 ? "__import__" : xmlid.slice(0, dot), dot < 0 ? xmlid : xmlid.slice(dot + 1), model, id);
        }
        return id;
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function plainRow(row: Row, withoutTimestamps: boolean): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(row).sort()) {
    if (withoutTimestamps && TIMESTAMP_FIELDS.has(key)) continue;
    const value = row[key];
    copy[key] = Array.isArray(value) ? [...(value as unknown[])].sort((a, b) => Number(a) - Number(b)) : value;
  }
  return copy;
}

function parseMethodCall(body: string): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer("utf8").deserializeMethodCall(stream, (error, method, params) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ method, params });
    });
    stream.end(body, "utf8");
  });
}

function toOdooException(error: unknown): OdooException {
  if (error instanceof OdooException) return error;
  return new OdooException("builtins.RuntimeError", `odoo double failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** The `context` member of an XML-RPC kwargs struct or a JSON-2 body. */
function contextOf(container: unknown): Record<string, unknown> {
  if (!isRecord(container)) return {};
  const context = container["context"];
  return isRecord(context) ? { ...context } : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Date);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function respond(response: ServerResponse, status: number, contentType: string, body: string): void {
  if (response.destroyed) return;
  const buffer = Buffer.from(body, "utf8");
  response.writeHead(status, { "Content-Type": contentType, "Content-Length": String(buffer.length) });
  response.end(buffer);
}

function respondXml(response: ServerResponse, body: string): void {
  respond(response, 200, "text/xml; charset=utf-8", body);
}

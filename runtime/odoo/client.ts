/**
 * The one Odoo client the runtime uses, whichever protocol carries it: XML-RPC (Odoo 14 to 19,
 * deprecated in 19, gone in 20) or JSON-2 (Odoo 19 and later, API key only). `connectOdoo` picks
 * the protocol from the server's version unless forced, and says which one it picked.
 */

import { OdooError } from "./errors.js";
import { Json2OdooClient, json2Request, type Json2Endpoint } from "./json2-client.js";
import { DEFAULT_RETRY_POLICY, REAL_RETRY_RUNTIME, type CallIdentity, type RetryPolicy, type RetryRuntime } from "./retry.js";
import { Secret } from "./secret.js";
import { displayUrl, HttpTransport, type TlsSettings } from "./transport.js";
import { XmlRpcOdooClient, xmlRpcCall, type XmlRpcEndpoint } from "./xmlrpc-client.js";
import type { SessionInfo } from "./base-client.js";
import type {
  CallOptions,
  ExternalIdTarget,
  FieldDescription,
  GenericCallOptions,
  LoadResult,
  NameSearchOptions,
  OdooClientEvent,
  OdooContext,
  OdooDomain,
  OdooProtocol,
  OdooRecord,
  ProtocolChoice,
  SearchReadAllOptions,
  SearchReadOptions,
} from "./types.js";

export interface OdooClient {
  readonly protocol: OdooProtocol;
  /** As the server reports it, e.g. "17.0-20240709". */
  readonly serverVersion: string;
  /** Major.minor, e.g. "17.0" (or "saas~18.2"). */
  readonly serie: string;
  readonly uid: number;
  readonly database: string;
  /** The server URL, safe to print. */
  readonly url: string;
  /** One line for logs and reports: version, URL, database, protocol, user id. */
  describe(): string;

  /** Any public model method. Arguments go positionally over XML-RPC and by name over JSON-2. */
  call(model: string, method: string, args?: readonly unknown[], kwargs?: Readonly<Record<string, unknown>>, options?: GenericCallOptions): Promise<unknown>;
  search(model: string, domain: OdooDomain, options?: SearchReadOptions): Promise<number[]>;
  searchRead(model: string, domain: OdooDomain, fields: readonly string[], options?: SearchReadOptions): Promise<OdooRecord[]>;
  /** Every matching record, fetched in pages. */
  searchReadAll(model: string, domain: OdooDomain, fields: readonly string[], options?: SearchReadAllOptions): Promise<OdooRecord[]>;
  /** Ids that no longer exist are left out, as Odoo does. */
  read(model: string, ids: readonly number[], fields: readonly string[], context?: OdooContext): Promise<OdooRecord[]>;
  searchCount(model: string, domain: OdooDomain, context?: OdooContext): Promise<number>;
  /**
   * Creates records and returns their ids in input order. Never repeated once the request may
   * have reached the server: an ambiguous failure is an `outcome-unknown` OdooError. Migrations
   * write through `load()` with external ids instead, which is safe to repeat.
   */
  create(model: string, valsList: ReadonlyArray<Readonly<Record<string, unknown>>>, context?: OdooContext): Promise<number[]>;
  write(model: string, ids: readonly number[], vals: Readonly<Record<string, unknown>>, context?: OdooContext): Promise<true>;
  unlink(model: string, ids: readonly number[], context?: OdooContext): Promise<true>;
  fieldsGet(model: string, attributes?: readonly string[]): Promise<Record<string, FieldDescription>>;
  nameSearch(model: string, name: string, options?: NameSearchOptions): Promise<Array<[number, string]>>;
  /**
   * Odoo's import: `fields` are column names (`id` for external ids, `field/id` for references by
   * external id, `field` for references by name); all-or-nothing per call (see LoadResult).
   */
  load(model: string, fields: readonly string[], rows: ReadonlyArray<readonly string[]>, context?: OdooContext, options?: CallOptions): Promise<LoadResult>;
  /** Resolves `module.name` external ids; absent ones are missing from the map. */
  externalIds(xmlids: readonly string[]): Promise<Map<string, ExternalIdTarget>>;
  installedModules(): Promise<string[]>;
  close(): Promise<void>;
}

export type OdooCredential = { readonly kind: "password"; readonly secret: Secret } | { readonly kind: "api-key"; readonly secret: Secret };

export interface ConnectOptions {
  readonly url: string;
  readonly database: string;
  /** Login name; XML-RPC needs it, JSON-2 identifies the user by the API key. */
  readonly login?: string;
  readonly credential: OdooCredential;
  /** Default "auto": JSON-2 on Odoo 19+ when an API key is given, XML-RPC otherwise. */
  readonly protocol?: ProtocolChoice;
  /** Per call (default 120 s; a load of 1,000 rows takes a few seconds on a small server). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly tls?: TlsSettings;
  /** Simultaneous connections (default 4); at least the batch loader's concurrency. */
  readonly maxConnections?: number;
  /** Context sent with every call (e.g. `{ lang: "en_US", tz: "Europe/London" }`). */
  readonly defaultContext?: OdooContext;
  readonly onEvent?: (event: OdooClientEvent) => void;
  /** For tests: a fake clock for backoff sleeps. */
  readonly retryRuntime?: RetryRuntime;
}

const DEFAULT_TIMEOUT_MS = 120_000;

interface VersionInfo {
  readonly serverVersion: string;
  readonly serie: string;
  readonly major: number;
}

export async function connectOdoo(options: ConnectOptions): Promise<OdooClient> {
  const baseUrl = parseServerUrl(options.url);
  const choice = options.protocol ?? "auto";
  if (options.credential.secret.isEmpty) {
    throw configuration("the Odoo password or API key is empty (ODOO_PASSWORD or ODOO_API_KEY)");
  }
  if (choice === "json2" && options.credential.kind !== "api-key") {
    throw configuration("JSON-2 authenticates with an API key only: set ODOO_API_KEY (Odoo: Preferences > Account Security > New API Key)");
  }
  if (choice === "xmlrpc" && (options.login === undefined || options.login === "")) {
    throw configuration("XML-RPC needs the login name: set ODOO_USER");
  }
  const emit = options.onEvent ?? (() => undefined);
  const transport = new HttpTransport({ ...(options.tls === undefined ? {} : { tls: options.tls }), maxSockets: options.maxConnections ?? 4 });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryPolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const retryRuntime = options.retryRuntime ?? REAL_RETRY_RUNTIME;
  const onRetry = (identity: CallIdentity, attempt: number, delayMs: number, reason: string): void =>
    emit({
      type: "retry",
      ...(identity.model === undefined ? {} : { model: identity.model }),
      ...(identity.method === undefined ? {} : { method: identity.method }),
      attempt,
      delayMs,
      reason,
    });
  const xmlrpc: XmlRpcEndpoint = { baseUrl, transport, timeoutMs, retryPolicy, retryRuntime, onRetry };
  const json2: Json2Endpoint = { baseUrl, database: options.database, transport, timeoutMs, retryPolicy, retryRuntime, onRetry };

  try {
    const version = await probeVersion(xmlrpc, json2, choice);
    let protocol: OdooProtocol;
    let reason: string;
    if (choice === "json2" && version.major < 19) {
      throw configuration(`JSON-2 exists from Odoo 19 on; this server runs ${version.serverVersion}: use XML-RPC (ODOO_PROTOCOL=xmlrpc or auto)`);
    }
    if (choice !== "auto") {
      protocol = choice;
      reason = `forced (${choice})`;
    } else if (version.major >= 19 && options.credential.kind === "api-key") {
      protocol = "json2";
      reason = `Odoo ${version.serie} with an API key: JSON-2`;
    } else if (version.major >= 20) {
      throw configuration(`Odoo ${version.serie} has no XML-RPC; JSON-2 needs an API key: set ODOO_API_KEY`);
    } else {
      protocol = "xmlrpc";
      reason = version.major >= 19 ? `Odoo ${version.serie} without an API key: XML-RPC (deprecated in 19, removed in 20)` : `Odoo ${version.serie}: XML-RPC`;
    }
    if (protocol === "xmlrpc" && (options.login === undefined || options.login === "")) {
      throw configuration("XML-RPC needs the login name: set ODOO_USER");
    }
    const base = {
      url: displayUrl(baseUrl),
      database: options.database,
      serverVersion: version.serverVersion,
      serie: version.serie,
      majorVersion: version.major,
      defaultContext: options.defaultContext ?? {},
      emit,
    };
    let client: OdooClient;
    if (protocol === "json2") {
      const whoami = await json2Request(
        json2,
        options.credential.secret,
        "json/2/res.users/context_get",
        {},
        { model: "res.users", method: "context_get", safety: "read" },
      );
      const uid = typeof whoami === "object" && whoami !== null ? (whoami as Record<string, unknown>)["uid"] : undefined;
      if (typeof uid !== "number") {
        throw new OdooError({ kind: "protocol", odooMessage: `res.users.context_get did not name the user (got ${JSON.stringify(whoami)})` });
      }
      const session: SessionInfo = { ...base, uid };
      client = new Json2OdooClient(session, json2, options.credential.secret);
    } else {
      const login = options.login ?? "";
      const uid = await xmlRpcCall(xmlrpc, "common", "authenticate", [options.database, login, options.credential.secret.reveal(), {}], {
        method: "authenticate",
        safety: "read",
      });
      if (typeof uid !== "number" || uid === 0) {
        throw new OdooError({
          kind: "access-denied",
          odooMessage: `Odoo refused the login '${login}' on database '${options.database}' at ${displayUrl(baseUrl)}`,
        });
      }
      const session: SessionInfo = { ...base, uid };
      client = new XmlRpcOdooClient(session, xmlrpc, options.credential.secret);
      if (version.major >= 19) {
        emit({ type: "warning", message: `XML-RPC is deprecated in Odoo ${version.serie} and removed in Odoo 20; set ODOO_API_KEY to use JSON-2` });
      }
    }
    emit({ type: "connected", protocol, serverVersion: version.serverVersion, url: base.url, database: options.database, uid: client.uid, reason });
    return client;
  } catch (error) {
    transport.close();
    throw error;
  }
}

/**
 * The server's version: GET /web/version (Odoo 19+, no authentication) or XML-RPC
 * common.version() (every version that has XML-RPC).
 */
async function probeVersion(xmlrpc: XmlRpcEndpoint, json2: Json2Endpoint, choice: ProtocolChoice): Promise<VersionInfo> {
  const attempts: Array<() => Promise<VersionInfo>> = [
    async () => versionFromWeb(await json2Request(json2, undefined, "web/version", undefined, { method: "web/version", safety: "read", firstContact: true })),
    async () => versionFromCommon(await xmlRpcCall(xmlrpc, "common", "version", [], { method: "version", safety: "read", firstContact: true })),
  ];
  if (choice === "xmlrpc") attempts.reverse();
  let firstError: unknown;
  for (const attempt of attempts) {
    try {
      return await attempt();
    } catch (error) {
      // A transport failure will not get better on the other endpoint.
      if (error instanceof OdooError && (error.kind === "transport" || error.kind === "timeout")) throw error;
      firstError ??= error;
    }
  }
  if (firstError instanceof OdooError) {
    throw firstError.with({ odooMessage: `could not read the server version (${firstError.odooMessage}); is ${displayUrl(xmlrpc.baseUrl)} an Odoo server?` });
  }
  throw firstError;
}

function versionFromWeb(answer: unknown): VersionInfo {
  if (typeof answer !== "object" || answer === null) throw new OdooError({ kind: "protocol", odooMessage: "GET /web/version did not answer an object" });
  const record = answer as Record<string, unknown>;
  const info = Array.isArray(record["version_info"]) ? (record["version_info"] as unknown[]) : [];
  const serverVersion = typeof record["version"] === "string" ? record["version"] : "";
  return versionInfo(serverVersion, info, undefined);
}

function versionFromCommon(answer: unknown): VersionInfo {
  if (typeof answer !== "object" || answer === null) throw new OdooError({ kind: "protocol", odooMessage: "common.version() did not answer an object" });
  const record = answer as Record<string, unknown>;
  const info = Array.isArray(record["server_version_info"]) ? (record["server_version_info"] as unknown[]) : [];
  const serverVersion = typeof record["server_version"] === "string" ? record["server_version"] : "";
  const serie = typeof record["server_serie"] === "string" ? record["server_serie"] : undefined;
  return versionInfo(serverVersion, info, serie);
}

function versionInfo(serverVersion: string, info: readonly unknown[], serie: string | undefined): VersionInfo {
  // saas releases report their major as "saas~18" in version_info.
  const rawMajor = String(info[0] ?? serverVersion.split(".")[0] ?? "");
  const major = Number.parseInt(rawMajor.replace(/^saas~/, ""), 10);
  if (!Number.isFinite(major)) throw new OdooError({ kind: "protocol", odooMessage: `unrecognised server version '${serverVersion}'` });
  const minor = typeof info[1] === "number" ? info[1] : 0;
  const computedSerie = rawMajor.startsWith("saas~") ? `${rawMajor}.${minor}` : `${major}.${minor}`;
  return { serverVersion: serverVersion === "" ? computedSerie : serverVersion, serie: serie ?? computedSerie, major };
}

function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configuration(`ODOO_URL '${text}' is not a URL (expected e.g. https://mycompany.odoo.com)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw configuration(`ODOO_URL must start with https:// or http://, not ${url.protocol}`);
  if (url.username !== "" || url.password !== "") {
    throw configuration("ODOO_URL must not contain a user name or password; credentials come from ODOO_USER and ODOO_PASSWORD or ODOO_API_KEY");
  }
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  return url;
}

function configuration(message: string): OdooError {
  return new OdooError({ kind: "configuration", odooMessage: message });
}

export type ConnectionOverrides = Partial<Omit<ConnectOptions, "credential">>;

/**
 * Connection settings from the environment: ODOO_URL, ODOO_DB, ODOO_USER, and ODOO_API_KEY or
 * ODOO_PASSWORD (an API key wins: it works for both protocols). ODOO_PROTOCOL may force
 * `xmlrpc` or `json2`. Non-secret settings can be overridden (command-line flags); credentials
 * come from the environment only.
 */
export function connectionOptionsFromEnvironment(env: Readonly<Record<string, string | undefined>>, overrides: ConnectionOverrides = {}): ConnectOptions {
  const url = overrides.url ?? env["ODOO_URL"];
  const database = overrides.database ?? env["ODOO_DB"];
  const login = overrides.login ?? env["ODOO_USER"];
  const apiKey = env["ODOO_API_KEY"];
  const password = env["ODOO_PASSWORD"];
  const protocolText = overrides.protocol ?? env["ODOO_PROTOCOL"] ?? "auto";
  const given = (value: string | undefined): boolean => value !== undefined && value !== "";
  // Everything missing is said at once: one fix round, not one per variable.
  const missing: string[] = [];
  if (!given(url)) missing.push("ODOO_URL");
  if (!given(database)) missing.push("ODOO_DB");
  // The login is needed with a password and over XML-RPC; only JSON-2 with an API key does without.
  if (!given(login) && (protocolText === "xmlrpc" || (!given(apiKey) && protocolText !== "json2"))) missing.push("ODOO_USER");
  if (!given(apiKey) && !given(password)) missing.push("ODOO_API_KEY or ODOO_PASSWORD");
  if (missing.length > 0) throw configuration(`missing environment variable${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  if (protocolText !== "auto" && protocolText !== "xmlrpc" && protocolText !== "json2") {
    throw configuration(`ODOO_PROTOCOL must be auto, xmlrpc or json2, not '${protocolText}'`);
  }
  const protocol: ProtocolChoice = protocolText;
  const credential: OdooCredential =
    apiKey !== undefined && apiKey !== "" ? { kind: "api-key", secret: new Secret(apiKey) } : { kind: "password", secret: new Secret(password ?? "") };
  if (protocol === "json2" && credential.kind !== "api-key") throw configuration("ODOO_PROTOCOL=json2 needs ODOO_API_KEY (JSON-2 does not accept passwords)");
  if ((login === undefined || login === "") && (protocol === "xmlrpc" || credential.kind === "password"))
    throw configuration("missing environment variable: ODOO_USER");
  return {
    ...overrides,
    url: url ?? "",
    database: database ?? "",
    ...(login === undefined || login === "" ? {} : { login }),
    credential,
    protocol,
  };
}

export { Secret } from "./secret.js";
export { OdooError, isOdooError, type OdooErrorKind } from "./errors.js";
export type * from "./types.js";

/**
 * Odoo's failures as one typed error the runtime can act on. Both protocols report the same
 * server exceptions in different envelopes (XML-RPC: an integer faultCode plus a message or a
 * Python traceback; JSON-2: an HTTP status plus `{name, message, ...}`); this module reads
 * either envelope, as the recordings in test/fixtures/odoo show them, into one `OdooError`.
 */

export type OdooErrorKind =
  /** Wrong login, password or API key (XML-RPC faultCode 3, JSON-2 401). */
  | "access-denied"
  /** The user lacks rights (ACLs, record rules, private methods: faultCode 4, JSON-2 403). */
  | "access-error"
  /** A user-facing refusal: UserError, ValidationError, RedirectWarning (faultCode 2, 422). */
  | "validation"
  /** The record was deleted or never existed (MissingError). */
  | "missing-record"
  | "unknown-model"
  | "unknown-field"
  | "unknown-method"
  /** SQL constraint, NOT NULL or foreign-key violation ("The operation cannot be completed"). */
  | "constraint"
  /** A value Odoo could not convert (wrong selection key, text in a number field). */
  | "bad-value"
  /** The call itself was malformed (unexpected argument, ids on a model method, bad JSON). */
  | "bad-request"
  | "unknown-database"
  /** Anything else the server raised (faultCode 1, HTTP 500). */
  | "server-error"
  /** HTTP 429 still answered after the retry bound. */
  | "throttled"
  /** HTTP 502/503/504 still answered after the retry bound. */
  | "unavailable"
  /** No connection, reset, TLS or DNS failure. */
  | "transport"
  | "timeout"
  /** A call that changes data failed in a way that leaves unknown whether Odoo applied it. */
  | "outcome-unknown"
  /** The server answered something that is not Odoo's protocol. */
  | "protocol"
  /** Missing or contradictory settings (environment variables, protocol choice). */
  | "configuration";

export interface OdooErrorDetails {
  readonly kind: OdooErrorKind;
  /** Odoo's own text (no traceback), kept verbatim for the report. */
  readonly odooMessage: string;
  /** XML-RPC faultCode: 1..4 on /xmlrpc/2, a string on the legacy endpoint. */
  readonly faultCode?: number | string;
  readonly httpStatus?: number;
  /** Python class as Odoo names it, e.g. `odoo.exceptions.ValidationError`, `ValueError`. */
  readonly exceptionClass?: string;
  readonly model?: string;
  readonly method?: string;
  /** For unknown-field: the field Odoo named. */
  readonly field?: string;
  /** Seconds the server asked to wait (HTTP Retry-After). */
  readonly retryAfterSeconds?: number;
  /** How many attempts were made before giving up. */
  readonly attempts?: number;
  /** True when the request may have been processed (only meaningful for failed writes). */
  readonly mayHaveReachedServer?: boolean;
  readonly cause?: unknown;
}

const ADVICE: Readonly<Record<OdooErrorKind, string>> = {
  "access-denied": "check ODOO_USER and ODOO_PASSWORD or ODOO_API_KEY (and that the user is active)",
  "access-error": "give the Odoo user the rights this step needs, or run it as another user",
  validation: "fix the data Odoo refused",
  "missing-record": "the record was deleted in Odoo; re-run the lookup or the step that creates it",
  "unknown-model": "install the Odoo app that provides this model, or correct the model name",
  "unknown-field": "create the custom field first or correct the field name (run `schema pull` to refresh the schema)",
  "unknown-method": "the method does not exist in this Odoo version",
  constraint: "fix the value that breaks Odoo's database constraint",
  "bad-value": "use a value of the field's type (a selection key, a number, a date as YYYY-MM-DD)",
  "bad-request": "the call does not match the method's signature in this Odoo version",
  "unknown-database": "check ODOO_DB",
  "server-error": "see Odoo's message; the server log has the full traceback",
  throttled: "the server is throttling API use; retry later or lower the concurrency",
  unavailable: "the server or its proxy is unavailable; retry later",
  transport: "check ODOO_URL and the network",
  timeout: "the server did not answer in time; retry with smaller batches or a longer timeout",
  "outcome-unknown": "check in Odoo whether the change was applied before repeating it",
  protocol: "check that ODOO_URL points at an Odoo server",
  configuration: "fix the settings named above",
};

export class OdooError extends Error {
  readonly kind: OdooErrorKind;
  readonly odooMessage: string;
  readonly faultCode: number | string | undefined;
  readonly httpStatus: number | undefined;
  readonly exceptionClass: string | undefined;
  readonly model: string | undefined;
  readonly method: string | undefined;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly attempts: number | undefined;
  readonly mayHaveReachedServer: boolean | undefined;

  constructor(details: OdooErrorDetails) {
    super(describe(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "OdooError";
    this.kind = details.kind;
    this.odooMessage = details.odooMessage;
    this.faultCode = details.faultCode;
    this.httpStatus = details.httpStatus;
    this.exceptionClass = details.exceptionClass;
    this.model = details.model;
    this.method = details.method;
    this.field = details.field;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attempts = details.attempts;
    this.mayHaveReachedServer = details.mayHaveReachedServer;
  }

  /** The same error with call context or attempt counts added. */
  with(extra: Partial<OdooErrorDetails>): OdooError {
    return new OdooError({ ...this.details(), ...extra });
  }

  details(): OdooErrorDetails {
    return {
      kind: this.kind,
      odooMessage: this.odooMessage,
      ...(this.faultCode === undefined ? {} : { faultCode: this.faultCode }),
      ...(this.httpStatus === undefined ? {} : { httpStatus: this.httpStatus }),
      ...(this.exceptionClass === undefined ? {} : { exceptionClass: this.exceptionClass }),
      ...(this.model === undefined ? {} : { model: this.model }),
      ...(this.method === undefined ? {} : { method: this.method }),
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.attempts === undefined ? {} : { attempts: this.attempts }),
      ...(this.mayHaveReachedServer === undefined ? {} : { mayHaveReachedServer: this.mayHaveReachedServer }),
      ...(this.cause === undefined ? {} : { cause: this.cause }),
    };
  }
}

export function isOdooError(value: unknown): value is OdooError {
  return value instanceof OdooError;
}

function describe(details: OdooErrorDetails): string {
  const call = details.model !== undefined && details.method !== undefined ? `${details.model}.${details.method}: ` : "";
  const attempts = details.attempts !== undefined && details.attempts > 1 ? ` (after ${details.attempts} attempts)` : "";
  return `${call}${details.odooMessage}${attempts}; ${ADVICE[details.kind]}`;
}

/** What a Python exception class and message mean, whichever protocol carried them. */
export function classifyException(exceptionClass: string, message: string): { kind: OdooErrorKind; field?: string } {
  const shortClass = exceptionClass.slice(exceptionClass.lastIndexOf(".") + 1);
  const invalidField = /Invalid field '?([\w.]+?)'?(?: on| in|$)/.exec(message) ?? /Invalid field ([\w.]+) in (?:leaf|condition)/.exec(message);
  switch (shortClass) {
    case "AccessDenied":
    case "Unauthorized":
      return { kind: "access-denied" };
    case "AccessError":
    case "Forbidden":
      return { kind: "access-error" };
    case "MissingError":
      return { kind: "missing-record" };
    case "ValidationError":
    case "UserError":
    case "RedirectWarning":
    case "Warning":
    case "except_orm":
      if (/^Object \S+ doesn't exist/.test(message)) return { kind: "unknown-model" };
      // XML-RPC reports MissingError with the same faultCode 2 as every user error.
      if (message.startsWith("Record does not exist or has been deleted")) return { kind: "missing-record" };
      if (message.startsWith("The operation cannot be completed")) return { kind: "constraint" };
      return { kind: "validation" };
    case "NotFound":
      if (/the model '[^']+' does not exist/.test(message)) return { kind: "unknown-model" };
      if (/The method '[^']+' does not exist/.test(message)) return { kind: "unknown-method" };
      return { kind: "protocol" };
    case "UnprocessableEntity":
    case "BadRequest":
      return { kind: "bad-request" };
    case "ValueError":
    case "KeyError":
      if (invalidField) {
        const named = invalidField[1] ?? "";
        return { kind: "unknown-field", field: named.slice(named.lastIndexOf(".") + 1) };
      }
      if (/^Wrong value for |could not convert|invalid literal|does not match format|Invalid date|Invalid datetime/.test(message)) {
        return { kind: "bad-value" };
      }
      return { kind: "server-error" };
    case "AttributeError":
      if (/The method '[^']+' does not exist/.test(message)) return { kind: "unknown-method" };
      return { kind: "server-error" };
    case "TypeError":
      if (/unexpected keyword argument|missing \d+ required positional argument|takes \d+ positional argument/.test(message)) {
        return { kind: "bad-request" };
      }
      return { kind: "server-error" };
    case "OperationalError":
      if (/database "[^"]*" does not exist/.test(message)) return { kind: "unknown-database" };
      return { kind: "server-error" };
    case "IntegrityError":
    case "CheckViolation":
    case "NotNullViolation":
    case "ForeignKeyViolation":
    case "UniqueViolation":
      return { kind: "constraint" };
    default:
      return { kind: "server-error" };
  }
}

/** The last line of a Python traceback, split into class and message. */
export function parseTraceback(text: string): { exceptionClass: string; message: string } | undefined {
  if (!text.startsWith("Traceback (most recent call last):")) return undefined;
  const lines = text.trimEnd().split("\n");
  // The exception line is the last one that does not start with whitespace; messages can span
  // lines, so everything from there to the end belongs to it.
  for (let index = lines.length - 1; index > 0; index -= 1) {
    const line = lines[index] ?? "";
    const match = /^([A-Za-z_][\w.]*): ?(.*)$/.exec(line);
    if (match && !line.startsWith(" ")) {
      const rest = lines.slice(index + 1).join("\n");
      const message = rest === "" ? (match[2] ?? "") : `${match[2] ?? ""}\n${rest}`;
      return { exceptionClass: match[1] ?? "Exception", message };
    }
  }
  return undefined;
}

/** RedirectWarning travels as a Python tuple repr; the user text is its first string. */
export function unwrapRedirectWarning(text: string): string | undefined {
  const match = /^\('((?:[^'\\]|\\.)*)', \{/.exec(text) ?? /^\("((?:[^"\\]|\\.)*)", \{/.exec(text);
  if (!match) return undefined;
  return (match[1] ?? "").replace(/\\(.)/g, (_whole, escaped: string) => {
    if (escaped === "n") return "\n";
    if (escaped === "t") return "\t";
    return escaped;
  });
}

const FAULT_CLASS: Readonly<Record<number, string>> = {
  2: "odoo.exceptions.UserError",
  3: "odoo.exceptions.AccessDenied",
  4: "odoo.exceptions.AccessError",
};

/** An XML-RPC `<fault>` from /xmlrpc/2 (integer codes) or the legacy /xmlrpc (string codes). */
export function errorFromXmlRpcFault(faultCode: unknown, faultString: unknown, call?: { model?: string; method?: string }): OdooError {
  const text = typeof faultString === "string" ? faultString : String(faultString);
  const context = { ...(call?.model === undefined ? {} : { model: call.model }), ...(call?.method === undefined ? {} : { method: call.method }) };
  if (typeof faultCode === "string") {
    // Legacy endpoint: "warning -- UserError\n\n<message>", "AccessDenied", or a one-line repr.
    const legacy = /^warning -- (\w+)\n\n([\s\S]*)$/.exec(faultCode);
    const exceptionClass = legacy ? `odoo.exceptions.${legacy[1] ?? "UserError"}` : faultCode === "AccessDenied" ? "odoo.exceptions.AccessDenied" : "Exception";
    const message = legacy ? (legacy[2] ?? "") : (parseTraceback(text)?.message ?? faultCode);
    const { kind, field } = classifyException(exceptionClass, message);
    return new OdooError({ kind, odooMessage: message, faultCode, exceptionClass, ...context, ...(field === undefined ? {} : { field }) });
  }
  const code = typeof faultCode === "number" ? faultCode : Number(faultCode);
  if (code === 1) {
    const parsed = parseTraceback(text);
    const exceptionClass = parsed?.exceptionClass ?? "Exception";
    const message = parsed?.message ?? text;
    const { kind, field } = classifyException(exceptionClass, message);
    return new OdooError({ kind, odooMessage: message, faultCode: code, exceptionClass, ...context, ...(field === undefined ? {} : { field }) });
  }
  const exceptionClass = FAULT_CLASS[code] ?? "Exception";
  const redirect = code === 2 ? unwrapRedirectWarning(text) : undefined;
  const message = redirect ?? text;
  const { kind, field } = classifyException(redirect === undefined ? exceptionClass : "odoo.exceptions.RedirectWarning", message);
  return new OdooError({
    kind,
    odooMessage: message,
    faultCode: code,
    exceptionClass: redirect === undefined ? exceptionClass : "odoo.exceptions.RedirectWarning",
    ...context,
    ...(field === undefined ? {} : { field }),
  });
}

/** A non-200 JSON-2 answer: a JSON body `{name, message, arguments, context, debug}` or an HTML page. */
export function errorFromJson2Response(status: number, body: string, contentType: string | undefined, call?: { model?: string; method?: string }): OdooError {
  const context = { ...(call?.model === undefined ? {} : { model: call.model }), ...(call?.method === undefined ? {} : { method: call.method }) };
  const parsed = contentType?.includes("json") ? safeJson(body) : undefined;
  if (isRecord(parsed) && typeof parsed["name"] === "string") {
    const exceptionClass = parsed["name"];
    const message = typeof parsed["message"] === "string" ? parsed["message"] : String(parsed["message"]);
    let { kind, field } = classifyException(exceptionClass, message);
    if (status === 401) kind = "access-denied";
    return new OdooError({ kind, odooMessage: message, httpStatus: status, exceptionClass, ...context, ...(field === undefined ? {} : { field }) });
  }
  if (status === 404 && /No database is selected/.test(body)) {
    return new OdooError({
      kind: "unknown-database",
      odooMessage: "the server has no database of that name (X-Odoo-Database) and no default database",
      httpStatus: status,
      ...context,
    });
  }
  return statusError(status, body, context);
}

/** An HTTP status without an Odoo body (proxies, throttling, a non-Odoo server). */
export function statusError(status: number, body: string, context: { model?: string; method?: string } = {}): OdooError {
  const excerpt = body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  const text = `HTTP ${status}${excerpt === "" ? "" : `: ${excerpt}`}`;
  if (status === 429) return new OdooError({ kind: "throttled", odooMessage: text, httpStatus: status, ...context });
  if (status === 502 || status === 503 || status === 504) return new OdooError({ kind: "unavailable", odooMessage: text, httpStatus: status, ...context });
  if (status === 401 || status === 403)
    return new OdooError({ kind: status === 401 ? "access-denied" : "access-error", odooMessage: text, httpStatus: status, ...context });
  if (status >= 500) return new OdooError({ kind: "server-error", odooMessage: text, httpStatus: status, ...context });
  return new OdooError({ kind: "protocol", odooMessage: text, httpStatus: status, ...context });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

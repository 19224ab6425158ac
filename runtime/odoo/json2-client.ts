/**
 * Odoo's JSON-2 API (Odoo 19 and later): `POST /json/2/<model>/<method>` with the method's
 * arguments by name in a JSON object (`ids` for the records, `context`), authenticated by
 * `Authorization: bearer <API key>`. Success is HTTP 200 with the bare result; failures are
 * non-200 statuses with `{name, message, arguments, context, debug}`.
 */

import { BaseOdooClient, POSITIONAL_PARAMETERS, RECORD_METHODS, type MethodCall, type SessionInfo } from "./base-client.js";
import { errorFromJson2Response, OdooError } from "./errors.js";
import { AttemptFailed, withRetries, type CallIdentity, type RetryPolicy, type RetryRuntime } from "./retry.js";
import type { Secret } from "./secret.js";
import { HttpTransport, retryAfterSeconds, TransportError, type HttpAnswer } from "./transport.js";

export interface Json2Endpoint {
  readonly baseUrl: URL;
  readonly database: string;
  readonly transport: HttpTransport;
  readonly timeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly retryRuntime: RetryRuntime;
  readonly onRetry: (identity: CallIdentity, attempt: number, delayMs: number, reason: string) => void;
}

/** Statuses that go through the retry policy instead of being read as Odoo errors. */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/** One JSON-2 request (or GET /web/version), with retries; error bodies become OdooErrors. */
export async function json2Request(
  endpoint: Json2Endpoint,
  secret: Secret | undefined,
  path: string,
  body: Readonly<Record<string, unknown>> | undefined,
  identity: CallIdentity,
  timeoutMs: number = endpoint.timeoutMs,
): Promise<unknown> {
  const url = new URL(path.replace(/^\//, ""), endpoint.baseUrl);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (endpoint.database !== "") headers["X-Odoo-Database"] = endpoint.database;
  if (secret !== undefined) headers["Authorization"] = `bearer ${secret.reveal()}`;
  const text = body === undefined ? undefined : encodeJson(body);
  const context = { ...(identity.model === undefined ? {} : { model: identity.model }), ...(identity.method === undefined ? {} : { method: identity.method }) };
  return withRetries(
    identity,
    async () => {
      let answer: HttpAnswer;
      try {
        answer = await endpoint.transport.send({
          method: text === undefined ? "GET" : "POST",
          url,
          headers,
          ...(text === undefined ? {} : { body: text }),
          timeoutMs,
        });
      } catch (error) {
        if (error instanceof TransportError) throw new AttemptFailed({ kind: "transport", error });
        throw error;
      }
      if (answer.status === 200) {
        try {
          return JSON.parse(answer.body) as unknown;
        } catch (error) {
          throw new OdooError({
            kind: "protocol",
            odooMessage: `the answer to ${url.pathname} is not JSON; is the URL an Odoo 19+ server?`,
            cause: error,
            ...context,
          });
        }
      }
      if (TRANSIENT_STATUSES.has(answer.status)) {
        throw new AttemptFailed({ kind: "status", status: answer.status, body: answer.body, retryAfterSeconds: retryAfterSeconds(answer.headers) });
      }
      const contentType = answer.headers["content-type"];
      throw errorFromJson2Response(answer.status, answer.body, Array.isArray(contentType) ? contentType[0] : contentType, context);
    },
    endpoint.retryPolicy,
    endpoint.retryRuntime,
    (event) => endpoint.onRetry(identity, event.attempt, event.delayMs, event.reason),
  );
}

function encodeJson(body: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new OdooError({ kind: "bad-value", odooMessage: `${String(value)} cannot be sent to Odoo` });
    }
    return value;
  });
}

export class Json2OdooClient extends BaseOdooClient {
  readonly protocol = "json2" as const;
  readonly #endpoint: Json2Endpoint;
  readonly #secret: Secret;

  constructor(session: SessionInfo, endpoint: Json2Endpoint, secret: Secret) {
    super(session);
    this.#endpoint = endpoint;
    this.#secret = secret;
  }

  protected async invoke(call: MethodCall): Promise<unknown> {
    const body: Record<string, unknown> = {};
    if (call.ids !== undefined) body["ids"] = call.ids;
    for (const [name, value] of call.args) {
      if (name === undefined) {
        throw new OdooError({
          kind: "bad-request",
          odooMessage: `JSON-2 passes arguments by name; call ${call.model}.${call.method} with keyword arguments (and the record ids as "ids")`,
          model: call.model,
          method: call.method,
        });
      }
      body[name] = value;
    }
    for (const [name, value] of Object.entries(call.kwargs)) {
      if (value !== undefined) body[name] = value;
    }
    const identity: CallIdentity = {
      model: call.model,
      method: call.method,
      safety: call.safety,
      ...(call.options?.retryTimeouts === undefined ? {} : { retryTimeouts: call.options.retryTimeouts }),
    };
    return json2Request(
      this.#endpoint,
      this.#secret,
      `json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`,
      body,
      identity,
      call.options?.timeoutMs ?? this.#endpoint.timeoutMs,
    );
  }

  /** Positional arguments of known ORM methods get their parameter names; ids go to `ids`. */
  protected override bindPositional(
    model: string,
    method: string,
    args: readonly unknown[],
  ): { ids?: readonly number[]; args: ReadonlyArray<readonly [string | undefined, unknown]> } {
    let rest = args;
    let ids: readonly number[] | undefined;
    if (RECORD_METHODS.has(method) && args.length > 0) {
      const first = args[0];
      ids = typeof first === "number" ? [first] : Array.isArray(first) ? (first as number[]) : [];
      rest = args.slice(1);
    }
    const names = POSITIONAL_PARAMETERS[method];
    if (rest.length > 0 && (names === undefined || names.length < rest.length)) {
      throw new OdooError({
        kind: "bad-request",
        odooMessage: `JSON-2 passes arguments by name and the parameter names of ${model}.${method} are not known; pass them as keyword arguments`,
        model,
        method,
      });
    }
    return { ...(ids === undefined ? {} : { ids }), args: rest.map((value, index) => [names?.[index], value] as const) };
  }

  protected release(): void {
    this.#endpoint.transport.close();
  }
}

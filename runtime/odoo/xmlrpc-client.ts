/**
 * Odoo's XML-RPC API (`/xmlrpc/2/common`, `/xmlrpc/2/object`), available from Odoo 8 to 19 and
 * deprecated in 19. Every object call is `execute_kw(db, uid, secret, model, method, args, kwargs)`;
 * errors come back as HTTP 200 `<fault>` documents with faultCode 1 to 4.
 */

import { BaseOdooClient, type MethodCall, type SessionInfo } from "./base-client.js";
import { errorFromXmlRpcFault, OdooError } from "./errors.js";
import { AttemptFailed, withRetries, type CallIdentity, type RetryPolicy, type RetryRuntime } from "./retry.js";
import type { Secret } from "./secret.js";
import { decodeMethodResponse, encodeMethodCall } from "./xmlrpc-codec.js";
import { HttpTransport, retryAfterSeconds, TransportError } from "./transport.js";

export interface XmlRpcEndpoint {
  readonly baseUrl: URL;
  readonly transport: HttpTransport;
  readonly timeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly retryRuntime: RetryRuntime;
  readonly onRetry: (identity: CallIdentity, attempt: number, delayMs: number, reason: string) => void;
}

/** One XML-RPC call to a service, with retries; faults become OdooErrors. */
export async function xmlRpcCall(
  endpoint: XmlRpcEndpoint,
  service: "common" | "object" | "db",
  method: string,
  params: readonly unknown[],
  identity: CallIdentity,
  timeoutMs: number = endpoint.timeoutMs,
): Promise<unknown> {
  const url = new URL(`xmlrpc/2/${service}`, endpoint.baseUrl);
  const body = encodeMethodCall(method, params);
  const context = { ...(identity.model === undefined ? {} : { model: identity.model }), ...(identity.method === undefined ? {} : { method: identity.method }) };
  return withRetries(
    identity,
    async () => {
      let answer;
      try {
        answer = await endpoint.transport.send({ method: "POST", url, headers: { "Content-Type": "text/xml; charset=utf-8" }, body, timeoutMs });
      } catch (error) {
        if (error instanceof TransportError) throw new AttemptFailed({ kind: "transport", error });
        throw error;
      }
      if (answer.status !== 200) {
        if (answer.status === 404) {
          throw new OdooError({
            kind: "protocol",
            odooMessage: `no XML-RPC endpoint at ${url.pathname} (HTTP 404); Odoo 20 and later have no XML-RPC: use JSON-2 with an API key`,
            httpStatus: 404,
            ...context,
          });
        }
        throw new AttemptFailed({ kind: "status", status: answer.status, body: answer.body, retryAfterSeconds: retryAfterSeconds(answer.headers) });
      }
      let outcome;
      try {
        outcome = await decodeMethodResponse(answer.body);
      } catch (error) {
        throw new OdooError({
          kind: "protocol",
          odooMessage: `the answer to ${method} is not XML-RPC (${error instanceof Error ? error.message : String(error)}); is the URL an Odoo server?`,
          cause: error,
          ...context,
        });
      }
      if (outcome.kind === "fault") throw errorFromXmlRpcFault(outcome.faultCode, outcome.faultString, context);
      return outcome.value;
    },
    endpoint.retryPolicy,
    endpoint.retryRuntime,
    (event) => endpoint.onRetry(identity, event.attempt, event.delayMs, event.reason),
  );
}

export class XmlRpcOdooClient extends BaseOdooClient {
  readonly protocol = "xmlrpc" as const;
  readonly #endpoint: XmlRpcEndpoint;
  readonly #secret: Secret;

  constructor(session: SessionInfo, endpoint: XmlRpcEndpoint, secret: Secret) {
    super(session);
    this.#endpoint = endpoint;
    this.#secret = secret;
  }

  protected async invoke(call: MethodCall): Promise<unknown> {
    const positional = [...(call.ids === undefined ? [] : [call.ids]), ...call.args.map(([, value]) => value)];
    const kwargs = Object.fromEntries(Object.entries(call.kwargs).filter(([, value]) => value !== undefined));
    const params = [
      this.session.database,
      this.session.uid,
      this.#secret.reveal(),
      call.model,
      call.method,
      positional,
      ...(Object.keys(kwargs).length === 0 ? [] : [kwargs]),
    ];
    const identity: CallIdentity = {
      model: call.model,
      method: call.method,
      safety: call.safety,
      ...(call.options?.retryTimeouts === undefined ? {} : { retryTimeouts: call.options.retryTimeouts }),
    };
    return xmlRpcCall(this.#endpoint, "object", "execute_kw", params, identity, call.options?.timeoutMs ?? this.#endpoint.timeoutMs);
  }

  protected release(): void {
    this.#endpoint.transport.close();
  }
}

/**
 * Retrying transient failures (throttling, overloaded proxies, dropped connections) with
 * exponential backoff and jitter, honouring Retry-After, within a bound. What may be retried
 * depends on the call: a read always; an idempotent write (write, unlink, load keyed by external
 * ids) always; a create only when the server certainly did not process it.
 */

import { OdooError, statusError } from "./errors.js";
import { TransportError } from "./transport.js";

export interface RetryPolicy {
  /** Total attempts including the first (1 = never retry). */
  readonly maxAttempts: number;
  /** First backoff step; doubles each attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails as throttled. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 120_000,
};

/**
 * - `read`: no side effects, always safe to repeat.
 * - `idempotent`: repeating converges to the same state (write with the same values, unlink,
 *   load with an `id` column of external ids).
 * - `unsafe`: may duplicate if repeated (create, load without external ids, unknown methods).
 */
export type CallSafety = "read" | "idempotent" | "unsafe";

/** A failure seen by one attempt: the transport's, or an HTTP status the protocol did not handle. */
export type AttemptFailure =
  | { readonly kind: "transport"; readonly error: TransportError }
  | { readonly kind: "status"; readonly status: number; readonly body: string; readonly retryAfterSeconds: number | undefined };

export class AttemptFailed extends Error {
  readonly failure: AttemptFailure;
  constructor(failure: AttemptFailure) {
    super(failure.kind === "transport" ? failure.error.message : `HTTP ${failure.status}`);
    this.name = "AttemptFailed";
    this.failure = failure;
  }
}

export interface RetryEvent {
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface RetryRuntime {
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const REAL_RETRY_RUNTIME: RetryRuntime = {
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Statuses that mean "not processed, come back later" by convention (RFC 6585, RFC 9110). */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
/** Gateway statuses: the upstream Odoo may still have processed the request. */
const GATEWAY_STATUSES = new Set([502, 504]);
const TRANSIENT_TRANSPORT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "TIMEOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
]);

export interface CallIdentity {
  readonly model?: string;
  readonly method?: string;
  readonly safety: CallSafety;
  /** When false, a timeout is reported at once (the batch loader shrinks the batch instead). */
  readonly retryTimeouts?: boolean;
  /**
   * The first call to a server (its version): a refused or unreachable address is reported at
   * once, since nothing listens there (a wrong URL or port), rather than retried as a server that
   * restarts during a run would be.
   */
  readonly firstContact?: boolean;
}

/** Transport failures that mean nothing listens at the address. */
const NOBODY_THERE = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH"]);

/** Exponential backoff with "equal jitter": never zero, never more than the cap. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetries<T>(
  call: CallIdentity,
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  runtime: RetryRuntime,
  onRetry?: (event: RetryEvent) => void,
): Promise<T> {
  const context = { ...(call.model === undefined ? {} : { model: call.model }), ...(call.method === undefined ? {} : { method: call.method }) };
  for (let number = 1; ; number += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof AttemptFailed)) {
        // Odoo's own answer; after a retry it may reflect the first, unanswered attempt.
        if (error instanceof OdooError && number > 1) throw error.with({ attempts: number });
        throw error;
      }
      const failure = error.failure;
      const verdict = judge(failure, call);
      const finalError = toOdooError(failure, call, number, context);
      if (!verdict.retry || number >= policy.maxAttempts) throw finalError;
      let delayMs = backoffDelay(number, policy, runtime.random);
      if (failure.kind === "status" && failure.retryAfterSeconds !== undefined) {
        const askedMs = failure.retryAfterSeconds * 1000;
        if (askedMs > policy.maxRetryAfterMs) throw finalError;
        // Wait what the server asked, plus a little jitter so parallel workers do not return together.
        delayMs = askedMs + Math.round(runtime.random() * Math.min(1000, policy.baseDelayMs));
      }
      onRetry?.({ attempt: number, delayMs, reason: verdict.reason });
      await runtime.sleep(delayMs);
    }
  }
}

function judge(failure: AttemptFailure, call: CallIdentity): { retry: boolean; reason: string } {
  if (failure.kind === "status") {
    const reason = `HTTP ${failure.status}`;
    if (NOT_PROCESSED_STATUSES.has(failure.status)) return { retry: true, reason };
    if (GATEWAY_STATUSES.has(failure.status)) return { retry: call.safety !== "unsafe", reason };
    return { retry: false, reason };
  }
  const error = failure.error;
  if (!TRANSIENT_TRANSPORT_CODES.has(error.code)) return { retry: false, reason: error.code };
  if (call.firstContact === true && NOBODY_THERE.has(error.code)) return { retry: false, reason: error.code };
  if (error.timedOut && call.retryTimeouts === false) return { retry: false, reason: "timeout" };
  if (!error.mayHaveReachedServer) return { retry: true, reason: error.code };
  return { retry: call.safety !== "unsafe", reason: error.code };
}

function toOdooError(failure: AttemptFailure, call: CallIdentity, attempts: number, context: { model?: string; method?: string }): OdooError {
  if (failure.kind === "status") {
    const base = statusError(failure.status, failure.body, context);
    const unknownOutcome = call.safety === "unsafe" && GATEWAY_STATUSES.has(failure.status);
    return base.with({
      ...(unknownOutcome
        ? {
            kind: "outcome-unknown",
            odooMessage: `${base.odooMessage} (a gateway answered; Odoo may or may not have applied the ${call.method ?? "call"})`,
            mayHaveReachedServer: true,
          }
        : {}),
      attempts,
      ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
    });
  }
  const error = failure.error;
  if (call.safety === "unsafe" && error.mayHaveReachedServer) {
    return new OdooError({
      kind: "outcome-unknown",
      odooMessage: `${error.message}; the request may have been processed, so it was not repeated`,
      mayHaveReachedServer: true,
      attempts,
      cause: error,
      ...context,
    });
  }
  return new OdooError({
    kind: error.timedOut ? "timeout" : "transport",
    odooMessage: error.message,
    mayHaveReachedServer: error.mayHaveReachedServer,
    attempts,
    cause: error,
    ...context,
  });
}

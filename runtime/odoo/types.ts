/**
 * The shapes the connector hands to the runtime, independent of the protocol that carried them.
 */

export type OdooProtocol = "xmlrpc" | "json2";
export type ProtocolChoice = OdooProtocol | "auto";

/** One record as Odoo reads it: many2one as `[id, display name]` or false, x2many as id arrays. */
export interface OdooRecord {
  readonly id: number;
  readonly [field: string]: unknown;
}

/** Odoo's domain: a prefix-notation list of `[field, operator, value]` leaves and `&`, `|`, `!`. */
export type OdooDomain = ReadonlyArray<unknown>;

export type OdooContext = Readonly<Record<string, unknown>>;

/** One field as `fields_get` describes it (only the attributes asked for are present). */
export interface FieldDescription {
  readonly type: string;
  readonly string?: string;
  readonly required?: boolean;
  readonly readonly?: boolean;
  readonly store?: boolean;
  readonly relation?: string;
  readonly relation_field?: string;
  readonly selection?: ReadonlyArray<readonly [string, string]>;
  readonly help?: string;
  readonly [attribute: string]: unknown;
}

/** One entry of `load()`'s `messages`: row-level problems, 0-based `record` within the call. */
export interface LoadMessage {
  readonly type: string;
  readonly message: string;
  readonly record?: number;
  readonly rows?: { readonly from: number; readonly to: number };
  /** Technical field name Odoo blames, when it names one. */
  readonly field?: string;
  /** The field's label, as Odoo printed it in the message. */
  readonly fieldLabel?: string;
  readonly moreinfo?: unknown;
}

/** `load()`'s answer. `ids` is false when any row failed: then nothing of the call was kept. */
export interface LoadResult {
  readonly ids: readonly number[] | false;
  readonly messages: readonly LoadMessage[];
  readonly nextrow: number;
}

export interface ExternalIdTarget {
  readonly model: string;
  readonly resId: number;
}

export interface SearchReadOptions {
  readonly limit?: number;
  readonly offset?: number;
  readonly order?: string;
  readonly context?: OdooContext;
}

export interface SearchReadAllOptions {
  /** Records per call (default 1000). */
  readonly pageSize?: number;
  /** Sort order; without one, pages are taken by ascending id, which stays correct while records change. */
  readonly order?: string;
  readonly context?: OdooContext;
}

export interface NameSearchOptions {
  readonly domain?: OdooDomain;
  readonly operator?: string;
  readonly limit?: number;
  readonly context?: OdooContext;
}

/** Per-call overrides. */
export interface CallOptions {
  readonly timeoutMs?: number;
  /** Whether a timed-out call is retried (default true for reads and idempotent writes). */
  readonly retryTimeouts?: boolean;
}

export type CallSafetyOverride = "read" | "idempotent" | "unsafe";

export interface GenericCallOptions extends CallOptions {
  /** How the call may be retried; by default derived from the method name. */
  readonly safety?: CallSafetyOverride;
}

export type OdooClientEvent =
  | {
      readonly type: "connected";
      readonly protocol: OdooProtocol;
      readonly serverVersion: string;
      readonly url: string;
      readonly database: string;
      readonly uid: number;
      /** Why this protocol was used (chosen automatically or forced). */
      readonly reason: string;
    }
  | { readonly type: "retry"; readonly model?: string; readonly method?: string; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: "warning"; readonly message: string };

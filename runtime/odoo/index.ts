/** The Odoo connector: one client over XML-RPC or JSON-2, typed errors, batched loads. */
export {
  connectOdoo,
  connectionOptionsFromEnvironment,
  type OdooClient,
  type ConnectOptions,
  type ConnectionOverrides,
  type OdooCredential,
} from "./client.js";
export { loadInBatches, splitAroundSuspects, QUIET_IMPORT_CONTEXT, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from "./batch-loader.js";
export { MeasuredConcurrency, fixedConcurrency, type ConcurrencyChoice, type ObservedCall } from "./concurrency.js";
export { LastWrites } from "./last-writes.js";
export { RecomputeTracking } from "./recompute-tracking.js";
export { rowEffects } from "./row-effects.js";
export type { LoadRow, BatchLoadOptions, BatchLoadResult, BatchProgress, LoadedRow, RejectedRow, RowEffects, RowWarning } from "./batch-loader.js";
export {
  OdooError,
  isOdooError,
  classifyException,
  errorFromXmlRpcFault,
  errorFromJson2Response,
  type OdooErrorKind,
  type OdooErrorDetails,
} from "./errors.js";
export { DEFAULT_RETRY_POLICY, backoffDelay, type RetryPolicy, type RetryRuntime, type CallSafety } from "./retry.js";
export { Secret } from "./secret.js";
export type { TlsSettings } from "./transport.js";
export type * from "./types.js";

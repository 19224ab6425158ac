/**
 * Replays a whole recorded lifecycle of a shipped package (run, re-run, diff, two rollbacks: see
 * ../shared/odoo/RUNS.md) against a double seeded as the real fresh database was, sending each
 * recorded request in order and comparing each answer with the recorded one.
 *
 * What depends on the database's sequences or on the clock is normalised, and only that:
 * - record ids: every id a recorded answer reveals is matched with the id the double answered at
 *   the same place (per model, one to one), and later requests are rewritten with the double's;
 * - the clock: the double's clock runs on the recording's day (one second per exchange), so
 *   dates Odoo derives from "today" must be equal; timestamps the server stamps itself
 *   (create_date, write_date, ...) must be timestamps, and must have changed between two reads of
 *   the same record when the recorded ones changed (Odoo wrote it in between).
 * Anything else that differs is a mismatch, unless a named, documented difference in
 * KNOWN_DIFFERENCES (run-differences.ts, listed in README.md) accounts for it.
 */

import serializer from "xmlrpc/lib/serializer.js";
import { decodeMethodResponse } from "../../../runtime/odoo/xmlrpc-codec.js";
import type { OdooVersion } from "../catalog.js";
import { startOdooDouble, type OdooDouble } from "../server.js";
import { compareOutcome, Comparison, IdMap, isRecord, isTimestamp, type Mismatch, type TimestampPolicy } from "./compare.js";
import { parseCall, send } from "./http.js";
import { Rewriter } from "./rewrite.js";
import { readRecordedRun, type RecordedExchange, type RunPackage } from "./run-fixture.js";
import { applyKnownDifferences, type ReplayedCall } from "./run-differences.js";

export interface ExchangeOutcome {
  /** `<version>/<package>#<seq>` */
  readonly key: string;
  readonly seq: number;
  readonly phase: string;
  /** `model.method`, or the common service's method. */
  readonly call: string;
  readonly mismatches: readonly Mismatch[];
  /** The known differences (by name) that this exchange needed. */
  readonly excused: readonly string[];
}

/** Fields the server stamps from its own clock. */
const CLOCK_FIELDS: ReadonlySet<string> = new Set(["create_date", "write_date", "__last_update", "date_open", "date_last_stage_update"]);

/**
 * Clock fields: a timestamp, changed between two reads of the same record when the recorded one
 * changed. Other datetimes: equal.
 */
class RunClock implements TimestampPolicy {
  readonly #seen = new Map<string, { recorded: string; actual: unknown }>();

  compare(model: string, recordedId: unknown, field: string, recorded: string, actual: unknown): string | undefined {
    if (!CLOCK_FIELDS.has(field)) return recorded === actual ? undefined : "value differs";
    if (!isTimestamp(actual)) return "expected a timestamp";
    const key = `${model}\u0000${String(recordedId)}\u0000${field}`;
    const previous = this.#seen.get(key);
    this.#seen.set(key, { recorded, actual });
    // One way only: Odoo's timestamps have a one-second resolution, so a write in the same second
    // as the one before leaves the recorded value as it was while the double's clock moved on.
    if (previous === undefined || previous.recorded === recorded || previous.actual !== actual) return undefined;
    return "the recorded timestamp changed since the last read (Odoo wrote the record), the double's did not";
  }
}

interface Setup {
  readonly database: string;
  readonly start: Date;
}

/** The recorded database name and the time the first run started (its run id, in the CLI's log). */
function setupOf(exchanges: readonly RecordedExchange[], runLog: string): Setup {
  const database = exchanges.find((exchange) => exchange.database !== null)?.database ?? /<string>(rec[^<]+)<\/string>/.exec(exchanges[1]?.request ?? "")?.[1];
  const runId = /run (\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-/.exec(runLog);
  if (database === undefined || runId === null) throw new Error("the recording names no database or no run id");
  const [, year, month, day, hour, minute, second] = runId;
  return { database, start: new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`) };
}

export interface ReplayOptions {
  /** Called when a phase's last exchange has been replayed, with the double as it then is. */
  readonly afterPhase?: (phase: string, double: OdooDouble) => void;
  /** Only the exchanges of these phases (default: all). */
  readonly phases?: readonly string[];
}

export async function replayRun(version: OdooVersion, runPackage: RunPackage, options: ReplayOptions = {}): Promise<ExchangeOutcome[]> {
  const run = readRecordedRun(version, runPackage);
  const setup = setupOf(run.exchanges, run.logs["run"] ?? "");
  let now = setup.start.getTime();
  const double = await startOdooDouble({
    version,
    database: setup.database,
    apiKeys: [{ login: "admin", key: "REDACTED_LAB_API_KEY" }],
    clock: () => new Date(now),
  });
  try {
    const ids = new IdMap();
    const clock = new RunClock();
    const rewriter = new Rewriter(double.orm.catalog, ids, double.orm);
    const outcomes: ExchangeOutcome[] = [];
    for (const [index, exchange] of run.exchanges.entries()) {
      if (options.phases !== undefined && !options.phases.includes(exchange.phase)) continue;
      now = setup.start.getTime() + exchange.seq * 1000;
      const comparison = new Comparison(double.orm.catalog, ids, clock);
      const replayed = exchange.path.startsWith("/json/2/")
        ? await replayJson2(double, exchange, ids, rewriter, comparison)
        : await replayXmlRpc(double, exchange, ids, rewriter, comparison);
      outcomes.push({
        key: `${version}/${runPackage}#${exchange.seq}`,
        seq: exchange.seq,
        phase: exchange.phase,
        call: replayed.model === undefined ? replayed.method : `${replayed.model}.${replayed.method}`,
        mismatches: comparison.mismatches,
        excused: replayed.excused,
      });
      if (run.exchanges[index + 1]?.phase !== exchange.phase) options.afterPhase?.(exchange.phase, double);
    }
    return outcomes;
  } finally {
    await double.stop();
  }
}

interface Replayed extends ReplayedCall {
  readonly excused: readonly string[];
}

async function replayXmlRpc(double: OdooDouble, exchange: RecordedExchange, ids: IdMap, rewriter: Rewriter, comparison: Comparison): Promise<Replayed> {
  const request = await parseCall(exchange.request ?? "");
  const params = [...request.params];
  let model: string | undefined;
  let method = request.method;
  let args: unknown[] = [];
  let kwargs: Record<string, unknown> = {};
  if (request.method === "execute_kw") {
    model = String(params[3]);
    method = String(params[4]);
    params[1] = ids.forward("res.users", Number(params[1]));
    const rewritten = rewriter.call(model, method, Array.isArray(params[5]) ? (params[5] as unknown[]) : [], isRecord(params[6]) ? params[6] : {});
    ({ args, kwargs } = rewritten);
    params[5] = args;
    if (params.length > 6) params[6] = kwargs;
  }
  const answer = await send(`${double.url}${exchange.path}`, "POST", { "Content-Type": "text/xml" }, serializer.serializeMethodCall(request.method, params));
  const recorded = await decodeMethodResponse(exchange.response ?? "");
  if (answer.status !== exchange.status) comparison.fail("status", exchange.status, answer.status, answer.body.slice(0, 300));
  if (answer.status !== 200) return { model, method, args, kwargs, excused: [] };
  const actual = await decodeMethodResponse(answer.body);
  const call: ReplayedCall = { model, method, args, kwargs };
  if (recorded.kind !== "result" || actual.kind !== "result") {
    compareOutcome(comparison, model, method, recorded, actual);
    return { ...call, excused: [] };
  }
  const narrowed = applyKnownDifferences({ double, ids }, call, recorded.value, actual.value);
  comparison.referenceModel = namedModel(call);
  comparison.result(model, method, narrowed.recorded, narrowed.actual);
  return { ...call, excused: narrowed.excused };
}

async function replayJson2(double: OdooDouble, exchange: RecordedExchange, ids: IdMap, rewriter: Rewriter, comparison: Comparison): Promise<Replayed> {
  const match = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(exchange.path);
  const model = match?.[1] ?? "";
  const method = match?.[2] ?? exchange.path;
  const body = JSON.parse(exchange.request ?? "{}") as Record<string, unknown>;
  const kwargs = rewriter.call(model, method, [], body).kwargs;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (exchange.authorization !== null) headers["Authorization"] = exchange.authorization;
  if (exchange.database !== null) headers["X-Odoo-Database"] = exchange.database;
  const answer = await send(`${double.url}${exchange.path}`, "POST", headers, JSON.stringify(kwargs));
  comparison.exact("status", exchange.status, answer.status);
  const call: ReplayedCall = { model, method, args: [], kwargs };
  const recorded = JSON.parse(exchange.response ?? "null") as unknown;
  let actual: unknown;
  try {
    actual = JSON.parse(answer.body) as unknown;
  } catch {
    comparison.fail("body", recorded, answer.body.slice(0, 300), "not JSON");
    return { ...call, excused: [] };
  }
  if (exchange.status !== 200 || answer.status !== 200) {
    if (isRecord(recorded) && isRecord(actual)) for (const key of ["name", "message", "arguments"]) comparison.exact(key, recorded[key], actual[key]);
    else comparison.exact("body", recorded, actual);
    return { ...call, excused: [] };
  }
  const narrowed = applyKnownDifferences({ double, ids }, call, recorded, actual);
  comparison.referenceModel = namedModel(call);
  comparison.result(model, method, narrowed.recorded, narrowed.actual);
  return { ...call, excused: narrowed.excused };
}

/** The model a search's `model = X` (or `res_model = X`) leaf names: what its `res_id` values point into. */
function namedModel(call: ReplayedCall): string | undefined {
  const domain = call.kwargs["domain"] ?? call.args[0];
  if (!Array.isArray(domain)) return undefined;
  for (const leaf of domain) {
    if (Array.isArray(leaf) && (leaf[0] === "model" || leaf[0] === "res_model") && leaf[1] === "=" && typeof leaf[2] === "string") return leaf[2];
  }
  return undefined;
}

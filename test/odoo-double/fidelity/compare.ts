/**
 * Comparing the double's answers with recorded ones: results read with each method's meaning
 * (which positions are ids of which model), record ids translated through an IdMap learned as
 * the replay goes (the real database had other ids), and values that depend on the clock
 * compared by a timestamp policy. Every difference is a Mismatch with its path.
 */

import type { XmlRpcOutcome } from "../../../runtime/odoo/xmlrpc-codec.js";
import type { Catalog } from "../catalog.js";
import { lastTracebackLine } from "./http.js";

export interface Mismatch {
  readonly path: string;
  readonly recorded: unknown;
  readonly actual: unknown;
  readonly why: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function isTimestamp(value: unknown): value is string {
  return typeof value === "string" && TIMESTAMP.test(value);
}

/** Recorded id ↔ double id, per model, one to one. */
export class IdMap {
  readonly #forward = new Map<string, Map<number, number>>();
  readonly #backward = new Map<string, Map<number, number>>();

  set(model: string, recorded: number, actual: number): void {
    this.table(this.#forward, model).set(recorded, actual);
    this.table(this.#backward, model).set(actual, recorded);
  }

  /**
   * The double's id for a recorded id. An id never seen stays as it is (reference records have
   * the same ids in both databases), unless the double's record of that id is already known as
   * another recorded record: then it names a record the double does not have.
   */
  forward(model: string, recorded: number): number {
    const known = this.#forward.get(model)?.get(recorded);
    if (known !== undefined) return known;
    const taken = this.#backward.get(model)?.get(recorded);
    return taken !== undefined && taken !== recorded ? UNKNOWN_ID_BASE + recorded : recorded;
  }

  has(model: string, recorded: number): boolean {
    return this.#forward.get(model)?.has(recorded) ?? false;
  }

  /** True when consistent (learning the pair if both sides are new). */
  match(model: string, recorded: number, actual: number): boolean {
    const known = this.#forward.get(model)?.get(recorded);
    if (known !== undefined) return known === actual;
    const taken = this.#backward.get(model)?.get(actual);
    if (taken !== undefined) return taken === recorded;
    this.set(model, recorded, actual);
    return true;
  }

  private table(tables: Map<string, Map<number, number>>, model: string): Map<number, number> {
    let table = tables.get(model);
    if (!table) {
      table = new Map();
      tables.set(model, table);
    }
    return table;
  }
}

/** Ids the double has no record for (a recorded record it does not model). */
const UNKNOWN_ID_BASE = 1_000_000_000;

/** How values that depend on the server's clock are compared. */
export interface TimestampPolicy {
  /** Undefined when acceptable, else why not. */
  compare(model: string, recordedId: unknown, field: string, recorded: string, actual: unknown): string | undefined;
}

/** Any timestamp for any timestamp (the wire recordings: single calls on another day). */
export const ANY_TIMESTAMP: TimestampPolicy = {
  compare: (_model, _id, _field, _recorded, actual) => (isTimestamp(actual) ? undefined : "expected a timestamp"),
};

export class Comparison {
  readonly mismatches: Mismatch[] = [];
  readonly #catalog: Catalog;
  readonly #ids: IdMap;
  readonly #timestamps: TimestampPolicy;
  /** The model `res_id` values point into when the records read do not say (a search on `model = X`). */
  referenceModel: string | undefined;

  constructor(catalog: Catalog, ids: IdMap, timestamps: TimestampPolicy = ANY_TIMESTAMP) {
    this.#catalog = catalog;
    this.#ids = ids;
    this.#timestamps = timestamps;
  }

  fail(path: string, recorded: unknown, actual: unknown, why: string): void {
    this.mismatches.push({ path, recorded, actual, why });
  }

  id(path: string, model: string, recorded: unknown, actual: unknown): void {
    if (typeof recorded !== "number" || typeof actual !== "number") {
      if (!deepEqual(recorded, actual)) this.fail(path, recorded, actual, `expected an id of ${model}`);
      return;
    }
    if (!this.#ids.match(model, recorded, actual)) this.fail(path, recorded, actual, `id of ${model} does not correspond`);
  }

  ids(path: string, model: string, recorded: unknown, actual: unknown): void {
    if (!Array.isArray(recorded) || !Array.isArray(actual)) {
      if (!deepEqual(recorded, actual)) this.fail(path, recorded, actual, "expected a list of ids");
      return;
    }
    if (recorded.length !== actual.length) {
      this.fail(path, recorded, actual, `expected ${recorded.length} ids, got ${actual.length}`);
      return;
    }
    recorded.forEach((item, index) => this.id(`${path}[${index}]`, model, item, actual[index]));
  }

  records(path: string, model: string, recorded: unknown, actual: unknown): void {
    if (!Array.isArray(recorded) || !Array.isArray(actual)) {
      if (!deepEqual(recorded, actual)) this.fail(path, recorded, actual, "expected a list of records");
      return;
    }
    if (recorded.length !== actual.length) {
      this.fail(path, summarize(recorded), summarize(actual), `expected ${recorded.length} records, got ${actual.length}`);
      return;
    }
    recorded.forEach((record, index) => this.record(`${path}[${index}]`, model, record, actual[index]));
  }

  record(path: string, model: string, recorded: unknown, actual: unknown): void {
    if (!isRecord(recorded) || !isRecord(actual)) {
      this.fail(path, recorded, actual, "expected a record");
      return;
    }
    const recordedKeys = Object.keys(recorded).sort();
    const actualKeys = Object.keys(actual).sort();
    const missing = recordedKeys.filter((key) => !(key in actual));
    const extra = actualKeys.filter((key) => !(key in recorded));
    if (missing.length > 0 || extra.length > 0) this.fail(path, missing, extra, "different fields (recorded-only, double-only)");
    if ("id" in recorded) this.fieldValue(`${path}.id`, model, "id", recorded["id"], actual["id"], recorded);
    for (const key of recordedKeys) {
      if (!(key in actual) || key === "id") continue;
      this.fieldValue(`${path}.${key}`, model, key, recorded[key], actual[key], recorded);
    }
  }

  fieldValue(path: string, model: string, fieldName: string, recorded: unknown, actual: unknown, record: Record<string, unknown>): void {
    if (fieldName === "id") {
      this.id(path, model, recorded, actual);
      return;
    }
    const field = this.#catalog.models.get(model)?.fields.get(fieldName);
    if (isTimestamp(recorded) && (field === undefined || field.type === "datetime")) {
      const why = this.#timestamps.compare(model, record["id"], fieldName, recorded, actual);
      if (why !== undefined) this.fail(path, recorded, actual, why);
      return;
    }
    switch (field?.type) {
      case "many2one":
        if (Array.isArray(recorded) && Array.isArray(actual) && field.relation !== undefined) {
          this.id(`${path}[0]`, field.relation, recorded[0], actual[0]);
          if (recorded[1] !== actual[1]) this.fail(`${path}[1]`, recorded[1], actual[1], "display name differs");
          return;
        }
        break;
      case "one2many":
      case "many2many":
        if (field.relation !== undefined) {
          this.ids(path, field.relation, recorded, actual);
          return;
        }
        break;
      case "many2one_reference": {
        const target =
          typeof record["model"] === "string" ? record["model"] : typeof record["res_model"] === "string" ? record["res_model"] : this.referenceModel;
        if (target !== undefined) {
          this.id(path, target, recorded, actual);
          return;
        }
        break;
      }
      default:
        break;
    }
    if (!deepEqual(recorded, actual)) this.fail(path, recorded, actual, "value differs");
  }

  /** Equal values; for two dicts, each key compared (so that a difference names its key). */
  exact(path: string, recorded: unknown, actual: unknown): void {
    if (deepEqual(recorded, actual)) return;
    if (isRecord(recorded) && isRecord(actual)) {
      for (const key of new Set([...Object.keys(recorded), ...Object.keys(actual)])) {
        if (!(key in actual)) this.fail(`${path}.${key}`, recorded[key], undefined, "missing from the double's answer");
        else if (!(key in recorded)) this.fail(`${path}.${key}`, undefined, actual[key], "not in the recorded answer");
        else this.exact(`${path}.${key}`, recorded[key], actual[key]);
      }
      return;
    }
    this.fail(path, recorded, actual, "differs");
  }

  /** A method's result, read with the method's meaning (which positions are ids of which model). */
  result(model: string | undefined, method: string, recorded: unknown, actual: unknown): void {
    if (model === undefined) {
      if (method === "authenticate" || method === "login") this.id("result", "res.users", recorded, actual);
      else this.exact("result", recorded, actual);
      return;
    }
    switch (method) {
      case "create":
        if (Array.isArray(recorded)) this.ids("result", model, recorded, actual);
        else this.id("result", model, recorded, actual);
        return;
      case "search":
        this.ids("result", model, recorded, actual);
        return;
      case "search_read":
      case "read":
        this.records("result", model, recorded, actual);
        return;
      case "name_search":
        this.nameSearch(model, recorded, actual);
        return;
      case "load":
        this.load(model, recorded, actual);
        return;
      case "context_get":
        if (isRecord(recorded) && isRecord(actual)) {
          this.exact("result.lang", recorded["lang"], actual["lang"]);
          this.exact("result.tz", recorded["tz"], actual["tz"]);
          this.id("result.uid", "res.users", recorded["uid"], actual["uid"]);
          return;
        }
        this.exact("result", recorded, actual);
        return;
      case "get_external_id":
        this.externalIds(model, recorded, actual);
        return;
      default:
        this.exact("result", recorded, actual);
    }
  }

  private nameSearch(model: string, recorded: unknown, actual: unknown): void {
    if (!Array.isArray(recorded) || !Array.isArray(actual) || recorded.length !== actual.length) {
      this.exact("result", recorded, actual);
      return;
    }
    recorded.forEach((pair, index) => {
      const other = actual[index];
      if (Array.isArray(pair) && Array.isArray(other)) {
        this.id(`result[${index}][0]`, model, pair[0], other[0]);
        this.exact(`result[${index}][1]`, pair[1], other[1]);
      } else this.exact(`result[${index}]`, pair, other);
    });
  }

  private load(model: string, recorded: unknown, actual: unknown): void {
    if (!isRecord(recorded) || !isRecord(actual)) {
      this.exact("result", recorded, actual);
      return;
    }
    if (Array.isArray(recorded["ids"])) this.ids("result.ids", model, recorded["ids"], actual["ids"]);
    else this.exact("result.ids", recorded["ids"], actual["ids"]);
    this.exact("result.messages", recorded["messages"], actual["messages"]);
    this.exact("result.nextrow", recorded["nextrow"], actual["nextrow"]);
  }

  private externalIds(model: string, recorded: unknown, actual: unknown): void {
    if (!isRecord(recorded) || !isRecord(actual)) {
      this.exact("result", recorded, actual);
      return;
    }
    const recordedEntries = Object.entries(recorded);
    const actualEntries = Object.entries(actual);
    if (recordedEntries.length !== actualEntries.length) this.fail("result", recorded, actual, "different number of entries");
    recordedEntries.forEach(([key, value], index) => {
      const [otherKey, otherValue] = actualEntries[index] ?? [];
      this.id(`result.key[${index}]`, model, Number(key), Number(otherKey));
      this.exact(`result.${key}`, value, otherValue);
    });
  }
}

/** An XML-RPC answer: the same fault (code, and message or a traceback's last line) or the same result. */
export function compareOutcome(comparison: Comparison, model: string | undefined, method: string, recorded: XmlRpcOutcome, actual: XmlRpcOutcome): void {
  if (recorded.kind !== actual.kind) {
    comparison.fail("outcome", recorded, actual, `recorded a ${recorded.kind}, the double answered a ${actual.kind}`);
    return;
  }
  if (recorded.kind === "fault" && actual.kind === "fault") {
    comparison.exact("faultCode", recorded.faultCode, actual.faultCode);
    const recordedText = String(recorded.faultString);
    const actualText = String(actual.faultString);
    if (recorded.faultCode === 1) comparison.exact("faultString (last line)", lastTracebackLine(recordedText), lastTracebackLine(actualText));
    else comparison.exact("faultString", recordedText, actualText);
    return;
  }
  if (recorded.kind === "result" && actual.kind === "result") comparison.result(model, method, recorded.value, actual.value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function summarize(records: unknown[]): unknown {
  return records.map((record) => (isRecord(record) ? { id: record["id"], name: record["name"] ?? record["display_name"] } : record));
}

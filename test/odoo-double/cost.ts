/**
 * What a real Odoo would have spent on each call the double answers: a cost per call and per
 * record by model and method, in milliseconds of server time on the lab the issues measured
 * (2 cores, a threaded Odoo, PostgreSQL on the same machine). The double answers in a fraction of
 * a millisecond; this ledger says what the same calls would cost on that server, so that the
 * runtime's choices (batch sizes, references, setup, extra calls) can be measured and tested
 * without one. README.md ("Cost model") gives each figure's source; cost-calibration.test.ts
 * checks the model against the recorded runs' durations.
 */

import type { OdooVersion } from "./catalog.js";

/**
 * The figures, in ms of server time. Sources: issue 4's measurements on real servers (same rows,
 * one sequential client), issue 14's per-phase measurements of a 3,808-row Perfect Books export
 * on 17.0 (queries per row; about 0.75 ms per query on that machine), and the durations of every
 * call of the six recorded lifecycles (test/fixtures/odoo/<version>/runs, `ms`), read as relative
 * costs within each recording since the machine was busy (cost-calibration.test.ts).
 */
export const COST = {
  /** Any object call: HTTP, access check, environment, commit ("every call costs about 50 ms on the server, even a search_count", issue 4). */
  callMs: 50,
  /** common.version and GET /web/version: no database work. */
  versionMs: 5,
  /** XML-RPC authenticate (a password hash) and JSON-2's first call of a key: recorded 0.4 to 4.4 s, mostly first-request warm-up. */
  authenticateMs: 400,
  /** fields_get: the model's field descriptions. */
  fieldsGetMs: 10,
  /** A read or search: one query, then per record returned. */
  readMs: 0.75,
  readRecordMs: 0.03,
  /**
   * Creating one record in a batched create with tracking off, by model. res.partner: 839 to 1,125
   * rows/s (issue 4); the others relative to it as the recorded load() calls show them.
   */
  createMs: {
    "res.partner": 1,
    "crm.lead": 4,
    "crm.stage": 1,
    "crm.team": 1.5,
    "mail.activity": 4.5,
    "mail.message": 1.5,
    "ir.attachment": 2,
    "sale.order": 4,
    "sale.order.line": 3.5,
    "account.move": 8,
    "account.move.line": 6,
    "product.product": 3,
    "utm.source": 1,
    // Not measured: no recorded call creates ir.model.data (load() writes its external IDs in one
    // SQL upsert, not through create). An estimate for a small model without side effects.
    "ir.model.data": 0.2,
  } as Readonly<Record<string, number>>,
  defaultCreateMs: 1.5,
  /**
   * How fast each version's ORM creates a partner, as a factor on `createMs`: issue 4 measured
   * creates of 1,000 partners with the quiet context at 839 rows/s on 17.0 and 1,125 on 19.0 (1.14
   * and 0.84 ms a row once the call's 50 ms are taken off), and `loadRowMs` is the difference to
   * load() of the same rows on the same servers; 18.0 halfway. Without it the model predicted 952
   * rows/s for a create on every version, and load() at 560 (17.0) and 716 (19.0) rows/s against
   * the measured 519 and 809 (cost.test.ts). Only partners were measured so: the recorded runs do
   * not show 19.0 creating the other models faster (their loads cost 19.0 as much as 17.0 against
   * a search, cost-calibration.test.ts), so the other models keep one cost on every version.
   */
  partnerCreateSpeed: { "17.0": 1.142, "18.0": 0.99, "19.0": 0.839 } as Readonly<Record<OdooVersion, number>>,
  /** An attachment's file: stored and indexed, per 10 KiB of content. */
  attachmentMsPer10KiB: 0.4,
  /** A contact created with a company: Odoo's address and commercial-field sync ("~12 queries each (unavoidable)", issue 14; 5 to 7 ms a contact in the recordings). */
  partnerSyncMs: 3.5,
  /** Writing an existing record, as a multiple of creating it (the recorded second passes: about the same as an insert). */
  updateFactor: 1.2,
  unlinkMs: 1.5,
  /** load(): per call, the external IDs looked up and inserted in one query each. */
  loadCallMs: 1.5,
  /**
   * load(): converting each row's text cells and keeping its external ID, on top of the create: the
   * difference between load() and create of the same 1,000 partners over RPC with the quiet keys
   * (issue 4: 519 vs 839 rows/s on 17.0, 809 vs 1,125 on 19.0; 18.0 halfway).
   */
  loadRowMs: { "17.0": 0.735, "18.0": 0.54, "19.0": 0.347 } as Readonly<Record<OdooVersion, number>>,
  /** `field/.id`: Odoo searches each cell's id to check that it exists (issue 14: ~2.4 such queries a contact, 4 a deal, 3 an activity). */
  databaseIdMs: 0.25,
  /** `field/id`: one lookup per distinct external ID in a call (the import's cache answers the repeats). */
  externalIdMs: 0.25,
  /** `field` by name: a name_search per cell. */
  nameMs: 0.75,
  /**
   * load()'s row-by-row fallback (every version: when the batch create raises, each row is created
   * again alone in a savepoint): per row, on top of its create. Activities whose followers the
   * batch inserted twice: 11.4 queries a row instead of 1.2 on 17.0 (issue 14), about 3 times the
   * 19.0 cost per activity in the recordings of 17.0, a fifth more in 18.0's; other rows a
   * savepoint, a flush and a single insert (issue 14: 19.2 queries a row instead of 15.4).
   */
  fallbackMs: {
    "17.0": { "mail.activity": 16 },
    "18.0": { "mail.activity": 1.5 },
    "19.0": {},
  } as Readonly<Record<OdooVersion, Readonly<Record<string, number>>>>,
  defaultFallbackMs: 3,
  /**
   * ir.model.fields create: the registry rebuilt once per call, reloaded by the next call, and a
   * little per field ("12.0 s → 1.0 s for 20 fields", issue 14; the recorded call after a field's
   * create costs 5 to 30 times a search on 17.0 and 18.0, about 3 times on 19.0).
   */
  registryBuildMs: { "17.0": 150, "18.0": 150, "19.0": 250 } as Readonly<Record<OdooVersion, number>>,
  registryReloadMs: { "17.0": 300, "18.0": 300, "19.0": 60 } as Readonly<Record<OdooVersion, number>>,
  customFieldMs: 20,
} as const;

/** What one call cost, by what was charged. */
export interface CallCost {
  readonly ms: number;
  readonly parts: Readonly<Record<string, number>>;
}

/** The ledger of a double's life: every call's cost, the totals, by model and method. */
export interface CostSummary {
  readonly calls: number;
  readonly ms: number;
  /** `model.method` (or the service's method) → calls and ms. */
  readonly byCall: Readonly<Record<string, { readonly calls: number; readonly ms: number }>>;
  /** Row-by-row fallbacks load() would have made, and how many rows they redid. */
  readonly fallbacks: { readonly calls: number; readonly rows: number };
}

class Charge {
  ms = 0;
  readonly parts: Record<string, number> = {};

  add(part: string, ms: number): void {
    this.ms += ms;
    this.parts[part] = (this.parts[part] ?? 0) + ms;
  }
}

/**
 * The meter a double's ORM charges while a call runs. Charges outside a call (seeding the
 * database, a test's addRecord) cost nothing.
 */
export class CostMeter {
  readonly version: OdooVersion;
  #current: Charge | undefined;
  #registryChanged = false;
  /** External IDs the import cache of the current load() already looked up. */
  readonly #seenXmlids = new Set<string>();
  #calls = 0;
  #ms = 0;
  readonly #byCall = new Map<string, { calls: number; ms: number }>();
  #fallbackCalls = 0;
  #fallbackRows = 0;

  constructor(version: OdooVersion) {
    this.version = version;
  }

  /** A call starts: its base cost, and the registry reload a custom field made the previous call leave to this one. */
  begin(kind: "object" | "authenticate" | "version"): void {
    const charge = new Charge();
    charge.add(kind, kind === "object" ? COST.callMs : kind === "version" ? COST.versionMs : COST.authenticateMs);
    if (this.#registryChanged && kind !== "version") {
      charge.add("registry reload", COST.registryReloadMs[this.version]);
      this.#registryChanged = false;
    }
    this.#seenXmlids.clear();
    this.#current = charge;
  }

  /** The call is over (answered or failed): its cost, added to the ledger under `name`. */
  end(name: string): CallCost {
    const charge = this.#current ?? new Charge();
    this.#current = undefined;
    this.#calls += 1;
    this.#ms += charge.ms;
    const entry = this.#byCall.get(name) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += charge.ms;
    this.#byCall.set(name, entry);
    return { ms: charge.ms, parts: { ...charge.parts } };
  }

  /** Milliseconds spent by the current call on `part`. */
  charge(part: string, ms: number): void {
    this.#current?.add(part, ms);
  }

  /** One record created by the ORM (create, or load()'s insert). */
  created(model: string, values: Readonly<Record<string, unknown>>): void {
    this.charge(`create ${model}`, createMs(model, values) * speedOf(model, this.version));
    if (model === "res.partner" && isSet(values["parent_id"])) this.charge("partner sync", COST.partnerSyncMs);
  }

  /** Records a call writes (write, or load()'s update of an existing external ID). */
  written(model: string, count: number): void {
    this.charge(`write ${model}`, count * COST.updateFactor * (COST.createMs[model] ?? COST.defaultCreateMs) * speedOf(model, this.version));
  }

  unlinked(count: number): void {
    this.charge("unlink", count * COST.unlinkMs);
  }

  /** Records read or found by a read, search or search_read. */
  read(records: number): void {
    this.charge("read", COST.readMs + records * COST.readRecordMs);
  }

  fieldsGet(): void {
    this.charge("fields_get", COST.fieldsGetMs);
  }

  /** A load() call of `rows` rows: its external IDs, and each row's conversion. */
  load(rows: number): void {
    this.charge("load", COST.loadCallMs + rows * COST.loadRowMs[this.version]);
  }

  /** A `field/.id` cell: Odoo checks that the record exists. */
  databaseIdCell(): void {
    this.charge("reference by database id", COST.databaseIdMs);
  }

  /** A `field/id` cell: looked up once per call. */
  externalIdCell(xmlid: string): void {
    if (this.#seenXmlids.has(xmlid)) return;
    this.#seenXmlids.add(xmlid);
    this.charge("reference by external id", COST.externalIdMs);
  }

  nameCell(): void {
    this.charge("reference by name", COST.nameMs);
  }

  /** load() created the batch again row by row (a row failed in the batch create, or followers were inserted twice). */
  fallback(model: string, rows: number): void {
    this.#fallbackCalls += 1;
    this.#fallbackRows += rows;
    this.charge("row-by-row fallback", rows * (COST.fallbackMs[this.version][model] ?? COST.defaultFallbackMs));
  }

  /** ir.model.fields create of `fields` custom fields: one registry rebuild now, one reload by the next call. */
  customFields(fields: number): void {
    this.charge("registry", COST.registryBuildMs[this.version] + fields * COST.customFieldMs);
    this.#registryChanged = true;
  }

  summary(): CostSummary {
    return {
      calls: this.#calls,
      ms: this.#ms,
      byCall: Object.fromEntries([...this.#byCall].map(([name, entry]) => [name, { ...entry }])),
      fallbacks: { calls: this.#fallbackCalls, rows: this.#fallbackRows },
    };
  }
}

function createMs(model: string, values: Readonly<Record<string, unknown>>): number {
  const base = COST.createMs[model] ?? COST.defaultCreateMs;
  if (model !== "ir.attachment") return base;
  const data = values["datas"];
  // base64: four characters carry three bytes.
  const bytes = typeof data === "string" ? (data.length * 3) / 4 : 0;
  return base + (bytes / 10_240) * COST.attachmentMsPer10KiB;
}

function speedOf(model: string, version: OdooVersion): number {
  return model === "res.partner" ? COST.partnerCreateSpeed[version] : 1;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== "";
}

/** Which base cost a call pays, by service and method. */
export function costKind(service: string, method: string): "object" | "authenticate" | "version" {
  if (service === "object") return "object";
  if (method === "authenticate" || method === "login") return "authenticate";
  return "version";
}

/** Reads and searches are charged by what they answered; writes were charged by the ORM as they ran. */
export function chargeAnswer(meter: CostMeter, method: string, result: unknown): void {
  if (method === "fields_get") meter.fieldsGet();
  else if (method === "search_count" || method === "name_search") meter.read(0);
  else if ((method === "search" || method === "search_read" || method === "read") && Array.isArray(result)) meter.read(result.length);
}

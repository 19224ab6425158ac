/**
 * A live Odoo: lookups read once per run, custom fields and reference records ensured in a few
 * calls (odoo-setup.ts), rows written through load() in batches with external IDs (a repeated
 * batch updates, never duplicates), references by external ID where the target knows the record's
 * (odoo-names.ts), and the values of records about to be updated read first, for rollback.
 */
import type { CustomFieldPlan, LookupPlan, RecordPlan } from "../../compiler/plan/schema.js";
import { anyOf } from "../odoo/base-client.js";
import {
  fixedConcurrency,
  LastWrites,
  loadInBatches,
  MeasuredConcurrency,
  OdooError,
  QUIET_IMPORT_CONTEXT,
  RecomputeTracking,
  rowEffects,
  type ConcurrencyChoice,
  type OdooClient,
  type OdooRecord,
} from "../odoo/index.js";
import type { RecordRef } from "../transform/values.js";
import { RecordNames, TemporaryNames } from "./odoo-names.js";
import { ensureCustomFields, ensureRecords, type EnsuredRecords } from "./odoo-setup.js";
import type {
  ActiveRefusal,
  ExistingRecord,
  JournalIds,
  LoadTarget,
  SetupIntent,
  SetupOutcome,
  TargetCapabilities,
  TargetRecord,
  WriteBatch,
  WriteResult,
  WriteRow,
} from "./target.js";

export interface OdooTargetOptions {
  /** Rows per load() call (default 1,000). */
  readonly batchSize?: number;
  /**
   * load() calls in flight, or `"measured"` (the default): measured on the server by the run's own
   * loads (runtime/odoo/concurrency.ts), two in flight when the server serves two calls side by
   * side, else one. On a threaded server (workers = 0) and on the 2-core lab the issues measured a
   * second call gained nothing; a server with several workers gains from up to one call per spare
   * worker. Calls in flight never touch the same other record; activities and followers go alone.
   */
  readonly concurrency?: number | "measured";
}

/** Odoo's answers that refuse a write of these records, as opposed to a server or connection failing. */
const REFUSALS: ReadonlySet<string> = new Set(["validation", "access-error", "constraint", "missing-record", "bad-value"]);

/** Ids per read or search of ir.model.data. */
const IDS_PER_CALL = 5000;

function many2oneId(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (Array.isArray(value) && typeof value[0] === "number") return value[0];
  return undefined;
}

export class OdooTarget implements LoadTarget {
  readonly mode = "live" as const;
  readonly capabilities: TargetCapabilities;
  readonly referenceStyle = "id" as const;
  readonly #tracking: RecomputeTracking;
  readonly #names = new RecordNames();
  readonly #temporaryNames: TemporaryNames;
  readonly #batchSize: number;
  readonly #concurrency: ConcurrencyChoice;
  /** Whether calls may have run side by side (a write stamp is then found per model, not read from the last record). */
  readonly #everParallel: () => boolean;
  readonly #chosen: () => number | undefined;
  /** The last write calls, whose records hold the latest write_date of the run (`lastWriteStamp`). */
  readonly #lastWrites = new LastWrites();

  constructor(
    readonly client: OdooClient,
    options: OdooTargetOptions = {},
  ) {
    this.#tracking = new RecomputeTracking(client, QUIET_IMPORT_CONTEXT);
    this.#temporaryNames = new TemporaryNames(client, this.#names);
    this.#batchSize = options.batchSize ?? 1000;
    const concurrency = options.concurrency ?? "measured";
    if (concurrency === "measured") {
      // Full calls only: a small call is mostly the call's own cost.
      const measured = new MeasuredConcurrency(Math.ceil(this.#batchSize / 2));
      this.#concurrency = measured;
      this.#everParallel = () => measured.everParallel();
      this.#chosen = () => measured.decided();
    } else {
      this.#concurrency = fixedConcurrency(concurrency);
      this.#everParallel = () => concurrency > 1;
      this.#chosen = () => concurrency;
    }
    this.capabilities = {
      keepsRecords: true,
      earlierRecords: "journal-id",
      lookupMatches: "id",
      output: "records",
      // Enough rows per write for every call in flight to get a full batch.
      writeRows: this.#batchSize * (concurrency === "measured" ? 2 : concurrency),
    };
  }

  describe(): string {
    return this.client.describe();
  }

  /** The load() calls kept in flight: the setting, or what the server's loads measured (undefined until a step was big enough to measure). */
  callsInFlight(): number | undefined {
    return this.#chosen();
  }

  async lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]> {
    return (await this.lookupRecordsOf([lookup])).get(lookup.name) ?? [];
  }

  /** Every lookup's records: one search per model and field set, and their external IDs in one more. */
  async lookupRecordsOf(lookups: readonly LookupPlan[]): Promise<ReadonlyMap<string, readonly TargetRecord[]>> {
    const fetched = new Map<string, OdooRecord[]>();
    for (const lookup of lookups) fetched.set(lookup.name, await this.lookupSearch(lookup));
    const xmlids = await this.xmlidsOf(new Map(lookups.map((lookup) => [lookup.model, (fetched.get(lookup.name) ?? []).map((record) => record.id)])));
    return new Map(
      lookups.map((lookup) => [
        lookup.name,
        (fetched.get(lookup.name) ?? []).map((record) => {
          const values: Record<string, unknown> = {};
          for (const field of [...lookup.matchFields, ...(lookup.returns === undefined ? [] : [lookup.returns.field])]) values[field] = record[field];
          const xmlid = xmlids.get(`${lookup.model},${record.id}`);
          if (xmlid !== undefined) this.#names.remember(lookup.model, record.id, xmlid);
          return {
            id: record.id,
            ...(xmlid === undefined ? {} : { xmlid }),
            label: String(record["display_name"] ?? record.id),
            values,
            active: record["active"] !== false,
          };
        }),
      ]),
    );
  }

  /**
   * A lookup's records. Odoo leaves archived records out of a search by default, so only a lookup
   * that includes them needs to know whether its model has `active` at all (one fields_get).
   */
  private async lookupSearch(lookup: LookupPlan): Promise<OdooRecord[]> {
    const hasActive = lookup.includeArchived && "active" in (await this.client.fieldsGet(lookup.model, ["type"]));
    // A field the lookup returns comes in the same search_read: a many2one as Odoo's [id, name] pair.
    const wanted = [...new Set([...lookup.matchFields, ...(lookup.returns === undefined ? [] : [lookup.returns.field]), "display_name", ...(hasActive ? ["active"] : [])])];
    return this.client.searchReadAll(lookup.model, [], wanted, { context: hasActive ? { active_test: false } : {} });
  }

  /** External IDs of records, by `model,id`: every model's in one search per chunk of ids. */
  private async xmlidsOf(idsByModel: ReadonlyMap<string, readonly number[]>): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const wanted = [...idsByModel].flatMap(([model, ids]) => ids.map((id) => ({ model, id })));
    for (let start = 0; start < wanted.length; start += IDS_PER_CALL) {
      const byModel = new Map<string, number[]>();
      for (const { model, id } of wanted.slice(start, start + IDS_PER_CALL)) {
        const ids = byModel.get(model) ?? [];
        ids.push(id);
        byModel.set(model, ids);
      }
      const rows = await this.client.searchRead(
        "ir.model.data",
        anyOf([...byModel].map(([model, ids]) => ["&", ["model", "=", model], ["res_id", "in", ids]])),
        ["module", "name", "model", "res_id"],
      );
      for (const row of rows) {
        const key = `${String(row["model"])},${String(row["res_id"])}`;
        if (!found.has(key)) found.set(key, `${String(row["module"])}.${String(row["name"])}`);
      }
    }
    return found;
  }

  ensureCustomFields(fields: readonly CustomFieldPlan[], intend?: (item: SetupIntent) => void): Promise<readonly SetupOutcome[]> {
    return ensureCustomFields(this.client, fields, intend);
  }

  async ensureRecords(
    records: readonly RecordPlan[],
    refOf: (model: string, xmlid: string) => RecordRef,
    intend?: (item: SetupIntent) => void,
  ): Promise<EnsuredRecords> {
    const ensured = await ensureRecords(this.client, records, refOf, intend);
    this.knowSetup(ensured.refs.values());
    return ensured;
  }

  /** Reference records the run set up (here, or as the journal shows an earlier run did). */
  knowSetup(refs: Iterable<RecordRef>): void {
    for (const ref of refs) if (ref.id !== undefined && ref.xmlid !== undefined) this.#names.remember(ref.model, ref.id, ref.xmlid);
  }

  /** Records earlier runs made, named by external ID in the cells that point to them. */
  recordsMade(records: Iterable<{ readonly model: string; readonly id: number; readonly xmlid: string }>): void {
    for (const record of records) this.#names.remember(record.model, record.id, record.xmlid);
  }

  recordName(model: string, id: number): string | undefined {
    return this.#names.nameOf(model, id);
  }

  async existing(model: string, xmlids: readonly string[], fields: readonly string[], journal?: JournalIds): Promise<ReadonlyMap<string, ExistingRecord>> {
    // Records the journal does not know may exist only where it is not known to be complete.
    const unknown = journal?.complete === true ? [] : xmlids.filter((xmlid) => journal?.ids.get(xmlid) === undefined);
    const found = new Map<string, number>();
    for (const xmlid of xmlids) {
      const id = journal?.ids.get(xmlid);
      if (id !== undefined) found.set(xmlid, id);
    }
    if (unknown.length > 0) for (const [xmlid, entry] of await this.client.externalIds(unknown)) if (entry.model === model) found.set(xmlid, entry.resId);
    if (found.size === 0) return new Map();
    const plainFields = [...new Set(fields.map((field) => field.replace(/\/\.?id$/, "")).filter((field) => field !== "id"))];
    const records = await this.client.read(model, [...new Set(found.values())], plainFields);
    const byId = new Map<number, OdooRecord>(records.map((record) => [record.id, record]));
    const result = new Map<string, ExistingRecord>();
    for (const [xmlid, id] of found) {
      const record = byId.get(id);
      if (record === undefined) continue;
      const values: Record<string, unknown> = {};
      for (const field of plainFields) {
        const value = record[field];
        values[field] = Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "string" ? many2oneId(value) : value;
      }
      result.set(xmlid, { id, values });
    }
    return result;
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    const loaded: WriteResult["loaded"][number][] = [];
    const rejected: WriteResult["rejected"][number][] = [];
    // load() takes one list of fields per call: rows that leave different fields to Odoo's defaults go in separate calls.
    for (const group of groupByDefaulted(batch.rows)) {
      const kept = batch.fields.map((field, index) => (group.defaulted.has(field) ? -1 : index)).filter((index) => index >= 0);
      const fields = kept.map((index) => batch.fields[index] ?? "");
      const rows = group.rows.map((row) => ({ key: row.key, cells: kept.map((index) => row.cells[index] ?? "") }));
      await this.#temporaryNames.nameFor(fields, rows, batch.relations ?? {});
      const named = this.#names.byExternalId(fields, rows, batch.relations ?? {});
      const effects = rowEffects(batch.model, named.fields, this.client.serie);
      // Tracking Odoo logs whatever the context (recomputed totals of the records the rows point at) is taken back.
      const result = await this.#tracking.around(
        batch.model,
        fields,
        rows.map((row) => row.cells),
        () =>
          loadInBatches(this.client, batch.model, named.fields, named.rows, {
            batchSize: this.#batchSize,
            concurrency: this.#concurrency,
            ...(effects === undefined ? {} : { effects }),
            writes: this.#lastWrites,
          }),
      );
      const xmlids = new Map(group.rows.map((row) => [row.key, row.xmlid]));
      for (const row of result.loaded) {
        const xmlid = xmlids.get(row.key);
        if (xmlid !== undefined) this.#names.remember(batch.model, row.id, xmlid);
      }
      loaded.push(...result.loaded);
      rejected.push(...result.rejected.map((rejection) => ({ key: rejection.key, message: rejection.message })));
    }
    return { loaded, rejected };
  }

  /**
   * The latest write_date of the records the run wrote: every one has that write_date or an earlier
   * one, so one figure stamps them all (a later write_date is someone's edit). Odoo stamps a write
   * with its transaction's start, so with one call after another the record the last write reached
   * holds it (one read); with calls in flight together, one ordered search per model among the
   * records of the last calls (runtime/odoo/last-writes.ts), a few thousand ids however big the run.
   */
  async lastWriteStamp(): Promise<string | undefined> {
    if (!this.#everParallel()) {
      const last = this.#lastWrites.last();
      if (last === undefined) return undefined;
      const [record] = await this.client.read(last.model, [last.id], ["write_date"]);
      return typeof record?.["write_date"] === "string" ? record["write_date"] : undefined;
    }
    let latest: string | undefined;
    for (const [model, ids] of this.#lastWrites.candidates()) {
      // Archived records (a done activity) count too.
      const [record] = await this.client.searchRead(model, [["id", "in", ids]], ["write_date"], {
        order: "write_date desc",
        limit: 1,
        context: { active_test: false },
      });
      const stamp = record?.["write_date"];
      if (typeof stamp === "string" && (latest === undefined || stamp > latest)) latest = stamp;
    }
    return latest;
  }

  private readonly activeFields = new Map<string, boolean>();

  async hasActiveField(model: string): Promise<boolean> {
    let has = this.activeFields.get(model);
    if (has === undefined) {
      has = (await this.client.fieldsGet(model, ["type"]))["active"]?.type === "boolean";
      this.activeFields.set(model, has);
    }
    return has;
  }

  async setActive(model: string, ids: readonly number[], active: boolean): Promise<readonly ActiveRefusal[]> {
    if (ids.length === 0) return [];
    const sent = this.#lastWrites.sending();
    try {
      await this.client.write(model, ids, { active }, QUIET_IMPORT_CONTEXT);
      this.#lastWrites.answered(sent, model, ids);
      return [];
    } catch (error) {
      if (!(error instanceof OdooError) || !REFUSALS.has(error.kind)) throw error;
      // One record Odoo refuses (a contact of an active user) refuses the whole call: find which, one by one.
      if (ids.length === 1) return [{ id: ids[0] ?? 0, message: error.odooMessage }];
      const refused: ActiveRefusal[] = [];
      for (const id of ids) refused.push(...(await this.setActive(model, [id], active)));
      return refused;
    }
  }

  async writeDates(model: string, ids: readonly number[]): Promise<ReadonlyMap<number, string>> {
    const dates = new Map<number, string>();
    for (let start = 0; start < ids.length; start += 1000) {
      // Archived records (a done activity) are read too: read() does not filter on active.
      for (const record of await this.client.read(model, ids.slice(start, start + 1000), ["write_date"])) {
        if (typeof record["write_date"] === "string") dates.set(record.id, record["write_date"]);
      }
    }
    return dates;
  }

  async close(): Promise<void> {
    try {
      try {
        await this.#tracking.cleanUp();
      } finally {
        await this.#temporaryNames.remove();
      }
    } finally {
      await this.client.close();
    }
  }
}

function groupByDefaulted(rows: readonly WriteRow[]): { defaulted: ReadonlySet<string>; rows: WriteRow[] }[] {
  const groups = new Map<string, { defaulted: ReadonlySet<string>; rows: WriteRow[] }>();
  for (const row of rows) {
    const signature = (row.defaulted ?? []).join("\u0000");
    let group = groups.get(signature);
    if (group === undefined) {
      group = { defaulted: new Set(row.defaulted ?? []), rows: [] };
      groups.set(signature, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

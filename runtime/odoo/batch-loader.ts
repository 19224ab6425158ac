/**
 * Loads many rows through Odoo's `load()` in batches. `load()` is all-or-nothing per call: one bad
 * row and the whole call is rolled back. A failed batch is therefore split until the bad rows are
 * isolated, so every good row is loaded and every bad row is rejected with Odoo's own message.
 *
 * Odoo's messages usually name the failing rows, which lets most batches be split around those
 * rows in one step; but a message can blame the wrong row (Odoo attributes a batch-level
 * validation error to the batch's first row), so a row is only ever rejected after it failed on
 * its own. Row order is kept across splits because a row may reference, by external id, a row
 * earlier in the same batch. Which rows go in which call, and how many calls are in flight, is
 * the schedule's (load-schedule.ts); each row's outcome is kept by load-outcomes.ts.
 *
 * Every row must carry an external id (an `id` column): a batch that timed out may still have
 * been committed, and only external ids make loading it again an update instead of a duplicate.
 */

import { OdooError } from "./errors.js";
import type { OdooClient } from "./client.js";
import { fixedConcurrency, type ConcurrencyChoice } from "./concurrency.js";
import { LoadOutcomes, qualify, rejection, splitAroundSuspects, type BatchLoadResult, type BatchProgress, type LoadRow } from "./load-outcomes.js";
import type { LastWrites } from "./last-writes.js";
import { LoadSchedule, type RowEffects } from "./load-schedule.js";
import type { LoadResult, OdooContext } from "./types.js";

export type { BatchLoadResult, BatchProgress, LoadedRow, LoadRow, RejectedRow, RowWarning } from "./load-outcomes.js";
export { splitAroundSuspects } from "./load-outcomes.js";
export type { RowEffects } from "./load-schedule.js";

export interface BatchLoadOptions {
  /**
   * Rows per `load()` call (default 1,000). Per-call cost dominates below a few hundred rows on a
   * real server (about 50 ms a call whatever it does); a failed batch costs Odoo a row-by-row pass
   * over it, whatever its size, so bigger batches cost little more when a row fails.
   */
  readonly batchSize?: number;
  /**
   * `load()` calls in flight: a number, or a choice measured on the server (concurrency.ts);
   * default 1. More help only a server with several workers; calls in flight never touch the same
   * other records, and calls of activities or followers run alone (`effects`), Odoo's known deadlocks.
   */
  readonly concurrency?: number | ConcurrencyChoice;
  /** What each row's create does to records besides its own (runtime/odoo/row-effects.ts): follower rounds, and what calls in flight must not share. */
  readonly effects?: RowEffects;
  /** Floor for the batch size when timeouts shrink it (default 10). */
  readonly minBatchSize?: number;
  /** Merged over QUIET_IMPORT_CONTEXT; set a key to false to switch that behaviour back on. */
  readonly context?: OdooContext;
  /** Per call; a timed-out batch is split and the batch size halved. */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Told of every call as it is sent and answered, for the write stamp of a run (last-writes.ts). */
  readonly writes?: LastWrites;
}

/**
 * A migration must not flood chatter or send e-mail: no tracking messages, no "created" log
 * lines, no follower subscriptions, no assignment notifications.
 */
export const QUIET_IMPORT_CONTEXT: OdooContext = {
  tracking_disable: true,
  mail_create_nolog: true,
  mail_create_nosubscribe: true,
  mail_notrack: true,
  mail_auto_subscribe_no_notify: true,
  mail_activity_quick_update: true,
};

export const DEFAULT_BATCH_SIZE = 1000;
export const DEFAULT_CONCURRENCY = 1;
const MAX_DEFERRED_PASSES = 3;

const UNRESOLVED_XMLID = /No matching record found for external id '([^']+)'/;

export async function loadInBatches(
  client: OdooClient,
  model: string,
  fields: readonly string[],
  rows: readonly LoadRow[],
  options: BatchLoadOptions = {},
): Promise<BatchLoadResult> {
  const loader = new BatchLoader(client, model, fields, rows, options);
  const loadable = loader.checkRows();
  await new LoadSchedule(rows, loadable, loader.outcomes, {
    model,
    concurrency:
      typeof options.concurrency === "object"
        ? options.concurrency
        : fixedConcurrency(positiveInteger(options.concurrency ?? DEFAULT_CONCURRENCY, "concurrency")),
    batchSize: () => loader.batchSize,
    ...(options.effects === undefined ? {} : { effects: options.effects }),
  }).run((chunk) => loader.settle(chunk));
  await loader.retryUnresolved(loadable);
  return loader.outcomes.result(loader.calls);
}

/** One model's rows, their calls and what became of each. */
class BatchLoader {
  readonly outcomes: LoadOutcomes;
  calls = 0;
  batchSize: number;
  readonly #idColumn: number;
  readonly #minBatchSize: number;
  readonly #context: OdooContext;

  constructor(
    private readonly client: OdooClient,
    private readonly model: string,
    private readonly fields: readonly string[],
    private readonly rows: readonly LoadRow[],
    private readonly options: BatchLoadOptions,
  ) {
    this.#idColumn = fields.indexOf("id");
    if (this.#idColumn < 0) {
      throw new OdooError({
        kind: "configuration",
        odooMessage: `loading ${model} needs an 'id' column of external ids, so that a repeated batch updates instead of duplicating`,
        model,
        method: "load",
      });
    }
    this.outcomes = new LoadOutcomes(rows);
    this.batchSize = positiveInteger(options.batchSize ?? DEFAULT_BATCH_SIZE, "batchSize");
    this.#minBatchSize = positiveInteger(options.minBatchSize ?? 10, "minBatchSize");
    this.#context = { ...QUIET_IMPORT_CONTEXT, ...options.context };
  }

  /** Rejects up front the rows Odoo could not take; returns the others' positions. */
  checkRows(): number[] {
    const loadable: number[] = [];
    this.rows.forEach((row, index) => {
      if (row.cells.length !== this.fields.length) {
        this.outcomes.settle(index, { kind: "rejected", message: `the row has ${row.cells.length} values for ${this.fields.length} columns` });
      } else if ((row.cells[this.#idColumn] ?? "").trim() === "") {
        this.outcomes.settle(index, { kind: "rejected", message: "the row has no external id", field: "id" });
      } else {
        loadable.push(index);
      }
    });
    return loadable;
  }

  /** Loads `indices` in one call, and what Odoo refused split until each bad row failed alone. */
  async settle(indices: readonly number[]): Promise<void> {
    if (indices.length === 0) return;
    let result: LoadResult;
    try {
      result = await this.call(indices);
    } catch (error) {
      if (!(error instanceof OdooError) || error.kind !== "timeout") throw error;
      await this.settleTimedOut(indices, error);
      return;
    }
    if (result.ids !== false) {
      await this.accept(indices, result);
      return;
    }
    if (indices.length === 1) {
      this.outcomes.settle(indices[0] ?? 0, rejection(result.messages));
      return;
    }
    for (const segment of splitAroundSuspects(indices, result.messages)) await this.settle(segment);
  }

  /**
   * The server is slower than this batch allows: later batches get smaller, and this one is loaded
   * again in halves (safe: rows are keyed by external id).
   */
  private async settleTimedOut(indices: readonly number[], error: OdooError): Promise<void> {
    this.batchSize = Math.max(this.#minBatchSize, Math.floor(this.batchSize / 2));
    if (indices.length === 1) {
      this.outcomes.settle(indices[0] ?? 0, {
        kind: "rejected",
        message: `Odoo did not answer within the timeout even for this row alone (${error.odooMessage})`,
      });
      return;
    }
    const middle = Math.ceil(indices.length / 2);
    await this.settle(indices.slice(0, middle));
    await this.settle(indices.slice(middle));
  }

  private async call(indices: readonly number[]): Promise<LoadResult> {
    this.calls += 1;
    const writes = this.options.writes;
    const sent = writes?.sending();
    try {
      const result = await this.client.load(
        this.model,
        this.fields,
        indices.map((index) => this.rows[index]?.cells ?? []),
        this.#context,
        { retryTimeouts: false, ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }) },
      );
      if (sent !== undefined) writes?.answered(sent, this.model, result.ids === false ? [] : result.ids);
      return result;
    } finally {
      this.options.onProgress?.({
        total: this.rows.length,
        loaded: this.outcomes.loaded,
        rejected: this.outcomes.rejected,
        calls: this.calls,
        batchSize: this.batchSize,
      });
    }
  }

  private async accept(indices: readonly number[], result: LoadResult): Promise<void> {
    const ids = result.ids === false ? [] : result.ids;
    for (const message of result.messages) {
      if (message.type !== "error" && message.record !== undefined) {
        const index = indices[message.record];
        if (index !== undefined) this.outcomes.warn(index, message.message);
      }
    }
    if (ids.length === indices.length) {
      indices.forEach((index, position) => this.outcomes.settle(index, { kind: "loaded", id: ids[position] ?? 0 }));
      return;
    }
    // Odoo answered a different number of ids than rows (it should not for flat rows): find each
    // row's record through its external id instead of guessing the alignment.
    const xmlids = indices.map((index) => qualify(this.rows[index]?.cells[this.#idColumn] ?? ""));
    const targets = await this.client.externalIds(xmlids);
    indices.forEach((index, position) => {
      const target = targets.get(xmlids[position] ?? "");
      this.outcomes.settle(
        index,
        target === undefined
          ? { kind: "rejected", message: "Odoo reported the batch as loaded but has no record for this row's external id" }
          : { kind: "loaded", id: target.resId },
      );
    });
  }

  /**
   * With calls in flight at once, a row can reference (by external id) a row another call had not
   * committed yet. Such rows are tried again once everything else is in.
   */
  async retryUnresolved(loadable: readonly number[]): Promise<void> {
    for (let pass = 0; pass < MAX_DEFERRED_PASSES; pass += 1) {
      const loadedXmlids = new Set<string>();
      for (const index of loadable) {
        if (this.outcomes.of(index)?.kind === "loaded") loadedXmlids.add(qualify(this.rows[index]?.cells[this.#idColumn] ?? ""));
      }
      const retry = loadable.filter((index) => {
        const outcome = this.outcomes.of(index);
        if (outcome?.kind !== "rejected") return false;
        const match = UNRESOLVED_XMLID.exec(outcome.message);
        return match !== null && loadedXmlids.has(qualify(match[1] ?? ""));
      });
      if (retry.length === 0) return;
      const before = this.outcomes.loaded;
      for (let start = 0; start < retry.length; start += this.batchSize) await this.settle(retry.slice(start, start + this.batchSize));
      if (this.outcomes.loaded === before) return;
    }
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new OdooError({ kind: "configuration", odooMessage: `${name} must be a positive integer, not ${String(value)}` });
  }
  return value;
}

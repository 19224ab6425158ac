/**
 * Which rows go in which load() call, and when. Rows go in input order, in calls of the batch
 * size, and with more than one call in flight two rules hold, both for what a row's create does to
 * records besides its own (`RowEffects`, runtime/odoo/row-effects.ts):
 *
 * - calls of activities and followers run alone (issue 14: parallel activity loads deadlocked on
 *   mail_followers), and other calls in flight never touch the same other record: contacts of one
 *   company write its address, lines of one order its totals; two transactions doing that at
 *   once wait on the row's lock or deadlock;
 * - where the server inserts a follower once per row (Odoo 17 and 18 subscribe an activity's user
 *   to its document for each activity, repeats included), a call holds each document and user once
 *   until a call has subscribed them: the k-th activity of a document and user waits for the call
 *   after the one that subscribed them. A batch holding the same follower twice fails in Odoo's
 *   batch create and is created again row by row, ten times slower.
 */

import type { ConcurrencyChoice } from "./concurrency.js";
import type { LoadOutcomes, LoadRow } from "./load-outcomes.js";

/** What a row's create does to records besides its own. */
export interface RowEffects {
  /** Records its create writes besides its own (`model,id`): calls in flight never share one. */
  readonly touches: (cells: readonly string[]) => readonly string[];
  /** The document and user it subscribes, when the server inserts a follower per row rather than per document and user. */
  readonly subscribes?: (cells: readonly string[]) => string | undefined;
  /** Calls of these rows never run alongside another call (activities and followers: Odoo deadlocks on mail_followers). */
  readonly alone?: boolean;
}

export interface ScheduleSettings {
  readonly model: string;
  readonly concurrency: ConcurrencyChoice;
  /** Read at each call: timeouts make it smaller. */
  batchSize(): number;
  readonly effects?: RowEffects;
}

export class LoadSchedule {
  readonly #rows: readonly LoadRow[];
  readonly #outcomes: LoadOutcomes;
  readonly #settings: ScheduleSettings;
  #queue: number[];
  /** Documents and users a loaded row subscribed. */
  readonly #subscribed = new Set<string>();
  /** Records touched by the calls in flight, with how many of them touch each. */
  readonly #touched = new Map<string, number>();

  constructor(rows: readonly LoadRow[], indices: readonly number[], outcomes: LoadOutcomes, settings: ScheduleSettings) {
    this.#rows = rows;
    this.#queue = [...indices];
    this.#outcomes = outcomes;
    this.#settings = settings;
  }

  /** Loads every queued row through `settle` (one call, split as it needs), at most `concurrency` calls at a time. */
  async run(settle: (chunk: readonly number[]) => Promise<void>): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (this.#queue.length > 0 || inFlight.size > 0) {
      const chunk = inFlight.size < this.allowed() ? this.nextChunk() : [];
      if (chunk.length > 0) {
        const touched = this.touch(chunk, 1);
        const startedMs = performance.now();
        const call: Promise<void> = settle(chunk).finally(() => {
          this.#settings.concurrency.observe({ model: this.#settings.model, rows: chunk.length, startedMs, endedMs: performance.now() });
          this.touch(chunk, -1, touched);
          this.remember(chunk);
          inFlight.delete(call);
        });
        inFlight.add(call);
        continue;
      }
      // Every queued row waits on a call in flight (a record it touches, a follower it subscribes).
      if (inFlight.size === 0) throw new Error("load schedule: rows left that no call can take");
      await Promise.race(inFlight);
    }
  }

  /** Calls allowed in flight: the choice's, one for rows that must run alone. */
  private allowed(): number {
    return this.#settings.effects?.alone === true ? 1 : this.#settings.concurrency.calls(this.#settings.model);
  }

  /** The next call's rows: queued rows in order, skipping those that must wait. */
  private nextChunk(): number[] {
    const size = this.#settings.batchSize();
    const effects = this.#settings.effects;
    if (effects === undefined) return this.#queue.splice(0, size);
    const chunk: number[] = [];
    const waiting: number[] = [];
    const subscribing = new Set<string>();
    let position = 0;
    for (; position < this.#queue.length && chunk.length < size; position += 1) {
      const index = this.#queue[position] ?? 0;
      const cells = this.#rows[index]?.cells ?? [];
      const subscription = effects.subscribes?.(cells);
      const repeats = subscription !== undefined && !this.#subscribed.has(subscription) && subscribing.has(subscription);
      if (repeats || effects.touches(cells).some((record) => this.#touched.has(record))) {
        waiting.push(index);
        continue;
      }
      if (subscription !== undefined) subscribing.add(subscription);
      chunk.push(index);
    }
    this.#queue = [...waiting, ...this.#queue.slice(position)];
    return chunk;
  }

  private touch(chunk: readonly number[], delta: 1 | -1, known?: readonly string[]): readonly string[] {
    const effects = this.#settings.effects;
    if (effects === undefined) return [];
    const records = known ?? [...new Set(chunk.flatMap((index) => effects.touches(this.#rows[index]?.cells ?? [])))];
    for (const record of records) {
      const count = (this.#touched.get(record) ?? 0) + delta;
      if (count > 0) this.#touched.set(record, count);
      else this.#touched.delete(record);
    }
    return records;
  }

  /** The documents and users the call's loaded rows subscribed. */
  private remember(chunk: readonly number[]): void {
    const subscribes = this.#settings.effects?.subscribes;
    if (subscribes === undefined) return;
    for (const index of chunk) {
      const subscription = subscribes(this.#rows[index]?.cells ?? []);
      if (subscription !== undefined && this.#outcomes.of(index)?.kind === "loaded") this.#subscribed.add(subscription);
    }
  }
}

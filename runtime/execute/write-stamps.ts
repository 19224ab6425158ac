/**
 * The records a run wrote into Odoo, by model, and their write_date once the run is over: a later
 * batch may have touched an earlier record (an order's totals when its lines load), and rollback
 * must not take that for someone's edit. Where the target can tell the write_date of the last
 * record it wrote (no record of the run has a later one), that one read stamps every record;
 * otherwise each record's is read.
 */
import type { LoadTarget } from "../targets/target.js";
import type { RunJournal } from "./run-journal.js";

/** Ids read per call. */
const STAMPS_PER_READ = 1000;

export class WrittenRecords {
  /** model → id → external ID. */
  private readonly byModel = new Map<string, Map<number, string>>();

  /** The records written into a model; models are stamped in the order they were first written to. */
  of(model: string): Map<number, string> {
    const ids = this.byModel.get(model) ?? new Map<number, string>();
    this.byModel.set(model, ids);
    return ids;
  }

  wrote(model: string, id: number, xmlid: string): void {
    this.of(model).set(id, xmlid);
  }

  /** A resumed run also stamps what its interrupted attempt wrote. */
  rememberEarlierAttempt(journal: RunJournal): void {
    for (const batch of journal.batchesOfThisRun()) {
      const ids = this.of(batch.model);
      for (const row of batch.rows) ids.set(row.id, row.xmlid);
    }
  }

  /** Reads the write_date of every record written and journals it, where the target can tell and a journal is kept. */
  async stamp(target: LoadTarget, journal: RunJournal): Promise<void> {
    if (!journal.keeping || [...this.byModel.values()].every((ids) => ids.size === 0)) return;
    const last = target.lastWriteStamp === undefined ? undefined : await target.lastWriteStamp();
    if (last !== undefined) {
      for (const [model, ids] of this.byModel) {
        const all = [...ids.values()];
        for (let start = 0; start < all.length; start += STAMPS_PER_READ)
          journal.stamps(model, Object.fromEntries(all.slice(start, start + STAMPS_PER_READ).map((xmlid) => [xmlid, last])));
      }
      return;
    }
    if (target.writeDates === undefined) return;
    for (const [model, ids] of this.byModel) {
      const all = [...ids.keys()];
      for (let start = 0; start < all.length; start += STAMPS_PER_READ) {
        const chunk = all.slice(start, start + STAMPS_PER_READ);
        const dates = await target.writeDates(model, chunk);
        const stamps: Record<string, string> = {};
        for (const id of chunk) {
          const date = dates.get(id);
          const xmlid = ids.get(id);
          if (date !== undefined && xmlid !== undefined) stamps[xmlid] = date;
        }
        journal.stamps(model, stamps);
      }
    }
  }
}

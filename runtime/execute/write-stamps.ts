/**
 * The records a run wrote into Odoo, by model, and their write_date once the run is over: a later
 * batch may have touched an earlier record (an order's totals when its lines load), and rollback
 * must not take that for someone's edit. Where the target can tell the write_date of the last
 * record it wrote (no record of the run has a later one), that one read stamps every record;
 * otherwise each record's is read.
 */
import { holding, int32s } from "../source/grow.js";
import { KeySlots } from "../source/key-slots.js";
import type { LoadTarget } from "../targets/target.js";
import type { RunJournal } from "./run-journal.js";

/** Ids read per call. */
const STAMPS_PER_READ = 1000;

/**
 * The records written into one model: id → external ID, in the order first written. A run may
 * write a million; their ids and external IDs are kept as bytes (KeySlots), not as strings in a map.
 */
class WrittenModel {
  private readonly ids = new KeySlots();
  private readonly xmlids = new KeySlots();
  /** Per id's slot, its external ID's slot. */
  private xmlidOf = new Int32Array(1024);

  set(id: number, xmlid: string): void {
    const slot = this.ids.add(String(id));
    this.xmlidOf = holding(this.xmlidOf, slot, int32s);
    this.xmlidOf[slot] = this.xmlids.add(xmlid);
  }

  get size(): number {
    return this.ids.size;
  }

  *entries(): Generator<readonly [number, string]> {
    for (let slot = 0; slot < this.ids.size; slot++) yield [Number(this.ids.keyAt(slot)), this.xmlids.keyAt(this.xmlidOf[slot] ?? 0)];
  }
}

export class WrittenRecords {
  private readonly byModel = new Map<string, WrittenModel>();

  /** The records written into a model; models are stamped in the order they were first written to. */
  of(model: string): WrittenModel {
    let written = this.byModel.get(model);
    if (written === undefined) {
      written = new WrittenModel();
      this.byModel.set(model, written);
    }
    return written;
  }

  wrote(model: string, id: number, xmlid: string): void {
    this.of(model).set(id, xmlid);
  }

  /** A resumed run also stamps what its interrupted attempt wrote. */
  rememberEarlierAttempt(journal: RunJournal): void {
    for (const batch of journal.batchesOfThisRun()) {
      const written = this.of(batch.model);
      for (const row of batch.rows) written.set(row.id, row.xmlid);
    }
  }

  /** Reads the write_date of every record written and journals it, where the target can tell and a journal is kept. */
  async stamp(target: LoadTarget, journal: RunJournal): Promise<void> {
    if (!journal.keeping || [...this.byModel.values()].every((written) => written.size === 0)) return;
    const last = target.lastWriteStamp === undefined ? undefined : await target.lastWriteStamp();
    if (last === undefined && target.writeDates === undefined) return;
    for (const [model, written] of this.byModel) {
      let chunk: (readonly [number, string])[] = [];
      const flush = async (): Promise<void> => {
        const stamps: Record<string, string> = {};
        if (last !== undefined) for (const [, xmlid] of chunk) stamps[xmlid] = last;
        else {
          const dates = await target.writeDates?.(
            model,
            chunk.map(([id]) => id),
          );
          for (const [id, xmlid] of chunk) {
            const date = dates?.get(id);
            if (date !== undefined) stamps[xmlid] = date;
          }
        }
        journal.stamps(model, stamps);
        chunk = [];
      };
      for (const entry of written.entries()) {
        chunk.push(entry);
        if (chunk.length === STAMPS_PER_READ) await flush();
      }
      if (chunk.length > 0) await flush();
    }
  }
}

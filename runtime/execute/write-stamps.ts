/**
 * The records a run wrote into Odoo, by model, and their write_date once the run is over: a later
 * batch may have touched an earlier record (an order's totals when its lines load), and rollback
 * must not take that for someone's edit. Where the target can tell the write_date of the last
 * record it wrote (no record of the run has a later one), that one read stamps every record;
 * otherwise each record's is read.
 */
import { IdNames, IdSlots } from "../source/id-names.js";
import type { LoadTarget } from "../targets/target.js";
import type { RunJournal } from "./run-journal.js";

/** Ids read per call. */
const STAMPS_PER_READ = 1000;

/**
 * The records written into one model, in the order first written: their ids, and the external ID
 * of those the target does not name so itself (most records, a million in a big run, it does: an id
 * then costs twelve bytes here, not its name again).
 */
class WrittenModel {
  private readonly ids = new IdSlots();
  private readonly names = new IdNames();

  constructor(
    private readonly model: string,
    private readonly target: LoadTarget,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  set(id: number, xmlid: string): void {
    this.ids.add(id);
    // A name kept here before stays the record's unless replaced here.
    if (this.target.recordName?.(this.model, id) === xmlid && this.names.get(id) === undefined) return;
    this.names.set(id, xmlid);
  }

  *entries(): Generator<readonly [number, string]> {
    for (let slot = 0; slot < this.ids.size; slot++) {
      const id = this.ids.idAt(slot);
      const xmlid = this.names.get(id) ?? this.target.recordName?.(this.model, id);
      if (xmlid !== undefined) yield [id, xmlid];
    }
  }
}

export class WrittenRecords {
  private readonly byModel = new Map<string, WrittenModel>();

  constructor(private readonly target: LoadTarget) {}

  /** The records written into a model; models are stamped in the order they were first written to. */
  of(model: string): WrittenModel {
    let written = this.byModel.get(model);
    if (written === undefined) {
      written = new WrittenModel(model, this.target);
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

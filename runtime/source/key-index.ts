/**
 * Which record wins each key, kept compactly and exactly: the keys in a KeySlots (their UTF-8
 * bytes and an open-addressing hash table of typed arrays), and per key's slot, typed-array
 * entries for the winner (file, line) and its stamp. Nothing here is a JavaScript object per key,
 * so a million keys cost tens of megabytes outside the garbage-collected heap, and the rows
 * themselves are never held.
 */
import { float64s, holding, int32s } from "./grow.js";
import { KeySlots } from "./key-slots.js";

export interface RecordLocation {
  readonly fileIndex: number;
  readonly line: number;
}

export type WinnerRule = "first" | "last" | "newest";

/** Records per key, in typed arrays by the key's slot. */
export class KeyIndex {
  private readonly keys = new KeySlots();
  private fileIndexes = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private stamps = new Float64Array(1024);

  constructor(private readonly rule: WinnerRule) {}

  get size(): number {
    return this.keys.size;
  }

  /**
   * Offers a record for a key; records are offered in file order. `stamp` orders records under
   * the `newest` rule (a missing stamp is -Infinity, the oldest); ties go to the later record.
   * Returns the location that held the key before when this record lost to it at once (the
   * `first` rule decides in one pass), else null.
   */
  offer(key: string, location: RecordLocation, stamp = Number.NEGATIVE_INFINITY): RecordLocation | null {
    return this.offerAt(key, location.fileIndex, location.line, stamp);
  }

  /** offer, the location given as its numbers: a pass offers every record, and makes no object for it. */
  offerAt(key: string, fileIndex: number, line: number, stamp = Number.NEGATIVE_INFINITY): RecordLocation | null {
    const known = this.keys.size;
    return this.offered(this.keys.add(key), known, fileIndex, line, stamp);
  }

  /** What an offer does once the key has its slot; `known`: how many keys there were before. */
  private offered(slot: number, known: number, fileIndex: number, line: number, stamp: number): RecordLocation | null {
    if (slot === known) {
      this.store(slot, fileIndex, line, stamp);
      return null;
    }
    if (this.rule === "first") return this.at(slot);
    if (this.rule === "last" || stamp >= (this.stamps[slot] ?? Number.NEGATIVE_INFINITY)) this.store(slot, fileIndex, line, stamp);
    return null;
  }

  /** offerAt, for a key written as a decimal number, given by its value (see KeySlots.addValue). */
  offerValue(value: number, fileIndex: number, line: number, stamp = Number.NEGATIVE_INFINITY): RecordLocation | null {
    const known = this.keys.size;
    return this.offered(this.keys.addValue(value), known, fileIndex, line, stamp);
  }

  winner(key: string): RecordLocation | null {
    const slot = this.keys.slotOf(key);
    return slot < 0 ? null : this.at(slot);
  }

  /**
   * Where the record that won a key is, when that is not the record at `fileIndex` and `line`;
   * null when it is, or the key is unknown. Asked of every record of a second pass: the answer is
   * an object only for a record that lost.
   */
  keptInstead(key: string, fileIndex: number, line: number): RecordLocation | null {
    const slot = this.keys.slotOf(key);
    if (slot < 0 || (this.fileIndexes[slot] === fileIndex && this.lines[slot] === line)) return null;
    return this.at(slot);
  }

  private at(slot: number): RecordLocation {
    return { fileIndex: this.fileIndexes[slot] ?? 0, line: this.lines[slot] ?? 0 };
  }

  private store(slot: number, fileIndex: number, line: number, stamp: number): void {
    this.fileIndexes = holding(this.fileIndexes, slot, int32s);
    this.lines = holding(this.lines, slot, int32s);
    this.stamps = holding(this.stamps, slot, float64s);
    this.fileIndexes[slot] = fileIndex;
    this.lines[slot] = line;
    this.stamps[slot] = stamp;
  }
}

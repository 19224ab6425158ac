/**
 * Which record wins each key, kept compactly: one map entry per distinct key plus three typed
 * array slots (file, line, stamp). The rows themselves are never held.
 */

export interface RecordLocation {
  readonly fileIndex: number;
  readonly line: number;
}

export type WinnerRule = "first" | "last" | "newest";

export class KeyIndex {
  private readonly slots = new Map<string, number>();
  private fileIndexes = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private stamps = new Float64Array(1024);

  constructor(private readonly rule: WinnerRule) {}

  get size(): number {
    return this.slots.size;
  }

  /**
   * Offers a record for a key; records are offered in file order. `stamp` orders records under
   * the `newest` rule (a missing stamp is -Infinity, the oldest); ties go to the later record.
   * Returns the location that held the key before, when this record lost to it immediately
   * (the `first` rule can decide in one pass), else null.
   */
  offer(key: string, location: RecordLocation, stamp = Number.NEGATIVE_INFINITY): RecordLocation | null {
    const slot = this.slots.get(key);
    if (slot === undefined) {
      const next = this.slots.size;
      this.grow(next + 1);
      this.slots.set(key, next);
      this.store(next, location, stamp);
      return null;
    }
    const kept = this.at(slot);
    if (this.rule === "first") return kept;
    if (this.rule === "last" || stamp >= (this.stamps[slot] ?? Number.NEGATIVE_INFINITY)) this.store(slot, location, stamp);
    return null;
  }

  winner(key: string): RecordLocation | null {
    const slot = this.slots.get(key);
    return slot === undefined ? null : this.at(slot);
  }

  private at(slot: number): RecordLocation {
    return { fileIndex: this.fileIndexes[slot] ?? 0, line: this.lines[slot] ?? 0 };
  }

  private store(slot: number, location: RecordLocation, stamp: number): void {
    this.fileIndexes[slot] = location.fileIndex;
    this.lines[slot] = location.line;
    this.stamps[slot] = stamp;
  }

  private grow(needed: number): void {
    if (needed <= this.lines.length) return;
    const capacity = Math.max(needed, this.lines.length * 2);
    const fileIndexes = new Int32Array(capacity);
    fileIndexes.set(this.fileIndexes);
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    const stamps = new Float64Array(capacity);
    stamps.set(this.stamps);
    this.fileIndexes = fileIndexes;
    this.lines = lines;
    this.stamps = stamps;
  }
}

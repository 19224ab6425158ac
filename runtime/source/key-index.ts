/**
 * Which record wins each key, kept compactly and exactly. The keys' UTF-8 bytes live in one
 * growing buffer, found through an open-addressing hash table of typed arrays; per key, three
 * typed-array slots hold the winner (file, line) and its stamp. Nothing here is a JavaScript object
 * per key, so a million keys cost tens of megabytes outside the garbage-collected heap, and the
 * rows themselves are never held.
 */

export interface RecordLocation {
  readonly fileIndex: number;
  readonly line: number;
}

export type WinnerRule = "first" | "last" | "newest";

const EMPTY = -1;

function grownUint32(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(capacity);
  grown.set(array);
  return grown;
}

export class KeyIndex {
  private bytes = Buffer.alloc(1 << 16);
  private bytesUsed = 0;
  private scratch = Buffer.alloc(256);
  private keyStarts = new Uint32Array(1024);
  private keyLengths = new Uint32Array(1024);
  private keyHashes = new Uint32Array(1024);
  private fileIndexes = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private stamps = new Float64Array(1024);
  private table = new Int32Array(2048).fill(EMPTY);
  private count = 0;

  constructor(private readonly rule: WinnerRule) {}

  get size(): number {
    return this.count;
  }

  /**
   * Offers a record for a key; records are offered in file order. `stamp` orders records under
   * the `newest` rule (a missing stamp is -Infinity, the oldest); ties go to the later record.
   * Returns the location that held the key before when this record lost to it at once (the
   * `first` rule decides in one pass), else null.
   */
  offer(key: string, location: RecordLocation, stamp = Number.NEGATIVE_INFINITY): RecordLocation | null {
    const length = this.encode(key);
    const hash = this.hash(length);
    const position = this.probe(length, hash);
    const slot = this.table[position] ?? EMPTY;
    if (slot === EMPTY) {
      this.insert(position, length, hash, location, stamp);
      return null;
    }
    if (this.rule === "first") return this.at(slot);
    if (this.rule === "last" || stamp >= (this.stamps[slot] ?? Number.NEGATIVE_INFINITY)) this.store(slot, location, stamp);
    return null;
  }

  winner(key: string): RecordLocation | null {
    const length = this.encode(key);
    const slot = this.table[this.probe(length, this.hash(length))] ?? EMPTY;
    return slot === EMPTY ? null : this.at(slot);
  }

  /** Writes the key's UTF-8 bytes into the scratch buffer; returns their length. */
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) {
      const needed = Buffer.byteLength(key, "utf8");
      if (needed > this.scratch.length) this.scratch = Buffer.alloc(Math.max(needed, this.scratch.length * 2));
    }
    return this.scratch.write(key, 0, "utf8");
  }

  /** FNV-1a over the scratch bytes. */
  private hash(length: number): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < length; index++) {
      hash ^= this.scratch[index] ?? 0;
      hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
  }

  /** The table position holding this key, or the empty position where it would go. */
  private probe(length: number, hash: number): number {
    const mask = this.table.length - 1;
    let position = hash & mask;
    for (;;) {
      const slot = this.table[position] ?? EMPTY;
      if (slot === EMPTY) return position;
      if (this.keyHashes[slot] === hash && this.keyLengths[slot] === length) {
        const start = this.keyStarts[slot] ?? 0;
        if (this.scratch.compare(this.bytes, start, start + length, 0, length) === 0) return position;
      }
      position = (position + 1) & mask;
    }
  }

  private insert(position: number, length: number, hash: number, location: RecordLocation, stamp: number): void {
    const slot = this.count;
    if (slot === this.lines.length) this.growSlots();
    if (this.bytesUsed + length > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.bytesUsed + length));
      this.bytes.copy(grown, 0, 0, this.bytesUsed);
      this.bytes = grown;
    }
    this.scratch.copy(this.bytes, this.bytesUsed, 0, length);
    this.keyStarts[slot] = this.bytesUsed;
    this.keyLengths[slot] = length;
    this.keyHashes[slot] = hash;
    this.bytesUsed += length;
    this.store(slot, location, stamp);
    this.table[position] = slot;
    this.count++;
    // Keep the table at most half full so probes stay short.
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
  }

  private rehash(capacity: number): void {
    const table = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let slot = 0; slot < this.count; slot++) {
      let position = (this.keyHashes[slot] ?? 0) & mask;
      while (table[position] !== EMPTY) position = (position + 1) & mask;
      table[position] = slot;
    }
    this.table = table;
  }

  private growSlots(): void {
    const capacity = this.lines.length * 2;
    this.keyStarts = grownUint32(this.keyStarts, capacity);
    this.keyLengths = grownUint32(this.keyLengths, capacity);
    this.keyHashes = grownUint32(this.keyHashes, capacity);
    const fileIndexes = new Int32Array(capacity);
    fileIndexes.set(this.fileIndexes);
    this.fileIndexes = fileIndexes;
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    this.lines = lines;
    const stamps = new Float64Array(capacity);
    stamps.set(this.stamps);
    this.stamps = stamps;
  }

  private at(slot: number): RecordLocation {
    return { fileIndex: this.fileIndexes[slot] ?? 0, line: this.lines[slot] ?? 0 };
  }

  private store(slot: number, location: RecordLocation, stamp: number): void {
    this.fileIndexes[slot] = location.fileIndex;
    this.lines[slot] = location.line;
    this.stamps[slot] = stamp;
  }
}

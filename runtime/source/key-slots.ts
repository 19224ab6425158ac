/**
 * A set of keys, each with a slot: 0, 1, 2, ... in the order the keys were added, kept compactly
 * and exactly outside the garbage-collected heap. The keys' UTF-8 bytes live in one growing byte
 * array, found through an open-addressing hash table of typed arrays; nothing here is a JavaScript
 * object per key, so a million keys cost some thirty megabytes that the garbage collector never
 * walks, and what a run keeps per row can be kept by slot in typed arrays too.
 *
 * Most exports key their records by numbers (1001, 360197): a key written as a decimal number is
 * found by its value in a typed array instead, with no hash and no bytes compared, as long as the
 * values stay within a few times the number of keys (else it goes to the hash table like any key).
 */

import { bytes, holding, uint32s } from "./grow.js";

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** A decimal key's value may be this many times the number of keys (plus DIRECT_SPARE) and be found by value. */
const DIRECT_SPREAD = 4;
const DIRECT_SPARE = 1 << 16;

/** The value of a key written as a decimal number of at most nine digits with no leading zero; -1 for any other key. */
export function decimalValue(key: string): number {
  const length = key.length;
  if (length === 0 || length > 9 || (length > 1 && key.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let index = 0; index < length; index++) {
    const digit = key.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export class KeySlots {
  private bytes = new Uint8Array(1 << 16);
  private bytesUsed = 0;
  private scratch = new Uint8Array(256);
  /**
   * Per slot, three numbers side by side: its key's hash, where the key's bytes start, and how
   * many there are. A probe of a million keys is bound by reads that miss the cache, not by
   * arithmetic: a slot's hash and place are then one read, not three.
   */
  private meta = new Uint32Array(3 * 1024);
  /** The open-addressing table: per position, a slot, or EMPTY. */
  private table = new Int32Array(2048).fill(EMPTY);
  private count = 0;
  /** Keys in `table`. */
  private hashed = 0;
  /** Per value of a decimal key, its slot, or EMPTY: those keys are not in `table`, but for the `hashedDecimals` that were too large when added. */
  private byValue = new Int32Array(0);
  private hashedDecimals = 0;
  /** The hash of the key last encoded into the scratch bytes. */
  private scratchHash = 0;
  /**
   * The key last found or added, with its slot: a run asks for the same row's key several times in
   * a row (its marks, its record, references to it), and a slot never changes once given.
   */
  private lastKey: string | undefined = undefined;
  private lastSlot = EMPTY;
  /**
   * Whether the last key found was in the slot after the one found before it: keys are then being
   * asked for in the order they were added, and the next slot is tried first. Tried for a key
   * asked at random (a reference), it would cost two reads that miss the cache for nothing.
   */
  private inOrder = false;

  get size(): number {
    return this.count;
  }

  /** The key's slot, or -1 when it was never added. */
  slotOf(key: string): number {
    if (key === this.lastKey) return this.lastSlot;
    const value = decimalValue(key);
    if (value >= 0) {
      const slot = value < this.byValue.length ? (this.byValue[value] ?? EMPTY) : EMPTY;
      if (slot !== EMPTY || this.hashedDecimals === 0) return this.found(key, slot);
    }
    const length = this.encode(key);
    // Keys are often asked for in the order they were added (the second pass over the same files,
    // rows linked in file order): the slot after the last one found is tried before the table.
    const next = this.lastSlot + 1;
    if (this.inOrder && next < this.count && this.holdsScratch(next, length)) {
      this.remember(key, next);
      return next;
    }
    return this.found(key, this.table[this.probe(length, this.scratchHash)] ?? EMPTY);
  }

  private found(key: string, slot: number): number {
    if (slot !== EMPTY) {
      this.inOrder = slot === this.lastSlot + 1;
      this.remember(key, slot);
    }
    return slot;
  }

  has(key: string): boolean {
    return this.slotOf(key) !== EMPTY;
  }

  /** The key's slot, a new one (the next number) when it is not there yet. */
  add(key: string): number {
    if (key === this.lastKey) return this.lastSlot;
    const value = decimalValue(key);
    if (value >= 0 && this.holdsValue(value)) return this.addDecimal(key, value);
    const length = this.encode(key);
    const hash = this.scratchHash;
    const position = this.probe(length, hash);
    const found = this.table[position] ?? EMPTY;
    let slot = found;
    if (found === EMPTY) {
      slot = this.insert(length, hash);
      this.table[position] = slot;
      if (value >= 0) this.hashedDecimals++;
      this.keepHalfEmpty();
    }
    this.remember(key, slot);
    return slot;
  }

  /**
   * add, for a key written as a decimal number (one decimalValue reads), given by its value: a
   * pass over the export's bytes keys most records this way without making the key's text.
   */
  addValue(value: number): number {
    if (!this.holdsValue(value)) return this.add(String(value));
    let slot = this.byValue[value] ?? EMPTY;
    if (slot === EMPTY && this.hashedDecimals > 0) slot = this.table[this.probe(this.encodeValue(value), this.scratchHash)] ?? EMPTY;
    if (slot === EMPTY) {
      slot = this.insert(this.encodeValue(value), this.scratchHash);
      this.byValue[value] = slot;
    }
    this.lastKey = undefined;
    this.lastSlot = slot;
    return slot;
  }

  /** Whether `byValue` holds (or may grow to hold) a decimal key's value. */
  private holdsValue(value: number): boolean {
    if (value < this.byValue.length) return true;
    const limit = DIRECT_SPREAD * (this.count + 1) + DIRECT_SPARE;
    if (value >= limit) return false;
    const larger = new Int32Array(Math.min(limit, Math.max(value + 1, 2 * this.byValue.length))).fill(EMPTY);
    larger.set(this.byValue);
    this.byValue = larger;
    return true;
  }

  private addDecimal(key: string, value: number): number {
    let slot = this.byValue[value] ?? EMPTY;
    // A value too large for the array when it was added went to the hash table.
    if (slot === EMPTY && this.hashedDecimals > 0) slot = this.table[this.probe(this.encode(key), this.scratchHash)] ?? EMPTY;
    if (slot === EMPTY) {
      slot = this.insert(this.encode(key), this.scratchHash);
      this.byValue[value] = slot;
    }
    this.remember(key, slot);
    return slot;
  }

  private remember(key: string, slot: number): void {
    this.lastKey = key;
    this.lastSlot = slot;
  }

  /** The key of a slot. */
  keyAt(slot: number): string {
    const start = this.meta[3 * slot + 1] ?? 0;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, this.meta[3 * slot + 2] ?? 0).toString("utf8");
  }

  *keys(): Generator<string> {
    for (let slot = 0; slot < this.count; slot++) yield this.keyAt(slot);
  }

  /**
   * Writes the key's UTF-8 bytes into the scratch bytes and its FNV-1a hash into scratchHash;
   * returns their length. Keys are mostly ASCII: those are copied and hashed in one loop.
   */
  private encode(key: string): number {
    const length = key.length;
    if (length * 3 > this.scratch.length) this.scratch = new Uint8Array(Math.max(length * 3, this.scratch.length * 2));
    const scratch = this.scratch;
    let hash = FNV_OFFSET;
    for (let index = 0; index < length; index++) {
      const code = key.charCodeAt(index);
      if (code > 0x7f) return this.encodeUtf8(key);
      scratch[index] = code;
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    this.scratchHash = hash >>> 0;
    return length;
  }

  /** encode, for the decimal text of a value of at most nine digits. */
  private encodeValue(value: number): number {
    const scratch = this.scratch;
    let length = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) length++;
    let rest = value;
    for (let index = length - 1; index >= 0; index--) {
      scratch[index] = 48 + (rest % 10);
      rest = (rest / 10) | 0;
    }
    let hash = FNV_OFFSET;
    for (let index = 0; index < length; index++) hash = Math.imul(hash ^ (scratch[index] ?? 0), FNV_PRIME);
    this.scratchHash = hash >>> 0;
    return length;
  }

  private encodeUtf8(key: string): number {
    const encoded = Buffer.from(key, "utf8");
    this.scratch.set(encoded);
    let hash = FNV_OFFSET;
    for (const byte of encoded) hash = Math.imul(hash ^ byte, FNV_PRIME);
    this.scratchHash = hash >>> 0;
    return encoded.length;
  }

  /** Whether the key in `slot` is the scratch key, of `length` bytes. */
  private holdsScratch(slot: number, length: number): boolean {
    const meta = this.meta;
    if (meta[3 * slot + 2] !== length) return false;
    const { bytes, scratch } = this;
    const start = meta[3 * slot + 1] ?? 0;
    let index = 0;
    while (index < length && bytes[start + index] === scratch[index]) index++;
    return index === length;
  }

  /** The table position holding the scratch key, or the empty position where it would go. */
  private probe(length: number, hash: number): number {
    const { table, meta } = this;
    const mask = table.length - 1;
    let position = hash & mask;
    for (;;) {
      const slot = table[position] ?? EMPTY;
      if (slot === EMPTY) return position;
      if (meta[3 * slot] === hash && this.holdsScratch(slot, length)) return position;
      position = (position + 1) & mask;
    }
  }

  /** Gives the scratch key the next slot; the caller says where it is found. */
  private insert(length: number, hash: number): number {
    const slot = this.count;
    this.meta = holding(this.meta, 3 * slot + 2, uint32s);
    this.bytes = holding(this.bytes, this.bytesUsed + length - 1, bytes);
    // Copied byte by byte: a view of the scratch bytes to copy from would be an object per key.
    const { scratch, bytesUsed } = this;
    const keyBytes = this.bytes;
    for (let index = 0; index < length; index++) keyBytes[bytesUsed + index] = scratch[index] ?? 0;
    this.meta[3 * slot] = hash;
    this.meta[3 * slot + 1] = this.bytesUsed;
    this.meta[3 * slot + 2] = length;
    this.bytesUsed += length;
    this.count++;
    return slot;
  }

  /** Keeps the table at most half full of the keys it holds, so that probes stay short. */
  private keepHalfEmpty(): void {
    this.hashed++;
    if (this.hashed * 2 > this.table.length) this.rehash(this.table.length * 2);
  }

  private rehash(capacity: number): void {
    const table = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let slot = 0; slot < this.count; slot++) {
      if (!this.inTable(slot)) continue;
      let position = (this.meta[3 * slot] ?? 0) & mask;
      while (table[position] !== EMPTY) position = (position + 1) & mask;
      table[position] = slot;
    }
    this.table = table;
  }

  /** Whether a slot's key is in `table`: any key but a decimal one found by its value. */
  private inTable(slot: number): boolean {
    const start = this.meta[3 * slot + 1] ?? 0;
    const length = this.meta[3 * slot + 2] ?? 0;
    const bytes = this.bytes;
    if (length === 0 || length > 9 || (length > 1 && bytes[start] === 48)) return true;
    let value = 0;
    for (let index = start; index < start + length; index++) {
      const digit = (bytes[index] ?? 0) - 48;
      if (digit < 0 || digit > 9) return true;
      value = value * 10 + digit;
    }
    return this.byValue[value] !== slot;
  }
}

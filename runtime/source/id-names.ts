/**
 * Database ids and the external ID of each, kept compactly outside the garbage-collected heap: a
 * run into Odoo may write a million records, and a map of a million numbers to a million strings
 * costs over a hundred bytes a record that the collector walks again and again. Here an id is four
 * bytes in a typed array found through an open-addressing table, and its external ID is the bytes
 * after a prefix that most of them share (`module.step_`, kept once), about thirty bytes a record.
 */
import { bytes, holding, int32s, uint32s } from "./grow.js";

const EMPTY = -1;
/** Fibonacci hashing: ids are often consecutive, and this spreads them over the table. */
const GOLDEN = 0x9e3779b1;

/**
 * Where an external ID is split into a shared prefix and its own bytes: after the first `_` after
 * the module's `.` (`pb.contact_C123` → `pb.contact_` and `C123`), so the records of a step share
 * one. Any split point would do, as the two parts are only ever joined again.
 */
function prefixLength(xmlid: string): number {
  const dot = xmlid.indexOf(".");
  const underscore = xmlid.indexOf("_", dot + 1);
  return underscore < 0 ? 0 : underscore + 1;
}

/** A set of database ids, each with a slot (0, 1, 2, ... in the order first added): four bytes an id and a table of slots. */
export class IdSlots {
  private ids = new Int32Array(256);
  private table = new Int32Array(512).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id's slot, a new one (the next number) when it is not there yet. */
  add(id: number): number {
    if (!isDatabaseId(id)) throw new RangeError(`${id} is not a database id`);
    const position = this.position(id);
    const slot = this.table[position] ?? EMPTY;
    if (slot !== EMPTY) return slot;
    const added = this.count++;
    this.table[position] = added;
    this.ids = holding(this.ids, added, int32s);
    this.ids[added] = id;
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    return added;
  }

  /** The id's slot, or -1 when it was never added. */
  slotOf(id: number): number {
    return isDatabaseId(id) ? (this.table[this.position(id)] ?? EMPTY) : EMPTY;
  }

  idAt(slot: number): number {
    return this.ids[slot] ?? 0;
  }

  /** The table position holding `id`, or the empty one where it would go. */
  private position(id: number): number {
    const { table, ids } = this;
    const mask = table.length - 1;
    let position = (Math.imul(id, GOLDEN) >>> 0) & mask;
    for (;;) {
      const slot = table[position] ?? EMPTY;
      if (slot === EMPTY || ids[slot] === id) return position;
      position = (position + 1) & mask;
    }
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity).fill(EMPTY);
    for (let slot = 0; slot < this.count; slot++) this.table[this.position(this.ids[slot] ?? 0)] = slot;
  }
}

function isDatabaseId(id: number): boolean {
  return Number.isInteger(id) && id > 0 && id <= 0x7fffffff;
}

export class IdNames {
  private readonly ids = new IdSlots();
  /** Per id's slot: its external ID's prefix, and where its own bytes are. */
  private prefixOf = new Uint32Array(256);
  private starts = new Uint32Array(256);
  private lengths = new Uint32Array(256);
  private bytes = new Uint8Array(4096);
  private bytesUsed = 0;
  private view = Buffer.from(this.bytes.buffer);
  private readonly prefixes: string[] = [];
  private readonly prefixSlots = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** Names the record `id` (a database id: a positive whole number) by `xmlid`, replacing any name it had. */
  set(id: number, xmlid: string): void {
    const known = this.ids.size;
    const slot = this.ids.add(id);
    if (slot === known) {
      this.prefixOf = holding(this.prefixOf, slot, uint32s);
      this.starts = holding(this.starts, slot, uint32s);
      this.lengths = holding(this.lengths, slot, uint32s);
    } else if (this.nameAt(slot) === xmlid) return;
    const split = prefixLength(xmlid);
    this.prefixOf[slot] = this.prefixSlot(xmlid.slice(0, split));
    this.starts[slot] = this.bytesUsed;
    this.lengths[slot] = this.write(xmlid, split);
  }

  /** The external ID of the record `id`, when it was named. */
  get(id: number): string | undefined {
    const slot = this.ids.slotOf(id);
    return slot === EMPTY ? undefined : this.nameAt(slot);
  }

  /** Every id and its external ID, in the order the ids were first named. */
  *entries(): Generator<readonly [number, string]> {
    for (let slot = 0; slot < this.ids.size; slot++) yield [this.ids.idAt(slot), this.nameAt(slot)];
  }

  private nameAt(slot: number): string {
    const start = this.starts[slot] ?? 0;
    return `${this.prefixes[this.prefixOf[slot] ?? 0] ?? ""}${this.view.toString("utf8", start, start + (this.lengths[slot] ?? 0))}`;
  }

  private prefixSlot(prefix: string): number {
    let slot = this.prefixSlots.get(prefix);
    if (slot === undefined) {
      slot = this.prefixes.length;
      this.prefixes.push(prefix);
      this.prefixSlots.set(prefix, slot);
    }
    return slot;
  }

  /** Appends the UTF-8 bytes of `text` from `from` on; returns their length. */
  private write(text: string, from: number): number {
    const grown = holding(this.bytes, this.bytesUsed + (text.length - from) * 3, bytes);
    if (grown !== this.bytes) {
      this.bytes = grown;
      this.view = Buffer.from(grown.buffer);
    }
    const written = this.view.write(text.slice(from), this.bytesUsed, "utf8");
    this.bytesUsed += written;
    return written;
  }
}

/**
 * A small seeded pseudo-random generator (sfc32, seeded through a cyrb128 string hash).
 *
 * Every generated record is a pure function of (seed, stream, index): `fork` derives an
 * independent generator for one record, so a record can be regenerated on demand (to follow a
 * reference, or to repeat it in the next chunk) without keeping earlier records in memory, and
 * adding a column to one entity never shifts the values of another.
 */

const UINT32 = 0x1_0000_0000;

/** Hashes a string to four 32-bit words (cyrb128), used as the initial sfc32 state. */
function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit finaliser (murmur3 fmix32): spreads a small integer over all bits. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // The first outputs of sfc32 still echo the seed words; discard them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  static fromSeed(seed: string): Rng {
    const [a, b, c, d] = hashString(seed);
    return new Rng(a, b, c, d);
  }

  /** Hashes a label (an entity or defect name) to a stream number for `fork`. */
  static streamId(label: string): number {
    return hashString(label)[0];
  }

  /**
   * An independent generator for (stream, index), derived from this generator's seed words
   * without advancing this generator.
   */
  fork(stream: number, index: number): Rng {
    const s = mix32(stream ^ 0x9e3779b9);
    const i = mix32((index * 0x27d4eb2d) ^ s);
    return new Rng(this.a ^ s, this.b ^ i, this.c ^ mix32(s + i), this.d ^ mix32(index + 0x165667b1));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.nextUint32() / UINT32;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`Rng.int: max ${max} < min ${min}`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Rng.pick: no items");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks from (value, weight) pairs with probability proportional to the weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of items) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError("Rng.weighted: no items");
    return last[0];
  }

  /** An integer in [min, max] drawn log-uniformly: small values as common per decade as large. */
  logInt(min: number, max: number): number {
    const value = Math.exp(Math.log(min) + this.float() * (Math.log(max) - Math.log(min)));
    return Math.min(max, Math.max(min, Math.round(value)));
  }
}

/**
 * A column of row values (text, numbers, yes/no, empty) by row number, kept outside the
 * garbage-collected heap: text as UTF-8 bytes in one growing byte array, numbers in a typed
 * array. What the export's index keeps of a million rows (the columns `get` reads, the rows `with`
 * blocks link) costs their bytes, not a string object each; a value read back is a new string.
 */
import { bytes, float64s, holding, uint32s } from "../source/grow.js";
import type { RowValue } from "../source/index.js";

const EMPTY = 0;
const TEXT = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;

export class ValueColumn {
  private kinds = new Uint8Array(256);
  /** Per row: the text's start in `bytes` (text), or the number's index in `numbers`. */
  private starts = new Uint32Array(256);
  private lengths = new Uint32Array(256);
  private bytes = new Uint8Array(4096);
  private bytesUsed = 0;
  private numbers = new Float64Array(16);
  private numbersUsed = 0;
  private view = Buffer.from(this.bytes.buffer);

  set(row: number, value: RowValue): void {
    this.kinds = holding(this.kinds, row, bytes);
    this.starts = holding(this.starts, row, uint32s);
    this.lengths = holding(this.lengths, row, uint32s);
    if (value === null) this.kinds[row] = EMPTY;
    else if (typeof value === "boolean") this.kinds[row] = value ? TRUE : FALSE;
    else if (typeof value === "number") {
      this.numbers = holding(this.numbers, this.numbersUsed, float64s);
      this.numbers[this.numbersUsed] = value;
      this.starts[row] = this.numbersUsed++;
      this.kinds[row] = NUMBER;
    } else {
      this.kinds[row] = TEXT;
      this.starts[row] = this.bytesUsed;
      this.lengths[row] = this.write(value);
    }
  }

  get(row: number): RowValue {
    switch (row < this.kinds.length ? this.kinds[row] : EMPTY) {
      case TEXT: {
        const start = this.starts[row] ?? 0;
        return this.view.toString("utf8", start, start + (this.lengths[row] ?? 0));
      }
      case NUMBER:
        return this.numbers[this.starts[row] ?? 0] ?? null;
      case TRUE:
        return true;
      case FALSE:
        return false;
      default:
        return null;
    }
  }

  /** Appends the text's UTF-8 bytes; returns their length. Most text is ASCII: that is copied in one loop. */
  private write(text: string): number {
    const length = text.length;
    this.reserve(length * 3);
    const bytes = this.bytes;
    const start = this.bytesUsed;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code > 0x7f) {
        const written = this.view.write(text, start, "utf8");
        this.bytesUsed += written;
        return written;
      }
      bytes[start + index] = code;
    }
    this.bytesUsed += length;
    return length;
  }

  private reserve(more: number): void {
    const grown = holding(this.bytes, this.bytesUsed + more - 1, bytes);
    if (grown === this.bytes) return;
    this.bytes = grown;
    this.view = Buffer.from(grown.buffer);
  }
}

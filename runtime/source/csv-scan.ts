/**
 * A byte-level CSV scanner: the records of a file in an ASCII-compatible encoding (UTF-8,
 * Windows-1252, Latin-1, mixed), found in its bytes and decoded cell by cell. Delimiters, quotes
 * and line breaks are single ASCII bytes that no multi-byte character of these encodings holds, so
 * record and field boundaries are found before anything is decoded.
 *
 * It gives exactly the records of csv-parse with the reader's options (relax_quotes,
 * relax_column_count, record delimiters \r\n, \n and \r, empty lines kept) over the decoded text,
 * with the lines `QuoteScanner` finds and the physical line numbers `LineCounter` counts: a quote
 * opens a value only at the start of a field; inside a quoted value `""` is a quote; a quote
 * followed by a delimiter, a line break, a NUL byte or the end of the file closes the value; one
 * followed by other text ends the quoting with both quotes kept as text (and the row is marked:
 * its values are not what the export meant). test/runtime/source/csv-scan.test.ts holds it to
 * csv-parse on generated files.
 */

import { closeSync, openSync, readSync } from "node:fs";
import type { RawRecord } from "./records.js";
import { cellDecoderFor, type ByteEncoding, type CellDecoder } from "./decode.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;
const NUL = 0;
/** scanRecord's answer when the record goes on past the bytes at hand. */
const INCOMPLETE = -1;

/**
 * Which cells of each record a reader wants decoded: the others come as "" (a first pass that
 * needs only each record's key). Set by the caller as it goes, once it has read the header; the
 * first cell, and cells past `wanted`'s length, are always decoded, so that an empty line and a
 * record's count of cells (and blank cells past the header's) are told as with every cell decoded.
 */
export class CellSelection {
  wanted: Uint8Array | null = null;

  /** Decode only the cells at `positions` (and those always decoded), of records `width` cells wide. */
  only(positions: readonly number[], width: number): void {
    const wanted = new Uint8Array(width);
    for (const position of positions) if (position >= 0 && position < width) wanted[position] = 1;
    wanted[0] = 1;
    this.wanted = wanted;
  }
}

/**
 * The record at hand, for a pass that wants few of its cells (the first pass of `keep last`, which
 * needs each record's key): its cells are decoded one by one when asked for, and no array of cells
 * or record object is made. Valid only during `RecordVisitor.record`.
 */
export interface RecordView {
  /** How many cells the record has. */
  readonly cellCount: number;
  /** The cell at `position` (0-based, below cellCount), as the record's `cells` would hold it. */
  cell(position: number): string;
  /** All the record's cells (for a header). */
  cells(): string[];
  /**
   * The cell at `position` read as a decimal number of one to nine digits and no leading zero (a
   * key written so), without making its text; -1 when it is written any other way.
   */
  decimalCell(position: number): number;
}

/** The decimal number of one to nine ASCII digits, no leading zero, in bytes[from, to); -1 for anything else. */
export function decimalBytes(bytes: Uint8Array, from: number, to: number): number {
  const length = to - from;
  if (length <= 0 || length > 9 || (length > 1 && bytes[from] === 48)) return -1;
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = (bytes[index] ?? 0) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Told of each record of a file in order, header included; empty lines and a quote that never closes are not records. */
export interface RecordVisitor {
  record(view: RecordView, line: number): void;
}

/** How a field of the record at hand was written (flags in `RecordScanner.fields`). */
const QUOTED = 1;
/** Quoted, with a quote doubled inside. */
const DOUBLED = 2;
/** Quoted, and its closing quote followed by more text, up to the field's end. */
const BROKEN = 4;
/** It holds a byte above ASCII: it is decoded on its own, in the file's encoding. */
const HIGH = 8;

/**
 * A record the scanner found. What it knows beyond what csv-parse's reading of the same text says
 * (whether every byte was plain ASCII) is kept off the record's data, which equals that reading.
 */
class ScannedRecord {
  readonly kind = "record";
  declare readonly malformedQuote?: number;
  declare readonly unterminated?: boolean;
  readonly #plain: boolean;

  constructor(
    readonly cells: string[],
    readonly line: number,
    plain: boolean,
    malformedQuote: number,
    unterminated: boolean,
  ) {
    this.#plain = plain;
    if (malformedQuote !== 0) this.malformedQuote = malformedQuote;
    if (unterminated) this.unterminated = true;
  }

  /** Every byte of the record is ASCII and none is NUL. */
  get plain(): boolean {
    return this.#plain;
  }
}

export class RecordScanner implements RecordView {
  /** The physical line the next record starts on. */
  private line = 1;
  private bomChecked = false;
  /** A quote opened and never closed: nothing after it is a record. */
  private closed = false;
  /**
   * The fields of the record at hand, four numbers each: where its text starts and ends (inside
   * the quotes of a quoted one), how it was written (QUOTED, DOUBLED, BROKEN, HIGH), and where a
   * broken one ends. Cells are made once the record is complete: its ASCII cells cut from one
   * string of the whole record, as a call to decode each would cost more than the cell. A typed
   * array kept from record to record: emptying an array by its length gives its storage back, and
   * refilling it made a new one for each record (an eighth of everything a run allocated).
   */
  private fields = new Int32Array(64);
  /** How many numbers of `fields` the record at hand uses (four per field). */
  private fieldsUsed = 0;
  /** A byte above ASCII in the field at hand. */
  private high = false;
  /** A NUL byte in the record at hand. */
  private nul = false;
  /** The record at hand read as Latin-1, made when a cell of it is cut from it. */
  private record: string | null = null;
  /** The bytes of the record a visitor is told of, and where it starts and ends in them. */
  private visited: Buffer | null = null;
  private visitedStart = 0;
  private visitedEnd = 0;
  /**
   * The cells of a visited line with no quote and no lone \r in it, when not -1: its cells are
   * found between its delimiters when asked for, and `fields` is not filled.
   */
  private lineCells = -1;
  /** Where the next quote and the next \r are in the bytes at hand (from the visited line on; their length when there is none). */
  private nextQuote = -1;
  private nextReturn = -1;

  constructor(
    private readonly delimiter: number,
    private readonly decode: CellDecoder,
    private readonly dropBom: boolean,
    private readonly selection: CellSelection | null = null,
    /** When set, records go to it instead of `out`. */
    private readonly visitor: RecordVisitor | null = null,
  ) {}

  get cellCount(): number {
    return this.lineCells >= 0 ? this.lineCells : this.fieldsUsed >> 2;
  }

  cell(position: number): string {
    if (this.visited === null) throw new Error("RecordScanner.cell is answered only while a visitor is told of a record");
    if (this.lineCells >= 0) return this.lineCell(this.visited, position);
    return this.cellAt(this.visited, this.visitedStart, this.visitedEnd, position << 2);
  }

  decimalCell(position: number): number {
    const bytes = this.visited;
    if (bytes === null) throw new Error("RecordScanner.decimalCell is answered only while a visitor is told of a record");
    if (this.lineCells < 0) {
      const field = position << 2;
      // Quoted, broken or above ASCII: its text says.
      if ((this.fields[field + 2] ?? 0) !== 0) return -1;
      return decimalBytes(bytes, this.fields[field] ?? 0, this.fields[field + 1] ?? 0);
    }
    const delimiter = this.delimiter;
    const end = this.visitedEnd;
    let from = this.visitedStart;
    for (let skipped = 0; skipped < position; from++) if (bytes[from] === delimiter) skipped++;
    let to = from;
    while (to < end && bytes[to] !== delimiter) to++;
    return decimalBytes(bytes, from, to);
  }

  cells(): string[] {
    if (this.visited === null) throw new Error("RecordScanner.cells is answered only while a visitor is told of a record");
    if (this.lineCells >= 0) return Array.from({ length: this.lineCells }, (_, position) => this.cell(position));
    return this.cellsOf(this.visited, this.visitedStart, this.visitedEnd);
  }

  /**
   * Appends the complete records of `bytes` to `out` and returns where the first incomplete one
   * starts (bytes.length when none is). `final`: no bytes follow, so every record is complete.
   */
  scan(bytes: Buffer, final: boolean, out: RawRecord[]): number {
    let position = 0;
    if (!this.bomChecked) {
      // The decoders drop a UTF-8 byte order mark at the start of the file only.
      if (bytes.length < 3 && !final) return 0;
      this.bomChecked = true;
      if (this.dropBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) position = 3;
    }
    this.nextQuote = -1;
    this.nextReturn = -1;
    while (position < bytes.length && !this.closed) {
      if (this.visitor !== null) {
        const after = this.visitLine(bytes, position, this.visitor);
        if (after >= 0) {
          position = after;
          continue;
        }
      }
      const next = this.scanRecord(bytes, position, final, out);
      if (next === INCOMPLETE) return position;
      position = next;
    }
    return bytes.length;
  }

  /** One record from `start`: where the next begins, or INCOMPLETE. */
  private scanRecord(bytes: Buffer, start: number, final: boolean, out: RawRecord[]): number {
    const end = bytes.length;
    const delimiter = this.delimiter;
    this.fieldsUsed = 0;
    this.nul = false;
    let breaks = 0;
    let malformedQuote = 0;
    let position = start;
    for (;;) {
      let fieldEnd: number;
      this.high = false;
      if (position < end && bytes[position] === QUOTE) {
        let close = -1;
        let doubled = false;
        for (let from = position + 1; ;) {
          const quote = bytes.indexOf(QUOTE, from);
          if (quote < 0 || (quote + 1 >= end && !final)) {
            if (!final) return INCOMPLETE;
            out.push({ kind: "unclosed-quote", line: this.line });
            this.closed = true;
            return end;
          }
          if (bytes[quote + 1] === QUOTE && quote + 1 < end) {
            doubled = true;
            from = quote + 2;
            continue;
          }
          close = quote;
          break;
        }
        breaks += this.quotedText(bytes, position + 1, close);
        const after = close + 1;
        const follower = after < end ? bytes[after] : -1;
        let how = doubled ? QUOTED | DOUBLED : QUOTED;
        if (follower === -1 || follower === delimiter || follower === LF || follower === CR) {
          fieldEnd = after;
        } else {
          // More text after the closing quote: it stays text, up to the field's end.
          if (malformedQuote === 0) malformedQuote = this.line + breaks;
          fieldEnd = this.fieldEnd(bytes, after, end);
          if (fieldEnd === end && !final) return INCOMPLETE;
          how |= BROKEN;
        }
        this.field(position + 1, close, this.high ? how | HIGH : how, fieldEnd);
      } else {
        fieldEnd = this.fieldEnd(bytes, position, end);
        if (fieldEnd === end && !final) return INCOMPLETE;
        this.field(position, fieldEnd, this.high ? HIGH : 0, fieldEnd);
      }
      if (fieldEnd >= end) {
        this.emit(bytes, start, fieldEnd, breaks, malformedQuote, true, out);
        return end;
      }
      const byte = bytes[fieldEnd];
      if (byte === delimiter) {
        position = fieldEnd + 1;
        continue;
      }
      let next = fieldEnd + 1;
      if (byte === CR) {
        // A \r at the end of the bytes at hand may be the first half of \r\n.
        if (next >= end && !final) return INCOMPLETE;
        if (next < end && bytes[next] === LF) next++;
      }
      this.emit(bytes, start, fieldEnd, breaks, malformedQuote, false, out);
      return next;
    }
  }

  /** Adds a field of the record at hand to `fields`. */
  private field(start: number, end: number, how: number, brokenEnd: number): void {
    const at = this.fieldsUsed;
    if (at + 4 > this.fields.length) {
      const larger = new Int32Array(2 * this.fields.length);
      larger.set(this.fields);
      this.fields = larger;
    }
    const fields = this.fields;
    fields[at] = start;
    fields[at + 1] = end;
    fields[at + 2] = how;
    fields[at + 3] = brokenEnd;
    this.fieldsUsed = at + 4;
  }

  /** Where the unquoted field from `start` ends: its delimiter or line break, or `end`. */
  private fieldEnd(bytes: Buffer, start: number, end: number): number {
    const delimiter = this.delimiter;
    for (let index = start; index < end; index++) {
      const byte = bytes[index] ?? 0;
      if (byte === delimiter) return index;
      // Line breaks, NUL and bytes above ASCII in one test: most bytes are none of them.
      if (byte < 0x0e || byte > 0x7f) {
        if (byte === LF || byte === CR) return index;
        if (byte > 0x7f) this.high = true;
        else if (byte === NUL) this.nul = true;
      }
    }
    return end;
  }

  /** Line breaks in the quoted text bytes[start, end) (`\r\n` once), noting NUL and bytes above ASCII. */
  private quotedText(bytes: Buffer, start: number, end: number): number {
    let breaks = 0;
    for (let index = start; index < end; index++) {
      const byte = bytes[index] ?? 0;
      if (byte < 0x0e || byte > 0x7f) {
        if (byte === LF) breaks++;
        else if (byte === CR) {
          if (bytes[index + 1] !== LF) breaks++;
        } else if (byte > 0x7f) this.high = true;
        else if (byte === NUL) this.nul = true;
      }
    }
    return breaks;
  }

  /** The cells of the record in bytes[start, end) whose fields `fields` holds. */
  private cellsOf(bytes: Buffer, start: number, end: number): string[] {
    const wanted = this.selection?.wanted ?? null;
    // Made at its length: filled from empty, a record of twenty cells grew its array twice.
    const cells = new Array<string>(this.fieldsUsed >> 2);
    this.record = null;
    for (let field = 0; field < this.fieldsUsed; field += 4) cells[field >> 2] = wanted !== null && wanted[field >> 2] === 0 ? "" : this.cellAt(bytes, start, end, field);
    return cells;
  }

  /** The cell whose field starts at `field` in `fields`, of the record in bytes[start, end). */
  private cellAt(bytes: Buffer, start: number, end: number, field: number): string {
    const fields = this.fields;
    const from = fields[field] ?? 0;
    const to = fields[field + 1] ?? 0;
    const how = fields[field + 2] ?? 0;
    let value = this.text(bytes, start, end, how, from, to);
    if ((how & QUOTED) === 0) return value;
    if ((how & DOUBLED) !== 0) value = value.replaceAll('""', '"');
    if ((how & BROKEN) === 0) return value;
    const rest = this.text(bytes, start, end, how, to + 1, fields[field + 3] ?? 0);
    // A NUL byte counts as the end of the quoted value for csv-parse, which keeps no quote then.
    return bytes[to + 1] === NUL ? value + rest : `"${value}"${rest}`;
  }

  /** bytes[first, last) of the record in bytes[start, end), in a field written `how`, as text. */
  private text(bytes: Buffer, start: number, end: number, how: number, first: number, last: number): string {
    if ((how & HIGH) !== 0) return this.decode(bytes, first, last);
    // A visitor asks for a cell or two: cutting them alone costs less than reading the whole record.
    if (this.visited !== null) return bytes.toString("latin1", first, last);
    // Latin-1 gives one character per byte, so an ASCII field is the record's characters at its bytes' offsets.
    this.record ??= bytes.toString("latin1", start, end);
    return this.record.substring(first - start, last - start);
  }

  private emit(bytes: Buffer, start: number, end: number, breaks: number, malformedQuote: number, unterminated: boolean, out: RawRecord[]): void {
    const line = this.line;
    if (this.visitor !== null) {
      this.visit(bytes, start, end, breaks, this.visitor);
      return;
    }
    const cells = this.cellsOf(bytes, start, end);
    if (cells.length === 1 && cells[0] === "") {
      this.line++;
      out.push({ kind: "empty", line });
      return;
    }
    this.line += 1 + breaks;
    let plain = !this.nul;
    for (let field = 2; plain && field < this.fieldsUsed; field += 4) if (((this.fields[field] ?? 0) & HIGH) !== 0) plain = false;
    out.push(new ScannedRecord(cells, line, plain, malformedQuote, unterminated));
  }

  /**
   * Tells the visitor of the line from `start` when it is a record by itself, with no quote and no
   * lone \r (most lines of an export): where the next record starts, or -1 to leave the line to
   * scanRecord. Its cells are the text between its delimiters, found only when asked for.
   */
  private visitLine(bytes: Buffer, start: number, visitor: RecordVisitor): number {
    const lineEnd = bytes.indexOf(LF, start);
    // The last line (no line break after it) may be incomplete, and is the file's last record: scanRecord decides.
    if (lineEnd < 0) return -1;
    if (this.nextQuote < start) this.nextQuote = indexOrLength(bytes, QUOTE, start);
    if (this.nextQuote < lineEnd) return -1;
    if (this.nextReturn < start) this.nextReturn = indexOrLength(bytes, CR, start);
    let end = lineEnd;
    if (this.nextReturn < lineEnd) {
      if (this.nextReturn !== lineEnd - 1) return -1;
      end = lineEnd - 1;
    }
    if (end === start) {
      this.line++;
      return lineEnd + 1;
    }
    const delimiter = this.delimiter;
    let cells = 1;
    for (let index = start; index < end; index++) if (bytes[index] === delimiter) cells++;
    const line = this.line++;
    this.visited = bytes;
    this.visitedStart = start;
    this.visitedEnd = end;
    this.lineCells = cells;
    visitor.record(this, line);
    this.lineCells = -1;
    this.visited = null;
    return lineEnd + 1;
  }

  /** The cell at `position` of the visited line in bytes[visitedStart, visitedEnd), which holds no quote. */
  private lineCell(bytes: Buffer, position: number): string {
    const delimiter = this.delimiter;
    const end = this.visitedEnd;
    let from = this.visitedStart;
    for (let skipped = 0; skipped < position; from++) if (bytes[from] === delimiter) skipped++;
    let to = from;
    let high = false;
    for (; to < end; to++) {
      const byte = bytes[to] ?? 0;
      if (byte === delimiter) break;
      if (byte > 0x7f) high = true;
    }
    return high ? this.decode(bytes, from, to) : bytes.toString("latin1", from, to);
  }

  /** Tells the visitor of the record in bytes[start, end), unless it is an empty line. */
  private visit(bytes: Buffer, start: number, end: number, breaks: number, visitor: RecordVisitor): void {
    const fields = this.fields;
    // One field with no text, not broken: csv-parse's [""], an empty line.
    if (this.fieldsUsed === 4 && fields[0] === fields[1] && ((fields[2] ?? 0) & BROKEN) === 0) {
      this.line++;
      return;
    }
    const line = this.line;
    this.line += 1 + breaks;
    this.visited = bytes;
    this.visitedStart = start;
    this.visitedEnd = end;
    visitor.record(this, line);
    this.visited = null;
  }
}

/** Where `byte` first is in bytes from `from` on, or bytes.length. */
function indexOrLength(bytes: Buffer, byte: number, from: number): number {
  const index = bytes.indexOf(byte, from);
  return index < 0 ? bytes.length : index;
}

/**
 * Reads a file into one buffer, a chunk at a time, and has `scan` take the complete records of the
 * bytes at hand (it answers how many bytes it took): once after each chunk, which the generator
 * then yields for, and once with `final` set at the end. A record longer than a chunk is scanned
 * again only once the bytes gathered after it are at least as many as its own, so that a value
 * spanning the whole file (a quote that never closes) costs linear time.
 */
function* scannedChunks(path: string, chunkBytes: number, scan: (bytes: Buffer, final: boolean) => number): Generator<number> {
  // Reads are synchronous: a chunk of a local file comes from the page cache in microseconds, and
  // a promise and a thread-pool hop per chunk cost more than the read itself.
  const descriptor = openSync(path, "r");
  try {
    // Cells are decoded as soon as their record is complete, so one buffer serves every read: the
    // incomplete record at its end moves to its start and the next read goes after it.
    let buffer = Buffer.allocUnsafe(2 * chunkBytes);
    let filled = 0;
    /** Bytes at the start of the buffer that the last scan left: an incomplete record. */
    let carried = 0;
    for (;;) {
      if (buffer.length - filled < chunkBytes) {
        const larger = Buffer.allocUnsafe(Math.max(2 * buffer.length, filled + chunkBytes));
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const bytesRead = readSync(descriptor, buffer, filled, chunkBytes, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (carried > filled - carried) continue;
      const used = scan(buffer.subarray(0, filled), false);
      buffer.copyWithin(0, used, filled);
      filled -= used;
      carried = filled;
      yield used;
    }
    scan(buffer.subarray(0, filled), true);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Tells `visitor` of every record of a file, header included, in order, without making its cells
 * (see RecordView): for a pass that reads a cell or two of each record.
 */
export function visitRecords(path: string, delimiter: string, encoding: ByteEncoding, visitor: RecordVisitor, chunkBytes = 1 << 16): void {
  const scanner = new RecordScanner(delimiter.charCodeAt(0), cellDecoderFor(encoding), encoding === "utf-8" || encoding === "mixed", null, visitor);
  // Only a quote that never closes lands here: it ends the records.
  const unclosed: RawRecord[] = [];
  for (const used of scannedChunks(path, chunkBytes, (bytes, final) => scanner.scan(bytes, final, unclosed))) void used;
}

/** Every record of a file, header included, in order, a batch per chunk read; see RecordScanner and scannedChunks. */
export async function* scanRecordBatches(
  path: string,
  delimiter: string,
  encoding: ByteEncoding,
  // 16 KB: a batch's rows stay alive until the run has gone through them, and the fewer there are
  // at once, the fewer survive a collection of the young generation.
  chunkBytes = 1 << 14,
  selection: CellSelection | null = null,
): AsyncGenerator<RawRecord[]> {
  const scanner = new RecordScanner(delimiter.charCodeAt(0), cellDecoderFor(encoding), encoding === "utf-8" || encoding === "mixed", selection);
  let records: RawRecord[] = [];
  for (const used of scannedChunks(path, chunkBytes, (bytes, final) => scanner.scan(bytes, final, records))) {
    void used;
    if (records.length > 0) {
      yield records;
      records = [];
    }
  }
  if (records.length > 0) yield records;
}

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

/** Line breaks in bytes[start, end), `\r\n` once. */
function lineBreaks(bytes: Buffer, start: number, end: number): number {
  let breaks = 0;
  for (let index = start; index < end; index++) {
    const byte = bytes[index];
    if (byte === LF) breaks++;
    else if (byte === CR && bytes[index + 1] !== LF) breaks++;
  }
  return breaks;
}

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

export class RecordScanner {
  /** The physical line the next record starts on. */
  private line = 1;
  private bomChecked = false;
  /** A quote opened and never closed: nothing after it is a record. */
  private closed = false;

  constructor(
    private readonly delimiter: number,
    private readonly decode: CellDecoder,
    private readonly dropBom: boolean,
    private readonly selection: CellSelection | null = null,
  ) {}

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
    while (position < bytes.length && !this.closed) {
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
    const wanted = this.selection?.wanted ?? null;
    const cells: string[] = [];
    let breaks = 0;
    let malformedQuote = 0;
    let position = start;
    for (;;) {
      let fieldEnd: number;
      if (position < end && bytes[position] === QUOTE) {
        let close = -1;
        let doubled = false;
        for (let from = position + 1; ; ) {
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
        breaks += lineBreaks(bytes, position + 1, close);
        const skipped = wanted !== null && wanted[cells.length] === 0;
        let text = skipped ? "" : this.decode(bytes, position + 1, close);
        if (doubled && !skipped) text = text.replaceAll('""', '"');
        const after = close + 1;
        const follower = after < end ? bytes[after] : -1;
        if (follower === -1 || follower === delimiter || follower === LF || follower === CR) {
          cells.push(text);
          fieldEnd = after;
        } else {
          // More text after the closing quote: it stays text, up to the field's end.
          if (malformedQuote === 0) malformedQuote = this.line + breaks;
          fieldEnd = this.fieldEnd(bytes, after, end);
          if (fieldEnd === end && !final) return INCOMPLETE;
          const rest = skipped ? "" : this.decode(bytes, after, fieldEnd);
          // A NUL byte counts as the end of the quoted value for csv-parse, which keeps no quote then.
          cells.push(skipped ? "" : follower === NUL ? text + rest : `"${text}"${rest}`);
        }
      } else {
        fieldEnd = this.fieldEnd(bytes, position, end);
        if (fieldEnd === end && !final) return INCOMPLETE;
        cells.push(wanted !== null && wanted[cells.length] === 0 ? "" : this.decode(bytes, position, fieldEnd));
      }
      if (fieldEnd >= end) {
        this.emit(cells, breaks, malformedQuote, true, out);
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
      this.emit(cells, breaks, malformedQuote, false, out);
      return next;
    }
  }

  /** Where the unquoted field from `start` ends: its delimiter or line break, or `end`. */
  private fieldEnd(bytes: Buffer, start: number, end: number): number {
    const delimiter = this.delimiter;
    for (let index = start; index < end; index++) {
      const byte = bytes[index];
      if (byte === delimiter || byte === LF || byte === CR) return index;
    }
    return end;
  }

  private emit(cells: string[], breaks: number, malformedQuote: number, unterminated: boolean, out: RawRecord[]): void {
    const line = this.line;
    if (cells.length === 1 && cells[0] === "") {
      this.line++;
      out.push({ kind: "empty", line });
      return;
    }
    this.line += 1 + breaks;
    const record: { kind: "record"; cells: string[]; line: number; malformedQuote?: number; unterminated?: boolean } = { kind: "record", cells, line };
    if (malformedQuote !== 0) record.malformedQuote = malformedQuote;
    if (unterminated) record.unterminated = true;
    out.push(record);
  }
}

/**
 * Every record of a file, header included, in order, a batch per chunk read; see RecordScanner.
 * A record longer than a chunk is scanned again only once the bytes gathered after it are at least
 * as many as its own, so that a value spanning the whole file (a quote that never closes) costs
 * linear time.
 */
export async function* scanRecordBatches(
  path: string,
  delimiter: string,
  encoding: ByteEncoding,
  chunkBytes = 1 << 16,
  selection: CellSelection | null = null,
): AsyncGenerator<RawRecord[]> {
  const scanner = new RecordScanner(delimiter.charCodeAt(0), cellDecoderFor(encoding), encoding === "utf-8" || encoding === "mixed", selection);
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
      const records: RawRecord[] = [];
      const used = scanner.scan(buffer.subarray(0, filled), false, records);
      buffer.copyWithin(0, used, filled);
      filled -= used;
      carried = filled;
      if (records.length > 0) yield records;
    }
    const records: RawRecord[] = [];
    scanner.scan(buffer.subarray(0, filled), true, records);
    if (records.length > 0) yield records;
  } finally {
    closeSync(descriptor);
  }
}

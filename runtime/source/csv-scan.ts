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

import { open } from "node:fs/promises";
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
        let text = this.decode(bytes, position + 1, close);
        if (doubled) text = text.replaceAll('""', '"');
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
          const rest = this.decode(bytes, after, fieldEnd);
          // A NUL byte counts as the end of the quoted value for csv-parse, which keeps no quote then.
          cells.push(follower === NUL ? text + rest : `"${text}"${rest}`);
        }
      } else {
        fieldEnd = this.fieldEnd(bytes, position, end);
        if (fieldEnd === end && !final) return INCOMPLETE;
        cells.push(this.decode(bytes, position, fieldEnd));
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
export async function* scanRecordBatches(path: string, delimiter: string, encoding: ByteEncoding, chunkBytes = 1 << 16): AsyncGenerator<RawRecord[]> {
  const scanner = new RecordScanner(delimiter.charCodeAt(0), cellDecoderFor(encoding), encoding === "utf-8" || encoding === "mixed");
  const handle = await open(path, "r");
  try {
    // Cells are decoded as soon as their record is complete, so one buffer serves every read.
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let carry: Buffer = Buffer.alloc(0);
    let gathered: Buffer[] = [];
    let gatheredBytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      const fresh = chunk.subarray(0, bytesRead);
      if (carry.length > gatheredBytes + bytesRead) {
        gathered.push(Buffer.from(fresh));
        gatheredBytes += bytesRead;
        continue;
      }
      const bytes = carry.length === 0 ? fresh : Buffer.concat([carry, ...gathered, fresh]);
      gathered = [];
      gatheredBytes = 0;
      const records: RawRecord[] = [];
      carry = Buffer.from(bytes.subarray(scanner.scan(bytes, false, records)));
      if (records.length > 0) yield records;
    }
    const records: RawRecord[] = [];
    scanner.scan(Buffer.concat([carry, ...gathered]), true, records);
    if (records.length > 0) yield records;
  } finally {
    await handle.close();
  }
}

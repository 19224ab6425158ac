/** Streaming the records of one CSV file with the physical line each starts on. I/O at the edge. */

import { createReadStream } from "node:fs";
import { finished } from "node:stream/promises";
import { parse } from "csv-parse";
import { createChunkDecoder, isByteEncoding } from "./decode.js";
import { scanRecordBatches, visitRecords, type RecordView, type RecordVisitor } from "./csv-scan.js";
import type { FileProbe } from "./probe.js";
import { QuoteScanner } from "./quote-scan.js";
import { decimalValue } from "./key-slots.js";

export type RawRecord =
  | {
      readonly kind: "record";
      readonly cells: string[];
      readonly line: number;
      /** A line of the record where a quoted value's closing quote is followed by more text: its cells are not what the export meant. */
      readonly malformedQuote?: number;
      /** The file's last record, with no line break after it (a file cut short ends so). */
      readonly unterminated?: boolean;
      /**
       * Every byte of the record is ASCII and none is NUL, so no cell holds a NUL or a character
       * that was not in the encoding (said by the byte-level scanner; undefined: not known).
       */
      readonly plain?: boolean;
    }
  | { readonly kind: "empty"; readonly line: number }
  /** A quote opened and never closed: everything from `line` to the end is one broken record. */
  | { readonly kind: "unclosed-quote"; readonly line: number };

/** Physical line breaks inside a value (\r\n counts once), so records spanning lines keep true line numbers. */
export function countLineBreaks(text: string): number {
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) return 0;
  let breaks = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) breaks++;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) breaks++;
  }
  return breaks;
}

function isCsvError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

/** Turns parsed cell arrays into records with the physical line each starts on. */
class LineCounter {
  private nextLine = 1;
  /** Lines with a malformed closing quote not yet matched to their record, in order. */
  private readonly malformed: number[] = [];

  get line(): number {
    return this.nextLine;
  }

  /** Lines the quote scanner found in text not yet parsed (it scans each chunk before the parser reads it). */
  expectMalformed(lines: readonly number[]): void {
    this.malformed.push(...lines);
  }

  toRecords(parsed: readonly string[][]): RawRecord[] {
    const records: RawRecord[] = [];
    for (const cells of parsed) {
      const line = this.nextLine;
      if (cells.length === 1 && cells[0] === "") {
        this.nextLine++;
        records.push({ kind: "empty", line });
        continue;
      }
      let breaks = 0;
      for (const cell of cells) breaks += countLineBreaks(cell);
      this.nextLine += 1 + breaks;
      const malformedQuote = this.malformedWithin(line, line + breaks);
      records.push(malformedQuote === undefined ? { kind: "record", cells, line } : { kind: "record", cells, line, malformedQuote });
    }
    return records;
  }

  private malformedWithin(first: number, last: number): number | undefined {
    let found: number | undefined;
    while (this.malformed.length > 0 && (this.malformed[0] ?? 0) <= last) {
      const line = this.malformed.shift() ?? 0;
      if (line >= first) found ??= line;
    }
    return found;
  }
}

/**
 * Every record of a file, header included, in order, a batch per chunk read (so callers pay one
 * await per chunk, not per record). Quotes are relaxed (a quote inside an unquoted value is kept
 * as text) and record lengths are not checked here: ragged rows are the caller's to report.
 * Files in an ASCII-compatible encoding are scanned as bytes (csv-scan.ts); UTF-16 ones are
 * decoded and parsed by csv-parse, which the scanner matches record for record. A pass that
 * reads a cell or two of each record visits them instead (visitFileRecords).
 */
export function readRecordBatches(path: string, probe: FileProbe): AsyncGenerator<RawRecord[]> {
  return isByteEncoding(probe.encoding) ? scanRecordBatches(path, probe.delimiter, probe.encoding) : parseRecordBatches(path, probe);
}

/** readRecordBatches through csv-parse over the decoded text, for any encoding. */
export async function* parseRecordBatches(path: string, probe: FileProbe): AsyncGenerator<RawRecord[]> {
  const parser = parse({
    delimiter: probe.delimiter,
    // Listing all three keeps files that mix line endings (appended chunks) in step.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  let parsed: string[][] = [];
  let failure: unknown = null;
  parser.on("data", (cells: string[]) => parsed.push(cells));
  parser.on("error", (error: unknown) => {
    failure ??= error;
  });
  const lines = new LineCounter();
  const quotes = new QuoteScanner(probe.delimiter);
  const take = (): RawRecord[] => {
    const records = lines.toRecords(parsed);
    parsed = [];
    return records;
  };
  const decoder = createChunkDecoder(probe.encoding);
  const write = (text: string): Promise<void> =>
    new Promise((resolve) => {
      parser.write(text, () => resolve());
    });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      const text = decoder.write(chunk as Buffer);
      lines.expectMalformed(quotes.scan(text));
      if (text.length > 0) await write(text);
      if (failure !== null) break;
      if (parsed.length > 0) yield take();
    }
    if (failure === null) {
      const rest = decoder.end();
      lines.expectMalformed(quotes.scan(rest));
      if (rest.length > 0) await write(rest);
      parser.end();
      await finished(parser).catch((error: unknown) => {
        failure ??= error;
      });
    }
    if (parsed.length > 0) {
      const records = take();
      // The parser gives a record without a line break after it only at the end: it is the last one.
      const last = records[records.length - 1];
      if (last?.kind === "record" && !quotes.endsWithLineBreak && failure === null) records[records.length - 1] = { ...last, unterminated: true };
      yield records;
    }
    if (failure !== null) {
      if (isCsvError(failure) && failure.code === "CSV_QUOTE_NOT_CLOSED") {
        yield [{ kind: "unclosed-quote", line: lines.line }];
        return;
      }
      throw failure;
    }
  } finally {
    parser.destroy();
  }
}

/** Record by record; see readRecordBatches. */
export async function* readRecords(path: string, probe: FileProbe): AsyncGenerator<RawRecord> {
  for await (const batch of readRecordBatches(path, probe)) yield* batch;
}

/** A record's cells as a RecordView: one object for every record, given each record's cells in turn. */
export class CellsView implements RecordView {
  current: string[] = [];

  get cellCount(): number {
    return this.current.length;
  }

  cell(position: number): string {
    return this.current[position] ?? "";
  }

  cells(): string[] {
    return this.current;
  }

  decimalCell(position: number): number {
    return decimalValue(this.cell(position));
  }
}

/**
 * Tells `visitor` of every record of a file, header included (see RecordVisitor): the records of
 * readRecordBatches, without the cells the visitor does not ask for when the file is scanned as bytes.
 */
export async function visitFileRecords(path: string, probe: FileProbe, visitor: RecordVisitor): Promise<void> {
  if (isByteEncoding(probe.encoding)) {
    visitRecords(path, probe.delimiter, probe.encoding, visitor);
    return;
  }
  const view = new CellsView();
  for await (const batch of parseRecordBatches(path, probe)) {
    for (const record of batch) {
      if (record.kind !== "record") continue;
      view.current = record.cells;
      visitor.record(view, record.line);
    }
  }
}

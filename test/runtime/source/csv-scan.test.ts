/**
 * The byte-level scanner against csv-parse: on generated files full of what breaks CSV readers
 * (quotes doubled, not doubled, never closed; line breaks of three kinds inside and outside
 * values; other delimiters; byte order marks; NUL bytes; bytes that are not UTF-8; empty lines; no
 * line break at the end), read in every ASCII-compatible encoding and in chunks of every size, the
 * scanner must give exactly the records, cells, lines and marks that the csv-parse reading of the
 * decoded text gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { CellSelection, scanRecordBatches, visitRecords } from "../../../runtime/source/csv-scan.js";
import { cellDecoderFor, type ByteEncoding } from "../../../runtime/source/decode.js";
import type { Delimiter } from "../../../runtime/source/detect.js";
import type { FileProbe } from "../../../runtime/source/probe.js";
import { parseRecordBatches, type RawRecord } from "../../../runtime/source/records.js";

const directory = mkdtempSync(join(tmpdir(), "flitmap-scan-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const ENCODINGS: readonly ByteEncoding[] = ["utf-8", "windows-1252", "latin-1", "mixed"];
const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/** Pieces a damaged export is made of, as bytes. */
const PIECES: readonly (readonly number[])[] = [
  [0x61],
  [0x42, 0x63],
  [0x20],
  [0x31, 0x2e, 0x35],
  [0x22],
  [0x22, 0x22],
  [0x2c],
  [0x3b],
  [0x09],
  [0x0a],
  [0x0d],
  [0x0d, 0x0a],
  [0x00],
  [0xef, 0xbb, 0xbf],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0x81],
  [0x93],
  [0x9d],
  [0xa3],
  [0xe9],
  [0xff],
];

const fileBytes = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((pieces) => Buffer.from(pieces.flat()));

/** A plausible CSV with quoted values around the damage, so that most records are well-formed. */
const csvBytes = fc
  .array(
    fc.array(
      fc.oneof(
        fc.constantFrom("id", "Brook, retainer", 'a ""quoted"" word', "line\nbreak", "line\r\nbreak", "£1,450.00", "Café", ""),
        fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((pieces) => Buffer.from(pieces.flat()).toString("latin1")),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    { maxLength: 12 },
  )
  .chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      quote: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      ending: fc.constantFrom("\n", "\r\n", "\r"),
      last: fc.boolean(),
    }),
  )
  .map(({ rows, quote, ending, last }) => {
    let text = "";
    rows.forEach((cells, row) => {
      text += cells.map((cell, column) => (quote[(row * 5 + column) % quote.length] === true ? `"${cell}"` : cell)).join(",");
      if (row < rows.length - 1 || last) text += ending;
    });
    return Buffer.from(text, "latin1");
  });

let files = 0;

async function recordsOf(batches: AsyncGenerator<RawRecord[]>): Promise<RawRecord[] | string> {
  const records: RawRecord[] = [];
  try {
    for await (const batch of batches) records.push(...batch);
  } catch (error) {
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
  return records;
}

async function bothReadings(
  bytes: Buffer,
  encoding: ByteEncoding,
  delimiter: Delimiter,
  chunkBytes: number,
): Promise<[RawRecord[] | string, RawRecord[] | string]> {
  const path = join(directory, `file-${files++}.csv`);
  writeFileSync(path, bytes);
  const probe: FileProbe = { encoding, encodingDetected: false, encodingNote: null, bom: false, delimiter, delimiterDetected: false, skipLines: 0 };
  return [await recordsOf(scanRecordBatches(path, delimiter, encoding, chunkBytes)), await recordsOf(parseRecordBatches(path, probe))];
}

const settings = fc.record({
  encoding: fc.constantFrom(...ENCODINGS),
  delimiter: fc.constantFrom(...DELIMITERS),
  chunkBytes: fc.constantFrom(1, 2, 3, 5, 16, 1 << 16),
});

/** The property: any file `files` generates, in any setting, reads the same through both. */
function readsAsCsvParse(files: fc.Arbitrary<Buffer>): Promise<void> {
  return fc.assert(
    fc.asyncProperty(files, settings, async (bytes, { encoding, delimiter, chunkBytes }) => {
      const [scanned, parsed] = await bothReadings(bytes, encoding, delimiter, chunkBytes);
      expect(scanned).toEqual(parsed);
    }),
    { numRuns: 400 },
  );
}

describe("the byte-level CSV scanner", () => {
  it("reads random bytes exactly as csv-parse reads their decoded text", () => readsAsCsvParse(fileBytes));

  it("reads generated CSV with quoted values, embedded line breaks and damage exactly as csv-parse does", () => readsAsCsvParse(csvBytes));

  it("marks the record of a broken quote, a record cut short and a quote that never closes, with their lines", async () => {
    const text = 'id,name\r\n1,"Brook, retainer"\r\n2,"Castlefield, retainer,"£1\r\n3,"two\nlines"\r\n\r\n4,"open\n5,x';
    const [scanned] = await bothReadings(Buffer.from(text), "utf-8", ",", 7);
    expect(scanned).toEqual([
      { kind: "record", cells: ["id", "name"], line: 1 },
      { kind: "record", cells: ["1", "Brook, retainer"], line: 2 },
      { kind: "record", cells: ["2", '"Castlefield, retainer,"£1'], line: 3, malformedQuote: 3 },
      { kind: "record", cells: ["3", "two\nlines"], line: 4 },
      { kind: "empty", line: 6 },
      { kind: "unclosed-quote", line: 7 },
    ]);
    const [cut] = await bothReadings(Buffer.from("id,name\n1,Brook\n2,Cas"), "utf-8", ",", 1 << 16);
    expect(cut).toEqual([
      { kind: "record", cells: ["id", "name"], line: 1 },
      { kind: "record", cells: ["1", "Brook"], line: 2 },
      { kind: "record", cells: ["2", "Cas"], line: 3, unterminated: true },
    ]);
  });

  it("decodes only the cells a selection wants, and finds the same records, lines and marks", () =>
    fc.assert(
      fc.asyncProperty(
        csvBytes,
        settings,
        fc.array(fc.nat(6), { maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        async (bytes, { encoding, delimiter, chunkBytes }, positions, width) => {
          const path = join(directory, `file-${files++}.csv`);
          writeFileSync(path, bytes);
          const selection = new CellSelection();
          selection.only(positions, width);
          const all = await recordsOf(scanRecordBatches(path, delimiter, encoding, chunkBytes));
          const some = await recordsOf(scanRecordBatches(path, delimiter, encoding, chunkBytes, selection));
          if (typeof all === "string") return expect(some).toBe(all);
          // The first cell, the selected ones and those past the width are decoded; the others are "".
          const kept = (position: number): boolean => position === 0 || positions.includes(position) || position >= width;
          expect(some).toEqual(
            all.map((record) => (record.kind === "record" ? { ...record, cells: record.cells.map((cell, position) => (kept(position) ? cell : "")) } : record)),
          );
        },
      ),
      { numRuns: 400 },
    ));

  it("tells a visitor of the records the batches give, with the same cells and lines, without making them", () =>
    fc.assert(
      fc.asyncProperty(fc.oneof(csvBytes, fileBytes), settings, async (bytes, { encoding, delimiter, chunkBytes }) => {
        const path = join(directory, `file-${files++}.csv`);
        writeFileSync(path, bytes);
        const all = await recordsOf(scanRecordBatches(path, delimiter, encoding, chunkBytes));
        if (typeof all === "string") throw new Error(all);
        const visited: { line: number; cells: string[]; one: string[] }[] = [];
        visitRecords(
          path,
          delimiter,
          encoding,
          {
            record: (view, line) => {
              // Cell by cell, last first (each is decoded on its own), and all at once.
              const one = Array.from({ length: view.cellCount }, (_, position) => view.cell(view.cellCount - 1 - position)).reverse();
              visited.push({ line, cells: view.cells(), one });
            },
          },
          chunkBytes,
        );
        const expected = all.flatMap((record) => (record.kind === "record" ? [{ line: record.line, cells: record.cells, one: record.cells }] : []));
        expect(visited).toEqual(expected);
      }),
      { numRuns: 400 },
    ));

  it("reads a cell written as a decimal number to its value without its text, and no other cell (a key read by value in pass one)", () => {
    const cell = fc.constantFrom("1001", "0", "7", "007", "123456789", "1234567890", "12a", " 5", "", '"42"', "é9", "-3", "1\r2");
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }), fc.constantFrom("\n", "\r\n"), (rows, lineEnd) => {
        const path = join(directory, `file-${files++}.csv`);
        writeFileSync(path, Buffer.from(rows.map((row) => row.join(",")).join(lineEnd) + lineEnd, "utf8"));
        visitRecords(path, ",", "utf-8", {
          record: (view) => {
            for (let position = 0; position < view.cellCount; position++) {
              const text = view.cell(position);
              const value = view.decimalCell(position);
              const expected = /^(?:0|[1-9][0-9]{0,8})$/.test(text) ? Number(text) : -1;
              // A quoted number ('"42"', the only cell whose text is 42) is left to its text.
              expect(value).toBe(text === "42" ? -1 : expected);
            }
          },
        });
      }),
      { numRuns: 200 },
    );
  });

  it("says a record is plain exactly when its cells hold nothing but ASCII without NUL", () =>
    fc.assert(
      fc.asyncProperty(fc.oneof(csvBytes, fileBytes), settings, async (bytes, { encoding, delimiter, chunkBytes }) => {
        const path = join(directory, `file-${files++}.csv`);
        writeFileSync(path, bytes);
        for await (const batch of scanRecordBatches(path, delimiter, encoding, chunkBytes)) {
          for (const record of batch) {
            if (record.kind !== "record") continue;
            // The reader skips its NUL and encoding checks on a plain record's cells: it must never be wrong.
            expect(record.plain).toBe(record.cells.every((cell) => /^[\x01-\x7f]*$/.test(cell)));
          }
        }
      }),
      { numRuns: 400 },
    ));

  it("decodes a cell's bytes as the file's chunk decoder does", () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
    expect(cellDecoderFor("windows-1252")(every, 0, every.length)).toBe(iconv.decode(every, "windows-1252"));
    expect(cellDecoderFor("latin-1")(every, 0, every.length)).toBe(iconv.decode(every, "latin1"));
    expect(cellDecoderFor("utf-8")(every, 0, every.length)).toBe(new TextDecoder("utf-8").decode(every));
  });
});

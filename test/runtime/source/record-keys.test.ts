/**
 * Pass one of `keep last` (record-keys.ts: each record's key read from its scanned bytes, no row
 * made) against what the test itself knows of the files it writes: on exports with quoted values,
 * line breaks of three kinds inside and between records, byte order marks, keys to trim, rows of
 * the wrong shape and three encodings (two scanned as bytes, UTF-16 through csv-parse), split over
 * several files, the reading must keep exactly the last well-formed record of each key and report
 * every other one as its duplicate, at its own file and line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { readEntity } from "../../../runtime/source/csv-reader.js";
import type { EntitySourceSpec } from "../../../runtime/source/entity-reading.js";
import { valueFormat } from "../../../runtime/source/values.js";

const root = mkdtempSync(join(tmpdir(), "flitmap-record-keys-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

interface WrittenRecord {
  readonly key: string;
  readonly name: string;
  /** A cell past the header's: blank is harmless, text makes the row the wrong shape. */
  readonly extra: "" | " " | "x";
  readonly quoted: boolean;
}

const ENCODINGS = [
  { declared: "utf-8", encoding: "utf-8" },
  { declared: "windows-1252", encoding: "windows-1252" },
  { declared: "auto", encoding: "utf-16le" },
] as const;

const record: fc.Arbitrary<WrittenRecord> = fc.record({
  key: fc.constantFrom("R1", "R2", " R1", "R2 ", "Zoë", "Zoë ", "R\u00A03", "", "  "),
  name: fc.constantFrom("plain", "with; semicolon", 'a "quoted" word', "two\nlines", "three\r\nlines\r\nhere", "Café", ""),
  extra: fc.constantFrom("" as const, " " as const, "x" as const),
  quoted: fc.boolean(),
});

const exportFiles = fc.record({
  files: fc.array(fc.array(record, { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
  ending: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
  encoding: fc.constantFrom(...ENCODINGS),
});

function cell(text: string, quoted: boolean): string {
  return quoted || /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Physical line breaks in a text (\r\n counts once). */
function breaksIn(text: string): number {
  return text.replaceAll("\r\n", "\n").split(/[\r\n]/).length - 1;
}

describe("pass one of keep last", () => {
  it("keeps the last well-formed record of each key and reports the others as its duplicates, in every encoding", () =>
    fc.assert(
      fc.asyncProperty(exportFiles, async ({ files, ending, bom, encoding }) => {
        const directory = join(root, `export-${folders++}`);
        mkdirSync(directory);
        /** Where each record was written, with the key it must be read with (null: no valid key). */
        const written: { file: string; line: number; key: string | null; wellFormed: boolean }[] = [];
        files.forEach((records, fileIndex) => {
          const file = `relations_${fileIndex + 1}.csv`;
          let text = `Id;Name${ending}`;
          let line = 2;
          for (const { key, name, extra, quoted } of records) {
            const cells = [cell(key, quoted), cell(name, !quoted)];
            if (extra !== "") cells.push(extra);
            text += cells.join(";") + ending;
            const trimmed = key.trim();
            written.push({ file, line, key: trimmed === "" ? null : trimmed, wellFormed: extra !== "x" });
            line += 1 + breaksIn(name);
          }
          const bytes =
            encoding.encoding === "utf-16le"
              ? iconv.encode(text, "utf-16le", { addBOM: true })
              : iconv.encode(text, encoding.encoding, { addBOM: bom && encoding.encoding === "utf-8" });
          writeFileSync(join(directory, file), bytes);
        });
        const format = valueFormat({});
        const spec: EntitySourceSpec = {
          entity: "Relation",
          directory,
          pattern: "relations_*.csv",
          delimiter: ";",
          encoding: encoding.declared,
          key: ["id"],
          duplicates: { rule: "last-file" },
          columns: [
            { name: "id", header: "Id", type: "text", format, required: true },
            { name: "name", header: "Name", type: "text", format, required: false },
          ],
        };
        const winners = new Map<string, { file: string; line: number }>();
        for (const entry of written) if (entry.wellFormed && entry.key !== null) winners.set(entry.key, { file: entry.file, line: entry.line });
        const expected = written.map(({ file, line, key, wellFormed }) => {
          const winner = key === null ? undefined : winners.get(key);
          if (!wellFormed || key === null || winner === undefined) return `${file}:${line} rejected`;
          if (winner.file === file && winner.line === line) return `${file}:${line} row ${key}`;
          return `${file}:${line} duplicate ${key} kept ${winner.file}:${winner.line}`;
        });
        const read: string[] = [];
        const reading = readEntity(spec);
        for await (const item of reading.rows) {
          if (item.kind === "row") read.push(`${item.file}:${item.line} row ${item.key}`);
          else if (item.kind === "duplicate") read.push(`${item.file}:${item.line} duplicate ${item.key} kept ${item.keptFrom.file}:${item.keptFrom.line}`);
          else read.push(`${item.file}:${item.line} rejected`);
        }
        expect(read).toEqual(expected);
        expect(reading.report().problems).toEqual([]);
      }),
      { numRuns: 150 },
    ));
});

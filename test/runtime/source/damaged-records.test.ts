/**
 * Records a damaged export holds that a relaxed CSV parser reads as values without a word: a broken
 * quoted value, a file cut short, the header repeated where two exports were joined, NUL bytes,
 * bytes of another encoding. Each becomes a rejected row with its line and a reason, and the file's
 * report counts them (rejected, and rejected for its encoding).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readEntity } from "../../../runtime/source/csv-reader.js";
import type { EntitySourceSpec, SourceItem, SourceReadReport } from "../../../runtime/source/entity-reading.js";
import { QuoteScanner } from "../../../runtime/source/quote-scan.js";
import { valueFormat } from "../../../runtime/source/values.js";

const format = valueFormat({ date: "dd/MM/yyyy", datetime: "dd/MM/yyyy HH:mm", timezone: "Europe/London", decimal: ".", currency: "£" });

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "flitmap-damaged-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function deals(encoding: EntitySourceSpec["encoding"] = "utf-8"): EntitySourceSpec {
  return {
    entity: "Deal",
    directory,
    pattern: "deals.csv",
    delimiter: ",",
    encoding,
    columns: [
      { name: "id", header: "Deal ID", type: "text", format, required: true },
      { name: "name", header: "Deal Name", type: "text", format, required: true },
      { name: "amount", header: "Amount", type: "money", format, required: false },
    ],
    key: ["id"],
    duplicates: { rule: "last-file" },
  };
}

async function read(content: string | Buffer, encoding?: EntitySourceSpec["encoding"]): Promise<{ items: SourceItem[]; report: SourceReadReport }> {
  writeFileSync(join(directory, "deals.csv"), content);
  const reading = readEntity(deals(encoding));
  const items: SourceItem[] = [];
  for await (const item of reading.rows) items.push(item);
  const report = reading.report();
  expect(report.rowsRead).toBe(report.rowsEmitted + report.rejected + report.duplicatesDropped.length);
  return { items, report };
}

const outcomes = (items: readonly SourceItem[]): [number, string][] =>
  items.map((item) => [item.line, item.kind === "rejected" ? item.reason : item.kind === "row" ? `row ${String(item.values["name"])}` : item.kind]);

describe("the reader on damaged records", () => {
  it("rejects a quoted value whose closing quote is followed by more text, and reads the rows around it", async () => {
    const { items, report } = await read(
      'Deal ID,Deal Name,Amount,\r\n1098,"Brook, retainer","£1,450.00",\r\n1099,"Castlefield, retainer,"£1,450.00",\r\n1100,Plain,£3.00,\r\n',
    );
    expect(outcomes(items)).toEqual([
      [2, "row Brook, retainer"],
      [
        3,
        "a quoted value is broken on line 3: its closing quote is followed by more text instead of a ',' or the line end (a quote inside it not doubled, or its own closing quote missing), so the row's values cannot be told apart",
      ],
      [4, "row Plain"],
    ]);
    expect(report.files[0]).toMatchObject({ rows: 3, rejected: 1, rejectedForEncoding: 0 });
  });

  it("keeps a quote inside an unquoted value and a doubled quote at the start of a quoted one, across lines", async () => {
    const { items } = await read('Deal ID,Deal Name,Amount\n1,Bakkerij "De Zon",£1.00\n2,"""The Oaks"" Ltd, on\ntwo lines",£2.00\n3,"a ""b"" c",£3.00\n');
    expect(outcomes(items)).toEqual([
      [2, 'row Bakkerij "De Zon"'],
      [3, 'row "The Oaks" Ltd, on\ntwo lines'],
      [5, 'row a "b" c'],
    ]);
  });

  it("says a file is cut short when its last line stops in the middle of a row", async () => {
    const { items, report } = await read("Deal ID,Deal Name,Amount\n1,One,£1.00\n2,Tw");
    expect(outcomes(items)).toEqual([
      [2, "row One"],
      [3, "the file ends in the middle of this row (2 of 3 cells, no line end): the export was cut short"],
    ]);
    expect(report.problems).toEqual([
      { file: "deals.csv", message: "deals.csv ends in the middle of line 3 (2 of 3 cells, no line end): the export looks cut short" },
    ]);
  });

  it("reads a whole last row without a line end as a row", async () => {
    const { items, report } = await read("Deal ID,Deal Name,Amount\n1,One,£1.00\n2,Two,£2.00");
    expect(outcomes(items)).toEqual([
      [2, "row One"],
      [3, "row Two"],
    ]);
    expect(report.problems).toEqual([]);
  });

  it("rejects the header repeated where a second export was joined on, its byte order mark included, and reads that export's rows", async () => {
    const { items } = await read(Buffer.from("\uFEFFDeal ID,Deal Name,Amount\r\n1,One,£1.00\r\n\uFEFFDeal ID,Deal Name,Amount\r\n\uFEFF2,Two,£2.00\r\n"));
    expect(outcomes(items)).toEqual([
      [2, "row One"],
      [3, "this line repeats the header line (two exports joined here?)"],
      [4, "row Two"],
    ]);
    expect(items[2]?.kind === "row" ? items[2].key : undefined).toBe("2");
  });

  it("rejects a row holding a NUL byte and counts it as a problem of the file's encoding", async () => {
    const { items, report } = await read(Buffer.from("Deal ID,Deal Name,Amount\n1,On\u0000e,£1.00\n2,Two,£2.00\n"));
    expect(outcomes(items)).toEqual([
      [2, "'Deal Name' holds a NUL byte (0x00), which no text has: the file is damaged there, or is not UTF-8"],
      [3, "row Two"],
    ]);
    expect(report.files[0]).toMatchObject({ rows: 2, rejected: 1, rejectedForEncoding: 1 });
  });

  it("counts the rows a file in another encoding loses to it", async () => {
    const { report } = await read(iconv.encode("Deal ID,Deal Name,Amount\n1,Café,£1.00\n2,Plain,2.00\n3,Zoë,3.00\n", "windows-1252"));
    expect(report.files[0]).toMatchObject({ rows: 3, rejected: 2, rejectedForEncoding: 2 });
  });
});

describe("QuoteScanner", () => {
  it("finds a broken closing quote whatever the chunk boundaries, and counts \\r\\n once", () => {
    const text = 'a,b\r\n"x""y",z\r\n"p"q,r\n"ok"\r"bad"!\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const scanner = new QuoteScanner(",");
      expect([...scanner.scan(text.slice(0, cut)), ...scanner.scan(text.slice(cut))]).toEqual([3, 5]);
      expect(scanner.endsWithLineBreak).toBe(true);
    }
  });
});

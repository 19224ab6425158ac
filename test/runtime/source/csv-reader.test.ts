import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readEntity, SourceSpecError } from "../../../runtime/source/csv-reader.js";
import type {
  ColumnSpec,
  DuplicateRow,
  EntitySourceSpec,
  RowRejection,
  SourceItem,
  SourceReadReport,
  SourceRow,
} from "../../../runtime/source/entity-reading.js";
import { compareNatural } from "../../../runtime/source/files.js";
import type { DeclaredEncoding } from "../../../compiler/value-formats.js";
import type { ColumnType } from "../../../language/column-types.js";
import { valueFormat, type ValueFormat } from "../../../runtime/source/values.js";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const perfectView = valueFormat({ date: "dd-MM-yyyy", datetime: "dd-MM-yyyy HH:mm", timezone: "Europe/Amsterdam", decimal: ",", currency: "€" });
const perfectBooks = valueFormat({ date: "dd/MM/yyyy", datetime: "dd/MM/yyyy HH:mm", timezone: "Europe/London", decimal: ".", currency: "£" });

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "flitmap-source-"));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): void {
  const path = join(directory, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
}

function column(name: string, header: string, type: ColumnType, format: ValueFormat, required = false): ColumnSpec {
  return { name, header, type, format, required };
}

function spec(overrides: Partial<EntitySourceSpec> & Pick<EntitySourceSpec, "columns">): EntitySourceSpec {
  return {
    entity: "Relation",
    directory,
    pattern: "relations_*.csv",
    delimiter: "auto",
    encoding: "auto",
    key: ["id"],
    duplicates: { rule: "last-file" },
    ...overrides,
  };
}

async function readAll(entitySpec: EntitySourceSpec): Promise<{ items: SourceItem[]; report: SourceReadReport }> {
  const reading = readEntity(entitySpec);
  const items: SourceItem[] = [];
  for await (const item of reading.rows) items.push(item);
  const report = reading.report();
  // Every record ends as exactly one of row, rejection or duplicate.
  expect(report.rowsRead).toBe(report.rowsEmitted + report.rejected + report.duplicatesDropped.length);
  expect(items.length).toBe(report.rowsRead);
  expect(report.complete).toBe(true);
  return { items, report };
}

const rows = (items: SourceItem[]): SourceRow[] => items.filter((item): item is SourceRow => item.kind === "row");
const rejections = (items: SourceItem[]): RowRejection[] => items.filter((item): item is RowRejection => item.kind === "rejected");
const duplicates = (items: SourceItem[]): DuplicateRow[] => items.filter((item): item is DuplicateRow => item.kind === "duplicate");

const relationColumns = [
  column("id", "Relatienummer", "text", perfectView, true),
  column("name", "Naam bedrijf", "text", perfectView, true),
  column("city", "Plaats/Woonplaats", "text", perfectView),
];

describe("readEntity: encodings and delimiters", () => {
  it("reads UTF-8 with a BOM: the first header is clean and the BOM is reported", async () => {
    write("companies.csv", Buffer.concat([BOM, Buffer.from("id,name\r\nC1,Smith & Co\r\n")]));
    const { items, report } = await readAll(
      spec({ pattern: "companies*.csv", columns: [column("id", "id", "text", perfectBooks), column("name", "name", "text", perfectBooks)] }),
    );
    expect(rows(items).map((row) => row.values)).toEqual([{ id: "C1", name: "Smith & Co" }]);
    expect(report.files[0]).toMatchObject({ encoding: "utf-8", bom: true, delimiter: ",", headers: ["id", "name"] });
    expect(report.extraHeaders).toEqual([]);
  });

  it("detects and reports Windows-1252 (é ë ü €) and reads the accents right", async () => {
    write("relations_001.csv", iconv.encode("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Café Zoë;Düsseldorf\nR2;€uro BV;Eindhoven\n", "windows-1252"));
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => row.values.name)).toEqual(["Café Zoë", "€uro BV"]);
    expect(rows(items)[0]?.values.city).toBe("Düsseldorf");
    expect(report.files[0]).toMatchObject({
      encoding: "windows-1252",
      encodingDetected: true,
      encodingNote: "not UTF-8 (first at line 2: byte 0xE9); read as Windows-1252",
      delimiter: ";",
      delimiterDetected: true,
    });
  });

  it("reads a declared Windows-1252 file without scanning it, and a declared delimiter", async () => {
    write("relations_001.csv", iconv.encode("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Zoë;Ütrecht\n", "windows-1252"));
    const { items, report } = await readAll(spec({ columns: relationColumns, encoding: "windows-1252", delimiter: ";" }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "Zoë", city: "Ütrecht" });
    expect(report.files[0]).toMatchObject({ encoding: "windows-1252", encodingDetected: false, delimiterDetected: false });
  });

  it("lets a BOM overrule a wrong encoding declaration, and says so", async () => {
    write("relations_001.csv", Buffer.concat([BOM, Buffer.from("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Zoë;Utrecht\n")]));
    const { items, report } = await readAll(spec({ columns: relationColumns, encoding: "windows-1252" }));
    expect(rows(items)[0]?.values.name).toBe("Zoë");
    expect(report.files[0]?.encodingNote).toBe("declared windows-1252, but the file starts with a UTF-8 byte order mark; read as UTF-8");
  });

  it("rejects the rows of a file declared UTF-8 that hold other bytes, instead of keeping replacement characters", async () => {
    write(
      "relations_001.csv",
      Buffer.concat([
        Buffer.from("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Bakker;Utrecht\nR2;"),
        iconv.encode("Café", "windows-1252"),
        Buffer.from(";Delft\n"),
      ]),
    );
    const { items } = await readAll(spec({ columns: relationColumns, encoding: "utf-8" }));
    expect(rows(items).map((row) => row.key)).toEqual(["R1"]);
    expect(rejections(items)).toMatchObject([
      {
        line: 3,
        column: "name",
        columnNumber: 2,
        reason: "'Naam bedrijf' has bytes that are not UTF-8; declare the file's encoding (windows-1252) or use auto",
      },
    ]);
  });

  it("reads the Central European, Cyrillic and other code pages a source declares", async () => {
    const cases: readonly { readonly encoding: DeclaredEncoding; readonly name: string; readonly city: string }[] = [
      { encoding: "windows-1250", name: "Źródło Ciepła Sp. z o.o.", city: "Łódź" },
      { encoding: "iso-8859-2", name: "Żółw Pięść", city: "Brno-Žabovřesky" },
      { encoding: "windows-1251", name: "Тепло ООО", city: "Київ" },
      { encoding: "windows-1254", name: "Güneş Işık A.Ş.", city: "İzmir" },
      { encoding: "iso-8859-15", name: "Œuvre €", city: "Reims" },
    ];
    for (const { encoding, name, city } of cases) {
      write("relations_001.csv", iconv.encode(`Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;${name};${city}\n`, encoding));
      const { items, report } = await readAll(spec({ columns: relationColumns, encoding, delimiter: ";" }));
      expect(rows(items)[0]?.values, encoding).toEqual({ id: "R1", name, city });
      expect(report.files[0]?.encoding).toBe(encoding);
    }
  });

  it("rejects a row whose bytes its declared code page does not define, instead of loading a replacement character", async () => {
    // Windows-1250's Ź is 0x8F, a byte Windows-1252 leaves undefined: read as 1252, the letter was lost without a word.
    // One word alone does not show which code page a file is in: the declaration stands, the row goes.
    write("relations_001.csv", iconv.encode("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Bakker;Utrecht\nR2;Źle;Utrecht\n", "windows-1250"));
    const { items, report } = await readAll(spec({ columns: relationColumns, encoding: "windows-1252", delimiter: ";" }));
    expect(rows(items).map((row) => row.key)).toEqual(["R1"]);
    expect(rejections(items)).toMatchObject([
      {
        line: 3,
        column: "name",
        reason:
          "'Naam bedrijf' has a byte WINDOWS-1252 does not define: the file is in another code page; declare its encoding (windows-1250 for Polish, Czech or Hungarian letters, windows-1251 for Cyrillic, ...)",
      },
    ]);
    expect(report.files[0]?.rejectedForEncoding).toBe(1);
  });

  it("refuses a declared code page that misreads the file's words, and reads none of its rows", async () => {
    // Read as Windows-1252 these load as "D¹browski" and "£ód¿": bytes it defines, letters changed.
    write("relations_001.csv", iconv.encode("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Dąbrowski;Łódź\nR2;Bakker;Kraków\n", "windows-1250"));
    const { items, report } = await readAll(spec({ columns: relationColumns, encoding: "windows-1252", delimiter: ";" }));
    expect(rows(items)).toEqual([]);
    expect(report.problems.map((problem) => problem.message)).toEqual([
      'cannot read relations_001.csv: declared windows-1252, but the file was written in another code page: 2 of its words read in Windows-1252 hold symbols or letters no one language writes together (line 2: "D¹browski", in Windows-1250 "Dąbrowski"); Windows-1250 reads 2 more of them as words; declare encoding "windows-1250" in the source\'s csv block',
    ]);
  });

  it("refuses a declared code page for a file written in UTF-8, whose letters it would read as two characters each", async () => {
    write("relations_001.csv", Buffer.from("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Société Générale;Paris\n", "utf8"));
    const { items, report } = await readAll(spec({ columns: relationColumns, encoding: "windows-1252", delimiter: ";" }));
    expect(rows(items)).toEqual([]);
    expect(report.problems.map((problem) => problem.message)).toEqual([
      'cannot read relations_001.csv: declared windows-1252, but the file is written in UTF-8: its 4 characters above ASCII are all UTF-8 sequences, which Windows-1252 would read as two or three characters each ("é" as "Ã©"); declare encoding "utf-8" in the source\'s csv block',
    ]);
  });

  it("reads a file auto finds not UTF-8 in the code page its words are written in", async () => {
    write("relations_001.csv", iconv.encode("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Dąbrowski i Żółw;Łódź\n", "windows-1250"));
    const { items, report } = await readAll(spec({ columns: relationColumns, delimiter: ";" }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "Dąbrowski i Żółw", city: "Łódź" });
    expect(report.files[0]?.encoding).toBe("windows-1250");
    expect(report.files[0]?.encodingNote).toMatch(/^not UTF-8; read as Windows-1250: /);
  });

  it("reads mixed files (UTF-8 appended to Windows-1252) character by character", async () => {
    write(
      "relations_001.csv",
      Buffer.concat([iconv.encode("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;René;Delft\n", "windows-1252"), Buffer.from("R2;Zoë;Utrecht\n")]),
    );
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => row.values.name)).toEqual(["René", "Zoë"]);
    expect(report.files[0]?.encoding).toBe("mixed");
  });

  it("reads tab-delimited files", async () => {
    write("relations_001.csv", "Relatienummer\tNaam bedrijf\tPlaats/Woonplaats\nR1\tA; B, C\tDelft\n");
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items)[0]?.values.name).toBe("A; B, C");
    expect(report.files[0]?.delimiter).toBe("\t");
  });

  it("reads UTF-16LE exports with a BOM", async () => {
    write(
      "relations_001.csv",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Relatienummer\tNaam bedrijf\tPlaats/Woonplaats\r\nR1\tZoë\tDelft\r\n", "utf16le")]),
    );
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "Zoë", city: "Delft" });
    expect(report.files[0]).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
  });

  it("reads UTF-16 declared so, with or without a BOM", async () => {
    write("relations_001.csv", Buffer.from("Relatienummer\tNaam bedrijf\tPlaats/Woonplaats\r\nR1\tZoë\tVästerås\r\n", "utf16le"));
    const { items, report } = await readAll(spec({ columns: relationColumns, encoding: "utf-16le" }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "Zoë", city: "Västerås" });
    expect(report.files[0]).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    const bigEndian = Buffer.from("Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR2;Åsa;Umeå\n", "utf16le").swap16();
    write("relations_001.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));
    const second = await readAll(spec({ columns: relationColumns, encoding: "utf-16be" }));
    expect(rows(second.items)[0]?.values).toEqual({ id: "R2", name: "Åsa", city: "Umeå" });
  });

  it("skips Excel's sep= line and keeps true line numbers", async () => {
    write("relations_001.csv", "sep=;\nRelatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;A;Delft\n");
    const { items } = await readAll(spec({ columns: relationColumns, delimiter: ";" }));
    expect(rows(items).map((row) => [row.key, row.line])).toEqual([["R1", 3]]);
  });
});

describe("readEntity: records, lines and headers", () => {
  it("keeps quoted newlines in values and counts physical lines for the rows after them", async () => {
    write(
      "relations_001.csv",
      'Relatienummer;Naam bedrijf;Plaats/Woonplaats\r\nR1;"Bakkerij\r\n""De Korenschoof""";Delft\r\n\r\nR2;"Line one\nline two\nline three";Gouda\nR3;31-02-2024;\n',
    );
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => [row.key, row.line, row.values.name])).toEqual([
      ["R1", 2, 'Bakkerij\r\n"De Korenschoof"'],
      ["R2", 5, "Line one\nline two\nline three"],
      ["R3", 8, "31-02-2024"],
    ]);
    expect(report.files[0]?.emptyLines).toBe(1);
  });

  it("matches headers with spaces and accents, trimmed and case-insensitively", async () => {
    write("relations_001.csv", "Relatienummer; Naam bedrijf ;PLAATS/WOONPLAATS;Télé­phone privé\nR1;A;Delft;06\n");
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "A", city: "Delft" });
    expect(report.extraHeaders).toEqual([{ file: "relations_001.csv", header: "Télé­phone privé", columnNumber: 4 }]);
  });

  it("rejects ragged rows (too many or too few cells) with their line, but accepts trailing empty cells", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;A;Delft;;\nR2;B;Gouda;extra\nR3;C\nR4;D;Ede\n");
    const { items } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => row.key)).toEqual(["R1", "R4"]);
    expect(rejections(items)).toEqual([
      expect.objectContaining({
        line: 3,
        columnNumber: 4,
        reason: "the row has 4 cells but the header has 3 (a delimiter inside an unquoted value?)",
        cells: ["R2", "B", "Gouda", "extra"],
      }),
      expect.objectContaining({
        line: 4,
        columnNumber: 3,
        reason: "the row has 2 cells but the header has 3 ('Plaats/Woonplaats' missing; a line break inside an unquoted value?)",
        raw: { id: "R3", name: "C" },
      }),
    ]);
  });

  it("rejects a blank key and a blank required value, and a fully blank row, each with line and column", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Plaats/Woonplaats\n  ;Nameless;Delft\nR2;   ;Gouda\n;;\nR4;D;\n");
    const { items } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => row.values)).toEqual([{ id: "R4", name: "D", city: null }]);
    expect(rejections(items).map(({ line, column, columnNumber, reason }) => ({ line, column, columnNumber, reason }))).toEqual([
      { line: 2, column: "id", columnNumber: 1, reason: "key column 'Relatienummer' is blank" },
      { line: 3, column: "name", columnNumber: 2, reason: "'Naam bedrijf' is required and blank" },
      { line: 4, column: undefined, columnNumber: undefined, reason: "the row is blank" },
    ]);
  });

  it("lists every problem of a row, the first one's column on the rejection", async () => {
    write("deals.csv", "id,amount,close date,won\nD1,£1;234.50,31/02/2024,maybe\n");
    const { items } = await readAll(
      spec({
        pattern: "deals.csv",
        columns: [
          column("id", "id", "text", perfectBooks),
          column("amount", "amount", "money", perfectBooks),
          column("closed", "close date", "date", perfectBooks),
          column("won", "won", "boolean", valueFormat({ trueWords: ["yes"], falseWords: ["no"] })),
        ],
      }),
    );
    const [rejection] = rejections(items);
    expect(rejection?.column).toBe("amount");
    expect(rejection?.problems).toEqual([
      { column: "amount", columnNumber: 2, reason: "'amount': '£1;234.50' is not an amount with a decimal point" },
      { column: "closed", columnNumber: 3, reason: "'close date': '31/02/2024' is not a date: February 2024 has 29 days (format dd/MM/yyyy)" },
      { column: "won", columnNumber: 4, reason: "'won': 'maybe' is not a yes/no value (expected one of 'yes', 'no')" },
    ]);
    expect(rejection?.reason).toBe(rejection?.problems.map((problem) => problem.reason).join("; "));
  });

  it("rejects the rest of a file after a quote that never closes, and reports it", async () => {
    write("relations_001.csv", 'Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;A;Delft\nR2;"Unclosed;Gouda\nR3;C;Ede\n');
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => row.key)).toEqual(["R1"]);
    expect(rejections(items)).toMatchObject([
      { line: 3, reason: "a quote opens on this line and never closes, so the rest of the file is one broken value; fix the quote in the export" },
    ]);
    expect(report.problems).toEqual([
      {
        file: "relations_001.csv",
        message: "relations_001.csv line 3: a quote opens and never closes; the lines from 3 to the end of the file could not be read",
      },
    ]);
  });

  it("keeps a stray quote inside an unquoted value as text", async () => {
    write("relations_001.csv", 'Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;Bakkerij "De Zon";Delft\n');
    const { items } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items)[0]?.values.name).toBe('Bakkerij "De Zon"');
  });

  it("follows files that mix \\n and \\r\\n line endings", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Plaats/Woonplaats\r\nR1;A;Delft\r\nR2;B;Gouda\nR3;C;Ede\r\n");
    const { items } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items).map((row) => [row.key, row.line])).toEqual([
      ["R1", 2],
      ["R2", 3],
      ["R3", 4],
    ]);
  });
});

describe("readEntity: missing and extra headers", () => {
  it("rejects every row of a file that lacks a required column, with a did-you-mean", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrjf;Plaats/Woonplaats\nR1;A;Delft\nR2;B;Gouda\n");
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rejections(items).map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [2, "the file has no column 'Naam bedrijf' (did you mean 'Naam bedrjf'?)"],
      [3, "the file has no column 'Naam bedrijf' (did you mean 'Naam bedrjf'?)"],
    ]);
    expect(report.missingHeaders).toEqual([{ file: "relations_001.csv", header: "Naam bedrijf", column: "name", rowsRejected: true }]);
    expect(report.extraHeaders).toEqual([{ file: "relations_001.csv", header: "Naam bedrjf", columnNumber: 2 }]);
  });

  it("says a file re-saved with another delimiter than the declared one is separated by it", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Plaats/Woonplaats\nR1;A;Delft\n");
    const { items, report } = await readAll(spec({ columns: relationColumns, delimiter: "," }));
    const hint = "relations_001.csv's header line is separated by ';', not by the declared ',' (a spreadsheet saved it again?): declare delimiter \";\" (or \"auto\") in the source's csv block";
    expect(report.problems).toEqual([{ file: "relations_001.csv", message: hint }]);
    expect(rejections(items).map((rejection) => rejection.reason)).toEqual([`the file has no column 'Relatienummer'; the file has no column 'Naam bedrijf'; ${hint}`]);
  });

  it("names no other delimiter when the header is merely misspelt", async () => {
    write("relations_001.csv", "Relatienummer,Naam bedrjf,Plaats/Woonplaats\nR1,A,Delft\n");
    const { report } = await readAll(spec({ columns: relationColumns, delimiter: "," }));
    expect(report.problems).toEqual([]);
  });

  it("reads an optional column a file lacks as empty, and reports it", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf\nR1;A\n");
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "A", city: null });
    expect(rows(items)[0]?.raw).toEqual({ id: "R1", name: "A" });
    expect(report.missingHeaders).toEqual([{ file: "relations_001.csv", header: "Plaats/Woonplaats", column: "city", rowsRejected: false }]);
  });

  it("reports a header's second occurrence no column reads, and how to read it", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Plaats/Woonplaats;Naam bedrijf\nR1;First;Delft;Second\n");
    const { items, report } = await readAll(spec({ columns: relationColumns }));
    expect(rows(items)[0]?.values.name).toBe("First");
    expect(report.problems).toEqual([
      {
        file: "relations_001.csv",
        message: 'header \'Naam bedrijf\' appears more than once (columns 2 and 4); column 4 is not read: declare a column with the header "Naam bedrijf (2)" to read it',
      },
    ]);
    expect(report.extraHeaders).toEqual([{ file: "relations_001.csv", header: "Naam bedrijf (2)", columnNumber: 4 }]);
  });

  it("reads a header's later occurrences by their number, `Telefoon (2)`", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Telefoon;Telefoon;Telefoon\nR1;A;010 1;06 2;\n");
    const phones = [column("phone", "Telefoon", "text", perfectView), column("mobile", "Telefoon (2)", "text", perfectView), column("fax", "telefoon (3)", "text", perfectView)];
    const { items, report } = await readAll(spec({ columns: [...relationColumns.slice(0, 2), ...phones] }));
    expect(rows(items)[0]?.values).toEqual({ id: "R1", name: "A", phone: "010 1", mobile: "06 2", fax: null });
    expect(report.problems).toEqual([]);
    expect(report.extraHeaders).toEqual([]);
  });

  it("keeps a real header named like an occurrence, and says the occurrence cannot be read", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf;Telefoon;Telefoon (2);Telefoon\nR1;A;1;2;3\n");
    const phones = [column("phone", "Telefoon", "text", perfectView), column("second", "Telefoon (2)", "text", perfectView)];
    const { items, report } = await readAll(spec({ columns: [...relationColumns.slice(0, 2), ...phones] }));
    expect(rows(items)[0]?.values).toMatchObject({ phone: "1", second: "2" });
    expect(report.problems).toEqual([{ file: "relations_001.csv", message: "header 'Telefoon' appears more than once (columns 3 and 5); column 5 cannot be read by its header" }]);
  });
});

describe("readEntity: chunked exports and duplicate keys", () => {
  const chunk = (lines: string[]): string => ["Relatienummer;Naam bedrijf;Gewijzigd op", ...lines].join("\n") + "\n";
  const chunkColumns = [
    column("id", "Relatienummer", "text", perfectView, true),
    column("name", "Naam bedrijf", "text", perfectView, true),
    column("modified", "Gewijzigd op", "datetime", perfectView),
  ];

  it("reads files in natural order (_2 before _10)", () => {
    expect(["relations_10.csv", "relations_2.csv", "relations_1.csv", "relations_002b.csv"].sort(compareNatural)).toEqual([
      "relations_1.csv",
      "relations_2.csv",
      "relations_002b.csv",
      "relations_10.csv",
    ]);
  });

  it("last-file: the record from the later chunk wins, the earlier is counted with both locations", async () => {
    write("relations_2.csv", chunk(["R3;Three (new);02-01-2024 10:00", "R4;Four;02-01-2024 10:00"]));
    write("relations_10.csv", chunk(["R4;Four (newest);01-01-2024 09:00"]));
    write("relations_1.csv", chunk(["R1;One;01-01-2024 09:00", "R3;Three (old);01-01-2024 09:00"]));
    const { items, report } = await readAll(spec({ columns: chunkColumns }));
    expect(items.map((item) => [item.kind, item.file, item.line])).toEqual([
      ["row", "relations_1.csv", 2],
      ["duplicate", "relations_1.csv", 3],
      ["row", "relations_2.csv", 2],
      ["duplicate", "relations_2.csv", 3],
      ["row", "relations_10.csv", 2],
    ]);
    expect(rows(items).map((row) => row.values.name)).toEqual(["One", "Three (new)", "Four (newest)"]);
    expect(report.duplicatesDropped).toEqual([
      { key: "R3", keptFrom: { file: "relations_2.csv", line: 2 }, droppedFrom: { file: "relations_1.csv", line: 3 } },
      { key: "R4", keptFrom: { file: "relations_10.csv", line: 2 }, droppedFrom: { file: "relations_2.csv", line: 3 } },
    ]);
    expect(duplicates(items)[0]).toMatchObject({ key: "R3", keptFrom: { file: "relations_2.csv", line: 2 }, raw: { name: "Three (old)" } });
  });

  it("newest: the most recent modification wins wherever it is; ties go to the later record; blanks are oldest", async () => {
    write("relations_001.csv", chunk(["R1;One (newer);05-01-2024 12:00", "R2;Two (tie, first);03-01-2024 08:00", "R3;Three (dated);01-01-2024 08:00"]));
    write("relations_002.csv", chunk(["R1;One (older);04-01-2024 12:00", "R2;Two (tie, later);03-01-2024 08:00", "R3;Three (undated);"]));
    const { items, report } = await readAll(spec({ columns: chunkColumns, duplicates: { rule: "newest", column: "modified" } }));
    expect(rows(items).map((row) => row.values.name)).toEqual(["One (newer)", "Three (dated)", "Two (tie, later)"]);
    expect(report.duplicatesDropped.map((entry) => [entry.key, entry.droppedFrom.file])).toEqual([
      ["R2", "relations_001.csv"],
      ["R1", "relations_002.csv"],
      ["R3", "relations_002.csv"],
    ]);
  });

  it("first: the earliest record wins in a single pass", async () => {
    write("relations_001.csv", chunk(["R1;One (first);"]));
    write("relations_002.csv", chunk(["R1;One (second);", "R1;One (third);"]));
    const { items, report } = await readAll(spec({ columns: chunkColumns, duplicates: { rule: "first" } }));
    expect(rows(items).map((row) => row.values.name)).toEqual(["One (first)"]);
    expect(report.duplicatesDropped.map((entry) => entry.droppedFrom)).toEqual([
      { file: "relations_002.csv", line: 2 },
      { file: "relations_002.csv", line: 3 },
    ]);
  });

  it("compares text keys trimmed, so ' R1' and 'R1' across chunks are one relation", async () => {
    write("relations_001.csv", chunk([" R1 ;Padded;"]));
    write("relations_002.csv", chunk(["R1;Clean;"]));
    const { items } = await readAll(spec({ columns: chunkColumns }));
    expect(rows(items).map((row) => [row.key, row.values.id])).toEqual([["R1", "R1"]]);
    expect(duplicates(items).map((duplicate) => duplicate.raw.id)).toEqual([" R1 "]);
  });

  it("joins composite keys unambiguously and normalises typed key parts", async () => {
    write("links.csv", 'contact_id,company_id,role\n7,12,Partner\n007,12,Director\n7,1,\n"7,1",2,x\n');
    const format = perfectBooks;
    const { items, report } = await readAll(
      spec({
        pattern: "links.csv",
        columns: [column("contact", "contact_id", "text", format), column("company", "company_id", "integer", format), column("role", "role", "text", format)],
        key: ["contact", "company"],
      }),
    );
    expect(rows(items).map((row) => row.key)).toEqual(['["7","12"]', '["007","12"]', '["7","1"]', '["7,1","2"]']);
    expect(report.duplicatesDropped).toEqual([]);
  });

  it("handles a 1,000-record chunk boundary with the boundary record repeated in the next chunk", async () => {
    const records = (from: number, to: number): string[] =>
      Array.from({ length: to - from + 1 }, (_, index) => `R${from + index};Name ${from + index};01-01-2024 10:00`);
    write("relations_001.csv", chunk(records(1, 1000)));
    write("relations_002.csv", chunk(records(1000, 1999)));
    const { items, report } = await readAll(spec({ columns: chunkColumns }));
    expect(report.files.map((file) => file.rows)).toEqual([1000, 1000]);
    expect(report.rowsEmitted).toBe(1999);
    expect(report.duplicatesDropped).toEqual([
      { key: "R1000", keptFrom: { file: "relations_002.csv", line: 2 }, droppedFrom: { file: "relations_001.csv", line: 1001 } },
    ]);
    const emitted = rows(items);
    expect(emitted[998]).toMatchObject({ key: "R999", file: "relations_001.csv", line: 1000 });
    expect(emitted[999]).toMatchObject({ key: "R1000", file: "relations_002.csv", line: 2, values: { modified: "2024-01-01 09:00:00" } });
    expect(emitted[1998]).toMatchObject({ key: "R1999", file: "relations_002.csv", line: 1001 });
  });

  it("does not let a rejected ragged row take part in duplicate resolution", async () => {
    write("relations_001.csv", chunk(["R1;Good;"]));
    write("relations_002.csv", chunk(["R1;Broken;;extra cell"]));
    const { items } = await readAll(spec({ columns: chunkColumns }));
    expect(items.map((item) => [item.kind, item.file])).toEqual([
      ["row", "relations_001.csv"],
      ["rejected", "relations_002.csv"],
    ]);
  });
});

describe("readEntity: typed values from both source systems", () => {
  it("Perfect Books: comma CSV, BOM, dd/MM/yyyy, £ amounts with negatives in parentheses, yes/no, emails", async () => {
    write(
      "deals.csv",
      Buffer.concat([
        BOM,
        Buffer.from(
          [
            "Deal ID,Deal Name,Amount,Close Date,Owner Email,Won",
            'D1,Smith v Jones,"£1,234.50",05/03/2024, Jane.Doe@PerfectBooks.CO.UK ,yes',
            "D2,Refund,(12.00),31/12/24,jane.doe@perfectbooks.co.uk,no",
            "D3,Bad,£5.00,31/02/2024,not an email,yes",
          ].join("\r\n") + "\r\n",
        ),
      ]),
    );
    const { items } = await readAll(
      spec({
        entity: "Deal",
        pattern: "deals.csv",
        columns: [
          column("id", "Deal ID", "text", perfectBooks, true),
          column("name", "Deal Name", "text", perfectBooks, true),
          column("amount", "Amount", "money", perfectBooks),
          column("closed", "Close Date", "date", valueFormat({ ...perfectBooks, date: "dd/MM/yy" })),
          column("owner", "Owner Email", "email", perfectBooks),
          column("won", "Won", "boolean", perfectBooks),
        ],
      }),
    );
    expect(rows(items).map((row) => row.values)).toEqual([
      { id: "D1", name: "Smith v Jones", amount: 1234.5, closed: "2024-03-05", owner: "Jane.Doe@perfectbooks.co.uk", won: true },
      { id: "D2", name: "Refund", amount: -12, closed: "2024-12-31", owner: "jane.doe@perfectbooks.co.uk", won: false },
    ]);
    expect(rejections(items).map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [
        4,
        "'Close Date': '31/02/2024' is not a date: February 2024 has 29 days (format dd/MM/yy); " +
          "'Owner Email': 'not an email' is not an email address: it contains a space",
      ],
    ]);
  });

  it("PerfectView: semicolons, Windows-1252, Dutch headers, decimal comma, € amounts, ja/nee, dd-MM-yyyy", async () => {
    write(
      "relations_001.csv",
      iconv.encode(
        [
          "Relatienummer;Naam bedrijf;Omzet;Aantal medewerkers;Klant sinds;Actief;E-mailadres",
          "R1;Café Zoë;€ 1.234,50;1.250;01-02-2024;ja;INFO@Cafe-Zoe.NL",
          "R2;Bakkerij Ünal;-12,00;3;31-02-2024;misschien;info@@unal.nl",
          "R3;Noord BV;1.234,50 €;12,5;1-3-2024;nee;",
        ].join("\r\n") + "\r\n",
        "windows-1252",
      ),
    );
    const { items } = await readAll(
      spec({
        columns: [
          column("id", "Relatienummer", "text", perfectView, true),
          column("name", "Naam bedrijf", "text", perfectView, true),
          column("revenue", "Omzet", "money", perfectView),
          column("employees", "Aantal medewerkers", "integer", perfectView),
          column("since", "Klant sinds", "date", perfectView),
          column("active", "Actief", "boolean", perfectView),
          column("email", "E-mailadres", "email", perfectView),
        ],
      }),
    );
    expect(rows(items).map((row) => row.values)).toEqual([
      { id: "R1", name: "Café Zoë", revenue: 1234.5, employees: 1250, since: "2024-02-01", active: true, email: "INFO@cafe-zoe.nl" },
    ]);
    expect(rejections(items).map((rejection) => rejection.problems.map((problem) => problem.column))).toEqual([["since", "active", "email"], ["employees"]]);
    expect(rejections(items)[1]?.reason).toBe("'Aantal medewerkers': '12,5' is not a whole number");
  });
});

describe("readEntity: files and specs", () => {
  it("reports when no file matches the pattern, and emits nothing", async () => {
    const { items, report } = await readAll(spec({ columns: relationColumns, pattern: "relaties_*.csv" }));
    expect(items).toEqual([]);
    expect(report.problems).toEqual([{ file: null, message: `no file in ${directory} matches 'relaties_*.csv'` }]);
  });

  it("reports a missing export folder instead of throwing", async () => {
    const { report } = await readAll(spec({ columns: relationColumns, directory: join(directory, "nope") }));
    expect(report.problems[0]?.message).toMatch(/^cannot list the export folder .*nope: ENOENT/);
  });

  it("reports an empty file", async () => {
    write("relations_001.csv", "");
    const { report } = await readAll(spec({ columns: relationColumns }));
    expect(report.problems).toEqual([{ file: "relations_001.csv", message: "relations_001.csv is empty: it has no header line" }]);
  });

  it("finds files in a sub-folder when the pattern names one", async () => {
    write("export/2024/relations_001.csv", "Relatienummer;Naam bedrijf\nR1;A\n");
    write("relations_001.csv", "Relatienummer;Naam bedrijf\nR9;Not this one\n");
    const { items } = await readAll(spec({ columns: relationColumns, pattern: "export/*/relations_*.csv" }));
    expect(rows(items).map((row) => [row.file, row.key])).toEqual([["export/2024/relations_001.csv", "R1"]]);
  });

  it("offers the same items in batches, and refuses a second read of the same reading", async () => {
    write("relations_001.csv", "Relatienummer;Naam bedrijf\nR1;A\nR2;B\n");
    const reading = readEntity(spec({ columns: relationColumns }));
    const batches: SourceItem[][] = [];
    for await (const batch of reading.batches) batches.push(batch);
    expect(batches.flat().map((item) => [item.kind, item.line])).toEqual([
      ["row", 2],
      ["row", 3],
    ]);
    expect(() => reading.rows[Symbol.asyncIterator]()).toThrow("source entity Relation: its rows can be read only once; call readEntity again");
  });

  it("throws a SourceSpecError for a spec that cannot work, before opening any file", () => {
    const bad = () =>
      readEntity(
        spec({
          columns: [column("id", "Relatienummer", "text", valueFormat({ timezone: "Mars/Olympus" })), column("name", "Naam", "text", perfectView)],
          key: ["nummer"],
          duplicates: { rule: "newest", column: "name" },
        }),
      );
    expect(bad).toThrow(SourceSpecError);
    expect(bad).toThrow(
      "source entity Relation: column 'id': 'Mars/Olympus' is not a known time zone (use an IANA name such as Europe/Amsterdam); " +
        "key column 'nummer' is not declared; the newest-wins column 'name' is text; it must be a date, datetime or number",
    );
  });
});

describe("readEntity: an Italian ERP export's amounts and dates", () => {
  it("reads currency words, space thousands and dotted dates, and rejects an unreadable amount with its line and column", async () => {
    const italian = valueFormat({ date: "dd.MM.yy", datetime: "yyyy.MM.dd H.mm", timezone: "Europe/Rome", decimal: "," });
    write(
      "ordini.csv",
      "id;importo;data;inizio\nO1;1\u00A0250,00 kr;09.03.24;2024.03.09 9.30\nO2;R$ 1.234,56;31.12.99;2024.12.31 17.05\nO3;1,234.56 zł;01.01.30;2024.01.01 0.00\n",
    );
    const { items } = await readAll(
      spec({
        pattern: "ordini.csv",
        columns: [
          column("id", "id", "text", italian),
          column("amount", "importo", "money", italian),
          column("day", "data", "date", italian),
          column("start", "inizio", "datetime", italian),
        ],
      }),
    );
    expect(rows(items).map((row) => row.values)).toEqual([
      { id: "O1", amount: 1250, day: "2024-03-09", start: "2024-03-09 08:30:00" },
      { id: "O2", amount: 1234.56, day: "1999-12-31", start: "2024-12-31 16:05:00" },
    ]);
    expect(rejections(items)).toMatchObject([
      {
        file: "ordini.csv",
        line: 4,
        column: "amount",
        columnNumber: 2,
        reason:
          "'importo': '1,234.56 zł' is not an amount with a decimal comma; it looks like it uses a decimal point, but this column's decimal separator is ','",
      },
    ]);
  });
});

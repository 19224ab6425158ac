/**
 * Reads one source entity (one file or a chunked set: `relations_001.csv`, `relations_002.csv`,
 * ...) into typed rows, streamed. Every physical record after the header ends as exactly one of:
 * a row, a rejection (file, line, column, reason), or a duplicate that lost to another record
 * with the same key. Nothing is dropped silently; the report counts all three.
 */

import { join } from "node:path";
import { KeyIndex, type RecordLocation, type WinnerRule } from "./key-index.js";
import { listMatchingFiles } from "./files.js";
import { probeFile, type DeclaredDelimiter, type DeclaredEncoding, type FileProbe } from "./probe.js";
import { CellsView, readRecordBatches, visitFileRecords, type RawRecord } from "./records.js";
import { KeyPass, RecordKeys, type KeyedEntity } from "./record-keys.js";
import { marksUndefinedBytes, notInEncodingReason } from "./decode.js";
import type { Delimiter, FileEncoding } from "./detect.js";
import { isColumnType, type ColumnType } from "../../language/column-types.js";
import { cellProblem, EMPTY_CELL, isBlank, isEmptyCell, parseCell, plainDateTimeText, readsMonthFirst, valueFormatProblems } from "./values.js";
import { layoutFor, normaliseHeader, type FileLayout } from "./file-layout.js";
import type {
  ColumnSpec,
  DuplicateRule,
  EntitySourceSpec,
  RowValue,
  SourceRow,
  CellProblem,
  RowRejection,
  SourceLocation,
  DuplicateRow,
  SourceItem,
  FileReadReport,
  SourceReadReport,
  EntityReading,
} from "./entity-reading.js";

/** A spec that cannot be read at all (the compiler should have caught it): thrown before any file is opened. */
export class SourceSpecError extends Error {
  constructor(
    readonly entity: string,
    readonly problems: readonly string[],
  ) {
    super(`source entity ${entity}: ${problems.join("; ")}`);
    this.name = "SourceSpecError";
  }
}

const STAMP_TYPES: readonly ColumnType[] = ["date", "datetime", "integer", "decimal", "money"];

export function sourceSpecProblems(spec: EntitySourceSpec): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const column of spec.columns) {
    if (names.has(column.name)) problems.push(`column '${column.name}' is declared twice`);
    names.add(column.name);
    if (!isColumnType(column.type)) problems.push(`column '${column.name}' has unknown type '${String(column.type)}'`);
    for (const problem of valueFormatProblems(column.format)) problems.push(`column '${column.name}': ${problem}`);
  }
  if (spec.key.length === 0) problems.push("it declares no key column");
  for (const key of spec.key) if (!names.has(key)) problems.push(`key column '${key}' is not declared`);
  if (spec.duplicates.rule === "newest") {
    const column = spec.columns.find((candidate) => candidate.name === (spec.duplicates as { column: string }).column);
    if (column === undefined) problems.push(`the newest-wins column '${spec.duplicates.column}' is not declared`);
    else if (!STAMP_TYPES.includes(column.type)) {
      problems.push(`the newest-wins column '${column.name}' is ${column.type}; it must be a date, datetime or number`);
    }
  }
  return problems;
}

export class ReportBuilder {
  complete = false;
  readonly files: FileReadReport[] = [];
  rowsEmitted = 0;
  rejected = 0;
  readonly duplicatesDropped: { key: string; keptFrom: SourceLocation; droppedFrom: SourceLocation }[] = [];
  readonly missingHeaders: SourceReadReport["missingHeaders"][number][] = [];
  readonly extraHeaders: SourceReadReport["extraHeaders"][number][] = [];
  readonly problems: { file: string | null; message: string }[] = [];
  // Both passes read every header; a finding is recorded the first time only.
  private readonly seen = new Set<string>();

  constructor(readonly entity: string) {}

  private firstTime(kind: string, entry: object): boolean {
    const signature = `${kind}\u0000${JSON.stringify(entry)}`;
    if (this.seen.has(signature)) return false;
    this.seen.add(signature);
    return true;
  }

  problem(file: string | null, message: string): void {
    if (this.firstTime("problem", { file, message })) this.problems.push({ file, message });
  }
  missingHeader(entry: SourceReadReport["missingHeaders"][number]): void {
    if (this.firstTime("missing", entry)) this.missingHeaders.push(entry);
  }
  extraHeader(entry: SourceReadReport["extraHeaders"][number]): void {
    if (this.firstTime("extra", entry)) this.extraHeaders.push(entry);
  }

  snapshot(): SourceReadReport {
    const files = this.files.map((file) => ({ ...file }));
    return {
      entity: this.entity,
      complete: this.complete,
      files,
      rowsRead: files.reduce((sum, file) => sum + file.rows, 0),
      rowsEmitted: this.rowsEmitted,
      rejected: this.rejected,
      duplicatesDropped: [...this.duplicatesDropped],
      missingHeaders: [...this.missingHeaders],
      extraHeaders: [...this.extraHeaders],
      problems: [...this.problems],
    };
  }
}

export { joinKey } from "./record-keys.js";

interface Shape {
  readonly ok: boolean;
  readonly problems: CellProblem[];
}

function isBlankRecord(cells: readonly string[]): boolean {
  return blankFrom(cells, 0);
}

const WELL_SHAPED: Shape = Object.freeze({ ok: true, problems: [] });

/** Whether the cells from `from` on are all blank. */
function blankFrom(cells: readonly string[], from: number): boolean {
  for (let position = from; position < cells.length; position++) if (!isBlank(cells[position] ?? "")) return false;
  return true;
}

/** A row whose cell count differs from the header's cannot be trusted: its values may be shifted. */
function shapeOf(cells: readonly string[], layout: FileLayout): Shape {
  const expected = layout.headers.length;
  if (cells.length === expected || (cells.length > expected && blankFrom(cells, expected))) return WELL_SHAPED;
  if (cells.length > expected) {
    return {
      ok: false,
      problems: [
        {
          column: "",
          columnNumber: expected + 1,
          reason: `the row has ${cells.length} cells but the header has ${expected} (a delimiter inside an unquoted value?)`,
        },
      ],
    };
  }
  if (cells.length < expected) {
    const missing = layout.headers.slice(cells.length).map((header) => `'${header}'`);
    return {
      ok: false,
      problems: [
        {
          column: "",
          columnNumber: cells.length + 1,
          reason: `the row has ${cells.length} cells but the header has ${expected} (${missing.join(", ")} missing; a line break inside an unquoted value?)`,
        },
      ],
    };
  }
  return { ok: true, problems: [] };
}

/** Printable ASCII with nothing to trim: text that normaliseHeader leaves as it is. */
const PLAIN_ASCII = /^(?:[!-~](?:[ -~]*[!-~])?)?$/;

/** normaliseHeader(cell) === header, without normalising the cells that plainly are not (every row's are looked at). */
function isHeader(cell: string, header: string): boolean {
  if (cell === header) return true;
  return !PLAIN_ASCII.test(cell) && normaliseHeader(cell) === header;
}

/** Whether a record's cells are the header's (every row is asked: its first cell alone answers for nearly all, with no closure made). */
function repeatsHeader(cells: readonly string[], headers: readonly string[]): boolean {
  if (cells.length !== headers.length) return false;
  for (let position = 0; position < cells.length; position++) if (!isHeader(cells[position] ?? "", headers[position] ?? "")) return false;
  return true;
}

/** The cells of a record by the name of the declared column each is in. */
function rawOf(columns: readonly ColumnSpec[], cells: readonly string[], layout: FileLayout | null): Record<string, string> {
  const raw: Record<string, string> = {};
  if (layout === null) return raw;
  for (let columnIndex = 0; columnIndex < columns.length; columnIndex++) {
    const column = columns[columnIndex];
    const position = layout.positions[columnIndex] ?? -1;
    if (column !== undefined && position >= 0 && position < cells.length) raw[column.name] = cells[position] ?? "";
  }
  return raw;
}

/**
 * A row as the reader hands it over. Its cells by column (`raw`) are made only when asked for
 * (a step rejects the row and writes them with the reason): most rows never are.
 */
class ReadRow implements SourceRow {
  readonly kind = "row" as const;

  constructor(
    readonly entity: string,
    readonly file: string,
    readonly line: number,
    readonly key: string,
    readonly values: Readonly<Record<string, RowValue>>,
    private readonly cells: readonly string[],
    private readonly columns: readonly ColumnSpec[],
    private readonly layout: FileLayout,
  ) {}

  get raw(): Readonly<Record<string, string>> {
    return rawOf(this.columns, this.cells, this.layout);
  }
}

class EntityReader implements KeyedEntity {
  private readonly columns: readonly ColumnSpec[];
  private readonly isKeyColumn: readonly boolean[];
  readonly keys: RecordKeys;
  readonly stampColumn: number;
  readonly report: ReportBuilder;
  private readonly probes = new Map<string, FileProbe>();
  private readonly unreadable = new Set<string>();
  /** The cells of the row at hand, to key it. */
  private readonly cellsView = new CellsView();
  /**
   * Every column, empty: each row's values start as a copy of it. A copy keeps the one shape of
   * object an entity's rows share, where adding twenty-odd properties by name one at a time made
   * each row's values a hash table (V8 gives up on a fixed shape that way past about 20).
   */
  private readonly noValues: Readonly<Record<string, RowValue>>;
  /** Set once every file has been read. */
  finished: KeyIndex | undefined;

  constructor(
    readonly spec: EntitySourceSpec,
    private readonly known: KeyIndex | undefined,
  ) {
    this.columns = spec.columns;
    const indexOf = (name: string): number => spec.columns.findIndex((column) => column.name === name);
    this.keys = new RecordKeys(spec.columns, spec.key.map(indexOf));
    this.isKeyColumn = spec.columns.map((column) => spec.key.includes(column.name));
    this.stampColumn = spec.duplicates.rule === "newest" ? indexOf(spec.duplicates.column) : -1;
    this.report = new ReportBuilder(spec.entity);
    this.noValues = Object.fromEntries(spec.columns.map((column) => [column.name, null]));
  }

  snapshot(): SourceReadReport {
    return this.report.snapshot();
  }

  async *rows(): AsyncGenerator<SourceItem> {
    for await (const batch of this.batches()) yield* batch;
  }

  async *batches(): AsyncGenerator<SourceItem[]> {
    let files: string[];
    try {
      files = await listMatchingFiles(this.spec.directory, this.spec.pattern);
    } catch (error) {
      this.report.problem(null, `cannot list the export folder ${this.spec.directory}: ${messageOf(error)}`);
      this.report.complete = true;
      return;
    }
    if (files.length === 0) this.report.problem(null, `no file in ${this.spec.directory} matches '${this.spec.pattern}'`);
    const rule = this.winnerRule();
    const index = this.known ?? new KeyIndex(rule);
    if (rule !== "first" && this.known === undefined) {
      // Pass one: the last file or the newest record may come later, so learn every key's winner first.
      for (const [fileIndex, file] of files.entries()) await this.indexFile(file, fileIndex, index);
    }
    for (const [fileIndex, file] of files.entries()) yield* this.emitFile(file, fileIndex, files, index, rule);
    this.report.complete = true;
    this.finished = index;
  }

  private winnerRule(): WinnerRule {
    switch (this.spec.duplicates.rule) {
      case "first":
        return "first";
      case "last-file":
        return "last";
      case "newest":
        return "newest";
    }
  }

  private async probe(file: string): Promise<FileProbe | null> {
    if (this.unreadable.has(file)) return null;
    const known = this.probes.get(file);
    if (known !== undefined) return known;
    try {
      const probe = await probeFile(join(this.spec.directory, file), this.spec.encoding, this.spec.delimiter);
      this.probes.set(file, probe);
      return probe;
    } catch (error) {
      this.unreadable.add(file);
      this.report.problem(file, `cannot read ${file}: ${messageOf(error)}`);
      return null;
    }
  }

  private async *records(file: string, probe: FileProbe): AsyncGenerator<RawRecord[]> {
    try {
      yield* readRecordBatches(join(this.spec.directory, file), probe);
    } catch (error) {
      this.unreadable.add(file);
      this.report.problem(file, `cannot read ${file}: ${messageOf(error)}`);
    }
  }

  /** Pass one over a file: each record's key offered to the index (see KeyPass). */
  private async indexFile(file: string, fileIndex: number, index: KeyIndex): Promise<void> {
    const probe = await this.probe(file);
    if (probe === null) return;
    try {
      await visitFileRecords(join(this.spec.directory, file), probe, new KeyPass(this, file, fileIndex, probe.skipLines, index));
    } catch (error) {
      this.unreadable.add(file);
      this.report.problem(file, `cannot read ${file}: ${messageOf(error)}`);
    }
  }

  private async *emitFile(file: string, fileIndex: number, files: readonly string[], index: KeyIndex, rule: WinnerRule): AsyncGenerator<SourceItem[]> {
    const probe = await this.probe(file);
    if (probe === null) return;
    let layout: FileLayout | null = null;
    let fileReport: FileReadReport | null = null;
    let skip = probe.skipLines;
    for await (const batch of this.records(file, probe)) {
      const items: SourceItem[] = [];
      for (const record of batch) {
        if (record.kind === "empty") {
          if (fileReport !== null) fileReport.emptyLines++;
          continue;
        }
        if (record.kind === "unclosed-quote") {
          this.report.problem(
            file,
            `${file} line ${record.line}: a quote opens and never closes; the lines from ${record.line} to the end of the file could not be read`,
          );
          if (fileReport !== null) {
            fileReport.rows++;
            fileReport.rejected++;
            const reason = "a quote opens on this line and never closes, so the rest of the file is one broken value; fix the quote in the export";
            items.push(this.reject(file, record.line, [{ column: "", columnNumber: null, reason }], [], null));
          }
          continue;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        if (layout === null) {
          layout = layoutFor(this.spec, record.cells, file, this.report);
          fileReport = {
            file,
            encoding: probe.encoding,
            encodingDetected: probe.encodingDetected,
            encodingNote: probe.encodingNote,
            bom: probe.bom,
            delimiter: probe.delimiter,
            delimiterDetected: probe.delimiterDetected,
            headers: layout.headers,
            rows: 0,
            emptyLines: 0,
            rejected: 0,
            rejectedForEncoding: 0,
            rejectedForMonthFirst: 0,
            monthFirstExample: null,
          };
          this.report.files.push(fileReport);
          continue;
        }
        if (fileReport === null) continue;
        fileReport.rows++;
        const item = this.item(file, fileIndex, files, record, layout, index, rule, fileReport);
        if (item.kind === "rejected") fileReport.rejected++;
        items.push(item);
      }
      if (items.length > 0) yield items;
    }
    if (layout === null && !this.unreadable.has(file)) this.report.problem(file, `${file} is empty: it has no header line`);
  }

  private item(
    file: string,
    fileIndex: number,
    files: readonly string[],
    record: Extract<RawRecord, { kind: "record" }>,
    layout: FileLayout,
    index: KeyIndex,
    rule: WinnerRule,
    fileReport: FileReadReport,
  ): SourceItem {
    const { cells, line } = record;
    // A byte order mark at the start of a line in the middle of a file: two exports were joined there.
    if (record.plain !== true && cells[0]?.startsWith("\uFEFF") === true) cells[0] = cells[0].slice(1);
    const whole = (reason: string): RowRejection => this.reject(file, line, [{ column: "", columnNumber: null, reason }], cells, layout);
    if (layout.fatal !== null) return whole(layout.fatal);
    if (isBlankRecord(cells)) return whole("the row is blank");
    if (record.malformedQuote !== undefined) return whole(malformedQuoteReason(record.malformedQuote, fileReport.delimiter));
    if (repeatsHeader(cells, layout.headers))
      return whole("this line repeats the header line (two exports joined here?)");
    const shape = shapeOf(cells, layout);
    if (!shape.ok) {
      if (record.unterminated === true && cells.length < layout.headers.length) {
        this.report.problem(
          file,
          `${file} ends in the middle of line ${line} (${cells.length} of ${layout.headers.length} cells, no line end): the export looks cut short`,
        );
        return whole(`the file ends in the middle of this row (${cells.length} of ${layout.headers.length} cells, no line end): the export was cut short`);
      }
      return this.reject(file, line, shape.problems, cells, layout);
    }

    const columns = this.columns;
    // The key first: a duplicate needs nothing else.
    this.cellsView.current = cells;
    const key = this.keys.of(this.cellsView, layout);
    if (key !== null) {
      const kept = rule === "first" ? index.offerAt(key, fileIndex, line) : index.keptInstead(key, fileIndex, line);
      if (kept !== null && (kept.fileIndex !== fileIndex || kept.line !== line)) {
        const keptFrom = { file: files[kept.fileIndex] ?? "", line: kept.line };
        this.report.duplicatesDropped.push({ key, keptFrom, droppedFrom: { file, line } });
        return { kind: "duplicate", entity: this.spec.entity, file, line, key, keptFrom, raw: rawOf(this.columns, cells, layout), cells };
      }
    }

    const encoding = fileReport.encoding;
    // A record of ASCII bytes alone holds neither a NUL nor a byte the encoding could not read.
    const plain = record.plain === true;
    const checkReplacement = !plain && marksUndefinedBytes(encoding);
    const values: Record<string, RowValue> = { ...this.noValues };
    let problems: CellProblem[] | null = null;
    let notInEncoding = false;
    let monthFirstExample: string | null = null;
    for (let columnIndex = 0; columnIndex < columns.length; columnIndex++) {
      const column = columns[columnIndex];
      if (column === undefined) continue;
      const position = layout.positions[columnIndex] ?? -1;
      if (position < 0) continue;
      const text = cells[position] ?? "";
      let reason: string | null = null;
      let value: RowValue = null;
      if (checkReplacement && text.includes("\uFFFD")) {
        reason = notInEncodingReason(column.header, encoding);
        notInEncoding = true;
      } else if (!plain && text.includes("\u0000")) {
        // No text holds a NUL: the file is damaged there, or is not in the encoding it is read in (UTF-16 read as UTF-8).
        reason = `'${column.header}' holds a NUL byte (0x00), which no text has: the file is damaged there, or is not ${encoding.toUpperCase()}`;
        notInEncoding = true;
      } else if (column.type === "text" && !this.isKeyColumn[columnIndex]) {
        // Text is the cell itself: no parsed cell is made for it.
        if (isEmptyCell(text, column.format)) reason = column.required ? cellProblem(column.header, EMPTY_CELL, { required: true }) : null;
        else value = text;
      } else {
        // A timestamp in the export's pattern (most of them) is its UTC text, with no parsed cell.
        const stamp = column.type === "datetime" ? plainDateTimeText(text, column.format) : undefined;
        if (stamp !== undefined) value = stamp;
        else {
          const cell = parseCell(column.type, text, column.format);
          reason = cellProblem(column.header, cell, { required: column.required, isKey: this.isKeyColumn[columnIndex] === true });
          if (cell.kind === "value") value = cell.value;
          else if (monthFirstExample === null && (column.type === "date" || column.type === "datetime") && readsMonthFirst(text, column.type, column.format))
            monthFirstExample = text;
        }
      }
      if (reason !== null) (problems ??= []).push({ column: column.name, columnNumber: position + 1, reason });
      else if (value !== null) values[column.name] = value;
    }
    if (problems !== null) {
      if (notInEncoding) fileReport.rejectedForEncoding++;
      if (monthFirstExample !== null) {
        fileReport.rejectedForMonthFirst++;
        fileReport.monthFirstExample ??= monthFirstExample;
      }
      return this.reject(file, line, problems, cells, layout);
    }
    this.report.rowsEmitted++;
    return new ReadRow(this.spec.entity, file, line, key ?? "", values, cells, this.columns, layout);
  }

  private reject(file: string, line: number, problems: readonly CellProblem[], cells: string[], layout: FileLayout | null): RowRejection {
    this.report.rejected++;
    const first = problems[0];
    return {
      kind: "rejected",
      entity: this.spec.entity,
      file,
      line,
      ...(first !== undefined && first.column !== "" ? { column: first.column } : {}),
      ...(first?.columnNumber != null ? { columnNumber: first.columnNumber } : {}),
      reason: problems.map((problem) => problem.reason).join("; "),
      problems,
      raw: rawOf(this.columns, cells, layout),
      cells,
    };
  }
}

function malformedQuoteReason(line: number, delimiter: Delimiter): string {
  const shown = delimiter === "\t" ? "tab" : `'${delimiter}'`;
  return `a quoted value is broken on line ${line}: its closing quote is followed by more text instead of a ${shown} or the line end (a quote inside it not doubled, or its own closing quote missing), so the row's values cannot be told apart`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads an entity's files. Throws SourceSpecError at once when the spec itself is unusable;
 * everything found in the files (bad rows, missing headers, unreadable files) is reported, never thrown.
 * `winners` are those of an earlier reading of the same files to the end (`EntityReading.winners`).
 */
export function readEntity(spec: EntitySourceSpec, winners?: KeyIndex): EntityReading {
  const problems = sourceSpecProblems(spec);
  if (problems.length > 0) throw new SourceSpecError(spec.entity, problems);
  const reader = new EntityReader(spec, winners);
  let started = false;
  const once = (): void => {
    if (started) throw new Error(`source entity ${spec.entity}: its rows can be read only once; call readEntity again`);
    started = true;
  };
  return {
    rows: {
      [Symbol.asyncIterator]: () => {
        once();
        return reader.rows();
      },
    },
    batches: {
      [Symbol.asyncIterator]: () => {
        once();
        return reader.batches();
      },
    },
    report: () => reader.snapshot(),
    winners: () => reader.finished,
  };
}

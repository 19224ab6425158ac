/**
 * A record's key, from its key cells, and pass one of an entity whose duplicates are resolved by
 * `keep last` or `newest`: each file's records are told to a KeyPass as they are scanned (no row,
 * no array of cells, only the key and stamp cells decoded), and it offers each record's key to the
 * entity's KeyIndex, so that pass two knows every key's winner before it hands over any row.
 */
import type { ColumnSpec, EntitySourceSpec } from "./entity-reading.js";
import type { RecordView, RecordVisitor } from "./csv-scan.js";
import type { ReportBuilder } from "./csv-reader.js";
import { layoutFor, type FileLayout } from "./file-layout.js";
import type { KeyIndex } from "./key-index.js";
import { isBlank, isEmptyCell, parseCell, type ParsedCell } from "./values.js";

/**
 * A single key is its normalised value; a composite key is the JSON array of its values, which
 * no two different value lists share.
 */
export function joinKey(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] ?? "") : JSON.stringify(parts);
}

/** A key cell's part of the key, or null when the cell is blank or invalid. */
function keyPart(column: ColumnSpec, raw: string): string | null {
  // Text keys compare trimmed: " R1" and "R1" across chunks are the same relation. Text needs no parsed cell.
  if (column.type === "text") return isEmptyCell(raw, column.format) ? null : raw.trim();
  const parsed = parseCell(column.type, raw, column.format);
  return parsed.kind === "value" ? String(parsed.value) : null;
}

/** The cells of the record at hand, by position in the file. */
export type CellSource = Pick<RecordView, "cell" | "cellCount">;

/** How an entity's records are keyed: the same in both passes, so that they agree on every key. */
export class RecordKeys {
  constructor(
    private readonly columns: readonly ColumnSpec[],
    /** The key columns' indexes in `columns`. */
    private readonly keyColumns: readonly number[],
  ) {}

  /** The record's key, or null when a key cell is missing, blank or invalid. */
  of(record: CellSource, layout: FileLayout): string | null {
    // A key of one column (most are) is its part, made without a list of parts.
    let first: string | null = null;
    let parts: string[] | null = null;
    for (const columnIndex of this.keyColumns) {
      const column = this.columns[columnIndex];
      const position = layout.positions[columnIndex] ?? -1;
      if (column === undefined || position < 0 || position >= record.cellCount) return null;
      const part = keyPart(column, record.cell(position));
      if (part === null || part === "") return null;
      if (first === null) first = part;
      else (parts ??= [first]).push(part);
    }
    return parts === null ? first : joinKey(parts);
  }

  /**
   * Where in a file of this layout the key's one column is, when a key written there as a
   * decimal number (RecordView.decimalCell) is that number's text: a text column with no
   * placeholders for no value. -1 when keys must be read as text.
   */
  decimalPosition(layout: FileLayout): number {
    const columnIndex = this.keyColumns.length === 1 ? (this.keyColumns[0] ?? -1) : -1;
    const column = this.columns[columnIndex];
    if (column === undefined || column.type !== "text" || (column.format.emptyValues?.length ?? 0) > 0) return -1;
    return layout.positions[columnIndex] ?? -1;
  }
}

/** Orders records under the `newest` rule: a missing or invalid stamp is the oldest. */
export function stampOf(parsed: ParsedCell | undefined): number {
  if (parsed === undefined || parsed.kind !== "value") return Number.NEGATIVE_INFINITY;
  if (typeof parsed.value === "number") return parsed.value;
  if (typeof parsed.value === "string") {
    const time = Date.parse(`${parsed.value.replace(" ", "T")}Z`);
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  }
  return Number.NEGATIVE_INFINITY;
}

/** What a KeyPass needs of the entity being read. */
export interface KeyedEntity {
  readonly spec: EntitySourceSpec;
  readonly keys: RecordKeys;
  /** The `newest` rule's column index in the spec's columns, or -1. */
  readonly stampColumn: number;
  readonly report: ReportBuilder;
}

/**
 * Pass one over one file. A record takes part when pass two would not reject it for its shape
 * (the file lacks a column every row needs; more cells than the header, not blank; fewer) and its
 * key is valid; a blank record has a blank key.
 */
export class KeyPass implements RecordVisitor {
  private layout: FileLayout | null = null;
  /** The layout's RecordKeys.decimalPosition. */
  private decimalPosition = -1;

  constructor(
    private readonly entity: KeyedEntity,
    private readonly file: string,
    private readonly fileIndex: number,
    /** Lines before the header (the probe's). */
    private skip: number,
    private readonly index: KeyIndex,
  ) {}

  record(view: RecordView, line: number): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const layout = this.layout;
    if (layout === null) {
      this.layout = layoutFor(this.entity.spec, view.cells(), this.file, this.entity.report);
      this.decimalPosition = this.entity.keys.decimalPosition(this.layout);
      return;
    }
    if (layout.fatal !== null) return;
    const width = layout.headers.length;
    const count = view.cellCount;
    if (count < width) return;
    for (let position = width; position < count; position++) if (!isBlank(view.cell(position))) return;
    // Most keys are numbers: offered by value, their text is never made.
    const value = this.decimalPosition >= 0 && this.decimalPosition < count ? view.decimalCell(this.decimalPosition) : -1;
    if (value >= 0) {
      this.index.offerValue(value, this.fileIndex, line, this.stamp(view, layout));
      return;
    }
    const key = this.entity.keys.of(view, layout);
    if (key === null) return;
    this.index.offerAt(key, this.fileIndex, line, this.stamp(view, layout));
  }

  private stamp(view: RecordView, layout: FileLayout): number {
    const columnIndex = this.entity.stampColumn;
    const column = this.entity.spec.columns[columnIndex];
    const position = layout.positions[columnIndex] ?? -1;
    if (column === undefined || position < 0) return Number.NEGATIVE_INFINITY;
    return stampOf(parseCell(column.type, view.cell(position), column.format));
  }
}

/**
 * What reading a source entity is given (its spec: files, columns, key, duplicates rule) and gives
 * (rows, rejections with their place, duplicates, and a report per file), for csv-reader.ts and
 * everything that reads an export through it.
 */
import type { ColumnType } from "../../language/column-types.js";
import type { Delimiter, FileEncoding } from "./detect.js";
import type { DeclaredEncoding } from "../../compiler/value-formats.js";
import type { DeclaredDelimiter } from "./probe.js";
import type { KeyIndex } from "./key-index.js";
import type { ValueFormat } from "./values.js";

export interface ColumnSpec {
  /** The name the mapping uses. */
  readonly name: string;
  /** The header text in the export (spaces and accents allowed). */
  readonly header: string;
  readonly type: ColumnType;
  readonly format: ValueFormat;
  readonly required: boolean;
}

export type DuplicateRule = { readonly rule: "last-file" } | { readonly rule: "newest"; readonly column: string } | { readonly rule: "first" };

export interface EntitySourceSpec {
  /** For messages. */
  readonly entity: string;
  /** The export folder. */
  readonly directory: string;
  /** File glob relative to the directory, e.g. `relations_*.csv`. */
  readonly pattern: string;
  readonly delimiter: DeclaredDelimiter;
  readonly encoding: DeclaredEncoding;
  readonly columns: readonly ColumnSpec[];
  /** Column names forming the key (composite allowed, at least one). */
  readonly key: readonly string[];
  readonly duplicates: DuplicateRule;
}

export type RowValue = string | number | boolean | null;

export interface SourceRow {
  readonly kind: "row";
  readonly entity: string;
  /** Path relative to the export folder. */
  readonly file: string;
  /** Line where the record starts (1-based; the header is line 1). */
  readonly line: number;
  /** The key values, normalised, joined unambiguously (see keyOf). */
  readonly key: string;
  /** By column name; null is an empty cell (or a column the file lacks, see the report). */
  readonly values: Readonly<Record<string, RowValue>>;
  /** By column name, the text as read. */
  readonly raw: Readonly<Record<string, string>>;
}

export interface CellProblem {
  readonly column: string;
  /** 1-based position of the column in the file, when the file has it. */
  readonly columnNumber: number | null;
  readonly reason: string;
}

export interface RowRejection {
  readonly kind: "rejected";
  readonly entity: string;
  readonly file: string;
  readonly line: number;
  /** The first problem's column, when the problem is a column's. */
  readonly column?: string;
  readonly columnNumber?: number;
  /** Every problem of the row, in one sentence per problem. */
  readonly reason: string;
  readonly problems: readonly CellProblem[];
  readonly raw: Readonly<Record<string, string>>;
  /** The record's cells as read, for a reject file that reproduces the line. */
  readonly cells: readonly string[];
}

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export interface DuplicateRow {
  readonly kind: "duplicate";
  readonly entity: string;
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly keptFrom: SourceLocation;
  readonly raw: Readonly<Record<string, string>>;
  readonly cells: readonly string[];
}

export type SourceItem = SourceRow | RowRejection | DuplicateRow;

export interface FileReadReport {
  readonly file: string;
  readonly encoding: FileEncoding;
  readonly encodingDetected: boolean;
  readonly encodingNote: string | null;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly delimiterDetected: boolean;
  readonly headers: readonly string[];
  /** Records after the header (blank lines excluded). */
  rows: number;
  emptyLines: number;
  /** Records of this file rejected, for any reason. */
  rejected: number;
  /** Records rejected because their bytes are not text in the file's encoding (a file saved in another one). */
  rejectedForEncoding: number;
  /** Records rejected for a date that reads only month first, and the first such value. */
  rejectedForMonthFirst: number;
  monthFirstExample: string | null;
}

export interface SourceReadReport {
  readonly entity: string;
  /** False until the rows have been read to the end. */
  readonly complete: boolean;
  readonly files: readonly FileReadReport[];
  /** Records after the header in all files: rowsEmitted + rejected + duplicatesDropped.length. */
  readonly rowsRead: number;
  readonly rowsEmitted: number;
  readonly rejected: number;
  readonly duplicatesDropped: readonly { readonly key: string; readonly keptFrom: SourceLocation; readonly droppedFrom: SourceLocation }[];
  /**
   * A declared column absent from a file. For a required, key or `newest` column every row of
   * that file is rejected; for an optional one its values are empty (null) in that file.
   */
  readonly missingHeaders: readonly { readonly file: string; readonly header: string; readonly column: string; readonly rowsRejected: boolean }[];
  /** Headers no column declares: data the mapping would lose. */
  readonly extraHeaders: readonly { readonly file: string; readonly header: string; readonly columnNumber: number }[];
  /** File-level problems: no file matches, a file cannot be read, a quote never closes, a header twice. */
  readonly problems: readonly { readonly file: string | null; readonly message: string }[];
}

export interface EntityReading {
  /** Iterate once (this or `batches`). Rows come out in file order (natural file-name order, then line order). */
  readonly rows: AsyncIterable<SourceItem>;
  /** The same items in arrays, one per chunk read: one await per batch for callers that care. */
  readonly batches: AsyncIterable<SourceItem[]>;
  /** The report so far; complete once `rows` has been read to the end. */
  report(): SourceReadReport;
  /**
   * Which record won each key, once the rows have been read to the end (undefined before): given
   * to `readEntity` for the same files again, it spares that reading its first pass.
   */
  winners(): KeyIndex | undefined;
}

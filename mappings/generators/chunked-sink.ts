/**
 * PerfectView's chunked files: at most `chunkSize` rows per file (`relaties_001.csv`, ...), each
 * chunk after the first starting with the last 1 to 3 rows of the previous one (the export pages
 * overlap), and some chunks written in UTF-8 instead of Windows-1252.
 */
import { join } from "node:path";
import { laterMoment, type RowSink } from "./common.js";
import { CsvFile, type CsvDialect, type FileEncoding, type RowPosition, type WrittenFile } from "./csv-sink.js";
import type { DefectLog } from "./defects.js";
import { formatDateTime, parseDateTime } from "./formats.js";
import { headersOf, type FileLayout } from "./layout.js";
import type { Rng } from "./prng.js";

/** Chunk k (1-based) is UTF-8 when k leaves 2 when divided by 3 (chunks 2, 5, 8, ...). */
export function chunkEncoding(chunkNumber: number): FileEncoding {
  return chunkNumber % 3 === 2 ? "utf-8" : "windows-1252";
}

export const MAX_OVERLAP = 3;

interface RecentRow {
  readonly values: readonly string[];
  readonly key: string;
  readonly position: RowPosition;
}

export interface ChunkedSinkOptions {
  readonly outDir: string;
  readonly layout: FileLayout;
  readonly dialect: CsvDialect;
  readonly chunkSize: number;
  /** An upper bound of the rows this sink will take, to size the chunk number's digits. */
  readonly maxRows: number;
  /** Decides overlaps and newer timestamps; consumed only at chunk boundaries. */
  readonly rng: Rng;
  readonly log: DefectLog;
  /** Last day a bumped modification time may fall on. */
  readonly lastDay: number;
}

export class ChunkedSink implements RowSink {
  private current: CsvFile | null = null;
  private chunkNumber = 0;
  private readonly written: WrittenFile[] = [];
  private readonly recent: RecentRow[] = [];
  private readonly digits: number;
  private readonly modifiedIndex: number;
  private readonly keyColumn: string;
  private duplicates = 0;
  private records = 0;

  constructor(private readonly options: ChunkedSinkOptions) {
    const maxChunks = Math.ceil(Math.max(1, options.maxRows) / (options.chunkSize - MAX_OVERLAP));
    this.digits = Math.max(3, String(maxChunks).length);
    this.modifiedIndex = headersOf(options.layout).indexOf("Gewijzigd op");
    this.keyColumn = options.layout.key.join("/");
  }

  fileName(chunkNumber: number): string {
    return this.options.layout.file.replace("NNN", String(chunkNumber).padStart(this.digits, "0"));
  }

  writeRow(values: readonly string[], key: string): RowPosition {
    if (this.current === null) this.openNext();
    else if (this.current.rowCount >= this.options.chunkSize) {
      this.closeCurrent();
      this.openNext();
      this.repeatTail();
    }
    const position = (this.current as CsvFile).writeRow(values);
    this.records++;
    this.recent.push({ values, key, position });
    if (this.recent.length > MAX_OVERLAP) this.recent.shift();
    return position;
  }

  private openNext(): void {
    this.chunkNumber++;
    const name = this.fileName(this.chunkNumber);
    const encoding = chunkEncoding(this.chunkNumber);
    this.current = new CsvFile(join(this.options.outDir, name), name, headersOf(this.options.layout), {
      entity: this.options.layout.entity,
      dialect: this.options.dialect,
      encoding,
      bom: false,
    });
    if (encoding === "utf-8") {
      this.options.log.record({ kind: "mixed_encoding", entity: this.options.layout.entity, file: name, line: null, row: null, key: null, detail: { encoding } });
    }
  }

  /** Repeats the last 1-3 rows of the previous chunk, half of them with a later Gewijzigd op. */
  private repeatTail(): void {
    const { rng } = this.options;
    const overlap = Math.min(rng.int(1, MAX_OVERLAP), this.recent.length);
    const tail = this.recent.slice(this.recent.length - overlap);
    for (const original of tail) {
      const copy = [...original.values];
      let newer = false;
      const modified = this.modifiedIndex >= 0 ? parseDateTime(copy[this.modifiedIndex] ?? "", "-") : null;
      if (modified !== null && rng.chance(0.5)) {
        const later = laterMoment(rng, modified, Math.max(modified.days, this.options.lastDay));
        copy[this.modifiedIndex] = formatDateTime(later.days, later.minute, "-");
        newer = true;
      }
      const position = (this.current as CsvFile).writeRow(copy);
      this.duplicates++;
      this.options.log.record({
        kind: "duplicate_key",
        entity: this.options.layout.entity,
        file: position.file,
        line: position.line,
        row: position.row,
        key: original.key,
        column: this.keyColumn,
        value: original.key,
        detail: { firstFile: original.position.file, firstLine: original.position.line, newer },
      });
    }
    this.recent.length = 0;
  }

  private closeCurrent(): void {
    if (this.current !== null) this.written.push(this.current.close());
    this.current = null;
  }

  /** Closes the last chunk; an entity without rows still gets one chunk with only a header. */
  close(): { files: WrittenFile[]; records: number; rows: number } {
    if (this.current === null && this.chunkNumber === 0) this.openNext();
    this.closeCurrent();
    return { files: this.written, records: this.records, rows: this.records + this.duplicates };
  }
}

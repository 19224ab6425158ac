/**
 * Streaming CSV writers. Rows are serialised into a string buffer and flushed with synchronous
 * writes once it passes a threshold, so memory stays flat at any export size and the bytes
 * written depend only on the rows (never on timing), which keeps generation byte-reproducible.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import iconv from "iconv-lite";

export type FileEncoding = "utf-8" | "windows-1252";

export interface CsvDialect {
  readonly delimiter: "," | ";";
  /** Between records. */
  readonly recordSeparator: "\r\n" | "\n";
  /** Line breaks inside a quoted value are written as this. */
  readonly innerNewline: "\r\n" | "\n";
  /** Quote every non-empty value (PerfectView) or only values that need it (Perfect Books). */
  readonly quoteAll: boolean;
}

/** Where a row landed: `line` is the 1-based physical line its first character is on. */
export interface RowPosition {
  readonly file: string;
  readonly line: number;
  /** 1-based data row number within the file (the header is row 0). */
  readonly row: number;
}

export interface WrittenFile {
  readonly path: string;
  readonly entity: string;
  readonly encoding: FileEncoding;
  readonly bom: boolean;
  readonly delimiter: string;
  /** Data rows, header excluded. */
  readonly rows: number;
  /** Physical lines, header included (a quoted line break adds a line). */
  readonly lines: number;
}

const FLUSH_CHARS = 1 << 17;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function countNewlines(text: string): number {
  let count = 0;
  let at = text.indexOf("\n");
  while (at !== -1) {
    count++;
    at = text.indexOf("\n", at + 1);
  }
  return count;
}

/** Buffered synchronous writer of text in one encoding. */
export class TextSink {
  private readonly fd: number;
  private buffer = "";

  constructor(
    readonly path: string,
    private readonly encoding: FileEncoding,
    bom: boolean,
  ) {
    this.fd = openSync(path, "w");
    if (bom) writeSync(this.fd, UTF8_BOM);
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const bytes = this.encoding === "utf-8" ? Buffer.from(this.buffer, "utf8") : iconv.encode(this.buffer, "win1252");
    writeSync(this.fd, bytes);
    this.buffer = "";
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface CsvFileOptions {
  readonly entity: string;
  readonly dialect: CsvDialect;
  readonly encoding: FileEncoding;
  readonly bom: boolean;
}

/** One CSV file: header on line 1, then rows; tracks the physical line of every row. */
export class CsvFile {
  private readonly sink: TextSink;
  private nextLine = 1;
  private rows = 0;
  private readonly quoteNeeded: RegExp;

  constructor(
    private readonly absolutePath: string,
    /** The path written into the manifest, relative to the export root, with `/`. */
    readonly relativePath: string,
    header: readonly string[],
    private readonly options: CsvFileOptions,
  ) {
    this.sink = new TextSink(absolutePath, options.encoding, options.bom);
    this.quoteNeeded = new RegExp(`[${options.dialect.delimiter}"\\r\\n]`);
    this.writeLine(header);
  }

  get rowCount(): number {
    return this.rows;
  }

  writeRow(values: readonly string[]): RowPosition {
    const line = this.writeLine(values);
    this.rows++;
    return { file: this.relativePath, line, row: this.rows };
  }

  private writeLine(values: readonly string[]): number {
    const { dialect } = this.options;
    const startLine = this.nextLine;
    let text = "";
    for (let i = 0; i < values.length; i++) {
      if (i > 0) text += dialect.delimiter;
      text += this.quote(values[i] ?? "");
    }
    text += dialect.recordSeparator;
    this.nextLine += countNewlines(text);
    this.sink.write(text);
    return startLine;
  }

  private quote(value: string): string {
    if (value === "") return "";
    if (!this.options.dialect.quoteAll && !this.quoteNeeded.test(value)) return value;
    let inner = value.replaceAll('"', '""');
    if (this.options.dialect.innerNewline === "\r\n") inner = inner.replace(/\r?\n/g, "\r\n");
    return `"${inner}"`;
  }

  close(): WrittenFile {
    this.sink.close();
    return {
      path: this.relativePath,
      entity: this.options.entity,
      encoding: this.options.encoding,
      bom: this.options.bom,
      delimiter: this.options.dialect.delimiter,
      rows: this.rows,
      lines: this.nextLine - 1,
    };
  }
}

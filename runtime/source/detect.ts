/**
 * Encoding and delimiter detection for CSV exports. Pure: callers feed bytes and text, so the same
 * helpers serve the reader and a tool that proposes mappings from an export.
 */

import type { CodePage } from "../../compiler/value-formats.js";

export type Bom = "utf-8" | "utf-16le" | "utf-16be";

export function detectBom(bytes: Uint8Array): { bom: Bom; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { bom: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bom: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { bom: "utf-16be", length: 2 };
  return null;
}

export interface Utf8ScanResult {
  /** Bytes are all below 0x80: every ASCII-compatible encoding reads the file the same way. */
  readonly asciiOnly: boolean;
  /** Well-formed multi-byte UTF-8 sequences (é written as C3 A9). */
  readonly validSequences: number;
  /** Bytes that cannot be UTF-8 (é written as E9 in Windows-1252). */
  readonly invalidBytes: number;
  /** The first byte that is not UTF-8: its value and 1-based line. */
  readonly firstInvalid: { readonly byte: number; readonly line: number } | null;
}

/**
 * Checks bytes for UTF-8 validity in chunks (a sequence may straddle two chunks), counting valid
 * sequences and invalid bytes so mixed files can be told from plain Windows-1252 ones.
 */
export class Utf8Scanner {
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private lead = 0;
  private leadLine = 1;
  private line = 1;
  private highBytes = 0;
  private validSequences = 0;
  private invalidBytes = 0;
  private firstInvalid: { byte: number; line: number } | null = null;

  feed(chunk: Uint8Array): void {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] ?? 0;
      if (this.needed > 0) {
        if (byte >= this.lower && byte <= this.upper) {
          this.needed--;
          this.lower = 0x80;
          this.upper = 0xbf;
          if (this.needed === 0) this.validSequences++;
          continue;
        }
        this.invalid(this.lead, this.leadLine);
        this.needed = 0;
        this.lower = 0x80;
        this.upper = 0xbf;
      }
      if (byte < 0x80) {
        if (byte === 0x0a) this.line++;
        continue;
      }
      this.highBytes++;
      this.lead = byte;
      this.leadLine = this.line;
      if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
      else if (byte === 0xe0) [this.needed, this.lower] = [2, 0xa0];
      else if (byte === 0xed) [this.needed, this.upper] = [2, 0x9f];
      else if (byte >= 0xe1 && byte <= 0xef) this.needed = 2;
      else if (byte === 0xf0) [this.needed, this.lower] = [3, 0x90];
      else if (byte === 0xf4) [this.needed, this.upper] = [3, 0x8f];
      else if (byte >= 0xf1 && byte <= 0xf3) this.needed = 3;
      else this.invalid(byte, this.line);
    }
  }

  private invalid(byte: number, line: number): void {
    this.invalidBytes++;
    if (this.firstInvalid === null) this.firstInvalid = { byte, line };
  }

  finish(): Utf8ScanResult {
    if (this.needed > 0) {
      this.invalid(this.lead, this.leadLine);
      this.needed = 0;
    }
    return {
      asciiOnly: this.highBytes === 0,
      validSequences: this.validSequences,
      invalidBytes: this.invalidBytes,
      firstInvalid: this.firstInvalid,
    };
  }
}

/** Encodings a file can be read in. `mixed` decodes valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252. */
export type FileEncoding = "utf-8" | "utf-16le" | "utf-16be" | CodePage | "mixed";

export interface EncodingDecision {
  readonly encoding: FileEncoding;
  readonly bom: Bom | null;
  /** Why, when the choice is worth telling a specialist about. */
  readonly note: string | null;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Chooses the encoding from the BOM and a scan of the whole file. */
export function decideEncoding(bom: Bom | null, scan: Utf8ScanResult): EncodingDecision {
  if (bom === "utf-16le" || bom === "utf-16be") return { encoding: bom, bom, note: null };
  if (scan.invalidBytes === 0) return { encoding: "utf-8", bom, note: null };
  const where = scan.firstInvalid === null ? "" : ` (first at line ${scan.firstInvalid.line}: byte ${hex(scan.firstInvalid.byte)})`;
  if (scan.validSequences === 0 && bom === null) {
    return { encoding: "windows-1252", bom, note: `not UTF-8${where}; read as Windows-1252` };
  }
  return {
    encoding: "mixed",
    bom,
    note:
      `mixes ${plural(scan.validSequences, "UTF-8 character")} and ${plural(scan.invalidBytes, "byte")} that cannot be UTF-8${where}; ` +
      "UTF-8 characters are read as UTF-8 and the other bytes as Windows-1252",
  };
}

/** Encoding of a whole buffer (a small file or a sample). */
export function detectEncoding(bytes: Uint8Array): EncodingDecision {
  const bom = detectBom(bytes);
  if (bom !== null && bom.bom !== "utf-8") return decideEncoding(bom.bom, { asciiOnly: false, validSequences: 0, invalidBytes: 0, firstInvalid: null });
  const scanner = new Utf8Scanner();
  scanner.feed(bom === null ? bytes : bytes.subarray(bom.length));
  return decideEncoding(bom?.bom ?? null, scanner.finish());
}

export type Delimiter = "," | ";" | "\t";

export const DELIMITERS: readonly Delimiter[] = [";", ",", "\t"];

/** The first `count` records' lines of a text, splitting only on line breaks outside quotes. */
export function leadingLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length && lines.length < count; index++) {
    const character = text.charAt(index);
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) {
      lines.push(text.slice(start, index));
      if (character === "\r" && text.charAt(index + 1) === "\n") index++;
      start = index + 1;
    }
  }
  if (lines.length < count && start < text.length) lines.push(text.slice(start));
  return lines;
}

export function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line.charAt(index);
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === delimiter) count++;
  }
  return count;
}

/** Excel writes `sep=;` as a first line to say which delimiter follows. */
export function excelSeparatorLine(line: string): Delimiter | null {
  const match = /^"?sep=(.)"?\r?$/i.exec(line);
  const delimiter = match?.[1];
  return delimiter === "," || delimiter === ";" || delimiter === "\t" ? delimiter : null;
}

export interface DelimiterDecision {
  readonly delimiter: Delimiter;
  /** Lines before the header to skip (Excel's `sep=` line). */
  readonly skipLines: number;
  /** Occurrences in the header line, per candidate. */
  readonly counts: Readonly<Record<Delimiter, number>>;
}

/**
 * The delimiter from the header line: the candidate that occurs most often outside quotes. A tie
 * goes to the candidate whose count the following lines repeat; a header with none of them is a
 * single-column file read with `,`.
 */
export function detectDelimiter(text: string): DelimiterDecision {
  const lines = leadingLines(text.startsWith("\uFEFF") ? text.slice(1) : text, 21);
  const first = lines[0] ?? "";
  const hinted = excelSeparatorLine(first);
  const headerIndex = hinted === null ? 0 : 1;
  const header = lines[headerIndex] ?? "";
  const counts = { ",": 0, ";": 0, "\t": 0 } as Record<Delimiter, number>;
  for (const delimiter of DELIMITERS) counts[delimiter] = countOutsideQuotes(header, delimiter);
  if (hinted !== null) return { delimiter: hinted, skipLines: 1, counts };
  const best = Math.max(...DELIMITERS.map((delimiter) => counts[delimiter]));
  if (best === 0) return { delimiter: ",", skipLines: 0, counts };
  const tied = DELIMITERS.filter((delimiter) => counts[delimiter] === best);
  if (tied.length === 1) return { delimiter: tied[0] ?? ",", skipLines: 0, counts };
  const body = lines.slice(headerIndex + 1).filter((line) => line.length > 0);
  const consistency = (delimiter: Delimiter): number => body.filter((line) => countOutsideQuotes(line, delimiter) >= best).length;
  const ranked = [...tied].sort((left, right) => consistency(right) - consistency(left));
  return { delimiter: ranked[0] ?? ",", skipLines: 0, counts };
}

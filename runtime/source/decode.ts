/** Incremental byte-to-text decoders, one per file encoding; chunks may split a character. */

import { TextDecoder } from "node:util";
import iconv from "iconv-lite";
import { CODE_PAGES, type CodePage } from "../../compiler/value-formats.js";
import type { FileEncoding } from "./detect.js";

export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

class WebDecoder implements ChunkDecoder {
  // A leading BOM is dropped (ignoreBOM false), so the first header is never "\uFEFFid".
  private readonly decoder: TextDecoder;
  constructor(label: string) {
    this.decoder = new TextDecoder(label, { ignoreBOM: false });
  }
  write(chunk: Buffer): string {
    return this.decoder.decode(chunk, { stream: true });
  }
  end(): string {
    return this.decoder.decode();
  }
}

class IconvDecoder implements ChunkDecoder {
  private readonly decoder: ReturnType<typeof iconv.getDecoder>;
  constructor(encoding: string) {
    this.decoder = iconv.getDecoder(encoding);
  }
  write(chunk: Buffer): string {
    return this.decoder.write(chunk);
  }
  end(): string {
    return this.decoder.end() ?? "";
  }
}

function iconvName(codePage: CodePage): string {
  return codePage === "latin-1" ? "latin1" : codePage;
}

/** Bytes 0x80-0xFF of each code page as iconv-lite reads them (U+FFFD where a page defines none). */
const HIGH_HALVES = new Map<CodePage, string>(
  CODE_PAGES.map((codePage) => [codePage, iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, index) => 0x80 + index)), iconvName(codePage))]),
);

/** Bytes 0x80-0xFF of a code page, U+FFFD for each it does not define. */
export function highHalf(codePage: CodePage): string {
  return HIGH_HALVES.get(codePage) ?? "";
}

const WINDOWS_1252_HIGH: string = highHalf("windows-1252");

/** Length of the well-formed UTF-8 sequence at `index`, 0 when there is none, -1 when the chunk ends inside a well-formed prefix. */
function utf8SequenceLength(bytes: Buffer, index: number, end: number): number {
  const lead = bytes[index] ?? 0;
  let length: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead === 0xe0) [length, lower] = [3, 0xa0];
  else if (lead === 0xed) [length, upper] = [3, 0x9f];
  else if (lead >= 0xe1 && lead <= 0xef) length = 3;
  else if (lead === 0xf0) [length, lower] = [4, 0x90];
  else if (lead === 0xf4) [length, upper] = [4, 0x8f];
  else if (lead >= 0xf1 && lead <= 0xf3) length = 4;
  else return 0;
  for (let offset = 1; offset < length; offset++) {
    if (index + offset >= end) return -1;
    const byte = bytes[index + offset] ?? 0;
    if (byte < lower || byte > upper) return 0;
    lower = 0x80;
    upper = 0xbf;
  }
  return length;
}

/**
 * For files that mix encodings (chunks appended by different tools): a byte run that is
 * well-formed UTF-8 is read as UTF-8, any other byte as Windows-1252.
 */
export class MixedDecoder implements ChunkDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;

  write(chunk: Buffer): string {
    let bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    if (!this.started) {
      if (bytes.length === 0) return "";
      if (bytes.length < 3 && bytes[0] === 0xef) {
        this.pending = bytes;
        return "";
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    return this.decode(bytes, false);
  }

  end(): string {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return this.decode(rest, true);
  }

  private decode(bytes: Buffer, final: boolean): string {
    const { text, stop } = mixedText(bytes, 0, bytes.length, final);
    if (stop < bytes.length) this.pending = Buffer.from(bytes.subarray(stop));
    return text;
  }
}

/**
 * bytes[start, end) read as mixed text; `stop` is where a well-formed UTF-8 sequence is cut off by
 * `end` (only when not `final`: the next chunk may complete it), else `end`.
 */
function mixedText(bytes: Buffer, start: number, end: number, final: boolean): { text: string; stop: number } {
  let text = "";
  let runStart = start;
  let index = start;
  while (index < end) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      index++;
      continue;
    }
    if (runStart < index) text += bytes.toString("latin1", runStart, index);
    const length = utf8SequenceLength(bytes, index, end);
    if (length === -1 && !final) return { text, stop: index };
    if (length > 0) {
      text += bytes.toString("utf8", index, index + length);
      index += length;
    } else {
      text += WINDOWS_1252_HIGH.charAt(byte - 0x80);
      index++;
    }
    runStart = index;
  }
  if (runStart < end) text += bytes.toString("latin1", runStart, end);
  return { text, stop: end };
}

export function createChunkDecoder(encoding: FileEncoding): ChunkDecoder {
  switch (encoding) {
    case "utf-8":
    case "utf-16le":
    case "utf-16be":
      return new WebDecoder(encoding);
    case "mixed":
      return new MixedDecoder();
    default:
      return new IconvDecoder(iconvName(encoding));
  }
}

/** The encodings whose delimiters, quotes and line breaks are single ASCII bytes that no other character contains. */
export type ByteEncoding = Exclude<FileEncoding, "utf-16le" | "utf-16be">;

export function isByteEncoding(encoding: FileEncoding): encoding is ByteEncoding {
  return encoding !== "utf-16le" && encoding !== "utf-16be";
}

/** Decodes one cell's bytes: what the file's chunk decoder gives for them, the file's leading byte order mark aside. */
export type CellDecoder = (bytes: Buffer, start: number, end: number) => string;

/** Windows-1252 differs from Latin-1 only in 0x80-0x9F; those characters as iconv-lite reads them. */
const WINDOWS_1252_C1 = /[\x80-\x9f]/g;
const windows1252Char = (latin1: string): string => WINDOWS_1252_HIGH.charAt(latin1.charCodeAt(0) - 0x80);

export function cellDecoderFor(encoding: ByteEncoding): CellDecoder {
  switch (encoding) {
    case "utf-8":
      return (bytes, start, end) => bytes.toString("utf8", start, end);
    case "latin-1":
      return (bytes, start, end) => bytes.toString("latin1", start, end);
    case "windows-1252":
      return (bytes, start, end) => bytes.toString("latin1", start, end).replace(WINDOWS_1252_C1, windows1252Char);
    case "mixed":
      return (bytes, start, end) => mixedText(bytes, start, end, true).text;
    default: {
      const high = highHalf(encoding);
      const highChar = (latin1: string): string => high.charAt(latin1.charCodeAt(0) - 0x80);
      return (bytes, start, end) => bytes.toString("latin1", start, end).replace(HIGH_BYTES, highChar);
    }
  }
}

/** Bytes above ASCII, each read as the Latin-1 character of its value. */
const HIGH_BYTES = /[\x80-\xff]/g;

/** Whether a U+FFFD read from a file stands for bytes its encoding does not define (Latin-1 defines every byte). */
export function marksUndefinedBytes(encoding: FileEncoding): boolean {
  return encoding !== "latin-1";
}

/** Why a cell holding such bytes is refused rather than loaded with the character lost. */
export function notInEncodingReason(header: string, encoding: FileEncoding): string {
  const name = encoding.toUpperCase();
  if (encoding === "utf-8" || encoding === "utf-16le" || encoding === "utf-16be")
    return `'${header}' has bytes that are not ${name}; declare the file's encoding (windows-1252) or use auto`;
  if (encoding === "mixed") return `'${header}' has a byte that is neither UTF-8 nor Windows-1252; declare the file's encoding`;
  return (
    `'${header}' has a byte ${name} does not define: the file is in another code page; declare its encoding ` +
    `(windows-1250 for Polish, Czech or Hungarian letters, windows-1251 for Cyrillic, ...)`
  );
}

/** Incremental byte-to-text decoders, one per file encoding; chunks may split a character. */

import { TextDecoder } from "node:util";
import iconv from "iconv-lite";
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

const WINDOWS_1252_HIGH: string = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, index) => 0x80 + index)), "windows-1252");

/** Length of the well-formed UTF-8 sequence at `index`, 0 when there is none, -1 when the chunk ends inside a well-formed prefix. */
function utf8SequenceLength(bytes: Buffer, index: number): number {
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
    if (index + offset >= bytes.length) return -1;
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
    let text = "";
    let runStart = 0;
    let index = 0;
    while (index < bytes.length) {
      const byte = bytes[index] ?? 0;
      if (byte < 0x80) {
        index++;
        continue;
      }
      if (runStart < index) text += bytes.toString("latin1", runStart, index);
      const length = utf8SequenceLength(bytes, index);
      if (length === -1 && !final) {
        this.pending = Buffer.from(bytes.subarray(index));
        return text;
      }
      if (length > 0) {
        text += bytes.toString("utf8", index, index + length);
        index += length;
      } else {
        text += WINDOWS_1252_HIGH.charAt(byte - 0x80);
        index++;
      }
      runStart = index;
    }
    if (runStart < bytes.length) text += bytes.toString("latin1", runStart, bytes.length);
    return text;
  }
}

export function createChunkDecoder(encoding: FileEncoding): ChunkDecoder {
  switch (encoding) {
    case "utf-8":
    case "utf-16le":
    case "utf-16be":
      return new WebDecoder(encoding);
    case "windows-1252":
      return new IconvDecoder("windows-1252");
    case "latin-1":
      return new IconvDecoder("latin1");
    case "mixed":
      return new MixedDecoder();
  }
}

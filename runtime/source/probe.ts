/** Deciding how to read one export file (encoding, delimiter), from its bytes. I/O at the edge. */

import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { DeclaredEncoding } from "../../compiler/value-formats.js";
import { createChunkDecoder } from "./decode.js";
import { decideEncoding, detectBom, detectDelimiter, excelSeparatorLine, leadingLines, Utf8Scanner, type Delimiter, type FileEncoding } from "./detect.js";

export type { DeclaredEncoding };
export type DeclaredDelimiter = Delimiter | "auto";

export interface FileProbe {
  readonly encoding: FileEncoding;
  readonly encodingDetected: boolean;
  /** Set when the encoding was detected or overrode the declaration, to say why. */
  readonly encodingNote: string | null;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly delimiterDetected: boolean;
  /** Lines before the header (Excel's `sep=;`). */
  readonly skipLines: number;
}

const HEAD_BYTES = 64 * 1024;

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function scanUtf8(path: string, skip: number): Promise<ReturnType<Utf8Scanner["finish"]>> {
  const scanner = new Utf8Scanner();
  for await (const chunk of createReadStream(path, { start: skip, highWaterMark: 1 << 20 })) scanner.feed(chunk as Buffer);
  return scanner.finish();
}

/**
 * Reads the head of a file (and, for `auto` encoding, scans all its bytes once) to decide its
 * encoding and delimiter. A byte order mark outranks a declaration: it cannot be there by accident.
 */
export async function probeFile(path: string, encoding: DeclaredEncoding, delimiter: DeclaredDelimiter): Promise<FileProbe> {
  const head = await readHead(path);
  const bom = detectBom(head);
  let fileEncoding: FileEncoding;
  let encodingDetected = encoding === "auto";
  let encodingNote: string | null = null;
  if (bom !== null && (encoding === "auto" || bom.bom !== encoding)) {
    fileEncoding = bom.bom;
    if (encoding !== "auto" && bom.bom !== "utf-8")
      encodingNote = `declared ${encoding}, but the file starts with a ${bom.bom} byte order mark; read as ${bom.bom}`;
    else if (encoding !== "auto") encodingNote = `declared ${encoding}, but the file starts with a UTF-8 byte order mark; read as UTF-8`;
    encodingDetected = true;
    if (encoding === "auto" && bom.bom === "utf-8") {
      const decision = decideEncoding("utf-8", await scanUtf8(path, bom.length));
      fileEncoding = decision.encoding;
      encodingNote = decision.note;
    }
  } else if (encoding === "auto") {
    const decision = decideEncoding(null, await scanUtf8(path, 0));
    fileEncoding = decision.encoding;
    encodingNote = decision.note;
  } else {
    fileEncoding = encoding;
  }
  const decoder = createChunkDecoder(fileEncoding);
  const headText = decoder.write(head);
  let chosen: Delimiter;
  let skipLines = 0;
  if (delimiter === "auto") {
    const decision = detectDelimiter(headText);
    chosen = decision.delimiter;
    skipLines = decision.skipLines;
  } else {
    chosen = delimiter;
    skipLines = excelSeparatorLine(leadingLines(headText, 1)[0] ?? "") === null ? 0 : 1;
  }
  return {
    encoding: fileEncoding,
    encodingDetected,
    encodingNote,
    bom: bom !== null,
    delimiter: chosen,
    delimiterDetected: delimiter === "auto",
    skipLines,
  };
}

/** Streaming the records of one CSV file with the physical line each starts on. I/O at the edge. */

import { createReadStream } from "node:fs";
import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";
import { createChunkDecoder } from "./decode.js";
import type { FileProbe } from "./probe.js";

export type RawRecord =
  | { readonly kind: "record"; readonly cells: string[]; readonly line: number }
  | { readonly kind: "empty"; readonly line: number }
  /** A quote opened and never closed: everything from `line` to the end is one broken record. */
  | { readonly kind: "unclosed-quote"; readonly line: number };

/** Physical line breaks inside a value (\r\n counts once), so records spanning lines keep true line numbers. */
export function countLineBreaks(text: string): number {
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) return 0;
  let breaks = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) breaks++;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) breaks++;
  }
  return breaks;
}

async function* decodedChunks(path: string, probe: FileProbe): AsyncGenerator<string> {
  const decoder = createChunkDecoder(probe.encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const text = decoder.write(chunk as Buffer);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

function isCsvError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

/**
 * Every record of a file, header included, in order. Quotes are relaxed (a quote inside an
 * unquoted value is kept as text) and record lengths are not checked here: ragged rows are the
 * caller's to report, with their line.
 */
export async function* readRecords(path: string, probe: FileProbe): AsyncGenerator<RawRecord> {
  const parser = parse({
    delimiter: probe.delimiter,
    // Listing all three keeps files that mix line endings (appended chunks) in step.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  pipeline(Readable.from(decodedChunks(path, probe)), parser, () => {
    // Errors surface through the iteration below.
  });
  let nextLine = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      if (cells.length === 1 && cells[0] === "") {
        nextLine++;
        yield { kind: "empty", line };
        continue;
      }
      let breaks = 0;
      for (const cell of cells) breaks += countLineBreaks(cell);
      nextLine += 1 + breaks;
      yield { kind: "record", cells, line };
    }
  } catch (error) {
    if (isCsvError(error) && error.code === "CSV_QUOTE_NOT_CLOSED") {
      yield { kind: "unclosed-quote", line: nextLine };
      return;
    }
    throw error;
  } finally {
    parser.destroy();
  }
}

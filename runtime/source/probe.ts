/** Deciding how to read one export file (encoding, delimiter), from its bytes. I/O at the edge. */

import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { CodePage, DeclaredEncoding } from "../../compiler/value-formats.js";
import { CodePageScanner, contradictingCodePage, detectCodePage, readIn, wordIn, type CodePageEvidence, type CodePageReading } from "./code-page-evidence.js";
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

async function scanWords(path: string, utf8?: Utf8Scanner): Promise<CodePageEvidence> {
  const scanner = new CodePageScanner();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    scanner.feed(chunk as Buffer);
    utf8?.feed(chunk as Buffer);
  }
  return scanner.finish();
}

const CODE_PAGE_NAMES: Readonly<Record<CodePage, string>> = {
  "windows-1252": "Windows-1252",
  "latin-1": "Latin-1",
  "iso-8859-15": "ISO-8859-15",
  "windows-1250": "Windows-1250",
  "iso-8859-2": "ISO-8859-2",
  "windows-1251": "Windows-1251",
  "windows-1253": "Windows-1253",
  "windows-1254": "Windows-1254",
  "windows-1257": "Windows-1257",
};

function misreadWords(reading: CodePageReading, better: CodePageReading): string {
  const example =
    reading.example === null
      ? ""
      : ` (line ${reading.example.line}: "${reading.example.text}", in ${CODE_PAGE_NAMES[better.codePage]} "${wordIn(reading.example.bytes, better.codePage)}")`;
  return (
    `${reading.misread} of its words read in ${CODE_PAGE_NAMES[reading.codePage]} hold symbols or letters no one language writes together${example}; ` +
    `${CODE_PAGE_NAMES[better.codePage]} reads ${better.words - reading.words} more of them as words`
  );
}

/** A character's UTF-8 bytes read in a code page: what a UTF-8 file declared in it loads. */
function utf8AsCodePage(character: string, codePage: CodePage): string {
  return wordIn(Buffer.from(character, "utf8").toString("latin1"), codePage);
}

/**
 * Whether a file's words read as well in one code page as in another (a Greek file in capitals
 * reads as Cyrillic letters too): its other files' code page may then decide.
 */
export async function readsAsWellIn(path: string, detected: CodePage, other: CodePage): Promise<boolean> {
  const evidence = await scanWords(path);
  const mine = readIn(evidence, detected);
  const theirs = readIn(evidence, other);
  return theirs.definesAll && theirs.words >= mine.words && theirs.misread <= mine.misread;
}

/** A file `auto` found not to be UTF-8: Windows-1252, or the code page its words say. */
async function detectedCodePage(path: string, note: string | null): Promise<{ encoding: CodePage; note: string | null }> {
  const detected = detectCodePage(await scanWords(path));
  if (detected.codePage === "windows-1252") return { encoding: "windows-1252", note };
  const why = detected.western.definesAll ? misreadWords(detected.western, detected.reading) : "it holds bytes Windows-1252 does not define";
  return { encoding: detected.codePage, note: `not UTF-8; read as ${CODE_PAGE_NAMES[detected.codePage]}: ${why}` };
}

/**
 * Refuses a declared code page the file's words say is wrong: its rows would load with letters
 * changed, which no check downstream can see.
 */
async function checkDeclaredCodePage(path: string, declared: CodePage): Promise<void> {
  const utf8 = new Utf8Scanner();
  const evidence = await scanWords(path, utf8);
  const { validSequences, invalidBytes } = utf8.finish();
  // Text in another code page almost never has each byte above ASCII in a well-formed UTF-8 sequence.
  if (validSequences > 0 && invalidBytes === 0) {
    throw new Error(
      `declared ${declared}, but the file is written in UTF-8: ${validSequences === 1 ? "its one character above ASCII is a UTF-8 sequence" : `its ${validSequences} characters above ASCII are all UTF-8 sequences`}, ` +
        `which ${CODE_PAGE_NAMES[declared]} would read as two or three characters each ("é" as "${utf8AsCodePage("é", declared)}"); declare encoding "utf-8" in the source's csv block`,
    );
  }
  const contradiction = contradictingCodePage(evidence, declared);
  if (contradiction === null) return;
  throw new Error(
    `declared ${declared}, but the file was written in another code page: ${misreadWords(contradiction.declared, contradiction.better)}; ` +
      `declare encoding "${contradiction.better.codePage}" in the source's csv block`,
  );
}

/**
 * Reads the head of a file (and, for `auto` encoding, scans all its bytes once) to decide its
 * encoding and delimiter. A byte order mark outranks a declaration: it cannot be there by accident.
 * Throws when the declared code page misreads the file's words.
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
    if (decision.encoding === "windows-1252") ({ encoding: fileEncoding, note: encodingNote } = await detectedCodePage(path, decision.note));
  } else {
    fileEncoding = encoding;
    if (encoding !== "utf-8" && encoding !== "utf-16le" && encoding !== "utf-16be") await checkDeclaredCodePage(path, encoding);
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

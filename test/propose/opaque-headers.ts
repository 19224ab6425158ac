/**
 * Exports whose headers say nothing `flitmap init` knows: every word of every header translated
 * into an invented language, one stable token per word (`Company Name` → `Qizvob Daxuk`, the same
 * `Qizvob` wherever `Company` stands), digits and punctuation kept, so that numbered groups of
 * columns and headers two files share still look alike while no word matches the lexicon or an
 * Odoo label. The export's header lines are rewritten in place before init reads them, and the
 * hand-written package's headers are translated the same way for the comparison.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { probeFile } from "../../runtime/source/probe.js";
import { readRecordBatches } from "../../runtime/source/records.js";
import { TABLE_FILE } from "../../propose/read-export.js";
import type { PackageTargets } from "./targets.js";

const CONSONANTS = "bdgkqvxz";
const VOWELS = "aeiouy";

/** FNV-1a over the UTF-16 code units: stable across runs and machines. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** A word of the invented language for a word of a header, the same for the same word in any case. */
export function opaqueWord(word: string): string {
  let value = hash(word.normalize("NFC").toLowerCase());
  let token = "";
  // Two consonant-vowel-consonant syllables of letters CRM words rarely hold together.
  for (let syllable = 0; syllable < 2; syllable++) {
    token += CONSONANTS.charAt(value % CONSONANTS.length);
    value = Math.floor(value / CONSONANTS.length);
    token += VOWELS.charAt(value % VOWELS.length);
    value = Math.floor(value / VOWELS.length);
    token += CONSONANTS.charAt(value % CONSONANTS.length);
    value = Math.floor(value / CONSONANTS.length);
  }
  return token.charAt(0).toUpperCase() + token.slice(1);
}

/** A header with each run of letters replaced by its invented word; a group template's `{n}` is kept. */
export function opaqueHeader(header: string): string {
  return header.replace(/\{n\}|\p{L}[\p{L}\p{M}'’]*/gu, (word) => (word === "{n}" ? word : opaqueWord(word)));
}

function csvFiles(directory: string, prefix = ""): string[] {
  return readdirSync(join(directory, prefix)).flatMap((name) => {
    const path = prefix === "" ? name : `${prefix}/${name}`;
    if (statSync(join(directory, path)).isDirectory()) return csvFiles(directory, path);
    return TABLE_FILE.test(name) ? [path] : [];
  });
}

/** The byte offset just after the `lines`-th line break of a buffer (in UTF-16LE, a break is two bytes: 0A 00). */
function afterLines(bytes: Buffer, lines: number, wide: boolean): number {
  const unit = wide ? 2 : 1;
  let offset = 0;
  for (let line = 0; line < lines; line++) {
    let next = bytes.indexOf(0x0a, offset);
    while (wide && next >= 0 && (next % 2 !== 0 || bytes[next + 1] !== 0)) next = bytes.indexOf(0x0a, next + 1);
    if (next < 0) return bytes.length;
    offset = next + unit;
  }
  return offset;
}

/**
 * Rewrites the header line of every table file of an export folder (CSV, and text as spreadsheets
 * save it) with opaque headers, in ASCII (which every code page reads alike, and UTF-16LE as two
 * bytes a character), quoted where the file quoted its header. Returns the files
 * rewritten.
 */
export async function makeHeadersOpaque(directory: string): Promise<string[]> {
  const files = csvFiles(directory);
  for (const file of files) {
    const absolute = join(directory, ...file.split("/"));
    const probe = await probeFile(absolute, "auto", "auto");
    let headers: readonly string[] | undefined;
    let skip = probe.skipLines;
    for await (const batch of readRecordBatches(absolute, probe)) {
      for (const record of batch) {
        if (record.kind !== "record") continue;
        if (skip-- > 0) continue;
        headers = record.cells;
        break;
      }
      if (headers !== undefined) break;
    }
    if (headers === undefined) continue;
    const bytes = readFileSync(absolute);
    // Excel's "Unicode text" is UTF-16LE: its header is rewritten in two bytes a character.
    const wide = probe.encoding === "utf-16le";
    const characters = wide ? "utf16le" : "latin1";
    const bom = probe.bom ? (wide ? 2 : 3) : 0;
    const start = Math.max(bom, afterLines(bytes, probe.skipLines, wide));
    const end = afterLines(bytes, probe.skipLines + 1, wide);
    const original = bytes.subarray(start, end).toString(characters);
    const quoted = original.startsWith('"');
    const ending = original.endsWith("\r\n") ? "\r\n" : "\n";
    const line = headers.map((header) => (quoted ? `"${opaqueHeader(header.trim())}"` : opaqueHeader(header.trim()))).join(probe.delimiter) + ending;
    writeFileSync(absolute, Buffer.concat([bytes.subarray(0, start), Buffer.from(line, characters), bytes.subarray(end)]));
  }
  return files;
}

/** A package's targets as they read the export once its headers are opaque. */
export function opaqueTargets(targets: PackageTargets): PackageTargets {
  return {
    entities: targets.entities.map((entity) => ({
      ...entity,
      headers: new Map([...entity.headers].map(([column, header]) => [column, opaqueHeader(header)])),
      targets: new Map([...entity.targets].map(([header, found]) => [opaqueHeader(header), found])),
    })),
  };
}

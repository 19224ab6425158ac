/**
 * Test helpers: generate an export into a temporary folder, read it back with csv-parse the way
 * a consumer would, and read the defect manifest.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `flitmap-gen-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Row {
  readonly file: string;
  /** Physical line the row starts on (header = 1). */
  readonly line: number;
  /** 1-based data row number within its file. */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly Row[];
  readonly bytes: Buffer;
}

export function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Reads one CSV file. `encoding` "auto" takes UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function readCsv(dir: string, file: string, delimiter: "," | ";", encoding: "utf-8" | "auto"): CsvTable {
  const bytes = readFileSync(join(dir, file));
  const withoutBom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? bytes.subarray(3) : bytes;
  const text = encoding === "utf-8" || isValidUtf8(withoutBom) ? withoutBom.toString("utf8") : iconv.decode(withoutBom, "win1252");
  const records = parse(text, { delimiter, relax_column_count: false });
  const [header, ...data] = records;
  if (header === undefined) throw new Error(`${file} has no header`);
  let line = 2;
  const rows: Row[] = data.map((cells, index) => {
    const values: Record<string, string> = {};
    header.forEach((name, at) => {
      values[name] = cells[at] ?? "";
    });
    const row: Row = { file, line, row: index + 1, values };
    line += 1 + cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    return row;
  });
  return { file, header, rows, bytes };
}

export interface ManifestDefect {
  readonly kind: string;
  readonly entity: string;
  readonly file: string;
  readonly line: number | null;
  readonly row: number | null;
  readonly key: string | null;
  readonly column?: string;
  readonly value?: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface ManifestFile {
  readonly path: string;
  readonly entity: string;
  readonly encoding: "utf-8" | "windows-1252";
  readonly bom: boolean;
  readonly delimiter: string;
  readonly rows: number;
  readonly lines: number;
}

export interface Manifest {
  readonly system: string;
  readonly seed: string;
  readonly rows: number;
  readonly chunkSize: number | null;
  readonly defects: readonly ManifestDefect[];
  readonly counts: {
    readonly total: number;
    readonly byKind: Readonly<Record<string, number>>;
    readonly byEntity: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  readonly rates: readonly { kind: string; entity: string; columns: readonly string[]; every: number; appearance: string }[];
  readonly entities: Readonly<Record<string, { files: readonly string[]; records: number; rows: number }>>;
  readonly files: readonly ManifestFile[];
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "defects.json"), "utf8")) as Manifest;
}

export interface OdooSeed {
  readonly users: readonly { login: string; email: string; name: string; active: boolean }[];
  readonly products: readonly { default_code: string; name: string; list_price: number }[];
}

export function readSeed(dir: string): OdooSeed {
  return JSON.parse(readFileSync(join(dir, "odoo-seed.json"), "utf8")) as OdooSeed;
}

/** Manifest count for (kind, entity), 0 when absent. */
export function manifestCount(manifest: Manifest, kind: string, entity?: string): number {
  if (entity === undefined) return manifest.counts.byKind[kind] ?? 0;
  return manifest.counts.byEntity[kind]?.[entity] ?? 0;
}

/** sha256 of every file under `dir`, by relative path with `/`. */
export function treeDigest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split("\\").join("/"), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return out;
}

/** `dd?MM?yyyy` as a real calendar date. */
export function isCalendarDate(text: string, separator: "/" | "-"): boolean {
  const match = new RegExp(`^(\\d{2})\\${separator}(\\d{2})\\${separator}(\\d{4})$`).exec(text);
  if (match === null) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `dd?MM?yyyy HH:mm` with a real date and time; returns minutes since 1970 or null. */
export function dateTimeMinutes(text: string, separator: "/" | "-"): number | null {
  const match = new RegExp(`^(\\d{2}\\${separator}\\d{2}\\${separator}\\d{4}) (\\d{2}):(\\d{2})$`).exec(text);
  if (match === null || !isCalendarDate(match[1] ?? "", separator)) return null;
  const [day, month, year] = (match[1] ?? "").split(separator).map(Number) as [number, number, number];
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return Date.UTC(year, month - 1, day, hours, minutes) / 60000;
}

export const UK_MONEY = /^£\d{1,3}(,\d{3})*\.\d{2}$/;
export const NL_MONEY = /^\d{1,3}(\.\d{3})*,\d{2}$/;
export const NL_DECIMAL = /^\d+(,\d{1,2})?$/;
export const INTEGER = /^\d+$/;

/** Leading/trailing whitespace or a doubled space, in a single-line cell. */
export function hasStrayWhitespace(value: string): boolean {
  return !value.includes("\n") && value !== "" && (/^\s|\s$/.test(value) || value.includes("  "));
}

/** Counts PNG chunk CRCs independently of node:zlib (table-driven CRC-32). */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32Of(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface PngCheck {
  readonly width: number;
  readonly height: number;
  readonly chunks: readonly string[];
  readonly idat: Buffer;
}

/** Parses a PNG, checking the signature and every chunk CRC; throws on any fault. */
export function checkPng(bytes: Buffer): PngCheck {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error("bad PNG signature");
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let at = 8;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString("ascii");
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    if (crc32Of(bytes.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === "IDAT") idat.push(Buffer.from(data));
    chunks.push(type);
    at += 12 + length;
  }
  if (at !== bytes.length) throw new Error("PNG has trailing bytes");
  return { width, height, chunks, idat: Buffer.concat(idat) };
}

/** Checks a PDF's header, trailer and that every xref offset points at its object. */
export function checkPdf(bytes: Buffer): { objects: number } {
  const text = bytes.toString("latin1");
  if (!text.startsWith("%PDF-1.")) throw new Error("no %PDF header");
  if (!text.endsWith("%%EOF\n")) throw new Error("no %%EOF trailer");
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  if (startxref === null) throw new Error("no startxref");
  const xrefAt = Number(startxref[1]);
  if (text.slice(xrefAt, xrefAt + 5) !== "xref\n") throw new Error("startxref does not point at xref");
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (header === null) throw new Error("bad xref header");
  const count = Number(header[1]);
  const entries = text
    .slice(xrefAt + header[0].length)
    .split("\n")
    .slice(0, count);
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    const expected = `${index + 1} 0 obj`;
    if (text.slice(offset, offset + expected.length) !== expected) throw new Error(`xref entry ${index + 1} does not point at its object`);
  });
  if (!/trailer\n<< \/Size \d+ \/Root 1 0 R/.test(text)) throw new Error("no trailer dictionary");
  return { objects: count - 1 };
}

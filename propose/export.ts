/**
 * What `flitmap init` knows of an export: per table file (CSV, or text as spreadsheets save it)
 * its encoding, delimiter, headers and a sample of rows (read at the edge, in
 * cli/commands/init.ts), and the files grouped into entities:
 * one entity per file, or per chunk group (`relaties_001.csv`, `relaties_002.csv`, ... become
 * `relaties_*.csv`). Pure.
 */
import type { Delimiter, FileEncoding } from "../runtime/source/detect.js";
import { compareNatural } from "../runtime/source/files.js";
import { conceptWords, pascalCase } from "./words.js";

export interface ExportFile {
  /** Relative to the export folder, `/`-separated. */
  readonly path: string;
  readonly encoding: FileEncoding;
  /** Why the encoding was chosen, when it is worth saying (mixed bytes, no UTF-8). */
  readonly encodingNote: string | null;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  /** The first data rows of the file, as read (cells in header order). */
  readonly rows: readonly (readonly string[])[];
  /** Data rows in the whole file. */
  readonly rowCount: number;
}

export interface ExportSample {
  readonly files: readonly ExportFile[];
  /** Other files of the export folder (attachments), relative and `/`-separated. */
  readonly otherFiles: readonly string[];
  /** Table files without even a header line: nothing to propose from. */
  readonly emptyFiles?: readonly string[];
  /** Text files (`.txt`, `.tsv`, `.tab`) that hold no table: a note beside the export, not read. */
  readonly proseFiles?: readonly string[];
}

/** The files of one entity. */
export interface FileGroup {
  /** The file name without extension and chunk number: `relaties`. */
  readonly stem: string;
  /** The glob the entity reads: `relaties_*.csv`, or the file name itself. */
  readonly pattern: string;
  readonly files: readonly ExportFile[];
  /** The entity name proposed for it: `Relation`, `QuoteLine`, `Company`. */
  readonly name: string;
  /** Concept words of the stem (`offerteregels` → quote, line). */
  readonly words: readonly string[];
}

const CHUNKED = /^(.*?)([_-]?)(\d+)(\.[^./]+)$/;

function splitChunk(path: string): { folder: string; stem: string; separator: string; chunked: boolean; extension: string } {
  const slash = path.lastIndexOf("/");
  const folder = slash < 0 ? "" : path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const chunk = CHUNKED.exec(name);
  if (chunk !== null && (chunk[1] ?? "") !== "") {
    return { folder, stem: chunk[1] ?? "", separator: chunk[2] ?? "", chunked: true, extension: chunk[4] ?? "" };
  }
  const dot = name.lastIndexOf(".");
  return { folder, stem: dot < 0 ? name : name.slice(0, dot), separator: "", chunked: false, extension: dot < 0 ? "" : name.slice(dot) };
}

/** Files with the same key belong to one entity (`relaties_001.csv` and `relaties_002.csv`). */
export function chunkGroupKey(path: string): string {
  const parts = splitChunk(path);
  return `${parts.folder}${parts.stem}${parts.chunked ? "#" : ""}`;
}

/** Concept words of a file stem, each made singular: `contact_companies` → contact, company. */
export function stemWords(stem: string): string[] {
  return conceptWords(stem.replace(/[_-]+/g, " "));
}

/**
 * Groups the files of an export into entities: files whose names differ only in a trailing chunk
 * number form one group read through a glob. A single numbered file (`facturen_001.csv`) gets the
 * glob too, since the next export may bring more chunks.
 */
export function groupFiles(files: readonly ExportFile[]): FileGroup[] {
  const groups = new Map<string, { stem: string; pattern: string; files: ExportFile[] }>();
  for (const file of [...files].sort((left, right) => compareNatural(left.path, right.path))) {
    const parts = splitChunk(file.path);
    const pattern = parts.chunked ? `${parts.folder}${parts.stem}${parts.separator}*${parts.extension}` : file.path;
    const key = chunkGroupKey(file.path);
    const group = groups.get(key) ?? { stem: parts.stem, pattern, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  const used = new Set<string>();
  return [...groups.values()].map((group) => {
    const words = stemWords(group.stem);
    let name = pascalCase(words.flatMap((word) => word.split(" ")).filter((word) => /^[a-z0-9]+$/.test(word)));
    if (name === "" || !/^[A-Za-z]/.test(name)) name = `Entity${name}`;
    let unique = name;
    for (let counter = 2; used.has(unique); counter++) unique = `${name}${counter}`;
    used.add(unique);
    return { stem: group.stem, pattern: group.pattern, files: group.files, name: unique, words };
  });
}

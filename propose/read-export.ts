/**
 * Reading an export for `flitmap init`: every CSV file of the folder and its sub-folders, and every
 * text file that holds a table (`.txt` as Excel saves "Unicode text", `.tsv`, `.tab`), whatever
 * its delimiter and encoding (through the reader's own probe and record batches in
 * runtime/source), a bounded sample of rows per entity, and the source's name from the folder's.
 * The only I/O of the proposer; what it reads is the plain data of export.ts.
 */
import { occurrenceHeaders } from "../runtime/source/file-layout.js";
import { readdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { compareNatural } from "../runtime/source/files.js";
import { CODE_PAGES, type CodePage, type DeclaredEncoding } from "../compiler/value-formats.js";
import { probeFile, readsAsWellIn } from "../runtime/source/probe.js";
import { readRecordBatches } from "../runtime/source/records.js";
import { chunkGroupKey, type ExportFile, type ExportSample } from "./export.js";

/** Rows read per entity (all its chunks together) for the proposal; the rest are only counted. */
export const DEFAULT_SAMPLE_ROWS = 5000;

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

async function listFiles(directory: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(directory, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(directory, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Reads one table file's encoding, delimiter, header and first rows; counts the rest. */
export async function readExportFile(directory: string, path: string, sampleRows: number, encoding: DeclaredEncoding = "auto"): Promise<ExportFile | undefined> {
  const absolute = join(directory, ...path.split("/"));
  const probe = await probeFile(absolute, encoding, "auto");
  let skip = probe.skipLines;
  let headers: string[] | undefined;
  const rows: string[][] = [];
  let rowCount = 0;
  for await (const batch of readRecordBatches(absolute, probe)) {
    for (const record of batch) {
      if (record.kind !== "record") continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (headers === undefined) {
        // A header's later occurrences are named as the reader reads them (`Telefoon (2)`), so none is lost.
        headers = occurrenceHeaders(record.cells.map((cell) => cell.trim()));
        continue;
      }
      rowCount++;
      if (rows.length < sampleRows) rows.push(record.cells);
    }
  }
  if (headers === undefined) return undefined;
  return { path, encoding: probe.encoding, encodingNote: probe.encodingNote, bom: probe.bom, delimiter: probe.delimiter, headers, rows, rowCount };
}

/** The files init reads as tables: CSV, and text as spreadsheets save it (Excel's "Unicode text" is a `.txt`). */
export const TABLE_FILE = /\.(?:csv|txt|tsv|tab)$/i;
const TEXT_FILE = /\.(?:txt|tsv|tab)$/i;

/**
 * Whether a text file holds a table rather than prose (a `liesmich.txt` beside the export): a
 * header of two columns or more over rows, most rows as many cells as it, and cells not the clauses of
 * sentences (most after a delimiter opening with a space, as after a comma in a sentence). A CSV
 * file is a table by its name, whatever its columns.
 */
function isTable(file: ExportFile): boolean {
  // A line of prose split at its commas looks like a header: a table's header heads rows.
  if (file.headers.length < 2 || file.rows.length === 0) return false;
  const fitting = file.rows.filter((row) => row.length === file.headers.length).length;
  if (fitting * 2 < file.rows.length) return false;
  const later = file.rows.flatMap((row) => row.slice(1)).filter((cell) => cell !== "");
  return later.filter((cell) => cell.startsWith(" ")).length * 2 <= later.length;
}

/**
 * Every table file of an export folder (sub-folders included), read for a proposal: the first
 * `sampleRows` rows of each entity (its chunks in order, so repeats at chunk edges show), and
 * every file counted to the end. Memory stays bounded whatever the export's size. The files not
 * read are listed, so that init can say which it skipped.
 */
export async function readExport(directory: string, sampleRows = DEFAULT_SAMPLE_ROWS): Promise<ExportSample> {
  const paths = (await listFiles(directory)).sort(compareNatural);
  const files: ExportFile[] = [];
  const otherFiles: string[] = [];
  const emptyFiles: string[] = [];
  const proseFiles: string[] = [];
  const budgets = new Map<string, number>();
  for (const path of paths) {
    if (!TABLE_FILE.test(path)) {
      otherFiles.push(path);
      continue;
    }
    const group = chunkGroupKey(path);
    const budget = budgets.get(group) ?? sampleRows;
    const file = await readExportFile(directory, path, budget);
    if (file === undefined) {
      emptyFiles.push(path);
      continue;
    }
    if (TEXT_FILE.test(path) && !isTable(file)) {
      proseFiles.push(path);
      continue;
    }
    budgets.set(group, budget - file.rows.length);
    files.push(file);
  }
  return { files: await sharedCodePage(directory, files), otherFiles, emptyFiles, proseFiles };
}

function isCodePage(encoding: string): encoding is CodePage {
  return (CODE_PAGES as readonly string[]).includes(encoding);
}

/**
 * An export's files come from one system, in one code page: a file whose words read as well in
 * the code page most of its other single-byte files are in (a short file of Greek capitals, which
 * read as Cyrillic letters too) is read in that one.
 */
async function sharedCodePage(directory: string, files: readonly ExportFile[]): Promise<ExportFile[]> {
  const counts = new Map<CodePage, number>();
  for (const file of files) if (isCodePage(file.encoding)) counts.set(file.encoding, (counts.get(file.encoding) ?? 0) + 1);
  const [shared, count] = [...counts.entries()].sort((left, right) => right[1] - left[1])[0] ?? [];
  if (shared === undefined || count === undefined || count * 2 <= [...counts.values()].reduce((sum, each) => sum + each, 0)) return [...files];
  const reread: ExportFile[] = [];
  for (const file of files) {
    const absolute = join(directory, ...file.path.split("/"));
    const again =
      isCodePage(file.encoding) && file.encoding !== shared && (await readsAsWellIn(absolute, file.encoding, shared))
        ? await readExportFile(directory, file.path, file.rows.length, shared)
        : undefined;
    reread.push(again === undefined ? file : { ...again, rowCount: file.rowCount });
  }
  return reread;
}

/** Folder names that say nothing about the system the export comes from. */
const GENERIC_FOLDERS = new Set(["sample", "samples", "export", "exports", "data", "csv", "input", "source", "files", "download", "downloads"]);

/** The source's name from the export folder: `exports/perfectview` → perfectview; `perfectview-to-odoo/sample` → perfectview. */
export function sourceNameOf(directory: string): string {
  let folder = basename(resolve(directory));
  if (GENERIC_FOLDERS.has(folder.toLowerCase())) folder = basename(dirname(resolve(directory)));
  const name = folder
    .toLowerCase()
    .replace(/[-_ ]?to[-_ ]?odoo$/, "")
    .replace(/[-_ ](?:exports?|data|csv|dump)$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return name === "" || /^\d/.test(name) ? `export_${name}` : name;
}

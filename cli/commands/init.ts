/**
 * `flitmap init`: reads an export (every CSV, whatever its delimiter and encoding), proposes a
 * mapping package for the target Odoo (compiler/propose), and writes it, formatted, to a folder
 * that a specialist then corrects. All file reading and writing happens here; the proposal is pure.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { listShippedSeries, loadSchemaFile, loadShippedCatalog, type OdooSchema } from "../../compiler/catalog/index.js";
import type { ExportFile, ExportSample } from "../../compiler/propose/export.js";

import { probeFile } from "../../runtime/source/probe.js";
import { readRecordBatches } from "../../runtime/source/records.js";
import type { CommandContext } from "../context.js";
import { UsageError } from "../files.js";
import type { RegisterCommand } from "../program.js";
import { formatText } from "./fmt.js";

/** Rows read per file for the proposal; the rest are only counted. */
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

/** Reads one CSV file's encoding, delimiter, header and first rows; counts the rest. */
export async function readExportFile(directory: string, path: string, sampleRows: number): Promise<ExportFile | undefined> {
  const absolute = join(directory, ...path.split("/"));
  const probe = await probeFile(absolute, "auto", "auto");
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
        headers = record.cells.map((cell) => cell.trim());
        continue;
      }
      rowCount++;
      if (rows.length < sampleRows) rows.push(record.cells);
    }
  }
  if (headers === undefined) return undefined;
  return { path, encoding: probe.encoding, encodingNote: probe.encodingNote, bom: probe.bom, delimiter: probe.delimiter, headers, rows, rowCount };
}

/** Every CSV file of an export folder (sub-folders included), read for a proposal. */
export async function readExport(directory: string, sampleRows = DEFAULT_SAMPLE_ROWS): Promise<ExportSample> {
  const paths = (await listFiles(directory)).sort();
  const files: ExportFile[] = [];
  const otherFiles: string[] = [];
  for (const path of paths) {
    if (!/\.csv$/i.test(path)) {
      otherFiles.push(path);
      continue;
    }
    const file = await readExportFile(directory, path, sampleRows);
    if (file !== undefined) files.push(file);
  }
  return { files, otherFiles };
}

/** Copies of the Perfect Books sample export with the small, common mistakes a user's export has, made by editing its CSV text. */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { temporaryDirectory } from "./helpers.js";

export const PERFECTBOOKS = resolve(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
export const PERFECTBOOKS_SAMPLE = join(PERFECTBOOKS, "sample");

export interface SampleCopy {
  readonly path: string;
  /** The file's rows (header first), as read without the product. */
  rows(file: string): string[][];
  /** Writes the file anew from rows. */
  write(file: string, rows: readonly (readonly string[])[]): void;
  /** Writes the file's bytes as given. */
  writeBytes(file: string, content: string | Buffer): void;
  remove(): void;
}

export function sampleCopy(prefix = "flitmap-sample-copy-"): SampleCopy {
  const directory = temporaryDirectory(prefix);
  cpSync(PERFECTBOOKS_SAMPLE, directory.path, { recursive: true });
  return {
    path: directory.path,
    rows: (file) => parse(readFileSync(join(directory.path, file), "utf8"), { bom: true, relax_column_count: true }),
    write: (file, rows) => writeFileSync(join(directory.path, file), rows.map((row) => csvLine(row)).join("")),
    writeBytes: (file, content) => writeFileSync(join(directory.path, file), content),
    remove: directory.remove,
  };
}

/** A CSV line as the sample's files have them (comma, CRLF, quotes only where a value needs them). */
function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")}\r\n`;
}

/** The rows without the column of that header. */
export function withoutColumn(rows: readonly (readonly string[])[], header: string): string[][] {
  const position = rows[0]?.indexOf(header) ?? -1;
  if (position < 0) throw new Error(`no column ${header}`);
  return rows.map((row) => row.filter((_, index) => index !== position));
}

/** The copies and folders a test file makes, each removed after its test (`afterEach(scratch.cleanUp)`). */
export interface Scratch {
  copy(): SampleCopy;
  folder(prefix?: string): string;
  cleanUp(): void;
}

export function scratch(): Scratch {
  const cleanups: (() => void)[] = [];
  return {
    copy() {
      const made = sampleCopy();
      cleanups.push(made.remove);
      return made;
    },
    folder(prefix = "flitmap-scratch-") {
      const made = temporaryDirectory(prefix);
      cleanups.push(made.remove);
      return made.path;
    },
    cleanUp() {
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}

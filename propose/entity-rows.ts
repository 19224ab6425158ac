/**
 * The rows of one entity as profiling reads them: every file of its chunk group, by header, and
 * what identifies a row. Pure.
 */
import type { FileGroup } from "./export.js";

/** The rows of an entity, by header. */
export interface EntityRows {
  readonly headers: string[];
  /** Per header, its values in row order. */
  readonly columns: Map<string, string[]>;
  /** Per row, the index of the file it comes from. */
  readonly fileOfRow: number[];
}

/** The rows of every file of a group, by header (files of one chunk group may order or miss headers differently). */
export function collectRows(group: FileGroup): EntityRows {
  const headers: string[] = [];
  for (const file of group.files) for (const header of file.headers) if (!headers.includes(header.trim())) headers.push(header.trim());
  const columns = new Map<string, string[]>(headers.map((header) => [header, []]));
  const fileOfRow: number[] = [];
  group.files.forEach((file, fileIndex) => {
    const positions = headers.map((header) => file.headers.findIndex((candidate) => candidate.trim() === header));
    for (const row of file.rows) {
      fileOfRow.push(fileIndex);
      headers.forEach((header, index) => {
        const position = positions[index] ?? -1;
        columns.get(header)?.push(position < 0 ? "" : (row[position] ?? ""));
      });
    }
  });
  return { headers, columns, fileOfRow };
}

/** Words saying a column identifies something: a key, or a reference to another entity's key. */
export const ID_WORDS: ReadonlySet<string> = new Set(["id", "number", "nr", "no", "code", "key", "login", "reference", "ref"]);

/** A key as compared: trimmed, and numbers without leading zeros (`007` and `7` are one key). */
export function trimmedKey(value: string): string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
}

/** Which columns identify a row, and why. */
export interface KeyChoice {
  readonly columns: readonly string[];
  readonly evidence: string;
  readonly uncertain: boolean;
}

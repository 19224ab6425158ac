/** Finding the files of a chunked export (`relations_*.csv`) in the order they were written. */

import { readdir } from "node:fs/promises";
import picomatch from "picomatch";

const DIGITS = /(\d+)/;

/**
 * Natural order: digit runs compare as numbers, so `relations_2.csv` comes before
 * `relations_10.csv`. Equal numbers with different zero padding fall back to plain order,
 * which keeps the comparison total.
 */
export function compareNatural(left: string, right: string): number {
  const leftParts = left.split(DIGITS);
  const rightParts = right.split(DIGITS);
  const length = Math.min(leftParts.length, rightParts.length);
  for (let index = 0; index < length; index++) {
    const leftPart = leftParts[index] ?? "";
    const rightPart = rightParts[index] ?? "";
    if (leftPart === rightPart) continue;
    if (index % 2 === 1) {
      const difference = Number(leftPart) - Number(rightPart);
      if (difference !== 0 && Number.isFinite(difference)) return difference < 0 ? -1 : 1;
      if (leftPart.length !== rightPart.length) return leftPart.length - rightPart.length;
    }
    return leftPart < rightPart ? -1 : 1;
  }
  if (leftParts.length !== rightParts.length) return leftParts.length - rightParts.length;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Files under `directory` whose path relative to it matches `pattern` (a glob, `/`-separated),
 * naturally sorted. Sub-folders are searched only when the pattern names one.
 */
export async function listMatchingFiles(directory: string, pattern: string): Promise<string[]> {
  const matches = picomatch(pattern, { dot: false, nocase: false });
  const recursive = pattern.includes("/");
  const entries = await readdir(directory, { withFileTypes: true, recursive });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const parent = entry.parentPath;
    const relative = relativeTo(directory, parent, entry.name);
    if (matches(relative)) files.push(relative);
  }
  return files.sort(compareNatural);
}

function relativeTo(directory: string, parent: string, name: string): string {
  const base = directory.replace(/[\\/]+$/, "");
  const folder = parent.replace(/[\\/]+$/, "");
  if (folder === base || folder === ".") return name;
  const inner = folder.startsWith(base) ? folder.slice(base.length).replace(/^[\\/]+/, "") : folder;
  return inner === "" ? name : `${inner.split(/[\\/]/).join("/")}/${name}`;
}

/** Finding .flitmap files under the paths a user gives. */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { UsageError } from "./errors.js";

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "dist", "out"]);

async function walk(directory: string, found: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith(".")) await walk(path, found);
    } else if (entry.isFile() && entry.name.endsWith(".flitmap")) {
      found.push(path);
    }
  }
}

/** Every .flitmap file under the given files and folders, sorted, each once. */
export async function findFlitmapFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths.length === 0 ? ["."] : paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) throw new UsageError(`${path}: no such file or folder`);
    if (info.isDirectory()) await walk(absolute, found);
    else if (absolute.endsWith(".flitmap")) found.push(absolute);
    else throw new UsageError(`${path}: not a .flitmap file`);
  }
  return [...new Set(found)];
}

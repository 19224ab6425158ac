/**
 * The fingerprint of an export: a hash of every file under its folder (relative path and
 * content), the CSV files and the attachments the rows name alike. Two runs of one plan on exports
 * with the same fingerprint read the same rows and ask their lookups the same questions.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export async function exportFingerprint(directory: string): Promise<string> {
  const hash = createHash("sha256");
  for (const path of await filesUnder(directory)) {
    hash.update(relative(directory, path).split(sep).join("/"));
    hash.update("\u0000");
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 32);
}

/** Every file under `directory`, in a stable order. */
async function filesUnder(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of (await readdir(directory, { withFileTypes: true })).sort((left, right) =>
    left.name < right.name ? -1 : left.name > right.name ? 1 : 0,
  )) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * The folder `run --out` writes import files to. A run never mixes its files with another's: an
 * empty folder is used as it is; a folder an earlier run wrote is emptied of exactly what that run
 * wrote (its manifest lists it) before the new run writes; any other folder, or one holding files
 * beside an earlier run's, is refused with what is in the way.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const MANIFEST_FILE = "manifest.json";

/** Why a folder cannot take a run's import files. */
export class OutFolderRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutFolderRefused";
  }
}

/** Every file under `directory`, relative to it with `/`, sorted. */
function filesUnder(directory: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(directory, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...filesUnder(directory, path));
    else files.push(path);
  }
  return files.sort();
}

/** The files an earlier run wrote, as its manifest lists them (the manifest itself included); undefined without a readable manifest. */
function earlierRunFiles(directory: string): Set<string> | undefined {
  const path = join(directory, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  if (manifest === null || typeof manifest !== "object" || !("files" in manifest) || !Array.isArray(manifest.files)) return undefined;
  const files = new Set([MANIFEST_FILE]);
  for (const file of manifest.files) if (file !== null && typeof file === "object" && "file" in file && typeof file.file === "string") files.add(file.file);
  if ("written" in manifest && Array.isArray(manifest.written)) for (const file of manifest.written) if (typeof file === "string") files.add(file);
  return files;
}

/**
 * Makes `directory` ready for a run's import files: returns the earlier run's files it removed.
 * Throws `OutFolderRefused` when it is a file, or holds anything an earlier run did not write.
 */
export function prepareOutFolder(directory: string, shown: string): readonly string[] {
  if (!existsSync(directory)) return [];
  if (!statSync(directory).isDirectory()) throw new OutFolderRefused(`--out ${shown} is a file: give a folder for the import files`);
  const present = filesUnder(directory);
  if (present.length === 0) return [];
  const earlier = earlierRunFiles(directory);
  if (earlier === undefined)
    throw new OutFolderRefused(
      `--out ${shown} is not empty and no earlier run wrote it (it has no ${MANIFEST_FILE}): give an empty or new folder, so that the import files are not mixed with others`,
    );
  const foreign = present.filter((file) => !earlier.has(file));
  if (foreign.length > 0)
    throw new OutFolderRefused(
      `--out ${shown} holds files the earlier run there did not write (${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", ..." : ""}): move them away or give another folder, so that the import files are not mixed with others`,
    );
  for (const file of present) rmSync(join(directory, file));
  for (const folder of new Set(present.filter((file) => file.includes("/")).map((file) => file.slice(0, file.indexOf("/")))))
    if (readdirSync(join(directory, folder)).length === 0) rmSync(join(directory, folder), { recursive: true });
  return present;
}

/**
 * Adds files a run wrote beside its import files (summary, reject files) to its manifest, so that
 * the next run replaces them too. A run that halted before writing has no manifest yet: it gets one
 * listing no import file.
 */
export function recordRunFiles(directory: string, paths: readonly string[]): void {
  const path = join(directory, MANIFEST_FILE);
  const manifest: unknown = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : { files: [] };
  if (manifest === null || typeof manifest !== "object") return;
  const before = "written" in manifest && Array.isArray(manifest.written) ? manifest.written.filter((file): file is string => typeof file === "string") : [];
  const written = paths.map((file) => relative(directory, file).split(sep).join("/"));
  writeFileSync(path, `${JSON.stringify({ ...manifest, written: [...new Set([...before, ...written])].sort() }, null, 2)}\n`);
}

/**
 * Which files make up the package of a document, and their text: a package is every `.flitmap`
 * file of one folder (as in `flitmap check`), read from disk, with the unsaved text of the files
 * open in the editor laid over it.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SourceFile } from "../../compiler/analyze.js";

export const FLITMAP_EXTENSION = ".flitmap";

/** The file system, as far as the server reads it; tests may pass another. */
export interface FileSystem {
  /** Paths of the `.flitmap` files directly in `folder`; none when the folder does not exist. */
  listPackageFiles(folder: string): Promise<string[]>;
  /** The file's text, or undefined when it cannot be read (deleted meanwhile). */
  readText(path: string): Promise<string | undefined>;
  /** Paths of every `.flitmap` file under `root`, skipping dependencies, build output and hidden folders. */
  listWorkspaceFiles(root: string): Promise<string[]>;
  /** When the file last changed (ms), or undefined when it is gone. */
  modifiedAt(path: string): Promise<number | undefined>;
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "dist", "out"]);

export const nodeFileSystem: FileSystem = {
  async listPackageFiles(folder) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile() && entry.name.endsWith(FLITMAP_EXTENSION)).map((entry) => join(folder, entry.name));
  },
  async readText(path) {
    return readFile(path, "utf8").catch(() => undefined);
  },
  async listWorkspaceFiles(root) {
    const found: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) await walk(path);
        else if (entry.isFile() && entry.name.endsWith(FLITMAP_EXTENSION)) found.push(path);
      }
    };
    await walk(root);
    return found.sort();
  },
  async modifiedAt(path) {
    const info = await stat(path).catch(() => undefined);
    return info?.mtimeMs;
  },
};

/** A document as the editor has it: its URI and (unsaved) text. */
export interface OpenDocument {
  readonly uri: string;
  readonly text: string;
}

/** The file path of a `file:` URI; other schemes (an untitled editor) have none. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/** The package a document belongs to: its folder, or for a document that is not a file, the document alone. */
export function packageKeyOf(uri: string): string {
  const path = pathOfUri(uri);
  return path === undefined ? uri : dirname(path);
}

/**
 * The files of one package: those on disk, each with the editor's text when it is open, plus files
 * open in the editor but not yet saved in that folder. Sorted by path, so results do not depend on
 * the order files were opened.
 */
export function overlayPackage(folder: string, diskFiles: readonly SourceFile[], openDocuments: readonly OpenDocument[]): SourceFile[] {
  const byPath = new Map<string, string>(diskFiles.map((file) => [file.path, file.text]));
  for (const document of openDocuments) {
    const path = pathOfUri(document.uri);
    if (path !== undefined && dirname(path) === folder && basename(path).endsWith(FLITMAP_EXTENSION)) byPath.set(path, document.text);
  }
  return [...byPath.entries()].map(([path, text]) => ({ path, text })).sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}

/** Reads one package: the folder's files from disk, with the open documents laid over them. */
export async function readPackage(folder: string, openDocuments: readonly OpenDocument[], fileSystem: FileSystem): Promise<SourceFile[]> {
  const openPaths = new Set(openDocuments.map((document) => pathOfUri(document.uri)));
  const paths = await fileSystem.listPackageFiles(folder);
  // Open files need no disk read: the editor's text wins anyway.
  const disk = await Promise.all(paths.filter((path) => !openPaths.has(path)).map(async (path) => ({ path, text: await fileSystem.readText(path) })));
  const readable = disk.filter((file): file is SourceFile => file.text !== undefined);
  return overlayPackage(folder, readable, openDocuments);
}

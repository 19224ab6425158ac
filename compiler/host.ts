/**
 * What the compiler reads from the outside world. The CLI reads the disk; the language server
 * lays the editor's unsaved documents over it, so both check exactly the same text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

export interface CompilerHost {
  /** The text of a file, or undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** The .flitmap files directly in a folder (a package), sorted. */
  packageFiles(directory: string): string[];
  isDirectory(path: string): boolean;
}

export const diskHost: CompilerHost = {
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  packageFiles(directory) {
    try {
      return readdirSync(directory)
        .filter((name) => name.endsWith(".flitmap"))
        .sort()
        .map((name) => join(directory, name))
        .filter((path) => statSync(path).isFile());
    } catch {
      return [];
    }
  },
  isDirectory(path) {
    return existsSync(path) && statSync(path).isDirectory();
  },
};

/** A host whose files are given in memory, over another host for the rest. */
export function overlayHost(files: ReadonlyMap<string, string>, base: CompilerHost = diskHost): CompilerHost {
  return {
    readFile: (path) => files.get(path) ?? base.readFile(path),
    packageFiles(directory) {
      const fromBase = base.packageFiles(directory);
      const fromOverlay = [...files.keys()].filter((path) => path.endsWith(".flitmap") && dirname(path) === directory);
      return [...new Set([...fromBase, ...fromOverlay])].sort();
    },
    isDirectory: (path) => base.isDirectory(path) || [...files.keys()].some((file) => file.startsWith(`${path}/`)),
  };
}

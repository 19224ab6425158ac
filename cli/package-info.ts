/** Facts about the installed Flitmap package, found from wherever this code was loaded. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding Flitmap's package.json, whether running from source, dist/ or the bundle. */
export function packageRoot(): string | undefined {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(directory, "package.json");
    if (existsSync(manifest)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
        if (parsed !== null && typeof parsed === "object" && "name" in parsed && parsed.name === "flitmap") return directory;
      } catch {
        // Not ours: keep looking upwards.
      }
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

export function packageVersion(): string {
  const root = packageRoot();
  if (root === undefined) return "0.0.0";
  const parsed: unknown = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return parsed !== null && typeof parsed === "object" && "version" in parsed && typeof parsed.version === "string" ? parsed.version : "0.0.0";
}

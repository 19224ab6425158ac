#!/usr/bin/env node
// npm's prepare script: builds dist/ (tsc, then the CLI bundle) unless it is already built from the
// sources as they are. `npx flitmap` in a clone installs the clone as a linked package, and npm runs
// prepare for it again: without this check, the first `npx flitmap` rebuilt everything (a minute).
// `npm run build` always builds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** What the build reads: the folders tsconfig.json compiles, and the files that say how. */
const SOURCE_FOLDERS = ["language", "compiler", "runtime", "propose", "cli"];
const SOURCE_FILES = ["package.json", "package-lock.json", "tsconfig.json", "scripts/bundle.mjs"];
/** What it writes last in each of its two steps. */
const OUTPUTS = ["dist/language/index.js", "dist/flitmap-cli.cjs"];

function newestIn(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isBuilt() {
  if (!OUTPUTS.every((output) => existsSync(join(root, output)))) return false;
  const built = Math.min(...OUTPUTS.map((output) => statSync(join(root, output)).mtimeMs));
  const sources = Math.max(
    ...SOURCE_FOLDERS.map((folder) => newestIn(join(root, folder))),
    ...SOURCE_FILES.filter((file) => existsSync(join(root, file))).map((file) => statSync(join(root, file)).mtimeMs),
  );
  return built >= sources;
}

if (isBuilt()) {
  process.stdout.write("flitmap: dist/ is built from the current sources; not rebuilt (npm run build rebuilds it)\n");
} else {
  for (const [command, args] of [
    ["npx", ["tsc", "-p", "tsconfig.json"]],
    [process.execPath, ["scripts/bundle.mjs"]],
  ]) {
    const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

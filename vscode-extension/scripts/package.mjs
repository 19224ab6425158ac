#!/usr/bin/env node
// Builds the bundles and packs the extension into out/flitmap.vsix with @vscode/vsce, offline.
// The bundles carry every dependency, so the .vsix holds no node_modules (--no-dependencies).
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(extensionRoot, "out", "flitmap.vsix");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: extensionRoot, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(extensionRoot, "scripts", "build.mjs")]);
mkdirSync(dirname(output), { recursive: true });
const vsce = join(dirname(createRequire(import.meta.url).resolve("@vscode/vsce/package.json")), "vsce");
run(process.execPath, [vsce, "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", output]);
console.log(`flitmap.vsix: ${(statSync(output).size / 1024).toFixed(0)} KiB at ${output}`);

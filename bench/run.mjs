#!/usr/bin/env node
// Runs a TypeScript benchmark the way the product runs: bundled by esbuild (as the CLI is), not
// through tsx, whose name-keeping wrappers on every closure distort parser timings several-fold.
// Usage: node bench/run.mjs bench/parse.ts [args...]
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write("usage: node bench/run.mjs <benchmark.ts> [args...]\n");
  process.exit(2);
}
const directory = mkdtempSync(join(tmpdir(), "flitmap-bench-"));
const outfile = join(directory, "bench.mjs");
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: "warning",
  });
  const result = spawnSync(process.execPath, ["--expose-gc", outfile, ...args], { stdio: "inherit", cwd: process.cwd() });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(directory, { recursive: true, force: true });
}

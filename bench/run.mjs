#!/usr/bin/env node
// Runs a TypeScript benchmark the way the product runs: bundled by esbuild (as the CLI is), not
// through tsx, whose name-keeping wrappers on every closure distort parser timings several-fold.
// Usage: node bench/run.mjs bench/parse.ts [args...]
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

// Modules find files next to themselves (the Odoo catalogs, the double's recordings) through
// import.meta.url; in one bundle in a temporary folder that would be the bundle's address, so each
// module is given its own source file's address instead, as when it runs unbundled.
const ownLocation = {
  name: "own-import-meta",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.")) return undefined;
      const contents = source
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

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
    plugins: [ownLocation],
  });
  const result = spawnSync(process.execPath, ["--expose-gc", outfile, ...args], { stdio: "inherit", cwd: process.cwd() });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(directory, { recursive: true, force: true });
}

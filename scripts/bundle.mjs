#!/usr/bin/env node
// Bundles the CLI into dist/flitmap-cli.mjs. Loading chevrotain's hundreds of lodash-es modules
// one by one costs the CLI close to a second at every start; one bundled file loads in a tenth.
import { build } from "esbuild";

await build({
  entryPoints: { "flitmap-cli": "cli/main.ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  // Bundled CommonJS packages (xmlrpc, commander) call require(): give the ES module one.
  banner: { js: "import { createRequire as __flitmapCreateRequire } from 'node:module'; const require = __flitmapCreateRequire(import.meta.url);" },
  logLevel: "warning",
});

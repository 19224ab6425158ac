#!/usr/bin/env node
// Bundles the extension into dist/: extension.js (CommonJS, as VS Code loads extensions) and
// server.mjs (the language server with the compiler core). Bundling matters twice: the .vsix ships
// no node_modules, and loading chevrotain's hundreds of lodash-es modules one by one would cost the
// server most of a second at every start. The shipped Odoo catalogs go to dist/catalogs/, one of
// the folders compiler/catalog/load.ts looks in (next to the bundled server).
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const repositoryRoot = join(extensionRoot, "..");
const dist = join(extensionRoot, "dist");
const production = !process.argv.includes("--dev");

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
// This package is "type": "module" (for the TypeScript sources); the client bundle is CommonJS.
writeFileSync(join(dist, "package.json"), '{ "type": "commonjs" }\n');

const common = { bundle: true, platform: "node", target: "node20", minify: production, sourcemap: production ? false : "inline", logLevel: "warning", legalComments: "none" };

await build({
  ...common,
  entryPoints: [join(extensionRoot, "client", "extension.ts")],
  outfile: join(dist, "extension.js"),
  format: "cjs",
  external: ["vscode"],
});

await build({
  ...common,
  entryPoints: [join(extensionRoot, "server", "main.ts")],
  outfile: join(dist, "server.mjs"),
  format: "esm",
  // Bundled CommonJS packages (vscode-languageserver) call require(): give the ES module one.
  banner: { js: "import { createRequire as __flitmapCreateRequire } from 'node:module'; const require = __flitmapCreateRequire(import.meta.url);" },
});

cpSync(join(repositoryRoot, "compiler", "catalogs"), join(dist, "catalogs"), { recursive: true });

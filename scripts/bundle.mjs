#!/usr/bin/env node
// Bundles the CLI into one file, dist/flitmap-cli.cjs, which bin/flitmap.js compiles with V8's code
// cache (what V8 compiled in an earlier start of the same command is read back instead of compiled
// again: about a sixth of a `flitmap check` start). Node 20 has no code cache for ES modules
// (module.enableCompileCache() came with 22.1), so the bundle is a script in CommonJS form, run by
// vm.Script, on every Node alike. Loading chevrotain's hundreds of lodash-es modules one by one
// would cost the CLI close to a second at every start; one file loads in a tenth.
//
// The bundle's first line ends with a hash of the bundle: the code cache is kept by that hash and
// the Node version, since V8 itself checks only the source's length before trusting a cache.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const CLI_BUNDLE = "dist/flitmap-cli.cjs";
/** Replaced by the hash, which has its length: lines and columns (the source map's) stay as built. */
const HASH_PLACEHOLDER = "0".repeat(16);

/**
 * zod's messages in English only: its other locales (a third of zod, which `check` loads for the
 * catalogs' schema) are exported as `z.locales` for a program to choose one, and Flitmap does not.
 */
const zodInEnglish = {
  name: "zod-in-english",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(join("node_modules", "zod")) ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-locales" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

const result = await build({
  entryPoints: ["cli/main.ts"],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: CLI_BUNDLE,
  write: false,
  sourcemap: "linked",
  // The bundle is read whole at every start, so what `check` does not run is left out: Prettier (2 MB
  // of parsers for other languages), the encodings' tables, the CSV reader and XML-RPC stay where npm
  // installed them (all CommonJS or with a CommonJS build), and the commands that use them load them
  // with require() (a vm.Script has no loader for import()).
  external: ["prettier", "iconv-lite", "csv-parse", "xmlrpc"],
  supported: { "dynamic-import": false },
  // Spaces and comments out (a quarter of the bundle); names kept, for the stack of an internal error.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodInEnglish],
  // Modules find the catalogs and package.json from their own address; in the bundle that is the
  // bundle's, which bin/flitmap.js hands to it as __flitmapBundleUrl beside CommonJS's require and __filename.
  define: { "import.meta.url": "__flitmapBundleUrl" },
  // A comment, so that the bundle's "use strict" stays its first statement.
  banner: { js: `// flitmap-cli ${HASH_PLACEHOLDER}` },
  logLevel: "warning",
});

mkdirSync("dist", { recursive: true });
for (const output of result.outputFiles) {
  if (output.path.endsWith(".cjs")) {
    const hash = createHash("sha256").update(output.contents).digest("hex").slice(0, HASH_PLACEHOLDER.length);
    writeFileSync(output.path, output.text.replace(`// flitmap-cli ${HASH_PLACEHOLDER}`, `// flitmap-cli ${hash}`));
  } else writeFileSync(output.path, output.contents);
}

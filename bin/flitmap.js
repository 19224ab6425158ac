#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm ci` (the package's prepare script); this file only hands over.
import { main } from "../dist/flitmap-cli.mjs";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`flitmap: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

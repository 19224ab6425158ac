#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm ci` (the package's prepare script); this file only hands over.
import { main } from "../dist/flitmap-cli.mjs";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // The trace first, for the bug report; the reason last, as for every exit code that is not 0.
    if (error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    process.stderr.write(`flitmap: internal error (a bug in Flitmap): ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

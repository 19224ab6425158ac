#!/usr/bin/env node
// The CLI is compiled to dist/flitmap-cli.cjs by `npm ci` (the package's prepare script); this file
// hands over, through V8's code cache: what V8 compiled in an earlier start of the same command is
// read back instead of compiled again (scripts/bundle.mjs says why the bundle is a script). The
// cache is an optimisation only: missing, stale, damaged or unwritable, the CLI runs the same.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";

const BUNDLE = fileURLToPath(new URL("../dist/flitmap-cli.cjs", import.meta.url));
/**
 * FLITMAP_CODE_CACHE names the folder (`off`: none); else beside dist/ first and, where that is not
 * writable (a global install), the system's temporary folder.
 */
const CACHE_SETTING = process.env.FLITMAP_CODE_CACHE;
const CACHE_FOLDERS =
  CACHE_SETTING === "off"
    ? []
    : CACHE_SETTING
      ? [CACHE_SETTING]
      : [join(dirname(BUNDLE), ".cache"), join(tmpdir(), `flitmap-code-cache-${process.getuid?.() ?? "user"}`)];

/**
 * Whether code in `folder` may be trusted: V8 runs what a cache holds, so a folder another user
 * owns (one planted in a shared temporary folder) is never read or written.
 */
function ownFolder(folder) {
  if (process.getuid === undefined) return true;
  try {
    return statSync(folder).uid === process.getuid();
  } catch {
    return false;
  }
}
/** The cache of a start that names no command (`--help`, `--version`); a mistyped name has none. */
const NO_COMMAND = "other";

/** The cache file's name: the bundle's hash (V8 checks only the source's length), Node's version, the command. */
function cacheName(hash, command) {
  return `flitmap-cli-${hash}-${process.version}-${process.arch}-${command}.v8`;
}

function readCache(hash, command) {
  for (const folder of CACHE_FOLDERS) {
    if (!ownFolder(folder)) continue;
    try {
      return readFileSync(join(folder, cacheName(hash, command)));
    } catch {
      // Not there: the next place, or no cache.
    }
  }
  return undefined;
}

/** Writes the cache (whole or not at all: a rename), and drops the caches of earlier builds. */
function writeCache(script, hash, command) {
  if (CACHE_FOLDERS.length === 0) return;
  const data = script.createCachedData();
  for (const folder of CACHE_FOLDERS) {
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      if (!ownFolder(folder)) continue;
      const path = join(folder, cacheName(hash, command));
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, path);
      for (const name of readdirSync(folder)) {
        if (name.startsWith("flitmap-cli-") && !name.startsWith(`flitmap-cli-${hash}-`)) rmSync(join(folder, name), { force: true });
      }
      return;
    } catch {
      // Not writable here: the next place, or no cache.
    }
  }
}

function loadCli(argv) {
  const source = readFileSync(BUNDLE, "utf8");
  // A copy, not a slice: a slice would keep the bundle's whole text (3.7 MB of heap) for the command's lifetime.
  const hash = Buffer.from(/^\/\/ flitmap-cli ([0-9a-f]+)\n/.exec(source)?.[1] ?? "", "latin1").toString("latin1") || undefined;
  const command = /^[a-z]+$/.test(argv[2] ?? "") ? argv[2] : NO_COMMAND;
  const cachedData = hash === undefined ? undefined : readCache(hash, command);
  // The bundle runs as CommonJS does (strict, as the ES modules it was built from).
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __flitmapBundleUrl) {"use strict";${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), pathToFileURL(BUNDLE).href);
  const { main, COMMAND_NAMES } = module.exports;
  const saveCache = () => {
    if (hash === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
    if (command !== NO_COMMAND && !COMMAND_NAMES.includes(command)) return;
    try {
      writeCache(script, hash, command);
    } catch {
      // V8 could not serialise: the next start compiles again.
    }
  };
  return { main, saveCache };
}

const { main, saveCache } = loadCli(process.argv);
main(process.argv).then(
  (code) => {
    process.exitCode = code;
    // After the command: the cache then holds every function it compiled.
    saveCache();
  },
  (error) => {
    // The trace first, for the bug report; the reason last, as for every exit code that is not 0.
    if (error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    process.stderr.write(`flitmap: internal error (a bug in Flitmap): ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

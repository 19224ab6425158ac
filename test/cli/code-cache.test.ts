/**
 * bin/flitmap.js keeps V8's code cache of the CLI bundle, one per command: an optimisation only. A
 * start writes the cache of its command; a cache that is damaged, or a folder where none can be
 * written, changes nothing of what the command says or how it ends.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, temporaryDirectory, type CliResult } from "./helpers.js";

let cache: { path: string; remove: () => void };

beforeEach(() => {
  cache = temporaryDirectory("flitmap-code-cache-");
});

afterEach(() => {
  cache.remove();
});

function checkWithCache(folder: string, args: readonly string[] = ["check", "mappings/perfectbooks-to-odoo"]): CliResult {
  return runCli(args, { env: { FLITMAP_CODE_CACHE: folder } });
}

describe("the CLI's code cache", () => {
  it("is written by a command's first start and changes nothing of its output", () => {
    const without = checkWithCache("off");
    const first = checkWithCache(cache.path);
    const files = readdirSync(cache.path);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^flitmap-cli-[0-9a-f]{16}-${process.version}-${process.arch}-check\\.v8$`));
    const second = checkWithCache(cache.path);
    expect(first).toEqual(without);
    expect(second).toEqual(without);
    expect(without.status).toBe(0);
  });

  it("is written anew when damaged, and the command runs as without it", () => {
    const without = checkWithCache("off");
    checkWithCache(cache.path);
    const [name] = readdirSync(cache.path);
    if (name === undefined) throw new Error("no cache was written");
    const path = join(cache.path, name);
    const written = readFileSync(path);
    writeFileSync(path, written.subarray(0, written.length >> 1));
    expect(checkWithCache(cache.path)).toEqual(without);
    expect(readFileSync(path).length).toBeGreaterThan(written.length >> 1);
  });

  it("is not written for a mistyped command, nor where it cannot be", () => {
    const mistyped = checkWithCache(cache.path, ["chek", "mappings"]);
    expect(mistyped.status).toBe(2);
    expect(readdirSync(cache.path)).toEqual([]);
    const blocked = join(cache.path, "a-file");
    writeFileSync(blocked, "");
    expect(checkWithCache(blocked)).toEqual(checkWithCache("off"));
  });
});

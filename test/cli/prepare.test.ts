/**
 * `npx flitmap` in a clone installs the clone as a linked package, and npm runs its prepare
 * script again: scripts/prepare.mjs must leave a dist/ built from the current sources alone
 * (it used to rebuild everything, a minute, at the first `npx flitmap`). The suite runs after
 * `npm run build`, so dist/ is current here.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const BUNDLE = join(ROOT, "dist/flitmap-cli.cjs");

describe("npm's prepare script", () => {
  it("does not rebuild a dist/ built from the current sources", () => {
    const before = statSync(BUNDLE).mtimeMs;
    const result = spawnSync(process.execPath, ["scripts/prepare.mjs"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("dist/ is built from the current sources; not rebuilt");
    expect(statSync(BUNDLE).mtimeMs).toBe(before);
  });
});

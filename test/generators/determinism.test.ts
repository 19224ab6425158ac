import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, type CliOptions } from "../../mappings/generators/cli.js";
import { REPO_ROOT } from "../../mappings/generators/samples.js";
import { readManifest, removeDir, tempDir, treeDigest } from "./helpers.js";

const dirs: string[] = [];
function run(options: Omit<CliOptions, "outDir" | "overwrite">): string {
  const outDir = tempDir(options.system);
  dirs.push(outDir);
  generate({ ...options, outDir, overwrite: false });
  return outDir;
}

afterAll(() => dirs.forEach(removeDir));

describe("determinism", () => {
  it.each([
    ["perfectbooks", 1000],
    ["perfectview", 100],
  ] as const)("%s: the same seed and size give byte-identical exports, another seed does not", (system, chunkSize) => {
    const options = { system, rows: 1500, seed: "same", chunkSize };
    const first = treeDigest(run(options));
    const second = treeDigest(run(options));
    expect(first.size).toBeGreaterThan(10);
    expect([...second.entries()]).toEqual([...first.entries()]);
    const other = treeDigest(run({ ...options, seed: "other" }));
    const changed = [...first.keys()].filter((path) => other.get(path) !== first.get(path));
    expect(changed.length).toBeGreaterThan(first.size / 2);
  });

});

describe("streaming", () => {
  it("writes 100,000 rows with a 32 MB JavaScript heap, far less than the export", () => {
    const outDir = tempDir("stream");
    dirs.push(outDir);
    const result = spawnSync(
      process.execPath,
      ["--max-old-space-size=32", "--import", "tsx", join(REPO_ROOT, "mappings/generators/cli.ts"), "perfectbooks", "--rows", "100000", "--seed", "s", "--out", outDir, "--overwrite"],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^perfectbooks: 10 CSV files, \d+ data rows/);
    const manifest = readManifest(outDir);
    const records = ["Company", "Contact", "Deal", "Note", "Attachment", "Task"].reduce((sum, entity) => sum + (manifest.entities[entity]?.records ?? 0), 0);
    expect(records).toBe(100_000);
    expect(readdirSync(join(outDir, "files")).length).toBe((manifest.entities.Attachment?.records ?? 0) - (manifest.counts.byKind.missing_file ?? 0));
  });
});

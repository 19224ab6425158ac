import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, parseCli } from "../../mappings/generators/cli.js";
import { removeDir, tempDir } from "./helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe("generator CLI", () => {
  it("parses the documented options", () => {
    const options = parseCli(["perfectview", "--rows", "2500", "--seed", "abc", "--out", "/tmp/x", "--chunk-size", "200"]);
    expect(options).toEqual({ system: "perfectview", rows: 2500, seed: "abc", outDir: "/tmp/x", chunkSize: 200, overwrite: false });
    expect(parseCli(["perfectbooks", "--rows", "100", "--out", "/tmp/y"])).toMatchObject({ seed: "1", chunkSize: 1000 });
  });

  it("refuses sizes out of range, unknown systems and tiny chunks", () => {
    expect(() => parseCli(["perfectbooks", "--rows", "99", "--out", "/tmp/x"])).toThrow(/--rows must be from 100 to 10000000, got 99/);
    expect(() => parseCli(["perfectbooks", "--rows", "1e3", "--out", "/tmp/x"])).toThrow(/--rows must be a whole number/);
    expect(() => parseCli(["hubspot", "--rows", "100", "--out", "/tmp/x"])).toThrow(/unknown system "hubspot"/);
    expect(() => parseCli(["perfectview", "--rows", "100", "--out", "/tmp/x", "--chunk-size", "5"])).toThrow(/--chunk-size must be from 10/);
  });

  it("will not write into a folder that holds something unless told to, and never deletes foreign files", () => {
    const dir = tempDir("cli");
    dirs.push(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(() => generate({ system: "perfectbooks", rows: 100, seed: "1", outDir: dir, chunkSize: 1000, overwrite: false })).toThrow(/is not empty .*pass --overwrite/);
    expect(() => generate({ system: "perfectbooks", rows: 100, seed: "1", outDir: dir, chunkSize: 1000, overwrite: true })).toThrow(/holds files this generator does not write \(notes.txt\)/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);

    const clean = join(dir, "export");
    mkdirSync(clean);
    generate({ system: "perfectview", rows: 300, seed: "1", outDir: clean, chunkSize: 50, overwrite: false });
    const before = readdirSync(clean).length;
    generate({ system: "perfectview", rows: 100, seed: "1", outDir: clean, chunkSize: 1000, overwrite: true });
    const after = readdirSync(clean);
    expect(after.length).toBeLessThan(before);
    expect(after).not.toContain("relaties_002.csv");
  });
});

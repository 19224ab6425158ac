import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../mappings/generators/cli.js";
import { perfectBooksRates } from "../../mappings/generators/perfectbooks.js";
import { perfectViewRates } from "../../mappings/generators/perfectview.js";
import { REPO_ROOT, sampleCommand, sampleOptions, SAMPLES } from "../../mappings/generators/samples.js";
import { readManifest, removeDir, tempDir, treeDigest } from "./helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe.each(SAMPLES.map((sample) => [sample.system, sample] as const))("committed %s sample", (system, sample) => {
  it(`is what \`${sampleCommand(sample)}\` writes, byte for byte`, () => {
    const outDir = tempDir(`sample-${system}`);
    dirs.push(outDir);
    generate(sampleOptions(sample, outDir));
    const committed = treeDigest(join(REPO_ROOT, sample.dir));
    committed.delete(".gitattributes");
    expect([...committed.entries()]).toEqual([...treeDigest(outDir).entries()]);
  });

  it("holds a few hundred rows and every defect kind of its system at least once", () => {
    const manifest = readManifest(join(REPO_ROOT, sample.dir));
    const rows = manifest.files.reduce((sum, file) => sum + file.rows, 0);
    expect(rows).toBeGreaterThanOrEqual(300);
    expect(rows).toBeLessThan(600);
    const rates = system === "perfectbooks" ? perfectBooksRates() : perfectViewRates();
    for (const rate of rates) {
      if (rate.entity === "*") expect(manifest.counts.byKind[rate.kind], rate.kind).toBeGreaterThan(0);
      else expect(manifest.counts.byEntity[rate.kind]?.[rate.entity], `${rate.kind} on ${rate.entity}`).toBeGreaterThan(0);
    }
  });
});

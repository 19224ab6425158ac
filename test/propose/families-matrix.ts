/**
 * The families' per-column agreement at other sizes and seeds than the test's:
 * `npx tsx test/propose/families-matrix.ts [rows] [seed]` (default 600, `families`). Prints, per
 * family, the columns with the hand-written target and the structure differences, as
 * families.test.ts measures them, without loading into the double.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { generateFamily } from "../../mappings/generators/families/index.js";
import { proposePackage } from "../../propose/index.js";
import { readExport } from "../../propose/read-export.js";
import { FAMILIES, familyPackage } from "./families/support.js";
import { compareStructure, compareWithPackage, entityReading, packageTargets } from "./targets.js";

const rows = Number(process.argv[2] ?? "600");
const seed = process.argv[3] ?? "families";
const schema = loadShippedCatalog("17.0");
for (const { name } of FAMILIES) {
  const parent = mkdtempSync(join(tmpdir(), `flitmap-matrix-${name}-`));
  try {
    const path = join(parent, `${name}-export`);
    generateFamily(name, { rows, seed }, path);
    const proposed = proposePackage(await readExport(path), {
      sourceName: name,
      target: { kind: "series", series: "17.0" },
      schema,
      directory: join(parent, "proposed"),
    });
    const folder = familyPackage(name);
    const handTexts = readdirSync(folder)
      .filter((file) => file.endsWith(".flitmap"))
      .map((file) => readFileSync(join(folder, file), "utf8"));
    const mine = packageTargets(
      proposed.files.map((file) => file.text),
      schema,
    );
    const reference = packageTargets(handTexts, schema);
    const files = readdirSync(path).filter((file) => /\.(csv|txt)$/.test(file) && entityReading(reference, file) !== undefined);
    const comparison = compareWithPackage(mine, reference, files, "hand-written");
    const structure = compareStructure(
      { texts: proposed.files.map((file) => file.text), targets: mine },
      { texts: handTexts, targets: reference },
      files,
      schema,
    );
    process.stdout.write(
      `${name} (${rows} rows, seed ${seed}): ${comparison.equal} of ${comparison.compared} (${(comparison.share * 100).toFixed(1)}%); structure differences: ${structure.length}\n`,
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

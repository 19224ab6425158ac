/**
 * One family's measurement, as families.test.ts makes it: the export generated, `flitmap init`'s
 * proposal, and its per-column agreement and structure against the specialist's package. With
 * `opaque`, the export's headers are first made unknown (opaque-headers.ts), so that only the
 * values, the links between files and the target schema can decide.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { generateFamily, FAMILY_SAMPLE } from "../../mappings/generators/families/index.js";
import type { FamilyOptions } from "../../mappings/generators/families/family.js";
import { proposePackage, type ProposedPackage } from "../../propose/index.js";
import { readExport } from "../../propose/read-export.js";
import { familyPackage } from "./families/support.js";
import { makeHeadersOpaque, opaqueTargets } from "./opaque-headers.js";
import { compareStructure, compareWithPackage, entityReading, packageTargets, type Comparison } from "./targets.js";

export interface FamilyMeasure {
  readonly comparison: Comparison;
  readonly structure: readonly string[];
  readonly proposed: ProposedPackage;
  /** The generated export (opaque headers when asked), kept until `remove`. */
  readonly exportPath: string;
  remove(): void;
}

export async function measureFamily(name: string, options: { readonly sample?: FamilyOptions; readonly opaque?: boolean } = {}): Promise<FamilyMeasure> {
  const parent = mkdtempSync(join(tmpdir(), `flitmap-measure-${name}-`));
  const remove = (): void => rmSync(parent, { recursive: true, force: true });
  try {
    const path = join(parent, `${name}-export`);
    generateFamily(name, options.sample ?? FAMILY_SAMPLE, path);
    if (options.opaque === true) await makeHeadersOpaque(path);
    const schema = loadShippedCatalog("17.0");
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
    const written = packageTargets(handTexts, schema);
    const reference = options.opaque === true ? opaqueTargets(written) : written;
    const files = readdirSync(path).filter((file) => /\.(csv|txt)$/i.test(file) && entityReading(reference, file) !== undefined);
    const comparison = compareWithPackage(mine, reference, files, "hand-written");
    const structure = compareStructure(
      { texts: proposed.files.map((file) => file.text), targets: mine },
      { texts: handTexts, targets: reference },
      files,
      schema,
    );
    return { comparison, structure, proposed, exportPath: path, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** `casebook: 33 of 43 (76.7%); structure differences: 2`. */
export function measureLine(name: string, measure: Pick<FamilyMeasure, "comparison" | "structure">): string {
  const { comparison, structure } = measure;
  return `${name}: ${comparison.equal} of ${comparison.compared} (${(comparison.share * 100).toFixed(1)}%); structure differences: ${structure.length}`;
}

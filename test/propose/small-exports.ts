/**
 * Small exports written inside tests: a `;`-separated text as the reader would hand its file over
 * (no quoting), and the proposal `flitmap init` builds from such files for Odoo 17.0.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { ProposalBuilder } from "../../propose/build.js";
import type { BuildOptions } from "../../propose/build-state.js";
import { profileEntities } from "../../propose/entities.js";
import type { ExportFile } from "../../propose/export.js";
import { proposePackage, type ProposedPackage } from "../../propose/index.js";
import type { PackageProposal, TargetProposal } from "../../propose/proposal.js";
import { readExport } from "../../propose/read-export.js";
import { loadSample, type LoadedSample } from "../mappings/support.js";
import { temporaryDirectory } from "../runtime/support.js";

export function exportFile(path: string, text: string): ExportFile {
  const [header = "", ...lines] = text.trim().split("\n");
  const rows = lines.map((line) => line.split(";"));
  return { path, encoding: "utf-8", encodingNote: null, bom: false, delimiter: ";", headers: header.split(";"), rows, rowCount: rows.length };
}

/** The proposal for these files, as built before it is written. */
export function proposalFor(files: readonly ExportFile[], options: Pick<BuildOptions, "doneActivities"> = {}): PackageProposal {
  return new ProposalBuilder(profileEntities({ files, otherFiles: [] }), {
    migrationName: "test_to_odoo",
    sourceName: "test",
    target: { kind: "series", series: "17.0" },
    schema: loadShippedCatalog("17.0"),
    ...options,
  }).build();
}

/** The expression a proposal assigns to a field in the map or split of a file, if any. */
export function assignment(proposal: PackageProposal, pattern: string, field: string): string | undefined {
  const declaration = proposal.entities.find((candidate) => candidate.entity.pattern === pattern)?.declaration;
  const bodies = declaration === undefined ? [] : declaration.kind === "map" ? [declaration.target.body] : declaration.targets.map((target) => target.body);
  for (const line of bodies.flat()) if (line.kind === "assign" && line.field === field) return line.expression;
  return undefined;
}

/** The expression a split's target assigns to a field, if any. */
export function targetLine(target: TargetProposal | undefined, field: string): string | undefined {
  const found = target?.body.find((candidate) => candidate.kind === "assign" && candidate.field === field);
  return found?.kind === "assign" ? found.expression : undefined;
}

/** Writes the files into the folder and proposes a package for them, as `flitmap init` does. */
export async function proposeExport(
  directory: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: Pick<BuildOptions, "doneActivities"> = {},
): Promise<ProposedPackage> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return proposePackage(await readExport(directory), {
    ...options,
    sourceName: "crm",
    target: { kind: "series", series: "17.0" },
    schema: loadShippedCatalog("17.0"),
    directory: join(directory, "out"),
  });
}

/**
 * `flitmap init` on these files (no users in the target), its package checked without errors, no
 * line refused, then run into a fresh Odoo double: what the run loaded.
 */
export async function loadProposed(files: Readonly<Record<string, string | Uint8Array>>, check: (sample: LoadedSample) => void): Promise<void> {
  const folder = temporaryDirectory("flitmap-small-export-");
  try {
    const out = join(folder.path, "out");
    mkdirSync(out);
    writeFileSync(join(folder.path, "odoo-seed.json"), JSON.stringify({ users: [] }));
    const proposed = await proposeExport(folder.path, files);
    expect(proposed.demoted).toEqual([]);
    for (const written of proposed.files) writeFileSync(join(out, written.name), written.text);
    const analysis = analyzeDirectory(out);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const sample = await loadSample(emitPlan(analysis), folder.path);
    try {
      expect(sample.first.status).toBe("complete");
      check(sample);
    } finally {
      await sample.close();
    }
  } finally {
    folder.remove();
  }
}

/** The declaration of a column in a proposed package's source block. */
export function columnLine(proposed: ProposedPackage, column: string): string {
  const text = proposed.files.map((file) => file.text).join("\n");
  return text.split("\n").find((line) => line.trimStart().startsWith(`${column} `)) ?? "";
}

/**
 * What a run leaves behind for people: the reconciliation table, the reject files (one CSV per
 * entity: where each rejected row came from and why), and the run's summary as JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvLine } from "../targets/files-target.js";
import type { RunResult } from "./run-types.js";

export function reconciliationTable(result: RunResult): string {
  const header = ["entity", "read", "loaded", "linked", "skipped", "rejected", "duplicates", "not selected", ""];
  const rows = result.entities.map((entity) => {
    const accounted = entity.loaded + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected;
    return [
      entity.entity,
      entity.read,
      entity.loaded,
      entity.linked,
      entity.skipped,
      entity.rejected,
      entity.duplicates,
      entity.notSelected,
      accounted === entity.read ? "ok" : "MISMATCH",
    ].map(String);
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const format = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [format(header), ...rows.map(format)].join("\n");
}

/** Writes reject files and the summary under `directory`; returns the paths written. */
export function writeRunOutputs(result: RunResult, directory: string): { summary: string; rejects: string[] } {
  mkdirSync(directory, { recursive: true });
  const rejectsDirectory = join(directory, "rejects");
  const written: string[] = [];
  const byEntity = new Map<string, RunResult["rejects"][number][]>();
  for (const reject of result.rejects) byEntity.set(reject.entity, [...(byEntity.get(reject.entity) ?? []), reject]);
  if (byEntity.size > 0) mkdirSync(rejectsDirectory, { recursive: true });
  for (const [entity, rejects] of byEntity) {
    const columns = [...new Set(rejects.flatMap((reject) => Object.keys(reject.cells ?? {})))];
    const lines = [csvLine(["file", "line", "key", "step", "reason", ...columns])];
    for (const reject of rejects) {
      lines.push(
        csvLine([
          reject.file ?? "",
          reject.line === undefined ? "" : String(reject.line),
          reject.key ?? "",
          reject.step ?? "",
          reject.reason,
          ...columns.map((column) => reject.cells?.[column] ?? ""),
        ]),
      );
    }
    const path = join(rejectsDirectory, `${entity}.csv`);
    writeFileSync(path, lines.join(""));
    written.push(path);
  }
  const summary = join(directory, "run-summary.json");
  writeFileSync(summary, `${JSON.stringify({ ...result, rejects: result.rejects.length }, null, 2)}\n`);
  return { summary, rejects: written };
}

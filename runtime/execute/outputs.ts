/**
 * What a run leaves behind for people: the reconciliation table, the reject files (one CSV per
 * entity: where each rejected row came from and why), and the run's summary as JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spreadsheetCsvLine } from "../csv-text.js";
import type { RunResult } from "./run-types.js";
import type { RunVerdict } from "./verdict.js";

/**
 * Every row of every entity, accounted for; the last column says "ok" only when an entity's rows
 * add up and the verdict found no problem with it ("problem": said after the table).
 */
export function reconciliationTable(result: RunResult, verdict?: RunVerdict): string {
  const troubled = new Set(verdict?.problems.flatMap((problem) => (problem.entity === undefined ? [] : [problem.entity])) ?? []);
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
      accounted !== entity.read ? "MISMATCH" : troubled.has(entity.entity) ? "problem" : "ok",
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

/** Writes reject files and the summary (with the verdict's problems, when judged) under `directory`; returns the paths written. */
export function writeRunOutputs(result: RunResult, directory: string, verdict?: RunVerdict): { summary: string; rejects: string[] } {
  mkdirSync(directory, { recursive: true });
  const rejectsDirectory = join(directory, "rejects");
  const written: string[] = [];
  const byEntity = new Map<string, RunResult["rejects"][number][]>();
  for (const reject of result.rejects) byEntity.set(reject.entity, [...(byEntity.get(reject.entity) ?? []), reject]);
  if (byEntity.size > 0) mkdirSync(rejectsDirectory, { recursive: true });
  for (const [entity, rejects] of byEntity) {
    const columns = [...new Set(rejects.flatMap((reject) => Object.keys(reject.cells ?? {})))];
    const lines = [spreadsheetCsvLine(["file", "line", "key", "step", "reason", ...columns])];
    for (const reject of rejects) {
      lines.push(
        spreadsheetCsvLine([
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
  const judged = verdict === undefined ? {} : { problems: verdict.problems };
  writeFileSync(summary, `${JSON.stringify({ ...result, rejects: result.rejects.length, ...judged }, null, 2)}\n`);
  return { summary, rejects: written };
}

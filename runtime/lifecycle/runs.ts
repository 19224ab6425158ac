/**
 * `flitmap runs`: the runs a migration's journal holds, oldest first, with their state (complete,
 * interrupted, failed, halted, rolled back, rollback interrupted), mode, what they selected (a
 * sample, a delta) and what they wrote.
 */
import type { RunSummary } from "../journal/journal.js";

function selectionOf(run: RunSummary): string {
  if (run.sample !== undefined) return `sample ${run.sample} (seed ${run.seed ?? 1})`;
  if (run.since !== undefined) return `since ${run.since}`;
  return "all rows";
}

/** A table for a terminal: one line per run. */
export function runsTable(runs: readonly RunSummary[]): string {
  if (runs.length === 0) return "no runs yet: the journal is empty";
  const header = ["run", "started (UTC)", "state", "mode", "rows", "created", "updated", "refused"];
  const rows = runs.map((run) => [
    run.run,
    run.started.replace("T", " ").replace(/\.\d+Z$/, ""),
    // A run that wrote nothing needs no rollback, and stands in the way of none.
    `${run.status}${run.attempts > 1 ? ` (${run.attempts} attempts)` : ""}${run.wrote || run.status === "rolled back" ? "" : ", wrote nothing"}`,
    run.mode,
    selectionOf(run),
    String(run.created),
    String(run.updated),
    String(run.rejected),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const numeric = new Set([5, 6, 7]);
  const format = (row: readonly string[]): string =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [format(header), ...rows.map(format)].join("\n");
}

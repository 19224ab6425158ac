/**
 * What a run leaves behind for people: the reconciliation table, the reject files (one CSV per
 * entity: where each rejected row came from and why; written as the run goes when it is given
 * RejectFiles), and the run's summary as JSON.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../../compiler/plan/schema.js";
import { spreadsheetCsvLine } from "../csv-text.js";
import type { RejectRecord, RejectSink, RunResult } from "./run-types.js";
import { entitySourceSpec } from "./source-rows.js";
import type { RunVerdict } from "./verdict.js";

/**
 * Every row of every entity, accounted for; the last column says "ok" only when an entity's rows
 * add up and the verdict found no problem with it ("problem": said after the table).
 */
export function reconciliationTable(result: RunResult, verdict?: RunVerdict): string {
  const troubled = new Set(verdict?.problems.flatMap((problem) => (problem.entity === undefined ? [] : [problem.entity])) ?? []);
  // The merged column only when a row was merged onto another's record (`merge onto`).
  const merging = result.entities.some((entity) => entity.merged > 0);
  const header = ["entity", "read", "loaded", ...(merging ? ["merged"] : []), "linked", "skipped", "rejected", "duplicates", "not selected", ""];
  const rows = result.entities.map((entity) => {
    const accounted = entity.loaded + entity.merged + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected;
    return [
      entity.entity,
      entity.read,
      entity.loaded,
      ...(merging ? [entity.merged] : []),
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

/** The first columns of a reject file; the row's own cells follow, by column name. */
const REJECT_COLUMNS = ["file", "line", "key", "step", "reason"];

/** A reject as a line of its file, defused against formulas: reject files are opened in spreadsheets. */
function rejectLine(reject: RejectRecord, columns: readonly string[]): string {
  return spreadsheetCsvLine([
    reject.file ?? "",
    reject.line === undefined ? "" : String(reject.line),
    reject.key ?? "",
    reject.step ?? "",
    reject.reason,
    ...columns.map((column) => reject.cells?.[column] ?? ""),
  ]);
}

/** Text kept per reject file before it is written out. */
const REJECT_FILE_BUFFER = 1 << 16;

/**
 * Reject files written as the run rejects rows (a RejectSink): one CSV per entity under `rejects/`
 * in the run's folder, each reject with where it came from, why, and the row's cells under the
 * entity's columns. Nothing is held but a little text per file.
 */
export class RejectFiles implements RejectSink {
  private directory: string | undefined;
  private ended = false;
  private readonly files = new Map<string, { readonly path: string; readonly descriptor: number; readonly columns: readonly string[]; text: string }>();

  constructor(
    private readonly plan: Plan,
    private readonly directoryOf: (runId: string) => string,
  ) {}

  start(runId: string): void {
    this.directory = join(this.directoryOf(runId), "rejects");
  }

  write(reject: RejectRecord): void {
    const file = this.fileOf(reject.entity);
    file.text += rejectLine(reject, file.columns);
    if (file.text.length >= REJECT_FILE_BUFFER) {
      writeSync(file.descriptor, file.text);
      file.text = "";
    }
  }

  /** Writes out what is left and closes the files; again, it does nothing. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const file of this.files.values()) {
      writeSync(file.descriptor, file.text);
      file.text = "";
      closeSync(file.descriptor);
    }
  }

  /** The files written, one per entity with rejects. */
  get paths(): string[] {
    return [...this.files.values()].map((file) => file.path);
  }

  private fileOf(entityName: string): { readonly path: string; readonly descriptor: number; readonly columns: readonly string[]; text: string } {
    let file = this.files.get(entityName);
    if (file === undefined) {
      if (this.directory === undefined) throw new Error("reject files are written once the run has started");
      mkdirSync(this.directory, { recursive: true });
      const entity = this.plan.entities.find((candidate) => candidate.name === entityName);
      const columns = entity === undefined ? [] : entitySourceSpec(entity, "").columns.map((column) => column.name);
      const path = join(this.directory, `${entityName}.csv`);
      file = { path, descriptor: openSync(path, "w"), columns, text: spreadsheetCsvLine([...REJECT_COLUMNS, ...columns]) };
      this.files.set(entityName, file);
    }
    return file;
  }
}

/**
 * Writes the summary (with the verdict's problems, when judged) under `directory`, and the reject
 * files unless they were written as the run went (`rejectFiles`); returns the paths written.
 */
export function writeRunOutputs(result: RunResult, directory: string, verdict?: RunVerdict, rejectFiles?: RejectFiles): { summary: string; rejects: string[] } {
  mkdirSync(directory, { recursive: true });
  const written = rejectFiles === undefined ? writeRejectFiles(result.rejects, join(directory, "rejects")) : rejectFiles.paths;
  const summary = join(directory, "run-summary.json");
  const judged = verdict === undefined ? {} : { problems: verdict.problems };
  writeFileSync(summary, `${JSON.stringify({ ...result, rejects: result.rejects.length, ...judged }, null, 2)}\n`);
  return { summary, rejects: written };
}

function writeRejectFiles(rejects: readonly RejectRecord[], directory: string): string[] {
  const byEntity = new Map<string, RejectRecord[]>();
  for (const reject of rejects) {
    const list = byEntity.get(reject.entity);
    if (list === undefined) byEntity.set(reject.entity, [reject]);
    else list.push(reject);
  }
  if (byEntity.size > 0) mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  for (const [entity, entityRejects] of byEntity) {
    const columns = [...new Set(entityRejects.flatMap((reject) => Object.keys(reject.cells ?? {})))];
    const path = join(directory, `${entity}.csv`);
    writeFileSync(path, [spreadsheetCsvLine([...REJECT_COLUMNS, ...columns]), ...entityRejects.map((reject) => rejectLine(reject, columns))].join(""));
    written.push(path);
  }
  return written;
}

/**
 * The verdict on a run: whether its result is what the package promises. A run that read and
 * accounted for every row can still have lost data a person would not see in its counts: an
 * entity whose files match nothing reads no row, a column the package declares and a file lacks
 * leaves every value of it empty, a file saved in another encoding loses most of its rows, more
 * rows than the user accepts were rejected. Those are problems, not an "ok"; a run that halted,
 * failed or does not add up is one too. The CLI ends such a run with a non-zero exit code.
 */
import type { EntityCounts, EntitySource, RunResult } from "./run-types.js";
import { headersNoEntityDeclares } from "./unread-headers.js";

/** How many rejected rows an entity may have before the run is a failure: a number of rows, or a share of the rows read. */
export type RejectLimit = { readonly kind: "rows"; readonly rows: number } | { readonly kind: "percent"; readonly percent: number };

/**
 * By default a run fails when more than half of an entity's rows are rejected: the sample exports'
 * own defects stay below, an export read with the wrong settings (a date format, an encoding) does not.
 */
export const DEFAULT_REJECT_LIMIT: RejectLimit = { kind: "percent", percent: 50 };

/** `--max-rejects 10` or `--max-rejects 5%`; a sentence saying what is wrong otherwise. */
export function parseRejectLimit(text: string): RejectLimit | { readonly error: string } {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(trimmed);
  if (percent !== null) {
    const value = Number(percent[1]);
    if (value <= 100) return { kind: "percent", percent: value };
  } else if (/^\d+$/.test(trimmed)) return { kind: "rows", rows: Number(trimmed) };
  return { error: `--max-rejects takes a number of rows (10) or a share of each entity's rows (5%, at most 100%), not "${text}"` };
}

export function describeRejectLimit(limit: RejectLimit): string {
  return limit.kind === "rows" ? `${limit.rows} row${limit.rows === 1 ? "" : "s"}` : `${limit.percent}%`;
}

export type RunProblemKind = "run-not-complete" | "counts-mismatch" | "no-files" | "file-problem" | "missing-column" | "wrong-encoding" | "month-first" | "too-many-rejects";

/** One way the run's result falls short of what the package promises, said so that a person can act on it. */
export interface RunProblem {
  readonly kind: RunProblemKind;
  /** The entity it is about, when it is about one. */
  readonly entity?: string;
  readonly message: string;
}

/** What the run's result is, against what the package promises: its problems, and things worth knowing that are not problems. */
export interface RunVerdict {
  readonly problems: readonly RunProblem[];
  readonly notices: readonly string[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function percentOf(part: number, whole: number): string {
  return `${Math.round((part * 1000) / whole) / 10}%`;
}

function rejectsAbove(counts: EntityCounts, limit: RejectLimit): boolean {
  if (limit.kind === "rows") return counts.rejected > limit.rows;
  return counts.read > 0 && counts.rejected * 100 > limit.percent * counts.read;
}

function sourceProblems(source: EntitySource): RunProblem[] {
  const { entity } = source;
  const problems: RunProblem[] = [];
  if (source.files.length === 0 && source.problems.every((problem) => problem.file === null))
    problems.push({ kind: "no-files", entity, message: `${entity}: no file of the export matches "${source.pattern}", so none of its rows was read` });
  else for (const problem of source.problems) problems.push({ kind: "file-problem", entity, message: `${entity}: ${problem.message}` });
  for (const missing of source.missingHeaders)
    problems.push({
      kind: "missing-column",
      entity,
      message: `${entity}: ${missing.file} has no column "${missing.header}" (${missing.column}), so ${missing.rowsRejected ? "every row of it is rejected" : "its values are empty for every row of it"}`,
    });
  for (const file of source.files)
    if (file.rejectedForEncoding * 2 > file.rows)
      problems.push({
        kind: "wrong-encoding",
        entity,
        message: `${entity}: ${file.rejectedForEncoding} of ${file.rows} rows of ${file.file} were rejected because its bytes are not ${file.encoding.toUpperCase()}: the file was saved in another encoding; ${file.encoding.startsWith("utf") ? 'declare it (encoding "windows-1252", or "auto")' : 'declare the code page it was saved in (encoding "windows-1250", "windows-1251", ...)'} in the source's csv block`,
      });
  for (const file of source.files)
    if (file.rejectedForMonthFirst * 2 > file.rejected && file.monthFirstExample !== null)
      problems.push({
        kind: "month-first",
        entity,
        message: `${entity}: ${file.rejectedForMonthFirst} of ${file.rows} rows of ${file.file} were rejected for dates that read only month first ('${file.monthFirstExample}'): the file writes the month before the day (a spreadsheet set to US dates saved it again?), so its rows whose days are 12 or less were read with day and month swapped; declare its formats month first (date "M/d/yyyy") and run again`,
      });
  return problems;
}

export function judgeRun(result: RunResult, limit: RejectLimit = DEFAULT_REJECT_LIMIT): RunVerdict {
  const problems: RunProblem[] = [];
  if (result.status !== "complete")
    problems.push({ kind: "run-not-complete", message: `the run ${result.status}${result.message === undefined ? "" : `: ${result.message}`}` });
  for (const error of result.reconciliationErrors) problems.push({ kind: "counts-mismatch", message: `the counts do not add up (a bug in Flitmap): ${error}` });
  for (const source of result.sources) problems.push(...sourceProblems(source));
  for (const counts of result.entities)
    if (rejectsAbove(counts, limit))
      problems.push({
        kind: "too-many-rejects",
        entity: counts.entity,
        message: `${counts.entity}: ${counts.rejected} of ${plural(counts.read, "row")} rejected (${percentOf(counts.rejected, counts.read)}), more than --max-rejects ${describeRejectLimit(limit)}`,
      });
  const notices: string[] = [];
  const unread = headersNoEntityDeclares(result.sources);
  for (const source of result.sources) {
    for (const file of source.files) if (file.rows === 0) notices.push(`${source.entity}: ${file.file} has a header and no rows`);
    const extra = unread.get(source.entity) ?? [];
    if (extra.length > 0)
      notices.push(
        `${source.entity}: ${plural(extra.length, "column")} no mapping reads (the package does not declare ${extra.length === 1 ? "it" : "them"}): ${extra.map((header) => `"${header.header}" (${header.file})`).join(", ")}`,
      );
  }
  return { problems, notices };
}

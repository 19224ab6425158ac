/**
 * The audit report (`flitmap report`): what a run did, from what it left behind (the journal and
 * the run's summary and reject files in the migration's state folder), read against the package's
 * plan: rows in, loaded, skipped and rejected per entity and model, every decision that is not
 * obvious (lookups that fell back, table defaults, values flagged or cut, collapsed links,
 * deduplicated keys, records matched instead of created), timings and warnings. Personal columns
 * are masked throughout.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Plan } from "../../compiler/plan/schema.js";
import type { RejectRecord } from "../execute/run.js";
import { Journal, summarizeRuns, type JournalEvent, type RunSummary } from "../journal/journal.js";
import { readSpreadsheetCell } from "../csv-text.js";
import { planHash } from "../plan-file.js";
import { noteDecision, type Decision, type DecisionKind } from "./decisions.js";
import { linkBlocks } from "./expressions.js";
import { Masker } from "./mask.js";
import { maskedNotes } from "./notes.js";
import { groupRejects, type RejectGroup } from "./rejects.js";

export const REPORT_FORMAT = "flitmap-report";

/** A run's stored summary (run-summary.json): the executor's RunResult with the rejects counted. */
const StoredSummary = z.looseObject({
  runId: z.string(),
  status: z.enum(["complete", "halted", "failed"]),
  message: z.string().optional(),
  target: z.string(),
  entities: z.array(
    z.looseObject({
      entity: z.string(),
      read: z.number(),
      duplicates: z.number(),
      loaded: z.number(),
      // Summaries written before `merge onto` have none.
      merged: z.number().optional(),
      linked: z.number(),
      skipped: z.number(),
      rejected: z.number(),
      notSelected: z.number(),
    }),
  ),
  steps: z.array(
    z.looseObject({
      step: z.string(),
      model: z.string(),
      loaded: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      skipped: z.number(),
      rejected: z.number(),
      deferredWritten: z.number(),
    }),
  ),
  rejects: z.number(),
  notes: z.array(
    z.looseObject({
      kind: z.enum([
        "truncated",
        "default",
        "flagged",
        "table-default",
        "lookup-fallback",
        "lookup-ambiguous",
        "ref-ambiguous",
        "lookup-missing",
        "dangling-reference",
        "optional-link",
      ]),
      step: z.string(),
      field: z.string(),
      count: z.number(),
      examples: z.array(z.string()),
    }),
  ),
  setup: z.array(
    z.looseObject({
      kind: z.enum(["custom-field", "record"]),
      model: z.string(),
      name: z.string(),
      xmlid: z.string().optional(),
      id: z.number(),
      action: z.enum(["created", "matched", "existing"]),
    }),
  ),
  disappeared: z
    .array(
      z.looseObject({
        step: z.string(),
        model: z.string(),
        xmlid: z.string(),
        key: z.string(),
        run: z.string(),
        // Summaries written before `deleted archive` existed have no action: their records were reported.
        action: z.enum(["reported", "archived", "already archived", "not archived"]).optional(),
        why: z.string().optional(),
      }),
    )
    .optional(),
  unarchived: z.array(z.looseObject({ step: z.string(), model: z.string(), xmlid: z.string(), key: z.string(), archivedBy: z.string() })).optional(),
  reconciliationErrors: z.array(z.string()),
  // Summaries written before the run's verdict existed have none.
  problems: z.array(z.looseObject({ kind: z.string(), message: z.string(), entity: z.string().optional() })).optional(),
  startedAt: z.string(),
  durationMs: z.number(),
});
export type StoredSummary = z.infer<typeof StoredSummary>;

/** A setup item as the report reads it, from the summary or the journal. */
type SetupItem = Pick<NonNullable<StoredSummary["setup"]>[number], "kind" | "model" | "name" | "action">;

type DisappearedAction = NonNullable<NonNullable<StoredSummary["disappeared"]>[number]["action"]>;

export class ReportError extends Error {}

/** What a run left behind, as read from the state folder. */
export interface RunRecords {
  readonly run: string;
  readonly stateDirectory: string;
  /** The run as the journal tells it (live runs); dry runs and import files have no journal entry. */
  readonly journal?: RunSummary;
  /** The journal's events of this run. */
  readonly events: readonly JournalEvent[];
  readonly summary?: StoredSummary;
  readonly rejects: readonly RejectRecord[];
}

function runsDirectory(stateDirectory: string): string {
  return join(stateDirectory, "runs");
}

function readSummary(path: string): StoredSummary {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ReportError(`${path} is not JSON (${error instanceof Error ? error.message : String(error)}): the run's summary is damaged`);
  }
  const parsed = StoredSummary.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportError(
      `${path} is not a run summary this version of Flitmap reads${issue === undefined ? "" : ` (at ${issue.path.join(".")}: ${issue.message})`}`,
    );
  }
  return parsed.data;
}

/** The rejected rows of a run, as its reject files hold them (one CSV per entity). */
function readRejects(directory: string): RejectRecord[] {
  const folder = join(directory, "rejects");
  if (!existsSync(folder)) return [];
  const rejects: RejectRecord[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith(".csv")) continue;
    const entity = name.slice(0, -".csv".length);
    const rows = parse<Record<string, string>>(readFileSync(join(folder, name), "utf8"), { columns: true, skip_empty_lines: true, relax_column_count: true });
    for (const marked of rows) {
      // Reject files are written for spreadsheets, formulas defused: read back the values themselves.
      const row = Object.fromEntries(Object.entries(marked).map(([column, value]) => [column, readSpreadsheetCell(value)]));
      const cells: Record<string, string> = {};
      for (const [column, value] of Object.entries(row)) if (!["file", "line", "key", "step", "reason"].includes(column)) cells[column] = value;
      const line = Number(row["line"]);
      rejects.push({
        entity,
        ...(row["step"] ? { step: row["step"] } : {}),
        ...(row["file"] ? { file: row["file"] } : {}),
        ...(Number.isInteger(line) && line > 0 ? { line } : {}),
        ...(row["key"] ? { key: row["key"] } : {}),
        reason: row["reason"] ?? "",
        cells,
      });
    }
  }
  return rejects;
}

/** Runs with a stored summary, oldest first. */
function storedRuns(stateDirectory: string): { run: string; started: string }[] {
  const folder = runsDirectory(stateDirectory);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "run-summary.json")))
    .map((entry) => {
      let started = "";
      try {
        const json: unknown = JSON.parse(readFileSync(join(folder, entry.name, "run-summary.json"), "utf8"));
        if (json !== null && typeof json === "object" && "startedAt" in json && typeof json.startedAt === "string") started = json.startedAt;
      } catch {
        // A damaged summary sorts first; reading it says what is wrong.
      }
      return { run: entry.name, started };
    })
    .sort((left, right) => left.started.localeCompare(right.started) || left.run.localeCompare(right.run));
}

/**
 * The records of run `run` (default: the latest run, in the journal or with a stored summary).
 * Fails with what to do when the state folder holds no such run.
 */
export function readRunRecords(stateDirectory: string, run?: string): RunRecords {
  const journalPath = join(stateDirectory, "journal.jsonl");
  const journal = existsSync(journalPath) ? Journal.open(journalPath) : undefined;
  const events = journal?.events ?? [];
  const journalRuns = summarizeRuns(events);
  const stored = storedRuns(stateDirectory);
  let chosen = run;
  if (chosen === undefined) {
    const candidates = [...journalRuns.map((entry) => ({ run: entry.run, started: entry.started })), ...stored].sort((left, right) =>
      left.started.localeCompare(right.started),
    );
    chosen = candidates[candidates.length - 1]?.run;
    if (chosen === undefined)
      throw new ReportError(`${stateDirectory} holds no run yet: run the package first (flitmap run), or name the state folder with --state`);
  }
  const known = [...new Set([...journalRuns.map((entry) => entry.run), ...stored.map((entry) => entry.run)])];
  if (!known.includes(chosen)) {
    throw new ReportError(`there is no run ${chosen} in ${stateDirectory}; its runs are ${known.join(", ") || "none"} (flitmap runs lists them)`);
  }
  const summaryPath = join(runsDirectory(stateDirectory), chosen, "run-summary.json");
  const summary = existsSync(summaryPath) ? readSummary(summaryPath) : undefined;
  const entry = journalRuns.find((candidate) => candidate.run === chosen);
  return {
    run: chosen,
    stateDirectory,
    ...(entry === undefined ? {} : { journal: entry }),
    events: events.filter((event) => event.run === chosen),
    ...(summary === undefined ? {} : { summary }),
    rejects: summary === undefined ? [] : readRejects(join(runsDirectory(stateDirectory), chosen)),
  };
}

export interface EntityRows {
  readonly entity: string;
  readonly rowsIn: number;
  readonly loaded: number;
  readonly linked: number;
  readonly skipped: number;
  readonly rejected: number;
  readonly duplicates: number;
  readonly notSelected: number;
  /** rows in = loaded + linked + skipped + rejected + duplicates + not selected. */
  readonly balanced: boolean;
}

export interface ModelRows {
  readonly step: string;
  readonly model: string;
  readonly loaded: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly rejected: number;
  readonly secondPass: number;
  /** From the start of the step's writes (the previous step's last batch) to its last batch, live runs only. */
  readonly ms?: number;
}

export interface AuditReport {
  readonly format: typeof REPORT_FORMAT;
  readonly version: 1;
  readonly migration: string;
  readonly run: string;
  readonly state: string;
  readonly mode: string;
  readonly target: string;
  readonly selection: string;
  readonly started: string;
  readonly ended?: string;
  readonly durationMs?: number;
  /** Rows read per second over the whole run. */
  readonly rowsPerSecond?: number;
  readonly attempts: number;
  readonly entities: readonly EntityRows[];
  readonly models: readonly ModelRows[];
  readonly setup: {
    readonly created: number;
    readonly matched: number;
    readonly existing: number;
    readonly items: readonly { readonly kind: string; readonly model: string; readonly name: string; readonly action: string }[];
  };
  readonly decisions: readonly Decision[];
  readonly rejects: { readonly total: number; readonly groups: readonly RejectGroup[] };
  readonly warnings: readonly string[];
  /** What made the run's result not what the package promises (its verdict, when the run was judged); among the warnings too. */
  readonly problems: readonly string[];
  readonly masked: boolean;
}

/** Per step and pass: time from the previous step's last acknowledged batch (or the run's start) to its own last one. */
function stepTimings(events: readonly JournalEvent[]): Map<string, number> {
  const timings = new Map<string, number>();
  const starts = events.filter((event): event is Extract<JournalEvent, { type: "run-start" }> => event.type === "run-start");
  const start = starts[starts.length - 1];
  if (start === undefined) return timings;
  let boundary = Date.parse(start.time);
  const lastEnd = new Map<string, number>();
  for (const event of events) {
    if (event.type === "run-start") boundary = Date.parse(event.time);
    if (event.type !== "batch-end" || event.time === undefined) continue;
    const key = `${event.step}\u0000${event.pass}`;
    const time = Date.parse(event.time);
    if (!lastEnd.has(key)) {
      // A new step starts where the previous one's last batch ended.
      const previous = [...lastEnd.values()].reduce((latest, value) => Math.max(latest, value), boundary);
      timings.set(key, time - previous);
    } else {
      timings.set(key, (timings.get(key) ?? 0) + time - (lastEnd.get(key) ?? time));
    }
    lastEnd.set(key, time);
  }
  return timings;
}

function selectionOf(journal: RunSummary | undefined): string {
  if (journal?.sample !== undefined) return `a sample of about ${journal.sample} rows${journal.seed === undefined ? "" : ` (seed ${journal.seed})`}`;
  if (journal?.since !== undefined) return `rows changed since ${journal.since}`;
  return "every row of the export";
}

export function buildAuditReport(plan: Plan, records: RunRecords): AuditReport {
  const masker = new Masker(plan);
  const { summary, journal, events } = records;
  const { warnings, problems, status } = runWarnings(plan, records);

  const entities: EntityRows[] = (summary?.entities ?? []).map((entity) => ({
    entity: entity.entity,
    rowsIn: entity.read,
    loaded: entity.loaded,
    linked: entity.linked,
    skipped: entity.skipped,
    rejected: entity.rejected,
    duplicates: entity.duplicates,
    notSelected: entity.notSelected,
    balanced: entity.loaded + (entity.merged ?? 0) + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected === entity.read,
  }));
  const models = modelRows(summary, events);

  const setupItems =
    summary?.setup ??
    events
      .filter((event): event is Extract<JournalEvent, { type: "setup" }> => event.type === "setup")
      .map((event) => ({ kind: event.kind, model: event.model, name: event.name, action: event.action, id: event.id }));
  const decisions = runDecisions(plan, records, setupItems, masker);
  const rejectsTotal = summary?.rejects ?? models.reduce((sum, model) => sum + model.rejected, 0);
  if (summary !== undefined && records.rejects.length !== summary.rejects)
    warnings.push(`the reject files hold ${records.rejects.length} rows, the summary counts ${summary.rejects}: a reject file was changed or removed`);
  const refused = records.rejects.filter(
    (reject) => reject.reason.startsWith("refused by Odoo") || reject.reason.startsWith("second pass refused by Odoo"),
  ).length;
  if (refused > 0) warnings.push(`Odoo refused ${refused} rows that Flitmap had checked: their reasons are in the rejected rows below`);
  const rowsIn = entities.reduce((sum, entity) => sum + entity.rowsIn, 0);
  const durationMs = summary?.durationMs ?? (journal?.ended === undefined ? undefined : Date.parse(journal.ended) - Date.parse(journal.started));
  return {
    format: REPORT_FORMAT,
    version: 1,
    migration: plan.migration.name,
    run: records.run,
    state: status,
    mode:
      journal?.mode ?? (summary?.target.startsWith("a dry run") === true ? "dry-run" : summary?.target.includes("import files") === true ? "files" : "unknown"),
    target: journal?.target ?? summary?.target ?? "",
    selection: selectionOf(journal),
    started: journal?.started ?? summary?.startedAt ?? "",
    ...(journal?.ended === undefined ? {} : { ended: journal.ended }),
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(durationMs === undefined || durationMs <= 0 || rowsIn === 0 ? {} : { rowsPerSecond: Math.round((rowsIn / durationMs) * 1000) }),
    attempts: journal?.attempts ?? 1,
    entities,
    models,
    setup: {
      created: setupItems.filter((item) => item.action === "created").length,
      matched: setupItems.filter((item) => item.action === "matched").length,
      existing: setupItems.filter((item) => item.action === "existing").length,
      items: setupItems.map((item) => ({ kind: item.kind, model: item.model, name: item.name, action: item.action })),
    },
    decisions,
    rejects: { total: rejectsTotal, groups: groupRejects(records.rejects, masker) },
    warnings,
    problems: problems.map((problem) => problem.message),
    masked: masker.active,
  };
}

/** What the report warns of before its tables: a run with no summary, a changed package, a run that did not complete, the verdict's problems. */
function runWarnings(plan: Plan, records: RunRecords): { warnings: string[]; problems: NonNullable<StoredSummary["problems"]>; status: string } {
  const { summary, journal, events } = records;
  const warnings: string[] = [];
  if (summary === undefined) {
    warnings.push(
      journal?.status === "interrupted"
        ? "the run was interrupted before it ended: the counts come from the journal only (run the same command again to resume it)"
        : "the run left no summary (run-summary.json): the counts come from the journal only",
    );
  }
  const start = events.find((event): event is Extract<JournalEvent, { type: "run-start" }> => event.type === "run-start");
  if (start !== undefined && start.planHash !== planHash(plan))
    warnings.push("the package has changed since this run: the decisions are described with the package as it is now");
  const status = journal?.status ?? summary?.status ?? "unknown";
  if (summary?.status !== undefined && summary.status !== "complete")
    warnings.push(`the run ${summary.status}${summary.message === undefined ? "" : `: ${summary.message}`}`);
  else if (journal?.message !== undefined && journal.status !== "complete") warnings.push(`the run ${journal.status}: ${journal.message}`);
  for (const error of summary?.reconciliationErrors ?? []) warnings.push(`the counts do not add up (a bug in Flitmap): ${error}`);
  // The verdict's other problems: what made the run's result not what the package promises.
  const problems = (summary?.problems ?? []).filter((problem) => problem.kind !== "run-not-complete" && problem.kind !== "counts-mismatch");
  for (const problem of problems) warnings.push(problem.message);

  return { warnings, problems, status };
}

/** Records per model: from the run's summary, or, without one, from the batches the journal says Odoo acknowledged. */
function modelRows(summary: RunRecords["summary"], events: RunRecords["events"]): ModelRows[] {
  const timings = stepTimings(events);
  if (summary !== undefined) {
    return summary.steps.map((step) => {
      const ms = timings.get(`${step.step}\u0000main`);
      return {
        step: step.step,
        model: step.model,
        loaded: step.loaded,
        created: step.created,
        updated: step.updated,
        unchanged: step.unchanged,
        skipped: step.skipped,
        rejected: step.rejected,
        secondPass: step.deferredWritten,
        ...(ms === undefined ? {} : { ms: ms + (timings.get(`${step.step}\u0000deferred`) ?? 0) }),
      };
    });
  } else {
    // Only what reached Odoo is known: the journal's acknowledged batches.
    const byStep = new Map<string, { step: string; model: string; created: number; updated: number; rejected: number; secondPass: number }>();
    for (const event of events) {
      // Archiving writes only `active` on records an earlier run wrote: not a record of the step's.
      if (event.type !== "batch-end" || event.pass === "archive" || event.pass === "unarchive") continue;
      const entry = byStep.get(event.step) ?? { step: event.step, model: event.model, created: 0, updated: 0, rejected: 0, secondPass: 0 };
      if (event.pass === "deferred") entry.secondPass += event.rows.length;
      else {
        entry.created += event.rows.filter((row) => row.action === "created").length;
        entry.updated += event.rows.filter((row) => row.action === "updated").length;
        entry.rejected += event.rejected;
      }
      byStep.set(event.step, entry);
    }
    return [...byStep.values()].map((entry) => {
      const ms = timings.get(`${entry.step}\u0000main`);
      return { ...entry, loaded: entry.created + entry.updated, unchanged: 0, skipped: 0, ...(ms === undefined ? {} : { ms }) };
    });
  }
}

/** Every decision the run made on values, links, duplicates, the setup and the selection, in the order the report lists them. */
function runDecisions(plan: Plan, records: RunRecords, setupItems: readonly SetupItem[], masker: Masker): Decision[] {
  const { summary, journal } = records;
  const decisions: Decision[] = maskedNotes(summary?.notes ?? [], plan, masker).map((note) => noteDecision(note, plan));
  for (const block of linkBlocks(plan)) {
    const linked = summary?.entities.find((entity) => entity.entity === block.linkedEntity);
    const how = `by ${block.by}${block.orderBy === undefined ? "" : `, in order of ${block.orderBy}${block.descending ? " descending" : ""}`}${block.filter === undefined ? "" : `, when ${block.filter}`}`;
    // Rows of an entity no step loads exist in Odoo only inside the records they were read into.
    const ownStep = plan.steps.some((step) => step.entity === block.linkedEntity);
    const count = ownStep ? (linked?.loaded ?? 0) : (linked?.linked ?? 0);
    decisions.push({
      kind: "collapsed-links",
      where: `${block.linkedEntity} → ${block.step}`,
      count,
      what: ownStep
        ? `${block.linkedEntity} rows (${count} loaded as records of their own) were linked to the ${block.model} records of ${block.step} (${how})`
        : `${count} ${block.linkedEntity} rows were read into the ${block.model} records of ${block.step} (${how}): they exist in Odoo only as the fields below`,
      examples: block.fields.map((field) => `${field.field} <- ${field.value}`),
    });
  }
  for (const entity of summary?.entities ?? []) {
    if (entity.duplicates === 0) continue;
    const declared = plan.entities.find((candidate) => candidate.name === entity.entity);
    const rule =
      declared?.duplicates.keep === "first"
        ? "the first row of each key was kept"
        : declared?.duplicates.keep === "newest"
          ? `the row with the newest ${declared.duplicates.by ?? "modification"} was kept`
          : "the row in the last file was kept";
    decisions.push({
      kind: "deduplicated-keys",
      where: entity.entity,
      count: entity.duplicates,
      what: `${entity.duplicates} rows repeated a key already read (${declared?.key.join(", ") ?? "key"}); ${rule}`,
      examples: [],
    });
  }
  for (const item of setupItems) {
    if (item.kind === "record" && item.action === "matched")
      decisions.push({
        kind: "matched-record",
        where: item.model,
        count: 1,
        what: `${item.name}: a record the target already had (found by its name) was used instead of creating one`,
        examples: [],
      });
    if (item.kind === "custom-field" && item.action === "existing")
      decisions.push({
        kind: "existing-field",
        where: item.model,
        count: 1,
        what: `${item.name}: the field already existed in the target and was used as it is`,
        examples: [],
      });
  }
  for (const entity of summary?.entities ?? []) {
    if (entity.notSelected > 0)
      decisions.push({
        kind: "left-out",
        where: entity.entity,
        count: entity.notSelected,
        what: `${entity.notSelected} rows were left out of this run (${selectionOf(journal)})`,
        examples: [],
      });
  }
  disappearedDecisions(summary, decisions);

  sortDecisions(plan, decisions);

  return decisions;
}

/** Records whose row is gone (reported, archived or not), and archived records whose row is back. */
function disappearedDecisions(summary: RunRecords["summary"], decisions: Decision[]): void {
  const gone = "written by earlier runs have no row in the export any more";
  const disappearedWhat: Readonly<Record<DisappearedAction, (count: number) => string>> = {
    reported: (count) => `${count} records ${gone}: reported and left as they are in Odoo (the package does not say \`deleted archive\`)`,
    archived: (count) => `${count} records ${gone}: archived by this run (active = false); flitmap rollback of this run unarchives them`,
    "already archived": (count) => `${count} records ${gone}: archived already, by an earlier run or in Odoo`,
    "not archived": (count) => `${count} records ${gone}: not archived, though the package says \`deleted archive\` (each example says why)`,
  };
  for (const action of ["archived", "not archived", "already archived", "reported"] as const) {
    const records = (summary?.disappeared ?? []).filter((record) => (record.action ?? "reported") === action);
    if (records.length === 0) continue;
    decisions.push({
      kind: "disappeared",
      where: [...new Set(records.map((record) => record.model))].join(", "),
      count: records.length,
      what: disappearedWhat[action](records.length),
      examples: records
        .slice(0, 5)
        .map((record) => `${record.xmlid} (${record.step} row ${JSON.stringify(record.key)})${record.why === undefined ? "" : `: ${record.why}`}`),
    });
  }
  const unarchived = summary?.unarchived ?? [];
  if (unarchived.length > 0) {
    decisions.push({
      kind: "unarchived",
      where: [...new Set(unarchived.map((record) => record.model))].join(", "),
      count: unarchived.length,
      what: `${unarchived.length} records archived by earlier runs have their row back in the export: unarchived by this run`,
      examples: unarchived
        .slice(0, 5)
        .map((record) => `${record.xmlid} (${record.step} row ${JSON.stringify(record.key)}), archived by run ${record.archivedBy}`),
    });
  }
}

/** Sorts the decisions as the report lists them. */
function sortDecisions(plan: Plan, decisions: Decision[]): void {
  // Lookups first (owners), then values, links and setup; within a kind in the plan's step order.
  const kindOrder: readonly DecisionKind[] = [
    "lookup-fallback",
    "lookup-ambiguous",
    "ref-ambiguous",
    "lookup-missing",
    "table-default",
    "flagged",
    "truncated",
    "default",
    "dangling-reference",
    "optional-link",
    "collapsed-links",
    "deduplicated-keys",
    "matched-record",
    "existing-field",
    "left-out",
    "disappeared",
    "unarchived",
  ];
  const stepOrder = (where: string): number => {
    const index = plan.steps.findIndex((step) => where.startsWith(`${step.id}.`) || where.endsWith(`→ ${step.id}`));
    return index < 0 ? plan.steps.length : index;
  };
  decisions.sort(
    (left, right) =>
      kindOrder.indexOf(left.kind) - kindOrder.indexOf(right.kind) || stepOrder(left.where) - stepOrder(right.where) || left.where.localeCompare(right.where),
  );
}

/**
 * The run journal: an append-only log of JSON lines, flushed to disk (fsync) before a write is
 * sent to Odoo and after it returns. It is the memory of a migration: what each run created or
 * changed (with the values before), so that a re-run writes only what changed, an interrupted run
 * resumes without duplicates, and rollback can undo a run.
 *
 * Why a log and not a database: the writes are sequential and the reads happen once per run
 * (replayed into memory); a log of plain JSON needs no native module to build on every Node
 * version, survives `kill -9` at any byte (a torn last line is told from damage, and terminated
 * before the next append), and a person can read it. Every line is checked when it is read
 * (events.ts) and chained to the one before, with the last line's hash kept beside the journal
 * (file.ts): damage is reported with its line number, and a damaged journal is never appended to.
 */
import { JournalError, JournalFile } from "./append.js";
import type { JournalEvent, JournalMeta, RunMode } from "./events.js";
import { readJournal, type JournalProblem } from "./file.js";

export type { BatchPass, JournalEvent, JournalMeta, LookupAnswer, RowRefusal, RowWrite, RunMode, SetupKind } from "./events.js";
export type { JournalProblem } from "./file.js";
export { JournalError } from "./append.js";
export { setupKey } from "./events.js";

export class Journal {
  /** The events as last read from the file; undefined once something was appended since (read again when asked). */
  #events: JournalEvent[] | undefined;

  private constructor(
    readonly path: string,
    events: JournalEvent[],
    readonly meta: JournalMeta[],
    /** Damage: lines that do not read back, a broken chain, a journal shorter than its head. Never appended to while there is any. */
    readonly problems: readonly JournalProblem[],
    /** What needs no one's attention: a torn last line a crash left, a head that is missing. */
    readonly notices: readonly string[],
    private readonly file: JournalFile,
  ) {
    this.#events = events;
  }

  /** Opens the journal at `path` (created, with its folder, at the first append), reading and checking what it holds. Damage is reported in `problems`, never thrown. */
  static open(path: string): Journal {
    const reading = readJournal(path);
    return new Journal(path, reading.events, reading.meta, reading.problems, reading.notices, new JournalFile(path, reading, reading.size));
  }

  /**
   * Every event of the journal, in order: those read when it was opened and those appended since.
   * What is appended is not also held in memory (a run of a million rows journals a million
   * records, which it never reads back): the first call after an append reads the file again.
   */
  get events(): JournalEvent[] {
    this.#events ??= readJournal(this.path).events;
    return this.#events;
  }

  get damaged(): boolean {
    return this.problems.length > 0;
  }

  /** The damage, one line each, for a message. */
  describeProblems(limit = 10): string {
    const listed = this.problems.slice(0, limit).map((problem) => `  ${problem.message}`);
    if (this.problems.length > limit) listed.push(`  ... and ${this.problems.length - limit} more`);
    return listed.join("\n");
  }

  /** Appends an event and waits until it is on disk. Refuses (JournalError) on a damaged journal. */
  append(event: JournalEvent): void {
    this.appendAll([event]);
  }

  /** Appends events in one write and one flush to disk. */
  appendAll(events: readonly JournalEvent[]): void {
    this.refuseIfDamaged();
    this.file.write(events);
    if (events.length > 0) this.#events = undefined;
  }

  /** Records external IDs of the namespace that were made outside Flitmap: runs update them as existing records, rollback leaves them. */
  adopt(namespace: string, xmlids: readonly string[]): void {
    this.refuseIfDamaged();
    const time = new Date().toISOString();
    for (let start = 0; start < xmlids.length; start += 1000) {
      const entry: JournalMeta = { type: "adopted", time, namespace, xmlids: xmlids.slice(start, start + 1000) };
      this.file.write([entry]);
      this.meta.push(entry);
    }
  }

  /** External IDs of the namespace that `adopt` recorded. */
  adopted(namespace: string): Set<string> {
    return new Set(this.meta.flatMap((entry) => (entry.type === "adopted" && entry.namespace === namespace ? entry.xmlids : [])));
  }

  close(): void {
    this.file.close();
  }

  runs(): RunSummary[] {
    return summarizeRuns(this.events);
  }

  private refuseIfDamaged(): void {
    if (this.damaged) throw new JournalError(`the journal ${this.path} is damaged; nothing is appended to it:\n${this.describeProblems()}`);
  }
}

export type RunState = "complete" | "halted" | "failed" | "interrupted" | "rolled back" | "rollback interrupted";

export interface RunSummary {
  readonly run: string;
  readonly started: string;
  readonly ended?: string;
  readonly mode: RunMode;
  readonly target: string;
  readonly status: RunState;
  readonly sample?: number;
  readonly seed?: number;
  readonly since?: string;
  /** How many times the run was started: more than one when an interrupted run was resumed. */
  readonly attempts: number;
  readonly created: number;
  readonly updated: number;
  /** Rows Odoo refused. */
  readonly rejected: number;
  /**
   * Whether the run wrote anything to Odoo, or may have (a batch or set-up item sent and never
   * acknowledged): a run that wrote nothing needs no rollback and stands in the way of none.
   */
  readonly wrote: boolean;
  readonly message?: string;
}

interface RunTally {
  readonly start: Extract<JournalEvent, { type: "run-start" }>;
  ended?: string;
  status: RunState;
  attempts: number;
  created: number;
  updated: number;
  rejected: number;
  wrote: boolean;
  message?: string;
}

/** Events that show a run wrote to Odoo, or may have. */
function writes(event: JournalEvent, acknowledged: ReadonlySet<string>): boolean {
  switch (event.type) {
    case "batch-end":
      return event.rows.length > 0;
    case "batch-start":
      return !acknowledged.has(event.batch);
    case "setup-start":
      return true;
    case "setup":
      return event.action === "created";
    case "rollback-start":
      return true;
    default:
      return false;
  }
}

export function summarizeRuns(events: readonly JournalEvent[]): RunSummary[] {
  const runs = new Map<string, RunTally>();
  const acknowledged = new Set(events.flatMap((event) => (event.type === "batch-end" ? [event.batch] : [])));
  for (const event of events) {
    if (event.type === "run-start") {
      const resumed = runs.get(event.run);
      // Resuming an interrupted run starts it again under the same id: its earlier writes still count.
      if (resumed === undefined) runs.set(event.run, { start: event, status: "interrupted", attempts: 1, created: 0, updated: 0, rejected: 0, wrote: false });
      else {
        resumed.attempts += 1;
        resumed.status = "interrupted";
      }
      continue;
    }
    const entry = runs.get(event.run);
    if (entry === undefined) continue;
    if (writes(event, acknowledged)) entry.wrote = true;
    if (event.type === "run-end") {
      entry.status = event.status;
      entry.ended = event.time;
      if (event.message !== undefined) entry.message = event.message;
    }
    if (event.type === "rollback-start") entry.status = "rollback interrupted";
    if (event.type === "rollback") entry.status = event.status === "complete" ? "rolled back" : "rollback interrupted";
    if (event.type === "batch-end" && event.pass === "main") {
      entry.rejected += event.rejected;
      for (const row of event.rows) {
        if (row.action === "created") entry.created += 1;
        if (row.action === "updated") entry.updated += 1;
      }
    }
  }
  return [...runs.values()].map(({ start, ended, status, attempts, created, updated, rejected, wrote, message }) => ({
    run: start.run,
    started: start.time,
    ...(ended === undefined ? {} : { ended }),
    mode: start.mode,
    target: start.target,
    status,
    ...(start.sample === undefined ? {} : { sample: start.sample }),
    ...(start.seed === undefined ? {} : { seed: start.seed }),
    ...(start.since === undefined ? {} : { since: start.since }),
    attempts,
    created,
    updated,
    rejected,
    wrote,
    ...(message === undefined ? {} : { message }),
  }));
}

/** The first `run-start` of a run: what it was made with (the Odoo series, the settings). */
export function runStart(events: readonly JournalEvent[], run: string): Extract<JournalEvent, { type: "run-start" }> | undefined {
  return events.find((event): event is Extract<JournalEvent, { type: "run-start" }> => event.type === "run-start" && event.run === run);
}

/**
 * Runs a rollback started on, finished or not: what they wrote may no longer be in Odoo, so a
 * later run must not take their writes as done.
 */
export function rolledBackRuns(events: readonly JournalEvent[]): Set<string> {
  return new Set(events.filter((event) => event.type === "rollback-start" || event.type === "rollback").map((event) => event.run));
}

/** What the journal knows about each external ID: the last write that reached Odoo. */
export interface KnownRecord {
  readonly xmlid: string;
  readonly id: number;
  readonly model: string;
  readonly hash: string;
  readonly run: string;
  readonly key: string;
  readonly step: string;
}

export function knownRecords(events: readonly JournalEvent[], options: { readonly excludeRolledBack?: boolean } = {}): Map<string, KnownRecord> {
  const rolledBack = rolledBackRuns(events);
  const known = new Map<string, KnownRecord>();
  for (const event of events) {
    if (event.type !== "batch-end" || event.pass !== "main") continue;
    if (options.excludeRolledBack !== false && rolledBack.has(event.run)) continue;
    for (const row of event.rows)
      known.set(row.xmlid, { xmlid: row.xmlid, id: row.id, model: event.model, hash: row.hash, run: event.run, key: row.key, step: event.step });
  }
  return known;
}

/** The last archive or unarchive of a record by a run, rolled-back runs left out. */
export interface ArchiveMark {
  readonly run: string;
  readonly archived: boolean;
}

/** Records runs archived (`deleted archive`) or unarchived, by external ID: the last such write of each counts. */
export function archiveMarks(events: readonly JournalEvent[]): Map<string, ArchiveMark> {
  const rolledBack = rolledBackRuns(events);
  const marks = new Map<string, ArchiveMark>();
  for (const event of events) {
    if (event.type !== "batch-end" || (event.pass !== "archive" && event.pass !== "unarchive") || rolledBack.has(event.run)) continue;
    for (const row of event.rows) marks.set(row.xmlid, { run: event.run, archived: event.pass === "archive" });
  }
  return marks;
}

/** The feeds digest of each record, from its last write or the last run that found it unchanged; rolled-back runs left out. */
export function knownFeeds(events: readonly JournalEvent[]): Map<string, string> {
  const rolledBack = rolledBackRuns(events);
  const feeds = new Map<string, string>();
  for (const event of events) {
    if (rolledBack.has(event.run)) continue;
    if (event.type === "feeds") for (const [xmlid, digest] of Object.entries(event.feeds)) feeds.set(xmlid, digest);
    if (event.type === "batch-end" && event.pass === "main") for (const row of event.rows) if (row.feeds !== undefined) feeds.set(row.xmlid, row.feeds);
  }
  return feeds;
}

/** A row Odoo refused in a run, as the journal last says it (rolled-back runs left out). */
export interface KnownRefusal {
  readonly hash: string;
  readonly message: string;
  readonly run: string;
}

/** Records Odoo last refused, by external ID: a later write of the record (or its rollback) forgets the refusal. */
export function knownRefusals(events: readonly JournalEvent[]): Map<string, KnownRefusal> {
  const rolledBack = rolledBackRuns(events);
  const refusals = new Map<string, KnownRefusal>();
  for (const event of events) {
    if (event.type !== "batch-end" || event.pass !== "main" || rolledBack.has(event.run)) continue;
    for (const row of event.rows) refusals.delete(row.xmlid);
    for (const refused of event.refused ?? []) refusals.set(refused.xmlid, { hash: refused.hash, message: refused.message, run: event.run });
  }
  return refusals;
}

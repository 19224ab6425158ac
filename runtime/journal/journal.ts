/**
 * The run journal: an append-only log of JSON lines, flushed to disk (fsync) before a write is
 * sent to Odoo and after it returns. It is the memory of a migration: what each run created or
 * changed (with the values before), so that a re-run writes only what changed, an interrupted run
 * resumes without duplicates, and rollback can undo a run.
 *
 * Why a log and not a database: the writes are sequential and the reads happen once per run
 * (replayed into memory); a log of plain JSON needs no native module to build on every Node
 * version, survives `kill -9` at any byte (a torn last line is ignored), and a person can read it.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type RunMode = "live" | "files" | "dry-run";

export interface RowWrite {
  readonly key: string;
  readonly xmlid: string;
  readonly id: number;
  readonly action: "created" | "updated" | "unchanged";
  /** A hash of the values written: equal hashes mean nothing changed. */
  readonly hash: string;
  /** Odoo's write_date of the record right after this write: a later one means someone changed it since. */
  readonly stamp?: string;
  /**
   * A digest of what the record read from other rows of the export (rows a `with` block links
   * to it, values `get` reads): a delta takes the row again when that changes, though its own
   * modification date does not (runtime/execute/plan-walk.ts stepFeeds).
   */
  readonly feeds?: string;
}

/**
 * Which writes a batch holds: a step's records (`main`), their second pass (`deferred`), or, with
 * `deleted archive`, records archived because their source row is gone (`archive`) or unarchived
 * because it came back (`unarchive`). The last two write only `active`, journaled with the value
 * before like any update, so that rollback puts it back.
 */
export type BatchPass = "main" | "deferred" | "archive" | "unarchive";

export type JournalEvent =
  | {
      readonly type: "run-start";
      readonly run: string;
      readonly time: string;
      readonly mode: RunMode;
      readonly target: string;
      readonly planHash: string;
      readonly sample?: number;
      /** The seed the sample was drawn with: the same seed draws the same rows. */
      readonly seed?: number;
      readonly since?: string;
      readonly resumes?: string;
    }
  | {
      readonly type: "setup";
      readonly run: string;
      readonly kind: "custom-field" | "record";
      readonly model: string;
      readonly name: string;
      readonly xmlid?: string;
      readonly id: number;
      readonly action: "created" | "matched" | "existing";
    }
  /** Written before a batch is sent: which of its records already existed, and their values then. */
  | {
      readonly type: "batch-start";
      readonly run: string;
      readonly batch: string;
      readonly step: string;
      readonly model: string;
      readonly pass: BatchPass;
      readonly xmlids: readonly string[];
      readonly existing: Readonly<Record<string, { readonly id: number; readonly before: Readonly<Record<string, unknown>> }>>;
    }
  | {
      readonly type: "batch-end";
      readonly run: string;
      readonly batch: string;
      readonly step: string;
      readonly model: string;
      readonly pass: BatchPass;
      readonly rows: readonly RowWrite[];
      readonly rejected: number;
      readonly time?: string;
    }
  /**
   * The feeds digests of records a run found unchanged while what they read from other rows did
   * change (or had no digest yet): written once per step, so that the next delta does not take
   * them again.
   */
  | { readonly type: "feeds"; readonly run: string; readonly step: string; readonly model: string; readonly feeds: Readonly<Record<string, string>> }
  /** write_date of the run's records once the run is over (later batches may have touched earlier records). */
  | { readonly type: "stamps"; readonly run: string; readonly model: string; readonly stamps: Readonly<Record<string, string>> }
  | { readonly type: "run-end"; readonly run: string; readonly time: string; readonly status: "complete" | "halted" | "failed"; readonly message?: string }
  | { readonly type: "rollback-start"; readonly run: string; readonly time: string; readonly forced: boolean }
  /** One step of a rollback, written once Odoo acknowledged it, so that a killed rollback resumes after it. */
  | {
      readonly type: "rollback-step";
      readonly run: string;
      readonly action: "deleted" | "restored" | "removed-field" | "removed-record" | "kept";
      readonly model: string;
      readonly xmlids: readonly string[];
      readonly ids: readonly number[];
      readonly note?: string;
    }
  | {
      readonly type: "rollback";
      readonly run: string;
      readonly time: string;
      readonly deleted: number;
      readonly restored: number;
      readonly status: "complete" | "partial";
      readonly message?: string;
    };

export class Journal {
  private descriptor: number | undefined;

  private constructor(
    readonly path: string,
    readonly events: JournalEvent[],
  ) {}

  /** Opens (creating) the journal at `path`, replaying what it holds. */
  static open(path: string): Journal {
    mkdirSync(dirname(path), { recursive: true });
    const events: JournalEvent[] = [];
    if (existsSync(path)) {
      const lines = readFileSync(path, "utf8").split("\n");
      for (const line of lines) {
        if (line.trim() === "") continue;
        try {
          events.push(JSON.parse(line) as JournalEvent);
        } catch {
          // A line torn by a crash mid-write: everything before it is intact, and it was never acknowledged.
        }
      }
    }
    return new Journal(path, events);
  }

  /** Appends an event and waits until it is on disk. */
  append(event: JournalEvent): void {
    this.descriptor ??= openSync(this.path, "a");
    writeSync(this.descriptor, `${JSON.stringify(event)}\n`);
    fsyncSync(this.descriptor);
    this.events.push(event);
  }

  close(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
  }

  runs(): RunSummary[] {
    return summarizeRuns(this.events);
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
  message?: string;
}

export function summarizeRuns(events: readonly JournalEvent[]): RunSummary[] {
  const runs = new Map<string, RunTally>();
  for (const event of events) {
    if (event.type === "run-start") {
      const resumed = runs.get(event.run);
      // Resuming an interrupted run starts it again under the same id: its earlier writes still count.
      if (resumed === undefined) runs.set(event.run, { start: event, status: "interrupted", attempts: 1, created: 0, updated: 0, rejected: 0 });
      else {
        resumed.attempts += 1;
        resumed.status = "interrupted";
      }
      continue;
    }
    const entry = runs.get(event.run);
    if (entry === undefined) continue;
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
  return [...runs.values()].map(({ start, ended, status, attempts, created, updated, rejected, message }) => ({
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
    ...(message === undefined ? {} : { message }),
  }));
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

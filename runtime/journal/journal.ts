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
}

export type JournalEvent =
  | {
      readonly type: "run-start";
      readonly run: string;
      readonly time: string;
      readonly mode: RunMode;
      readonly target: string;
      readonly planHash: string;
      readonly sample?: number;
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
      readonly pass: "main" | "deferred";
      readonly xmlids: readonly string[];
      readonly existing: Readonly<Record<string, { readonly id: number; readonly before: Readonly<Record<string, unknown>> }>>;
    }
  | {
      readonly type: "batch-end";
      readonly run: string;
      readonly batch: string;
      readonly step: string;
      readonly model: string;
      readonly pass: "main" | "deferred";
      readonly rows: readonly RowWrite[];
      readonly rejected: number;
    }
  | { readonly type: "run-end"; readonly run: string; readonly time: string; readonly status: "complete" | "halted" | "failed"; readonly message?: string }
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

export interface RunSummary {
  readonly run: string;
  readonly started: string;
  readonly mode: RunMode;
  readonly target: string;
  readonly status: "complete" | "halted" | "failed" | "interrupted" | "rolled back";
  readonly sample?: number;
  readonly since?: string;
  readonly created: number;
  readonly updated: number;
}

export function summarizeRuns(events: readonly JournalEvent[]): RunSummary[] {
  const runs = new Map<string, { start: Extract<JournalEvent, { type: "run-start" }>; status: RunSummary["status"]; created: number; updated: number }>();
  for (const event of events) {
    if (event.type === "run-start") runs.set(event.run, { start: event, status: "interrupted", created: 0, updated: 0 });
    const entry = runs.get(event.run);
    if (entry === undefined) continue;
    if (event.type === "run-end") entry.status = event.status;
    if (event.type === "rollback" && event.status === "complete") entry.status = "rolled back";
    if (event.type === "batch-end") {
      for (const row of event.rows) {
        if (row.action === "created") entry.created += 1;
        if (row.action === "updated") entry.updated += 1;
      }
    }
  }
  return [...runs.values()].map(({ start, status, created, updated }) => ({
    run: start.run,
    started: start.time,
    mode: start.mode,
    target: start.target,
    status,
    ...(start.sample === undefined ? {} : { sample: start.sample }),
    ...(start.since === undefined ? {} : { since: start.since }),
    created,
    updated,
  }));
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
  const rolledBack = new Set(events.filter((event) => event.type === "rollback" && event.status === "complete").map((event) => event.run));
  const known = new Map<string, KnownRecord>();
  for (const event of events) {
    if (event.type !== "batch-end" || event.pass !== "main") continue;
    if (options.excludeRolledBack !== false && rolledBack.has(event.run)) continue;
    for (const row of event.rows)
      known.set(row.xmlid, { xmlid: row.xmlid, id: row.id, model: event.model, hash: row.hash, run: event.run, key: row.key, step: event.step });
  }
  return known;
}

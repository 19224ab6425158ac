/**
 * The one way a run writes to its journal (runtime/journal/journal.ts), and what it reads back
 * from it: which run this is (a new one, or the interrupted one it resumes), what earlier runs
 * wrote. Every event a run journals goes through here: its start and end, the setup, each batch
 * before it is sent and once it returns, the feeds digests of unchanged records, and the write
 * stamps. Without a journal (files, dry runs) each write does nothing.
 *
 * A thin layer: the events, their format and how they are kept on disk are the journal's.
 */
import { randomUUID } from "node:crypto";
import type { Plan } from "../../compiler/plan/schema.js";
import {
  archiveMarks,
  knownFeeds,
  knownRecords,
  knownRefusals,
  rolledBackRuns,
  setupKey,
  summarizeRuns,
  type ArchiveMark,
  type BatchPass,
  type Journal,
  type JournalEvent,
  type KnownRecord,
  type KnownRefusal,
  type LookupAnswer,
  type RowRefusal,
  type RowWrite,
  type RunMode,
} from "../journal/journal.js";
import { planHash } from "../plan-file.js";
import type { SetupIntent, SetupOutcome } from "../targets/target.js";

/** What the journal says earlier runs did (rolled-back runs left out). */
export interface EarlierRuns {
  /** By external ID: the last write of each record that reached Odoo. */
  readonly known: ReadonlyMap<string, KnownRecord>;
  /** By external ID: the digest of what each record read from other rows when last written or checked. */
  readonly feeds: ReadonlyMap<string, string>;
  /** By external ID: the hash of each record's last second-pass write. */
  readonly deferred: ReadonlyMap<string, string>;
  /** By merging step and row key (`mergeKey`): the record its row was last merged onto, and the hash of what was written. */
  readonly merged: ReadonlyMap<string, { readonly xmlid: string; readonly hash: string }>;
  /** Records a batch was sent to create but never acknowledged: ours, whatever Odoo says later. */
  readonly pendingCreated: ReadonlySet<string>;
  /** By external ID: what Odoo last refused, and the hash of what was sent. */
  readonly refusals: ReadonlyMap<string, KnownRefusal>;
  /** Records of the package's namespace a person declared as made outside Flitmap (`flitmap journal adopt`). */
  readonly adopted: ReadonlySet<string>;
}

/** How earlier runs' merges are found: by the merging step and its row's key (the record it is merged onto may change). */
export function mergeKey(step: string, key: string): string {
  return `${step}\u0000${key}`;
}

/** Which run this is and what it is: the journal's run-start says it, and a resumed run must match it. */
export interface RunIdentity {
  readonly plan: Plan;
  readonly mode: RunMode;
  readonly target: string;
  readonly sample?: number;
  readonly seed?: number;
  readonly since?: string;
  /** The package settings the run overrode (`--set`). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** A batch as it is about to be sent: which records it holds, and those that already existed, with their values then (the journal's event, less what the run adds). */
export type BatchStart = Omit<Extract<JournalEvent, { type: "batch-start" }>, "type" | "run" | "batch">;

/** A batch once the target answered: the records written, and how many it refused. */
export type BatchEnd = Omit<Extract<JournalEvent, { type: "batch-end" }>, "type" | "run" | "batch" | "time">;

/** Lines of at most this many records: the first delta after an upgrade may journal every record of a step. */
const FEEDS_PER_LINE = 1000;

export class RunJournal {
  /**
   * The journal's events before this run appended any: what every question about earlier runs
   * (and an interrupted attempt of this one) is answered from. The journal does not hold what the
   * run appends (runtime/journal/journal.ts), so nothing here reads it back.
   */
  private readonly history: readonly JournalEvent[];
  /** The archive marks (`archiveMarks`), kept up to date with this run's own archiving once asked for. */
  #archiveMarks: Map<string, ArchiveMark> | undefined;

  private constructor(
    private readonly journal: Journal | undefined,
    readonly runId: string,
    private readonly identity: RunIdentity,
    private readonly started: Date,
  ) {
    this.history = journal?.events ?? [];
  }

  /** The journal of a run: it continues the interrupted run with the same plan, target and selection, or starts a new one. */
  static of(journal: Journal | undefined, identity: RunIdentity, started: Date): RunJournal {
    const runId = resumableRun(journal, identity) ?? `${started.toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-${randomUUID().slice(0, 8)}`;
    return new RunJournal(journal, runId, identity, started);
  }

  /** Whether a journal is kept (a live run). */
  get keeping(): boolean {
    return this.journal !== undefined;
  }

  earlierRuns(): EarlierRuns {
    const journal = this.journal;
    if (journal === undefined)
      return { known: new Map(), feeds: new Map(), deferred: new Map(), merged: new Map(), pendingCreated: new Set(), refusals: new Map(), adopted: new Set() };
    const ended = new Set<string>();
    const events = this.history;
    const undone = rolledBackRuns(events);
    const pendingCreated = new Set<string>();
    const deferred = new Map<string, string>();
    const merged = new Map<string, { readonly xmlid: string; readonly hash: string }>();
    for (const event of events) if (event.type === "batch-end") ended.add(event.batch);
    for (const event of events) {
      if (undone.has(event.run)) continue;
      if (event.type === "batch-start" && !ended.has(event.batch) && event.pass === "main") {
        for (const xmlid of event.xmlids) if (event.existing[xmlid] === undefined) pendingCreated.add(xmlid);
      }
      if (event.type === "batch-end" && event.pass === "deferred") for (const row of event.rows) deferred.set(row.xmlid, row.hash);
      if (event.type === "batch-end" && event.pass === "merge") for (const row of event.rows) merged.set(mergeKey(event.step, row.key), { xmlid: row.xmlid, hash: row.hash });
    }
    return {
      known: knownRecords(events),
      feeds: knownFeeds(events),
      deferred,
      merged,
      pendingCreated,
      refusals: knownRefusals(events),
      adopted: journal.adopted(this.identity.plan.migration.namespace),
    };
  }

  /**
   * The setup the last run found or made, when it covers every custom field and reference record
   * of the plan: that run completed, nothing of it was rolled back, and so the same setup is in
   * Odoo and need not be asked for again.
   */
  setupOfLastRun(plan: Plan): SetupOutcome[] | undefined {
    const last = this.lastCompleteRun();
    const start = last?.events.find((event) => event.type === "run-start");
    // The same server: a run against another one (or into files) says nothing of this one.
    if (last === undefined || start?.type !== "run-start" || start.mode !== this.identity.mode || start.target !== this.identity.target) return undefined;
    const found = new Map<string, SetupOutcome>();
    for (const event of last.events) {
      if (event.type !== "setup") continue;
      found.set(setupKey(event), {
        kind: event.kind,
        model: event.model,
        name: event.name,
        ...(event.xmlid === undefined ? {} : { xmlid: event.xmlid }),
        id: event.id,
        action: event.action === "matched" ? "matched" : "existing",
      });
    }
    const wanted = [
      ...plan.setup.customFields.map((field) => ({ kind: "custom-field" as const, model: field.model, name: field.name })),
      ...plan.setup.records.map((record) => ({ kind: "record" as const, model: record.model, name: record.name })),
    ];
    const outcomes = wanted.map((item) => found.get(setupKey(item)));
    return outcomes.every((outcome) => outcome !== undefined) ? outcomes.filter((outcome) => outcome !== undefined) : undefined;
  }

  /**
   * The lookups' answers of the last run, when this run asks the same questions: that run was the
   * latest, it completed, it ran the same plan with the same settings and selection on the same
   * target, and it read an export with the same fingerprint.
   */
  lookupAnswersOfLastRun(exportFingerprint: string): Readonly<Record<string, Readonly<Record<string, LookupAnswer | null>>>> | undefined {
    const last = this.lastCompleteRun();
    const start = last?.events.find((event) => event.type === "run-start");
    if (last === undefined || start?.type !== "run-start") return undefined;
    const { plan, target, sample, seed, since, settings } = this.identity;
    const sameRun =
      start.planHash === planHash(plan) &&
      start.target === target &&
      start.sample === sample &&
      start.seed === (sample === undefined ? undefined : seed) &&
      start.since === since &&
      JSON.stringify(start.settings ?? {}) === JSON.stringify(settings ?? {});
    const memo = last.events.find((event) => event.type === "lookups");
    return sameRun && memo?.type === "lookups" && memo.export === exportFingerprint ? memo.answers : undefined;
  }

  /**
   * The latest run before this one, with its events, when it completed and no rollback was made
   * since it started: rolling back an earlier run (allowed past a run that wrote nothing) removes
   * custom fields and records that run found.
   */
  private lastCompleteRun(): { readonly run: string; readonly events: readonly JournalEvent[] } | undefined {
    const events = this.history;
    const runs = summarizeRuns(events).filter((run) => run.run !== this.runId);
    const last = runs[runs.length - 1];
    if (last === undefined || last.status !== "complete") return undefined;
    const start = events.findIndex((event) => event.type === "run-start" && event.run === last.run);
    if (events.slice(start).some((event) => event.type === "rollback-start" || event.type === "rollback")) return undefined;
    return { run: last.run, events: events.filter((event) => event.run === last.run) };
  }

  /** Records runs archived or unarchived (`deleted archive`), the last such write of each. */
  archiveMarks(): ReadonlyMap<string, ArchiveMark> {
    this.#archiveMarks ??= archiveMarks(this.history);
    return this.#archiveMarks;
  }

  /** The batches this run wrote before it was interrupted, when it resumes one. */
  batchesOfThisRun(): { readonly model: string; readonly rows: readonly RowWrite[] }[] {
    return this.history.flatMap((event) => (event.type === "batch-end" && event.run === this.runId ? [event] : []));
  }

  runStart(): void {
    const { plan, mode, target, sample, seed, since, settings } = this.identity;
    this.journal?.append({
      type: "run-start",
      run: this.runId,
      time: this.started.toISOString(),
      mode,
      target,
      planHash: planHash(plan),
      // What rollback and later commands compile the package for: the Odoo series, and the settings overridden.
      series: plan.target.series,
      origin: plan.target.origin,
      ...(settings === undefined ? {} : { settings }),
      ...(sample === undefined ? {} : { sample, ...(seed === undefined ? {} : { seed }) }),
      ...(since === undefined ? {} : { since }),
    });
  }

  /** Journals a custom field or reference record about to be created, before its create is sent. */
  setupStart(item: SetupIntent): void {
    this.journal?.append({ type: "setup-start", run: this.runId, ...item, time: new Date().toISOString() });
  }

  /** Set-up items this run (an interrupted attempt of it) journaled as about to be created, with no outcome after. */
  unfinishedSetup(): Set<string> {
    const unfinished = new Set<string>();
    for (const event of this.history) {
      if (event.run !== this.runId || (event.type !== "setup-start" && event.type !== "setup")) continue;
      const key = setupKey(event);
      if (event.type === "setup-start") unfinished.add(key);
      else unfinished.delete(key);
    }
    return unfinished;
  }

  setup(outcome: SetupOutcome): void {
    this.journal?.append({
      type: "setup",
      run: this.runId,
      kind: outcome.kind,
      model: outcome.model,
      name: outcome.name,
      ...(outcome.xmlid === undefined ? {} : { xmlid: outcome.xmlid }),
      id: outcome.id,
      action: outcome.action,
    });
  }

  /** Journals a batch before it is sent; returns its id, for `batchEnd`. */
  batchStart(batch: BatchStart): string {
    const id = randomUUID().slice(0, 12);
    this.journal?.append({ type: "batch-start", run: this.runId, batch: id, ...batch, time: new Date().toISOString() });
    return id;
  }

  batchEnd(id: string, batch: BatchEnd): void {
    this.journal?.append({ type: "batch-end", run: this.runId, batch: id, ...batch, time: new Date().toISOString() });
    if (this.#archiveMarks !== undefined && (batch.pass === "archive" || batch.pass === "unarchive"))
      for (const row of batch.rows) this.#archiveMarks.set(row.xmlid, { run: this.runId, archived: batch.pass === "archive" });
  }

  /** The feeds digests of a step's records found unchanged while what they read did change (or had no digest yet). */
  feeds(step: string, model: string, digests: readonly (readonly [string, string])[]): void {
    for (let start = 0; start < digests.length; start += FEEDS_PER_LINE)
      this.journal?.append({ type: "feeds", run: this.runId, step, model, feeds: Object.fromEntries(digests.slice(start, start + FEEDS_PER_LINE)) });
  }

  /** The lookups' answers of a run that completed, for the next run of the same export. */
  lookups(exportFingerprint: string, answers: Readonly<Record<string, Readonly<Record<string, LookupAnswer | null>>>>): void {
    this.journal?.append({ type: "lookups", run: this.runId, export: exportFingerprint, answers });
  }

  stamps(model: string, stamps: Readonly<Record<string, string>>): void {
    this.journal?.append({ type: "stamps", run: this.runId, model, stamps });
  }

  runEnd(status: "complete" | "failed", message?: string): void {
    this.journal?.append({ type: "run-end", run: this.runId, time: new Date().toISOString(), status, ...(message === undefined ? {} : { message }) });
  }
}

/** The interrupted run this one continues: same plan, same target, same sample or delta, no end recorded. */
function resumableRun(journal: Journal | undefined, identity: RunIdentity): string | undefined {
  if (journal === undefined) return undefined;
  const runs = journal.runs();
  const last = runs[runs.length - 1];
  if (last === undefined || last.status !== "interrupted") return undefined;
  const start = journal.events.find((event) => event.type === "run-start" && event.run === last.run);
  if (start?.type !== "run-start" || start.planHash !== planHash(identity.plan) || start.target !== identity.target) return undefined;
  // A sample or a delta resumes only as the same sample or delta.
  const { sample, seed, since } = identity;
  if (start.sample !== sample || start.seed !== (sample === undefined ? undefined : seed) || start.since !== since) return undefined;
  return last.run;
}

/**
 * Executes a plan: reads the export, transforms every row, writes to the target in dependency
 * order, and accounts for every source row: loaded, skipped by a condition, or rejected with a
 * reason. Nothing is lost silently; `rows in = loaded + skipped + rejected` is checked per entity.
 */
import { createHash, randomUUID } from "node:crypto";
import type { EntityPlan, LookupPlan, OperationPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import { knownFeeds, knownRecords, rolledBackRuns, type Journal, type RowWrite } from "../journal/journal.js";
import { planHash } from "../plan-file.js";
import { readAttachment, type SourceItem, type SourceReadReport, type SourceRow } from "../source/index.js";
import type { LoadTarget, SetupOutcome, TargetRecord, WriteRow } from "../targets/target.js";
import type { BuiltinContext } from "../transform/builtins.js";
import {
  evaluate,
  tableRuntime,
  textOf,
  type EvaluationEnvironment,
  type LookupResolution,
  type LookupRuntime,
  type ReferenceResolution,
  type RowInput,
  type TableRuntime,
} from "../transform/evaluate.js";
import { recordXmlid } from "../transform/keys.js";
import { isEmpty, isRecordRef, type RecordRef, type RuntimeValue, type ValueNote } from "../transform/values.js";
import { archiveDisappeared, unarchiveReturned, type DeletionContext, type DisappearedRecord, type UnarchivedRecord } from "./deletions.js";
import { buildIndexes, type Indexes } from "./indexes.js";
import { stepFeeds, usesLookup, type StepFeeds } from "./plan-walk.js";
import { groupColumnName, readPlanEntity } from "./source-rows.js";

export type { DisappearedRecord, UnarchivedRecord } from "./deletions.js";

/** Where a step stands, for a progress bar or a log line. */
export interface StepProgress {
  readonly step: string;
  readonly model: string;
  readonly pass: "main" | "deferred";
  /** Source rows seen so far. */
  readonly rows: number;
  /** Rows the step will see, when known. */
  readonly total?: number;
  readonly rejected: number;
  readonly elapsedMs: number;
  readonly done: boolean;
}

export interface RunReporter {
  line(text: string): void;
  progress?(update: StepProgress): void;
}

/** Decides which rows a run writes (a sample, rows changed since a date); rows it drops are not counted as skipped. */
export interface RowFilter {
  readonly description: string;
  includes(entity: EntityPlan, row: SourceRow): boolean;
  /** How many rows of the entity it keeps, when it knows (for progress). */
  selectedCount?(entity: EntityPlan): number | undefined;
}

/** A row of the export: its entity and key. */
export interface RowId {
  readonly entity: string;
  readonly key: string;
}

/** What a selection (a sample, a delta) may ask once the export is indexed and lookups resolved. */
export interface SelectionContext {
  readonly plan: Plan;
  readonly indexes: Indexes;
  readonly rows: RowSource;
  readonly journal?: Journal;
  /**
   * The rows this row needs for its records to be whole: rows it refers to (`ref`, `get`, also
   * inside `with` blocks and in the second pass) and, for a child (`each`), its parent.
   */
  dependencies(entity: EntityPlan, row: SourceRow): Promise<readonly RowId[]>;
  /**
   * For each record the row makes that reads other rows (`with` blocks, `get`): its external ID
   * and the digest of what it reads now, to compare with the one the journal holds.
   */
  feedDigests(entity: EntityPlan, row: SourceRow): Promise<readonly { readonly step: string; readonly xmlid: string; readonly digest: string }[]>;
  /** The external ID a step gives the record of a row (instance for `for each` steps). */
  xmlidOf(step: StepPlan, key: string, instance?: number): string;
  say(text: string): void;
}

/** Chooses the rows a run writes once the export is indexed (e.g. a referentially closed sample). */
export interface RowSelection {
  prepare(context: SelectionContext): Promise<RowFilter>;
}

/** Where rows come from: the export's CSV files, or rows given in memory (test blocks). */
export type RowSource = (entity: EntityPlan) => { readonly rows: AsyncIterable<SourceItem>; readonly report?: () => SourceReadReport };

export interface RunOptions {
  readonly plan: Plan;
  /** Default: the CSV files of `sourceDirectory`. */
  readonly rows?: RowSource;
  readonly sourceDirectory: string;
  readonly target: LoadTarget;
  /** Live runs journal every write; files and dry runs do not need one. */
  readonly journal?: Journal;
  readonly reporter?: RunReporter;
  /** Rows per write batch (default 500, as measured best for load() in the connector). */
  readonly batchSize?: number;
  readonly filter?: RowFilter;
  /** Chooses the rows once the export is indexed; wins over `filter`. */
  readonly selection?: RowSelection;
  /** Recorded in the journal: this run is a sample of about this many records, drawn with `seed`. */
  readonly sample?: number;
  readonly seed?: number;
  /** Recorded in the journal: a delta pickup of rows changed since this time. */
  readonly since?: string;
}

export type RowStatus = "loaded" | "skipped" | "rejected";

export interface RejectRecord {
  readonly entity: string;
  readonly step?: string;
  readonly file?: string;
  readonly line?: number;
  readonly key?: string;
  readonly reason: string;
  readonly cells?: Readonly<Record<string, string>>;
}

export interface StepCounts {
  readonly step: string;
  readonly model: string;
  loaded: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  deferredWritten: number;
}

export interface EntityCounts {
  readonly entity: string;
  /** Physical records in the files after the header. */
  read: number;
  duplicates: number;
  loaded: number;
  /** Rows used by another step's `with` block rather than loaded on their own. */
  linked: number;
  skipped: number;
  rejected: number;
  /** Rows the filter (sample, since) left out of this run. */
  notSelected: number;
}

export interface NoteCount {
  readonly kind: ValueNote["kind"];
  readonly step: string;
  readonly field: string;
  count: number;
  readonly examples: string[];
}

export interface RunResult {
  readonly runId: string;
  readonly status: "complete" | "halted" | "failed";
  readonly message?: string;
  readonly target: string;
  readonly entities: readonly EntityCounts[];
  readonly steps: readonly StepCounts[];
  readonly rejects: readonly RejectRecord[];
  readonly notes: readonly NoteCount[];
  readonly setup: readonly SetupOutcome[];
  /** Records earlier runs wrote whose source row is no longer in the export: reported, archived with `deleted archive`, never deleted. */
  readonly disappeared: readonly DisappearedRecord[];
  /** Records earlier runs archived whose row is back in the export: unarchived by this run. */
  readonly unarchived: readonly UnarchivedRecord[];
  /** Rows whose entity counts do not add up: always empty unless Flitmap has a bug. */
  readonly reconciliationErrors: readonly string[];
  readonly startedAt: string;
  readonly durationMs: number;
}

/** A row's record waiting for its batch. */
interface PendingWrite {
  readonly row: SourceRow;
  readonly instanceKey: string;
  readonly write: WriteRow;
  readonly hash: string;
  /** The digest of what it read from other rows (runtime/execute/plan-walk.ts stepFeeds), journaled with it. */
  readonly feeds?: string;
}

interface StepRecord {
  readonly status: RowStatus;
  readonly xmlid?: string;
  readonly id?: number;
  readonly why?: string;
}

function contentHash(fields: readonly string[], cells: readonly string[]): string {
  return createHash("sha1")
    .update(JSON.stringify([fields, cells]))
    .digest("hex")
    .slice(0, 16);
}

/** How a value is written in a load() cell or an import file's cell. */
function cellOf(value: RuntimeValue, operation: OperationPlan, style: "id" | "xmlid"): string {
  if (value === null) return "";
  if (isRecordRef(value)) return style === "id" || operation.fieldType === "many2one_reference" ? String(value.id ?? "") : (value.xmlid ?? "");
  if (Array.isArray(value))
    return (value as readonly RuntimeValue[])
      .map((item) => cellOf(item, operation, style))
      .filter((cell) => cell !== "")
      .join(",");
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  return value as string;
}

function columnOf(operation: OperationPlan, style: "id" | "xmlid"): string {
  if (operation.fieldType === "many2one" || operation.fieldType === "many2many") return style === "id" ? `${operation.field}/.id` : `${operation.field}/id`;
  return operation.field;
}

/** Why a field's value cannot be written, checked before anything reaches Odoo. */
function fieldProblem(operation: OperationPlan, value: RuntimeValue, notes: readonly ValueNote[], style: "id" | "xmlid"): string | undefined {
  if (isEmpty(value)) {
    if (!operation.required || operation.defaulted === true) return undefined;
    const because = notes
      .filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing" || note.kind === "flagged")
      .map((note) => note.detail);
    return `Odoo requires ${operation.field}, but it is empty${because.length > 0 ? ` (${because.join("; ")})` : ""}`;
  }
  if (operation.selection !== undefined && typeof value === "string" && !operation.selection.includes(value)) {
    return `${JSON.stringify(value)} is not a value of ${operation.field} (it takes ${operation.selection.map((key) => JSON.stringify(key)).join(", ")})`;
  }
  if (operation.size !== undefined && typeof value === "string" && value.length > operation.size) {
    return `${operation.field} takes at most ${operation.size} characters, this has ${value.length}: shorten it with \`| truncate(${operation.size})\``;
  }
  if (style === "id" && isRecordRef(value) && value.id === undefined)
    return `${operation.field} points to ${value.xmlid ?? value.model} whose database id is unknown`;
  return undefined;
}

function normaliseKey(value: string): string[] {
  const trimmed = value.trim();
  const candidates = [trimmed];
  if (/^[+-]?\d+(\.0+)?$/.test(trimmed)) candidates.push(String(Number(trimmed)));
  return candidates;
}

class Execution {
  private readonly started = new Date();
  private readonly runId: string;
  private readonly stepRecords = new Map<string, Map<string, StepRecord>>();
  private readonly entityOutcomes = new Map<string, Map<string, { status: RowStatus; reason?: string }>>();
  private readonly stepCounts = new Map<string, StepCounts>();
  private readonly rejects: RejectRecord[] = [];
  private readonly notes = new Map<string, NoteCount>();
  private readonly setupRefs = new Map<string, RecordRef>();
  private readonly lookups = new Map<string, LookupRuntime>();
  private readonly fetchedLookupRecords = new Map<string, readonly TargetRecord[]>();
  private readonly tables = new Map<string, TableRuntime>();
  private readonly known: ReturnType<typeof knownRecords>;
  private readonly knownFeeds: ReadonlyMap<string, string>;
  private readonly feedsOfStep = new Map<string, StepFeeds>();
  private readonly knownDeferred = new Map<string, string>();
  private readonly pendingCreated = new Set<string>();
  /** Records to write even when their values did not change (unarchived records whose step writes `active`). */
  private readonly rewrite = new Set<string>();
  private indexes: Indexes | undefined;
  private filter: RowFilter | undefined;
  /** Records this run wrote, by model: their write_date is read again once the run is over. */
  private readonly writtenIds = new Map<string, Map<number, string>>();
  private readonly stepsByEntity = new Map<string, StepPlan[]>();
  private readonly batchSize: number;
  private readonly rows: RowSource;

  constructor(private readonly options: RunOptions) {
    this.rows = options.rows ?? ((entity) => readPlanEntity(entity, options.sourceDirectory));
    const journal = options.journal;
    this.known = journal === undefined ? new Map() : knownRecords(journal.events);
    this.knownFeeds = journal === undefined ? new Map() : knownFeeds(journal.events);
    for (const step of options.plan.steps) {
      const feeds = stepFeeds(step);
      if (feeds !== undefined) this.feedsOfStep.set(step.id, feeds);
    }
    this.runId = this.resumableRun() ?? `${this.started.toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-${randomUUID().slice(0, 8)}`;
    this.batchSize = options.batchSize ?? 500;
    for (const step of options.plan.steps) this.stepsByEntity.set(step.entity, [...(this.stepsByEntity.get(step.entity) ?? []), step]);
    for (const table of options.plan.tables) this.tables.set(table.name, tableRuntime(table));
    if (journal !== undefined) this.rememberJournal(journal);
  }

  /** The interrupted run this one continues: same plan, same target, no end recorded. */
  private resumableRun(): string | undefined {
    const journal = this.options.journal;
    if (journal === undefined) return undefined;
    const runs = journal.runs();
    const last = runs[runs.length - 1];
    if (last === undefined || last.status !== "interrupted") return undefined;
    const start = journal.events.find((event) => event.type === "run-start" && event.run === last.run);
    if (start?.type !== "run-start" || start.planHash !== planHash(this.options.plan) || start.target !== this.options.target.describe()) return undefined;
    // A sample or a delta resumes only as the same sample or delta.
    const { sample, seed, since } = this.options;
    if (start.sample !== sample || start.seed !== (sample === undefined ? undefined : seed) || start.since !== since) return undefined;
    return last.run;
  }

  private rememberJournal(journal: Journal): void {
    const ended = new Set<string>();
    const undone = rolledBackRuns(journal.events);
    for (const event of journal.events) if (event.type === "batch-end") ended.add(event.batch);
    for (const event of journal.events) {
      if (undone.has(event.run)) continue;
      // A batch sent but never acknowledged: records it may have created are ours, whatever Odoo says later.
      if (event.type === "batch-start" && !ended.has(event.batch) && event.pass === "main") {
        for (const xmlid of event.xmlids) if (event.existing[xmlid] === undefined) this.pendingCreated.add(xmlid);
      }
      if (event.type === "batch-end" && event.pass === "deferred") for (const row of event.rows) this.knownDeferred.set(row.xmlid, row.hash);
    }
  }

  private say(text: string): void {
    this.options.reporter?.line(text);
  }

  private counts(step: StepPlan): StepCounts {
    let counts = this.stepCounts.get(step.id);
    if (counts === undefined) {
      counts = { step: step.id, model: step.model, loaded: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0, deferredWritten: 0 };
      this.stepCounts.set(step.id, counts);
    }
    return counts;
  }

  private note(step: StepPlan, field: string, note: ValueNote): void {
    const key = `${step.id}\u0000${field}\u0000${note.kind}`;
    const entry = this.notes.get(key) ?? { kind: note.kind, step: step.id, field, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 5) entry.examples.push(note.detail);
    this.notes.set(key, entry);
  }

  private setEntityOutcome(entity: string, key: string, status: RowStatus, reason?: string): void {
    const outcomes = this.entityOutcomes.get(entity) ?? new Map<string, { status: RowStatus; reason?: string }>();
    this.entityOutcomes.set(entity, outcomes);
    const previous = outcomes.get(key);
    // A row is rejected if any of its records is; loaded if any is loaded; skipped only if all are.
    const rank = { rejected: 3, loaded: 2, skipped: 1 } as const;
    if (previous === undefined || rank[status] > rank[previous.status]) outcomes.set(key, { status, ...(reason === undefined ? {} : { reason }) });
  }

  private setStepRecord(step: StepPlan, instanceKey: string, record: StepRecord): void {
    const records = this.stepRecords.get(step.id) ?? new Map<string, StepRecord>();
    this.stepRecords.set(step.id, records);
    records.set(instanceKey, record);
  }

  // -------------------------------------------------------------------------------------------
  // the evaluation environment

  private environment(): EvaluationEnvironment {
    const indexes = this.indexes;
    if (indexes === undefined) throw new Error("indexes are built first");
    const plan = this.options.plan;
    const stepEntity = new Map(plan.steps.map((step) => [step.id, step]));
    const rejected = (entity: string, key: string): string | undefined => {
      const rejectedKeys = indexes.entities.get(entity)?.rejectedKeys;
      return normaliseKey(key)
        .map((form) => rejectedKeys?.get(form))
        .find((reason) => reason !== undefined);
    };
    const resolve = (stepId: string, key: string): ReferenceResolution => {
      const step = stepEntity.get(stepId);
      if (step === undefined) return { status: "missing" };
      const entityIndex = indexes.entities.get(step.entity);
      const keys = entityIndex?.keys;
      const candidate = normaliseKey(key).find((form) => keys?.has(form) === true);
      if (candidate === undefined) {
        const unreadable = rejected(step.entity, key);
        return unreadable === undefined ? { status: "missing" } : { status: "not-loaded", why: `its row was rejected: ${unreadable}` };
      }
      const record = this.stepRecords.get(stepId)?.get(candidate);
      if (record === undefined) {
        // A row this run leaves out (a delta, a sample) may have its record from an earlier run.
        const earlier = this.filter === undefined ? undefined : this.known.get(recordXmlid(plan.migration.namespace, stepId, candidate));
        if (earlier !== undefined && this.options.target.capabilities.earlierRecords === "journal-id")
          return { status: "found", record: { kind: "record", model: step.model, xmlid: earlier.xmlid, id: earlier.id } };
        // Import files point by external ID: a record imported before keeps its ID.
        if (this.filter !== undefined && this.options.target.capabilities.earlierRecords === "external-id")
          return { status: "found", record: { kind: "record", model: step.model, xmlid: recordXmlid(plan.migration.namespace, stepId, candidate) } };
        return { status: "not-loaded", why: this.filter === undefined ? "not loaded in this run" : `not selected for this run (${this.filter.description})` };
      }
      if (record.status !== "loaded") return { status: "not-loaded", why: record.why ?? record.status };
      return {
        status: "found",
        record: {
          kind: "record",
          model: step.model,
          ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }),
          ...(record.id === undefined ? {} : { id: record.id }),
        },
      };
    };
    const sourceDirectory = this.options.sourceDirectory;
    const builtinContexts = new Map<string, BuiltinContext>();
    return {
      table: (name) => {
        const table = this.tables.get(name);
        if (table === undefined) throw new Error(`the plan has no table ${name}`);
        return table;
      },
      lookup: (name) => {
        const lookup = this.lookups.get(name);
        if (lookup === undefined) throw new Error(`the plan has no lookup ${name}`);
        return lookup;
      },
      reference: resolve,
      sibling: resolve,
      linked: (entity, by, key, orderBy, descending) => {
        const rows = indexes.linked.get(`${entity}\u0000${by}`)?.get(key) ?? [];
        const ordered = orderBy === undefined ? rows : [...rows].sort((left, right) => orderValues(left.order, right.order) * (descending ? -1 : 1));
        return ordered.map((row) => row.values);
      },
      entity: (name) => {
        const entity = plan.entities.find((candidate) => candidate.name === name);
        if (entity === undefined) throw new Error(`the plan has no entity ${name}`);
        return entity;
      },
      get: (entity, column, key) => {
        const map = indexes.get.get(`${entity}\u0000${column}`);
        const candidate = normaliseKey(key).find((form) => map?.has(form) === true);
        return candidate === undefined ? undefined : (map?.get(candidate) ?? null);
      },
      rejected,
      record: (model, xmlid) => this.setupRefs.get(xmlid) ?? { kind: "record", model, xmlid },
      builtinContext: (entity) => {
        let context = builtinContexts.get(entity.name);
        if (context === undefined) {
          context = {
            options: entity.options,
            readFile: async (path) => {
              const result = await readAttachment(sourceDirectory, path);
              if (result.kind === "rejected") return { ok: false, reason: result.reason };
              return { ok: true, base64: result.base64, mimetype: result.mimeType, size: result.size, name: result.name };
            },
          };
          builtinContexts.set(entity.name, context);
        }
        return context;
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // selection (samples, deltas)

  private selectionContext(environment: EvaluationEnvironment): SelectionContext {
    const indexes = this.indexes;
    if (indexes === undefined) throw new Error("indexes are built first");
    const { plan, journal } = this.options;
    return {
      plan,
      indexes,
      rows: this.rows,
      ...(journal === undefined ? {} : { journal }),
      dependencies: (entity, row) => this.dependencies(entity, row, environment),
      feedDigests: async (entity, row) => {
        const digests: { step: string; xmlid: string; digest: string }[] = [];
        for (const step of this.stepsByEntity.get(entity.name) ?? []) {
          for (const instance of step.forEach === undefined ? [undefined] : range(step.forEach.from, step.forEach.to)) {
            const digest = await this.feedsDigest(step, entity, row, instance, environment);
            if (digest !== undefined) digests.push({ step: step.id, xmlid: recordXmlid(plan.migration.namespace, step.id, row.key, instance), digest });
          }
        }
        return digests;
      },
      xmlidOf: (step, key, instance) => recordXmlid(plan.migration.namespace, step.id, key, instance),
      say: (text) => this.say(text),
    };
  }

  /**
   * A digest of what a step's record reads from other rows (runtime/execute/plan-walk.ts
   * stepFeeds): the rows `with` blocks link to the row, as the index holds them, and each `get`'s
   * value. References stand in by external ID, so that the digest is the same whether the run
   * has written the record pointed to yet or not (a delta computes it before anything is written).
   */
  private async feedsDigest(
    step: StepPlan,
    entity: EntityPlan,
    row: SourceRow,
    instance: number | undefined,
    environment: EvaluationEnvironment,
  ): Promise<string | undefined> {
    const feeds = this.feedsOfStep.get(step.id);
    const indexes = this.indexes;
    if (feeds === undefined || indexes === undefined) return undefined;
    const parts: unknown[] = feeds.linked.map(({ entity: linked, by }) =>
      (indexes.linked.get(`${linked}\u0000${by}`)?.get(row.key) ?? []).map((linkedRow) => [linkedRow.order, linkedRow.values]),
    );
    if (feeds.gets.length > 0) {
      const stand = (stepId: string, key: string): ReferenceResolution => ({
        status: "found",
        record: { kind: "record", model: "", xmlid: recordXmlid(this.options.plan.migration.namespace, stepId, key) },
      });
      const standing: EvaluationEnvironment = { ...environment, reference: stand, sibling: stand };
      const input = this.rowInput(entity, row, step, instance);
      for (const get of feeds.gets) {
        const { outcome } = await evaluate(get, input, standing);
        parts.push(outcome.ok ? outcome.value : { failed: outcome.reason });
      }
    }
    return createHash("sha1").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
  }

  /** Evaluates every step of a row as the run would, noting each row it reaches through `ref`, `get` or a parent. */
  private async dependencies(entity: EntityPlan, row: SourceRow, environment: EvaluationEnvironment): Promise<RowId[]> {
    const indexes = this.indexes;
    if (indexes === undefined) throw new Error("indexes are built first");
    const plan = this.options.plan;
    const reached = new Map<string, RowId>();
    const reach = (entityName: string, key: string): string | undefined => {
      const keys = indexes.entities.get(entityName)?.keys;
      const candidate = normaliseKey(key).find((form) => keys?.has(form) === true);
      if (candidate !== undefined && !(entityName === entity.name && candidate === row.key))
        reached.set(`${entityName}\u0000${candidate}`, { entity: entityName, key: candidate });
      return candidate;
    };
    const stepById = new Map(plan.steps.map((step) => [step.id, step]));
    const stand = (stepId: string, key: string): ReferenceResolution => {
      const step = stepById.get(stepId);
      if (step === undefined) return { status: "missing" };
      return { status: "found", record: { kind: "record", model: step.model, xmlid: recordXmlid(plan.migration.namespace, stepId, key), id: 0 } };
    };
    const recording: EvaluationEnvironment = {
      ...environment,
      reference: (stepId, key) => {
        const step = stepById.get(stepId);
        const candidate = step === undefined ? undefined : reach(step.entity, key);
        return candidate === undefined ? { status: "missing" } : stand(stepId, candidate);
      },
      sibling: (stepId, key) => stand(stepId, key),
      get: (entityName, column, key) => {
        reach(entityName, key);
        return environment.get(entityName, column, key);
      },
      // Only which rows are reached matters here: files are not read.
      builtinContext: (of) => ({
        options: of.options,
        readFile: async (path) => ({ ok: true, base64: "", mimetype: "application/octet-stream", size: 0, name: path }),
      }),
    };
    for (const step of this.stepsByEntity.get(entity.name) ?? []) {
      const instances = step.forEach === undefined ? [undefined] : range(step.forEach.from, step.forEach.to);
      for (const instance of instances) {
        const input = this.rowInput(entity, row, step, instance);
        let makesRecord = true;
        for (const condition of step.conditions) {
          const { outcome } = await evaluate(condition, input, recording);
          if (!outcome.ok || outcome.value !== true) makesRecord = false;
          if (!makesRecord) break;
        }
        if (!makesRecord) continue;
        for (const operation of [...step.operations, ...step.deferred]) await evaluate(operation.value, input, recording);
        if (step.parent !== undefined) {
          const parent = stepById.get(step.parent.step);
          if (parent !== undefined) reach(parent.entity, textOf(row.values[step.parent.by] ?? null));
        }
      }
    }
    return [...reached.values()];
  }

  /**
   * Records earlier runs wrote whose row is gone from the export: looked up in the index of the
   * whole export, so rows a sample or a delta leaves out are not gone. A row the reader rejected
   * is still there (its reject says why it was not written).
   */
  private disappeared(): DisappearedRecord[] {
    const indexes = this.indexes;
    if (indexes === undefined || !this.options.target.capabilities.keepsRecords) return [];
    const steps = new Map(this.options.plan.steps.map((step) => [step.id, step]));
    const archiving = this.options.plan.migration.deleted === "archive";
    const gone: DisappearedRecord[] = [];
    for (const record of this.known.values()) {
      const step = steps.get(record.step);
      if (step === undefined) continue;
      const key = step.forEach === undefined ? record.key : record.key.replace(/#\d+$/, "");
      const index = indexes.entities.get(step.entity);
      if (index?.keys.has(key) === true || index?.rejectedKeys.has(key) === true) continue;
      gone.push({
        step: step.id,
        model: record.model,
        xmlid: record.xmlid,
        id: record.id,
        key,
        run: record.run,
        ...(archiving ? { action: "not archived" as const, why: "the run ended before archiving" } : { action: "reported" as const }),
      });
    }
    return gone;
  }

  private deletionContext(journal: Journal): DeletionContext {
    const indexes = this.indexes;
    if (indexes === undefined) throw new Error("indexes are built first");
    return {
      plan: this.options.plan,
      target: this.options.target,
      journal,
      runId: this.runId,
      batchSize: this.batchSize,
      indexes,
      known: this.known,
      sample: this.options.sample !== undefined,
      wrote: (model, id, xmlid) => {
        const ids = this.writtenIds.get(model) ?? new Map<number, string>();
        this.writtenIds.set(model, ids);
        ids.set(id, xmlid);
      },
      say: (text) => this.say(text),
    };
  }

  /** `deleted archive`: archives the records whose row is gone, and says what became of each. */
  private async archive(disappeared: readonly DisappearedRecord[]): Promise<readonly DisappearedRecord[]> {
    const journal = this.options.journal;
    if (this.options.plan.migration.deleted !== "archive" || journal === undefined || disappeared.length === 0) return disappeared;
    const outcome = await archiveDisappeared(this.deletionContext(journal), disappeared);
    const archived = outcome.filter((record) => record.action === "archived").length;
    if (archived > 0)
      this.say(`archived ${archived} record${archived === 1 ? "" : "s"} whose row is gone (active = false; flitmap rollback of this run unarchives them)`);
    const reasons = new Map<string, number>();
    for (const record of outcome) {
      if (record.action === "archived") continue;
      const reason = `${record.action}${record.why === undefined ? "" : ` (${record.why})`}`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, count] of reasons) this.say(`  ${count} ${reason}`);
    return outcome;
  }

  /**
   * Records runs archived whose row is back get `active` back. A step that writes `active` itself
   * (a lost deal stays archived) writes its records again, so that its own value wins.
   */
  private async unarchive(journal: Journal): Promise<readonly UnarchivedRecord[]> {
    const unarchived = await unarchiveReturned(this.deletionContext(journal));
    const writesActive = new Set(
      this.options.plan.steps.filter((step) => step.operations.some((operation) => operation.field === "active")).map((step) => step.id),
    );
    for (const record of unarchived) if (writesActive.has(record.step)) this.rewrite.add(record.xmlid);
    return unarchived;
  }

  // -------------------------------------------------------------------------------------------
  // phases

  private async resolveLookups(): Promise<void> {
    for (const lookup of this.options.plan.lookups) {
      const records = await this.options.target.lookupRecords(lookup);
      this.fetchedLookupRecords.set(lookup.name, records);
      this.lookups.set(lookup.name, lookupRuntime(lookup, records, this.lookupStyle()));
      this.say(
        `lookup ${lookup.name}: ${records.length} ${lookup.model} record${records.length === 1 ? "" : "s"} to match by ${lookup.matchFields.join(" or ")}`,
      );
    }
  }

  /** Import files can only name a record by its external ID; a dry run against a server names nothing and may match any record. */
  private lookupStyle(): "id" | "xmlid" {
    return this.options.target.capabilities.lookupMatches;
  }

  /**
   * Reference records the setup just made are records of the target too: a lookup of their model
   * (a fallback to a product the package creates) finds them on the first run, not only on the next.
   */
  private addSetupRecordsToLookups(): void {
    for (const lookup of this.options.plan.lookups) {
      const made = this.options.plan.setup.records
        .filter((record) => record.model === lookup.model)
        .flatMap((record) => {
          const ref = this.setupRefs.get(record.xmlid);
          if (ref === undefined) return [];
          const values: Record<string, unknown> = {};
          for (const [field, value] of Object.entries(record.values)) if (value === null || typeof value !== "object") values[field] = value;
          return [{ ...(ref.id === undefined ? {} : { id: ref.id }), xmlid: ref.xmlid ?? record.xmlid, label: ref.label ?? record.name, values, active: true }];
        });
      if (made.length === 0) continue;
      this.lookups.set(lookup.name, lookupRuntime(lookup, [...(this.fetchedLookupRecords.get(lookup.name) ?? []), ...made], this.lookupStyle()));
    }
  }

  private rowInput(entity: EntityPlan, row: SourceRow, step: StepPlan, instance: number | undefined): RowInput {
    if (instance === undefined || step.forEach === undefined) return { entity, key: row.key, values: row.values };
    const group = entity.groups.find((candidate) => candidate.name === step.forEach?.group);
    const values: Record<string, RuntimeValue> = {};
    for (const column of group?.columns ?? []) values[column.name] = row.values[groupColumnName(step.forEach.group, instance, column.name)] ?? null;
    return { entity, key: row.key, values: row.values, group: { name: step.forEach.group, instance, values } };
  }

  private entityOf(step: StepPlan): EntityPlan {
    const entity = this.options.plan.entities.find((candidate) => candidate.name === step.entity);
    if (entity === undefined) throw new Error(`the plan has no entity ${step.entity}`);
    return entity;
  }

  private selected(entity: EntityPlan, row: SourceRow): boolean {
    return this.filter === undefined || this.filter.includes(entity, row);
  }

  /** Rows a `halt` lookup cannot match stop the run before anything is written. */
  private async haltMisses(): Promise<string[]> {
    const halting = new Set(this.options.plan.lookups.filter((lookup) => lookup.missing.policy === "halt").map((lookup) => lookup.name));
    if (halting.size === 0) return [];
    const environment = this.environment();
    const misses: string[] = [];
    for (const step of this.options.plan.steps) {
      const operations = step.operations.filter((operation) => usesLookup(operation.value, halting));
      if (operations.length === 0) continue;
      const entity = this.entityOf(step);
      for await (const item of this.rows(entity).rows) {
        if (item.kind !== "row" || !this.selected(entity, item)) continue;
        const input: RowInput = { entity, key: item.key, values: item.values };
        for (const operation of operations) {
          const { outcome } = await evaluate(operation.value, input, environment);
          if (!outcome.ok && misses.length < 1000) misses.push(`${entity.name} ${item.key} (${item.file}:${item.line}): ${outcome.reason}`);
        }
      }
    }
    return misses;
  }

  private async setup(): Promise<SetupOutcome[]> {
    const { plan, target, journal } = this.options;
    const outcomes: SetupOutcome[] = [...(await target.ensureCustomFields(plan.setup.customFields))];
    const records = await target.ensureRecords(plan.setup.records, (model, xmlid) => this.setupRefs.get(xmlid) ?? { kind: "record", model, xmlid });
    for (const [xmlid, ref] of records.refs) this.setupRefs.set(xmlid, ref);
    outcomes.push(...records.outcomes);
    for (const outcome of outcomes) {
      journal?.append({
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
    const created = outcomes.filter((outcome) => outcome.action === "created").length;
    if (outcomes.length > 0)
      this.say(
        `setup: ${outcomes.length} custom field${outcomes.length === 1 ? "" : "s"} and reference record${outcomes.length === 1 ? "" : "s"} (${created} created)`,
      );
    return outcomes;
  }

  private async runStep(step: StepPlan, environment: EvaluationEnvironment): Promise<void> {
    const entity = this.entityOf(step);
    const style = this.options.target.referenceStyle;
    const counts = this.counts(step);
    const fields = ["id", ...step.operations.map((operation) => columnOf(operation, style))];
    if (step.parent !== undefined) fields.push(style === "id" ? `${step.parent.inverse}/.id` : `${step.parent.inverse}/id`);
    let pending: PendingWrite[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      await this.write(step, entity, fields, batch, "main");
    };
    let seen = 0;
    const progress = this.progressOf(step, entity, "main");
    // What the records read from other rows is journaled only where a journal is: a live run.
    const journaled = this.options.journal !== undefined && this.options.target.capabilities.keepsRecords;
    const unchangedFeeds: [string, string][] = [];
    for await (const item of this.rows(entity).rows) {
      if (item.kind !== "row") continue;
      if (!this.selected(entity, item)) continue;
      seen += 1;
      if (seen % 100 === 0) progress(seen, false);
      const instances = step.forEach === undefined ? [undefined] : range(step.forEach.from, step.forEach.to);
      for (const instance of instances) {
        const instanceKey = instance === undefined ? item.key : `${item.key}#${instance}`;
        const input = this.rowInput(entity, item, step, instance);
        const decision = await this.decide(step, input, environment, style);
        if (decision.kind === "skip") {
          counts.skipped += 1;
          this.setStepRecord(step, instanceKey, { status: "skipped", why: "skipped by its condition" });
          this.setEntityOutcome(entity.name, item.key, "skipped");
          continue;
        }
        if (decision.kind === "reject") {
          this.rejectRow(step, entity, item, instanceKey, decision.reason);
          continue;
        }
        const cells = [...decision.cells];
        if (step.parent !== undefined) {
          const parentKey = textOf(item.values[step.parent.by] ?? null);
          const parent = environment.reference(step.parent.step, parentKey);
          if (parent.status !== "found") {
            this.rejectRow(
              step,
              entity,
              item,
              instanceKey,
              `the ${step.parent.step} ${JSON.stringify(parentKey)} it belongs to ${parent.status === "missing" ? "does not exist in the export" : `was not loaded (${parent.why})`}`,
            );
            continue;
          }
          cells.push(style === "id" ? String(parent.record.id ?? "") : (parent.record.xmlid ?? ""));
        }
        const xmlid = recordXmlid(this.options.plan.migration.namespace, step.id, item.key, instance);
        const hash = contentHash(fields, cells);
        const previous = this.known.get(xmlid);
        const feeds = journaled ? await this.feedsDigest(step, entity, item, instance, environment) : undefined;
        if (this.options.target.capabilities.keepsRecords && previous !== undefined && previous.hash === hash && !this.rewrite.has(xmlid)) {
          counts.loaded += 1;
          counts.unchanged += 1;
          this.setStepRecord(step, instanceKey, { status: "loaded", xmlid, id: previous.id });
          this.setEntityOutcome(entity.name, item.key, "loaded");
          if (feeds !== undefined && this.knownFeeds.get(xmlid) !== feeds) unchangedFeeds.push([xmlid, feeds]);
          continue;
        }
        const write: WriteRow = {
          key: instanceKey,
          xmlid,
          cells: [xmlid, ...cells],
          ...(decision.defaulted.length > 0 ? { defaulted: decision.defaulted } : {}),
        };
        pending.push({ row: item, instanceKey, write, hash, ...(feeds === undefined ? {} : { feeds }) });
        if (pending.length >= this.batchSize) await flush();
      }
    }
    await flush();
    // In lines of 1,000 records: the first delta after an upgrade may journal every record of a step.
    for (let start = 0; start < unchangedFeeds.length; start += 1000)
      this.options.journal?.append({
        type: "feeds",
        run: this.runId,
        step: step.id,
        model: step.model,
        feeds: Object.fromEntries(unchangedFeeds.slice(start, start + 1000)),
      });
    progress(seen, true);
    this.say(
      `${step.id} → ${step.model}: ${counts.loaded} loaded (${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged), ${counts.skipped} skipped, ${counts.rejected} rejected`,
    );
  }

  /** Decides what a row makes for a step: a skip, a rejection, or the cells to write. */
  private async decide(
    step: StepPlan,
    input: RowInput,
    environment: EvaluationEnvironment,
    style: "id" | "xmlid",
  ): Promise<{ kind: "skip" } | { kind: "reject"; reason: string } | { kind: "write"; cells: string[]; defaulted: string[] }> {
    for (const condition of step.conditions) {
      const { outcome } = await evaluate(condition, input, environment);
      if (!outcome.ok) return { kind: "reject", reason: outcome.reason };
      if (outcome.value !== true) return { kind: "skip" };
    }
    const cells: string[] = [];
    const defaulted: string[] = [];
    for (const operation of step.operations) {
      const { outcome, notes } = await evaluate(operation.value, input, environment);
      if (!outcome.ok) {
        // `| required` after a reference says only "empty": the notes say why.
        const because = notes.filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing").map((note) => note.detail);
        return { kind: "reject", reason: `${operation.field}: ${outcome.reason}${because.length > 0 ? ` (${because.join("; ")})` : ""}` };
      }
      const problem = fieldProblem(operation, outcome.value, notes, style);
      if (problem !== undefined) return { kind: "reject", reason: problem };
      for (const note of notes) this.note(step, operation.field, note);
      cells.push(cellOf(outcome.value, operation, style));
      if (operation.defaulted === true && isEmpty(outcome.value)) defaulted.push(columnOf(operation, style));
    }
    return { kind: "write", cells, defaulted };
  }

  private rejectRow(step: StepPlan, entity: EntityPlan, row: SourceRow, instanceKey: string, reason: string): void {
    this.counts(step).rejected += 1;
    this.setStepRecord(step, instanceKey, { status: "rejected", why: reason });
    this.setEntityOutcome(entity.name, row.key, "rejected", reason);
    this.rejects.push({ entity: entity.name, step: step.id, file: row.file, line: row.line, key: row.key, reason, cells: row.raw });
  }

  private async write(step: StepPlan, entity: EntityPlan, fields: readonly string[], batch: readonly PendingWrite[], pass: "main" | "deferred"): Promise<void> {
    const { target, journal } = this.options;
    const counts = this.counts(step);
    const xmlids = batch.map((entry) => entry.write.xmlid);
    const batchId = randomUUID().slice(0, 12);
    const existing = target.capabilities.keepsRecords ? await target.existing(step.model, xmlids, fields) : new Map();
    journal?.append({
      type: "batch-start",
      run: this.runId,
      batch: batchId,
      step: step.id,
      model: step.model,
      pass,
      xmlids,
      existing: Object.fromEntries([...existing].map(([xmlid, record]) => [xmlid, { id: record.id, before: record.values }])),
    });
    const result = await target.write({ step: step.id, model: step.model, pass, fields, rows: batch.map((entry) => entry.write) });
    const stamps =
      journal !== undefined && target.writeDates !== undefined && result.loaded.length > 0
        ? await target.writeDates(
            step.model,
            result.loaded.map((loaded) => loaded.id),
          )
        : new Map<number, string>();
    const byKey = new Map(batch.map((entry) => [entry.instanceKey, entry]));
    const written: RowWrite[] = [];
    const writtenIds = this.writtenIds.get(step.model) ?? new Map<number, string>();
    this.writtenIds.set(step.model, writtenIds);
    for (const loaded of result.loaded) {
      const entry = byKey.get(loaded.key);
      if (entry === undefined) continue;
      const wasThere = existing.has(entry.write.xmlid) && !this.pendingCreated.has(entry.write.xmlid);
      const action = wasThere ? "updated" : "created";
      const stamp = stamps.get(loaded.id);
      written.push({
        key: entry.instanceKey,
        xmlid: entry.write.xmlid,
        id: loaded.id,
        action,
        hash: entry.hash,
        ...(stamp === undefined ? {} : { stamp }),
        ...(entry.feeds === undefined ? {} : { feeds: entry.feeds }),
      });
      if (target.capabilities.keepsRecords) writtenIds.set(loaded.id, entry.write.xmlid);
      if (pass === "deferred") {
        counts.deferredWritten += 1;
        continue;
      }
      counts.loaded += 1;
      if (action === "created") counts.created += 1;
      else counts.updated += 1;
      this.setStepRecord(step, entry.instanceKey, {
        status: "loaded",
        xmlid: entry.write.xmlid,
        ...(target.capabilities.keepsRecords ? { id: loaded.id } : {}),
      });
      this.setEntityOutcome(entity.name, entry.row.key, "loaded");
    }
    for (const rejected of result.rejected) {
      const entry = byKey.get(rejected.key);
      if (entry === undefined) continue;
      if (pass === "deferred") {
        this.rejects.push({
          entity: entity.name,
          step: step.id,
          file: entry.row.file,
          line: entry.row.line,
          key: entry.row.key,
          reason: `second pass refused by Odoo: ${rejected.message}`,
          cells: entry.row.raw,
        });
        continue;
      }
      this.rejectRow(step, entity, entry.row, entry.instanceKey, `refused by Odoo: ${rejected.message}`);
    }
    journal?.append({
      type: "batch-end",
      run: this.runId,
      batch: batchId,
      step: step.id,
      model: step.model,
      pass,
      rows: written,
      rejected: result.rejected.length,
      time: new Date().toISOString(),
    });
  }

  /** Second pass: fields pointing to records that did not exist yet when their record was loaded. */
  private async runDeferred(step: StepPlan, environment: EvaluationEnvironment): Promise<void> {
    if (step.deferred.length === 0) return;
    const entity = this.entityOf(step);
    const style = this.options.target.referenceStyle;
    const fields = ["id", ...step.deferred.map((operation) => columnOf(operation, style))];
    let pending: { row: SourceRow; instanceKey: string; write: WriteRow; hash: string }[] = [];
    const records = this.stepRecords.get(step.id);
    const progress = this.progressOf(step, entity, "deferred");
    let seen = 0;
    for await (const item of this.rows(entity).rows) {
      if (item.kind !== "row" || !this.selected(entity, item)) continue;
      seen += 1;
      if (seen % 100 === 0) progress(seen, false);
      const instances = step.forEach === undefined ? [undefined] : range(step.forEach.from, step.forEach.to);
      for (const instance of instances) {
        const instanceKey = instance === undefined ? item.key : `${item.key}#${instance}`;
        const record = records?.get(instanceKey);
        if (record?.status !== "loaded" || record.xmlid === undefined) continue;
        const input = this.rowInput(entity, item, step, instance);
        const cells: string[] = [];
        for (const operation of step.deferred) {
          const { outcome, notes } = await evaluate(operation.value, input, environment);
          for (const note of notes) this.note(step, operation.field, note);
          cells.push(outcome.ok ? cellOf(outcome.value, operation, style) : "");
        }
        const hash = contentHash(fields, cells);
        if (this.options.target.capabilities.keepsRecords && this.knownDeferred.get(record.xmlid) === hash) continue;
        if (cells.every((cell) => cell === "") && !this.knownDeferred.has(record.xmlid)) continue;
        pending.push({ row: item, instanceKey, write: { key: instanceKey, xmlid: record.xmlid, cells: [record.xmlid, ...cells] }, hash });
        if (pending.length >= this.batchSize) {
          await this.write(step, entity, fields, pending, "deferred");
          pending = [];
        }
      }
    }
    if (pending.length > 0) await this.write(step, entity, fields, pending, "deferred");
    progress(seen, true);
  }

  /** Reports a step's rows as they go: how many of how many, how fast, how many rejected. */
  private progressOf(step: StepPlan, entity: EntityPlan, pass: "main" | "deferred"): (rows: number, done: boolean) => void {
    const reporter = this.options.reporter;
    if (reporter?.progress === undefined) return () => undefined;
    const started = Date.now();
    const total = this.filter === undefined ? this.indexes?.entities.get(entity.name)?.keys.size : this.filter.selectedCount?.(entity);
    return (rows, done) =>
      reporter.progress?.({
        step: step.id,
        model: step.model,
        pass,
        rows,
        ...(total === undefined ? {} : { total }),
        rejected: this.counts(step).rejected,
        elapsedMs: Date.now() - started,
        done,
      });
  }

  // -------------------------------------------------------------------------------------------
  // accounting

  private entityCounts(): { entities: EntityCounts[]; errors: string[] } {
    const indexes = this.indexes;
    const entities: EntityCounts[] = [];
    const errors: string[] = [];
    if (indexes === undefined) return { entities, errors };
    for (const [name, index] of indexes.entities) {
      const counts: EntityCounts = {
        entity: name,
        read: index.read,
        duplicates: index.duplicates,
        loaded: 0,
        linked: 0,
        skipped: 0,
        rejected: 0,
        notSelected: 0,
      };
      for (const rejection of index.rejections) {
        counts.rejected += 1;
        this.rejects.push({ entity: name, file: rejection.file, line: rejection.line, reason: rejection.reason, cells: rejection.raw });
      }
      const outcomes = this.entityOutcomes.get(name) ?? new Map<string, { status: RowStatus; reason?: string }>();
      const hasSteps = (this.stepsByEntity.get(name) ?? []).length > 0;
      const parents = indexes.parents.get(name);
      const parentKeys = (entity: string): Set<string> | undefined => indexes.entities.get(entity)?.keys;
      for (const key of index.keys) {
        const outcome = outcomes.get(key);
        if (outcome !== undefined) {
          counts[outcome.status] += 1;
          continue;
        }
        if (hasSteps) {
          // Every row a step saw has an outcome: the others were left out by the sample or delta filter.
          counts.notSelected += 1;
          continue;
        }
        const parent = parents?.get(key);
        if (parent === undefined) {
          counts.linked += 1;
          continue;
        }
        // A linked row lands with the record of the row it belongs to, or not at all.
        const parentOutcome = this.entityOutcomes.get(parent.entity)?.get(parent.key);
        if (parentKeys(parent.entity)?.has(parent.key) !== true) {
          counts.rejected += 1;
          this.rejects.push({ entity: name, key, reason: `it belongs to ${parent.entity} ${JSON.stringify(parent.key)}, which does not exist in the export` });
        } else if (parentOutcome === undefined) {
          counts.notSelected += 1;
        } else if (parentOutcome.status === "rejected") {
          counts.rejected += 1;
          this.rejects.push({ entity: name, key, reason: `it belongs to ${parent.entity} ${JSON.stringify(parent.key)}, which was rejected` });
        } else if (parentOutcome.status === "skipped") {
          counts.skipped += 1;
        } else {
          counts.linked += 1;
        }
      }
      const total = counts.loaded + counts.linked + counts.skipped + counts.rejected + counts.duplicates + counts.notSelected;
      if (total !== counts.read) errors.push(`${name}: ${counts.read} records read, but ${total} accounted for (${JSON.stringify(counts)})`);
      entities.push(counts);
    }
    return { entities, errors };
  }

  // -------------------------------------------------------------------------------------------

  async run(): Promise<RunResult> {
    const { plan, target, journal } = this.options;
    this.say(`reading the export in ${this.options.sourceDirectory}`);
    this.indexes = await buildIndexes(plan, this.rows);
    for (const index of this.indexes.entities.values()) {
      const files = index.report?.files ?? [];
      const where =
        files.length === 0
          ? ""
          : ` in ${files.length} file${files.length === 1 ? "" : "s"}${files.some((file) => file.encodingDetected) ? ` (${[...new Set(files.map((file) => file.encoding))].join(", ")})` : ""}`;
      this.say(
        `${index.entity.name}: ${index.read} records${where}${index.duplicates > 0 ? `, ${index.duplicates} duplicate keys merged` : ""}${index.rejections.length > 0 ? `, ${index.rejections.length} unreadable` : ""}`,
      );
    }
    await this.resolveLookups();
    const environment = this.environment();
    this.filter = this.options.filter;
    if (this.options.selection !== undefined) this.filter = await this.options.selection.prepare(this.selectionContext(environment));
    let disappeared: readonly DisappearedRecord[] = this.disappeared();
    if (target.capabilities.cannotArchive !== undefined && plan.migration.deleted === "archive")
      this.say(`deleted archive: ${target.capabilities.cannotArchive}`);
    if (disappeared.length > 0) {
      this.say(
        `${disappeared.length} record${disappeared.length === 1 ? "" : "s"} written by earlier runs ha${disappeared.length === 1 ? "s" : "ve"} no row in the export any more (${plan.migration.deleted === "archive" ? "archived once the rows are written, where they can be" : "reported, not archived: the package does not say `deleted archive`"}):`,
      );
      for (const record of disappeared.slice(0, 10))
        this.say(`  ${record.xmlid} (${record.model} ${record.id}, ${record.step} row ${JSON.stringify(record.key)})`);
      if (disappeared.length > 10) this.say(`  ... and ${disappeared.length - 10} more (run-summary.json lists them all)`);
    }
    const misses = await this.haltMisses();
    if (misses.length > 0) {
      this.say(`halted before writing anything: ${misses.length} row${misses.length === 1 ? "" : "s"} name a record a \`halt\` lookup cannot find`);
      for (const miss of misses.slice(0, 20)) this.say(`  ${miss}`);
      return this.finish("halted", `${misses.length} lookup misses with the halt policy`, [], disappeared);
    }
    journal?.append({
      type: "run-start",
      run: this.runId,
      time: this.started.toISOString(),
      mode: target.mode,
      target: target.describe(),
      planHash: planHash(plan),
      ...(this.options.sample === undefined ? {} : { sample: this.options.sample, ...(this.options.seed === undefined ? {} : { seed: this.options.seed }) }),
      ...(this.options.since === undefined ? {} : { since: this.options.since }),
    });
    if (journal !== undefined) this.rememberWritten(journal);
    let setup: SetupOutcome[] = [];
    let unarchived: readonly UnarchivedRecord[] = [];
    try {
      setup = await this.setup();
      this.addSetupRecordsToLookups();
      if (journal !== undefined && target.capabilities.keepsRecords) unarchived = await this.unarchive(journal);
      for (const step of plan.steps) await this.runStep(step, environment);
      for (const step of plan.steps) await this.runDeferred(step, environment);
      disappeared = await this.archive(disappeared);
      await this.stampWritten();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      journal?.append({ type: "run-end", run: this.runId, time: new Date().toISOString(), status: "failed", message });
      await target.close().catch(() => undefined);
      return this.finish("failed", message, setup, disappeared, unarchived);
    }
    await target.close();
    journal?.append({ type: "run-end", run: this.runId, time: new Date().toISOString(), status: "complete" });
    return this.finish("complete", undefined, setup, disappeared, unarchived);
  }

  /** A resumed run also stamps what its interrupted attempt wrote. */
  private rememberWritten(journal: Journal): void {
    for (const event of journal.events) {
      if (event.type !== "batch-end" || event.run !== this.runId) continue;
      const ids = this.writtenIds.get(event.model) ?? new Map<number, string>();
      this.writtenIds.set(event.model, ids);
      for (const row of event.rows) ids.set(row.id, row.xmlid);
    }
  }

  /**
   * Reads the write_date of every record the run wrote, once it is over: a later batch may have
   * touched an earlier record (an order's totals when its lines load), and rollback must not take
   * that for someone's edit.
   */
  private async stampWritten(): Promise<void> {
    const { target, journal } = this.options;
    if (journal === undefined || target.writeDates === undefined) return;
    for (const [model, ids] of this.writtenIds) {
      const all = [...ids.keys()];
      for (let start = 0; start < all.length; start += 1000) {
        const chunk = all.slice(start, start + 1000);
        const dates = await target.writeDates(model, chunk);
        const stamps: Record<string, string> = {};
        for (const id of chunk) {
          const date = dates.get(id);
          const xmlid = ids.get(id);
          if (date !== undefined && xmlid !== undefined) stamps[xmlid] = date;
        }
        journal.append({ type: "stamps", run: this.runId, model, stamps });
      }
    }
  }

  private finish(
    status: RunResult["status"],
    message: string | undefined,
    setup: SetupOutcome[],
    disappeared: readonly DisappearedRecord[] = [],
    unarchived: readonly UnarchivedRecord[] = [],
  ): RunResult {
    const { entities, errors } = this.entityCounts();
    return {
      runId: this.runId,
      status,
      ...(message === undefined ? {} : { message }),
      target: this.options.target.describe(),
      entities,
      steps: [...this.stepCounts.values()],
      rejects: this.rejects,
      notes: [...this.notes.values()],
      setup,
      disappeared,
      unarchived,
      reconciliationErrors: errors,
      startedAt: this.started.toISOString(),
      durationMs: Date.now() - this.started.getTime(),
    };
  }
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value++) values.push(value);
  return values;
}

function orderValues(left: RuntimeValue, right: RuntimeValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === "number" && typeof right === "number") return left - right;
  // false before true, so that `order by primary desc` puts the primary row first.
  if (typeof left === "boolean" && typeof right === "boolean") return left ? 1 : -1;
  return textOf(left) < textOf(right) ? -1 : textOf(left) > textOf(right) ? 1 : 0;
}

/** A lookup answered from the records the target holds, matched case-insensitively and trimmed. */
export function lookupRuntime(
  lookup: LookupPlan,
  records: readonly {
    readonly id?: number;
    readonly xmlid?: string;
    readonly label: string;
    readonly values: Readonly<Record<string, unknown>>;
    readonly active: boolean;
  }[],
  style: "id" | "xmlid",
): LookupRuntime {
  const index = new Map<string, RecordRef>();
  for (const field of lookup.matchFields) {
    for (const record of records) {
      if (!lookup.includeArchived && !record.active) continue;
      const value = record.values[field];
      if (value === undefined || value === null || value === false) continue;
      const key = String(value).trim().toLowerCase();
      if (key === "" || index.has(key)) continue;
      if (style === "xmlid" && record.xmlid === undefined) continue;
      index.set(key, {
        kind: "record",
        model: lookup.model,
        ...(record.id === undefined ? {} : { id: record.id }),
        ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }),
        label: record.label,
      });
    }
  }
  const byXmlid = new Map<string, RecordRef>();
  for (const record of records) {
    if (record.xmlid === undefined || byXmlid.has(record.xmlid)) continue;
    byXmlid.set(record.xmlid, {
      kind: "record",
      model: lookup.model,
      ...(record.id === undefined ? {} : { id: record.id }),
      xmlid: record.xmlid,
      label: record.label,
    });
  }
  const resolve = (value: string): LookupResolution => {
    const found = index.get(value.trim().toLowerCase());
    return found === undefined ? { status: "missing" } : { status: "found", record: found };
  };
  return {
    name: lookup.name,
    model: lookup.model,
    matchFields: lookup.matchFields,
    missing: lookup.missing,
    resolve,
    resolveFallback(value) {
      const found = byXmlid.get(value.trim());
      return found === undefined ? resolve(value) : { status: "found", record: found };
    },
  };
}

export async function runPlan(options: RunOptions): Promise<RunResult> {
  return new Execution(options).run();
}

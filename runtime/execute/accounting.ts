/**
 * Accounting for every source row: what each step made of each row (a record loaded, skipped by a
 * condition, rejected with a reason), the counts per step and per entity, the rejects and the
 * notes on values, and the reconciliation that closes a run:
 *
 *   rows in = loaded + merged + linked + skipped + rejected + duplicates + not selected
 *
 * per entity, checked against what the reader read. A mismatch is a bug in Flitmap, reported.
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { SourceRow } from "../source/index.js";
import type { ValueNote } from "../transform/values.js";
import { linkedRowOutcome } from "./collapse.js";
import { rejectedRowKey, type Indexes, type LinkedRowParent, type RejectedRow } from "./indexes.js";
import { RowMarks, type Refusal, type StepRecord } from "./row-marks.js";
import type { FieldNote } from "./step-evaluator.js";
import type { EntityCounts, MergeRecord, NoteCount, RejectRecord, RejectSink, RowStatus, StepCounts } from "./run-types.js";

export type { StepRecord } from "./row-marks.js";

/** A row is rejected if any of its records is; loaded if any is loaded; skipped only if all are. */
const RANK: Readonly<Record<RowStatus, number>> = { rejected: 4, loaded: 3, merged: 2, skipped: 1 };
const STATUS_OF_RANK: readonly (RowStatus | undefined)[] = [undefined, "skipped", "merged", "loaded", "rejected"];

/** Notes kept as examples per step, field and kind. */
const NOTE_EXAMPLES = 5;
/** A record loaded whose database id is not known (a dry run, an import file): every such row's mark. */
const LOADED = Object.freeze({ status: "loaded" as const });

export class RunAccounting {
  /** What each step made of each row, and each row's outcome so far. */
  private readonly marks: RowMarks;
  private readonly stepCounts = new Map<string, StepCounts>();
  readonly rejects: RejectRecord[] = [];
  /** Every row merged onto another step's record, in the order written. */
  readonly merges: MergeRecord[] = [];
  /**
   * Step → field → kind → its count, kept apart by name rather than one joined key: a run notes
   * many values, and a joined key is a new string to hash for each. `noteList` keeps them in the
   * order they were first noted.
   */
  private readonly notes = new Map<string, Map<string, Map<ValueNote["kind"], NoteCount>>>();
  private readonly noteList: NoteCount[] = [];

  constructor(
    plan: Plan,
    indexes: Indexes,
    private readonly sink?: RejectSink,
  ) {
    this.marks = new RowMarks(plan, indexes);
  }

  /** A rejected row: to the sink with its cells, when there is one (the rejects are then kept without them), else kept whole. */
  private reject(record: RejectRecord): void {
    if (this.sink === undefined) {
      this.rejects.push(record);
      return;
    }
    this.sink.write(record);
    const { cells: written, ...kept } = record;
    if (written !== undefined) this.rejects.push(kept);
    else this.rejects.push(record);
  }

  counts(step: StepPlan): StepCounts {
    let counts = this.stepCounts.get(step.id);
    if (counts === undefined) {
      counts = { step: step.id, model: step.model, loaded: 0, created: 0, updated: 0, unchanged: 0, merged: 0, skipped: 0, rejected: 0, deferredWritten: 0 };
      this.stepCounts.set(step.id, counts);
    }
    return counts;
  }

  note(step: StepPlan, field: string, note: ValueNote): void {
    let byField = this.notes.get(step.id);
    if (byField === undefined) {
      byField = new Map();
      this.notes.set(step.id, byField);
    }
    let byKind = byField.get(field);
    if (byKind === undefined) {
      byKind = new Map();
      byField.set(field, byKind);
    }
    let entry = byKind.get(note.kind);
    if (entry === undefined) {
      entry = { kind: note.kind, step: step.id, field, count: 0, examples: [] };
      byKind.set(note.kind, entry);
      this.noteList.push(entry);
    }
    entry.count += 1;
    // A note that says the same of every row (an optional link) is one example, however many rows.
    if (entry.examples.length < NOTE_EXAMPLES && !entry.examples.includes(note.detail)) entry.examples.push(note.detail);
  }

  noteFields(step: StepPlan, notes: readonly FieldNote[]): void {
    for (const { field, note } of notes) this.note(step, field, note);
  }

  /** What step `stepId` made of the row (instance) `instanceKey`, if it saw it. */
  stepRecord(stepId: string, instanceKey: string): StepRecord | undefined {
    return this.marks.record(stepId, instanceKey);
  }

  skipped(step: StepPlan, entity: EntityPlan, row: SourceRow, instanceKey: string): void {
    this.counts(step).skipped += 1;
    this.marks.mark(step.id, instanceKey, { status: "skipped" });
    this.setEntityOutcome(entity.name, row, "skipped");
  }

  /** A record loaded: written now (`action`), or found unchanged since an earlier run. Its external ID is the step's for the row. */
  loaded(
    step: StepPlan,
    entity: EntityPlan,
    row: SourceRow,
    instanceKey: string,
    record: { xmlid: string; id?: number },
    action: "created" | "updated" | "unchanged",
  ): void {
    const counts = this.counts(step);
    counts.loaded += 1;
    counts[action] += 1;
    this.marks.mark(step.id, instanceKey, record.id === undefined ? LOADED : { status: "loaded", id: record.id });
    this.setEntityOutcome(entity.name, row, "loaded");
  }

  /** A row written onto the record of another step's row (`merge onto`), or found unchanged since the last run. */
  merged(step: StepPlan, entity: EntityPlan, row: SourceRow, instanceKey: string, into: MergeRecord["into"] & { xmlid: string; id?: number }): void {
    this.counts(step).merged += 1;
    this.marks.mark(step.id, instanceKey, { status: "merged", xmlid: into.xmlid, ...(into.id === undefined ? {} : { id: into.id }) });
    this.setEntityOutcome(entity.name, row, "merged");
    this.merges.push({ entity: entity.name, step: step.id, key: instanceKey, into: { entity: into.entity, step: into.step, key: into.key } });
  }

  rejected(step: StepPlan, entity: EntityPlan, row: SourceRow, instanceKey: string, reason: string): void {
    this.counts(step).rejected += 1;
    const refusal = { why: reason, file: row.file, line: row.line };
    this.marks.mark(step.id, instanceKey, { status: "rejected", ...refusal });
    this.marks.refuse(entity.name, row.key, RANK.rejected, refusal);
    this.reject({ entity: entity.name, step: step.id, file: row.file, line: row.line, key: row.key, reason, cells: row.raw });
  }

  /** A second-pass write refused: the record stays as the first pass wrote it, and the row is reported. */
  secondPassRefused(step: StepPlan, entity: EntityPlan, row: SourceRow, reason: string): void {
    this.reject({ entity: entity.name, step: step.id, file: row.file, line: row.line, key: row.key, reason, cells: row.raw });
  }

  private setEntityOutcome(entity: string, row: SourceRow, status: Exclude<RowStatus, "rejected">): void {
    this.marks.raise(entity, row.key, RANK[status]);
  }

  /** What became of a row of an entity so far, and where it is when it was refused. */
  private outcomeOf(entity: string, key: string): { readonly status: "loaded" | "merged" | "skipped" } | ({ readonly status: "rejected" } & Refusal) | undefined {
    // A row's rank is the rejected one exactly when a step refused it, and kept where and why.
    const refusal = this.marks.refusal(entity, key);
    if (refusal !== undefined) return { status: "rejected", ...refusal };
    const status = STATUS_OF_RANK[this.marks.rank(entity, key)];
    return status === undefined || status === "rejected" ? undefined : { status };
  }

  steps(): StepCounts[] {
    return [...this.stepCounts.values()];
  }

  noteCounts(): NoteCount[] {
    return [...this.noteList];
  }

  /**
   * Every row of every entity, counted once: by its outcome, as a duplicate, as a row the
   * selection left out, or, for rows `with` blocks read, by the record they collapsed into. The
   * rows the reader rejected join the rejects here.
   */
  reconcile(indexes: Indexes | undefined, hasSteps: (entity: string) => boolean): { entities: EntityCounts[]; errors: string[] } {
    const entities: EntityCounts[] = [];
    const errors: string[] = [];
    if (indexes === undefined) return { entities, errors };
    for (const [name, index] of indexes.entities) {
      const counts: EntityCounts = {
        entity: name,
        read: index.read,
        duplicates: index.duplicates,
        loaded: 0,
        merged: 0,
        linked: 0,
        skipped: index.keyless,
        rejected: 0,
        notSelected: 0,
      };
      for (const rejection of index.rejections) {
        counts.rejected += 1;
        const key = rejectedRowKey(index.entity, rejection);
        this.reject({
          entity: name,
          file: rejection.file,
          line: rejection.line,
          ...(key === undefined ? {} : { key }),
          reason: rejection.reason,
          cells: rejection.raw,
        });
      }
      const stepped = hasSteps(name);
      for (let slot = 0; slot < index.keys.size; slot++) {
        const outcome = STATUS_OF_RANK[this.marks.rankAt(name, slot)];
        if (outcome !== undefined) {
          counts[outcome] += 1;
          continue;
        }
        // Every row a step saw has an outcome: the others were left out by the sample or delta filter.
        if (stepped) {
          counts.notSelected += 1;
          continue;
        }
        const parent = index.parentOf(slot);
        if (parent === undefined) {
          counts.linked += 1;
          continue;
        }
        const linked = linkedRowOutcome(parent, parentRow(indexes, parent), this.outcomeOf(parent.entity, parent.key));
        counts[linked.status] += 1;
        if (linked.status === "rejected") this.reject({ entity: name, file: parent.file, line: parent.line, key: index.keyAt(slot), reason: linked.reason });
      }
      const total = counts.loaded + counts.merged + counts.linked + counts.skipped + counts.rejected + counts.duplicates + counts.notSelected;
      if (total !== counts.read) errors.push(`${name}: ${counts.read} records read, but ${total} accounted for (${JSON.stringify(counts)})`);
      entities.push(counts);
    }
    return { entities, errors };
  }
}

/** Whether the export has the row a linked row belongs to: read, rejected by the reader (where and why), or absent. */
function parentRow(indexes: Indexes, parent: LinkedRowParent): "read" | RejectedRow | "absent" {
  const index = indexes.entities.get(parent.entity);
  if (index?.keys.has(parent.key) === true) return "read";
  return index?.rejectedKeys.get(parent.key) ?? "absent";
}

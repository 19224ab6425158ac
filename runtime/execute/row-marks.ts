/**
 * What a run keeps of every row: what each step made of it (loaded, with the database id when
 * known; skipped; rejected, with why) and the row's outcome so far. A million rows make a million
 * of each, so they are kept by the row's slot in the export's index (runtime/execute/indexes.ts)
 * in typed arrays, not as objects: four bytes per row and step, one per row, and where and why
 * for each rejected row. A record's external ID is the step's for the row's key, computed when asked.
 */
import type { Plan, StepPlan } from "../../compiler/plan/schema.js";
import { bytes, holding, int32s } from "../source/grow.js";
import { recordXmlid } from "../transform/keys.js";
import type { Indexes } from "./indexes.js";
import type { RowStatus } from "./run-types.js";

/** What a step made of one row (or one `for each` instance of it). */
export interface StepRecord {
  readonly status: RowStatus;
  readonly xmlid?: string;
  readonly id?: number;
  readonly why?: string;
  /** The row was merged onto another step's record (`merge onto`): `xmlid` and `id` are that record's. */
  readonly merged?: true;
  /** Where the row is, for a record that was refused: a reference to it says so. */
  readonly file?: string;
  readonly line?: number;
}

/** Where a refused row is, and why it was refused: kept for rejected rows alone. */
export interface Refusal {
  readonly why: string;
  readonly file: string;
  readonly line: number;
}

/** A step's mark of a row: none yet, loaded (id unknown), skipped, rejected; a loaded record's id is kept as id + 1 (above 0). */
const NONE = 0;
const LOADED = -1;
const SKIPPED = -2;
const REJECTED = -3;
/** Merged onto another step's record, kept in the step's `merges` (a few rows: those two systems both hold). */
const MERGED = -4;

/** Numbers by slot, growing as rows are read. */
class SlotNumbers<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>> {
  constructor(
    private values: T,
    private readonly make: (length: number) => T,
  ) {}

  get(slot: number): number {
    return slot < this.values.length ? (this.values[slot] ?? 0) : 0;
  }

  set(slot: number, value: number): void {
    this.values = holding(this.values, slot, this.make);
    this.values[slot] = value;
  }
}

interface StepMarks {
  readonly step: StepPlan;
  /** Instances per row: a `for each` step's, else 1. */
  readonly instances: number;
  readonly marks: SlotNumbers<Int32Array<ArrayBuffer>>;
  readonly refusals: Map<number, Refusal>;
  readonly merges: Map<number, { readonly xmlid: string; readonly id?: number }>;
}

export class RowMarks {
  private readonly steps = new Map<string, StepMarks>();
  /** Entity → each row's outcome rank (0: none yet). */
  private readonly outcomes = new Map<string, SlotNumbers<Uint8Array<ArrayBuffer>>>();
  /** Entity → slot → where a rejected row is and why (its first refusal). */
  private readonly refusals = new Map<string, Map<number, Refusal>>();

  constructor(
    private readonly plan: Plan,
    private readonly indexes: Indexes,
  ) {
    for (const step of plan.steps) {
      const instances = step.forEach === undefined ? 1 : step.forEach.to - step.forEach.from + 1;
      this.steps.set(step.id, { step, instances, marks: new SlotNumbers(int32s(0), int32s), refusals: new Map(), merges: new Map() });
    }
  }

  /** Records what step `stepId` made of the row (instance): loaded (with its id when known), skipped, or rejected (where, and why). */
  mark(
    stepId: string,
    instanceKey: string,
    record:
      | { readonly status: "loaded"; readonly id?: number }
      | { readonly status: "skipped" }
      | ({ readonly status: "rejected" } & Refusal)
      | { readonly status: "merged"; readonly xmlid: string; readonly id?: number },
  ): void {
    const marks = this.steps.get(stepId);
    const at = marks === undefined ? -1 : this.placeOf(marks, instanceKey);
    if (marks === undefined || at < 0) throw new Error(`${stepId} has no row ${JSON.stringify(instanceKey)} in the index: rows must be indexed before a step sees them`);
    if (marks.refusals.size > 0) marks.refusals.delete(at);
    if (marks.merges.size > 0) marks.merges.delete(at);
    if (record.status === "loaded") marks.marks.set(at, record.id === undefined ? LOADED : record.id + 1);
    else if (record.status === "skipped") marks.marks.set(at, SKIPPED);
    else if (record.status === "merged") {
      marks.marks.set(at, MERGED);
      marks.merges.set(at, { xmlid: record.xmlid, ...(record.id === undefined ? {} : { id: record.id }) });
    } else {
      marks.marks.set(at, REJECTED);
      marks.refusals.set(at, { why: record.why, file: record.file, line: record.line });
    }
  }

  /** What step `stepId` made of the row (instance) `instanceKey`, if it saw it. */
  record(stepId: string, instanceKey: string): StepRecord | undefined {
    const marks = this.steps.get(stepId);
    const at = marks === undefined ? -1 : this.placeOf(marks, instanceKey);
    if (marks === undefined || at < 0) return undefined;
    const mark = marks.marks.get(at);
    switch (mark) {
      case NONE:
        return undefined;
      case SKIPPED:
        return { status: "skipped", why: "skipped by its condition" };
      case REJECTED:
        return { status: "rejected", ...(marks.refusals.get(at) ?? { why: "rejected" }) };
      case MERGED:
        // A reference to a merged row finds the record it was merged onto.
        return { status: "loaded", merged: true, ...marks.merges.get(at) };
      default: {
        const { key, instance } = instanceOf(marks.step, instanceKey);
        const xmlid = recordXmlid(this.plan.migration.namespace, stepId, key, instance);
        return mark === LOADED ? { status: "loaded", xmlid } : { status: "loaded", xmlid, id: mark - 1 };
      }
    }
  }

  /**
   * Where a step keeps its mark of a row (instance), -1 when the row is not in the index (or the
   * instance not the step's). A number, not an object: every reference of every row asks.
   */
  private placeOf(marks: StepMarks, instanceKey: string): number {
    const forEach = marks.step.forEach;
    const entity = this.indexes.entities.get(marks.step.entity);
    if (forEach === undefined) return entity?.slotOf(instanceKey) ?? -1;
    const { key, instance } = instanceOf(marks.step, instanceKey);
    const slot = entity?.slotOf(key) ?? -1;
    if (slot < 0 || instance === undefined || instance < forEach.from || instance > forEach.to) return -1;
    return slot * marks.instances + instance - forEach.from;
  }

  /** Raises a row's outcome rank to `rank` (never lowers it). */
  raise(entity: string, key: string, rank: number): boolean {
    const slot = this.indexes.entities.get(entity)?.slotOf(key) ?? -1;
    if (slot < 0) throw new Error(`${entity} has no row ${JSON.stringify(key)} in the index: rows must be indexed before a step sees them`);
    let outcomes = this.outcomes.get(entity);
    if (outcomes === undefined) {
      outcomes = new SlotNumbers(bytes(0), bytes);
      this.outcomes.set(entity, outcomes);
    }
    if (rank <= outcomes.get(slot)) return false;
    outcomes.set(slot, rank);
    return true;
  }

  /** Raises a row's outcome to the rank of a refusal, and keeps where the row is and why (its first refusal). */
  refuse(entity: string, key: string, rank: number, refusal: Refusal): void {
    if (!this.raise(entity, key, rank)) return;
    let refusals = this.refusals.get(entity);
    if (refusals === undefined) {
      refusals = new Map();
      this.refusals.set(entity, refusals);
    }
    refusals.set(this.indexes.entities.get(entity)?.slotOf(key) ?? -1, refusal);
  }

  /** Where a row of an entity that a step rejected is, and why. */
  refusal(entity: string, key: string): Refusal | undefined {
    const slot = this.indexes.entities.get(entity)?.slotOf(key) ?? -1;
    return slot < 0 ? undefined : this.refusals.get(entity)?.get(slot);
  }

  /** A row's outcome rank, 0 when no step has seen it. */
  rank(entity: string, key: string): number {
    return this.rankAt(entity, this.indexes.entities.get(entity)?.slotOf(key) ?? -1);
  }

  /** The outcome rank of the row in a slot of the entity's index, 0 when no step has seen it. */
  rankAt(entity: string, slot: number): number {
    return slot < 0 ? 0 : (this.outcomes.get(entity)?.get(slot) ?? 0);
  }
}

/** The row and instance an instance key names: `key#n` is instance n of the row `key` in a `for each` step. */
function instanceOf(step: StepPlan, instanceKey: string): { key: string; instance: number | undefined } {
  if (step.forEach === undefined) return { key: instanceKey, instance: undefined };
  const hash = instanceKey.lastIndexOf("#");
  return { key: instanceKey.slice(0, hash), instance: Number(instanceKey.slice(hash + 1)) };
}

/**
 * How a run reads the export: each entity's files as few times as the plan allows. An entity is
 * indexed (runtime/execute/indexes.ts) by the pass of its first step, as its rows go by, unless a
 * step before needs its index (a `get` of it, a `ref` into it, a `with` block linking it): then
 * it is read for its index alone just before that step. Entities no step reads are indexed at the
 * end, for the accounting. When something must see the whole export before anything is written
 * (a sample or delta selection, a `missing halt` check, records earlier runs wrote that may be
 * gone), every entity is indexed first, as one pass.
 *
 * A reading of an entity that will be read again keeps which record won each key, so that the
 * reader skips its first pass the next time.
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { KeyIndex, SourceItem } from "../source/index.js";
import { describeIndex, emptyIndexes, indexEntity, type Indexes } from "./indexes.js";
import { entitiesRead } from "./plan-walk.js";
import type { RowReading, RowSource } from "./run-types.js";

export class ExportReads {
  readonly indexes: Indexes = emptyIndexes();
  private readonly winners = new Map<string, KeyIndex>();
  /** Step passes (main and second) still to read each entity. */
  private readonly passesLeft = new Map<string, number>();

  constructor(
    private readonly plan: Plan,
    private readonly source: RowSource,
    private readonly say: (text: string) => void,
  ) {
    for (const step of plan.steps) {
      this.passesLeft.set(step.entity, (this.passesLeft.get(step.entity) ?? 0) + (step.deferred.length > 0 ? 2 : 1));
    }
  }

  /** Every entity not indexed yet, read and indexed; the index then lists them in the plan's order. */
  async indexAll(): Promise<void> {
    for (const entity of this.plan.entities) if (!this.indexed(entity.name)) await this.indexAlone(entity);
    const entities = this.indexes.entities;
    const ordered = this.plan.entities.flatMap((entity) => entities.get(entity.name) ?? []);
    entities.clear();
    for (const index of ordered) entities.set(index.entity.name, index);
  }

  /** Indexes what a step's pass reads from other rows before it starts. */
  async prepare(step: StepPlan, pass: "main" | "deferred"): Promise<void> {
    for (const name of entitiesRead(this.plan, step, pass)) {
      const entity = this.plan.entities.find((candidate) => candidate.name === name);
      if (entity !== undefined && !this.indexed(name)) await this.indexAlone(entity);
    }
  }

  /** The items of a step's pass over its entity's files, a batch per chunk read; the entity is indexed as they go by if it is not yet. */
  async *passBatches(entity: EntityPlan): AsyncGenerator<readonly SourceItem[]> {
    this.passesLeft.set(entity.name, (this.passesLeft.get(entity.name) ?? 1) - 1);
    const indexing = this.indexed(entity.name) ? undefined : indexEntity(this.indexes, this.plan, entity);
    const reading = this.open(entity);
    for await (const items of reading.batches ?? oneByOne(reading.rows)) {
      if (indexing !== undefined) for (const item of items) indexing.add(item);
      yield items;
    }
    if (indexing !== undefined) this.say(describeIndex(indexing.done(reading.report?.())));
    this.keepWinners(entity, reading);
  }

  /** The export's rows as a run reads them again once they are indexed (the `missing halt` check). */
  readonly again: RowSource = (entity) => {
    const reading = this.open(entity);
    const reads = this;
    return {
      rows: {
        async *[Symbol.asyncIterator]() {
          yield* reading.rows;
          reads.keepWinners(entity, reading);
        },
      },
      ...(reading.report === undefined ? {} : { report: reading.report }),
    };
  };

  private async indexAlone(entity: EntityPlan): Promise<void> {
    const indexing = indexEntity(this.indexes, this.plan, entity);
    const reading = this.open(entity);
    for await (const items of reading.batches ?? oneByOne(reading.rows)) for (const item of items) indexing.add(item);
    this.say(describeIndex(indexing.done(reading.report?.())));
    this.keepWinners(entity, reading);
  }

  private open(entity: EntityPlan): RowReading {
    return this.source(entity, this.winners.get(entity.name));
  }

  /** Whether an entity's index is complete (a reading that stopped half-way is started again). */
  private indexed(name: string): boolean {
    return this.indexes.entities.get(name)?.complete === true;
  }

  /** An entity a step will read again keeps the winners of its keys; the others' are let go. */
  private keepWinners(entity: EntityPlan, reading: RowReading): void {
    const winners = reading.winners?.();
    if (winners !== undefined && (this.passesLeft.get(entity.name) ?? 0) > 0) this.winners.set(entity.name, winners);
    else this.winners.delete(entity.name);
  }
}

/** Items one at a time as batches, for a source that gives no batches of its own (rows given in memory). */
async function* oneByOne(rows: AsyncIterable<SourceItem>): AsyncGenerator<readonly SourceItem[]> {
  for await (const item of rows) yield [item];
}

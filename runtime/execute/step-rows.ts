/**
 * The rows a step's pass reads: the selected rows of its entity, one per `for each` instance,
 * each with what the evaluator reads of it; and the progress of the pass, reported as it goes
 * (how many of how many, how fast, how many rejected).
 */
import type { EntityPlan, StepPlan } from "../../compiler/plan/schema.js";
import type { SourceRow } from "../source/index.js";
import type { RowInput } from "../transform/evaluate.js";
import type { RunAccounting } from "./accounting.js";
import { instanceKeyOf, instancesOf, rowInput } from "./environment.js";
import type { ExportReads } from "./export-reads.js";
import type { RowFilter, RunReporter } from "./run-types.js";
import { isSelected } from "./selection.js";

/** A row (instance) as a step reads it. */
export interface StepRow {
  readonly row: SourceRow;
  readonly instance: number | undefined;
  readonly instanceKey: string;
  readonly input: RowInput;
}

/** What a pass over a step's rows needs from the run. */
export interface StepRowParts {
  readonly reads: ExportReads;
  readonly filter: RowFilter | undefined;
  readonly accounting: RunAccounting;
  readonly reporter: RunReporter | undefined;
}

/** Progress is reported every so many rows. */
const PROGRESS_EVERY = 100;

export class StepPass {
  private seen = 0;
  private readonly progress: (rows: number, done: boolean) => void;

  constructor(
    private readonly parts: StepRowParts,
    private readonly step: StepPlan,
    private readonly entity: EntityPlan,
    pass: "main" | "deferred",
  ) {
    this.progress = progressOf(parts, step, entity, pass);
  }

  /** The pass's rows (instances), a batch per chunk the reader read: one wait per chunk, not per row. */
  async *batches(): AsyncGenerator<readonly StepRow[]> {
    const { entity, step } = this;
    const instances = instancesOf(step);
    for await (const items of this.parts.reads.passBatches(entity)) {
      const rows: StepRow[] = [];
      for (const item of items) {
        if (item.kind !== "row" || !isSelected(this.parts.filter, entity, item)) continue;
        this.seen += 1;
        if (this.seen % PROGRESS_EVERY === 0) this.progress(this.seen, false);
        for (const instance of instances)
          rows.push({ row: item, instance, instanceKey: instanceKeyOf(item, instance), input: rowInput(entity, item, step, instance) });
      }
      if (rows.length > 0) yield rows;
    }
  }

  /** The pass is over (its last batch written). */
  done(): void {
    this.progress(this.seen, true);
  }
}

function progressOf(parts: StepRowParts, step: StepPlan, entity: EntityPlan, pass: "main" | "deferred"): (rows: number, done: boolean) => void {
  const reporter = parts.reporter;
  if (reporter?.progress === undefined) return () => undefined;
  const started = Date.now();
  // An entity indexed by this very pass has its count once the pass is over.
  const totalOf = (): number | undefined => {
    if (parts.filter !== undefined) return parts.filter.selectedCount?.(entity);
    const index = parts.reads.indexes.entities.get(entity.name);
    return index?.complete === true ? index.keys.size : undefined;
  };
  return (rows, done) => {
    const total = totalOf();
    reporter.progress?.({
      step: step.id,
      model: step.model,
      pass,
      rows,
      ...(total === undefined ? {} : { total }),
      rejected: parts.accounting.counts(step).rejected,
      elapsedMs: Date.now() - started,
      done,
    });
  };
}

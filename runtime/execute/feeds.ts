/**
 * Feeds digests: a digest of what a step's record reads from other rows (runtime/execute/plan-walk.ts
 * stepFeeds), the rows `with` blocks link to the row, as the index holds them, and each `get`'s
 * value. A live run journals it with each record; a delta takes a row again when it changed,
 * though the row's own date did not.
 */
import { createHash } from "node:crypto";
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { SourceRow } from "../source/index.js";
import { evaluate, type EvaluationEnvironment, type ReferenceResolution } from "../transform/evaluate.js";
import { recordXmlid } from "../transform/keys.js";
import { linkedRowsOf } from "./collapse.js";
import { rowInput } from "./environment.js";
import type { Indexes } from "./indexes.js";
import { stepFeeds, type StepFeeds } from "./plan-walk.js";

export class FeedsDigests {
  private readonly feedsOfStep = new Map<string, StepFeeds>();

  constructor(
    private readonly plan: Plan,
    private readonly indexes: Indexes,
  ) {
    for (const step of plan.steps) {
      const feeds = stepFeeds(step);
      if (feeds !== undefined) this.feedsOfStep.set(step.id, feeds);
    }
  }

  /**
   * The digest of a step's record of a row, or undefined when the record reads nothing but its own
   * row. References stand in by external ID, so that the digest is the same whether the run has
   * written the record pointed to yet or not (a delta computes it before anything is written).
   */
  async digest(
    step: StepPlan,
    entity: EntityPlan,
    row: SourceRow,
    instance: number | undefined,
    environment: EvaluationEnvironment,
  ): Promise<string | undefined> {
    const feeds = this.feedsOfStep.get(step.id);
    if (feeds === undefined) return undefined;
    const parts: unknown[] = feeds.linked.map(({ entity: linked, by }) =>
      linkedRowsOf(this.indexes, linked, by, row.key).map((linkedRow) => [linkedRow.order, linkedRow.values]),
    );
    if (feeds.gets.length > 0) {
      const stand = (stepId: string, key: string): ReferenceResolution => ({
        status: "found",
        record: { kind: "record", model: "", xmlid: recordXmlid(this.plan.migration.namespace, stepId, key) },
      });
      const standing: EvaluationEnvironment = { ...environment, reference: stand, sibling: stand };
      const input = rowInput(entity, row, step, instance);
      for (const get of feeds.gets) {
        const { outcome } = await evaluate(get, input, standing);
        parts.push(outcome.ok ? outcome.value : { failed: outcome.reason });
      }
    }
    return createHash("sha1").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
  }
}

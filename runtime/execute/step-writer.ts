/**
 * The step writer: one step's main pass. Each selected row (instance) is evaluated into the cells
 * of the step's fields (runtime/execute/step-evaluator.ts), given the record of the row it belongs
 * to (a child of `each`), compared with what earlier runs wrote (an unchanged record is not
 * written again), and written in batches of `batchSize`.
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { LoadTarget, TargetCapabilities, WriteRow } from "../targets/target.js";
import { textOf, type EvaluationEnvironment } from "../transform/evaluate.js";
import { recordXmlid } from "../transform/keys.js";
import { writeBatch, type BatchParts, type PendingWrite } from "./batch-writer.js";
import { cellsHash, columnOf, type ReferenceStyle } from "./cells.js";
import { cellsByColumn, type MergeBases } from "./merges.js";
import { mergeWrite } from "./merge-writer.js";
import type { FeedsDigests } from "./feeds.js";
import type { StepCounts } from "./run-types.js";
import type { RowDecision, StepEvaluator } from "./step-evaluator.js";
import { StepPass, type StepRow, type StepRowParts } from "./step-rows.js";

/** What writing a step needs from the run. */
export interface StepParts extends BatchParts, StepRowParts {
  readonly plan: Plan;
  readonly target: LoadTarget;
  readonly batchSize: number;
  readonly environment: EvaluationEnvironment;
  readonly feeds: FeedsDigests;
  /** Records to write even when their values did not change (unarchived records whose step writes `active`). */
  readonly rewrite: ReadonlySet<string>;
  /** Send rows Odoo refused in an earlier run again though they did not change (`RunOptions.retryRefused`). */
  readonly retryRefused?: boolean;
  readonly evaluator: (step: StepPlan) => StepEvaluator;
  /** The records `merge onto` writes onto, as their steps wrote them. */
  readonly mergeBases: MergeBases;
  say(text: string): void;
}

/** The columns of a step's batches: `id`, one per field, and the parent's for a child step. */
function stepColumns(step: StepPlan, style: ReferenceStyle): string[] {
  const fields = ["id", ...step.operations.map((operation) => columnOf(operation, style))];
  if (step.parent !== undefined) fields.push(style === "id" ? `${step.parent.inverse}/.id` : `${step.parent.inverse}/id`);
  return fields;
}

export async function writeStep(parts: StepParts, step: StepPlan, entity: EntityPlan): Promise<void> {
  const { accounting, target } = parts;
  const counts = accounting.counts(step);
  const fields = stepColumns(step, target.referenceStyle);
  const evaluator = parts.evaluator(step);
  let pending: PendingWrite[] = [];
  let merges: PendingWrite[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await writeBatch(parts, step, entity, fields, batch, "main");
  };
  const flushMerges = async (): Promise<void> => {
    if (merges.length === 0) return;
    const batch = merges;
    merges = [];
    await writeBatch(parts, step, entity, fields, batch, "merge");
  };
  const keepsBases = parts.mergeBases.keeps(step);
  const pass = new StepPass(parts, step, entity, "main");
  // What the records read from other rows is journaled only where a journal is: a live run.
  const journaled = parts.journal.keeping && target.capabilities.keepsRecords;
  const unchangedFeeds: [string, string][] = [];
  for await (const stepRows of pass.batches()) {
    for (const stepRow of stepRows) {
      const decided = evaluator.row(stepRow.input);
      // Most rows are decided at once; only a field that reads a file makes one wait.
      const write = rowWrite(parts, step, entity, stepRow, decided instanceof Promise ? await decided : decided, fields, parts.journal.keeping);
      if (write === undefined) continue;
      if (step.merge !== undefined) {
        const merged = await mergeWrite(parts, step, entity, stepRow, write.write, fields);
        if (merged === "unchanged") continue;
        if (merged !== undefined) {
          merges.push(merged);
          if (merges.length >= parts.batchSize) await flushMerges();
          continue;
        }
      }
      const base = keepsBases ? { step: step.id, entity: entity.name, key: stepRow.instanceKey, cells: cellsByColumn(fields, write.write.cells) } : undefined;
      const feeds = journaled ? await parts.feeds.digest(step, entity, stepRow.row, stepRow.instance, parts.environment) : undefined;
      // An external ID is text made for the row: asking a map for it first flattens and hashes it, so an empty journal is not asked.
      const previous = parts.earlier.known.size === 0 ? undefined : parts.earlier.known.get(write.xmlid);
      if (target.capabilities.keepsRecords && previous !== undefined && previous.hash === write.hash && !parts.rewrite.has(write.xmlid)) {
        accounting.loaded(step, entity, stepRow.row, stepRow.instanceKey, { xmlid: write.xmlid, id: previous.id }, "unchanged");
        if (base !== undefined) parts.mergeBases.keep(write.xmlid, base, false);
        if (feeds !== undefined && parts.earlier.feeds.get(write.xmlid) !== feeds) unchangedFeeds.push([write.xmlid, feeds]);
        continue;
      }
      const refused = target.capabilities.keepsRecords && parts.retryRefused !== true ? parts.earlier.refusals.get(write.xmlid) : undefined;
      if (refused !== undefined && refused.hash === write.hash) {
        // Odoo refused exactly this record before: sending it again would only be refused again (and on 19.0 redo its whole batch row by row).
        accounting.rejected(
          step,
          entity,
          stepRow.row,
          stepRow.instanceKey,
          `refused by Odoo in run ${refused.run}, not sent again as it did not change: ${refused.message}`,
        );
        continue;
      }
      if (base !== undefined) parts.mergeBases.keep(write.xmlid, base, true);
      pending.push({ row: stepRow.row, instanceKey: stepRow.instanceKey, write: write.write, hash: write.hash, feeds });
      if (pending.length >= parts.batchSize) await flush();
    }
  }
  await flush();
  await flushMerges();
  parts.journal.feeds(step.id, step.model, unchangedFeeds);
  pass.done();
  parts.say(stepSummary(step, counts, target.capabilities.output, parts.reads.indexes.entities.get(entity.name)?.rejections.length ?? 0));
}

/**
 * A step's line when it is done, in the words of what the target does (a dry run creates
 * nothing); its rejected rows include those of its entity the reader rejected, so that the line and
 * the table after the run count the same rows.
 */
function stepSummary(step: StepPlan, counts: StepCounts, output: TargetCapabilities["output"], readerRejects: number): string {
  const loaded =
    output === "records"
      ? `${counts.loaded} loaded (${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged)`
      : output === "import-rows"
        ? `${counts.loaded} rows to import`
        : `${counts.loaded} would load`;
  const rejected =
    readerRejects === 0 ? `${counts.rejected} rejected` : `${counts.rejected + readerRejects} rejected (${readerRejects} while reading the export)`;
  const merged = counts.merged === 0 ? "" : `, ${counts.merged} merged onto records of ${step.merge?.into.join(", ") ?? ""}`;
  return `${step.id} → ${step.model}: ${loaded}${merged}, ${counts.skipped} skipped, ${rejected}`;
}

/** The record a row (instance) makes in the step, with its hash when it is journaled; undefined when it is skipped or rejected (accounted for here). */
function rowWrite(
  parts: StepParts,
  step: StepPlan,
  entity: EntityPlan,
  { row, instance, instanceKey }: StepRow,
  decision: RowDecision,
  fields: readonly string[],
  hashed: boolean,
): { xmlid: string; hash?: string; write: WriteRow } | undefined {
  const { accounting } = parts;
  accounting.noteFields(step, decision.notes);
  if (decision.kind === "skip") {
    accounting.skipped(step, entity, row, instanceKey);
    return undefined;
  }
  if (decision.kind === "reject") {
    accounting.rejected(step, entity, row, instanceKey, decision.reason);
    return undefined;
  }
  const xmlid = recordXmlid(parts.plan.migration.namespace, step.id, row.key, instance);
  // The batch's cells: the external ID, the fields', and the parent's for a child step.
  const cells = decision.cells;
  cells[0] = xmlid;
  if (step.parent !== undefined) {
    const parentKey = textOf(row.values[step.parent.by] ?? null);
    const parent = parts.environment.reference(step.parent.step, parentKey);
    if (parent.status !== "found") {
      const why = parent.status === "missing" ? "does not exist in the export" : `was not loaded (${parent.why})`;
      accounting.rejected(step, entity, row, instanceKey, `the ${step.parent.step} ${JSON.stringify(parentKey)} it belongs to ${why}`);
      return undefined;
    }
    cells.push(parts.target.referenceStyle === "id" ? String(parent.record.id ?? "") : (parent.record.xmlid ?? ""));
  }
  const write: WriteRow = { key: instanceKey, xmlid, cells, ...(decision.defaulted.length > 0 ? { defaulted: decision.defaulted } : {}) };
  // Only the journal keeps hashes (an unchanged record is not written again), so only a journaled run computes them.
  return hashed ? { xmlid, hash: cellsHash(fields, cells.slice(1)), write } : { xmlid, write };
}

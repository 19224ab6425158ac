/**
 * Deferred writes, the second pass: fields that point to records which did not exist yet when
 * their record was loaded (a company's parent company, a self-reference), written once every
 * step's records exist, to the records the first pass loaded. A second write that would change
 * nothing since the last run is not made.
 */
import type { EntityPlan, StepPlan } from "../../compiler/plan/schema.js";
import { writeBatch, type PendingWrite } from "./batch-writer.js";
import { cellsHash, columnOf } from "./cells.js";
import { acyclicColumns, type Hierarchies } from "./hierarchies.js";
import type { StepParts } from "./step-writer.js";
import { StepPass } from "./step-rows.js";

export async function writeDeferred(parts: StepParts, step: StepPlan, entity: EntityPlan, hierarchies: Hierarchies): Promise<void> {
  if (step.deferred.length === 0) return;
  const { accounting, target, earlier } = parts;
  const fields = ["id", ...step.deferred.map((operation) => columnOf(operation, target.referenceStyle))];
  const evaluator = parts.evaluator(step);
  const acyclic = acyclicColumns(step);
  let pending: PendingWrite[] = [];
  const pass = new StepPass(parts, step, entity, "deferred");
  for await (const stepRows of pass.batches()) {
    for (const { row, instanceKey, input } of stepRows) {
      const record = accounting.stepRecord(step.id, instanceKey);
      // A row merged onto another step's record (`merge onto`) has no record of its own to complete.
      if (record?.status !== "loaded" || record.xmlid === undefined || record.merged === true) continue;
      const evaluated = evaluator.deferred(input);
      const { cells, notes } = evaluated instanceof Promise ? await evaluated : evaluated;
      accounting.noteFields(step, notes);
      // Only the journal keeps hashes of second-pass writes, so only a journaled run computes them.
      const hash = parts.journal.keeping ? cellsHash(fields, cells) : undefined;
      if (target.capabilities.keepsRecords && hash !== undefined && earlier.deferred.get(record.xmlid) === hash) continue;
      if (cells.every((cell) => cell === "") && !earlier.deferred.has(record.xmlid)) continue;
      // The record as the cells name records: by database id or by external ID.
      const name = target.referenceStyle === "id" ? String(record.id ?? "") : record.xmlid;
      const cycle = acyclic.length === 0 ? undefined : hierarchies.refusal(step.model, acyclic, name, cells);
      if (cycle !== undefined) {
        accounting.secondPassRefused(step, entity, row, `second pass: ${cycle}`);
        continue;
      }
      pending.push({ row, instanceKey, write: { key: instanceKey, xmlid: record.xmlid, cells: [record.xmlid, ...cells] }, hash, feeds: undefined });
      if (pending.length >= parts.batchSize) {
        await writeBatch(parts, step, entity, fields, pending, "deferred");
        pending = [];
      }
    }
  }
  if (pending.length > 0) await writeBatch(parts, step, entity, fields, pending, "deferred");
  pass.done();
}

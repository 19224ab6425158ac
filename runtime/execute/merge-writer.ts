/**
 * A merging step's row (`merge onto`): when its `onto` finds a record another step loaded, the
 * write it makes onto that record (merges.ts says which values), or that an earlier run made the
 * same write onto the same record and nothing changed since; else nothing, and the row makes a
 * record of its own.
 */
import type { EntityPlan, StepPlan } from "../../compiler/plan/schema.js";
import type { WriteRow } from "../targets/target.js";
import { keyOfRecordXmlid } from "../transform/keys.js";
import type { PendingWrite } from "./batch-writer.js";
import { cellsHash } from "./cells.js";
import { mergedCells, mergeOnto } from "./merges.js";
import { mergeKey } from "./run-journal.js";
import type { MergeRecord } from "./run-types.js";
import type { StepParts } from "./step-writer.js";
import type { StepRow } from "./step-rows.js";

export async function mergeWrite(
  parts: StepParts,
  step: StepPlan,
  entity: EntityPlan,
  { row, instanceKey, input }: StepRow,
  own: WriteRow,
  fields: readonly string[],
): Promise<PendingWrite | "unchanged" | undefined> {
  const { accounting, target, earlier } = parts;
  const { record, notes } = await mergeOnto(step, input, parts.environment);
  for (const note of notes) accounting.note(step, "merge onto", note);
  if (record === undefined) return undefined;
  const base = parts.mergeBases.base(record.xmlid);
  const into = { ...(base === undefined ? intoOf(parts, step, record.xmlid) : { entity: base.entity, step: base.step, key: base.key }), ...record };
  const cells = mergedCells(step, fields, own.cells, base);
  cells[0] = record.xmlid;
  const hash = parts.journal.keeping ? cellsHash(fields, cells.slice(1)) : undefined;
  const previous = earlier.merged.get(mergeKey(step.id, instanceKey));
  // Unchanged: the same values onto the same record, which its own step did not write again in this run (that write replaced them).
  if (
    target.capabilities.keepsRecords &&
    hash !== undefined &&
    previous?.hash === hash &&
    previous.xmlid === record.xmlid &&
    !parts.mergeBases.rewritten(record.xmlid) &&
    !parts.rewrite.has(record.xmlid)
  ) {
    accounting.merged(step, entity, row, instanceKey, into);
    return "unchanged";
  }
  const defaulted = (own.defaulted ?? []).filter((column) => cells[fields.indexOf(column)] === "");
  const write: WriteRow = { key: instanceKey, xmlid: record.xmlid, cells, ...(defaulted.length > 0 ? { defaulted } : {}) };
  return { row, instanceKey, write, hash, feeds: undefined, merge: into };
}

/** The row whose record an external ID names, among the steps the merge names (a record its step did not write in this run). */
function intoOf(parts: StepParts, step: StepPlan, xmlid: string): MergeRecord["into"] {
  for (const stepId of step.merge?.into ?? []) {
    const other = parts.plan.steps.find((candidate) => candidate.id === stepId);
    const key = other === undefined ? undefined : keyOfRecordXmlid(parts.plan.migration.namespace, stepId, xmlid, other.forEach !== undefined);
    if (other !== undefined && key !== undefined) return { entity: other.entity, step: stepId, key };
  }
  return { entity: "", step: "", key: xmlid };
}

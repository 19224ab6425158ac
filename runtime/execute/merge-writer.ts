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

/** Each merging step's `into` steps, found once per plan rather than once per row. */
const intoStepsOf = new WeakMap<StepPlan, readonly StepPlan[]>();

function intoSteps(parts: StepParts, step: StepPlan): readonly StepPlan[] {
  let found = intoStepsOf.get(step);
  if (found === undefined) {
    const byId = new Map(parts.plan.steps.map((candidate) => [candidate.id, candidate]));
    found = (step.merge?.into ?? []).flatMap((stepId) => byId.get(stepId) ?? []);
    intoStepsOf.set(step, found);
  }
  return found;
}

/** The row whose record an external ID names, among the steps the merge names (a record its step did not write in this run). */
function intoOf(parts: StepParts, step: StepPlan, xmlid: string): MergeRecord["into"] {
  for (const other of intoSteps(parts, step)) {
    const key = keyOfRecordXmlid(parts.plan.migration.namespace, other.id, xmlid, other.forEach !== undefined);
    if (key !== undefined) return { entity: other.entity, step: other.id, key };
  }
  return { entity: "", step: "", key: xmlid };
}

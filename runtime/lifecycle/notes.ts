/**
 * The run's notes about values (a lookup that fell back, a value flagged and left empty, a table
 * default, a cut, a dangling reference): counted per step and field with a few examples, which
 * quote the value they are about and so are masked when it comes from a personal column.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import type { NoteCount } from "../execute/run.js";
import { readsPersonal } from "./expressions.js";
import type { Masker } from "./mask.js";

export interface ValueNote {
  readonly kind: NoteCount["kind"];
  readonly step: string;
  readonly field: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/** The notes with the examples of fields computed from personal columns masked; the plan's own words (a fallback's name) are kept. */
export function maskedNotes(notes: readonly NoteCount[], plan: Plan, masker: Masker): ValueNote[] {
  const keep = new Set<string>();
  for (const lookup of plan.lookups) if (lookup.missing.policy === "fallback") keep.add(String(lookup.missing.value));
  return notes.map((note) => {
    const step = plan.steps.find((candidate) => candidate.id === note.step);
    const entity = plan.entities.find((candidate) => candidate.name === step?.entity);
    const operation = step === undefined ? undefined : [...step.operations, ...step.deferred].find((candidate) => candidate.field === note.field);
    // A note whose field the current plan no longer has cannot be told safe: masked.
    const personal = operation === undefined || entity === undefined ? masker.active : readsPersonal(operation.value, entity, plan);
    return {
      kind: note.kind,
      step: note.step,
      field: note.field,
      count: note.count,
      examples: personal ? note.examples.map((example) => masker.quoted(example, keep)) : [...note.examples],
    };
  });
}

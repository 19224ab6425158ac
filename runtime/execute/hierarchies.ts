/**
 * Hierarchies Odoo keeps free of cycles (a partner's parent_id: "You cannot create recursive
 * Partner hierarchies."), followed through the links a run writes in its second pass, where
 * self-references go. The write that would close a cycle is the one Odoo refuses, rows being
 * written in the order the pass reads them; a dry run or import files learn it here instead of
 * passing a row a live load refuses. Links to records the run does not write end a walk: their
 * parents are Odoo's to know, and no cycle is claimed through them.
 */
import type { StepPlan } from "../../compiler/plan/schema.js";

/** A second-pass column that may not lead a record back to itself: where it is in the pass's cells, and Odoo's message. */
export interface AcyclicColumn {
  readonly field: string;
  readonly index: number;
  readonly message: string;
}

/** The step's second-pass columns under an `acyclic` constraint; found once per step. */
export function acyclicColumns(step: StepPlan): AcyclicColumn[] {
  const columns: AcyclicColumn[] = [];
  for (const constraint of step.constraints ?? []) {
    if (constraint.kind !== "acyclic") continue;
    const index = step.deferred.findIndex((operation) => operation.field === constraint.field);
    if (index >= 0) columns.push({ field: constraint.field, index, message: constraint.message });
  }
  return columns;
}

export class Hierarchies {
  /** By `model.field`: each record's parent, as written by this run. */
  private readonly parents = new Map<string, Map<string, string>>();

  /**
   * Odoo's refusal when writing `cells` (the second pass's, without the id) to `record` would make
   * it its own ancestor through one of `columns`; otherwise its links are kept and undefined returned.
   */
  refusal(model: string, columns: readonly AcyclicColumn[], record: string, cells: readonly string[]): string | undefined {
    for (const column of columns) {
      if (this.reaches(this.of(model, column.field), cells[column.index] ?? "", record))
        return `Odoo refuses the record: "${column.message}" (${column.field} would make it its own ancestor)`;
    }
    for (const column of columns) {
      const parent = cells[column.index] ?? "";
      const parents = this.of(model, column.field);
      if (parent === "") parents.delete(record);
      else parents.set(record, parent);
    }
    return undefined;
  }

  private of(model: string, field: string): Map<string, string> {
    const key = `${model}.${field}`;
    let parents = this.parents.get(key);
    if (parents === undefined) {
      parents = new Map();
      this.parents.set(key, parents);
    }
    return parents;
  }

  /** Whether following parents from `start` arrives at `record`; bounded by the links known, so a walk always ends. */
  private reaches(parents: ReadonlyMap<string, string>, start: string, record: string): boolean {
    let current: string | undefined = start;
    for (let steps = 0; current !== undefined && current !== "" && steps <= parents.size; steps += 1) {
      if (current === record) return true;
      current = parents.get(current);
    }
    return false;
  }
}

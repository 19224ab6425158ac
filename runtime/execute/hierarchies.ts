/**
 * Hierarchies Odoo keeps free of cycles (a partner's parent_id: "You cannot create recursive
 * Partner hierarchies."), followed through the links a run writes in its second pass, where
 * self-references go. The write that would close a cycle is the one Odoo refuses, rows being
 * written in the order the pass reads them; a dry run or import files learn it here instead of
 * passing a row a live load refuses. Links to records the run does not write end a walk: their
 * parents are Odoo's to know, and no cycle is claimed through them.
 */
import type { StepPlan } from "../../compiler/plan/schema.js";

/** A second-pass write's link to check: the record (as the target names records) and the value written to the field. */
export interface HierarchyLink {
  readonly field: string;
  readonly record: string;
  readonly parent: string;
}

export class Hierarchies {
  /** By `model.field`: each record's parent, as written by this run. */
  private readonly parents = new Map<string, Map<string, string>>();

  /** Odoo's message when writing `link` would make its record its own ancestor; otherwise the link is kept and undefined returned. */
  refusal(step: StepPlan, links: readonly HierarchyLink[]): string | undefined {
    for (const link of links) {
      const constraint = step.constraints?.find((candidate) => candidate.kind === "acyclic" && candidate.field === link.field);
      if (constraint === undefined) continue;
      const parents = this.of(`${step.model}.${link.field}`);
      if (this.reaches(parents, link.parent, link.record)) return `Odoo refuses the record: "${constraint.message}" (${link.field} would make it its own ancestor)`;
    }
    for (const link of links) {
      const parents = this.of(`${step.model}.${link.field}`);
      if (link.parent === "") parents.delete(link.record);
      else parents.set(link.record, link.parent);
    }
    return undefined;
  }

  private of(key: string): Map<string, string> {
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

/**
 * One record from two systems (`merge onto`): a map's row whose `onto` finds a record another step
 * loaded is written onto that record instead of making its own. The merged row writes the step's
 * fields as that record should then hold them: the other step's value where it gave one, the row's
 * own where it left the field empty or the field is named after `overwrite`, and for a many2many
 * both steps' records together. Written so, under the other record's external ID, the merge is the
 * same in every target: an update Odoo journals with the values before (which a rollback puts
 * back), a file of import rows for those records, or nothing in a dry run.
 *
 * The cells of the steps merged onto are kept by external ID while the run lasts (only those
 * steps', and only a row's cells, not the row).
 */
import type { Plan, StepPlan } from "../../compiler/plan/schema.js";
import { evaluate, type EvaluationEnvironment, type RowInput } from "../transform/evaluate.js";
import { isRecordRef, type ValueNote } from "../transform/values.js";

/** A record a merge may be written onto: the row that made it and the cells its step wrote, by column. */
export interface MergeBase {
  readonly step: string;
  readonly entity: string;
  readonly key: string;
  readonly cells: ReadonlyMap<string, string>;
}

/** The cells of the records of the steps some `merge onto` names, and those their step wrote in this run. */
export class MergeBases {
  private readonly targets: ReadonlySet<string>;
  private readonly bases = new Map<string, MergeBase>();
  private readonly written = new Set<string>();

  constructor(plan: Plan) {
    this.targets = new Set(plan.steps.flatMap((step) => step.merge?.into ?? []));
  }

  /** Whether some step merges onto this step's records. */
  keeps(step: StepPlan): boolean {
    return this.targets.has(step.id);
  }

  /** A record of such a step: its cells by column, and whether it is written in this run (rather than found unchanged). */
  keep(xmlid: string, base: MergeBase, written: boolean): void {
    this.bases.set(xmlid, base);
    if (written) this.written.add(xmlid);
  }

  base(xmlid: string): MergeBase | undefined {
    return this.bases.get(xmlid);
  }

  /** Whether its step wrote the record in this run: a merge onto it is written again, the step's write having replaced the merged values. */
  rewritten(xmlid: string): boolean {
    return this.written.has(xmlid);
  }
}

/** The record a row merges onto, by the step's `onto`: its external ID and id when found (with the notes of finding it), else none. */
export async function mergeOnto(
  step: StepPlan,
  input: RowInput,
  environment: EvaluationEnvironment,
): Promise<{ readonly record?: { readonly xmlid: string; readonly id?: number }; readonly notes: readonly ValueNote[] }> {
  if (step.merge === undefined) return { notes: [] };
  const { outcome, notes } = await evaluate(step.merge.onto, input, environment);
  if (!outcome.ok || !isRecordRef(outcome.value) || outcome.value.xmlid === undefined) return { notes };
  const { xmlid, id } = outcome.value;
  return { record: { xmlid, ...(id === undefined ? {} : { id }) }, notes };
}

/**
 * The cells a merged row writes (`id` first, set by the caller): per column, the other record's
 * value unless it is empty or the field is overwritten, and for a many2many the records of both.
 */
export function mergedCells(step: StepPlan, fields: readonly string[], own: readonly string[], base: MergeBase | undefined): string[] {
  const overwrite = new Set(step.merge?.overwrite ?? []);
  const cells = [""];
  step.operations.forEach((operation, index) => {
    const column = fields[index + 1] ?? operation.field;
    const mine = own[index + 1] ?? "";
    const theirs = base?.cells.get(column) ?? "";
    if (operation.fieldType === "many2many" && !overwrite.has(operation.field)) cells.push(union(theirs, mine));
    else if (overwrite.has(operation.field)) cells.push(mine === "" ? theirs : mine);
    else cells.push(theirs === "" ? mine : theirs);
  });
  return cells;
}

/** Two many2many cells' records together, each once, the first cell's first. */
function union(first: string, second: string): string {
  const items = [...first.split(","), ...second.split(",")].filter((item) => item !== "");
  return [...new Set(items)].join(",");
}

/** A base's cells by column, from a step's row cells (`id` first). */
export function cellsByColumn(fields: readonly string[], cells: readonly string[]): Map<string, string> {
  const byColumn = new Map<string, string>();
  fields.forEach((column, index) => {
    if (index > 0) byColumn.set(column, cells[index] ?? "");
  });
  return byColumn;
}

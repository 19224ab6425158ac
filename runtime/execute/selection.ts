/**
 * Row selection: which rows a run writes when it does not write them all. A filter given as such,
 * or a selection (a referentially closed sample, a delta of rows changed since a time) prepared
 * once the export is indexed: it may ask which rows a row needs for its records to be whole, and
 * the feeds digest of its records. Rows a selection leaves out are counted as not selected.
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { Journal } from "../journal/journal.js";
import type { SourceRow } from "../source/index.js";
import { evaluate, textOf, type EvaluationEnvironment, type ReferenceResolution } from "../transform/evaluate.js";
import { recordXmlid } from "../transform/keys.js";
import { instancesOf, rowInput, rowKeyIn } from "./environment.js";
import type { FeedsDigests } from "./feeds.js";
import type { Indexes } from "./indexes.js";
import type { RowFilter, RowId, RowSelection, RowSource, SelectionContext } from "./run-types.js";
import { conditionsHold } from "./step-evaluator.js";

/** What choosing the rows needs from the run. */
export interface SelectionParts {
  readonly plan: Plan;
  readonly indexes: Indexes;
  readonly rows: RowSource;
  readonly journal?: Journal;
  readonly stepsOf: (entity: string) => readonly StepPlan[];
  readonly feeds: FeedsDigests;
  readonly environment: EvaluationEnvironment;
  say(text: string): void;
}

/** The rows this run writes: the selection's choice, else the filter given, else all (undefined). */
export async function chooseRows(
  given: { readonly filter?: RowFilter; readonly selection?: RowSelection },
  parts: SelectionParts,
): Promise<RowFilter | undefined> {
  if (given.selection === undefined) return given.filter;
  return given.selection.prepare(selectionContext(parts));
}

/** Whether the run writes this row. */
export function isSelected(filter: RowFilter | undefined, entity: EntityPlan, row: SourceRow): boolean {
  return filter === undefined || filter.includes(entity, row);
}

function selectionContext(parts: SelectionParts): SelectionContext {
  const { plan, indexes, journal, environment } = parts;
  return {
    plan,
    indexes,
    rows: parts.rows,
    ...(journal === undefined ? {} : { journal }),
    dependencies: (entity, row) => dependencies(parts, entity, row),
    feedDigests: async (entity, row) => {
      const digests: { step: string; xmlid: string; digest: string }[] = [];
      for (const step of parts.stepsOf(entity.name)) {
        for (const instance of instancesOf(step)) {
          const digest = await parts.feeds.digest(step, entity, row, instance, environment);
          if (digest !== undefined) digests.push({ step: step.id, xmlid: recordXmlid(plan.migration.namespace, step.id, row.key, instance), digest });
        }
      }
      return digests;
    },
    xmlidOf: (step, key, instance) => recordXmlid(plan.migration.namespace, step.id, key, instance),
    say: (text) => parts.say(text),
  };
}

/** Evaluates every step of a row as the run would, noting each row it reaches through `ref`, `get` or a parent. */
async function dependencies(parts: SelectionParts, entity: EntityPlan, row: SourceRow): Promise<RowId[]> {
  const { plan, indexes, environment } = parts;
  const reached = new Map<string, RowId>();
  const reach = (entityName: string, key: string): string | undefined => {
    const candidate = rowKeyIn(indexes, entityName, key);
    if (candidate !== undefined && !(entityName === entity.name && candidate === row.key))
      reached.set(`${entityName}\u0000${candidate}`, { entity: entityName, key: candidate });
    return candidate;
  };
  const stepById = new Map(plan.steps.map((step) => [step.id, step]));
  const stand = (stepId: string, key: string): ReferenceResolution => {
    const step = stepById.get(stepId);
    if (step === undefined) return { status: "missing" };
    return { status: "found", record: { kind: "record", model: step.model, xmlid: recordXmlid(plan.migration.namespace, stepId, key), id: 0 } };
  };
  const recording: EvaluationEnvironment = {
    ...environment,
    reference: (stepId, key) => {
      const step = stepById.get(stepId);
      const candidate = step === undefined ? undefined : reach(step.entity, key);
      return candidate === undefined ? { status: "missing" } : stand(stepId, candidate);
    },
    sibling: (stepId, key) => stand(stepId, key),
    get: (entityName, column, key) => {
      reach(entityName, key);
      return environment.get(entityName, column, key);
    },
    // Only which rows are reached matters here: files are not read.
    builtinContext: (of) => ({
      options: of.options,
      readFile: async (path) => ({ ok: true, base64: "", mimetype: "application/octet-stream", size: 0, name: path }),
    }),
  };
  for (const step of parts.stepsOf(entity.name)) {
    for (const instance of instancesOf(step)) {
      const input = rowInput(entity, row, step, instance);
      if (!(await conditionsHold(step, input, recording))) continue;
      for (const operation of [...step.operations, ...step.deferred]) await evaluate(operation.value, input, recording);
      if (step.parent !== undefined) {
        const parent = stepById.get(step.parent.step);
        if (parent !== undefined) reach(parent.entity, textOf(row.values[step.parent.by] ?? null));
      }
    }
  }
  return [...reached.values()];
}

/**
 * Which values the export asks each lookup for (owners by e-mail, countries by name, ...), which
 * of them match a record of the target and which do not, and on how many rows: the census behind
 * "owners that match an Odoo user and those that don't" of the assessment.
 *
 * Each operation that uses a lookup is evaluated with the runtime's own evaluator, row by row,
 * with an environment whose lookups note every value they are asked for, so a value is counted
 * only where the mapping really looks it up (not in an `if` branch the row does not take).
 * References to other records resolve by the export's keys alone: nothing is written, so a
 * record the run would make is taken as made.
 */
import type { EntityPlan, LookupPlan, MissingPolicyPlan, OperationPlan, Plan } from "../../compiler/plan/schema.js";
import { exportEnvironment, instancesOf, rowInput, rowKeyIn } from "../execute/environment.js";
import type { Indexes } from "../execute/indexes.js";
import { lookupRuntime } from "../execute/lookups.js";
import { everySubexpression } from "../execute/plan-walk.js";
import type { RowSource } from "../execute/run.js";
import { conditionsHold } from "../execute/step-evaluator.js";
import type { SourceRow } from "../source/index.js";
import type { TargetRecord } from "../targets/target.js";
import { evaluate, type EvaluationEnvironment, type LookupRuntime } from "../transform/evaluate.js";
import { recordXmlid } from "../transform/keys.js";
import { readsPersonal } from "./expressions.js";
import type { Masker } from "./mask.js";

export interface LookupValue {
  /** The value as the export holds it (trimmed), or its mask when it comes from a personal column. */
  readonly value: string;
  /** Rows that ask for it (a row counts once per step that looks it up). */
  readonly rows: number;
  /** What it matched, for a matched value. */
  readonly record?: string;
  readonly steps: readonly string[];
}

export interface LookupCensus {
  readonly lookup: string;
  readonly model: string;
  readonly matchFields: readonly string[];
  /** `by name and city`: the fields are matched together. */
  readonly together?: true;
  readonly missing: MissingPolicyPlan;
  /** Records of the target the lookup can match. */
  readonly targetRecords: number;
  readonly matchedRows: number;
  readonly unmatchedRows: number;
  /** Most asked first. */
  readonly matched: readonly LookupValue[];
  readonly unmatched: readonly LookupValue[];
  /** For `missing fallback "x"`: the record "x" finds, or undefined when it finds none (the rows would be rejected). */
  readonly fallbackRecord?: string;
}

interface Tally {
  rows: number;
  value: string;
  record?: string;
  masked: boolean;
  readonly steps: Set<string>;
}

/**
 * What the evaluator needs, answered as a run answers from the export (the one environment of
 * runtime/execute/environment.ts, `order by` included); lookups come from `lookups`.
 */
function censusEnvironment(plan: Plan, indexes: Indexes, lookups: (name: string) => LookupRuntime): EvaluationEnvironment {
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const reference = (stepId: string, key: string): ReturnType<EvaluationEnvironment["reference"]> => {
    const step = steps.get(stepId);
    const found = step === undefined ? undefined : rowKeyIn(indexes, step.entity, key);
    if (step === undefined || found === undefined) return { status: "missing" };
    return { status: "found", record: { kind: "record", model: step.model, xmlid: recordXmlid(plan.migration.namespace, step.id, found) } };
  };
  return {
    ...exportEnvironment(plan, indexes, lookups),
    reference,
    sibling: reference,
    record: (model, xmlid) => ({ kind: "record", model, xmlid }),
    // Files are not opened to count lookups; a lookup fed by a file's content is not a case that exists.
    builtinContext: (entity) => ({ options: entity.options, readFile: async () => ({ ok: false, reason: "files are not read for the lookup census" }) }),
  };
}

/** Whether the operation looks a value up (inside a `with` block's filter too). */
function usesLookup(operation: OperationPlan): boolean {
  for (const part of everySubexpression(operation.value)) if (part.op === "lookup") return true;
  return false;
}

export interface CensusOptions {
  readonly plan: Plan;
  readonly rows: RowSource;
  readonly indexes: Indexes;
  /** The records each lookup may match, as the target gave them for the dry run. */
  readonly records: ReadonlyMap<string, readonly TargetRecord[]>;
  readonly masker: Masker;
  /** Rows a sample or delta filter leaves out are not counted. */
  readonly includes?: (entity: EntityPlan, row: SourceRow) => boolean;
  /**
   * Rows the dry run rejected in a step, as `step\0key`: a rejected row falls back to nothing, so
   * its values are not counted (the counts then agree with the run's own).
   */
  readonly rejected?: ReadonlySet<string>;
}

export async function lookupCensus(options: CensusOptions): Promise<LookupCensus[]> {
  const { plan, indexes, masker } = options;
  const runtimes = new Map<string, LookupRuntime>();
  for (const lookup of plan.lookups) runtimes.set(lookup.name, lookupRuntime(lookup, options.records.get(lookup.name) ?? [], "xmlid"));
  const tallies = new Map<string, { matched: Map<string, Tally>; unmatched: Map<string, Tally> }>(
    plan.lookups.map((lookup) => [lookup.name, { matched: new Map(), unmatched: new Map() }]),
  );
  // The values one row asks for in one step, noted by the lookups as the evaluator calls them.
  let asked: { lookup: string; value: string; found?: string; fallback: boolean }[] = [];
  const noting = (name: string): LookupRuntime => {
    const runtime = runtimes.get(name);
    if (runtime === undefined) throw new Error(`the plan has no lookup ${name}`);
    return {
      ...runtime,
      resolve(value) {
        const resolution = runtime.resolve(value);
        asked.push({
          lookup: name,
          value: value.trim(),
          ...(resolution.status === "found" ? { found: resolution.record.label ?? resolution.record.xmlid ?? "" } : {}),
          fallback: false,
        });
        return resolution;
      },
      // The evaluator asks for the fallback right after a miss: that is not a value of the export.
      resolveFallback(value) {
        const previous = asked[asked.length - 1];
        if (previous !== undefined && previous.lookup === name && previous.found === undefined) previous.fallback = true;
        return runtime.resolveFallback(value);
      },
    };
  };
  const environment = censusEnvironment(plan, indexes, noting);
  for (const step of plan.steps) {
    const operations = [...step.operations, ...step.deferred].filter(usesLookup);
    if (operations.length === 0) continue;
    const entity = plan.entities.find((candidate) => candidate.name === step.entity);
    if (entity === undefined) continue;
    const personal = operations.some((operation) => readsPersonal(operation.value, entity, plan));
    for await (const item of options.rows(entity).rows) {
      if (item.kind !== "row" || (options.includes !== undefined && !options.includes(entity, item))) continue;
      if (options.rejected?.has(`${step.id}\u0000${item.key}`) === true) continue;
      for (const instance of instancesOf(step)) {
        const input = rowInput(entity, item, step, instance);
        if (!(await conditionsHold(step, input, environment))) continue;
        asked = [];
        for (const operation of operations) await evaluate(operation.value, input, environment);
        const seen = new Set<string>();
        for (const call of asked) {
          if (call.value === "") continue;
          const key = `${call.lookup}\u0000${call.value.toLowerCase()}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const tally = tallies.get(call.lookup);
          if (tally === undefined) continue;
          const bucket = call.found === undefined ? tally.unmatched : tally.matched;
          const entry = bucket.get(call.value.toLowerCase()) ?? {
            rows: 0,
            value: call.value,
            masked: personal,
            steps: new Set<string>(),
            ...(call.found === undefined ? {} : { record: call.found }),
          };
          entry.rows += 1;
          entry.steps.add(step.id);
          // A value read from a personal column in any step is masked everywhere the census shows it.
          entry.masked = entry.masked || personal;
          bucket.set(call.value.toLowerCase(), entry);
        }
      }
    }
  }
  return plan.lookups.map((lookup) =>
    censusOf(lookup, tallies.get(lookup.name), runtimes.get(lookup.name), options.records.get(lookup.name)?.length ?? 0, masker),
  );
}

function censusOf(
  lookup: LookupPlan,
  tally: { matched: Map<string, Tally>; unmatched: Map<string, Tally> } | undefined,
  runtime: LookupRuntime | undefined,
  targetRecords: number,
  masker: Masker,
): LookupCensus {
  const list = (entries: Iterable<Tally>): LookupValue[] =>
    [...entries]
      .sort((left, right) => right.rows - left.rows || left.value.localeCompare(right.value))
      .map((entry) => ({
        value: entry.masked ? masker.token(entry.value) : entry.value,
        rows: entry.rows,
        ...(entry.record === undefined ? {} : { record: entry.record }),
        steps: [...entry.steps],
      }));
  const matched = list(tally?.matched.values() ?? []);
  const unmatched = list(tally?.unmatched.values() ?? []);
  let fallbackRecord: string | undefined;
  if (lookup.missing.policy === "fallback" && runtime !== undefined) {
    const found = runtime.resolve(String(lookup.missing.value));
    if (found.status === "found") fallbackRecord = found.record.label ?? found.record.xmlid ?? String(lookup.missing.value);
  }
  return {
    lookup: lookup.name,
    model: lookup.model,
    matchFields: lookup.matchFields,
    ...(lookup.together === true ? { together: true as const } : {}),
    missing: lookup.missing,
    targetRecords,
    matchedRows: matched.reduce((sum, entry) => sum + entry.rows, 0),
    unmatchedRows: unmatched.reduce((sum, entry) => sum + entry.rows, 0),
    matched,
    unmatched,
    ...(fallbackRecord === undefined ? {} : { fallbackRecord }),
  };
}

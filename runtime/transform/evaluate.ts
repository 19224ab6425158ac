/**
 * Computes a plan expression for one source row. Pure except for what the environment provides
 * (tables, lookups, other steps' records, linked rows, files): the same row and environment always
 * give the same value, so `flitmap test`, dry runs and real runs agree. The expression runs as the
 * closures it compiles to once (runtime/transform/compile.ts), the run's step evaluators' own.
 */
import type { EntityPlan, Literal, PlanExpression, PlanValue } from "../../compiler/plan/schema.js";
import type { BuiltinContext } from "./builtins.js";
import { compileExpression, EvaluationScope, FAILED, runCompiled } from "./compile.js";
import { literalKey, looseKey } from "./value-words.js";
import { ok, reject, type RecordRef, type RuntimeValue, type StepOutcome, type ValueNote } from "./values.js";

export { compare, textOf } from "./value-words.js";

/** How a reference to another step's record resolves for a key. */
export type ReferenceResolution =
  | { readonly status: "found"; readonly record: RecordRef }
  /** No row of the entity has this key (a dangling reference in the export). */
  | { readonly status: "missing" }
  /** The row exists but made no record: rejected (`rejected`), or skipped by a condition or left out of the run. */
  | { readonly status: "not-loaded"; readonly why: string; readonly rejected?: true };

export type LookupResolution =
  /** `note`: how an ambiguous value was settled (`ambiguous first` or `fallback`), for the run's notes. */
  /** `value`: the plain field a lookup `returns`, read from `record` (a many2one it returns is `record` itself). */
  | { readonly status: "found"; readonly record: RecordRef; readonly value?: string | number | boolean | null; readonly note?: string }
  | { readonly status: "missing" }
  /** Several records match and the lookup's `ambiguous` policy rejects the row. */
  | { readonly status: "ambiguous"; readonly reason: string };

export interface TableRuntime {
  readonly name: string;
  readonly entries: ReadonlyMap<string, PlanValue>;
  /** Entries by their key without case and extra spaces, for keys that stay distinct that way. */
  readonly looseEntries: ReadonlyMap<string, PlanValue>;
  readonly unmatched: { readonly action: "reject" | "flag" | "keep" | "empty" } | { readonly action: "value"; readonly value: PlanValue };
}

export interface LookupRuntime {
  readonly name: string;
  readonly model: string;
  readonly matchFields: readonly string[];
  /** `by name and city`: `resolve` is asked the values of a list, one per field, as JSON (`["Acme","Breda"]`). */
  readonly together?: true;
  readonly missing: { readonly policy: "reject" | "flag" | "halt" } | { readonly policy: "fallback"; readonly value: string | number | boolean };
  resolve(value: string): LookupResolution;
  /**
   * Asking a value again gives the answer it gave the first time and does nothing else (a run's
   * lookups keep their answers): an evaluation may then keep the answers, and their notes, itself.
   */
  readonly answersKept?: true;
  /** The `missing fallback` value: a value of a match field, or a record's external ID ("base.user_admin"). */
  resolveFallback(value: string): LookupResolution;
}

/** How a lookup's fields read in a message: `email or login`, `name and city`. */
export function matchFieldsText(lookup: { readonly matchFields: readonly string[]; readonly together?: true }): string {
  return lookup.matchFields.join(lookup.together === true ? " and " : " or ");
}

export interface EvaluationEnvironment {
  table(name: string): TableRuntime;
  lookup(name: string): LookupRuntime;
  /** The record step `step` makes from the row with key `key`. */
  reference(step: string, key: string): ReferenceResolution;
  /** The record sibling step `step` makes from the same row (a split). */
  sibling(step: string, key: string): ReferenceResolution;
  /** The rows of `entity` whose `by` column holds `key`, in order. */
  linked(entity: string, by: string, key: string, orderBy: string | undefined, descending: boolean): readonly Readonly<Record<string, RuntimeValue>>[];
  /** An entity of the plan, to read a linked row's columns with its options. */
  entity(name: string): EntityPlan;
  /** The value of `column` in the row of `entity` whose key is `key`; undefined when there is none. */
  get(entity: string, column: string, key: string): RuntimeValue | undefined;
  /** The keys of the rows of `entity` whose `unique` column `column` holds any of the values (trimmed, ignoring case), in file order. */
  keysBy(entity: string, column: string, ...values: readonly string[]): readonly string[];
  /** Why the reader rejected the row of `entity` whose key is `key`; undefined when it did not, or the environment cannot tell. */
  rejected?(entity: string, key: string): string | undefined;
  /** A reference record (set up by the migration, or existing in Odoo). */
  record(model: string, xmlid: string): RecordRef;
  builtinContext(entity: EntityPlan): BuiltinContext;
}

export interface RowInput {
  readonly entity: EntityPlan;
  readonly key: string;
  readonly values: Readonly<Record<string, RuntimeValue>>;
  /** The column group instance a `for each` step reads. */
  readonly group?: { readonly name: string; readonly instance: number; readonly values: Readonly<Record<string, RuntimeValue>> };
}

export function tableRuntime(plan: {
  readonly name: string;
  readonly entries: readonly { readonly keys: readonly Literal[]; readonly value: PlanValue }[];
  readonly unmatched: TableRuntime["unmatched"];
}): TableRuntime {
  const entries = new Map<string, PlanValue>();
  for (const entry of plan.entries) for (const key of entry.keys) if (!entries.has(literalKey(key))) entries.set(literalKey(key), entry.value);
  // Exports differ from a table's keys in case and spacing ("gewonnen ", "GEWONNEN"), rarely in meaning:
  // a loose match is used only when no two keys collapse into one.
  const looseEntries = new Map<string, PlanValue>();
  const collisions = new Set<string>();
  for (const [key, value] of entries) {
    const loose = looseKey(key);
    if (looseEntries.has(loose)) collisions.add(loose);
    looseEntries.set(loose, value);
  }
  for (const loose of collisions) looseEntries.delete(loose);
  return { name: plan.name, entries, looseEntries, unmatched: plan.unmatched };
}

export interface EvaluatedValue {
  readonly outcome: StepOutcome;
  readonly notes: readonly ValueNote[];
}

/** Computes one expression for one row; notes gathered along the way come with the result. */
export async function evaluate(expression: PlanExpression, row: RowInput, environment: EvaluationEnvironment): Promise<EvaluatedValue> {
  const scope = new EvaluationScope();
  const value = await runCompiled(compileExpression(expression), row, environment, scope);
  return { outcome: value === FAILED ? reject(scope.reason) : ok(value), notes: scope.notes };
}

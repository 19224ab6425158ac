/**
 * Computes a plan expression for one source row. Pure except for what the environment provides
 * (tables, lookups, other steps' records, linked rows, files): the same row and environment always
 * give the same value, so `flitmap test`, dry runs and real runs agree.
 */
import type { EntityPlan, Literal, PlanExpression, PlanValue } from "../../compiler/plan/schema.js";
import { builtinFor, type BuiltinContext } from "./builtins.js";
import { isEmpty, isRecordRef, ok, reject, type RecordRef, type RuntimeValue, type StepOutcome, type ValueNote } from "./values.js";

/** How a reference to another step's record resolves for a key. */
export type ReferenceResolution =
  | { readonly status: "found"; readonly record: RecordRef }
  /** No row of the entity has this key (a dangling reference in the export). */
  | { readonly status: "missing" }
  /** The row exists but made no record: rejected or skipped by a condition. */
  | { readonly status: "not-loaded"; readonly why: string };

export type LookupResolution = { readonly status: "found"; readonly record: RecordRef } | { readonly status: "missing" };

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
  readonly missing: { readonly policy: "reject" | "flag" | "halt" } | { readonly policy: "fallback"; readonly value: string | number | boolean };
  resolve(value: string): LookupResolution;
  /** The `missing fallback` value: a value of a match field, or a record's external ID ("base.user_admin"). */
  resolveFallback(value: string): LookupResolution;
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

/** The text form of a value inside templates, table keys and lookups. */
export function textOf(value: RuntimeValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (isRecordRef(value)) return value.label ?? value.xmlid ?? String(value.id ?? "");
  return value
    .map(textOf)
    .filter((part) => part !== "")
    .join(", ");
}

function literalKey(value: RuntimeValue | Literal): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return textOf(value);
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

function looseKey(key: string): string {
  return key.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

/** The key a value takes when it names another row: trimmed text; numbers as written. */
function referenceKey(value: RuntimeValue): string {
  return textOf(value).trim();
}

/** Notes that say a value was left empty. */
const LEFT_EMPTY: ReadonlySet<ValueNote["kind"]> = new Set(["dangling-reference", "lookup-missing", "flagged"]);

function supersededDetail(detail: string): string {
  return `${detail.replace(/; left empty$/, "")}; the value after \`??\` was used`;
}

class Evaluation {
  readonly notes: ValueNote[] = [];

  constructor(
    private readonly row: RowInput,
    private readonly environment: EvaluationEnvironment,
  ) {}

  private planValue(value: PlanValue): RuntimeValue {
    if (value !== null && typeof value === "object") return this.environment.record(value.model, value.xmlid);
    return value;
  }

  /** Every value's notes are gathered here, so that none is lost inside `??` or `if`. */
  async evaluate(expression: PlanExpression): Promise<StepOutcome> {
    return this.withNotes(await this.compute(expression));
  }

  private async compute(expression: PlanExpression): Promise<StepOutcome> {
    switch (expression.op) {
      case "const":
        return ok(expression.value);
      case "column":
        return ok(this.row.values[expression.column] ?? null);
      case "group-column":
        return ok(this.row.group?.name === expression.group ? (this.row.group.values[expression.column] ?? null) : null);
      case "linked":
        return this.linkedValues(expression);
      case "record":
        return ok(this.environment.record(expression.model, expression.xmlid));
      case "template":
        return this.templateText(expression);
      case "list": {
        const items: RuntimeValue[] = [];
        for (const item of expression.items) {
          const outcome = await this.evaluate(item);
          if (!outcome.ok) return outcome;
          items.push(outcome.value);
        }
        return ok(items);
      }
      case "call":
        return this.call(expression);
      case "table":
        return this.itemwise(expression.input, expression.itemwise, (value) => this.table(expression.table, value));
      case "lookup":
        return this.itemwise(expression.input, expression.itemwise, (value) => this.lookup(expression.lookup, value));
      case "ref":
        return this.itemwise(expression.input, expression.itemwise, (value) => this.reference(expression.step, value));
      case "sibling":
        return this.resolved(this.environment.sibling(expression.step, this.row.key), expression.step, this.row.key);
      case "get":
        return this.itemwise(expression.input, expression.itemwise, (value) => {
          if (isEmpty(value)) return ok(null);
          const found = this.environment.get(expression.entity, expression.column, referenceKey(value));
          if (found === undefined) {
            const key = JSON.stringify(referenceKey(value));
            // A row the reader rejected is in the export: saying there is none would send the reader looking for a typo.
            const why = this.environment.rejected?.(expression.entity, referenceKey(value));
            this.notes.push({
              kind: "dangling-reference",
              detail: why === undefined ? `no ${expression.entity} row has key ${key}` : `the ${expression.entity} row with key ${key} was rejected: ${why}`,
            });
            return ok(null);
          }
          return ok(found);
        });
      case "coalesce":
        return this.firstPresent(expression);
      case "if": {
        const condition = await this.evaluate(expression.condition);
        if (!condition.ok) return condition;
        return this.evaluate(condition.value === true ? expression.then : expression.else);
      }
      case "and":
      case "or": {
        for (const operand of expression.operands) {
          const outcome = await this.evaluate(operand);
          if (!outcome.ok) return outcome;
          const truth = outcome.value === true;
          if (expression.op === "and" && !truth) return ok(false);
          if (expression.op === "or" && truth) return ok(true);
        }
        return ok(expression.op === "and");
      }
      case "not": {
        const outcome = await this.evaluate(expression.operand);
        return outcome.ok ? ok(outcome.value !== true) : outcome;
      }
      case "compare": {
        const left = await this.evaluate(expression.left);
        if (!left.ok) return left;
        const right = await this.evaluate(expression.right);
        if (!right.ok) return right;
        return ok(compare(left.value, expression.operator, right.value));
      }
      case "is": {
        const outcome = await this.evaluate(expression.operand);
        if (!outcome.ok) return outcome;
        const present = !isEmpty(outcome.value);
        return ok((expression.test === "present" ? present : !present) !== expression.negated);
      }
      case "in": {
        const operand = await this.evaluate(expression.operand);
        if (!operand.ok) return operand;
        let found = false;
        for (const item of expression.items) {
          const outcome = await this.evaluate(item);
          if (!outcome.ok) return outcome;
          if (compare(operand.value, "=", outcome.value)) found = true;
        }
        return ok(found !== expression.negated);
      }
    }
  }

  /** The values of a column of the rows a `with` block links to this one, those its `when` keeps. */
  private async linkedValues(expression: Extract<PlanExpression, { op: "linked" }>): Promise<StepOutcome> {
    const rows = this.environment.linked(expression.entity, expression.by, this.row.key, expression.orderBy, expression.descending);
    const values: RuntimeValue[] = [];
    const filter = expression.filter;
    for (const row of rows) {
      if (filter !== undefined) {
        const linkedRow: RowInput = { entity: this.environment.entity(expression.entity), key: "", values: row };
        const kept = await new Evaluation(linkedRow, this.environment).evaluate(filter);
        if (!kept.ok) return kept;
        if (kept.value !== true) continue;
      }
      values.push(row[expression.column] ?? null);
    }
    return ok(values);
  }

  /** A template's text, its holes filled. */
  private async templateText(expression: Extract<PlanExpression, { op: "template" }>): Promise<StepOutcome> {
    let text = "";
    for (const part of expression.parts) {
      if (typeof part === "string") {
        text += part;
        continue;
      }
      const outcome = await this.evaluate(part);
      if (!outcome.ok) return outcome;
      text += textOf(outcome.value);
    }
    return ok(text);
  }

  /** The first operand that is not empty; the notes of those before it say they were superseded. */
  private async firstPresent(expression: Extract<PlanExpression, { op: "coalesce" }>): Promise<StepOutcome> {
    const start = this.notes.length;
    for (const operand of expression.operands) {
      const before = this.notes.length;
      const outcome = await this.evaluate(operand);
      if (!outcome.ok) return outcome;
      if (isEmpty(outcome.value)) continue;
      // An earlier operand's problem is still worth reporting, but "left empty" is no longer true.
      const given = this.notes.splice(before);
      const earlier = this.notes.splice(start).map((note) => (LEFT_EMPTY.has(note.kind) ? { ...note, detail: supersededDetail(note.detail) } : note));
      this.notes.push(...earlier, ...given);
      return outcome;
    }
    return ok(null);
  }

  /** Applies a step to the input, or to each item of a list input. */
  private async itemwise(
    inputExpression: PlanExpression,
    itemwise: boolean,
    apply: (value: RuntimeValue) => StepOutcome | Promise<StepOutcome>,
  ): Promise<StepOutcome> {
    const input = await this.evaluate(inputExpression);
    if (!input.ok) return input;
    if (!itemwise || !Array.isArray(input.value)) return this.withNotes(await apply(input.value));
    const results: RuntimeValue[] = [];
    for (const item of input.value as readonly RuntimeValue[]) {
      const outcome = this.withNotes(await apply(item));
      if (!outcome.ok) return outcome;
      if (outcome.value !== null) results.push(outcome.value);
    }
    return ok(results);
  }

  private withNotes(outcome: StepOutcome): StepOutcome {
    if (outcome.ok && outcome.notes !== undefined) this.notes.push(...outcome.notes);
    return outcome.ok ? ok(outcome.value) : outcome;
  }

  private async call(expression: Extract<PlanExpression, { op: "call" }>): Promise<StepOutcome> {
    // The plan's input type tells a datetime from text that merely looks like one.
    const implementation = builtinFor(expression.builtin, expression.input.type);
    if (implementation === undefined)
      return reject(`the plan uses \`${expression.builtin}\`, which this version of Flitmap does not know; compile the package again`);
    const args: RuntimeValue[] = [];
    for (const arg of expression.args) {
      const outcome = await this.evaluate(arg);
      if (!outcome.ok) return outcome;
      args.push(outcome.value);
    }
    const context = this.environment.builtinContext(this.row.entity);
    return this.itemwise(expression.input, expression.itemwise, (value) => implementation(value, args, context));
  }

  private table(name: string, value: RuntimeValue): StepOutcome {
    if (isEmpty(value)) return ok(null);
    const table = this.environment.table(name);
    const key = literalKey(value);
    const found = table.entries.get(key) ?? table.looseEntries.get(looseKey(key));
    if (found !== undefined) return ok(this.planValue(found));
    const shown = JSON.stringify(textOf(value));
    switch (table.unmatched.action) {
      case "reject":
        return reject(`${shown} is not in table ${name}`);
      case "flag":
        return ok(null, [{ kind: "flagged", detail: `${shown} is not in table ${name}; left empty` }]);
      case "keep":
        return ok(value);
      case "empty":
        return ok(null);
      case "value":
        return ok(this.planValue(table.unmatched.value), [{ kind: "table-default", detail: `${shown} is not in table ${name}; its default was used` }]);
    }
  }

  private lookup(name: string, value: RuntimeValue): StepOutcome {
    if (isEmpty(value)) return ok(null);
    const lookup = this.environment.lookup(name);
    const wanted = textOf(value).trim();
    const found = lookup.resolve(wanted);
    if (found.status === "found") return ok(found.record);
    const what = `no ${lookup.model} record has ${lookup.matchFields.join(" or ")} ${JSON.stringify(wanted)}`;
    switch (lookup.missing.policy) {
      case "reject":
      case "halt":
        return reject(what);
      case "flag":
        return ok(null, [{ kind: "lookup-missing", detail: `${what}; left empty` }]);
      case "fallback": {
        const fallback = lookup.resolveFallback(String(lookup.missing.value));
        if (fallback.status !== "found") return reject(`${what}, and neither has the fallback ${JSON.stringify(lookup.missing.value)}`);
        return ok(fallback.record, [{ kind: "lookup-fallback", detail: `${what}; ${JSON.stringify(lookup.missing.value)} was used` }]);
      }
    }
  }

  private reference(step: string, value: RuntimeValue): StepOutcome {
    if (isEmpty(value)) return ok(null);
    const key = referenceKey(value);
    return this.resolved(this.environment.reference(step, key), step, key);
  }

  private resolved(resolution: ReferenceResolution, step: string, key: string): StepOutcome {
    switch (resolution.status) {
      case "found":
        return ok(resolution.record);
      case "missing":
        return ok(null, [{ kind: "dangling-reference", detail: `${step} ${JSON.stringify(key)} does not exist in the export` }]);
      case "not-loaded":
        return ok(null, [{ kind: "dangling-reference", detail: `${step} ${JSON.stringify(key)} was not loaded (${resolution.why})` }]);
    }
  }
}

function comparable(value: RuntimeValue): string | number | boolean | null {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value;
  return textOf(value);
}

export function compare(left: RuntimeValue, operator: "=" | "!=" | "<" | "<=" | ">" | ">=", right: RuntimeValue): boolean {
  const a = comparable(left);
  const b = comparable(right);
  if (operator === "=" || operator === "!=") {
    const equal = typeof a === "number" && typeof b === "number" ? a === b : a !== null && b !== null && String(a) === String(b);
    return operator === "=" ? equal : !equal;
  }
  if (a === null || b === null) return false;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  switch (operator) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

export interface EvaluatedValue {
  readonly outcome: StepOutcome;
  readonly notes: readonly ValueNote[];
}

/** Computes one expression for one row; notes gathered along the way come with the result. */
export async function evaluate(expression: PlanExpression, row: RowInput, environment: EvaluationEnvironment): Promise<EvaluatedValue> {
  const evaluation = new Evaluation(row, environment);
  const outcome = await evaluation.evaluate(expression);
  return { outcome, notes: evaluation.notes };
}

/**
 * The decisions a run takes that are not obvious, in words: what it did with the values of each
 * note (a lookup that fell back, a table default, a value flagged, cut, defaulted, a reference left
 * empty), with the mapping line that did it. The audit report lists them with the report's other
 * decisions; the run's terminal summary counts them.
 */
import type { Plan, PlanExpression, StepPlan } from "../../compiler/plan/schema.js";
import { subexpressions } from "../execute/plan-walk.js";
import { describeExpression } from "./expressions.js";
import type { ValueNote } from "./notes.js";

export type DecisionKind =
  | "lookup-fallback"
  | "lookup-ambiguous"
  | "ref-ambiguous"
  | "lookup-missing"
  | "table-default"
  | "flagged"
  | "truncated"
  | "default"
  | "dangling-reference"
  | "optional-link"
  | "collapsed-links"
  | "deduplicated-keys"
  | "matched-record"
  | "existing-field"
  | "left-out"
  | "disappeared"
  | "unarchived";

export interface Decision {
  readonly kind: DecisionKind;
  /** Where: `step.field`, an entity, or a model. */
  readonly where: string;
  readonly count: number;
  /** What was decided, in a sentence. */
  readonly what: string;
  readonly examples: readonly string[];
}

function lookupsIn(expression: PlanExpression): string[] {
  return [...subexpressions(expression)].filter((part): part is Extract<PlanExpression, { op: "lookup" }> => part.op === "lookup").map((part) => part.lookup);
}

function tablesIn(expression: PlanExpression): string[] {
  return [...subexpressions(expression)].filter((part): part is Extract<PlanExpression, { op: "table" }> => part.op === "table").map((part) => part.table);
}

function operationOf(plan: Plan, step: string, field: string): { step: StepPlan; value: PlanExpression } | undefined {
  const found = plan.steps.find((candidate) => candidate.id === step);
  const operation = found === undefined ? undefined : [...found.operations, ...found.deferred].find((candidate) => candidate.field === field);
  return found === undefined || operation === undefined ? undefined : { step: found, value: operation.value };
}

/** The expression a pipeline stage reads: `x | trim` is a call whose input is `x`. */
function pipelineInput(expression: PlanExpression): PlanExpression | undefined {
  switch (expression.op) {
    case "call":
    case "lookup":
    case "ref":
    case "table":
    case "get":
      return expression.input;
    default:
      return undefined;
  }
}

/** Built-ins that make a value of nothing: a part left empty before them does not leave the field empty. */
const FILLS_EMPTY = new Set(["default", "count"]);

/**
 * Whether a part of the value that gives nothing leaves the field itself empty: so when the part is
 * the value, or feeds it through a pipeline of single values. Behind `??`, inside an `if`, or as
 * one item of a list, the rest of the mapping decides what the field holds.
 */
function emptiesField(value: PlanExpression, isPart: (expression: PlanExpression) => boolean): boolean {
  for (let stage: PlanExpression | undefined = value; stage !== undefined; stage = pipelineInput(stage)) {
    if ("itemwise" in stage && stage.itemwise) return false;
    if (isPart(stage)) return true;
    if (stage.op === "call" && FILLS_EMPTY.has(stage.builtin)) return false;
  }
  return false;
}

/** Which of several rows a field's `ref ... by` links: "the first (ambiguous first)", or both when the field has two. */
function refByPolicies(operation: { value: PlanExpression } | undefined): string {
  const policies = new Set<string>();
  if (operation !== undefined) for (const part of subexpressions(operation.value)) if (part.op === "ref" && part.by !== undefined) policies.add(part.by.ambiguous);
  const named = [...policies].filter((policy) => policy !== "reject");
  return named.length === 0 ? "one of them" : named.map((policy) => `the ${policy} in the export (ambiguous ${policy})`).join(" or ");
}

/** What became of the field when a part of its value gave nothing. */
function leftEmpty(operation: { value: PlanExpression } | undefined, isPart: (expression: PlanExpression) => boolean): string {
  return operation === undefined || emptiesField(operation.value, isPart)
    ? "the field was left empty"
    : "that value was taken as empty, and the field holds what the rest of the mapping gives without it";
}

/** A sentence for what the run did with the values of one note. */
export function noteDecision(note: ValueNote, plan: Plan): Decision {
  const operation = operationOf(plan, note.step, note.field);
  const rows = `${note.count} row${note.count === 1 ? "" : "s"}`;
  const lookup = plan.lookups.find((candidate) => operation !== undefined && lookupsIn(operation.value).includes(candidate.name));
  const tables = operation === undefined ? [] : tablesIn(operation.value);
  const source = operation === undefined ? "" : ` (${note.field} <- ${describeExpression(operation.value)})`;
  let what: string;
  switch (note.kind) {
    case "lookup-fallback":
      what = `${rows} named a ${lookup?.model ?? "record"} that the target does not have; ${lookup?.missing.policy === "fallback" ? JSON.stringify(lookup.missing.value) : "the fallback"} was used instead`;
      break;
    case "lookup-ambiguous":
      what = `${rows} named a value several ${lookup?.model ?? "record"}s match; ${lookup?.ambiguous?.policy === "fallback" ? JSON.stringify(lookup.ambiguous.value) : "the first"} was used (ambiguous ${lookup?.ambiguous?.policy ?? "first"})`;
      break;
    case "ref-ambiguous":
      what = `${rows} named a row by a value several rows hold; ${refByPolicies(operation)} was linked`;
      break;
    case "lookup-missing":
      what = `${rows} named a ${lookup?.model ?? "record"} that the target does not have; ${leftEmpty(operation, (part) => part.op === "lookup" && part.lookup === lookup?.name)} (missing flag)`;
      break;
    case "table-default":
      what = `${rows} held a value that is not in table ${tables.join(", ") || "?"}; the table's default was written`;
      break;
    case "flagged":
      what = `${rows} held a value that could not be used (unreadable, or not in a table); ${leftEmpty(operation, (part) => part.op === "table" || (part.op === "call" && !FILLS_EMPTY.has(part.builtin)))}`;
      break;
    case "truncated":
      what = `${rows} held a value longer than the field takes; it was cut`;
      break;
    case "default":
      what = `${rows} had no value; the mapping's default was written`;
      break;
    case "dangling-reference":
      what = `${rows} pointed to a record the run did not make (missing from the export, or rejected); ${leftEmpty(operation, (part) => part.op === "ref" || part.op === "get")}`;
      break;
    case "optional-link":
      what = `${rows} link to a record the mapping did not make for them (an optional \`ref\`); the field was left empty`;
      break;
  }
  return { kind: note.kind, where: `${note.step}.${note.field}`, count: note.count, what: `${what}${source}`, examples: note.examples };
}

/** One line per note of a run, in the plan's step order: where, and what was done with how many rows. */
export function decisionLines(notes: readonly ValueNote[], plan: Plan): string[] {
  const order = new Map(plan.steps.map((step, index) => [step.id, index]));
  return [...notes]
    .sort((left, right) => (order.get(left.step) ?? 0) - (order.get(right.step) ?? 0))
    .map((note) => noteDecision(note, plan))
    .map((decision) => `${decision.where}: ${decision.what}`);
}

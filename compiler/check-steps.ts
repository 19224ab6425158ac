/**
 * Named steps, `step fold = trim | upper`: steps named once for the package and used in any
 * pipeline as `| fold`. Each is checked once where it is declared, with no input known (its names
 * resolved, its arguments typed: what is wrong there is reported there), and again at each use
 * against the input there, where its steps are inlined into the plan: the runtime sees the steps
 * themselves, and what a row does wrong is reported by the field that uses it. What only the input
 * of a use makes wrong (`trim` given a date) is reported at the use, naming the step. A step that
 * uses itself, or reads a column (a step has no row of its own), is FM310 `named_step`. A step's
 * fallbacks (`step firm = ref a by name optional ?? short | ref a by name`) are other pipelines of
 * the same input, inlined as `input | a ?? input | b` would be: the input is read for each.
 */
import type * as A from "../language/ast.js";
import { forEachNode } from "../language/visit.js";
import { ExpressionChecker, typeString } from "./check-expressions.js";
import { checkStep } from "./check-pipes.js";
import type { CheckedExpression, Scope, TypeIssue } from "./checked-package.js";
import type { StepSymbol, TargetSymbol } from "./model.js";
import type { BoundPackage } from "./bound-package.js";
import { describeType, unify, UNKNOWN } from "./types.js";
import { findBuiltin } from "./builtins.js";
import { MAX_EXPRESSION_DEPTH } from "./plan/expressions.js";

interface StepCheck {
  state: "checking" | "checked";
  /** The step uses itself or reads a column: a use gives no value (the declaration's error says why). */
  broken: boolean;
  /** What checking the declaration found (reported there), not reported again at each use. */
  readonly found: Set<string>;
  readonly scope: Scope;
}

/** The named steps' checks, shared by a checker and its twins. */
export class StepChecks {
  readonly byStep = new Map<StepSymbol, StepCheck>();
  /** Applies steps at a use, its findings kept apart: names resolved and recorded once, by the declaration. */
  silent: ExpressionChecker | undefined;
}

function issueKey(issue: TypeIssue): string {
  return `${issue.file}\u0000${issue.range.start.offset}\u0000${issue.message}`;
}

/** The scope a step's own steps are checked in: no row and no field, as a step reads nothing but its input. */
function declarationScope(symbol: StepSymbol): Scope {
  const range = symbol.declaration.range;
  const nowhere: A.Missing = { kind: "Missing", expected: "an entity", range };
  const target: TargetSymbol = {
    kind: "target",
    role: "child",
    name: symbol.name,
    file: symbol.file,
    nameRange: symbol.nameRange,
    alias: symbol.name,
    aliasDeclared: false,
    entityName: nowhere,
    entity: undefined,
    model: undefined,
    usesFallback: false,
    body: [],
    conditions: [],
    declaration: { kind: "EachBlock", entity: nowhere, by: nowhere, body: [], range },
  };
  return { target, model: undefined, file: symbol.file, entity: undefined, group: undefined, linked: undefined, field: undefined, depth: 0 };
}

/** Every pipeline of a step: its steps, then each fallback's. */
function pipelinesOf(declaration: A.StepDeclaration): (readonly A.PipeStep[])[] {
  return [declaration.steps, ...declaration.fallbacks.map((fallback) => fallback.steps)];
}

/** The names of a row a step's arguments read: a step works on its input alone (`get(Entity.column)` reads another entity, by the input). */
function rowNamesRead(declaration: A.StepDeclaration): A.Expression[] {
  const read: A.Expression[] = [];
  for (const step of pipelinesOf(declaration).flat()) {
    if (step.kind !== "CallStep" || step.callee.value === "get") continue;
    forEachNode(step.args ?? [], (node) => {
      if (node.kind === "ColumnPath" || node.kind === "RefExpression") read.push(node);
    });
  }
  return read;
}

function rowNameText(node: A.Expression): string {
  if (node.kind === "ColumnPath") return node.parts.map((part) => part.value).join(".");
  return node.kind === "RefExpression" && node.alias.kind === "Name" ? `ref ${node.alias.value}` : "a value of the row";
}

/** A step's steps applied to `input`, each checked as a pipeline's step; with fallbacks, each pipeline so, the first that gives a value winning. */
function applySteps(checker: ExpressionChecker, symbol: StepSymbol, input: CheckedExpression, pipeNode: A.PipeExpression, scope: Scope): CheckedExpression {
  const applied = pipelinesOf(symbol.declaration).map((steps) => {
    let current = input;
    for (const step of steps) current = checkStep(checker, step, current, pipeNode, scope);
    return current;
  });
  const [only, ...fallbacks] = applied;
  if (only === undefined || fallbacks.length === 0) return only ?? input;
  const type = unify(applied.map((each) => each.type));
  if (type === undefined) {
    const types = applied.map((each) => describeType(each.type)).join(", ");
    checker.issue("step", symbol.file, symbol.nameRange, `the pipelines of step ${symbol.name} around \`??\` must give one type, but these give ${types}`);
  }
  const resultType = type ?? UNKNOWN;
  return { node: pipeNode, type: resultType, ir: { op: "coalesce", type: typeString(resultType), operands: applied.map((each) => each.ir) } };
}

/** The named step a pipeline's step names; a built-in keeps its name (a step named so is reported). */
export function namedStep(bound: BoundPackage, name: string): StepSymbol | undefined {
  return findBuiltin(name) === undefined ? bound.steps.get(name) : undefined;
}

/** The step's declaration, checked (once) with no input known. */
function declared(checker: ExpressionChecker, symbol: StepSymbol): StepCheck {
  const existing = checker.steps.byStep.get(symbol);
  if (existing !== undefined) return existing;
  const check: StepCheck = { state: "checking", broken: false, found: new Set(), scope: declarationScope(symbol) };
  checker.steps.byStep.set(symbol, check);
  if (findBuiltin(symbol.name) !== undefined)
    checker.issue(
      "step",
      symbol.file,
      symbol.nameRange,
      `step ${symbol.name} has the name of a built-in, which \`| ${symbol.name}\` goes on meaning: name the step otherwise`,
    );
  const read = rowNamesRead(symbol.declaration);
  for (const node of read) {
    const message = `step ${symbol.name} reads ${rowNameText(node)}, a value of a row: a step works on the value piped into it alone, in maps of any entity; give it what it needs through the pipeline`;
    checker.issue("step", symbol.file, node.range, message);
  }
  if (read.length > 0) check.broken = true;
  else {
    const before = checker.result.typeIssues.length;
    const none: A.PipeExpression = {
      kind: "PipeExpression",
      input: { kind: "Missing", expected: "an input", range: symbol.nameRange },
      steps: [],
      range: symbol.declaration.range,
    };
    applySteps(checker, symbol, { node: none, type: UNKNOWN, ir: { op: "const", type: "unknown", value: null } }, none, check.scope);
    for (const issue of checker.result.typeIssues.slice(before)) check.found.add(issueKey(issue));
  }
  check.state = "checked";
  return check;
}

/** Checks every named step's declaration, used or not. */
export function checkStepDeclarations(checker: ExpressionChecker): void {
  for (const symbol of checker.bound.steps.values()) declared(checker, symbol);
}

function silentChecker(checker: ExpressionChecker): ExpressionChecker {
  const bound: BoundPackage = { ...checker.bound, externalNames: [] };
  checker.steps.silent ??= new ExpressionChecker(bound, checker.queries, checker.choice, checker.namespace, [], [], [], true, checker.steps);
  return checker.steps.silent;
}

/** `| fold`: the named step's steps applied to the input here, as if written here. */
export function useStep(
  checker: ExpressionChecker,
  use: A.CallStep,
  symbol: StepSymbol,
  input: CheckedExpression,
  pipeNode: A.PipeExpression,
  scope: Scope,
): CheckedExpression {
  const name = symbol.name;
  checker.reference(scope.file, use.callee.range, symbol);
  if (use.args !== undefined) checker.issue("builtin-argument", scope.file, use.range, `a named step takes no arguments: write \`| ${name}\``);
  const check = declared(checker, symbol);
  if (check.state === "checking") {
    checker.issue(
      "step",
      scope.file,
      use.callee.range,
      `step ${name} uses itself (here, directly or through another step): a step cannot be one of its own steps`,
    );
    check.broken = true;
  }
  // Too many steps for a plan: the pipeline says so (FM305), and nothing is inlined.
  if (check.broken || inlinedLength(checker.bound, use) > MAX_EXPRESSION_DEPTH) return checker.failed(pipeNode);
  const silent = silentChecker(checker);
  const before = silent.result.typeIssues.length;
  const applied = applySteps(silent, symbol, input, pipeNode, { ...check.scope, depth: scope.depth });
  const where = `${symbol.file.split("/").pop() ?? ""}:${symbol.nameRange.start.line}:${symbol.nameRange.start.column}`;
  for (const issue of silent.result.typeIssues.splice(before)) {
    if (!check.found.has(issueKey(issue))) checker.issue(issue.kind, scope.file, use.callee.range, `${issue.message} (in step ${name}, ${where})`);
  }
  return { ...applied, node: pipeNode };
}

const inlinedLengths = new WeakMap<StepSymbol, number>();

/**
 * How many steps a pipeline's step stands for: a named step, its steps (inlined), each counted so.
 * Past the deepest a plan may be the count stops, and so does inlining: a step of steps of steps
 * doubles at each level, and would otherwise take the compiler as long as it doubles.
 */
export function inlinedLength(bound: BoundPackage, step: A.PipeStep, within: ReadonlySet<StepSymbol> = new Set()): number {
  const symbol = step.kind === "CallStep" ? namedStep(bound, step.callee.value) : undefined;
  if (symbol === undefined || within.has(symbol)) return 1;
  const known = inlinedLengths.get(symbol);
  if (known !== undefined) return known;
  const inner = new Set(within).add(symbol);
  const pipelines = pipelinesOf(symbol.declaration);
  // The `??` around fallbacks is one level more than the deepest of them.
  let deepest = 0;
  for (const steps of pipelines) {
    let length = pipelines.length > 1 ? 1 : 0;
    for (const each of steps) {
      length = Math.min(MAX_EXPRESSION_DEPTH + 1, length + inlinedLength(bound, each, inner));
      if (length > MAX_EXPRESSION_DEPTH) break;
    }
    deepest = Math.max(deepest, length);
  }
  inlinedLengths.set(symbol, deepest);
  return deepest;
}

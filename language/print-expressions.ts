/**
 * How the printer (printer.ts) writes expressions and the leaves of the tree: names, literals,
 * values. An operand that binds more loosely than its place in the expression gets parentheses.
 */
import { builders } from "prettier/doc";
import type * as A from "./ast.js";

type Doc = builders.Doc;

const { group, indent, line, softline, join } = builders;

export class MissingNodeError extends Error {
  constructor(readonly node: A.Missing) {
    super(`cannot print a file with syntax errors (${node.expected} is missing at line ${node.range.start.line})`);
  }
}

export function quoteString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

/** A stand-in for a part a tree built in memory left out: printing it throws MissingNodeError. */
export function missingNode(expected: string): A.Missing {
  const position = { offset: 0, line: 1, column: 1 };
  return { kind: "Missing", expected, range: { start: position, end: position } };
}

/** Expression precedence, lowest first; an operand of lower precedence than its context gets parentheses. */
function precedence(expression: A.Expression): number {
  switch (expression.kind) {
    case "IfExpression":
      return 0;
    case "LogicalExpression":
      return expression.operator === "or" ? 1 : 2;
    case "NotExpression":
      return 3;
    case "ComparisonExpression":
    case "IsExpression":
    case "InExpression":
      return 4;
    case "CoalesceExpression":
      return 5;
    case "ArithmeticExpression":
      return arithmeticPrecedence(expression.operator);
    case "PipeExpression":
      return 8;
    default:
      return 9;
  }
}

function arithmeticPrecedence(operator: A.ArithmeticOperator): number {
  return operator === "+" || operator === "-" ? 6 : 7;
}

/** Prints an expression in a context that binds at `context` precedence; looser operands get parentheses. */
export function printExpression(expression: A.Expression, context: number): Doc {
  const printed = expressionBody(expression);
  return precedence(expression) < context ? ["(", printed, ")"] : printed;
}

function expressionBody(expression: A.Expression): Doc {
  switch (expression.kind) {
    case "Missing":
      throw new MissingNodeError(expression);
    case "ColumnPath":
      return columnPathText(expression);
    case "StringLiteral":
    case "NumberLiteral":
    case "BooleanLiteral":
      return literalText(expression);
    case "TemplateExpression":
      return ["`", ...expression.parts.map((part): Doc => (part.kind === "TemplateText" ? part.raw : ["{", printExpression(part, 0), "}"])), "`"];
    case "ListExpression":
      return group(["[", indent([softline, join([",", line], expression.items.map((item) => printExpression(item, 0)))]), softline, "]"]);
    case "RefExpression":
      return ["ref ", nameText(expression.alias), expression.optional === true ? " optional" : ""];
    case "SettingExpression":
      return ["setting ", nameText(expression.name)];
    case "ParenthesizedExpression":
      return ["(", printExpression(expression.expression, 0), ")"];
    case "PipeExpression":
      // The steps are their own group so that `(...multi-line...) | required` keeps its step on the closing line.
      return [
        printExpression(expression.input, 9),
        group(
          indent(
            expression.steps.map((step): Doc => [line, "| ", pipeStepDoc(step)]),
          ),
        ),
      ];
    case "CoalesceExpression":
      return operatorChain(expression.operands.map((operand) => printExpression(operand, 6)), "??");
    case "IfExpression":
      return ifChain(expression);
    case "LogicalExpression": {
      const own = expression.operator === "or" ? 1 : 2;
      return operatorChain(expression.operands.map((operand) => printExpression(operand, own + 1)), expression.operator);
    }
    case "NotExpression":
      return ["not ", printExpression(expression.operand, 3)];
    case "ComparisonExpression":
      return [printExpression(expression.left, 5), " ", expression.operator, " ", printExpression(expression.right, 5)];
    case "ArithmeticExpression": {
      // `a - (b - c)` keeps its parentheses: operators of one precedence group from the left.
      const own = arithmeticPrecedence(expression.operator);
      return [printExpression(expression.left, own), " ", expression.operator, " ", printExpression(expression.right, own + 1)];
    }
    case "IsExpression":
      return [printExpression(expression.operand, 5), expression.negated ? " is not " : " is ", expression.test];
    case "InExpression":
      return [printExpression(expression.operand, 5), expression.negated ? " not in " : " in ", expression.list.kind === "Missing" ? failMissing(expression.list) : printExpression(expression.list, 0)];
  }
}

/** A pipeline's step without its `|`: `ref company by name`, `truncate(64)`. */
function pipeStepDoc(step: A.PipeStep): Doc {
  if (step.kind === "RefStep")
    return [
      "ref ",
      nameText(step.alias),
      step.by === undefined ? "" : ` by ${nameText(step.by)}`,
      step.andBy === undefined ? "" : ` and ${nameText(step.andBy)}`,
      step.optional === true ? " optional" : "",
    ];
  const by = step.by === undefined ? "" : ` by ${nameText(step.by)}`;
  const args = step.args === undefined ? "" : ["(", join(", ", step.args.map((arg) => printExpression(arg, 0))), by, ")"];
  return [step.callee.value, args];
}

/**
 * `step fold = trim | upper` on one line, or a step per line, each after its `|`, as a pipeline
 * breaks; with fallbacks, one line, or each fallback on its own line after its `??`, its steps
 * broken in turn when it is long.
 */
export function printStepDeclaration(declaration: A.StepDeclaration): Doc {
  const [first, ...rest] = declaration.steps;
  if (first === undefined) throw new MissingNodeError(missingNode("a step"));
  const head = ["step ", nameText(declaration.name), " = "];
  if (declaration.fallbacks.length === 0) return group([...head, pipeStepDoc(first), indent(rest.map((step): Doc => [line, "| ", pipeStepDoc(step)]))]);
  return group([...head, stepsDoc(declaration.steps), indent(declaration.fallbacks.map((fallback): Doc => [line, "?? ", stepsDoc(fallback.steps)]))]);
}

function stepsDoc(steps: readonly A.PipeStep[]): Doc {
  const [first, ...rest] = steps;
  if (first === undefined) throw new MissingNodeError(missingNode("a step"));
  return group([pipeStepDoc(first), indent(rest.map((step): Doc => [line, "| ", pipeStepDoc(step)]))]);
}

/**
 * `if a then x else if b then y else z` on one line, or one clause per line: an `else if` chain
 * stays flat, as a specialist reads it, instead of nesting deeper at each `else`.
 */
function ifChain(expression: A.IfExpression): Doc {
  const clauses: Doc[] = [];
  let finalElse: Doc = "";
  for (let node: A.IfExpression | undefined = expression; node !== undefined; ) {
    // Without `else`, `then` ends the expression and may bind as loosely as `else` does.
    const then = printExpression(node.then, node.else === undefined ? 0 : 1);
    clauses.push(group(["if ", printExpression(node.condition, 1), indent([line, "then ", then])]));
    const otherwise: A.Expression | undefined = node.else;
    node = undefined;
    if (otherwise?.kind === "IfExpression") node = otherwise;
    else if (otherwise !== undefined) finalElse = [line, "else ", printExpression(otherwise, 0)];
  }
  const [first, ...rest] = clauses;
  return group([first ?? "", indent([...rest.map((clause) => [line, "else ", clause]), finalElse])]);
}

/** `a ?? b ?? c` on one line, or one operand per line, indented under the first. */
function operatorChain(operands: readonly Doc[], operator: string): Doc {
  const [first, ...rest] = operands;
  return group([first ?? "", indent(rest.map((operand) => [line, `${operator} `, operand]))]);
}

export function columnPathText(path: A.ColumnPath): string {
  const [group, ...rest] = path.parts.map((part) => part.value);
  if (path.instance === undefined) return path.parts.map((part) => part.value).join(".");
  return [`${group ?? ""}[${path.instance.raw}]`, ...rest].join(".");
}

export function failMissing(node: A.Missing): never {
  throw new MissingNodeError(node);
}

/** A column's modifier as written: `required`, `references Contact`, `empty when "-"`, `unique match loose ambiguous first`. */
export function columnModifierText(modifier: A.ColumnDeclaration["modifiers"][number]): string {
  switch (modifier.kind) {
    case "ColumnModifier":
      return modifier.keyword;
    case "ColumnReference":
      return `references ${nameText(modifier.entity)}`;
    case "EmptyWhenModifier":
      return `empty when ${modifier.values.map((value) => quoteString(value.value)).join(", ")}`;
    case "UniqueModifier":
      return ["unique", ...(modifier.match === undefined ? [] : [`match ${modifier.match.value}`]), ...(modifier.ambiguous === undefined ? [] : [`ambiguous ${modifier.ambiguous}`])].join(" ");
  }
}

export function nameText(node: A.Name | A.Missing): string {
  if (node.kind === "Missing") return failMissing(node);
  return node.value;
}

export function qualifiedNameText(node: A.QualifiedName | A.Missing): string {
  if (node.kind === "Missing") return failMissing(node);
  return node.value;
}

export function stringText(node: A.StringLiteral | A.Missing): string {
  if (node.kind === "Missing") return failMissing(node);
  return quoteString(node.value);
}

export function numberText(node: A.NumberLiteral | A.Missing): string {
  if (node.kind === "Missing") return failMissing(node);
  return node.raw;
}

export function literalText(node: A.Literal): string {
  switch (node.kind) {
    case "StringLiteral":
      return quoteString(node.value);
    case "NumberLiteral":
      return node.raw;
    case "BooleanLiteral":
      return node.value ? "true" : "false";
  }
}

export function literalOrMissing(node: A.Literal | A.Missing): string {
  if (node.kind === "Missing") return failMissing(node);
  return literalText(node);
}

export function valueText(node: A.Value | A.KeyReference | A.ValueList | A.EmptyValue | A.Missing): string {
  if (node.kind === "Missing") return failMissing(node);
  if (node.kind === "ValueList") return `[${node.items.map(valueText).join(", ")}]`;
  if (node.kind === "NameReference") return node.name.value;
  if (node.kind === "EmptyValue") return "empty";
  if (node.kind === "KeyReference") return `ref ${nameText(node.alias)} ${node.key.kind === "Missing" ? failMissing(node.key) : quoteString(node.key.value)}`;
  return literalText(node);
}

/**
 * Checking the expressions that combine others: templates, lists, `??`, `if`, `and`/`or`/`not`,
 * comparisons and `in`. Each one's operands are checked by the expression checker, and the
 * combination is typed here: one type for alternatives, booleans for conditions, comparable sides.
 */
import type * as A from "../language/ast.js";
import type { ExpressionChecker } from "./check-expressions.js";
import { typeString } from "./check-expressions.js";
import type { CheckedExpression, Scope } from "./checked-package.js";
import type { PlanExpression } from "./plan/schema.js";
import { BOOLEAN, describeType, list, TEXT, unify, UNKNOWN, type ValueType } from "./types.js";

export function expectBoolean(checker: ExpressionChecker, checked: CheckedExpression, scope: Scope, what: string): void {
  if (checked.type.kind === "unknown" || checked.type.kind === "boolean") return;
  checker.issue(
    "condition",
    scope.file,
    checked.node.range,
    `${what} must be true or false, but this is ${describeType(checked.type)}: compare it (\`status = "won"\`) or test it (\`column is present\`)`,
  );
}

export function checkTemplate(checker: ExpressionChecker, node: A.TemplateExpression, scope: Scope): CheckedExpression {
  const parts: (string | PlanExpression)[] = [];
  for (const part of node.parts) {
    if (part.kind === "TemplateText") {
      parts.push(part.value);
      continue;
    }
    const checked = checker.expression(part, scope);
    if (checked.type.kind === "list")
      checker.issue("operand", scope.file, part.range, `a template hole takes one value, but this is ${describeType(checked.type)}: join it with \`| join(", ")\``);
    parts.push(checked.ir);
  }
  return { node, type: TEXT, ir: { op: "template", type: "text", parts } };
}

export function checkList(checker: ExpressionChecker, node: A.ListExpression, scope: Scope): CheckedExpression {
  const items = node.items.map((item) => checker.expression(item, scope));
  const itemType = unify(items.map((item) => item.type));
  if (itemType === undefined)
    checker.issue(
      "operand",
      scope.file,
      node.range,
      `the items of a list must have one type, but these are ${items.map((item) => describeType(item.type)).join(", ")}`,
    );
  const type = list(itemType ?? UNKNOWN);
  return { node, type, ir: { op: "list", type: typeString(type), items: items.map((item) => item.ir) } };
}

export function checkCoalesce(checker: ExpressionChecker, node: A.CoalesceExpression, scope: Scope): CheckedExpression {
  const operands = node.operands.map((operand) => checker.expression(operand, scope));
  const type = unify(operands.map((operand) => operand.type));
  if (type === undefined) {
    checker.issue(
      "operand",
      scope.file,
      node.range,
      `the alternatives of \`??\` must have one type, but these are ${operands.map((operand) => describeType(operand.type)).join(", ")}`,
    );
  }
  const constants = operands.every((operand) => operand.constants !== undefined) ? operands.flatMap((operand) => operand.constants ?? []) : undefined;
  const resultType = type ?? UNKNOWN;
  return {
    node,
    type: resultType,
    ir: { op: "coalesce", type: typeString(resultType), operands: operands.map((operand) => operand.ir) },
    ...(constants === undefined ? {} : { constants }),
  };
}

export function checkIf(checker: ExpressionChecker, node: A.IfExpression, scope: Scope): CheckedExpression {
  const condition = checker.expression(node.condition, scope);
  expectBoolean(checker, condition, scope, "the condition of `if`");
  const then = checker.expression(node.then, scope);
  // Without `else` the value is empty when the condition does not hold.
  const otherwise: CheckedExpression =
    node.else === undefined
      ? { node, type: then.type, ir: { op: "const", type: typeString(then.type), value: null }, constants: [null] }
      : checker.expression(node.else, scope);
  const type = unify([then.type, otherwise.type]);
  if (type === undefined) {
    checker.issue(
      "operand",
      scope.file,
      node.range,
      `both branches of \`if\` must have one type, but \`then\` is ${describeType(then.type)} and \`else\` is ${describeType(otherwise.type)}`,
    );
  }
  const constants = then.constants !== undefined && otherwise.constants !== undefined ? [...then.constants, ...otherwise.constants] : undefined;
  const resultType = type ?? UNKNOWN;
  return {
    node,
    type: resultType,
    ir: { op: "if", type: typeString(resultType), condition: condition.ir, then: then.ir, else: otherwise.ir },
    ...(constants === undefined ? {} : { constants }),
  };
}

export function checkLogical(checker: ExpressionChecker, node: A.LogicalExpression, scope: Scope): CheckedExpression {
  const operands = node.operands.map((operand) => checker.expression(operand, scope));
  for (const operand of operands) expectBoolean(checker, operand, scope, `an operand of \`${node.operator}\``);
  return { node, type: BOOLEAN, ir: { op: node.operator, type: "boolean", operands: operands.map((operand) => operand.ir) } };
}

export function checkNot(checker: ExpressionChecker, node: A.NotExpression, scope: Scope): CheckedExpression {
  const operand = checker.expression(node.operand, scope);
  expectBoolean(checker, operand, scope, "the operand of `not`");
  return { node, type: BOOLEAN, ir: { op: "not", type: "boolean", operand: operand.ir } };
}

export function checkComparison(checker: ExpressionChecker, node: A.ComparisonExpression, scope: Scope): CheckedExpression {
  const left = checker.expression(node.left, scope);
  const right = checker.expression(node.right, { ...scope, field: undefined });
  expectComparable(checker, left, right, scope, node);
  return { node, type: BOOLEAN, ir: { op: "compare", type: "boolean", operator: node.operator, left: left.ir, right: right.ir } };
}

export function checkIn(checker: ExpressionChecker, node: A.InExpression, scope: Scope): CheckedExpression {
  const operand = checker.expression(node.operand, scope);
  const items = node.list.kind === "Missing" ? [] : node.list.items.map((item) => checker.expression(item, { ...scope, field: undefined }));
  for (const item of items) expectComparable(checker, operand, item, scope, item.node);
  return { node, type: BOOLEAN, ir: { op: "in", type: "boolean", negated: node.negated, operand: operand.ir, items: items.map((item) => item.ir) } };
}

function expectComparable(checker: ExpressionChecker, left: CheckedExpression, right: CheckedExpression, scope: Scope, node: A.Node): void {
  const a = left.type;
  const b = right.type;
  if (a.kind === "unknown" || b.kind === "unknown") return;
  const numeric = (type: ValueType): boolean => type.kind === "integer" || type.kind === "decimal";
  const dated = (type: ValueType): boolean => type.kind === "date" || type.kind === "datetime";
  const comparable =
    (a.kind === "text" && b.kind === "text") ||
    (numeric(a) && numeric(b)) ||
    (a.kind === "boolean" && b.kind === "boolean") ||
    // Dates compare with ISO text written in the mapping: `closed >= "2024-01-01"`.
    (dated(a) && (dated(b) || (b.kind === "text" && right.constants !== undefined))) ||
    (dated(b) && a.kind === "text" && left.constants !== undefined) ||
    (a.kind === "record" && b.kind === "record");
  if (!comparable) checker.issue("operand", scope.file, node.range, `${describeType(a)} cannot be compared with ${describeType(b)}`);
}

/**
 * Checking arithmetic, `quantity * price`, `hours * 60 + minutes`: numbers only. A text operand is
 * read as a number first (the fix offers `| number`); a date or time moves with `add_days` and
 * `add_minutes`, not with `+`. An empty operand makes the result empty, and a division by zero
 * rejects the row (the runtime's side, runtime/transform/arithmetic.ts).
 */
import type * as A from "../language/ast.js";
import type { Fix } from "../language/diagnostic.js";
import type { ExpressionChecker } from "./check-expressions.js";
import { typeString } from "./check-expressions.js";
import type { CheckedExpression, Scope } from "./checked-package.js";
import { DECIMAL, describeType, INTEGER, UNKNOWN, type ValueType } from "./types.js";

export function checkArithmetic(checker: ExpressionChecker, node: A.ArithmeticExpression, scope: Scope): CheckedExpression {
  const operandScope: Scope = { ...scope, field: undefined };
  const left = checker.expression(node.left, operandScope);
  const right = checker.expression(node.right, operandScope);
  const numbers = [left, right].map((operand) => expectNumber(checker, node.operator, operand, scope.file));
  const whole = node.operator !== "/" && left.type.kind === "integer" && right.type.kind === "integer";
  // An operand already reported makes the result unknown, so that the field is not reported for it again.
  const type = numbers.every(Boolean) ? (whole ? INTEGER : DECIMAL) : UNKNOWN;
  return { node, type, ir: { op: "arithmetic", type: typeString(type), operator: node.operator, left: left.ir, right: right.ir } };
}

function isNumber(type: ValueType): boolean {
  return type.kind === "integer" || type.kind === "decimal" || type.kind === "unknown";
}

/** Whether the operand is a number (or unknown after an error); if not, it is reported. */
function expectNumber(checker: ExpressionChecker, operator: A.ArithmeticOperator, operand: CheckedExpression, file: string): boolean {
  const type = operand.type;
  if (isNumber(type)) return true;
  const range = operand.node.range;
  const what = `\`${operator}\` takes numbers, but this is ${describeType(type)}`;
  if (type.kind === "text") {
    const fix: Fix = { title: "Read the text as a number (`| number`)", edits: [{ file, range: { start: range.end, end: range.end }, newText: " | number" }] };
    checker.issue("arithmetic", file, range, `${what}: read it as a number first (\`| number\`, or \`| money\` for an amount with a currency)`, [fix]);
    return false;
  }
  if (type.kind === "date" || type.kind === "datetime") {
    checker.issue("arithmetic", file, range, `${what}: to move a date or a time, use \`| add_days(n)\` or \`| add_minutes(n)\``);
    return false;
  }
  const hint = type.kind === "list" ? ": make it one value first (`| first`, `| count`)" : "";
  checker.issue("arithmetic", file, range, `${what}${hint}`);
  return false;
}

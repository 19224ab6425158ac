/**
 * The shape of plan expressions: which expressions each one holds. Walks over them use an explicit
 * stack, never recursion: a pipeline of a few thousand steps is a chain that deep (each step holds
 * the one before as its input), and a recursive walk would run out of stack on it.
 */
import type { PlanExpression } from "./schema.js";

/** An expression directly inside another, and whether it reads the rows a `with` block links (its `when` filter) rather than the row itself. */
export interface ChildExpression {
  readonly child: PlanExpression;
  readonly linkedRow: boolean;
}

/**
 * The expressions directly inside one, in written order. The switch is exhaustive: a new kind of
 * expression does not compile until it says what it holds.
 */
export function childExpressions(expression: PlanExpression): readonly ChildExpression[] {
  const own = (...expressions: readonly PlanExpression[]): ChildExpression[] => expressions.map((child) => ({ child, linkedRow: false }));
  switch (expression.op) {
    case "column":
    case "group-column":
    case "const":
    case "record":
    case "sibling":
      return [];
    case "linked":
      return expression.filter === undefined ? [] : [{ child: expression.filter, linkedRow: true }];
    case "template":
      return own(...expression.parts.filter((part): part is PlanExpression => typeof part !== "string"));
    case "list":
      return own(...expression.items);
    case "call":
      return own(expression.input, ...expression.args);
    case "table":
    case "lookup":
    case "ref":
    case "get":
      return own(expression.input);
    case "coalesce":
    case "and":
    case "or":
      return own(...expression.operands);
    case "if":
      return own(expression.condition, expression.then, expression.else);
    case "not":
    case "is":
      return own(expression.operand);
    case "compare":
    case "arithmetic":
      return own(expression.left, expression.right);
    case "in":
      return own(expression.operand, ...expression.items);
    default:
      return unknownExpression(expression);
  }
}

function unknownExpression(expression: never): never {
  throw new Error(`the plan holds an expression this version of Flitmap does not know: ${JSON.stringify(expression)}`);
}

/**
 * The expression and those inside it that read the row itself, itself first, depth first in
 * written order: a `with` block's `when` filter, which reads the linked rows, is left out.
 */
export function rowSubexpressions(expression: PlanExpression): PlanExpression[] {
  const found: PlanExpression[] = [];
  const stack: PlanExpression[] = [expression];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    found.push(next);
    const children = childExpressions(next).filter(({ linkedRow }) => !linkedRow);
    for (let index = children.length - 1; index >= 0; index--) stack.push((children[index] as ChildExpression).child);
  }
  return found;
}

/** How many expressions deep `expression` nests: 1 for a column or a constant. */
export function expressionDepth(expression: PlanExpression): number {
  let deepest = 0;
  const stack: { expression: PlanExpression; depth: number }[] = [{ expression, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    deepest = Math.max(deepest, next.depth);
    for (const { child } of childExpressions(next.expression)) stack.push({ expression: child, depth: next.depth + 1 });
  }
  return deepest;
}

/**
 * How deep a plan expression may nest. The runtime evaluates expressions recursively, as do zod's
 * validation of a plan and the editor's and `explain`'s walks: a chain of about 1,000 levels runs
 * out of Node's default stack there, so a quarter of that leaves room for what calls them.
 */
export const MAX_EXPRESSION_DEPTH = 256;

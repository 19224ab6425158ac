/**
 * The shape of plan expressions: which expressions each one holds. Walks over them use an explicit
 * stack, never recursion: a pipeline of a few thousand steps is a chain that deep (each step holds
 * the one before as its input), and a recursive walk would run out of stack on it.
 */
import type { PlanExpression } from "./schema.js";

/** The expressions directly inside `expression`, in the order they are written. */
export function childExpressions(expression: PlanExpression): readonly PlanExpression[] {
  switch (expression.op) {
    case "linked":
      return expression.filter === undefined ? [] : [expression.filter];
    case "template":
      return expression.parts.filter((part): part is PlanExpression => typeof part !== "string");
    case "list":
      return expression.items;
    case "call":
      return [expression.input, ...expression.args];
    case "table":
    case "lookup":
    case "ref":
    case "get":
      return [expression.input];
    case "coalesce":
    case "and":
    case "or":
      return expression.operands;
    case "if":
      return [expression.condition, expression.then, expression.else];
    case "not":
    case "is":
      return [expression.operand];
    case "compare":
      return [expression.left, expression.right];
    case "in":
      return [expression.operand, ...expression.items];
    case "column":
    case "group-column":
    case "const":
    case "record":
    case "sibling":
      return [];
  }
}

/**
 * Every expression inside `expression`, itself first, depth first in written order. `enter` says
 * whether to look inside an expression (default: always).
 */
export function subexpressions(expression: PlanExpression, enter: (expression: PlanExpression) => boolean = () => true): PlanExpression[] {
  const found: PlanExpression[] = [];
  const stack: PlanExpression[] = [expression];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    found.push(next);
    if (!enter(next)) continue;
    const children = childExpressions(next);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as PlanExpression);
  }
  return found;
}

/** How many expressions deep `expression` nests: 1 for a column or a constant. */
export function expressionDepth(expression: PlanExpression): number {
  let deepest = 0;
  const stack: { expression: PlanExpression; depth: number }[] = [{ expression, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    deepest = Math.max(deepest, next.depth);
    for (const child of childExpressions(next.expression)) stack.push({ expression: child, depth: next.depth + 1 });
  }
  return deepest;
}

/**
 * How deep a plan expression may nest. The runtime evaluates expressions recursively, as do zod's
 * validation of a plan and the editor's and `explain`'s walks: a chain of about 1,000 levels runs
 * out of Node's default stack there, so a quarter of that leaves room for what calls them.
 */
export const MAX_EXPRESSION_DEPTH = 256;

/** `+ - * /` in expressions: how they lex, bind and print. */
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import type * as A from "../../language/ast.js";
import { format, withoutRanges } from "./helpers.js";

function valueOf(source: string): A.Expression {
  const result = parse(`map E -> m { f <- ${source} }`, "test.flitmap");
  expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
  const map = result.document.declarations[0];
  if (map?.kind !== "MapDeclaration") throw new Error("not a map");
  const assignment = map.body[0];
  if (assignment?.kind !== "Assignment" || assignment.value.kind === "EachBlock") throw new Error("not an assignment of a value");
  return assignment.value;
}

/** The expression with every operation bracketed, to read its grouping at a glance. */
function grouping(expression: A.Expression): string {
  switch (expression.kind) {
    case "ArithmeticExpression":
      return `(${grouping(expression.left)} ${expression.operator} ${grouping(expression.right)})`;
    case "CoalesceExpression":
      return `(${expression.operands.map(grouping).join(" ?? ")})`;
    case "ComparisonExpression":
      return `(${grouping(expression.left)} ${expression.operator} ${grouping(expression.right)})`;
    case "PipeExpression":
      return `(${grouping(expression.input)} | ${expression.steps.map((step) => (step.kind === "CallStep" ? step.callee.value : "ref")).join(" | ")})`;
    case "ParenthesizedExpression":
      return grouping(expression.expression);
    case "ColumnPath":
      return expression.parts.map((part) => part.value).join(".");
    case "NumberLiteral":
      return expression.raw;
    case "NotExpression":
      return `(not ${grouping(expression.operand)})`;
    default:
      return expression.kind;
  }
}

describe("arithmetic", () => {
  it("binds `*` and `/` tighter than `+` and `-`, each pair from the left", () => {
    expect(grouping(valueOf("a + b * c"))).toBe("(a + (b * c))");
    expect(grouping(valueOf("a - b - c"))).toBe("((a - b) - c)");
    expect(grouping(valueOf("a / b * c"))).toBe("((a / b) * c)");
    expect(grouping(valueOf("a * b + c / d - e"))).toBe("(((a * b) + (c / d)) - e)");
    expect(grouping(valueOf("(a + b) * c"))).toBe("((a + b) * c)");
  });

  it("binds tighter than `??` and comparisons, and looser than pipelines", () => {
    expect(grouping(valueOf("a ?? b + 1"))).toBe("(a ?? (b + 1))");
    expect(grouping(valueOf("qty | number * price | money"))).toBe("((qty | number) * (price | money))");
    const condition = valueOf("if amount * 2 > limit + 1 then a else b");
    if (condition.kind !== "IfExpression") throw new Error("not an if");
    expect(grouping(condition.condition)).toBe("((amount * 2) > (limit + 1))");
    expect(grouping(valueOf("not a + 1 = b"))).toBe("(not ((a + 1) = b))");
  });

  it("reads a minus right after a value as subtraction, and elsewhere as a negative number", () => {
    expect(grouping(valueOf("end-1"))).toBe("(end - 1)");
    expect(grouping(valueOf("(a)-1"))).toBe("(a - 1)");
    expect(grouping(valueOf("a - -1"))).toBe("(a - -1)");
    expect(grouping(valueOf("-3 * a"))).toBe("(-3 * a)");
    expect(grouping(valueOf("x | round(-1)"))).toBe("(x | round)");
    const given = parse('test "t" { given E { sequence -1  id "x" } }', "t.flitmap");
    expect(given.diagnostics).toEqual([]);
    expect(JSON.stringify(withoutRanges(given.document))).toContain('"raw":"-1"');
  });

  it("says how to subtract when a negative number follows a value", () => {
    const result = parse("map E -> m { f <- a -1 }", "test.flitmap");
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.column} ${diagnostic.message}`)).toEqual([
      "FM104 21 unexpected `-1`: `-1` is a negative number; to subtract, write `- 1` with a space after the minus",
    ]);
  });

  it("is not taken after `is` or `in`, which close the operand", () => {
    const result = parse("map E -> m { f <- a is present + 1 }", "test.flitmap");
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it("prints with spaces around each operator, and only the parentheses the grouping needs", () => {
    expect(format("map E -> m { f <- a+b*c  g <- (a+b)*c  h <- a-(b-c)  i <- (a-b)-c  j <- end-1 }")).toBe(`map E -> m {
  f <- a + b * c
  g <- (a + b) * c
  h <- a - (b - c)
  i <- (a - b) - c
  j <- end - 1
}
`);
  });
});

/** Load order and the walks over plan expressions: as deep and as long as a package makes them, without recursion. */
import { describe, expect, it } from "vitest";
import { referencedSteps } from "../../compiler/dependencies.js";
import { childExpressions, expressionDepth, rowSubexpressions } from "../../compiler/plan/expressions.js";
import type { PlanExpression } from "../../compiler/plan/schema.js";
import { analyze } from "./helpers.js";

/** `key | ref a | trim | trim ...`: a pipeline's plan form, `steps` deep. */
function pipeline(steps: number): PlanExpression {
  let expression: PlanExpression = { op: "ref", type: "record", step: "a", entity: "A", input: { op: "column", type: "text", column: "key" }, itemwise: false };
  for (let step = 0; step < steps; step++) expression = { op: "call", type: "text", builtin: "trim", input: expression, args: [], itemwise: false };
  return expression;
}

describe("walks over plan expressions", () => {
  it("find the steps an expression points to in written order, however deep it is", () => {
    expect(referencedSteps(pipeline(100_000))).toEqual([{ step: "a", kind: "ref" }]);
    const both: PlanExpression = { op: "coalesce", type: "record", operands: [pipeline(3), { op: "sibling", type: "record", step: "b" }] };
    expect(referencedSteps(both)).toEqual([
      { step: "a", kind: "ref" },
      { step: "b", kind: "sibling" },
    ]);
  });

  it("measure depth and list the parts that read the row, itself first", () => {
    expect(expressionDepth(pipeline(100_000))).toBe(100_002);
    const parts = rowSubexpressions(pipeline(2));
    expect(parts.map((part) => part.op)).toEqual(["call", "call", "ref", "column"]);
    expect(childExpressions(parts[0] as PlanExpression)).toEqual([{ child: parts[1], linkedRow: false }]);
    const filter: PlanExpression = { op: "is", type: "boolean", test: "present", negated: false, operand: { op: "column", type: "text", column: "role" } };
    const linked: PlanExpression = { op: "linked", type: "list<text>", entity: "Link", by: "company_id", column: "note", descending: false, filter };
    expect(rowSubexpressions(linked)).toEqual([linked]);
    expect(expressionDepth(linked)).toBe(3);
  });
});

describe("load order", () => {
  /** N maps, each pointing to the next, declared first to last: the last must load first. */
  function chain(count: number): string {
    const lines = ['migration m { source s  target odoo "17.0"  xmlid "m" }', "source s {"];
    for (let index = 0; index < count; index++) lines.push(`  entity E${index} "e${index}.csv" key id { id text  name text  next text }`);
    lines.push("}");
    for (let index = 0; index < count; index++) {
      const next = index + 1 < count ? `  parent_id <- next | ref t${index + 1}` : "";
      lines.push(`map E${index} -> res.partner as t${index} { name <- name${next} }`);
    }
    return lines.join("\n");
  }

  it("puts a chain of 3,000 maps in the order they point to each other", () => {
    const analysis = analyze({ "main.flitmap": chain(3000) });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const order = analysis.dependencies.order.map((target) => target.alias);
    expect(order.slice(0, 3)).toEqual(["t2999", "t2998", "t2997"]);
    expect(order.at(-1)).toBe("t0");
    expect(analysis.dependencies.cycles).toEqual([]);
  });

  it("loads a map whose `when` reads another map's records after it, and a `when` reading its own map's does not make a cycle", () => {
    const text = [
      'migration m { source s  target odoo "17.0"  xmlid "m" }',
      "source s {",
      '  entity Prospect "prospects.csv" key id { id text  name text  vat text  parent text }',
      '  entity Customer "customers.csv" key id { id text  name text  vat text unique match digits }',
      "}",
      // Declared first, and nothing in its body points to customers: only its condition does.
      "map Prospect -> res.partner as prospect when vat | ref customer by vat optional is empty and parent | ref prospect optional is empty { name <- name }",
      "map Customer -> res.partner as customer { name <- name }",
    ].join("\n");
    const analysis = analyze({ "main.flitmap": text });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(analysis.dependencies.order.map((target) => target.alias)).toEqual(["customer", "prospect"]);
    expect(analysis.dependencies.cycles).toEqual([]);
  });
});

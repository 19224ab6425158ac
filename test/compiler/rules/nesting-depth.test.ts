import { describe, expect, it } from "vitest";
import { MAX_EXPRESSION_DEPTH } from "../../../compiler/plan/expressions.js";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, BASE, diagnosticsOf } from "../helpers.js";

const trims = (count: number): string => " | trim".repeat(count);

describe("FM305 nesting_depth", () => {
  it(`accepts a pipeline as long as a plan holds: its value sits ${MAX_EXPRESSION_DEPTH} levels deep`, () => {
    expect(diagnosticsOf("FM305", `map Company -> res.partner { name <- name${trims(MAX_EXPRESSION_DEPTH - 1)} }`)).toEqual([]);
  });

  it("reports a pipeline one step longer, where it starts", () => {
    expect(diagnosticsOf("FM305", `map Company -> res.partner { name <- name${trims(MAX_EXPRESSION_DEPTH)} }`)).toEqual([
      `main.flitmap:1:38-1:${38 + 4 + 7 * MAX_EXPRESSION_DEPTH} error FM305 this pipeline of ${MAX_EXPRESSION_DEPTH} steps nests more than ${MAX_EXPRESSION_DEPTH} levels deep, more than a plan may hold: simplify it (a table instead of nested \`if\`s, fewer steps)`,
    ]);
  });

  it("reports a pipeline of 4,000 steps once", () => {
    expect(diagnosticsOf("FM305", `map Company -> res.partner { name <- name${trims(4000)} }`)).toHaveLength(1);
  });

  it("counts the levels an expression sits at: a pipeline under `??` and `if`", () => {
    const value = (steps: number): string => `map Company -> res.partner { name <- if name is present then (name${trims(steps)}) ?? "?" else "?" }`;
    // if, (...), ??, the pipeline's last step: four levels above the pipeline's input.
    expect(diagnosticsOf("FM305", value(MAX_EXPRESSION_DEPTH - 4))).toEqual([]);
    expect(diagnosticsOf("FM305", value(MAX_EXPRESSION_DEPTH - 3))).toHaveLength(1);
  });

  it("reports an expression nested too deep through parentheses and a pipeline together, once", () => {
    // The parser bounds nesting at 64 levels (FM105); a pipeline's steps are not nesting to it, so
    // only the compiler sees the two together go past what a plan holds.
    const value = `${"(".repeat(60)}name${trims(MAX_EXPRESSION_DEPTH - 50)}${")".repeat(60)}`;
    expect(diagnosticsOf("FM305", `map Company -> res.partner { name <- ${value} }`)).toHaveLength(1);
    expect(diagnosticsOf("FM105", `map Company -> res.partner { name <- ${value} }`)).toEqual([]);
  });

  it("leaves expressions and blocks nested past the parser's bound to the parser (FM105), not reported twice", () => {
    const nots = `map Company -> res.partner { name <- name  active <- ${"not ".repeat(400)}true }`;
    expect(diagnosticsOf("FM305", nots)).toEqual([]);
    expect(diagnosticsOf("FM105", nots)).toHaveLength(1);
    const blocks = `map Company -> res.partner {\n${'if odoo >= "17.0" { '.repeat(300)}name <- name${" }".repeat(300)}\n}`;
    expect(diagnosticsOf("FM305", blocks)).toEqual([]);
    expect(diagnosticsOf("FM105", blocks)).toHaveLength(1);
  });

  it("counts a `with` block's `when` in every linked column read inside it", () => {
    const body = (steps: number): string =>
      `map Company -> res.partner as company {\n  name <- name\n  with Contact by company_id when ${"not ".repeat(50)}(first_name is present) {\n    comment <- first_name${trims(steps)} | join(", ")\n  }\n}`;
    expect(diagnosticsOf("FM305", body(10))).toEqual([]);
    expect(diagnosticsOf("FM305", body(210))).toEqual([
      expect.stringMatching(/^main\.flitmap:4:16-4:26 error FM305 this column with its `with` block's `when` nests more than 256 levels deep/),
    ]);
  });

  it("holds what the runtime can evaluate: the deepest pipeline a plan may hold runs", async () => {
    const analysis = analyze({
      "base.flitmap": BASE,
      "main.flitmap": `map Company -> res.partner { name <- name${trims(MAX_EXPRESSION_DEPTH - 1)} }\ntest "deep" {\n  given Company { id "1"  name "  Acme  " }\n  expect res.partner { name "Acme" }\n}`,
    });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["deep", []]]);
  });
});

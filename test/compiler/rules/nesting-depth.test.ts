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

  it("reports deeply nested expressions once, where they first go too deep", () => {
    const nots = `map Company -> res.partner { name <- name  active <- ${"not ".repeat(400)}true }`;
    expect(diagnosticsOf("FM305", nots)).toEqual([
      `main.flitmap:1:${54 + 4 * MAX_EXPRESSION_DEPTH}-1:${54 + 4 * 400 + 4} error FM305 this expression nests more than ${MAX_EXPRESSION_DEPTH} levels deep, more than a plan may hold: simplify it (a table instead of nested \`if\`s, fewer steps)`,
    ]);
    const ifs = `map Company -> res.partner { name <- ${"if name is present then ".repeat(300)}name${" else name".repeat(300)} }`;
    expect(diagnosticsOf("FM305", ifs)).toHaveLength(1);
  });

  it("counts a `with` block's `when` in every linked column read inside it", () => {
    const body = (steps: number): string =>
      `map Company -> res.partner as company {\n  name <- name\n  with Contact by company_id when ${"not ".repeat(200)}(first_name is present) {\n    comment <- first_name${trims(steps)} | join(", ")\n  }\n}`;
    expect(diagnosticsOf("FM305", body(10))).toEqual([]);
    expect(diagnosticsOf("FM305", body(60))).toEqual([
      expect.stringMatching(/^main\.flitmap:4:16-4:26 error FM305 this column with its `with` block's `when` nests more than 256 levels deep/),
    ]);
  });

  it("reports blocks nested too deep", () => {
    const depth = MAX_EXPRESSION_DEPTH + 1;
    const nested = `map Company -> res.partner {\n${'if odoo >= "17.0" { '.repeat(depth)}name <- name${" }".repeat(depth)}\n}`;
    expect(diagnosticsOf("FM305", nested)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^main\\.flitmap:2:${20 * MAX_EXPRESSION_DEPTH + 1}-2:\\d+ error FM305 this block nests more than ${MAX_EXPRESSION_DEPTH} levels deep: simplify it$`,
        ),
      ),
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

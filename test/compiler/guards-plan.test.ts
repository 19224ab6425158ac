/**
 * "internal error" from compile, test or run can only mean a bug: whatever the plan's emitter
 * cannot write a plan from is a check diagnostic, and the rules that report it cannot be switched
 * off. Each rule's documented example is the witness.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../compiler/plan/emit.js";
import { EXAMPLE_PACKAGE } from "../../compiler/rules/example-package.js";
import { RULES } from "../../compiler/rules/index.js";
import type { Rule } from "../../compiler/rules/rule.js";
import { analyze } from "./helpers.js";

function wrongExample(rule: Rule, setting?: string): Record<string, string> {
  const example = setting === undefined ? EXAMPLE_PACKAGE : EXAMPLE_PACKAGE.replace('xmlid  "pb"', `xmlid  "pb"\n  rule   ${rule.name} ${setting}`);
  return rule.example.selfContained === true ? { "main.flitmap": rule.example.wrong } : { "example.flitmap": example, "main.flitmap": rule.example.wrong };
}

describe("rules that guard the plan", () => {
  for (const rule of RULES.filter((candidate) => candidate.guardsPlan === true)) {
    it(`${rule.code} ${rule.name} cannot be switched off or made a warning, and still reports`, () => {
      expect(rule.defaultSeverity).toBe("error");
      for (const setting of ["off", "warn"]) {
        const analysis = analyze({ "example.flitmap": EXAMPLE_PACKAGE.replace('xmlid  "pb"', `xmlid  "pb"\n  rule   ${rule.name} ${setting}`) });
        expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === "FM901").map((diagnostic) => diagnostic.message)).toEqual([
          `${rule.name} cannot be set to ${setting}: no plan can be written while it reports something; correct what it reports instead`,
        ]);
      }
      if (rule.example.selfContained === true) return;
      const reported = analyze(wrongExample(rule, "off")).diagnostics.filter((diagnostic) => diagnostic.code === rule.code);
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.every((diagnostic) => diagnostic.severity === "error")).toBe(true);
    });
  }
});

describe("rules that do not guard the plan", () => {
  for (const rule of RULES.filter((candidate) => candidate.guardsPlan !== true)) {
    it(`${rule.code} ${rule.name} switched off: its wrong example still compiles, or another rule says why not`, () => {
      const analysis = analyze(wrongExample(rule), { ruleSeverities: { [rule.name]: "off" } });
      if (analysis.diagnostics.some((diagnostic) => diagnostic.severity === "error")) return;
      expect(() => emitPlan(analysis)).not.toThrow();
    });
  }
});

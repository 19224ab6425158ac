import { describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { parsePlan, PlanFileError } from "../../runtime/plan-file.js";
import { join } from "node:path";

describe("reading a plan file", () => {
  it("reads back a plan the compiler emitted", () => {
    const analysis = analyzeDirectory(join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo"));
    const plan = emitPlan(analysis);
    expect(parsePlan(JSON.stringify(plan), "plan.json")).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it("refuses a hand-made plan nested 5,000 levels deep with a message, not a stack overflow", () => {
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    expect(() => parsePlan(deep, "deep.json")).toThrow(PlanFileError);
    expect(() => parsePlan(deep, "deep.json")).toThrow(/deep\.json nests deeper than a compiled plan can/);
  });

  it("names what is wrong with a plan of the wrong shape", () => {
    expect(() => parsePlan('{"version": "nope"}', "odd.json")).toThrow(/odd\.json is not a Flitmap plan this version can run/);
  });
});

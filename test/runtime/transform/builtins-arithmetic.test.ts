/** `+ - * /`, `add_days`, `add_minutes` and `discount_chain`: what they compute, and what they refuse. */
import { describe, expect, it } from "vitest";
import { computeArithmetic, discountChain } from "../../../runtime/transform/builtin-arithmetic.js";
import { BUILTIN_IMPLEMENTATIONS } from "../../../runtime/transform/builtins.js";
import type { RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";
import { perfectBooks, perfectView } from "./source-options.js";

async function run(name: string, input: RuntimeValue, args: readonly RuntimeValue[] = [], options = perfectBooks): Promise<StepOutcome> {
  const implementation = BUILTIN_IMPLEMENTATIONS[name];
  if (implementation === undefined) throw new Error(`no built-in ${name}`);
  return implementation(input, args, { options, readFile: () => Promise.reject(new Error("no files here")) });
}

describe("arithmetic operators", () => {
  it("compute on numbers, without floating point noise", () => {
    expect(computeArithmetic(3, "*", 1250)).toEqual({ ok: true, value: 3750 });
    expect(computeArithmetic(0.1, "+", 0.2)).toEqual({ ok: true, value: 0.3 });
    expect(computeArithmetic(1, "-", 0.9)).toEqual({ ok: true, value: 0.1 });
    expect(computeArithmetic(10, "/", 4)).toEqual({ ok: true, value: 2.5 });
  });

  it("give no value when an operand has none, blank text included", () => {
    expect(computeArithmetic(null, "*", 5)).toEqual({ ok: true, value: null });
    expect(computeArithmetic(5, "+", "  ")).toEqual({ ok: true, value: null });
    expect(computeArithmetic(null, "/", 0)).toEqual({ ok: true, value: null });
  });

  it("reject a division by zero, an overflow and a value the plan did not promise", () => {
    expect(computeArithmetic(5, "/", 0)).toEqual({ ok: false, reason: "division by zero: 5 / 0" });
    expect(computeArithmetic(1e308, "*", 10)).toEqual({ ok: false, reason: "1e+308 * 10 is too large a number" });
    expect(computeArithmetic("12", "+", 1)).toEqual({
      ok: false,
      reason: "`+` takes numbers, but was given '12'; the plan does not match the data (compile the mapping again)",
    });
  });
});

describe("discount_chain", () => {
  it("combines discounts applied one after the other into one percentage", () => {
    expect(discountChain("10+5", ".")).toEqual({ ok: true, value: 14.5 });
    expect(discountChain("10 + 5 + 2,5", ",")).toEqual({ ok: true, value: 16.6375 });
    expect(discountChain("10%+5%", ".")).toEqual({ ok: true, value: 14.5 });
    expect(discountChain("20", ".")).toEqual({ ok: true, value: 20 });
    expect(discountChain("100+50", ".")).toEqual({ ok: true, value: 100 });
  });

  it("refuses what is not a chain of percentages, or flags it", async () => {
    const reason = "'10+abc' is not a chain of discounts such as 10+5 (each a percentage from 0 to 100)";
    expect(discountChain("10+abc", ".")).toEqual({ ok: false, reason });
    expect(discountChain("10++5", ".").ok).toBe(false);
    expect(discountChain("120", ".").ok).toBe(false);
    expect(await run("discount_chain", "10+abc")).toEqual({ ok: false, reason });
    expect(await run("discount_chain", "10+abc", ["flag"])).toEqual({ ok: true, value: null, notes: [{ kind: "flagged", detail: reason }] });
    expect(await run("discount_chain", "12,5+10", [], perfectView)).toEqual({ ok: true, value: 21.25 });
    expect(await run("discount_chain", 15)).toEqual({ ok: true, value: 15 });
  });
});

describe("add_days and add_minutes", () => {
  it("move dates by calendar days and datetimes by minutes, across months, years and back", async () => {
    expect(await run("add_days", "2024-02-28", [1])).toEqual({ ok: true, value: "2024-02-29" });
    expect(await run("add_days", "2024-12-31", [1])).toEqual({ ok: true, value: "2025-01-01" });
    expect(await run("add_days", "2024-03-01", [-1])).toEqual({ ok: true, value: "2024-02-29" });
    expect(await run("add_days", "2024-03-09 08:30:00", [2])).toEqual({ ok: true, value: "2024-03-11 08:30:00" });
    expect(await run("add_minutes", "2024-12-31 23:45:00", [30])).toEqual({ ok: true, value: "2025-01-01 00:15:00" });
    expect(await run("add_minutes", "2024-03-09 08:30:00", [-45])).toEqual({ ok: true, value: "2024-03-09 07:45:00" });
  });

  it("give no value for no days or minutes, and refuse fractions and a date where a time is needed", async () => {
    expect(await run("add_minutes", "2024-03-09 08:30:00", [null])).toEqual({ ok: true, value: null });
    expect(await run("add_days", "2024-03-09", [1.5])).toEqual({ ok: false, reason: "`add_days`: the days must be a whole number, not the number 1.5" });
    expect(await run("add_minutes", "2024-03-09", [30])).toMatchObject({ ok: false, reason: expect.stringContaining("`add_minutes` takes a datetime") });
  });
});

/**
 * swap_name (names written family name first, turned; particles go with the family name they stand
 * before), duration (a length of time in words, as hours or minutes) and business_id (a national
 * business ID checked and written as its country prints it): their arguments and on_invalid.
 */
import { describe, expect, it } from "vitest";
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { BUILTIN_IMPLEMENTATIONS, builtinArgumentProblem, type BuiltinContext } from "../../../runtime/transform/builtins.js";
import { givenNamesFirst } from "../../../runtime/transform/builtin-names.js";
import type { RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";

const options: SourceOptionsPlan = {
  delimiter: ";",
  encoding: "utf-8",
  quote: '"',
  date: "dd.MM.yyyy",
  datetime: "dd.MM.yyyy HH:mm",
  timezone: "Europe/Helsinki",
  decimal: ",",
  trueWords: ["kyllä"],
  falseWords: ["ei"],
};

const context: BuiltinContext = {
  options,
  readFile: () => Promise.reject(new Error("these steps must not read files")),
};

function run(name: string, input: RuntimeValue, args: readonly RuntimeValue[] = []): StepOutcome {
  const outcome = BUILTIN_IMPLEMENTATIONS[name]?.(input, args, context);
  if (outcome === undefined || outcome instanceof Promise) throw new Error(`${name} did not answer synchronously`);
  return outcome;
}

describe("swap_name", () => {
  it.each([
    ["Virtanen Matti", "Matti Virtanen"],
    ["Virtanen  Matti Juhani", "Matti Juhani Virtanen"],
    ["af Forselles Johan", "Johan af Forselles"],
    ["von Wright Georg Henrik", "Georg Henrik von Wright"],
    ["VON WRIGHT GEORG", "GEORG VON WRIGHT"],
    ["van der Berg Jan", "Jan van der Berg"],
    ["De Luca Marco", "Marco De Luca"],
    ["García López, Ana", "Ana García López"],
    ["Nagy-Kovács Éva", "Éva Nagy-Kovács"],
    ["Madonna", "Madonna"],
    ["Da Costa", "Costa Da"],
    ["Virtanen,", "Virtanen"],
  ])("turns %s into %s", (name, turned) => {
    expect(givenNamesFirst(name)).toBe(turned);
  });

  it("leaves an empty value empty and rejects a value that is not text", () => {
    expect(run("swap_name", "  ")).toEqual({ ok: true, value: null });
    expect(run("swap_name", " Virtanen Matti ")).toEqual({ ok: true, value: "Matti Virtanen" });
    expect(run("swap_name", 42)).toMatchObject({ ok: false });
  });
});

describe("duration", () => {
  it("gives hours by default, minutes when asked", () => {
    expect(run("duration", "1 h 30 min")).toEqual({ ok: true, value: 1.5 });
    expect(run("duration", "1 h 30 min", ["minutes"])).toEqual({ ok: true, value: 90 });
    expect(run("duration", "45 min", ["hours", "reject"])).toEqual({ ok: true, value: 0.75 });
  });

  it("rejects a value it cannot read, or flags it", () => {
    expect(run("duration", "45")).toEqual({ ok: false, reason: "'45' is not a length of time (45 min, 1 h 30 min, 2,5 h, 1:30): 45 has no unit (h or min)" });
    expect(run("duration", "pian", ["flag"])).toEqual({
      ok: true,
      value: null,
      notes: [{ kind: "flagged", detail: "'pian' is not a length of time (45 min, 1 h 30 min, 2,5 h, 1:30): 'pian' is not a number followed by a unit" }],
    });
  });

  it("says what is wrong with its arguments before any row", () => {
    expect(builtinArgumentProblem("duration", ["days"])).toBe('`duration`: unit is "hours" or "minutes", not \'days\'');
    expect(builtinArgumentProblem("duration", ["minutes", "skip"])).toBe('`duration`: on_invalid is "reject" or "flag", not \'skip\'');
    expect(builtinArgumentProblem("duration", ["minutes", "flag"])).toBeNull();
  });
});

describe("business_id", () => {
  it("writes the ID as printed, rejects a mistyped one, or flags it", () => {
    expect(run("business_id", "FI10407402", ["FI"])).toEqual({ ok: true, value: "1040740-2" });
    expect(run("business_id", "1040740-3", ["fi"])).toEqual({
      ok: false,
      reason: "'1040740-3' is not a business ID of FI (Y-tunnus): its check digit does not match (a mistyped digit)",
    });
    expect(run("business_id", "1040740-3", ["FI", "flag"])).toMatchObject({ ok: true, value: null, notes: [{ kind: "flagged" }] });
  });

  it("takes a country it knows", () => {
    expect(builtinArgumentProblem("business_id", [])).toContain('`business_id`: country is one of "FI", "SE"');
    expect(builtinArgumentProblem("business_id", ["EE"])).toContain("not 'EE'");
    expect(builtinArgumentProblem("business_id", ["SE", "flag"])).toBeNull();
  });
});

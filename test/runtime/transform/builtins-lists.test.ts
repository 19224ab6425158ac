/** The list built-ins: split, join, first, last, rest, count, unique; and the value steps default and required. */
import { describe, expect, it } from "vitest";
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { BUILTIN_IMPLEMENTATIONS, type BuiltinContext } from "../../../runtime/transform/builtins.js";
import type { RecordRef, RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";

const options: SourceOptionsPlan = {
  delimiter: ",",
  encoding: "utf-8",
  quote: '"',
  date: "dd/MM/yyyy",
  datetime: "dd/MM/yyyy HH:mm",
  timezone: "Europe/London",
  decimal: ".",
  trueWords: ["yes"],
  falseWords: ["no"],
};

const context: BuiltinContext = {
  options,
  readFile: () => Promise.reject(new Error("a list step must not read files")),
};

function run(name: string, input: RuntimeValue, args: readonly RuntimeValue[] = []): StepOutcome {
  const outcome = BUILTIN_IMPLEMENTATIONS[name]?.(input, args, context);
  if (outcome === undefined || outcome instanceof Promise) throw new Error(`${name} did not answer synchronously`);
  return outcome;
}

function value(v: RuntimeValue): StepOutcome {
  return { ok: true, value: v };
}

const acme: RecordRef = { kind: "record", model: "res.partner", xmlid: "perfectbooks.company_1004", label: "Acme Ltd" };
const acmeAgain: RecordRef = { kind: "record", model: "res.partner", xmlid: "perfectbooks.company_1004", id: 31 };
const bolt: RecordRef = { kind: "record", model: "res.partner", xmlid: "perfectbooks.company_1007", label: "Bolt BV" };
const admin: RecordRef = { kind: "record", model: "res.users", id: 2, label: "Administrator" };
const adminAgain: RecordRef = { kind: "record", model: "res.users", id: 2, label: "Mitchell Admin" };
const partnerTwo: RecordRef = { kind: "record", model: "res.partner", id: 2 };

describe("split", () => {
  it("cuts at each separator, trims the parts and drops empty ones", () => {
    expect(run("split", "vip; legal", [";"])).toEqual(value(["vip", "legal"]));
    expect(run("split", ";vip;;\u00A0legal ; ;", [";"])).toEqual(value(["vip", "legal"]));
  });

  it("takes the separator as plain text, several characters long if need be", () => {
    expect(run("split", "a.b|c", ["."])).toEqual(value(["a", "b|c"]));
    expect(run("split", "CEO / Sales Manager / Billing Contact", [" / "])).toEqual(value(["CEO", "Sales Manager", "Billing Contact"]));
  });

  it("gives an empty list when only separators are left", () => {
    expect(run("split", " ; ; ", [";"])).toEqual(value([]));
  });
});

describe("join", () => {
  it("joins with the separator, leaving out empty items", () => {
    expect(run("join", ["Acme Ltd", "Bolt BV"], [", "])).toEqual(value("Acme Ltd, Bolt BV"));
    expect(run("join", ["Acme Ltd", null, "  ", "Bolt BV"], [", "])).toEqual(value("Acme Ltd, Bolt BV"));
  });

  it("writes other items as `text` does", () => {
    expect(run("join", [3, 1234.5, true, false, acme, admin, partnerTwo, "2026-03-09"], [" | "])).toEqual(
      value("3 | 1234.5 | yes | no | Acme Ltd | Administrator | res.partner,2 | 2026-03-09"),
    );
  });

  it("gives null for an empty list or one of empty items, so default can act", () => {
    expect(run("join", [], [", "])).toEqual(value(null));
    expect(run("join", [null, ""], [", "])).toEqual(value(null));
  });

  it("rejects a list inside the list", () => {
    expect(run("join", ["a", ["b"]], [", "])).toEqual({
      ok: false,
      reason: "`join` takes a list of single values, but was given a list of 1 item; the plan does not match the data (compile the mapping again)",
    });
  });
});

describe("first", () => {
  it("is the first item, null for an empty list", () => {
    expect(run("first", [acme, bolt])).toEqual(value(acme));
    expect(run("first", [])).toEqual(value(null));
  });

  it("takes a single value as a list of one", () => {
    expect(run("first", "1004")).toEqual(value("1004"));
  });
});

describe("last", () => {
  it("is the last item, null for an empty list", () => {
    expect(run("last", ["Partner", "Director"])).toEqual(value("Director"));
    expect(run("last", [])).toEqual(value(null));
  });
});

describe("rest", () => {
  it("is every item but the first; the empty list stays empty", () => {
    expect(run("rest", [acme, bolt, admin])).toEqual(value([bolt, admin]));
    expect(run("rest", [acme])).toEqual(value([]));
    expect(run("rest", [])).toEqual(value([]));
  });
});

describe("count", () => {
  it("counts every item of a list; nothing counts 0", () => {
    expect(run("count", ["1004", "1007", "1012"])).toEqual(value(3));
    expect(run("count", [null, "x"])).toEqual(value(2));
    expect(run("count", [])).toEqual(value(0));
    expect(run("count", null)).toEqual(value(0));
  });
});

describe("unique", () => {
  it("drops repeats and keeps the first-seen order", () => {
    expect(run("unique", ["CEO", "CEO", "Buyer"])).toEqual(value(["CEO", "Buyer"]));
    expect(run("unique", ["Buyer", "CEO", "Buyer", "ceo"])).toEqual(value(["Buyer", "CEO", "ceo"]));
  });

  it("tells numbers from text and compares records by model and external ID, else id", () => {
    expect(run("unique", [1, "1", 1, true, null, null])).toEqual(value([1, "1", true, null]));
    expect(run("unique", [acme, bolt, acmeAgain])).toEqual(value([acme, bolt]));
    expect(run("unique", [admin, adminAgain, partnerTwo])).toEqual(value([admin, partnerTwo]));
  });
});

describe("default", () => {
  it("uses its value for empty input and notes it", () => {
    expect(run("default", null, ["Unknown"])).toEqual({
      ok: true,
      value: "Unknown",
      notes: [{ kind: "default", detail: "the value was empty; 'Unknown' was used" }],
    });
    expect(run("default", "", [0])).toEqual({ ok: true, value: 0, notes: [{ kind: "default", detail: "the value was empty; the number 0 was used" }] });
  });

  it("leaves a value that is there, false and 0 included", () => {
    expect(run("default", "Utrecht", ["Unknown"])).toEqual(value("Utrecht"));
    expect(run("default", false, [true])).toEqual(value(false));
    expect(run("default", 0, [1])).toEqual(value(0));
  });

  it("notes nothing when its own value is empty (an empty column given as the default)", () => {
    expect(run("default", null, [null])).toEqual(value(null));
  });
});

describe("required", () => {
  it("rejects empty input with the reason, and passes any value", () => {
    expect(run("required", "")).toEqual({ ok: false, reason: "the value is empty, and this field requires one" });
    expect(run("required", "Acme Ltd")).toEqual(value("Acme Ltd"));
    expect(run("required", 0)).toEqual(value(0));
    expect(run("required", false)).toEqual(value(false));
  });
});

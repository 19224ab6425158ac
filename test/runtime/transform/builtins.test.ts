/**
 * The built-ins as a whole: the runtime implements exactly the compiler registry's names (less
 * `get`), every registry example gives its stated result, empty input follows one rule, argument
 * problems are found before any row, and `builtinFor` picks by the plan's input type.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTINS } from "../../../compiler/builtins.js";
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { readAttachment } from "../../../runtime/source/attachments.js";
import {
  BUILTIN_IMPLEMENTATIONS,
  builtinArgumentProblem,
  builtinFor,
  IMPLEMENTED_BUILTIN_NAMES,
  type BuiltinContext,
} from "../../../runtime/transform/builtins.js";
import type { RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";
import { perfectBooks, perfectView } from "./source-options.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "latin1");

let exportFolder: string;

beforeAll(() => {
  exportFolder = mkdtempSync(join(tmpdir(), "flitmap-builtins-"));
  mkdirSync(join(exportFolder, "files"));
  writeFileSync(join(exportFolder, "files", "logo.png"), PNG);
  writeFileSync(join(exportFolder, "files", "contract.pdf"), PDF);
});

afterAll(() => {
  rmSync(exportFolder, { recursive: true, force: true });
});

/** The context the runtime will give: the real attachment reader over a real export folder. */
function contextFor(options: SourceOptionsPlan): BuiltinContext {
  return {
    options,
    readFile: async (path) => {
      const read = await readAttachment(exportFolder, path);
      return read.kind === "file"
        ? { ok: true, base64: read.base64, mimetype: read.mimeType, size: read.size, name: read.name }
        : { ok: false, reason: read.reason };
    },
  };
}

async function run(name: string, input: RuntimeValue, args: readonly RuntimeValue[] = [], options: SourceOptionsPlan = perfectBooks): Promise<StepOutcome> {
  const implementation = BUILTIN_IMPLEMENTATIONS[name];
  if (implementation === undefined) throw new Error(`no implementation of ${name}`);
  return implementation(input, args, contextFor(options));
}

describe("the implemented names", () => {
  const registryNames = BUILTINS.map((builtin) => builtin.name).filter((name) => name !== "get");

  it("are the compiler registry's built-ins less get, each once", () => {
    expect([...IMPLEMENTED_BUILTIN_NAMES].sort()).toEqual([...registryNames].sort());
    expect(new Set(IMPLEMENTED_BUILTIN_NAMES).size).toBe(IMPLEMENTED_BUILTIN_NAMES.length);
    expect(Object.keys(BUILTIN_IMPLEMENTATIONS).sort()).toEqual([...registryNames].sort());
  });

  it("leave out get, which the evaluator runs, and know nothing of Object's own properties", () => {
    expect(BUILTIN_IMPLEMENTATIONS["get"]).toBeUndefined();
    expect(BUILTIN_IMPLEMENTATIONS["toString"]).toBeUndefined();
    expect(BUILTIN_IMPLEMENTATIONS["constructor"]).toBeUndefined();
    expect(builtinFor("get", "text")).toBeUndefined();
  });
});

// ---- The registry's examples, taken literally ----

type Pair = { readonly input: RuntimeValue; readonly output: RuntimeValue };

const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;
const LIST = String.raw`\[[^\]]*\]`;
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const STAMP = String.raw`\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?`;
const PAIR = new RegExp(`^(${QUOTED}|${LIST}|${NUMBER}) becomes (${QUOTED}|${LIST}|${STAMP}|${NUMBER}|true|false)(?: .*)?$`);

function readValue(written: string): RuntimeValue {
  // A bare date or datetime is how the registry writes Odoo's date text.
  return new RegExp(`^${STAMP}$`).test(written) ? written : (JSON.parse(written) as RuntimeValue);
}

/** The text cut at each "; " that is not inside a quoted value ('"vip; legal" becomes ...' is one sentence). */
function sentencesOutsideQuotes(text: string): string[] {
  const sentences: string[] = [];
  let inString = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    if (inString && character === "\\") index++;
    else if (character === '"') inString = !inString;
    else if (!inString && text.startsWith("; ", index)) {
      sentences.push(text.slice(start, index));
      start = index + 2;
    }
  }
  sentences.push(text.slice(start));
  return sentences;
}

/** `"a" becomes "b"; 86.6 becomes 87`: the input and output of each stated case, or none for a described result. */
function statedPairs(exampleResult: string): Pair[] {
  const pairs: Pair[] = [];
  for (const sentence of sentencesOutsideQuotes(exampleResult)) {
    const match = PAIR.exec(sentence);
    if (match !== null) pairs.push({ input: readValue(match[1] ?? ""), output: readValue(match[2] ?? "") });
  }
  return pairs;
}

/** The arguments written in the example at `| name(...)`, read as JSON (the registry's literals are JSON-compatible). */
function exampleArguments(example: string, name: string): RuntimeValue[] {
  const start = example.indexOf(`| ${name}`);
  if (start < 0) throw new Error(`the example '${example}' does not use ${name}`);
  let index = start + 2 + name.length;
  if (example.charAt(index) !== "(") return [];
  const open = index;
  let inString = false;
  for (index = open + 1; index < example.length; index++) {
    const character = example.charAt(index);
    if (inString && character === "\\") index++;
    else if (character === '"') inString = !inString;
    else if (!inString && character === ")") break;
  }
  return JSON.parse(`[${example.slice(open + 1, index)}]`) as RuntimeValue[];
}

/** Which source an example's case is read in: the decimal-comma and euro cases are PerfectView's. */
const EXAMPLE_SOURCES: Readonly<Record<string, readonly SourceOptionsPlan[]>> = {
  number: [perfectView],
  money: [perfectBooks, perfectView],
};

/** Built-ins whose example states a result in words; each is checked by hand below. */
const DESCRIBED_RESULTS = ["truncate", "default", "required", "file", "first", "rest", "count"];

describe("registry examples", () => {
  const withPairs = BUILTINS.filter((builtin) => builtin.name !== "get" && !DESCRIBED_RESULTS.includes(builtin.name));

  it("every implemented built-in has its example checked, by stated values or by hand", () => {
    expect([...withPairs.map((builtin) => builtin.name), ...DESCRIBED_RESULTS].sort()).toEqual([...IMPLEMENTED_BUILTIN_NAMES].sort());
    for (const builtin of withPairs) expect(statedPairs(builtin.exampleResult).length, builtin.name).toBeGreaterThan(0);
    for (const name of DESCRIBED_RESULTS) expect(statedPairs(BUILTINS.find((builtin) => builtin.name === name)?.exampleResult ?? "")).toEqual([]);
  });

  it.each(withPairs.map((builtin) => [builtin.name, builtin] as const))("%s gives the example's stated result", async (name, builtin) => {
    const args = exampleArguments(builtin.example, name);
    const pairs = statedPairs(builtin.exampleResult);
    for (const [index, pair] of pairs.entries()) {
      const options = EXAMPLE_SOURCES[name]?.[index] ?? perfectBooks;
      expect(await run(name, pair.input, args, options), `${builtin.example}: ${builtin.exampleResult}`).toEqual({ ok: true, value: pair.output });
    }
  });

  it("the parsed examples are the registry's own words", () => {
    expect(statedPairs('"87" becomes 87; 86.6 becomes 87')).toEqual([
      { input: "87", output: 87 },
      { input: 86.6, output: 87 },
    ]);
    expect(statedPairs('"vip; legal" becomes ["vip", "legal"]')).toEqual([{ input: "vip; legal", output: ["vip", "legal"] }]);
    expect(exampleArguments('phone <- phone | replace("(0)", "")', "replace")).toEqual(["(0)", ""]);
    expect(exampleArguments('x <- s | datetime("dd/MM/yyyy HH:mm", "Europe/London")', "datetime")).toEqual(["dd/MM/yyyy HH:mm", "Europe/London"]);
    expect(exampleArguments("name <- path | filename", "filename")).toEqual([]);
  });

  it("truncate: a 70-character name keeps its first 64 characters", async () => {
    const name = "Bartholomew, Fitzgerald-Worthington & Associates Solicitors of Bristol";
    expect(Array.from(name).length).toBe(70);
    expect(exampleArguments("name <- name | truncate(64)", "truncate")).toEqual([64]);
    expect(await run("truncate", name, [64])).toEqual({
      ok: true,
      value: "Bartholomew, Fitzgerald-Worthington & Associates Solicitors of B",
      notes: [{ kind: "truncated", detail: "cut from 70 to 64 characters" }],
    });
  });

  it('default: an empty city becomes "Unknown" (after trim, as in city | trim | default("Unknown"))', async () => {
    const trimmed = await run("trim", "   ");
    expect(trimmed).toEqual({ ok: true, value: null });
    expect(await run("default", trimmed.ok ? trimmed.value : "not reached", ["Unknown"])).toEqual({
      ok: true,
      value: "Unknown",
      notes: [{ kind: "default", detail: "the value was empty; 'Unknown' was used" }],
    });
  });

  it("required: a relation without a company name is rejected (company_name | trim | required)", async () => {
    const trimmed = await run("trim", " \u00A0 ");
    expect(await run("required", trimmed.ok ? trimmed.value : "not reached")).toEqual({ ok: false, reason: "the value is empty, and this field requires one" });
  });

  it('file: "files/contract.pdf" becomes the file\'s bytes in base64', async () => {
    expect(await run("file", "files/contract.pdf")).toEqual({ ok: true, value: PDF.toString("base64") });
  });

  it("first, rest and count: a contact linked to three companies", async () => {
    const companies = ["1004", "1007", "1012"];
    expect(await run("first", companies)).toEqual({ ok: true, value: "1004" });
    expect(await run("rest", companies)).toEqual({ ok: true, value: ["1007", "1012"] });
    expect(await run("count", companies)).toEqual({ ok: true, value: 3 });
  });
});

// ---- One rule for empty input ----

/** Arguments each built-in can work with, to look at its empty-input behaviour alone. */
const SAMPLE_ARGUMENTS: Readonly<Record<string, readonly RuntimeValue[]>> = {
  replace: ["(0)", ""],
  truncate: [64],
  characters: [1, 3],
  split: [";"],
  join: [", "],
  round: [0],
  default: ["Unknown"],
  add_days: [30],
  add_minutes: [90],
  starts_with: ["nie"],
  ends_with: ["o.o."],
  contains: ["duplikat"],
  business_id: ["FI"],
};

describe("empty input", () => {
  const passingThrough = IMPLEMENTED_BUILTIN_NAMES.filter((name) => !["default", "required", "count"].includes(name));

  it.each(passingThrough)("%s passes null through, and gives null for blank text", async (name) => {
    const args = SAMPLE_ARGUMENTS[name] ?? [];
    expect(await run(name, null, args)).toEqual({ ok: true, value: null });
    expect(await run(name, "", args)).toEqual({ ok: true, value: null });
    expect(await run(name, " \t\u00A0\u202F ", args)).toEqual({ ok: true, value: null });
  });

  it("default uses its value (noted), required rejects, count is 0", async () => {
    expect(await run("default", "  ", ["Unknown"])).toEqual({
      ok: true,
      value: "Unknown",
      notes: [{ kind: "default", detail: "the value was empty; 'Unknown' was used" }],
    });
    expect(await run("required", null)).toEqual({ ok: false, reason: "the value is empty, and this field requires one" });
    expect(await run("count", null)).toEqual({ ok: true, value: 0 });
  });

  it("a parsing step with on_invalid flag gives null for empty input without flagging it", async () => {
    expect(await run("number", "  ", ["flag"])).toEqual({ ok: true, value: null });
    expect(await run("date", null, ["dd-MM-yyyy", "flag"])).toEqual({ ok: true, value: null });
  });
});

// ---- Arguments ----

describe("builtinArgumentProblem", () => {
  it("accepts the arguments the registry's examples use", () => {
    for (const builtin of BUILTINS.filter((candidate) => candidate.name !== "get")) {
      expect(builtinArgumentProblem(builtin.name, exampleArguments(builtin.example, builtin.name)), builtin.example).toBeNull();
    }
  });

  it("names the step and the problem, as the row's reject reason does", async () => {
    expect(builtinArgumentProblem("truncate", [0])).toBe("`truncate`: the length must be a whole number of at least 1, not the number 0");
    expect(await run("truncate", "Acme", [0])).toEqual({ ok: false, reason: "`truncate`: the length must be a whole number of at least 1, not the number 0" });
    expect(builtinArgumentProblem("date", ["dd-MM-jjjj"])).toBe(
      "`date`: date pattern 'dd-MM-jjjj': 'j' is not a pattern token; put literal text in single quotes",
    );
    expect(builtinArgumentProblem("date", ["dd-MM-yyyy", "skip"])).toBe('`date`: on_invalid is "reject" or "flag", not \'skip\'');
    expect(builtinArgumentProblem("datetime", ["dd-MM-yyyy HH:mm", "Europe/Amsterdan"])).toBe(
      "`datetime`: 'Europe/Amsterdan' is not a known time zone (use an IANA name such as \"Europe/Amsterdam\")",
    );
    expect(builtinArgumentProblem("round", [1.5])).toBe("`round`: decimals must be a whole number from -15 to 15, not the number 1.5");
    expect(builtinArgumentProblem("split", [""])).toBe("`split`: the separator must be some text, such as \";\", not ''");
    expect(builtinArgumentProblem("replace", ["", "x"])).toBe("`replace`: find must be some text to look for, not ''");
    expect(builtinArgumentProblem("trim", ["x"])).toBe("`trim`: it takes no arguments, but was given 1");
    expect(builtinArgumentProblem("number", ["flag", "reject"])).toBe("`number`: it takes at most 1 argument, but was given 2");
    expect(builtinArgumentProblem("default", [])).toBe("`default`: it takes 1 argument (value), but was given 0");
    expect(builtinArgumentProblem("get", ["Company.name"])).toBe("there is no built-in step named `get`");
  });
});

describe("builtinFor", () => {
  const amsterdam = contextFor(perfectView);

  it("reads a datetime input's day in the source's zone when the plan says datetime", async () => {
    const dateOfDateTime = builtinFor("date", "datetime");
    expect(await dateOfDateTime?.("2025-07-09 22:30:00", [], amsterdam)).toEqual({ ok: true, value: "2025-07-10" });
    expect(await builtinFor("date", "list<datetime>")?.("2025-07-09 21:59:59", [], amsterdam)).toEqual({ ok: true, value: "2025-07-09" });
  });

  it("never takes text for a datetime when the plan says text", async () => {
    expect(await builtinFor("date", "text")?.("2025-07-09 22:30:00", [], amsterdam)).toEqual({
      ok: false,
      reason: "'2025-07-09 22:30:00' is not a date in the format dd-MM-yyyy",
    });
    expect(await builtinFor("date", "text")?.("09-07-2025", [], amsterdam)).toEqual({ ok: true, value: "2025-07-09" });
  });

  it("gives the table's implementation for every other built-in and input type", () => {
    for (const name of IMPLEMENTED_BUILTIN_NAMES.filter((candidate) => candidate !== "date"))
      expect(builtinFor(name, "text")).toBe(BUILTIN_IMPLEMENTATIONS[name]);
    expect(builtinFor("date", "unknown")).toBe(BUILTIN_IMPLEMENTATIONS["date"]);
  });
});

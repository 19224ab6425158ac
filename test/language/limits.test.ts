/**
 * No input makes the parser throw, exhaust the stack or take more than linear time (issue 18):
 * nesting is cut at MAX_NESTING levels with FM105 "nested too deep", strings, comments and
 * template text of megabytes are scanned in constant space, and error recovery grows linearly
 * with the input. The reproductions of ../shared/repros are copied to test/fixtures/repros.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../language/diagnostic.js";
import { parse } from "../../language/parse.js";
import { MAX_NESTING, SyntaxCode } from "../../language/syntax-codes.js";
import { SYNTAX_FRAGMENTS } from "./arbitraries.js";
import { LINEAR_RATIO_BOUND, undisturbedGrowth } from "./scaling.js";

const REPROS = join(import.meta.dirname, "../fixtures/repros");

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

function tooDeep(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === SyntaxCode.nestedTooDeep);
}

/** A map whose one assignment's value is `value`, and a second assignment after it. */
function mapWith(value: string): string {
  return `map Deal -> crm.lead {\n  name <- ${value}\n  type <- kind\n}\n`;
}

/** Deterministic junk made of pieces of the syntax, `count` pieces long. */
function junk(count: number): string {
  const pieces: string[] = [];
  let seed = 7;
  for (let index = 0; index < count; index++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    pieces.push(SYNTAX_FRAGMENTS[seed % SYNTAX_FRAGMENTS.length] ?? " ");
  }
  return pieces.join(" ");
}

describe("the reproductions of issue 18 parse without throwing", () => {
  for (const name of ["deep-parens-200", "stray-parens-20k"]) {
    for (const file of readdirSync(join(REPROS, name)).filter((entry) => entry.endsWith(".flitmap"))) {
      it(`${name}/${file}`, () => {
        const text = readFileSync(join(REPROS, name, file), "utf8");
        expect(() => parse(text, file)).not.toThrow();
      });
    }
  }

  it("reports the 200 nested parentheses as nested too deep where the nesting passes the bound, and reads the rest of the map", () => {
    const text = readFileSync(join(REPROS, "deep-parens-200/deals.flitmap"), "utf8");
    const result = parse(text, "deals.flitmap");
    const [deep, ...others] = tooDeep(result.diagnostics);
    expect(others).toEqual([]);
    expect(deep?.message).toMatch(/^nested too deep: /);
    expect(deep?.range.start.line).toBe(19);
    // The skipped part is the innermost group past the bound, balanced: `(...(name)...)`.
    const skipped = text.slice(deep?.range.start.offset, deep?.range.end.offset);
    expect(skipped.startsWith("(") && skipped.endsWith(")") && skipped.includes("name")).toBe(true);
    expect(codes(result.diagnostics)).toEqual([SyntaxCode.nestedTooDeep]);
    const deal = result.document.declarations.find(
      (declaration) => declaration.kind === "MapDeclaration" && declaration.entity.kind === "Name" && declaration.entity.value === "Deal",
    );
    expect(deal?.kind === "MapDeclaration" ? deal.body.map((item) => (item.kind === "Assignment" ? item.field.value : item.kind)).slice(0, 3) : []).toEqual([
      "name",
      "type",
      "expected_revenue",
    ]);
  });

  it("reports 20 KB of stray `)` as one run of skipped tokens", () => {
    const result = parse(readFileSync(join(REPROS, "stray-parens-20k/junk.flitmap"), "utf8"), "junk.flitmap");
    expect(codes(result.diagnostics)).toEqual([SyntaxCode.unexpectedInput]);
  });
});

describe("nesting past the bound is reported, not followed", () => {
  const cases: readonly (readonly [string, string])[] = [
    ["200 nested parentheses", mapWith(`${"(".repeat(200)}name${")".repeat(200)}`)],
    ["2,000 nested `not`", mapWith(`${"not ".repeat(2000)}won`)],
    ["200 nested lists", mapWith(`${"[".repeat(200)}name${"]".repeat(200)}`)],
    ["200 nested templates", mapWith(`${"`{".repeat(200)}name${"}`".repeat(200)}`)],
    ["200 nested arguments", mapWith(`name | ${"coalesce(a | ".repeat(200)}name${")".repeat(200)}`)],
    ["1,000 nested `if` expressions", mapWith(`${"if a then ".repeat(1000)}b`)],
    ["1,000 chained `else if` expressions", mapWith(`if a then b${" else if a then b".repeat(1000)}`)],
    ["`if` blocks 1,000 deep", `map Deal -> crm.lead {\n${'if odoo >= "18.0" {\n'.repeat(1000)}  name <- name\n${"}\n".repeat(1000)}  type <- kind\n}\n`],
    [
      "1,000 chained `else if` blocks",
      `map Deal -> crm.lead {\n  if odoo >= "18.0" { name <- a }${' else if odoo >= "17.0" { name <- b }'.repeat(1000)}\n  type <- kind\n}\n`,
    ],
    ["`with` blocks 1,000 deep", `map Deal -> crm.lead {\n${"with Line by deal {\n".repeat(1000)}  name <- name\n${"}\n".repeat(1000)}  type <- kind\n}\n`],
    ["custom fields in `if` blocks 1,000 deep", `extend crm.lead {\n${'if odoo >= "18.0" {\n'.repeat(1000)}  x_a char "A"\n${"}\n".repeat(1000)}}\n`],
  ];

  it.each(cases)("%s: one FM105 diagnostic, and the statement after it still read", (_name, text) => {
    const result = parse(text, "deep.flitmap");
    const reports = tooDeep(result.diagnostics);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.message).toMatch(/^nested too deep: .* 64 levels at most/);
    expect(reports[0]?.range.start.offset).toBeLessThan(reports[0]?.range.end.offset ?? 0);
    if (text.includes("type <- kind")) {
      const map = result.document.declarations[0];
      const last = map?.kind === "MapDeclaration" ? map.body[map.body.length - 1] : undefined;
      expect(last?.kind === "Assignment" ? last.field.value : last?.kind).toBe("type");
    }
  });

  it("accepts nesting up to the bound without a diagnostic", () => {
    const depth = MAX_NESTING - 4;
    expect(parse(mapWith(`${"(".repeat(depth)}name${")".repeat(depth)}`), "ok.flitmap").diagnostics).toEqual([]);
    expect(parse(mapWith(`${"not ".repeat(depth)}won`), "ok.flitmap").diagnostics).toEqual([]);
  });
});

describe("huge tokens are scanned in constant space", () => {
  const tenMegabytes = 10 * 1024 * 1024;

  it("a string literal of 10 MB", () => {
    const result = parse(mapWith(`"${"a".repeat(tenMegabytes)}"`), "big.flitmap");
    expect(result.diagnostics).toEqual([]);
    const map = result.document.declarations[0];
    const value = map?.kind === "MapDeclaration" && map.body[0]?.kind === "Assignment" ? map.body[0].value : undefined;
    expect(value?.kind === "StringLiteral" ? value.value.length : 0).toBe(tenMegabytes);
  });

  it("a string literal of 10 MB of escapes, closed and not closed", () => {
    const escapes = "\\n".repeat(tenMegabytes / 2);
    expect(parse(mapWith(`"${escapes}"`), "big.flitmap").diagnostics).toEqual([]);
    expect(codes(parse(mapWith(`"${escapes}`), "big.flitmap").diagnostics)).toEqual([SyntaxCode.unterminatedString]);
  });

  it("a block comment and a template of 10 MB", () => {
    expect(parse(`/*${"* /".repeat(tenMegabytes / 3)}*/\n${mapWith("name")}`, "big.flitmap").diagnostics).toEqual([]);
    expect(parse(mapWith(`\`${"\\`".repeat(tenMegabytes / 2)}\``), "big.flitmap").diagnostics).toEqual([]);
  });

  it("a 330 KB file of junk made of pieces of the syntax", () => {
    const text = junk(110_000);
    expect(text.length).toBeGreaterThan(330_000);
    expect(parse(text, "junk.flitmap").diagnostics.length).toBeGreaterThan(0);
  });
});

/**
 * Four times the input takes at most about four times the time, measured again when disturbed
 * (undisturbedGrowth in scaling.ts).
 */
function expectLinear(make: (size: number) => string, size: number): void {
  const measured = undisturbedGrowth(size, make, (text) => parse(text, "grow.flitmap"));
  expect(measured.ratio, `${measured.small.toFixed(0)} ms, then ${measured.large.toFixed(0)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
}

describe("parsing time grows linearly with the input (the printer's: printer-scaling.test.ts)", () => {
  it("error recovery over stray `)` tokens", () => {
    expectLinear((size) => ") ".repeat(size), 40_000);
  });

  it("error recovery over one unclosed string per line, at the top level and in a map", () => {
    expectLinear((size) => '"abc\n'.repeat(size), 40_000);
    expectLinear((size) => `map A -> b {\n${'  x <- "abc\n'.repeat(size)}}\n`, 20_000);
  });

  it("error recovery over junk", () => {
    expectLinear(junk, 20_000);
  });

  it("error recovery inside a repetition: stray `(` among imported names, `|` without a step", () => {
    expectLinear((size) => `import { ${"a ( ".repeat(size)}} from "x"\n`, 20_000);
    expectLinear((size) => mapWith(`a${" |".repeat(size)}`), 20_000);
  });

  it("a long chain of `??`, a long pipeline and a large value table", () => {
    expectLinear((size) => mapWith(`${"a ?? ".repeat(size)}a`), 20_000);
    expectLinear((size) => mapWith(`a${" | trim".repeat(size)}`), 20_000);
    expectLinear((size) => `table t: text -> text {\n${Array.from({ length: size }, (_, row) => `  "k${row}" -> "v${row}"\n`).join("")}}\n`, 8_000);
  });
});

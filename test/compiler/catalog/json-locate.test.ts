import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPathOffset, jsonSyntaxErrorOffset, lineColumnAt } from "../../../compiler/catalog/json-locate.js";

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...prefix, key]));
  }
  return paths;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);
}

describe("JSON locations", () => {
  it("finds no syntax error in valid JSON, and finds the first one in broken JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonSyntaxErrorOffset(JSON.stringify(value, null, 1))).toBeUndefined();
      }),
      { numRuns: 200 },
    );
    expect(jsonSyntaxErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonSyntaxErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonSyntaxErrorOffset("[1, 2] x")).toBe(7);
    expect(jsonSyntaxErrorOffset("")).toBe(0);
  });

  it("finds where the value at a path starts", () => {
    fc.assert(
      fc.property(
        fc.jsonValue().filter((value) => !JSON.stringify(value).includes("__proto__")),
        (value) => {
          const text = JSON.stringify(value);
          for (const path of pathsOf(value)) {
            expect(text.startsWith(JSON.stringify(valueAt(value, path)), jsonPathOffset(text, path))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("falls back to the deepest existing value for a path that goes past the text", () => {
    const text = '{"models": {"crm.lead": {"fields": {}}}}';
    expect(text.slice(jsonPathOffset(text, ["models", "crm.lead", "fields", "name", "type"]))).toBe("{}}}}");
  });

  it("counts lines and columns from 1", () => {
    expect(lineColumnAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Document } from "../../language/ast.js";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";
import { document, SYNTAX_FRAGMENTS } from "./arbitraries.js";
import { describeDiagnostic, withoutRanges } from "./helpers.js";

const RUNS = Number(process.env["FLITMAP_PROPERTY_RUNS"] ?? 300);

function reparse(text: string): Document {
  const result = parse(text, "generated.flitmap");
  if (result.diagnostics.length > 0) throw new Error(`printed text does not parse:\n${text}\n${result.diagnostics.map(describeDiagnostic).join("\n")}`);
  return result.document;
}

describe("printer and parser agree", () => {
  it("a generated tree prints and parses back to the same tree", () => {
    fc.assert(
      fc.property(document, (tree) => {
        const text = print(tree);
        expect(withoutRanges(reparse(text).declarations)).toEqual(withoutRanges(tree.declarations));
      }),
      { numRuns: RUNS },
    );
  });

  it("formatting twice equals formatting once", () => {
    fc.assert(
      fc.property(document, fc.integer({ min: 40, max: 140 }), (tree, printWidth) => {
        const once = print(tree, { printWidth });
        const twice = print(reparse(once), { text: once, printWidth });
        expect(twice).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the parser never throws", () => {
  it("on random text built from pieces of the syntax", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SYNTAX_FRAGMENTS), { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");
        const result = parse(text, "random.flitmap");
        expect(Array.isArray(result.diagnostics)).toBe(true);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.range.start.offset).toBeLessThanOrEqual(diagnostic.range.end.offset);
          expect(diagnostic.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(diagnostic.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("on mutations of valid files (deleted, inserted and swapped characters)", () => {
    const mutation = fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "swap"), fc.constantFrom(...SYNTAX_FRAGMENTS));
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 6 }), (tree, mutations) => {
        let text = print(tree);
        for (const [position, kind, fragment] of mutations) {
          const at = text.length === 0 ? 0 : position % text.length;
          if (kind === "delete") text = text.slice(0, at) + text.slice(at + 1);
          else if (kind === "insert") text = text.slice(0, at) + fragment + text.slice(at);
          else text = text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2);
        }
        const result = parse(text, "mutated.flitmap");
        // A mutated file that still parses cleanly must format to a fixed point like any other.
        if (result.diagnostics.length === 0) {
          const once = print(result.document, { text });
          expect(print(reparse(once), { text: once })).toBe(once);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

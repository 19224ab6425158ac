/**
 * Completion answers at every keystroke, so its work must grow with the text around the cursor no
 * faster than the text does. Issue 18: after a stray `)` in a source block, keyword completion
 * did not return within 150 s on the shipped PerfectView migration (kw-only_paren.flitmap), and
 * took 4-5 s on a 57-line reduction (kw-hang-min.flitmap): content assist tried every way to read
 * the tokens before the mistake.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { completions } from "../../vscode-extension/server/features/completion.js";
import { keywordCompletions } from "../../vscode-extension/server/features/keyword-completion.js";
import { parseAround } from "../../vscode-extension/server/features/partial-parse.js";
import { LINEAR_RATIO_BOUND, undisturbedGrowth } from "../language/scaling.js";

const REPROS = join(import.meta.dirname, "../fixtures/repros");
const SHIPPED = join(import.meta.dirname, "../../mappings/perfectview-to-odoo");

/** The completion labels at `offset`, as the server computes them (the tree around the cursor). */
function labelsAt(text: string, offset: number, file = "/virtual/pb/migration.flitmap"): string[] {
  return completions({ text, offset, document: parseAround(text, file, offset), lineStarts: lineStartsOf(text), analysis: undefined }).map(
    (item) => item.label,
  );
}

const REQUIRED_ETC = ["csv", "duplicates", "empty", "group", "modified", "personal", "references", "required", "unique"];

describe("completion after a stray token (issue 18's reproductions)", () => {
  it("kw-only_paren: answers at line 152, column 45, and offers nothing past the mistake", () => {
    const text = readFileSync(join(REPROS, "kw-only_paren.flitmap"), "utf8");
    const offset = (lineStartsOf(text)[151] ?? 0) + 44;
    expect(text.slice(offset - 10, offset)).toBe("decimal re");
    expect(labelsAt(text, offset)).toEqual([]);
    // Without the stray `)` the same place (line 152, column 44 there) offers the column's modifiers (the shipped file).
    const shipped = readFileSync(join(SHIPPED, "migration.flitmap"), "utf8");
    const shippedOffset = (lineStartsOf(shipped)[151] ?? 0) + 43;
    expect(shipped.slice(shippedOffset - 9, shippedOffset)).toBe("decimal r");
    expect(keywordCompletions(shipped, shippedOffset, parse(shipped, "m.flitmap").document).map((item) => item.label)).toEqual(REQUIRED_ETC);
  });

  it("kw-hang-min: answers at offset 2592", () => {
    const text = readFileSync(join(REPROS, "kw-hang-min.flitmap"), "utf8");
    expect(keywordCompletions(text, 2592, parse(text, "m.flitmap").document)).toEqual([]);
    const repaired = text.replace(")invoice_date", " invoice_date");
    expect(keywordCompletions(repaired, 2592, parse(repaired, "m.flitmap").document).map((item) => item.label)).toEqual(REQUIRED_ETC);
  });
});

/** A source block of `columns` columns, the cursor at the end of the last, as in the reproductions. */
function sourceBlock(columns: number, stray: boolean): { text: string; offset: number } {
  const lines = Array.from({ length: columns }, (_, column) => `    ${stray && column === 1 ? ")" : ""}c${column} "Kolom ${column}" text`);
  const before = `source s {\n  entity E "e_*.csv" key c0 {\n${lines.join("\n")}\n    total "Totaal" decimal re`;
  return { text: `${before}quired\n  }\n}\n`, offset: before.length };
}

/** A map of `fields` assignments, the cursor after the last value. */
function mapBody(fields: number): { text: string; offset: number } {
  const lines = Array.from({ length: fields }, (_, field) => `  x_f${field} <- c${field} | trim`);
  const before = `map E -> res.partner {\n${lines.join("\n")}\n  name <- naam `;
  return { text: `${before}\n}\n`, offset: before.length };
}

describe("completion's time is linear in the text it reads", () => {
  const cases: Record<string, (size: number) => { text: string; offset: number }> = {
    "a source block": (size) => sourceBlock(size, false),
    "a source block with a stray `)`": (size) => sourceBlock(size, true),
    "a map body": (size) => mapBody(size),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: four times the lines take about four times the time, not sixteen times`, () => {
      const measured = undisturbedGrowth(
        400,
        (size) => make(size),
        ({ text, offset }) => labelsAt(text, offset),
        3,
      );
      expect(measured.ratio, `${measured.small.toFixed(0)} ms, then ${measured.large.toFixed(0)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
    });
  }
});

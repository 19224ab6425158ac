/**
 * The printer (flitmap fmt, the Prettier plugin, the editor's formatting) works in time linear in
 * the file: issue 18 measured value tables of 1k/2k/4k/8k rows at 0.4/1.4/5.1/16.6 s (100k did not
 * finish in 10 minutes), each line measuring its whole run again to align.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Document } from "../../language/ast.js";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";
import { LINEAR_RATIO_BOUND, undisturbedGrowth } from "./scaling.js";

const REPRO = readFileSync(join(import.meta.dirname, "../fixtures/repros/table-4000/deals.flitmap"), "utf8");

/** The table-4000 reproduction with its table of `rows` rows. */
function tableFile(rows: number): string {
  const table = Array.from({ length: rows }, (_, row) => `  "v${row}" -> "lead"`).join("\n");
  return REPRO.replace(/( {2}"v0" -> "lead"\n)[\s\S]*( {2}"v3999" -> "lead"\n)/, `${table}\n`);
}

function parsed(text: string): { document: Document; text: string } {
  const { document, diagnostics } = parse(text, "deals.flitmap");
  expect(diagnostics).toEqual([]);
  return { document, text };
}

const layouts: Record<string, (size: number) => string> = {
  "a value table": (rows) => tableFile(rows),
  "a value table with a comment on every other row": (rows) =>
    `table t: text -> text {\n${Array.from({ length: rows }, (_, row) => `  "v${row}" -> "w"${row % 2 === 0 ? " // checked" : ""}`).join("\n")}\n}\n`,
  "an entity's columns": (columns) =>
    `source s {\n  entity E "e.csv" key c0 {\n${Array.from({ length: columns }, (_, column) => `    c${column} text "Column ${column}"`).join("\n")}\n  }\n}\n`,
  "a map's assignments": (fields) =>
    `map E -> res.partner {\n${Array.from({ length: fields }, (_, field) => `  x_f${field} <- c${field} | trim`).join("\n")}\n}\n`,
  "custom fields": (fields) => `extend res.partner {\n${Array.from({ length: fields }, (_, field) => `  x_f${field} char "F ${field}"`).join("\n")}\n}\n`,
  records: (records) => `records crm.stage {\n${Array.from({ length: records }, (_, record) => `  s${record} { name "S ${record}" }`).join("\n")}\n}\n`,
};

describe("the printer's time is linear in the file", () => {
  it("formats the table-4000 reproduction, a fixed point once formatted", () => {
    const once = print(parse(REPRO, "deals.flitmap").document, { text: REPRO });
    expect(once).toContain('  "v3999"       -> "lead"\n  _             -> flag\n}');
    expect(print(parse(once, "deals.flitmap").document, { text: once })).toBe(once);
  });

  for (const [layout, make] of Object.entries(layouts)) {
    it(`${layout}: four times the lines take about four times the time, not sixteen times`, () => {
      const measured = undisturbedGrowth(
        4000,
        (size) => parsed(make(size)),
        ({ document, text }) => print(document, { text }),
      );
      expect(measured.ratio, `${measured.small.toFixed(0)} ms, then ${measured.large.toFixed(0)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
    });
  }

  it("prints a table of 100,000 rows", () => {
    const { document, text } = parsed(tableFile(100_000));
    expect(print(document, { text })).toMatch(/\n {2}"v99999" +-> "lead"\n {2}_ +-> flag\n\}\n/);
  });
});

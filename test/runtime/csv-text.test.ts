/**
 * The two kinds of CSV Flitmap writes: exact values for Odoo's import, formulas defused for
 * people's spreadsheets (OWASP's advice against CSV injection), one test per dangerous start.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLine, readSpreadsheetCell, spreadsheetCell, spreadsheetCsvLine } from "../../runtime/csv-text.js";

const read = (line: string): string[] => parse(line)[0] ?? [];

describe("CSV for people", () => {
  it.each([
    ["=", '=HYPERLINK("http://evil.example","click")'],
    ["+", "+44 20 7946 0000"],
    ["-", "-2+3+cmd|' /C calc'!A0"],
    ["@", "@SUM(1+1)"],
    ["a tab", "\t=1+1"],
    ["a carriage return", "\r=1+1"],
    ["a full-width =", "＝1+1"],
    ["a full-width +", "＋1+1"],
    ["a full-width -", "－1+1"],
    ["a full-width @", "＠SUM(1)"],
  ])("defuses a cell starting with %s, and gives the value back exactly", (_, value) => {
    const line = spreadsheetCsvLine(["key", value]);
    const [, written] = read(line);
    expect(written).toBe(`'${value}`);
    expect(readSpreadsheetCell(written ?? "")).toBe(value);
  });

  it.each(["-12.50", "+3", "42", "Smith & Co", "'s-Hertogenbosch", "a=b", " =not first"])("leaves %j as it is", (value) => {
    expect(spreadsheetCell(value)).toBe(value);
    expect(readSpreadsheetCell(value)).toBe(value);
  });

  it("keeps a value that already starts with the mark before a formula apart from a defused one", () => {
    for (const value of ["'=1+1", "''@x", "'+44 20 7946"]) {
      const written = spreadsheetCell(value);
      expect(written).toBe(`'${value}`);
      expect(readSpreadsheetCell(written)).toBe(value);
    }
  });
});

describe("CSV for Odoo's import", () => {
  it("writes every value exactly, formulas and phone numbers included, quoting only as CSV needs", () => {
    const values = ["+44 20 7946 0000", "=see above", "@home", "-", '"quoted", with comma', "line\nbreak", " padded "];
    expect(read(csvLine(values))).toEqual(values);
  });
});

import { describe, expect, it } from "vitest";
import { allDiagnostics, applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM306 arithmetic_operand", () => {
  it("accepts numbers, numbers read from text, and dates moved with add_days", () => {
    expect(
      allDiagnostics(
        "map Deal -> crm.lead { name <- name  expected_revenue <- amount * 2 - stage | number / 4  date_deadline <- close_date | add_days(30)  probability <- (amount ?? 0) + 1 }",
      ).filter((diagnostic) => diagnostic.includes("FM306") || diagnostic.includes("FM301") || diagnostic.includes("FM304")),
    ).toEqual([]);
  });

  it("reports text, a date and a list as operands, each once, and not the field again", () => {
    expect(
      diagnosticsOf(
        "FM306",
        'map Deal -> crm.lead { name <- name  expected_revenue <- stage * 2  date_deadline <- close_date + 30  probability <- name | split(",") + 1 }',
      ),
    ).toEqual([
      "main.flitmap:1:58-1:63 error FM306 `*` takes numbers, but this is text: read it as a number first (`| number`, or `| money` for an amount with a currency)",
      "main.flitmap:1:86-1:96 error FM306 `+` takes numbers, but this is date: to move a date or a time, use `| add_days(n)` or `| add_minutes(n)`",
      "main.flitmap:1:118-1:135 error FM306 `+` takes numbers, but this is a list of text: make it one value first (`| first`, `| count`)",
    ]);
    expect(
      allDiagnostics("map Deal -> crm.lead { name <- name  date_deadline <- close_date + 30 }").filter((diagnostic) => / FM30[14] /.test(diagnostic)),
    ).toEqual([]);
  });

  it("offers to read a text operand as a number", () => {
    expect(applyFixes("FM306", "map Deal -> crm.lead { name <- name  expected_revenue <- stage * 2 }")).toEqual([
      "Read the text as a number (`| number`)\nmap Deal -> crm.lead { name <- name  expected_revenue <- stage | number * 2 }",
    ]);
  });
});

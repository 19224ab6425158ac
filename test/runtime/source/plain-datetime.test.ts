/**
 * The reader's short way for a timestamp cell (`plainDateTimeText`) gives what `parseCell` gives
 * a cell in the export's pattern, and leaves every other cell (blank, placeholder, another form,
 * no such day) to `parseCell`, which words why.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCell, plainDateTimeText, valueFormat } from "../../../runtime/source/values.js";

const formats = [
  valueFormat({ datetime: "dd/MM/yyyy HH:mm", timezone: "Europe/London" }),
  valueFormat({ datetime: "dd-MM-yyyy HH:mm:ss", timezone: "America/New_York" }),
  valueFormat({ datetime: "yyyy-MM-dd HH:mm", timezone: "UTC" }),
];

const two = (n: number): string => String(n).padStart(2, "0");

/** Cells near the patterns: right and wrong days, hours and separators, spaces around, blanks. */
const cell = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 1899, max: 2101 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }),
    )
    .chain(([day, month, year, hour, minute]) =>
      fc.constantFrom(
        `${two(day)}/${two(month)}/${year} ${two(hour)}:${two(minute)}`,
        `${two(day)}-${two(month)}-${year} ${two(hour)}:${two(minute)}:00`,
        `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`,
        ` ${two(day)}/${two(month)}/${year} ${two(hour)}:${two(minute)} `,
        `${day}/${month}/${year} ${hour}:${two(minute)}`,
        `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00Z`,
      ),
    ),
  fc.constantFrom("", "   ", "NULL", "n/a", "-"),
  fc.string({ maxLength: 20 }),
);

describe("a timestamp cell read the short way", () => {
  it("is what parseCell makes of it, or left to parseCell", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom(...formats), (text, format) => {
        const short = plainDateTimeText(text, format);
        if (short === undefined) return;
        expect(parseCell("datetime", text, format)).toEqual({ kind: "value", value: short });
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the export's own pattern, and nothing blank", () => {
    const london = formats[0] ?? valueFormat();
    expect(plainDateTimeText("13/12/2023 12:22", london)).toBe("2023-12-13 12:22:00");
    expect(plainDateTimeText("27/06/2024 08:04", london)).toBe("2024-06-27 07:04:00");
    expect(plainDateTimeText("  ", london)).toBeUndefined();
    expect(plainDateTimeText("31/02/2024 08:04", london)).toBeUndefined();
    expect(plainDateTimeText("2024-06-27T08:04:00Z", london)).toBeUndefined();
  });
});

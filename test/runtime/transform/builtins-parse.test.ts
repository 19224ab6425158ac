/**
 * The parsing built-ins (number, integer, money, round, date, datetime, boolean, email, phone,
 * url): the CSV reader's rules in Dutch and UK sources, and on_invalid reject and flag.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import type { ColumnType } from "../../../language/column-types.js";
import { parseCell, valueFormat } from "../../../runtime/source/values.js";
import { BUILTIN_IMPLEMENTATIONS, type BuiltinContext } from "../../../runtime/transform/builtins.js";
import { localDayOfDateTime, roundHalfAwayFromZero } from "../../../runtime/transform/builtin-parse.js";
import type { RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";
import { perfectBooks, perfectView } from "./source-options.js";

function contextFor(options: SourceOptionsPlan): BuiltinContext {
  return { options, readFile: () => Promise.reject(new Error("a parsing step must not read files")) };
}

/** Parsing steps are synchronous: the evaluator need not await them. */
function run(options: SourceOptionsPlan, name: string, input: RuntimeValue, args: readonly RuntimeValue[] = []): StepOutcome {
  const outcome = BUILTIN_IMPLEMENTATIONS[name]?.(input, args, contextFor(options));
  if (outcome === undefined || outcome instanceof Promise) throw new Error(`${name} did not answer synchronously`);
  return outcome;
}

function value(v: RuntimeValue): StepOutcome {
  return { ok: true, value: v };
}

function rejected(reason: string): StepOutcome {
  return { ok: false, reason };
}

function flagged(reason: string): StepOutcome {
  return { ok: true, value: null, notes: [{ kind: "flagged", detail: reason }] };
}

describe("the same rules as the CSV reader", () => {
  const steps: readonly (readonly [string, ColumnType])[] = [
    ["number", "decimal"],
    ["integer", "integer"],
    ["money", "money"],
    ["date", "date"],
    ["datetime", "datetime"],
    ["boolean", "boolean"],
    ["email", "email"],
    ["phone", "phone"],
    ["url", "url"],
  ];
  // Text shaped like what exports hold, so the property reaches valid values as well as invalid ones.
  const cellText = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[-(]?[£€]? ?\d{1,3}([.,]\d{3})*([.,]\d{1,2})?\)?$/),
    fc.stringMatching(/^\d{1,2}[-/]\d{1,2}[-/]\d{2,4}( \d{1,2}:\d{2})?$/),
    fc.constantFrom("ja", "Nee", "waar", "x", "jan@example.nl", "+31 20 555", "acme.nl", " yes "),
  );

  it.each(steps)("%s gives what a %s column gives, in both sources, for any text", (name, type) => {
    fc.assert(
      fc.property(cellText, fc.constantFrom(perfectBooks, perfectView), (text, options) => {
        const cell = parseCell(type, text, valueFormat({ ...options, decimal: options.decimal }));
        const outcome = run(options, name, text);
        if (cell.kind === "empty") expect(outcome).toEqual(value(null));
        else if (cell.kind === "value") expect(outcome).toEqual(value(cell.value));
        else expect(outcome).toEqual(rejected(cell.reason));
      }),
      { numRuns: 150 },
    );
  });
});

describe("number", () => {
  it("reads Dutch and UK numbers with the source's decimal separator", () => {
    expect(run(perfectView, "number", "62,5")).toEqual(value(62.5));
    expect(run(perfectView, "number", "1.234,50")).toEqual(value(1234.5));
    expect(run(perfectView, "number", "(12,00)")).toEqual(value(-12));
    expect(run(perfectBooks, "number", "1,234.50")).toEqual(value(1234.5));
  });

  it("rejects a number written with the other separator, saying so, or flags it", () => {
    const reason = "'12,5' is not a number with a decimal point; it looks like it uses a decimal comma, but this column's decimal separator is '.'";
    expect(run(perfectBooks, "number", "12,5")).toEqual(rejected(reason));
    expect(run(perfectBooks, "number", "12,5", ["reject"])).toEqual(rejected(reason));
    expect(run(perfectBooks, "number", "12,5", ["flag"])).toEqual(flagged(reason));
  });

  it("rejects text that is no number, or flags it", () => {
    expect(run(perfectView, "number", "veel")).toEqual(rejected("'veel' is not a number with a decimal comma"));
    expect(run(perfectView, "number", "veel", ["flag"])).toEqual(flagged("'veel' is not a number with a decimal comma"));
  });

  it("passes a number through", () => {
    expect(run(perfectView, "number", 12.5)).toEqual(value(12.5));
  });
});

describe("integer", () => {
  it("reads whole numbers with thousands separators", () => {
    expect(run(perfectView, "integer", "87")).toEqual(value(87));
    expect(run(perfectView, "integer", "1.234")).toEqual(value(1234));
    expect(run(perfectBooks, "integer", "1,234")).toEqual(value(1234));
  });

  it("rounds a decimal value to the nearest whole number, halves away from zero", () => {
    expect(run(perfectView, "integer", 86.6)).toEqual(value(87));
    expect(run(perfectView, "integer", 86.5)).toEqual(value(87));
    expect(run(perfectView, "integer", -86.5)).toEqual(value(-87));
    expect(run(perfectView, "integer", 86.4)).toEqual(value(86));
  });

  it("rejects or flags text that is not a whole number, and a value too large", () => {
    expect(run(perfectBooks, "integer", "1.5")).toEqual(rejected("'1.5' is not a whole number"));
    expect(run(perfectBooks, "integer", "1.5", ["flag"])).toEqual(flagged("'1.5' is not a whole number"));
    expect(run(perfectBooks, "integer", 1e20)).toEqual(rejected("100000000000000000000 is too large for an integer"));
    expect(run(perfectBooks, "integer", 1e20, ["flag"])).toEqual(flagged("100000000000000000000 is too large for an integer"));
  });
});

describe("money", () => {
  it("reads UK and Dutch amounts with their currency sign or code", () => {
    expect(run(perfectBooks, "money", "£1,234.50")).toEqual(value(1234.5));
    expect(run(perfectBooks, "money", "(£1,234.50)")).toEqual(value(-1234.5));
    expect(run(perfectView, "money", "€ 1.234,50")).toEqual(value(1234.5));
    expect(run(perfectView, "money", "€ 1.234,50-")).toEqual(value(-1234.5));
    expect(run(perfectView, "money", "EUR 5,00")).toEqual(value(5));
  });

  it("rejects or flags an amount in another currency than the source's", () => {
    expect(run(perfectView, "money", "£5")).toEqual(rejected("'£5' is in GBP, but this column's amounts are in EUR"));
    expect(run(perfectView, "money", "£5", ["flag"])).toEqual(flagged("'£5' is in GBP, but this column's amounts are in EUR"));
  });

  it("rejects or flags text that is not an amount", () => {
    expect(run(perfectBooks, "money", "ten pounds")).toEqual(rejected("'ten pounds' is not an amount with a decimal point"));
    expect(run(perfectBooks, "money", "ten pounds", ["flag"])).toEqual(flagged("'ten pounds' is not an amount with a decimal point"));
  });
});

describe("round", () => {
  it("rounds to the decimals given, halves away from zero, as the decimal text reads", () => {
    expect(run(perfectView, "round", 62.5, [0])).toEqual(value(63));
    expect(run(perfectView, "round", 1.005, [2])).toEqual(value(1.01));
    expect(run(perfectView, "round", 2.675, [2])).toEqual(value(2.68));
    expect(run(perfectView, "round", -1.005, [2])).toEqual(value(-1.01));
    expect(run(perfectView, "round", 1234, [-2])).toEqual(value(1200));
    expect(run(perfectView, "round", -0.4, [0])).toEqual(value(0));
  });

  it("rejects text, which the compiler would have refused", () => {
    expect(run(perfectView, "round", "1", [2])).toEqual(
      rejected("`round` takes a number, but was given '1'; the plan does not match the data (compile the mapping again)"),
    );
  });

  it("never moves a value by more than half a unit of its last decimal", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (input, decimals) => {
        const rounded = roundHalfAwayFromZero(input, decimals);
        expect(Math.abs(rounded - input)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe("date", () => {
  it("reads the source's date format, Dutch and UK, and ISO dates in both", () => {
    expect(run(perfectView, "date", "09-03-2026")).toEqual(value("2026-03-09"));
    expect(run(perfectBooks, "date", "09/03/2026")).toEqual(value("2026-03-09"));
    expect(run(perfectView, "date", "2026-03-09")).toEqual(value("2026-03-09"));
    expect(run(perfectView, "date", "09-03-2026 00:00")).toEqual(value("2026-03-09"));
  });

  it("reads the format given instead of the source's", () => {
    expect(run(perfectBooks, "date", "09-03-2026", ["dd-MM-yyyy"])).toEqual(value("2026-03-09"));
    expect(run(perfectBooks, "date", "20260309", ["yyyyMMdd"])).toEqual(value("2026-03-09"));
  });

  it("rejects or flags a day that does not exist, and a two-digit year, in the reader's words", () => {
    const notADay = "'31/02/2024' is not a date: February 2024 has 29 days (format dd/MM/yyyy)";
    expect(run(perfectBooks, "date", "31/02/2024")).toEqual(rejected(notADay));
    expect(run(perfectBooks, "date", "31/02/2024", ["", "flag"])).toEqual(flagged(notADay));
    expect(run(perfectBooks, "date", "09/03/26")).toEqual(
      rejected("'09/03/26' is not a date in the format dd/MM/yyyy: it has a two-digit year (declare the format dd/MM/yy if the export writes years that way)"),
    );
  });

  it('takes date("flag") as the source\'s format with on_invalid flag', () => {
    expect(run(perfectView, "date", "31-02-2024", ["flag"])).toEqual(flagged("'31-02-2024' is not a date: February 2024 has 29 days (format dd-MM-yyyy)"));
    expect(run(perfectView, "date", "31-02-2024", ["reject"])).toEqual(rejected("'31-02-2024' is not a date: February 2024 has 29 days (format dd-MM-yyyy)"));
  });

  it("keeps the day of a datetime in the source's time zone", () => {
    expect(run(perfectView, "date", "2025-12-31 23:30:00")).toEqual(value("2026-01-01"));
    expect(run(perfectBooks, "date", "2025-12-31 23:30:00")).toEqual(value("2025-12-31"));
    expect(run(perfectBooks, "date", "2025-07-09 23:30:00")).toEqual(value("2025-07-10"));
    expect(run(perfectView, "date", "2025-07-09 21:59:59")).toEqual(value("2025-07-09"));
  });

  it("refuses a time of day in a date read from text", () => {
    expect(run(perfectView, "date", "09-03-2026 14:30")).toEqual(
      rejected("'09-03-2026 14:30' is not a date: it has a time of day, and this column is a date (declare it datetime to keep the time) (format dd-MM-yyyy)"),
    );
  });
});

describe("localDayOfDateTime", () => {
  it("agrees with Intl's calendar day in the zone for any instant", () => {
    const dayFormatter = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }), (seconds) => {
        const odoo = new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ");
        expect(localDayOfDateTime(odoo, "Europe/Amsterdam")).toBe(dayFormatter.format(new Date(seconds * 1000)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("datetime", () => {
  it("reads local time in the source's zone and writes it in UTC, summer and winter", () => {
    expect(run(perfectView, "datetime", "09-01-2025 14:30")).toEqual(value("2025-01-09 13:30:00"));
    expect(run(perfectView, "datetime", "09-07-2025 14:30")).toEqual(value("2025-07-09 12:30:00"));
    expect(run(perfectBooks, "datetime", "09/07/2025 14:30")).toEqual(value("2025-07-09 13:30:00"));
    expect(run(perfectBooks, "datetime", "09/01/2025 14:30")).toEqual(value("2025-01-09 14:30:00"));
  });

  it("follows the reader across daylight-saving changes: a missing hour moves forward, a repeated one is the first", () => {
    expect(run(perfectView, "datetime", "30-03-2025 02:30")).toEqual(value("2025-03-30 01:30:00"));
    expect(run(perfectView, "datetime", "26-10-2025 02:30")).toEqual(value("2025-10-26 00:30:00"));
  });

  it("uses the format and time zone given", () => {
    expect(run(perfectView, "datetime", "09/07/2025 14:30", ["dd/MM/yyyy HH:mm", "Europe/London"])).toEqual(value("2025-07-09 13:30:00"));
    expect(run(perfectBooks, "datetime", "09/07/2025 14:30", ["", "UTC"])).toEqual(value("2025-07-09 14:30:00"));
    expect(run(perfectBooks, "datetime", "2025-07-09T14:30:00+02:00")).toEqual(value("2025-07-09 12:30:00"));
  });

  it("takes a date as midnight in the zone", () => {
    expect(run(perfectView, "datetime", "2025-07-09")).toEqual(value("2025-07-08 22:00:00"));
    expect(run(perfectView, "datetime", "2025-07-09", ["", "Europe/London"])).toEqual(value("2025-07-08 23:00:00"));
    expect(run(perfectView, "datetime", "09-01-2025")).toEqual(value("2025-01-08 23:00:00"));
  });

  it("rejects what is not a date and time (it has no on_invalid)", () => {
    expect(run(perfectView, "datetime", "32-07-2025 14:30")).toEqual(
      rejected("'32-07-2025 14:30' is not a date and time: July 2025 has 31 days (format dd-MM-yyyy HH:mm)"),
    );
    expect(run(perfectView, "datetime", "morgen")).toEqual(rejected("'morgen' is not a date and time in the format dd-MM-yyyy HH:mm"));
  });

  it("rejects an unknown time zone before reading anything", () => {
    expect(run(perfectView, "datetime", "09-07-2025 14:30", ["", "Europe/Amsterdan"])).toEqual(
      rejected("`datetime`: 'Europe/Amsterdan' is not a known time zone (use an IANA name such as \"Europe/Amsterdam\")"),
    );
  });
});

describe("boolean", () => {
  it("reads yes and no in English and Dutch, any case", () => {
    for (const word of ["ja", "Ja", "J", "waar", "yes", "Y", "true", "1"]) expect(run(perfectView, "boolean", word)).toEqual(value(true));
    for (const word of ["nee", "NEE", "n", "onwaar", "no", "false", "0"]) expect(run(perfectView, "boolean", word)).toEqual(value(false));
  });

  it("uses the source's own words", () => {
    const custom = { ...perfectView, trueWords: ["aan"], falseWords: ["uit"] };
    expect(run(custom, "boolean", "Aan")).toEqual(value(true));
    expect(run(custom, "boolean", "ja")).toEqual(rejected("'ja' is not a yes/no value (expected one of 'aan', 'uit')"));
  });

  it("reads 1 and 0, and rejects or flags any other number or word", () => {
    expect(run(perfectView, "boolean", 1)).toEqual(value(true));
    expect(run(perfectView, "boolean", 0)).toEqual(value(false));
    expect(run(perfectView, "boolean", 2)).toEqual(rejected("2 is not a yes/no value (expected 1 or 0)"));
    const reason =
      "'misschien' is not a yes/no value (expected one of 'true', 'yes', 'y', '1', 'ja', 'j', 'waar', 'x', 'false', 'no', 'n', '0', 'nee', 'onwaar')";
    expect(run(perfectView, "boolean", "misschien")).toEqual(rejected(reason));
    expect(run(perfectView, "boolean", "misschien", ["flag"])).toEqual(flagged(reason));
  });
});

describe("email", () => {
  it("trims and lower-cases the domain only", () => {
    expect(run(perfectView, "email", " Jan@Example.NL ")).toEqual(value("Jan@example.nl"));
    expect(run(perfectView, "email", "mailto:info@bakkerij.nl")).toEqual(value("info@bakkerij.nl"));
  });

  it("rejects or flags an address without a dotted domain, or two addresses in one", () => {
    expect(run(perfectView, "email", "jan@example")).toEqual(rejected("'jan@example' is not an email address: the domain 'example' has no dot"));
    expect(run(perfectView, "email", "a@b.nl; c@d.nl", ["flag"])).toEqual(
      flagged("'a@b.nl; c@d.nl' holds more than one email address; split them in the mapping"),
    );
  });
});

describe("phone", () => {
  it("collapses spaces and keeps the number as written", () => {
    expect(run(perfectView, "phone", "+31  20 555 0101")).toEqual(value("+31 20 555 0101"));
    expect(run(perfectBooks, "phone", " 020 7946 0958 ext 12 ")).toEqual(value("020 7946 0958 ext 12"));
  });

  it("rejects or flags letters and too few digits", () => {
    expect(run(perfectView, "phone", "bel me")).toEqual(rejected("'bel me' is not a phone number: it contains letters"));
    expect(run(perfectView, "phone", "12", ["flag"])).toEqual(flagged("'12' is not a phone number: it has fewer than 3 digits"));
  });
});

describe("url", () => {
  it("adds http:// when the scheme is missing and keeps the rest as written", () => {
    expect(run(perfectBooks, "url", "acme.co.uk")).toEqual(value("http://acme.co.uk"));
    expect(run(perfectBooks, "url", "https://acme.co.uk/Contact")).toEqual(value("https://acme.co.uk/Contact"));
  });

  it("rejects or flags a value without a dotted host, or a link of another kind", () => {
    expect(run(perfectView, "url", "acme")).toEqual(rejected("'acme' is not a web address: 'acme' is not a valid host name"));
    expect(run(perfectView, "url", "mailto:jan@acme.nl", ["flag"])).toEqual(flagged("'mailto:jan@acme.nl' is not a web address (it is a 'mailto:' link)"));
  });
});

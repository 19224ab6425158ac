import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compileDatePattern,
  formatOdooDateTime,
  localTimestampText,
  localTimeToUtc,
  matchDatePattern,
  zoneOffsetAt,
  type CalendarFields,
} from "../../../runtime/source/dates.js";

/** The offset Intl gives for an instant, computed the long way, to check the cached answer against. */
function intlOffset(formatter: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = part.value;
  const local = Date.UTC(
    Number(parts["year"]),
    Number(parts["month"]) - 1,
    Number(parts["day"]),
    Number(parts["hour"]),
    Number(parts["minute"]),
    Number(parts["second"]),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

describe("zone offsets (cached per day, per quarter hour on the days a zone changes)", () => {
  it("agree with Intl at every 37th minute of two years, changes of offset included", () => {
    // London changes by an hour at 01:00 UTC, Lord Howe by half an hour, Kathmandu never (+05:45).
    for (const zone of ["Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns"]) {
      const formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      const differences: string[] = [];
      for (let instant = Date.UTC(2023, 0, 1); instant < Date.UTC(2025, 0, 1); instant += 37 * 60_000) {
        if (zoneOffsetAt(zone, instant) !== intlOffset(formatter, instant)) differences.push(new Date(instant).toISOString());
      }
      expect(differences.slice(0, 3), zone).toEqual([]);
    }
  });

  it("changes within the day the clocks change", () => {
    // 26 March 2023: London goes from GMT to BST at 01:00 UTC.
    expect(zoneOffsetAt("Europe/London", Date.UTC(2023, 2, 26, 0, 59))).toBe(0);
    expect(zoneOffsetAt("Europe/London", Date.UTC(2023, 2, 26, 1, 0))).toBe(3_600_000);
    expect(zoneOffsetAt("Europe/London", Date.UTC(2023, 2, 26, 23, 59))).toBe(3_600_000);
    // 02:30 local does not exist that day (moved forward by the gap); 01:30 on 29 October happens twice (the first).
    expect(new Date(localTimeToUtc({ year: 2023, month: 3, day: 26, hour: 1, minute: 30, second: 0 }, "Europe/London")).toISOString()).toBe(
      "2023-03-26T01:30:00.000Z",
    );
    expect(new Date(localTimeToUtc({ year: 2023, month: 10, day: 29, hour: 1, minute: 30, second: 0 }, "Europe/London")).toISOString()).toBe(
      "2023-10-29T00:30:00.000Z",
    );
  });
});

describe("wall-clock times to UTC (one offset per local day where the zone keeps it)", () => {
  /** The rule stated on offsets alone: the offsets a day either side; where they differ, the first valid reading, else moved by the gap. */
  const byRule = (fields: CalendarFields, zone: string): number => {
    const local = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    const before = zoneOffsetAt(zone, local - 86_400_000);
    const after = zoneOffsetAt(zone, local + 86_400_000);
    const early = local - before;
    const late = local - after;
    const earlyValid = zoneOffsetAt(zone, early) === before;
    const lateValid = zoneOffsetAt(zone, late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    return earlyValid || !lateValid ? early : late;
  };
  const fieldsOf = (local: number): CalendarFields => {
    const date = new Date(local);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  };

  it("are what the offsets either side say at every 23rd minute of two years, the days the clocks change included", () => {
    for (const zone of ["Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "UTC"]) {
      const differences: string[] = [];
      for (let local = Date.UTC(2023, 0, 1); local < Date.UTC(2025, 0, 1); local += 23 * 60_000) {
        const fields = fieldsOf(local);
        if (localTimeToUtc(fields, zone) !== byRule(fields, zone)) differences.push(new Date(local).toISOString());
      }
      expect(differences.slice(0, 3), zone).toEqual([]);
    }
  });

  it("read from text on the fast path are what matching and converting give, or left to them", () =>
    fc.assert(
      fc.property(
        fc.constantFrom("dd/MM/yyyy HH:mm", "d-M-yy H:mm:ss", "yyyyMMddHHmm", "dd/MM/yyyy hh:mm a"),
        fc.constantFrom("Europe/London", "America/St_Johns", "UTC"),
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom("", "x", " ", "31/02/2024 10:00", "29/02/2023 10:00", "01/01/2024 24:00"),
        (pattern, zone, local, other) => {
          const compiled = compileDatePattern(pattern);
          if (!compiled.ok) throw new Error(compiled.reason);
          const date = new Date(local);
          const two = (number: number): string => String(number).padStart(2, "0");
          const written = pattern
            .replace("yyyy", String(date.getUTCFullYear()))
            .replace("yy", two(date.getUTCFullYear() % 100))
            .replace("MM", two(date.getUTCMonth() + 1))
            .replace("M", String(date.getUTCMonth() + 1))
            .replace("dd", two(date.getUTCDate()))
            .replace("d", String(date.getUTCDate()))
            .replace("HH", two(date.getUTCHours()))
            .replace("H", String(date.getUTCHours()))
            .replace("hh", two(date.getUTCHours() % 12 || 12))
            .replace("mm", two(date.getUTCMinutes()))
            .replace("ss", two(date.getUTCSeconds()))
            .replace("a", date.getUTCHours() < 12 ? "AM" : "PM");
          for (const value of [written, other]) {
            const matched = matchDatePattern(value, compiled.pattern);
            const fast = localTimestampText(value, compiled.pattern, zone);
            if (fast !== undefined) expect(matched.ok && formatOdooDateTime(localTimeToUtc(matched.fields, zone))).toBe(fast);
            // Only what the character matcher cannot read, or what is not plainly a time, is left to the long way.
            else expect(compiled.pattern.parts === null || !matched.ok).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    ));
});

describe("Odoo's datetime text (computed without a Date object)", () => {
  /** What Date itself writes for the instant, in Odoo's form. */
  const byDate = (instant: number): string => new Date(instant).toISOString().slice(0, 19).replace("T", " ");

  it("is Date's for instants spread over years 1000 to 9999, leap days and the ends of days included", () => {
    const first = Date.UTC(1000, 0, 1);
    const last = Date.UTC(9999, 11, 31, 23, 59, 59);
    const step = 7_777_777_777; // about 90 days, seconds and milliseconds varying
    for (let instant = first; instant <= last; instant += step) expect(formatOdooDateTime(instant)).toBe(byDate(instant));
    for (const instant of [
      0,
      -1,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(1900, 1, 28, 23, 59, 59),
      Date.UTC(1900, 2, 1),
      Date.UTC(2000, 1, 29, 12, 30, 15),
      Date.UTC(2024, 1, 29, 23, 59, 59, 500),
      Date.UTC(2100, 1, 28),
      Date.UTC(2100, 2, 1),
      last,
    ])
      expect(formatOdooDateTime(instant)).toBe(byDate(instant));
  });

  it("pads years before 1000 to four digits", () => {
    expect(formatOdooDateTime(Date.parse("0999-12-31T23:59:59Z"))).toBe("0999-12-31 23:59:59");
  });
});

describe("date patterns matched character by character", () => {
  /** Patterns of numbers, separators and spaces, the ones the character matcher reads: a date in any order, maybe a time. */
  const separator = fc.constantFrom("", "/", "-", ".", ":", ",", "_", " ", "  ");
  const patterns = fc
    .record({
      date: fc.shuffledSubarray(["d", "dd", "M", "MM", "yy", "yyyy"], { minLength: 6, maxLength: 6 }),
      time: fc.subarray(["HH", "mm", "ss"]),
      short: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      separators: fc.array(separator, { minLength: 6, maxLength: 6 }),
    })
    .map(({ date, time, short, separators }) => {
      // One token of each field: the short or the long form, as `short` says.
      const fields = ["d", "M", "y"].map((letter, index) => date.filter((token) => token.startsWith(letter))[short[index] === true ? 0 : 1] ?? letter);
      const ordered = date.filter((token) => fields.includes(token));
      const tokens = [...ordered, ...time.map((token, index) => (short[3 + index] === true ? token.slice(1) : token))];
      return tokens.map((token, index) => (index === 0 ? token : `${separators[index - 1] ?? ""}${token}`)).join("");
    });
  const values = fc.array(fc.constantFrom("0", "1", "2", "3", "9", "12", "31", "2024", "/", "-", ".", ":", " ", "\t", "\u00a0", "a", "T"), { maxLength: 14 }).map((pieces) => pieces.join(""));

  it("match exactly what the pattern's regex matches, with the same fields or reason", () =>
    fc.assert(
      fc.property(
        patterns,
        values,
        fc.array(fc.stringMatching(/^\d{1,5}$/), { minLength: 11, maxLength: 11 }),
        fc.constantFrom("", "31/12/2024 23:59", "1-2-2024", "20240229"),
        (pattern, generated, numbers, sample) => {
          const compiled = compileDatePattern(pattern);
          if (!compiled.ok || compiled.pattern.parts === null) return;
          const byRegex = { ...compiled.pattern, parts: null };
          // The pattern with its fields written as numbers of 1 to 5 digits: often a match, often just not.
          let field = 0;
          const shaped = pattern.replace(/d+|M+|y+|H+|m+|s+/g, () => numbers[field++] ?? "1");
          for (const value of [generated, shaped, sample]) expect(matchDatePattern(value, compiled.pattern)).toEqual(matchDatePattern(value, byRegex));
        },
      ),
      { numRuns: 3000 },
    ));

  it("are the common export patterns, and AM/PM or text in quotes go to the regex", () => {
    for (const pattern of ["dd/MM/yyyy", "dd/MM/yyyy HH:mm", "d-M-yy", "yyyyMMdd", "dd.MM.yyyy HH:mm:ss"]) {
      const compiled = compileDatePattern(pattern);
      expect(compiled.ok && compiled.pattern.parts !== null).toBe(true);
    }
    for (const pattern of ["dd/MM/yyyy hh:mm a", "yyyy-MM-dd'T'HH:mm"]) {
      const compiled = compileDatePattern(pattern);
      expect(compiled.ok && compiled.pattern.parts === null).toBe(true);
    }
    const compiled = compileDatePattern("dd/MM/yyyy HH:mm");
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(matchDatePattern("31/12/2024  9:05", compiled.pattern)).toEqual({ ok: true, fields: { year: 2024, month: 12, day: 31, hour: 9, minute: 5, second: 0 } });
    expect(matchDatePattern("31/02/2024 09:05", compiled.pattern)).toEqual({ ok: false, reason: "February 2024 has 29 days" });
    expect(matchDatePattern("31/12/24 09:05", compiled.pattern)).toEqual({ ok: false, reason: null });
  });
});

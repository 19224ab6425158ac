/**
 * Lengths of time as CRM exports write them, in the unit words of the languages the readers know.
 */
import { describe, expect, it } from "vitest";
import { readDuration } from "../../../runtime/source/durations.js";

describe("readDuration", () => {
  it.each([
    ["45 min", 45],
    ["1 h", 60],
    ["1 h 30 min", 90],
    ["2,5 h", 150],
    ["1.5h", 90],
    ["90 min.", 90],
    ["1:30", 90],
    ["01:30:30", 90.5],
    ["1h30", 90],
    ["1 h 30", 90],
    ["1 t 30 min", 90],
    ["2 tuntia 15 minuuttia", 135],
    ["1 Std. 30 Min.", 90],
    ["1 uur", 60],
    ["1 timme 5 minuter", 65],
    ["1 óra 30 perc", 90],
    ["2 godz.", 120],
    ["1,5 hod.", 90],
    ["2 saat 10 dk", 130],
    ["1 ώρα 30 λεπτά", 90],
    ["1 oră", 60],
    ["1,5 ore", 90],
    ["2 ore 15 minute", 135],
    ["  45\u00a0MIN  ", 45],
  ])("reads %s as %d minutes", (text, minutes) => {
    expect(readDuration(text)).toEqual({ ok: true, minutes });
  });

  it.each([
    ["45", "45 has no unit (h or min)"],
    ["1 day", "'day' is not a unit of time the reader knows"],
    ["30 min 1 h", "hours come before minutes"],
    ["1 h 2 h", "it gives hours twice"],
    ["soon", "'soon' is not a number followed by a unit"],
    ["1 h 30 min 20", "20 has no unit (h or min)"],
  ])("refuses %s: %s", (text, why) => {
    expect(readDuration(text)).toEqual({ ok: false, reason: `'${text}' is not a length of time (45 min, 1 h 30 min, 2,5 h, 1:30): ${why}` });
  });
});

/**
 * Progress per step: a bar redrawn in place on a terminal (rows, rows/s, rejects so far), plain
 * lines at most every so often in a log, and the run reporting each step's rows as it goes.
 */
import { describe, expect, it } from "vitest";
import { progressBar, progressLine, progressReporter } from "../../runtime/execute/progress.js";
import type { StepProgress } from "../../runtime/execute/run.js";
import { compileFixture, runLive, startSeededDouble, temporaryDirectory } from "./support.js";

const HALF_WAY: StepProgress = { step: "company", model: "res.partner", pass: "main", rows: 1200, total: 2400, rejected: 3, elapsedMs: 1500, done: false };

describe("a step's progress", () => {
  it("draws a bar with rows of the total, rows per second and rejects so far", () => {
    expect(progressBar(HALF_WAY)).toBe("company → res.partner [############............] 1,200/2,400 rows  800 rows/s  3 rejected");
    const unknownTotal: StepProgress = { step: "company", model: "res.partner", pass: "deferred", rows: 1200, rejected: 3, elapsedMs: 1500, done: false };
    expect(progressBar(unknownTotal)).toBe("company (second pass) → res.partner 1,200 rows  800 rows/s  3 rejected");
    expect(progressLine(HALF_WAY)).toBe("company → res.partner: 1,200 of 2,400 rows, 800 rows/s, 3 rejected so far");
  });

  it("redraws in place on a terminal, at most every 100 ms, and clears the bar before a line", () => {
    let now = 0;
    const written: string[] = [];
    const reporter = progressReporter({ interactive: true, write: (text) => written.push(text), now: () => now });
    reporter.progress?.({ ...HALF_WAY, rows: 100 });
    now = 50;
    reporter.progress?.({ ...HALF_WAY, rows: 200 });
    now = 150;
    reporter.progress?.({ ...HALF_WAY, rows: 300 });
    reporter.line("company → res.partner: 300 loaded");
    expect(written).toEqual([
      "\r\x1b[Kcompany → res.partner [#.......................] 100/2,400 rows  67 rows/s  3 rejected",
      "\r\x1b[Kcompany → res.partner [###.....................] 300/2,400 rows  200 rows/s  3 rejected",
      "\r\x1b[K",
      "company → res.partner: 300 loaded\n",
    ]);
  });

  it("writes plain lines in a log, one per period, none for a finished step", () => {
    let now = 0;
    const written: string[] = [];
    const reporter = progressReporter({ interactive: false, write: (text) => written.push(text), now: () => now, logEveryMs: 10_000 });
    reporter.progress?.({ ...HALF_WAY, rows: 100 });
    now = 10_000;
    reporter.progress?.({ ...HALF_WAY, rows: 1200 });
    now = 12_000;
    reporter.progress?.({ ...HALF_WAY, rows: 1300 });
    now = 30_000;
    reporter.progress?.({ ...HALF_WAY, rows: 2400, done: true });
    expect(written).toEqual(["company → res.partner: 1,200 of 2,400 rows, 800 rows/s, 3 rejected so far\n"]);
    expect(written.join("")).not.toContain("\r");
  });
});

describe("a run's progress", () => {
  it("reports every step as it goes and as done, with the rows the step saw and its rejects", async () => {
    const plan = compileFixture();
    const double = await startSeededDouble();
    const state = temporaryDirectory("flitmap-progress-");
    const updates: StepProgress[] = [];
    try {
      await runLive(plan, double, state.path, { reporter: { line: () => undefined, progress: (update) => updates.push(update) } });
    } finally {
      await double.stop();
      state.remove();
    }
    const done = updates.filter((update) => update.done && update.pass === "main").map((update) => [update.step, update.rows, update.total, update.rejected]);
    expect(done).toEqual([
      ["company", 4, 4, 0],
      ["company_tag", 4, 4, 0],
      ["person", 2, 2, 0],
      ["org", 3, 3, 0],
      ["contact", 3, 3, 0],
      ["quote", 2, 2, 0],
      ["quote_line", 5, 5, 2],
      ["note", 2, 2, 1],
      ["task", 3, 3, 1],
      ["attachment", 2, 2, 1],
    ]);
    expect(updates.filter((update) => update.done && update.pass === "deferred").map((update) => update.step)).toEqual(["company"]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnalysisScheduler } from "../../vscode-extension/server/analysis-scheduler.js";

describe("analysis scheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("analyses a package once, 200 ms after the last of a burst of changes", async () => {
    const runs: string[] = [];
    const scheduler = createAnalysisScheduler(async (key) => void runs.push(key), 200, (error) => { throw error; });
    scheduler.schedule("/a");
    await vi.advanceTimersByTimeAsync(150);
    scheduler.schedule("/a");
    scheduler.schedule("/b");
    await vi.advanceTimersByTimeAsync(199);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(["/a", "/b"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual(["/a", "/b"]);
  });

  it("tells a running analysis that a newer change made it stale", async () => {
    const verdicts: boolean[] = [];
    let release: () => void = () => undefined;
    const scheduler = createAnalysisScheduler(
      async (_key, isCurrent) => {
        verdicts.push(isCurrent());
        await new Promise<void>((resolve) => (release = resolve));
        verdicts.push(isCurrent());
      },
      200,
      (error) => { throw error; },
    );
    scheduler.schedule("/a");
    await vi.advanceTimersByTimeAsync(200);
    scheduler.schedule("/a");
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(verdicts).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(200);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(verdicts).toEqual([true, false, true, true]);
  });

  it("runs pending analyses at once on flush, and reports failures without stopping", async () => {
    const errors: unknown[] = [];
    const runs: string[] = [];
    const scheduler = createAnalysisScheduler(
      async (key) => {
        runs.push(key);
        if (key === "/bad") throw new Error("boom");
      },
      200,
      (error) => errors.push(error),
    );
    scheduler.schedule("/bad");
    scheduler.schedule("/good");
    await scheduler.flush();
    expect(runs).toEqual(["/bad", "/good"]);
    expect(errors.map((error) => (error as Error).message)).toEqual(["boom"]);
    scheduler.dispose();
  });
});

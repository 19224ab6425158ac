/**
 * Runs package analyses off the typing path: each change restarts a short timer for its package
 * (debounce), and an analysis whose package changed again while it ran is thrown away instead of
 * published, so stale diagnostics never overwrite fresh ones.
 */
export interface AnalysisScheduler {
  /** Asks for the package to be analysed again after the debounce delay. */
  schedule(packageKey: string): void;
  /** Analyses every scheduled package now (used when the user asks for something that needs fresh results). */
  flush(): Promise<void>;
  dispose(): void;
}

/**
 * `analyse(packageKey, isCurrent)` does the work; it must call `isCurrent()` before publishing and
 * publish nothing when that is false.
 */
export function createAnalysisScheduler(analyse: (packageKey: string, isCurrent: () => boolean) => Promise<void>, debounceMs: number, onError: (error: unknown) => void): AnalysisScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  const generations = new Map<string, number>();
  const running = new Set<Promise<void>>();

  const run = (packageKey: string): void => {
    timers.delete(packageKey);
    const generation = generations.get(packageKey) ?? 0;
    const task = analyse(packageKey, () => generations.get(packageKey) === generation)
      .catch(onError)
      .finally(() => running.delete(task));
    running.add(task);
  };

  return {
    schedule(packageKey) {
      generations.set(packageKey, (generations.get(packageKey) ?? 0) + 1);
      const pending = timers.get(packageKey);
      if (pending !== undefined) clearTimeout(pending);
      timers.set(packageKey, setTimeout(() => run(packageKey), debounceMs));
    },
    async flush() {
      for (const [packageKey, timer] of [...timers]) {
        clearTimeout(timer);
        run(packageKey);
      }
      await Promise.all([...running]);
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

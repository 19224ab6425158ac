/**
 * Progress of a run's steps for people: a bar redrawn in place on a terminal, a plain line every
 * so often in a log (CI), where redrawing would leave hundreds of lines.
 */
import type { RunReporter, StepProgress } from "./run-types.js";

export interface ProgressOutput {
  /** Whether the output is a terminal that understands carriage returns and line erasing. */
  readonly interactive: boolean;
  readonly write: (text: string) => void;
  /** Milliseconds, for throttling; Date.now unless a test gives its own clock. */
  readonly now?: () => number;
  /** Terminal redraws at most this often (default 100 ms). */
  readonly redrawMs?: number;
  /** Plain lines at most this often (default 10 s). */
  readonly logEveryMs?: number;
}

const BAR_WIDTH = 24;

function rate(update: StepProgress): number {
  return update.elapsedMs <= 0 ? 0 : Math.round((update.rows * 1000) / update.elapsedMs);
}

function stepName(update: StepProgress): string {
  return `${update.step}${update.pass === "deferred" ? " (second pass)" : ""} → ${update.model}`;
}

/** The bar: `company → res.partner [#######.....] 1,200/5,000 rows 850 rows/s 3 rejected`. */
export function progressBar(update: StepProgress): string {
  const count =
    update.total === undefined ? `${update.rows.toLocaleString("en")} rows` : `${update.rows.toLocaleString("en")}/${update.total.toLocaleString("en")} rows`;
  const filled = update.total === undefined || update.total === 0 ? undefined : Math.min(BAR_WIDTH, Math.round((update.rows / update.total) * BAR_WIDTH));
  const bar = filled === undefined ? "" : ` [${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
  return `${stepName(update)}${bar} ${count}  ${rate(update).toLocaleString("en")} rows/s  ${update.rejected.toLocaleString("en")} rejected`;
}

/** The plain line a log gets: the same figures, without drawing. */
export function progressLine(update: StepProgress): string {
  const count =
    update.total === undefined
      ? `${update.rows.toLocaleString("en")} rows`
      : `${update.rows.toLocaleString("en")} of ${update.total.toLocaleString("en")} rows`;
  return `${stepName(update)}: ${count}, ${rate(update).toLocaleString("en")} rows/s, ${update.rejected.toLocaleString("en")} rejected so far`;
}

/** A reporter that prints lines as they come and keeps a bar (terminal) or periodic lines (log) for progress. */
export function progressReporter(output: ProgressOutput): RunReporter {
  const now = output.now ?? Date.now;
  const redrawMs = output.redrawMs ?? 100;
  const logEveryMs = output.logEveryMs ?? 10_000;
  let barShown = false;
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let lastLogged = now();
  const clearBar = (): void => {
    if (barShown) output.write("\r\x1b[K");
    barShown = false;
  };
  return {
    line: (text) => {
      clearBar();
      output.write(`${text}\n`);
      // A step summary was just printed: the next plain progress line waits a full period.
      lastLogged = now();
    },
    progress: (update) => {
      const time = now();
      if (output.interactive) {
        if (update.done) {
          clearBar();
          return;
        }
        if (time - lastDrawn < redrawMs) return;
        lastDrawn = time;
        output.write(`\r\x1b[K${progressBar(update)}`);
        barShown = true;
        return;
      }
      // A log gets no line for a finished step (its summary follows) and at most one line per period.
      if (update.done || time - lastLogged < logEveryMs) return;
      lastLogged = time;
      output.write(`${progressLine(update)}\n`);
    },
  };
}

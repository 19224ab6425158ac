/**
 * How many load() calls to keep in flight. Odoo tells no client how many workers it runs, and the
 * answer decides whether a second call in flight helps: on a threaded server (`workers = 0`, one
 * Python process) and on the 2-core lab issue 14 measured, two calls at once took as long as one
 * after the other; a server with several workers serves them side by side. So the default is
 * measured on the server itself, on the run's own loads: two calls alone (the faster counts: the
 * first warms the model up), then two at once. If the two took clearly less time per row than the one alone, the server
 * serves calls in parallel and the run keeps two in flight; otherwise one. Both answers are safe:
 * the schedule (load-schedule.ts) keeps calls in flight off each other's records, and never runs a
 * call of activities or followers alongside another (Odoo deadlocks on mail_followers).
 */

/** Calls in flight now, and what the calls that ended took. */
export interface ConcurrencyChoice {
  /** Calls allowed in flight for the next call of `model`. */
  calls(model: string): number;
  /** A call of `rows` rows of `model` ran from `startedMs` to `endedMs` (performance.now()). */
  observe(call: ObservedCall): void;
}

export interface ObservedCall {
  readonly model: string;
  readonly rows: number;
  readonly startedMs: number;
  readonly endedMs: number;
}

/** A number of calls set by the user (`--concurrency N`). */
export function fixedConcurrency(calls: number): ConcurrencyChoice {
  return { calls: () => calls, observe: () => undefined };
}

/** Two calls at once must take at most this share of the time per row one call alone took to count as served in parallel (ideal 0.5; one after the other 1.0). */
const PARALLEL_SHARE = 0.75;

type Phase =
  | { readonly kind: "warm-up" }
  | { readonly kind: "alone"; readonly model: string; readonly msPerRow: number }
  | { readonly kind: "pair"; readonly model: string; readonly msPerRow: number; readonly calls: ObservedCall[] }
  | { readonly kind: "decided"; readonly calls: number };

/**
 * The run's calls measured as they go. Only full calls count (at least `minRows` rows: a small
 * call is mostly the call's own cost), and a pair is compared with a call of the same model alone.
 */
export class MeasuredConcurrency implements ConcurrencyChoice {
  #phase: Phase = { kind: "warm-up" };
  #parallel = false;

  constructor(private readonly minRows: number) {}

  calls(model: string): number {
    const phase = this.#phase;
    const calls = phase.kind === "decided" ? phase.calls : phase.kind === "pair" && phase.model === model ? 2 : 1;
    if (calls > 1) this.#parallel = true;
    return calls;
  }

  observe(call: ObservedCall): void {
    const phase = this.#phase;
    if (phase.kind === "decided") return;
    if (call.rows < this.minRows) return;
    if (phase.kind === "warm-up" || phase.model !== call.model) {
      this.#phase = { kind: "alone", model: call.model, msPerRow: perRow([call]) };
    } else if (phase.kind === "alone") {
      // A model's first two calls alone; the faster is the measure to beat (the first warms the
      // model up, and a busy client or network can slow either).
      this.#phase = { kind: "pair", model: call.model, msPerRow: Math.min(phase.msPerRow, perRow([call])), calls: [] };
    } else {
      phase.calls.push(call);
      const pair = overlappingPair(phase.calls);
      if (pair !== undefined) this.#phase = { kind: "decided", calls: perRow(pair) <= PARALLEL_SHARE * phase.msPerRow ? 2 : 1 };
    }
  }

  /** The choice, once measured. */
  decided(): number | undefined {
    return this.#phase.kind === "decided" ? this.#phase.calls : undefined;
  }

  /**
   * Whether the server may have served two calls at once: two were let in flight, and the measure
   * did not find it serving them one after the other (then the last call to answer was the last
   * served, as with one call in flight).
   */
  everParallel(): boolean {
    return this.#parallel && this.decided() !== 1;
  }
}

/** Wall time per row of calls taken together: from the first start to the last end. */
function perRow(calls: readonly ObservedCall[]): number {
  const started = Math.min(...calls.map((call) => call.startedMs));
  const ended = Math.max(...calls.map((call) => call.endedMs));
  const rows = calls.reduce((sum, call) => sum + call.rows, 0);
  return (ended - started) / rows;
}

/** The last two calls when they were in flight together for most of the shorter one. */
function overlappingPair(calls: readonly ObservedCall[]): readonly ObservedCall[] | undefined {
  const [first, second] = calls.slice(-2);
  if (first === undefined || second === undefined) return undefined;
  const overlap = Math.min(first.endedMs, second.endedMs) - Math.max(first.startedMs, second.startedMs);
  const shorter = Math.min(first.endedMs - first.startedMs, second.endedMs - second.startedMs);
  return overlap >= shorter / 2 ? [first, second] : undefined;
}

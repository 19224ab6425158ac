/**
 * The server's workers: a real Odoo with `workers = N` serves N requests side by side, and a
 * threaded server (one Python process) as good as one at a time when the work is Python's. With
 * `workers` unset every request is served at once. A request holds a worker from the moment its
 * body is read until it is answered, including the time faults slow it down (`delayMs`,
 * `delayPerRowMs`). The peak of requests served at once is kept per model, so a test can check
 * that a client never had two calls of a model served together.
 */

export class Workers {
  readonly #slots: number;
  #busy = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #serving = new Map<string, number>();
  readonly #peak = new Map<string, number>();

  constructor(slots: number | undefined) {
    this.#slots = slots ?? Number.POSITIVE_INFINITY;
  }

  /** Waits for a free worker; the answer frees it. */
  async acquire(): Promise<() => void> {
    if (this.#busy >= this.#slots) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#busy -= 1;
      this.#waiting.shift()?.();
    };
  }

  /** A request of `model` is being served; the returned function says it is done. */
  serving(model: string): () => void {
    const count = (this.#serving.get(model) ?? 0) + 1;
    this.#serving.set(model, count);
    this.#peak.set(model, Math.max(this.#peak.get(model) ?? 0, count));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#serving.set(model, (this.#serving.get(model) ?? 1) - 1);
    };
  }

  /** The most requests of `model` served at once. */
  peak(model: string): number {
    return this.#peak.get(model) ?? 0;
  }
}

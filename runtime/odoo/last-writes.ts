/**
 * The write calls whose records may hold the latest write_date of everything a run wrote, so that
 * one read finds it (runtime/execute/write-stamps.ts). Odoo stamps what a call writes with its
 * transaction's start, so a call sent after another's answer started after it: the latest start is
 * the start of a call that no other writing call was sent after it answered. Those are the last
 * call and the calls in flight beside it: as many as calls go in flight, whatever the run's size.
 */

interface AnsweredCall {
  readonly model: string;
  readonly ids: readonly number[];
  /** Marks on one clock: when the call was sent, and when its answer came. */
  readonly sent: number;
  readonly answered: number;
}

export class LastWrites {
  #clock = 0;
  #calls: AnsweredCall[] = [];

  /** A write call is about to be sent: its mark, for `answered`. */
  sending(): number {
    this.#clock += 1;
    return this.#clock;
  }

  /** The write call sent at mark `sent` answered: it wrote these records of `model` (none when Odoo refused it). */
  answered(sent: number, model: string, ids: readonly number[]): void {
    this.#clock += 1;
    if (ids.length === 0) return;
    // A call answered before this one was sent started before it: none of its records holds a later write_date than this one's.
    this.#calls = this.#calls.filter((call) => call.answered > sent);
    this.#calls.push({ model, ids: [...ids], sent, answered: this.#clock });
  }

  /** The record the last answered call wrote last, when any call wrote one. */
  last(): { readonly model: string; readonly id: number } | undefined {
    const call = this.#calls[this.#calls.length - 1];
    const id = call?.ids[call.ids.length - 1];
    return call === undefined || id === undefined ? undefined : { model: call.model, id };
  }

  /** The records of the calls that may hold the latest write_date, by model. */
  candidates(): Map<string, number[]> {
    const byModel = new Map<string, number[]>();
    for (const call of this.#calls) {
      const ids = byModel.get(call.model) ?? [];
      ids.push(...call.ids);
      byModel.set(call.model, ids);
    }
    return byModel;
  }
}

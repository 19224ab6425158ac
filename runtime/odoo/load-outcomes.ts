/**
 * What became of each row of a batched load: loaded with its record's id, or rejected with Odoo's
 * message and the field it blamed, kept by the row's position so that the result comes back in
 * input order whatever order the calls went in; and Odoo's warnings on rows that loaded.
 */

import type { LoadMessage } from "./types.js";

export interface LoadRow {
  /** The caller's name for the row (source key), used in the result. */
  readonly key: string;
  /** One cell per field, as text, in the order of `fields`. */
  readonly cells: readonly string[];
}

export interface LoadedRow {
  readonly key: string;
  readonly id: number;
}

export interface RejectedRow {
  readonly key: string;
  readonly message: string;
  readonly field?: string;
}

export interface RowWarning {
  readonly key: string;
  readonly message: string;
}

export interface BatchProgress {
  readonly total: number;
  readonly loaded: number;
  readonly rejected: number;
  readonly calls: number;
  readonly batchSize: number;
}

export interface BatchLoadResult {
  /** In input order. */
  readonly loaded: LoadedRow[];
  /** In input order. */
  readonly rejected: RejectedRow[];
  /** Odoo's warnings on loaded rows (e.g. several records matched a name). */
  readonly warnings: RowWarning[];
  /** `load()` calls made, including the ones that failed and were split. */
  readonly calls: number;
}

export type Outcome = { readonly kind: "loaded"; readonly id: number } | { readonly kind: "rejected"; readonly message: string; readonly field?: string };

export class LoadOutcomes {
  readonly #rows: readonly LoadRow[];
  readonly #outcomes: (Outcome | undefined)[];
  readonly #warnings: { index: number; message: string }[] = [];
  #loaded = 0;
  #rejected = 0;

  constructor(rows: readonly LoadRow[]) {
    this.#rows = rows;
    this.#outcomes = new Array<Outcome | undefined>(rows.length);
  }

  get loaded(): number {
    return this.#loaded;
  }

  get rejected(): number {
    return this.#rejected;
  }

  of(index: number): Outcome | undefined {
    return this.#outcomes[index];
  }

  settle(index: number, outcome: Outcome): void {
    const previous = this.#outcomes[index];
    if (previous?.kind === "loaded") this.#loaded -= 1;
    if (previous?.kind === "rejected") this.#rejected -= 1;
    this.#outcomes[index] = outcome;
    if (outcome.kind === "loaded") this.#loaded += 1;
    else this.#rejected += 1;
  }

  warn(index: number, message: string): void {
    this.#warnings.push({ index, message });
  }

  result(calls: number): BatchLoadResult {
    const loaded: LoadedRow[] = [];
    const rejected: RejectedRow[] = [];
    this.#outcomes.forEach((outcome, index) => {
      const key = this.#rows[index]?.key ?? String(index);
      if (outcome === undefined) rejected.push({ key, message: "the row was not attempted" });
      else if (outcome.kind === "loaded") loaded.push({ key, id: outcome.id });
      else rejected.push({ key, message: outcome.message, ...(outcome.field === undefined ? {} : { field: outcome.field }) });
    });
    return {
      loaded,
      rejected,
      warnings: this.#warnings
        .filter((warning) => this.#outcomes[warning.index]?.kind === "loaded")
        .map((warning) => ({ key: this.#rows[warning.index]?.key ?? "", message: warning.message })),
      calls,
    };
  }
}

/** A row Odoo refused on its own: its error messages (or any message), and the field it blamed. */
export function rejection(messages: readonly LoadMessage[]): Outcome {
  const errors = messages.filter((message) => message.type === "error");
  const chosen = errors.length > 0 ? errors : messages;
  if (chosen.length === 0) return { kind: "rejected", message: "Odoo refused the row without saying why" };
  const texts = [...new Set(chosen.map((message) => message.message))];
  const field = chosen.find((message) => message.field !== undefined)?.field;
  return { kind: "rejected", message: texts.join("; "), ...(field === undefined ? {} : { field }) };
}

/**
 * The next calls for a failed batch: rows Odoo blamed are tried alone, the rows between them as
 * runs, in the original order. Odoo's row-by-row fallback names the rows it could not create, so
 * one such split isolates them; when its messages blame no row, or every row (nothing to tell them
 * apart), the batch is halved instead: bisection, never every row alone.
 */
export function splitAroundSuspects(indices: readonly number[], messages: readonly LoadMessage[]): number[][] {
  const suspects = new Set<number>();
  for (const message of messages) {
    if (message.type === "error" && message.record !== undefined && message.record >= 0 && message.record < indices.length) {
      suspects.add(message.record);
    }
  }
  if (suspects.size === 0 || (suspects.size === indices.length && indices.length > 2)) {
    const middle = Math.ceil(indices.length / 2);
    return [indices.slice(0, middle), indices.slice(middle)];
  }
  const segments: number[][] = [];
  let run: number[] = [];
  indices.forEach((index, position) => {
    if (suspects.has(position)) {
      if (run.length > 0) segments.push(run);
      run = [];
      segments.push([index]);
    } else {
      run.push(index);
    }
  });
  if (run.length > 0) segments.push(run);
  return segments;
}

/** External ids without a module are `__import__.<name>` in Odoo's import. */
export function qualify(xmlid: string): string {
  const trimmed = xmlid.trim();
  return trimmed.includes(".") ? trimmed : `__import__.${trimmed}`;
}

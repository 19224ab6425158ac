/**
 * Stored fields Odoo computes and writes itself:
 * - from other records, when a call's changes are flushed at its end: a sale order's and an
 *   invoice's totals from their lines. Writing them stamps the record's write_date, and a tracked
 *   one is tracked in the server's own environment, whatever the call's context (chatter.ts);
 * - from the record's own values, on create and write: a draft invoice's due date, the date
 *   written or else today (its payment term's lines are not modelled);
 * - 17.0 numbers a draft move when its journal has no number yet in the move's year (the first of
 *   the year's moves created together, by date, gets `<journal code>/<year>/00001`); 18.0 and
 *   19.0 number moves only when they are posted.
 */

import { computedValue } from "./computed.js";
import type { Chatter, TrackedChange } from "./chatter.js";
import type { Env, Orm } from "./orm.js";
import type { Row } from "./store.js";

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index] ?? "";
    const right = b[index] ?? "";
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

interface LineTotals {
  readonly parentModel: string;
  readonly parentField: string;
  readonly fields: readonly string[];
}

/** Line model → the parent whose stored totals its lines make. */
const TOTALS_OF_LINES: Readonly<Record<string, LineTotals>> = {
  "sale.order.line": { parentModel: "sale.order", parentField: "order_id", fields: ["amount_untaxed", "amount_tax", "amount_total"] },
  "account.move.line": {
    parentModel: "account.move",
    parentField: "move_id",
    fields: ["amount_untaxed", "amount_tax", "amount_total", "amount_residual", "amount_untaxed_signed", "amount_total_signed"],
  },
};

export class StoredComputes {
  readonly #orm: Orm;
  readonly #chatter: Chatter;
  /** Parent model → ids whose totals are due at the end of the call. */
  readonly #due = new Map<string, Set<number>>();
  /** Moves created in the call, to number (17.0). */
  readonly #newMoves = new Set<number>();

  constructor(orm: Orm, chatter: Chatter) {
    this.#orm = orm;
    this.#chatter = chatter;
  }

  /** A line was created, written or is about to be unlinked: its parent's totals are due. */
  lineChanged(model: string, row: Row | undefined): void {
    const totals = TOTALS_OF_LINES[model];
    const parent = row?.[totals?.parentField ?? ""];
    if (totals === undefined || typeof parent !== "number") return;
    let ids = this.#due.get(totals.parentModel);
    if (ids === undefined) {
      ids = new Set();
      this.#due.set(totals.parentModel, ids);
    }
    ids.add(parent);
  }

  /** What a record computes from its own values, after a create or a write. */
  created(model: string, row: Row): void {
    if (model === "account.move" && this.#orm.version === "17.0") this.#newMoves.add(row.id);
    this.ownValuesChanged(model, row);
  }

  ownValuesChanged(model: string, row: Row): void {
    if (model === "account.move" && !row["invoice_date_due"] && this.#orm.spec(model).fields.has("invoice_date_due")) {
      this.#orm.store.update(model, row.id, "invoice_date_due", this.#orm.today());
    }
  }

  /** The end of a call: new drafts numbered, the due totals written (and tracked, see Chatter.recomputed). */
  flush(env: Env): void {
    this.numberDrafts();
    const orm = this.#orm;
    for (const [model, ids] of this.#due) {
      const totals = Object.values(TOTALS_OF_LINES).find((entry) => entry.parentModel === model);
      const spec = orm.catalog.models.get(model);
      if (totals === undefined || spec === undefined) continue;
      for (const id of ids) {
        const row = orm.store.get(model, id);
        if (row === undefined) continue;
        const changes: TrackedChange[] = [];
        for (const field of totals.fields) {
          if (!spec.fields.has(field)) continue;
          const after = computedValue(orm, model, row, field, spec.fields.get(field));
          const before = row[field] ?? 0;
          if (after === before) continue;
          orm.store.update(model, id, field, after);
          changes.push({ field, before, after });
        }
        if (changes.length === 0) continue;
        if (spec.fields.has("write_date")) orm.store.update(model, id, "write_date", orm.now());
        if (spec.fields.has("write_uid")) orm.store.update(model, id, "write_uid", env.uid);
        this.#chatter.recomputed(env.uid, model, id, changes);
      }
    }
    this.#due.clear();
  }

  /** The call is over (or failed): nothing stays due. */
  endCall(): void {
    this.#due.clear();
    this.#newMoves.clear();
  }

  /** account.move._compute_name in 17.0, over the moves created together sorted by (date, ref, id). */
  private numberDrafts(): void {
    const orm = this.#orm;
    const moves = [...this.#newMoves]
      .map((id) => orm.store.get("account.move", id))
      .filter((row): row is Row => row !== undefined && (row["name"] === "/" || !row["name"]) && typeof row["date"] === "string")
      .sort((a, b) => compareKeys([String(a["date"]), String(a["ref"] || ""), a.id], [String(b["date"]), String(b["ref"] || ""), b.id]));
    for (const move of moves) {
      const journal = typeof move["journal_id"] === "number" ? orm.store.get("account.journal", move["journal_id"]) : undefined;
      const year = String(move["date"]).slice(0, 4);
      if (journal === undefined || typeof journal["code"] !== "string") continue;
      const prefix = `${journal["code"]}/${year}/`;
      const numbered = [...orm.rows("account.move")].some(
        (other) => other["journal_id"] === journal.id && typeof other["name"] === "string" && other["name"].startsWith(prefix),
      );
      if (!numbered) orm.store.update("account.move", move.id, "name", `${prefix}00001`);
    }
    this.#newMoves.clear();
  }
}

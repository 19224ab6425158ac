/**
 * The tracking a migration's context cannot switch off, taken back. Odoo writes stored computed
 * fields at the end of a call, in the transaction's first environment: the server's own
 * (XML-RPC's execute_kw, JSON-2's request), which never carries the call's context. A tracked one
 * (a sale order's amount_untaxed and amount_total once its lines are loaded) is then tracked
 * despite tracking_disable and mail_notrack: the recorded perfectview runs on 17.0 and 19.0 left
 * a tracking message on each of their 18 orders (36 tracking values). Records created in the same
 * call are exempt (mail.thread.create discards their tracking), but an order's lines are loaded
 * after the order, in a call of their own.
 *
 * So the documents with tracked totals (`TRACKED_TOTALS`) that loads of lines point at are noted,
 * and once the writes are over (`cleanUp`, when the target closes, whether the run completed or
 * not) the tracking messages made on exactly those documents are removed: newer than the newest
 * message before the first such load, logged by the migration's own user, carrying tracking
 * values, and nothing else. That costs one search before the first such load, and a read, a search
 * and an unlink at the end; a run that loads no such lines calls nothing.
 */

import type { OdooClient } from "./client.js";
import type { OdooContext } from "./types.js";

/**
 * Lines whose create makes Odoo recompute tracked totals on their document, by the line's
 * many2one to it. From the recorded runs (sale.order's amount_untaxed and amount_total, tracked in
 * 17.0, 18.0 and 19.0); an invoice's totals are not tracked there.
 */
const TRACKED_TOTALS: Readonly<Record<string, { readonly field: string; readonly document: string }>> = {
  "sale.order.line": { field: "order_id", document: "sale.order" },
};

export class RecomputeTracking {
  readonly #client: OdooClient;
  readonly #context: OdooContext;
  /** The newest message before the first load watched: tracking made later is the migration's. */
  #bound: Promise<number> | undefined;
  #partner: Promise<number | undefined> | undefined;

  /** `context`: the one the removal is made with (the migration's quiet context). */
  constructor(client: OdooClient, context: OdooContext) {
    this.#client = client;
    this.#context = context;
  }

  /** Documents that loads pointed at, by model. */
  readonly #documents = new Map<string, Set<number>>();

  /** Runs `load` (of `rows` of `model` under `fields`, references by database id as the run made them), noting the documents with tracked totals it points at. */
  async around<T>(model: string, fields: readonly string[], rows: ReadonlyArray<readonly string[]>, load: () => Promise<T>): Promise<T> {
    const documents = documentsOf(model, fields, rows);
    if (documents === undefined) return load();
    this.#bound ??= this.#client.search("mail.message", [], { order: "id desc", limit: 1 }).then(([newest]) => newest ?? 0);
    await this.#bound;
    const noted = this.#documents.get(documents.model) ?? new Set<number>();
    for (const id of documents.ids) noted.add(id);
    this.#documents.set(documents.model, noted);
    return load();
  }

  /** Removes the tracking the loads made on the documents they pointed at. */
  async cleanUp(): Promise<void> {
    if (this.#bound === undefined || this.#documents.size === 0) return;
    const bound = await this.#bound;
    const partner = await this.partner();
    if (partner === undefined) return;
    const domain = [...this.#documents].flatMap(([model, ids]) => ["&", ["model", "=", model], ["res_id", "in", [...ids]]]);
    const terms = this.#documents.size;
    this.#documents.clear();
    const made = await this.#client.search("mail.message", [
      ["id", ">", bound],
      ...Array.from({ length: terms - 1 }, () => "|"),
      ...domain,
      ["message_type", "=", "notification"],
      ["author_id", "=", partner],
      ["tracking_value_ids", "!=", false],
    ]);
    if (made.length > 0) await this.#client.unlink("mail.message", made, this.#context);
  }

  private partner(): Promise<number | undefined> {
    this.#partner ??= this.#client.read("res.users", [this.#client.uid], ["partner_id"]).then((records) => {
      const partner = records[0]?.["partner_id"];
      return Array.isArray(partner) && typeof partner[0] === "number" ? partner[0] : typeof partner === "number" ? partner : undefined;
    });
    return this.#partner;
  }
}

/** The documents with tracked totals the rows' lines belong to, or undefined when there are none. */
function documentsOf(model: string, fields: readonly string[], rows: ReadonlyArray<readonly string[]>): { model: string; ids: number[] } | undefined {
  const tracked = TRACKED_TOTALS[model];
  const column = tracked === undefined ? -1 : fields.indexOf(`${tracked.field}/.id`);
  if (tracked === undefined || column < 0) return undefined;
  const ids = new Set<number>();
  for (const row of rows) {
    const cell = row[column] ?? "";
    if (/^\d+$/.test(cell)) ids.add(Number(cell));
  }
  return ids.size === 0 ? undefined : { model: tracked.document, ids: [...ids] };
}

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
 * So around a load whose rows point at records of a model with chatter (a `field/.id` column of a
 * many2one), the tracking messages that load made on exactly those records are removed: newer
 * than the newest message before the load, logged by the migration's own user, carrying tracking
 * values, and nothing else.
 */

import type { OdooClient } from "./client.js";
import type { OdooContext } from "./types.js";

interface Pointed {
  readonly model: string;
  readonly ids: readonly number[];
}

export class RecomputeTracking {
  readonly #client: OdooClient;
  readonly #context: OdooContext;
  readonly #relations = new Map<string, Promise<Map<string, string>>>();
  readonly #chatter = new Map<string, Promise<boolean>>();
  #partner: Promise<number | undefined> | undefined;

  /** `context`: the one the removal is made with (the migration's quiet context). */
  constructor(client: OdooClient, context: OdooContext) {
    this.#client = client;
    this.#context = context;
  }

  /** Runs `load` (of `rows` of `model` under `fields`), then removes the tracking it left on the records its rows point at. */
  async around<T>(model: string, fields: readonly string[], rows: ReadonlyArray<readonly string[]>, load: () => Promise<T>): Promise<T> {
    const pointed = await this.pointedRecords(model, fields, rows);
    if (pointed.length === 0) return load();
    const [newest] = await this.#client.search("mail.message", [], { order: "id desc", limit: 1 });
    const result = await load();
    const partner = await this.partner();
    if (partner === undefined) return result;
    for (const { model: pointedModel, ids } of pointed) {
      const made = await this.#client.search("mail.message", [
        ["id", ">", newest ?? 0],
        ["model", "=", pointedModel],
        ["res_id", "in", [...ids]],
        ["message_type", "=", "notification"],
        ["author_id", "=", partner],
        ["tracking_value_ids", "!=", false],
      ]);
      if (made.length > 0) await this.#client.unlink("mail.message", made, this.#context);
    }
    return result;
  }

  /** Per model with chatter, the ids the rows' `field/.id` cells of many2one fields name. */
  private async pointedRecords(model: string, fields: readonly string[], rows: ReadonlyArray<readonly string[]>): Promise<Pointed[]> {
    const relations = await this.relationsOf(model);
    const byModel = new Map<string, Set<number>>();
    for (const [index, column] of fields.entries()) {
      if (!column.endsWith("/.id")) continue;
      const relation = relations.get(column.slice(0, -"/.id".length));
      if (relation === undefined || !(await this.hasChatter(relation))) continue;
      const ids = byModel.get(relation) ?? new Set<number>();
      for (const row of rows) {
        const cell = row[index] ?? "";
        if (/^\d+$/.test(cell)) ids.add(Number(cell));
      }
      byModel.set(relation, ids);
    }
    return [...byModel].filter(([, ids]) => ids.size > 0).map(([pointedModel, ids]) => ({ model: pointedModel, ids: [...ids] }));
  }

  /** many2one field → the model it points to. */
  private relationsOf(model: string): Promise<Map<string, string>> {
    let relations = this.#relations.get(model);
    if (relations === undefined) {
      relations = this.#client.fieldsGet(model, ["type", "relation"]).then((described) => {
        const found = new Map<string, string>();
        for (const [name, field] of Object.entries(described)) if (field.type === "many2one" && typeof field.relation === "string") found.set(name, field.relation);
        return found;
      });
      this.#relations.set(model, relations);
    }
    return relations;
  }

  private hasChatter(model: string): Promise<boolean> {
    let chatter = this.#chatter.get(model);
    if (chatter === undefined) {
      chatter = this.#client.fieldsGet(model, ["type"]).then((described) => "message_ids" in described);
      this.#chatter.set(model, chatter);
    }
    return chatter;
  }

  private partner(): Promise<number | undefined> {
    this.#partner ??= this.#client.read("res.users", [this.#client.uid], ["partner_id"]).then((records) => {
      const partner = records[0]?.["partner_id"];
      return Array.isArray(partner) && typeof partner[0] === "number" ? partner[0] : typeof partner === "number" ? partner : undefined;
    });
    return this.#partner;
  }
}

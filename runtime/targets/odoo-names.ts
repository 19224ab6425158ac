/**
 * How a load() cell names the record it points to. By database id (`field/.id`) Odoo searches each
 * cell's id to check that the record exists: one query per cell (issue 14: about 2.4 a contact, 4 a
 * deal, 3 an activity). By external ID (`field/id`) it looks each distinct one up once per call,
 * from a cache. So the external IDs of the records the target knows (the ones it loaded, set up or
 * read for a lookup, and the earlier runs' records the run tells it of) are kept, and a batch's
 * `field/.id` column becomes `field/id` when every record it names has one.
 */

import { OdooError, type OdooClient } from "../odoo/index.js";
import { IdNames } from "../source/id-names.js";

/** The module of the temporary external IDs: no package's namespace, so no journal counts them. */
export const TEMPORARY_MODULE = "__flitmap_ref__";

/** A call costs Odoo about as much as 200 existence queries (issue 4: ~50 ms a call whatever it does; issue 14: ~0.25 ms a query). */
const QUERIES_PER_CALL = 200;

/** Answers that leave a batch's references by database id, as they were. */
const NAMING_REFUSALS: ReadonlySet<string> = new Set(["access-error", "validation", "constraint", "outcome-unknown"]);

/** model → database id → external ID: one for every record the run loads, so kept compactly (IdNames). */
export class RecordNames {
  readonly #names = new Map<string, IdNames>();

  remember(model: string, id: number, xmlid: string): void {
    let ids = this.#names.get(model);
    if (ids === undefined) {
      ids = new IdNames();
      this.#names.set(model, ids);
    }
    ids.set(id, xmlid);
  }

  nameOf(model: string, id: number): string | undefined {
    return this.#names.get(model)?.get(id);
  }

  /**
   * The records a batch names by database id that have no known external ID, by model, and how
   * many cells name them (each one an existence query in Odoo).
   */
  unnamed(
    fields: readonly string[],
    rows: readonly { readonly cells: readonly string[] }[],
    relations: Readonly<Record<string, string>>,
  ): { records: { model: string; id: number }[]; cells: number } {
    const records = new Map<string, { model: string; id: number }>();
    let cells = 0;
    fields.forEach((column, index) => {
      const model = relations[column];
      if (!column.endsWith("/.id") || model === undefined) return;
      for (const row of rows) {
        for (const id of idsIn(row.cells[index] ?? "")) {
          if (this.nameOf(model, id) !== undefined) continue;
          cells += 1;
          records.set(`${model},${id}`, { model, id });
        }
      }
    });
    return { records: [...records.values()], cells };
  }

  /**
   * The batch with each `field/.id` column whose records all have a known external ID written as
   * `field/id`. `relations` gives each reference column's model; a column of unknown model, or
   * naming any record without a known external ID, stays by database id.
   */
  byExternalId(
    fields: readonly string[],
    rows: readonly { readonly key: string; readonly cells: readonly string[] }[],
    relations: Readonly<Record<string, string>>,
  ): { fields: string[]; rows: { key: string; cells: string[] }[] } {
    const renamed = new Map<number, string>();
    fields.forEach((column, index) => {
      const model = relations[column];
      if (!column.endsWith("/.id") || model === undefined) return;
      const named = rows.every((row) => idsIn(row.cells[index] ?? "").every((id) => this.nameOf(model, id) !== undefined));
      if (named) renamed.set(index, model);
    });
    if (renamed.size === 0) return { fields: [...fields], rows: rows.map((row) => ({ key: row.key, cells: [...row.cells] })) };
    return {
      fields: fields.map((column, index) => (renamed.has(index) ? `${column.slice(0, -"/.id".length)}/id` : column)),
      rows: rows.map((row) => ({
        key: row.key,
        cells: row.cells.map((cell, index) => {
          const model = renamed.get(index);
          return model === undefined
            ? cell
            : idsIn(cell)
                .map((id) => this.nameOf(model, id) ?? "")
                .join(",");
        }),
      })),
    };
  }
}

/**
 * Temporary external IDs for the records rows name by database id and no external ID names (the
 * customer's users and their partners, matched by a lookup): each such cell costs Odoo an
 * existence query, an external ID one lookup per call. For a batch with enough such cells to pay
 * for two calls, the records get one under `__flitmap_ref__` (one create of ir.model.data),
 * and `remove` takes them away again when the target closes (one unlink), so nothing is left
 * behind. A server that refuses either leaves the references by database id (a user without the
 * right to create them) or the names in place (without the right to remove them: harmless, and a
 * later run's lookups find and use them).
 */
export class TemporaryNames {
  #refused = false;
  readonly #created: number[] = [];
  /** Names whose create may have reached Odoo though its answer was lost. */
  readonly #uncertain: string[] = [];

  constructor(
    private readonly client: OdooClient,
    private readonly names: RecordNames,
  ) {}

  /** Names the records the batch's `field/.id` columns name without an external ID, when that is cheaper. */
  async nameFor(fields: readonly string[], rows: readonly { readonly cells: readonly string[] }[], relations: Readonly<Record<string, string>>): Promise<void> {
    if (this.#refused) return;
    const { records, cells } = this.names.unnamed(fields, rows, relations);
    if (records.length === 0) return;
    // The first names cost a create and the unlink at the end, later ones a create: made for a
    // batch whose cells alone pay for them, so a run of small batches (a sample) never pays more.
    const calls = this.#created.length === 0 ? 2 : 1;
    if (cells < calls * QUERIES_PER_CALL) return;
    const values = records.map(({ model, id }) => ({ module: TEMPORARY_MODULE, name: `${model.replaceAll(".", "_")}_${String(id)}`, model, res_id: id }));
    try {
      this.#created.push(...(await this.client.create("ir.model.data", values)));
      for (const value of values) this.names.remember(value.model, value.res_id, `${TEMPORARY_MODULE}.${value.name}`);
    } catch (error) {
      if (!(error instanceof OdooError) || !NAMING_REFUSALS.has(error.kind)) throw error;
      if (error.kind === "outcome-unknown") this.#uncertain.push(...values.map((value) => value.name));
      this.#refused = true;
    }
  }

  /** Removes the names this run made. */
  async remove(): Promise<void> {
    const ids = this.#created.splice(0);
    if (this.#uncertain.length > 0) {
      ids.push(
        ...(await this.client.search("ir.model.data", [
          ["module", "=", TEMPORARY_MODULE],
          ["name", "in", this.#uncertain.splice(0)],
        ])),
      );
    }
    if (ids.length === 0) return;
    try {
      await this.client.unlink("ir.model.data", ids);
    } catch (error) {
      if (!(error instanceof OdooError) || error.kind !== "access-error") throw error;
    }
  }
}

/** The database ids a `field/.id` cell names (a many2many cell holds several, comma-separated). */
function idsIn(cell: string): number[] {
  return cell
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(Number);
}

/**
 * How a load() cell names the record it points to. By database id (`field/.id`) Odoo searches each
 * cell's id to check that the record exists: one query per cell (issue 14: about 2.4 a contact, 4 a
 * deal, 3 an activity). By external ID (`field/id`) it looks each distinct one up once per call,
 * from a cache. So the external IDs of the records the target knows (the ones it loaded, set up or
 * read for a lookup, and the earlier runs' records the run tells it of) are kept, and a batch's
 * `field/.id` column becomes `field/id` when every record it names has one.
 */

/** model → database id → external ID. */
export class RecordNames {
  readonly #names = new Map<string, Map<number, string>>();

  remember(model: string, id: number, xmlid: string): void {
    let ids = this.#names.get(model);
    if (ids === undefined) {
      ids = new Map();
      this.#names.set(model, ids);
    }
    ids.set(id, xmlid);
  }

  nameOf(model: string, id: number): string | undefined {
    return this.#names.get(model)?.get(id);
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

/** The database ids a `field/.id` cell names (a many2many cell holds several, comma-separated). */
function idsIn(cell: string): number[] {
  return cell
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(Number);
}

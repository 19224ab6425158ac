/**
 * The double's database: one table per model, rows as plain objects of stored values (many2one
 * as an id or false, many2many as an id array). Every request runs in a transaction that is
 * rolled back when the request fails, as Odoo's does; `load()` also uses savepoints per row.
 * Id sequences are not transactional, as in PostgreSQL.
 */

export type Row = Record<string, unknown> & { id: number };

type UndoEntry =
  | { readonly kind: "insert"; readonly model: string; readonly id: number }
  | { readonly kind: "update"; readonly model: string; readonly id: number; readonly field: string; readonly had: boolean; readonly previous: unknown }
  | { readonly kind: "delete"; readonly model: string; readonly row: Row }
  | { readonly kind: "custom"; readonly undo: () => void };

interface Index {
  readonly key: (row: Row) => string | undefined;
  readonly entries: Map<string, Set<number>>;
}

export class Store {
  readonly #tables = new Map<string, Map<number, Row>>();
  readonly #indexes = new Map<string, Map<string, Index>>();
  readonly #sequences = new Map<string, number>();
  #journal: UndoEntry[] | undefined;
  #generation = 0;

  /** Changes whenever any row changes (caches of derived values compare it). */
  get generation(): number {
    return this.#generation;
  }

  table(model: string): Map<number, Row> {
    let table = this.#tables.get(model);
    if (!table) {
      table = new Map();
      this.#tables.set(model, table);
    }
    return table;
  }

  /**
   * Keeps rows of `model` findable by `key(row)` (kept current through inserts, updates, deletes
   * and rollbacks), so lookups such as external ids stay fast on large loads.
   */
  defineIndex(model: string, name: string, key: (row: Row) => string | undefined): void {
    const index: Index = { key, entries: new Map() };
    let indexes = this.#indexes.get(model);
    if (!indexes) {
      indexes = new Map();
      this.#indexes.set(model, indexes);
    }
    indexes.set(name, index);
    for (const row of this.table(model).values()) this.indexRow(index, row, true);
  }

  lookup(model: string, name: string, key: string): Row[] {
    const ids = this.#indexes.get(model)?.get(name)?.entries.get(key);
    if (!ids) return [];
    const table = this.table(model);
    return [...ids].flatMap((id) => {
      const row = table.get(id);
      return row ? [row] : [];
    });
  }

  private indexRow(index: Index, row: Row, add: boolean): void {
    const key = index.key(row);
    if (key === undefined) return;
    let ids = index.entries.get(key);
    if (add) {
      if (!ids) {
        ids = new Set();
        index.entries.set(key, ids);
      }
      ids.add(row.id);
    } else if (ids) {
      ids.delete(row.id);
      if (ids.size === 0) index.entries.delete(key);
    }
  }

  private reindex(model: string, row: Row, add: boolean): void {
    const indexes = this.#indexes.get(model);
    if (!indexes) return;
    for (const index of indexes.values()) this.indexRow(index, row, add);
  }

  models(): string[] {
    return [...this.#tables.keys()];
  }

  get(model: string, id: number): Row | undefined {
    return this.#tables.get(model)?.get(id);
  }

  has(model: string, id: number): boolean {
    return this.#tables.get(model)?.has(id) ?? false;
  }

  nextId(model: string): number {
    const current = this.#sequences.get(model) ?? this.maxId(model);
    const next = current + 1;
    this.#sequences.set(model, next);
    return next;
  }

  /** Makes the next id at least `value + 1` (seeding records with fixed ids). */
  bumpSequence(model: string, value: number): void {
    const current = this.#sequences.get(model) ?? 0;
    if (value > current) this.#sequences.set(model, value);
  }

  private maxId(model: string): number {
    let max = 0;
    for (const id of this.table(model).keys()) if (id > max) max = id;
    return max;
  }

  insert(model: string, row: Row): void {
    this.#generation += 1;
    this.table(model).set(row.id, row);
    this.reindex(model, row, true);
    this.bumpSequence(model, row.id);
    this.#journal?.push({ kind: "insert", model, id: row.id });
  }

  update(model: string, id: number, field: string, value: unknown): void {
    const row = this.get(model, id);
    if (!row) return;
    this.#generation += 1;
    const had = Object.prototype.hasOwnProperty.call(row, field);
    this.#journal?.push({ kind: "update", model, id, field, had, previous: row[field] });
    this.reindex(model, row, false);
    row[field] = value;
    this.reindex(model, row, true);
  }

  delete(model: string, id: number): void {
    const table = this.table(model);
    const row = table.get(id);
    if (!row) return;
    this.#generation += 1;
    table.delete(id);
    this.reindex(model, row, false);
    this.#journal?.push({ kind: "delete", model, row });
  }

  /** Registers an undo step for a change outside the tables (e.g. a field added to a model). */
  onRollback(undo: () => void): void {
    this.#journal?.push({ kind: "custom", undo });
  }

  /** Runs `work` in a transaction: everything it changed is undone if it throws. */
  transaction<T>(work: () => T): T {
    const outer = this.#journal;
    const journal: UndoEntry[] = [];
    this.#journal = journal;
    try {
      const result = work();
      outer?.push(...journal);
      return result;
    } catch (error) {
      this.undo(journal);
      throw error;
    } finally {
      this.#journal = outer;
    }
  }

  /** A savepoint inside the current transaction; `rollback()` undoes what happened since. */
  savepoint(): { rollback(): void } {
    const journal = this.#journal;
    const mark = journal?.length ?? 0;
    return {
      rollback: () => {
        if (!journal) return;
        const undone = journal.splice(mark);
        this.undo(undone);
      },
    };
  }

  private undo(entries: UndoEntry[]): void {
    this.#generation += 1;
    const saved = this.#journal;
    this.#journal = undefined;
    try {
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const entry = entries[index];
        if (!entry) continue;
        switch (entry.kind) {
          case "insert": {
            const row = this.get(entry.model, entry.id);
            this.table(entry.model).delete(entry.id);
            if (row) this.reindex(entry.model, row, false);
            break;
          }
          case "update": {
            const row = this.get(entry.model, entry.id);
            if (row) {
              this.reindex(entry.model, row, false);
              if (entry.had) row[entry.field] = entry.previous;
              else delete row[entry.field];
              this.reindex(entry.model, row, true);
            }
            break;
          }
          case "delete":
            this.table(entry.model).set(entry.row.id, entry.row);
            this.reindex(entry.model, entry.row, true);
            break;
          case "custom":
            entry.undo();
            break;
        }
      }
    } finally {
      this.#journal = saved;
    }
  }
}

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

export class Store {
  readonly #tables = new Map<string, Map<number, Row>>();
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
    this.bumpSequence(model, row.id);
    this.#journal?.push({ kind: "insert", model, id: row.id });
  }

  update(model: string, id: number, field: string, value: unknown): void {
    const row = this.get(model, id);
    if (!row) return;
    this.#generation += 1;
    const had = Object.prototype.hasOwnProperty.call(row, field);
    this.#journal?.push({ kind: "update", model, id, field, had, previous: row[field] });
    row[field] = value;
  }

  delete(model: string, id: number): void {
    const table = this.table(model);
    const row = table.get(id);
    if (!row) return;
    this.#generation += 1;
    table.delete(id);
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
          case "insert":
            this.table(entry.model).delete(entry.id);
            break;
          case "update": {
            const row = this.get(entry.model, entry.id);
            if (row) {
              if (entry.had) row[entry.field] = entry.previous;
              else delete row[entry.field];
            }
            break;
          }
          case "delete":
            this.table(entry.model).set(entry.row.id, entry.row);
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

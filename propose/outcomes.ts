/**
 * What became of every source column while the proposal is built: mapped to a field, left as a
 * TODO, kept in a custom field, ignored, a key or a change stamp. Read by `flitmap init`'s summary
 * and the tests. Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";
import type { ColumnOutcome, ColumnReport } from "./proposal.js";

/** Each column's outcomes, in the order they were decided. */
export class OutcomeLog {
  private readonly byColumn = new Map<string, { entity: EntityProfile; column: ColumnProfile; outcomes: ColumnOutcome[] }>();

  constructor(entities: readonly EntityProfile[]) {
    for (const entity of entities) {
      for (const column of entity.columns) this.byColumn.set(`${entity.name}\u0000${column.name}`, { entity, column, outcomes: [] });
      for (const group of entity.groups) {
        for (const column of group.columns) this.byColumn.set(`${entity.name}\u0000${group.name}.${column.name}`, { entity, column, outcomes: [] });
      }
    }
  }

  add(entity: string, path: string, outcome: ColumnOutcome): void {
    this.byColumn.get(`${entity}\u0000${path}`)?.outcomes.push(outcome);
  }

  /** Replaces the outcome logged last for a column (a match that turned out to be a custom field). */
  replaceLast(entity: string, path: string, outcome: ColumnOutcome): void {
    const outcomes = this.byColumn.get(`${entity}\u0000${path}`)?.outcomes;
    if (outcomes === undefined) return;
    if (outcomes.length > 0) outcomes.pop();
    outcomes.push(outcome);
  }

  has(entity: string, path: string): boolean {
    return (this.byColumn.get(`${entity}\u0000${path}`)?.outcomes.length ?? 0) > 0;
  }

  reports(): ColumnReport[] {
    return [...this.byColumn.entries()].map(([key, { entity, column, outcomes }]) => ({
      entity: entity.name,
      pattern: entity.pattern,
      header: column.header,
      column: key.split("\u0000")[1] ?? column.name,
      outcomes: outcomes.length === 0 ? [{ kind: "unmapped", reason: "no proposal" }] : outcomes,
    }));
  }
}

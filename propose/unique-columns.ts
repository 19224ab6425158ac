/**
 * Columns other files name an entity's rows by instead of its key (a trade name, a tax number),
 * declared `unique` for `| ref alias by column`, with what a value several rows hold does. A
 * specialist does not guess between namesakes: such a row is rejected with the keys it could be.
 * The one exception is a head office and its branches sharing a trade name, each branch naming the
 * head office as its parent: the head office is the one meant, first (or last) in the file. Pure.
 */
import { columnMatchKey } from "../runtime/source/match-keys.js";
import type { ColumnProfile, EntityProfile } from "./entities.js";
import type { UniqueColumnProposal } from "./proposal.js";

type Match = UniqueColumnProposal["match"];

/** How `| ref alias by column` compares values (runtime/execute/indexes.ts): trimmed, ignoring case, or as the column's `match` says. */
function comparable(value: string, match?: Match): string {
  return match === undefined ? value.trim().toLowerCase() : columnMatchKey(value, match);
}

/** The rows (distinct keys: chunks repeat a row) holding each value several rows hold, in file order. */
function sharedValues(entity: EntityProfile, names: ColumnProfile, match: Match): Map<string, number[]> {
  const keyColumn = entity.key.length === 1 ? entity.columns.find((column) => column.name === entity.key[0]) : undefined;
  const rowsOf = new Map<string, number[]>();
  const keysOf = new Map<string, Set<string>>();
  names.values.forEach((raw, row) => {
    const value = comparable(raw, match);
    if (value === "") return;
    const key = keyColumn?.values[row]?.trim() ?? String(row);
    const keys = keysOf.get(value) ?? new Set<string>();
    if (keys.has(key)) return;
    keys.add(key);
    keysOf.set(value, keys);
    rowsOf.set(value, [...(rowsOf.get(value) ?? []), row]);
  });
  return new Map([...rowsOf].filter(([, rows]) => rows.length > 1));
}

/**
 * For each row, the row its parent column names (by key, or by a column like the one a branch
 * gives its head office's tax number in), when the entity has such a column.
 */
function parentRows(entity: EntityProfile): ((row: number) => number | undefined) | undefined {
  const reference = entity.references.find((candidate) => candidate.entity === entity.name && candidate.separator === undefined);
  const byColumn = reference?.byName ?? (entity.key.length === 1 ? entity.key[0] : undefined);
  const parent = entity.columns.find((column) => column.name === reference?.column);
  const named = entity.columns.find((column) => column.name === byColumn);
  if (parent === undefined || named === undefined) return undefined;
  const rowOf = new Map<string, number>();
  named.values.forEach((value, row) => {
    if (comparable(value) !== "" && !rowOf.has(comparable(value))) rowOf.set(comparable(value), row);
  });
  return (row) => rowOf.get(comparable(parent.values[row] ?? ""));
}

/** The row of a group the others name as their parent: the head office of its branches. */
function headOf(rows: readonly number[], parentOf: (row: number) => number | undefined): number | undefined {
  return rows.find((head) => rows.every((row) => row === head || parentOf(row) === head));
}

function examples(values: readonly string[]): string {
  const shown = values.slice(0, 2).map((value) => JSON.stringify(value));
  return values.length > 2 ? `${shown.join(", ")}, ...` : shown.join(" and ");
}

/** The `unique` declaration of a column other files name the entity's rows by, with its reason. */
export function uniqueColumnProposal(entity: EntityProfile, column: string, match?: Match): UniqueColumnProposal {
  const names = entity.columns.find((candidate) => candidate.name === column);
  const shared = names === undefined ? new Map<string, number[]>() : sharedValues(entity, names, match);
  const compared = match === undefined ? {} : { match };
  const how =
    match === undefined
      ? ""
      : match === "digits"
        ? " (by their digits: another file writes them with other punctuation or a country's letters)"
        : " (loosely: another file writes them with other case, accents or punctuation)";
  const shown = examples([...shared.values()].map((rows) => names?.values[rows[0] ?? 0]?.trim() ?? ""));
  if (shared.size === 0) {
    return {
      entity: entity.name,
      column,
      ambiguous: "reject",
      ...compared,
      comment: `other columns name ${entity.name} rows by it${how}; each value is one row's in the sample, so a row naming a value several rows hold is rejected rather than linked to a guess`,
    };
  }
  const parentOf = parentRows(entity);
  const heads = parentOf === undefined ? [] : [...shared.values()].map((rows) => ({ rows, head: headOf(rows, parentOf) }));
  const at = (position: "first" | "last"): boolean =>
    heads.length === shared.size && heads.every(({ rows, head }) => head !== undefined && head === (position === "first" ? rows[0] : rows[rows.length - 1]));
  const position = at("first") ? "first" : at("last") ? "last" : undefined;
  const count = `${shared.size} value${shared.size === 1 ? " is" : "s are"}`;
  if (position !== undefined) {
    return {
      entity: entity.name,
      column,
      ambiguous: position,
      ...compared,
      comment: `other columns name ${entity.name} rows by it${how}; ${count} shared by a head office and its branches (${shown}), which name it as their parent: the head office, ${position} in the file, is linked`,
    };
  }
  return {
    entity: entity.name,
    column,
    ambiguous: "reject",
    ...compared,
    comment: `other columns name ${entity.name} rows by it${how}; ${count} held by several rows in the sample (${shown}): a row naming one is rejected with the keys it could be, rather than linked to a guess`,
  };
}

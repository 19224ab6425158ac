/**
 * A column that says what each row is, found from the rows rather than its words: a few values,
 * never blank, and each value's rows all of one sort or all of the other (organisations or
 * people, appointments or calls), as a test of the rows decides. Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { quote } from "./literals.js";

export interface RowTypes {
  readonly column: ColumnProfile;
  /** The column's values whose rows are of the first sort, and of the second. */
  readonly first: readonly string[];
  readonly second: readonly string[];
}

/** Where a row is: a column of such words types nothing, whatever its rows hold. */
const PLACE_WORDS: ReadonlySet<string> = new Set(["country", "city", "state", "zip", "street", "address", "district"]);

/**
 * Whether most of a column's values count something (`14 pv netto`, `Net 30`, `5-10 employees`):
 * a payment term or a size class may follow the kind of customer, but is none.
 */
function counts(column: ColumnProfile): boolean {
  const values = [...new Set(column.values.map((value) => value.trim()).filter((value) => value !== ""))];
  return values.filter((value) => /\d/.test(value)).length * 2 > values.length;
}

/**
 * Whether a column cannot be the one typing an entity's rows: the names being typed, a key, a
 * column of a different value on most rows (an address), where a row is (its country, city), or
 * how much of something (a payment term's days).
 */
export function typesNothing(entity: EntityProfile, column: ColumnProfile, names: ColumnProfile): boolean {
  return (
    column === names ||
    entity.key.includes(column.name) ||
    column.guess.distinct * 2 > column.guess.total ||
    column.words.some((word) => PLACE_WORDS.has(word)) ||
    counts(column)
  );
}

/**
 * The first column (not `skip`ped) whose every value `sortOf` its rows (or the value itself) calls
 * one sort or the other, both sorts present. A yes/no column may say it too (`Natural person: Y | N`), when `yesNo`.
 */
export function rowTypes(
  columns: readonly ColumnProfile[],
  skip: (column: ColumnProfile) => boolean,
  maxTypes: number,
  sortOf: (rows: readonly number[], value: string) => "first" | "second" | undefined,
  yesNo = false,
): RowTypes | undefined {
  for (const column of columns) {
    const typed = column.guess.type === "text" || (yesNo && column.guess.type === "boolean");
    if (skip(column) || !typed || column.guess.blank > 0) continue;
    const values = [...new Set(column.values.map((value) => value.trim()))];
    if (values.length < 2 || values.length > maxTypes) continue;
    const first: string[] = [];
    const second: string[] = [];
    for (const value of values) {
      const sort = sortOf(
        column.values.flatMap((candidate, row) => (candidate.trim() === value ? [row] : [])),
        value,
      );
      if (sort === "first") first.push(value);
      if (sort === "second") second.push(value);
    }
    if (first.length > 0 && second.length > 0 && first.length + second.length === values.length) return { column, first, second };
  }
  return undefined;
}

/** `tipo = "Empresa"`, or `tipo in ["Contacto", "Particular"]`. */
export function typeCondition(column: ColumnProfile, values: readonly string[]): string {
  // A yes/no column is read as one: the rows of its yes, or of its no.
  const yes = column.guess.booleanWords?.true;
  if (column.guess.type === "boolean" && yes !== undefined && values.length === 1)
    return yes.includes((values[0] ?? "").trim().toLowerCase()) ? column.name : `not ${column.name}`;
  const quoted = values.map(quote);
  return quoted.length === 1 ? `${column.name} = ${quoted[0] ?? '""'}` : `${column.name} in [${quoted.join(", ")}]`;
}

/**
 * A register of organisations and private persons that names both in one column, a type column
 * saying which each row is (`Klanttype: Bedrijf | Particulier` beside `Naam`): a firm by its
 * name, a private person by their own, often surname first as accounting programs write them
 * (`Jansen, Pieter`). No column holds a person's names apart, so the rows are told by how the
 * names in that one column read under each of the type's values. Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { hasLegalForm } from "./legal-forms.js";
import { rowTypes, typesNothing } from "./row-types.js";

/** A type column's organisation values and person values, and how its persons' names are written. */
export interface OneNameTypes {
  readonly column: ColumnProfile;
  readonly organisationValues: readonly string[];
  readonly personValues: readonly string[];
  /** Whether the persons' names are written surname first, with a comma (`Jansen, Pieter`). */
  readonly surnameFirst: boolean;
}

/** `Jansen, Pieter`, `van Dijk, Anna M.`: surnames, a comma, given names (and an initial). */
const SURNAME_FIRST = /^[\p{L}'’-]+(?:\s[\p{L}'’-]+){0,3},\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}$/u;
/** `Pieter Jansen`, `Anna van Dijk`: two or three words, the first and last capitalised. */
const GIVEN_FIRST = /^\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s[\p{L}'’-]+)?\s\p{Lu}\p{Ll}[\p{L}'’-]*$/u;

/** A type's rows whose names read as a person's nearly always are persons; nearly never, organisations. */
const PERSONS = 0.8;
const ORGANISATIONS = 0.35;
/** A register's types are few. */
const MAX_TYPES = 8;
/** Rows of a type needed before its names say anything. */
const ENOUGH_ROWS = 3;

/**
 * `NIKOLAOU MARIA`, `ΝΙΚΟΛΑΟΥ ΜΑΡΙΑ`: two words in capitals, as ERPs that keep every name in
 * capitals write a private person's, surname first without a comma.
 */
const CAPITALS_TWO = /^\p{Lu}{2,}\s\p{Lu}{2,}$/u;

/** Whether a name reads as a private person's: no legal form, and written as people's names are. */
export function personsName(value: string): boolean {
  const name = value.trim();
  return !hasLegalForm(name) && (SURNAME_FIRST.test(name) || GIVEN_FIRST.test(name) || CAPITALS_TWO.test(name));
}

/** Words of a column saying where a row is, which never says what it is. */

/**
 * The column typing a register's rows as organisations or private persons, found from the names
 * of one column: the rows of each of its values read as persons' names nearly always, or far
 * less often (a firm may bear its owner's name: `Stefan Persson Bygg`).
 */
export function oneNameTypes(entity: EntityProfile, names: ColumnProfile): OneNameTypes | undefined {
  const share = (rows: readonly number[]): number => rows.filter((row) => personsName(names.values[row] ?? "")).length / rows.length;
  const types = rowTypes(
    entity.columns,
    (column) => typesNothing(entity, column, names),
    MAX_TYPES,
    (rows) => {
      const persons = share(rows);
      // A type of a row or two (`Ulkomaat`, customers abroad) says little, but firms whose names
      // none reads as a person's are organisations.
      if (rows.length < ENOUGH_ROWS) return persons === 0 ? "first" : undefined;
      return persons >= PERSONS ? "second" : persons <= ORGANISATIONS ? "first" : undefined;
    },
    true,
  );
  if (types === undefined) return undefined;
  const personRows = types.column.values.flatMap((value, row) => (types.second.includes(value.trim()) ? [row] : []));
  const surnameFirst = personRows.filter((row) => SURNAME_FIRST.test((names.values[row] ?? "").trim())).length * 2 > personRows.length;
  return { column: types.column, organisationValues: types.first, personValues: types.second, surnameFirst };
}

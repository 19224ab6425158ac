/**
 * Rows holding an organisation and a person at once (`Raison sociale` beside `Prénom`, `Nom`,
 * `Fonction`), as many exports write their customers: some rows an organisation and the person to
 * talk to there, some an organisation alone, some a private person alone. Which columns belong to
 * which is read from the rows themselves: a column filled where only a person is, and empty where
 * only an organisation is, is the person's (their e-mail); the opposite is the organisation's (its
 * switchboard); one filled in both is whichever the row is about (an address, an owner). Where the
 * rows cannot tell (every row holds both), the header's words do. Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";

export interface MixedRows {
  /** The organisation's name: a row without it is a private person. */
  readonly organisationName: ColumnProfile;
  /** The person's (last) name: a row without it is an organisation alone. */
  readonly personName: ColumnProfile;
  /** The person's first name, when there is one. */
  readonly firstName?: ColumnProfile;
  /** Columns of the person (by name). */
  readonly person: ReadonlySet<string>;
  /** Columns of whichever the row is about: the organisation's, or a private person's. */
  readonly shared: ReadonlySet<string>;
  /** Rows holding both, an organisation alone, a person alone. */
  readonly rows: { readonly both: number; readonly organisation: number; readonly person: number };
}

/** Words of a person's columns, and of an organisation's, for when the rows cannot tell. */
const PERSON_WORDS: ReadonlySet<string> = new Set(["first", "last", "salutation", "title", "job", "mobile", "direct", "birthday", "department", "person"]);
const ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  "company",
  "registry",
  "vat",
  "legal",
  "website",
  "industry",
  "switchboard",
  "employees",
  "revenue",
  "group",
  "parent",
]);

/** A share of rows that makes a column "filled" there, and one that makes it "empty". */
const FILLED = 0.3;
const EMPTY = 0.05;
/** Rows of each kind needed before their fill says anything. */
const ENOUGH_ROWS = 3;

function filled(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}

function nameColumns(entity: EntityProfile): { organisationName?: ColumnProfile; personName?: ColumnProfile; firstName?: ColumnProfile } {
  const columns = entity.columns;
  const organisationName =
    columns.find((column) => column.words.includes("company") && column.words.includes("name")) ??
    columns.find((column) => column.words.length === 1 && column.words[0] === "company");
  const firstName = columns.find((column) => column.words.includes("first"));
  // `Nom` beside `Prénom` is the last name; a lone `Name` is not a person's.
  const personName =
    columns.find((column) => column.words.includes("last")) ??
    (firstName === undefined ? undefined : columns.find((column) => column !== organisationName && column.words.length === 1 && column.words[0] === "name")) ??
    columns.find(
      (column) => column !== organisationName && (column.words.includes("person") || column.words.includes("contact")) && column.words.includes("name"),
    );
  return {
    ...(organisationName === undefined ? {} : { organisationName }),
    ...(personName === undefined ? {} : { personName }),
    ...(firstName === undefined ? {} : { firstName }),
  };
}

/**
 * Whether an entity's rows mix organisations and people, and which columns are whose; undefined
 * when its columns name no organisation and no person, or either is nearly never filled.
 */
export function mixedRows(entity: EntityProfile): MixedRows | undefined {
  const { organisationName, personName, firstName } = nameColumns(entity);
  if (organisationName === undefined || personName === undefined || organisationName === personName) return undefined;
  const total = organisationName.values.length;
  const kinds = organisationName.values.map((value, row) => {
    const organisation = filled(value);
    const person = filled(personName.values[row]);
    return organisation && person ? "both" : organisation ? "organisation" : person ? "person" : "none";
  });
  const count = (kind: string): number => kinds.filter((candidate) => candidate === kind).length;
  const rows = { both: count("both"), organisation: count("organisation"), person: count("person") };
  if (rows.both + rows.person < total / 10 || rows.both + rows.organisation < total / 10) return undefined;
  const person = new Set<string>();
  const shared = new Set<string>();
  for (const column of entity.columns) {
    if (column === organisationName || entity.key.includes(column.name) || column.name === entity.modifiedColumn) continue;
    if (column === personName || column === firstName) {
      person.add(column.name);
      continue;
    }
    const side = sideOf(column, kinds, rows);
    if (side === "person") person.add(column.name);
    if (side === "shared") shared.add(column.name);
  }
  return { organisationName, personName, ...(firstName === undefined ? {} : { firstName }), person, shared, rows };
}

function sideOf(column: ColumnProfile, kinds: readonly string[], rows: MixedRows["rows"]): "person" | "organisation" | "shared" {
  if (rows.organisation >= ENOUGH_ROWS && rows.person >= ENOUGH_ROWS) {
    const share = (kind: string, of: number): number => column.values.filter((value, row) => kinds[row] === kind && filled(value)).length / of;
    const onOrganisations = share("organisation", rows.organisation);
    const onPeople = share("person", rows.person);
    if (onPeople >= FILLED && onOrganisations < EMPTY) return "person";
    if (onOrganisations >= FILLED && onPeople < EMPTY) return "organisation";
    if (onOrganisations >= FILLED && onPeople >= FILLED) return "shared";
  }
  if (column.words.some((word) => PERSON_WORDS.has(word))) return "person";
  if (column.words.some((word) => ORGANISATION_WORDS.has(word))) return "organisation";
  return "organisation";
}

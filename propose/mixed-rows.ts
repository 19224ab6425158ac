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
import { trimmedKey } from "./entity-rows.js";
import { hasLegalForm, namesOrganisations } from "./legal-forms.js";
import { oneNameTypes } from "./one-name-rows.js";
import { rowTypes, typesNothing } from "./row-types.js";
import { foldText } from "./words.js";

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
  /** When a column says what each row is (`Type: Company | Contact | Private`): its values for each. */
  readonly typed?: TypedRows;
}

/** A column telling organisation rows from person rows, and the person's column naming their organisation. */
export interface TypedRows {
  readonly column: ColumnProfile;
  readonly organisationValues: readonly string[];
  readonly personValues: readonly string[];
  /** A person's column holding the key of an organisation row of the same file (their employer). */
  readonly employer?: ColumnProfile;
  /**
   * When no column holds a person's names apart, and the organisation's name column names the
   * private persons too (`Jansen, Pieter`): whether they are written surname first.
   */
  readonly oneName?: { readonly surnameFirst: boolean };
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
    columns.find((column) => column.words.length === 1 && column.words[0] === "company") ??
    legalNames(entity);
  const lastName = columns.find((column) => column.words.includes("last"));
  // `Nombre` beside `Apellidos` is the first name, as `Nom` beside `Prénom` is the last.
  const firstName =
    columns.find((column) => column.words.includes("first")) ??
    (lastName === undefined ? undefined : columns.find((column) => column !== organisationName && column.words.length === 1 && column.words[0] === "name"));
  // A lone `Name` is not a person's.
  const personName =
    lastName ??
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
 * Where no header names the organisation, the values may: the column whose names end in a legal
 * form most often (`Aqua-Tech Sp. z o.o.`, `Stavby s.r.o.`), whatever its header's language.
 */
function legalNames(entity: EntityProfile): ColumnProfile | undefined {
  const candidates = entity.columns.filter(
    (column) => column.guess.type === "text" && !column.guess.multiline && !entity.key.includes(column.name) && namesOrganisations(column.values),
  );
  const formed = (column: ColumnProfile): number => column.values.filter(hasLegalForm).length;
  return candidates.sort((left, right) => formed(right) - formed(left))[0];
}

/**
 * Whether an entity's rows mix organisations and people, and which columns are whose; undefined
 * when its columns name no organisation and no person, or either is nearly never filled.
 */
export function mixedRows(entity: EntityProfile): MixedRows | undefined {
  const names = nameColumns(entity);
  const { personName, firstName } = names;
  if (personName === undefined) return names.organisationName === undefined ? undefined : oneNameRows(entity, names.organisationName);
  const found = typedRows(entity, personName, firstName, names.organisationName);
  const organisationName = names.organisationName ?? (found === undefined ? undefined : organisationNameOf(entity, found, personName));
  // The organisation's name found from the rows tells businesses run by a person from private persons too.
  const typed =
    names.organisationName === undefined && organisationName !== undefined ? (typedRows(entity, personName, firstName, organisationName) ?? found) : found;
  if (organisationName === undefined || organisationName === personName) return undefined;
  const total = organisationName.values.length;
  const kinds = organisationName.values.map((value, row) => {
    if (typed !== undefined) return typed.organisationValues.includes((typed.column.values[row] ?? "").trim()) ? "organisation" : "person";
    const organisation = filled(value);
    const person = filled(personName.values[row]);
    return organisation && person ? "both" : organisation ? "organisation" : person ? "person" : "none";
  });
  const count = (kind: string): number => kinds.filter((candidate) => candidate === kind).length;
  const rows = { both: count("both"), organisation: count("organisation"), person: count("person") };
  // A column typing the rows says so of a few private persons among many organisations too.
  const few = typed === undefined ? total / 10 : ENOUGH_ROWS;
  if (rows.both + rows.person < few || rows.both + rows.organisation < few) return undefined;
  const employer = typed === undefined ? undefined : employerColumn(entity, typed, kinds);
  const person = new Set<string>();
  const shared = new Set<string>();
  for (const column of entity.columns) {
    if (column === organisationName || entity.key.includes(column.name) || column.name === entity.modifiedColumn) continue;
    if (column === personName || column === firstName) {
      person.add(column.name);
      continue;
    }
    const side = column === employer ? "person" : sideOf(column, kinds, rows);
    if (side === "person") person.add(column.name);
    if (side === "shared") shared.add(column.name);
  }
  return {
    organisationName,
    personName,
    ...(firstName === undefined ? {} : { firstName }),
    person,
    shared,
    rows,
    ...(typed === undefined ? {} : { typed: { ...typed, ...(employer === undefined ? {} : { employer }) } }),
  };
}

/**
 * Organisations and private persons named in one column, a column typing the rows
 * (one-name-rows.ts): one partner a row, its name in that column, whichever it is.
 */
function oneNameRows(entity: EntityProfile, names: ColumnProfile): MixedRows | undefined {
  const types = oneNameTypes(entity, names);
  if (types === undefined) return undefined;
  const organisation = types.column.values.filter((value) => types.organisationValues.includes(value.trim())).length;
  const others = entity.columns.filter((column) => column !== names && column !== types.column && !entity.key.includes(column.name));
  return {
    organisationName: names,
    personName: names,
    person: new Set(),
    shared: new Set(others.map((column) => column.name)),
    rows: { both: 0, organisation, person: types.column.values.length - organisation },
    typed: {
      column: types.column,
      organisationValues: types.organisationValues,
      personValues: types.personValues,
      oneName: { surnameFirst: types.surnameFirst },
    },
  };
}

/** A row-type column has a few values and is never blank. */
const MAX_TYPES = 8;
/** A type's rows hold a person's name nearly always, or nearly never. */
const PERSON_TYPE = 0.8;
const ORGANISATION_TYPE = 0.05;

/**
 * A column that says what each row is, in whatever language (`Tipo: Empresa | Contacto |
 * Particular`, `Art: Firma | Person`): a few values, never blank, and for each value the rows
 * hold a person's name nearly always (people) or nearly never (organisations). Found from the
 * rows, not from the values' words.
 */
function typedRows(
  entity: EntityProfile,
  personName: ColumnProfile,
  firstName: ColumnProfile | undefined,
  organisationName: ColumnProfile | undefined,
): Omit<TypedRows, "employer"> | undefined {
  const named = (rows: readonly number[]): number => rows.filter((row) => filled(personName.values[row])).length / rows.length;
  const types = rowTypes(
    entity.columns,
    (column) => typesNothing(entity, column, personName),
    MAX_TYPES,
    (rows) => {
      // A type whose rows are businesses on some and private persons on others (`Sole trader: Y`
      // for both) does not tell them apart: a column that does is looked for instead.
      if (named(rows) >= PERSON_TYPE) {
        const business = businessShare(rows, organisationName, personName, firstName);
        return business >= BUSINESSES ? "first" : business <= PRIVATE_PERSONS ? "second" : undefined;
      }
      if (named(rows) <= ORGANISATION_TYPE) return "first";
      // Organisations some of which name the person running them (a sole trader's owner).
      const namedRows = rows.filter((row) => filled(personName.values[row]));
      return businessShare(namedRows, organisationName, personName, firstName) >= BUSINESSES ? "first" : undefined;
    },
    true,
  );
  return types === undefined ? undefined : { column: types.column, organisationValues: types.first, personValues: types.second };
}

/** Letters-only words of a name, folded, for comparing names written in different orders. */
function nameWords(value: string | undefined): string[] {
  return foldText(value ?? "")
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== "");
}

/** The share of a type's named rows that are businesses making it organisations, and the share that leaves it private persons. */
const BUSINESSES = 0.5;
const PRIVATE_PERSONS = 0.2;

/**
 * How many of the rows typed as holding a person's name are businesses run by that person (a
 * sole trader: `Ing. Belotti Giovanni`, `Serramenti Villa di Villa Luca` beside Belotti,
 * Giovanni): their organisation's name says more than the person's names, where a private
 * person's is those names alone (`Zanchi Gianluca`). A share of the rows compared, 0 when too
 * few are.
 */
function businessShare(
  rows: readonly number[],
  organisationName: ColumnProfile | undefined,
  personName: ColumnProfile,
  firstName: ColumnProfile | undefined,
): number {
  if (organisationName === undefined) return 0;
  let compared = 0;
  let more = 0;
  for (const row of rows) {
    const organisation = nameWords(organisationName.values[row]);
    const person = new Set([...nameWords(personName.values[row]), ...nameWords(firstName?.values[row])]);
    if (organisation.length === 0 || person.size === 0) continue;
    compared++;
    if (organisation.some((word) => !person.has(word))) more++;
  }
  return compared >= ENOUGH_ROWS ? more / compared : 0;
}

/**
 * Where the words do not say which column names an organisation, the rows do: the first text
 * column filled on every organisation row, with a different value on each (not a person's column).
 */
function organisationNameOf(entity: EntityProfile, typed: Omit<TypedRows, "employer">, personName: ColumnProfile): ColumnProfile | undefined {
  const organisationRows = typed.column.values.flatMap((value, row) => (typed.organisationValues.includes(value.trim()) ? [row] : []));
  return entity.columns.find((column) => {
    if (column === personName || column === typed.column || entity.key.includes(column.name) || column.guess.type !== "text") return false;
    const values = organisationRows.map((row) => (column.values[row] ?? "").trim());
    return values.every((value) => value !== "") && new Set(values).size === values.length;
  });
}

/**
 * In a file whose rows are each an organisation or a person, the person's column holding the key
 * of an organisation row (their employer, by code): blank on organisation rows, and most of its
 * values keys of organisation rows (a few name organisations deleted before the export).
 */
function employerColumn(entity: EntityProfile, typed: Omit<TypedRows, "employer">, kinds: readonly string[]): ColumnProfile | undefined {
  const keyColumn = entity.key.length === 1 ? entity.columns.find((column) => column.name === entity.key[0]) : undefined;
  if (keyColumn === undefined) return undefined;
  const organisationKeys = new Set(keyColumn.values.flatMap((value, row) => (kinds[row] === "organisation" ? [trimmedKey(value)] : [])));
  return entity.columns.find((column) => {
    if (column === keyColumn || column === typed.column) return false;
    if (column.values.some((value, row) => kinds[row] === "organisation" && filled(value))) return false;
    const values = [...new Set(column.values.map(trimmedKey).filter((value) => value !== ""))];
    return values.length >= 2 && values.filter((value) => organisationKeys.has(value)).length >= values.length * 0.8;
  });
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

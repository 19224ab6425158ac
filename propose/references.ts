/**
 * References between the entities of an export: a column holding another entity's keys (or, in
 * exports that link by name, its names), and `Parent Type` + `Parent ID` pairs pointing to records
 * of several entities. Pure.
 */
import { foldCase } from "../compiler/value-formats.js";
import { looseName } from "../runtime/source/match-keys.js";
import type { ColumnProfile, GroupProfile } from "./entities.js";
import { ID_WORDS, trimmedKey, type EntityRows, type KeyChoice } from "./entity-rows.js";
import { holdsIdentifiers } from "./tax-ids.js";
import type { FileGroup } from "./export.js";
import { conceptWords, foldText, similarity } from "./words.js";
import { findFullNameReference } from "./full-names.js";

export interface ReferenceProfile {
  readonly column: string;
  readonly entity: string;
  /** Share of the column's distinct values that are keys of the entity (dangling references lower it). */
  readonly found: number;
  readonly distinct: number;
  /** Found from the values alone: the column's name does not say so. */
  readonly byValuesOnly?: boolean;
  /** The entity's column whose values this column holds, when that is not its key: exports that link by name. */
  readonly byName?: string;
  /** With `byName`, the entity's second column of names: a full name written as the two joined (`ref person by first and last`). */
  readonly andName?: string;
  /** The names carry prefixes the entity's columns do not hold ("dr. Nagy Éva"): taken off before matching. */
  readonly prefixed?: boolean;
  /** Cells list several references with this separator (`Acme Ltd|Bolt plc`). */
  readonly separator?: string;
  /** With `byName`, the names are compared loosely (`unique match loose`): the other file spells them with other accents or punctuation. */
  readonly match?: "loose";
  /** Other entities whose keys the column also holds, row by row one or the other (an id of an opportunity or of an account). */
  readonly alternatives?: readonly string[];
}

/** A `Parent Type` + `Parent ID` pair: rows that point to records of several entities. */
export interface PolymorphicParent {
  readonly typeColumn: string;
  readonly idColumn: string;
  /**
   * Each value of the type column, and the entity it names; by the entity's column of names when
   * the id column holds those rather than keys for that type (an account's name, an opportunity's number).
   */
  readonly targets: readonly { readonly value: string; readonly entity: string; readonly byName?: string }[];
}

/** An entity being profiled: its files, rows, columns and key. */
export interface Draft {
  readonly group: FileGroup;
  readonly rows: EntityRows;
  readonly columns: ColumnProfile[];
  readonly groups: GroupProfile[];
  readonly key: KeyChoice;
}

export function keyValues(draft: Draft): Set<string> | undefined {
  if (draft.key.columns.length !== 1) return undefined;
  const column = draft.columns.find((candidate) => candidate.name === draft.key.columns[0]);
  if (column === undefined) return undefined;
  return new Set((draft.rows.columns.get(column.header) ?? []).map(trimmedKey).filter((value) => value !== ""));
}

const REFERENCE_FOUND = 0.8;
const REFERENCE_FOUND_BY_NAME = 0.5;
const VALUES_ONLY_FOUND = 0.95;

/** Which entity's keys a column holds: most of its values must be keys there, and its name must say so. */
export function findReferences(draft: Draft, drafts: readonly Draft[], keys: ReadonlyMap<Draft, Set<string>>): ReferenceProfile[] {
  const references: ReferenceProfile[] = [];
  for (const column of draft.columns) {
    if (draft.key.columns.length === 1 && draft.key.columns[0] === column.name) continue;
    if (column.guess.type !== "integer" && !IDENTIFYING_TYPES.has(column.guess.type)) continue;
    const values = [...new Set((draft.rows.columns.get(column.header) ?? []).map(trimmedKey).filter((value) => value !== ""))];
    if (values.length === 0) continue;
    let best: { reference: ReferenceProfile; score: number } | undefined;
    const byValuesOnly: ReferenceProfile[] = [];
    for (const other of drafts) {
      const otherKeys = keys.get(other);
      const keyColumn = other.columns.find((candidate) => candidate.name === other.key.columns[0]);
      if (otherKeys === undefined || keyColumn === undefined) continue;
      const found = values.filter((value) => otherKeys.has(value)).length / values.length;
      // Dangling references (deleted records) weigh heavily in a short column: a name saying so lowers the bar.
      if (found < REFERENCE_FOUND_BY_NAME) continue;
      const sameHeader = foldText(keyColumn.header) === foldText(column.header) && other !== draft;
      const meaningful = column.words.filter((word) => !ID_WORDS.has(word));
      const namesEntity = meaningful.some((word) => other.group.words.includes(word));
      const self = other === draft;
      // A self-reference needs a word saying so (`Parent Company ID`), or values that are plainly other rows' keys.
      const saysSelf = column.words.some((word) => SELF_WORDS.has(word));
      if (self && !saysSelf && !keysOfOtherRows(draft, column, values, found)) continue;
      // Another row of the same file, by a word saying so (`Nadřízená`, the superior) or by values plainly other rows' keys.
      const score = sameHeader ? 1 : namesEntity ? 0.8 + similarity(meaningful, other.group.words) * 0.1 : self ? 0.7 : 0;
      const reference: ReferenceProfile = { column: column.name, entity: other.group.name, found, distinct: values.length };
      if (score === 0) {
        if (!self && found >= VALUES_ONLY_FOUND) byValuesOnly.push({ ...reference, byValuesOnly: true });
        continue;
      }
      if (found < REFERENCE_FOUND && values.length >= 10) continue;
      if (best === undefined || score > best.score) best = { reference, score };
    }
    if (best !== undefined) references.push(best.reference);
    // Without a telling name (`co_ref`), the values alone decide, when they are keys of exactly one
    // entity and are not plain small numbers that the keys of several entities could share.
    else if (byValuesOnly.length === 1 && byValuesOnly[0] !== undefined && (values.some((value) => !/^\d+$/.test(value)) || values.length >= 20)) {
      references.push(byValuesOnly[0]);
    } else {
      const several = findKeysOfSeveral(draft, column.name, values, drafts, keys);
      const byName = several === undefined ? findNameReference(draft, column, drafts) : undefined;
      if (several !== undefined) references.push(several);
      else if (byName !== undefined) references.push(codeKeyReference(byName, draft, drafts, column) ?? byName);
      else {
        const fullName = findFullNameReference(draft, column, drafts);
        if (fullName !== undefined) references.push(fullName);
      }
    }
  }
  return references;
}

/**
 * A reference "by name" whose names are the other entity's key, written as codes that keep their
 * leading zeros (`03`, an agent's code): those are the keys, whatever the small numbers, when
 * nearly every value is one; a link by key, as a header saying so would make it, which reaches a
 * file of staff through their e-mail.
 */
function codeKeyReference(reference: ReferenceProfile, draft: Draft, drafts: readonly Draft[], column: ColumnProfile): ReferenceProfile | undefined {
  const other = drafts.find((candidate) => candidate.group.name === reference.entity);
  // Another row of the file (a head office by its code) stays a parent by that column.
  if (other === undefined || other === draft || other.key.columns.length !== 1 || other.key.columns[0] !== reference.byName) return undefined;
  if (column.guess.type !== "text" || reference.found < VALUES_ONLY_FOUND) return undefined;
  const values = [...new Set(column.values.map((value) => value.trim()).filter((value) => value !== ""))];
  if (!values.some((value) => /^0\d/.test(value))) return undefined;
  return { column: reference.column, entity: reference.entity, found: reference.found, distinct: reference.distinct, byValuesOnly: true };
}

/**
 * A column holding, row by row, the key of one entity or of another (a task's related record, an
 * opportunity's id or an account's): the entities' keys do not overlap, each holds a tenth of the
 * values at least, and together nearly all. Ids, not small numbers several entities share.
 */
function findKeysOfSeveral(
  draft: Draft,
  column: string,
  values: readonly string[],
  drafts: readonly Draft[],
  keys: ReadonlyMap<Draft, Set<string>>,
): ReferenceProfile | undefined {
  if (values.length < 10 || values.every((value) => /^\d+$/.test(value))) return undefined;
  const hits = drafts
    .filter((other) => other !== draft)
    .map((other) => ({ other, found: values.filter((value) => keys.get(other)?.has(value) === true) }))
    .filter(({ found }) => found.length >= values.length / 10)
    .sort((left, right) => right.found.length - left.found.length);
  const covered = new Set(hits.flatMap(({ found }) => found));
  const overlapping = hits.reduce((sum, { found }) => sum + found.length, 0) > covered.size;
  const [first, ...rest] = hits;
  if (first === undefined || rest.length === 0 || overlapping || covered.size < values.length * VALUES_ONLY_FOUND) return undefined;
  return {
    column,
    entity: first.other.group.name,
    found: covered.size / values.length,
    distinct: values.length,
    byValuesOnly: true,
    alternatives: rest.map(({ other }) => other.group.name),
  };
}

/**
 * Whether a column holds, without a word saying so, the keys of other rows of its own file (a
 * school naming the municipality that pays for it by its code): nearly all of its values are keys,
 * never the row's own, and they are codes rather than small numbers any column could hold.
 */
function keysOfOtherRows(draft: Draft, column: ColumnProfile, values: readonly string[], found: number): boolean {
  const key = draft.key.columns.length === 1 ? draft.columns.find((candidate) => candidate.name === draft.key.columns[0]) : undefined;
  if (key === undefined || found < VALUES_ONLY_FOUND || values.length < 2) return false;
  if (values.every((value) => /^\d+$/.test(value)) && values.length < 20) return false;
  return column.values.every((value, row) => value.trim() === "" || trimmedKey(value) !== trimmedKey(key.values[row] ?? ""));
}

/** Words saying a column of an entity points to another record of the same entity. */
const SELF_WORDS: ReadonlySet<string> = new Set(["parent", "group"]);

/**
 * The entity whose names a text column holds (a company's group parent, a matter's client, a
 * person's employers listed in one cell): most of its values, or of its cells' parts, are values
 * of a column that names the other entity's rows (unique, rarely blank, one line). A column of
 * the same entity must also say it points elsewhere (a parent, a group) and differ from the row's
 * own name.
 */
function findNameReference(draft: Draft, column: ColumnProfile, drafts: readonly Draft[]): ReferenceProfile | undefined {
  if (!IDENTIFYING_TYPES.has(column.guess.type) || column.guess.multiline) return undefined;
  const parts = column.list?.parts ?? column.values.map((value) => value.trim()).filter((value) => value !== "");
  // Compared as the run compares a link by a unique column: an ERP's names in capitals without
  // accents are a CRM's in ordinary spelling.
  const values = [...new Set(parts.map(foldCase))];
  const looseValues = [...new Set(parts.map(looseName))].filter((value) => value !== "");
  if (values.length < 2) return undefined;
  let best: { reference: ReferenceProfile; found: number } | undefined;
  for (const other of drafts) {
    const self = other === draft;
    const saysParent = column.words.some((word) => SELF_WORDS.has(word));
    for (const names of nameColumns(other)) {
      if (names === column || names.guess.type !== column.guess.type) continue;
      const known = valueSet(names);
      const exact = values.filter((value) => known.has(value)).length;
      const loose = looseFound(looseValues, names);
      // Two programs of one firm spelling its names with other accents (ş and ș) or punctuation
      // (`Kft` and `Kft.`): found loosely, as `unique match loose` compares them, when that finds more.
      const match = loose >= exact + LOOSELY_FOUND_MORE ? "loose" : undefined;
      const found = match === undefined ? exact / values.length : loose / looseValues.length;
      // A unique name found in another entity is strong evidence: half of them is enough (parents outside the export dangle).
      if (found < REFERENCE_FOUND_BY_NAME) continue;
      // Without a word saying so, another row of the same file (a head office by its tax number),
      // or a code that reads as a phone number, needs most of its values found; so do registry
      // and tax numbers, a firm's own: half of a CRM's found in the accounting program's are the
      // same firms in both, not their parents.
      if ((self && !saysParent) || column.guess.type !== "text" || holdsIdentifiers(column.values)) {
        if (found < REFERENCE_FOUND || values.length < 3) continue;
      }
      if (self && sameRowShare(column, names) > 0.1) continue;
      if (!self && !saysParent && ownNamesAgain(column, names)) continue;
      if (best !== undefined && found <= best.found) continue;
      const separator = column.list?.separator;
      best = {
        found,
        reference: {
          column: column.name,
          entity: other.group.name,
          found,
          distinct: values.length,
          byName: names.name,
          ...(match === undefined ? {} : { match }),
          ...(separator === undefined ? {} : { separator }),
        },
      };
    }
  }
  return best?.reference;
}

/**
 * Whether a column naming its own rows, one a row, under the same header as another file's names
 * (`Navn` in a CRM's companies and in the accounting program's debtors), holds the other file's
 * names because both hold the same records (two systems' copies of a firm), not because it links
 * to them: a link names a parent or an employer, several rows naming the same one, or says so.
 */
function ownNamesAgain(column: ColumnProfile, names: ColumnProfile): boolean {
  return namesRows(column) && foldText(column.header) === foldText(names.header);
}

/** Whether a column names an entity's rows: text, one line, unique and filled in nearly every row. */
export function namesRows(column: ColumnProfile, unique = 0.95): boolean {
  const guess = column.guess;
  const filled = guess.total - guess.blank;
  return guess.type === "text" && !guess.multiline && column.list === undefined && filled >= 2 && guess.distinct >= filled * unique && guess.maxLength <= 120;
}

/**
 * Names other files may use for an entity's rows need not all be unique: a branch keeping its head
 * office's trade name, two people of the same name. Nine in ten distinct is enough; the index
 * entity keeps the first row of a name.
 */
const NAMES_OTHERS_USE = 0.9;

/**
 * A column that tells an entity's rows apart, which other columns may use to name them: its name
 * (`namesRows`), or a code that is not its key, unique and filled in nearly every row (a tax
 * number, `12.345.678/0001-95`, which may even read as a phone number).
 */
function nameColumns(draft: Draft): ColumnProfile[] {
  return draft.columns.filter((column) => namesRows(column, NAMES_OTHERS_USE) || identifyingCode(column, draft.key.columns));
}

/** Text, or codes of digits and punctuation that read as phone numbers: what a row's own identifier may look like. */
const IDENTIFYING_TYPES: ReadonlySet<string> = new Set(["text", "phone"]);

function identifyingCode(column: ColumnProfile, key: readonly string[]): boolean {
  const guess = column.guess;
  const filled = guess.total - guess.blank;
  return IDENTIFYING_TYPES.has(guess.type) && !key.includes(column.name) && !guess.multiline && filled >= guess.total * 0.8 && guess.distinct >= filled * 0.98 && guess.maxLength <= 40;
}

/** The share of rows in which two columns of an entity hold the same value (a copy of the name is no reference). */
function sameRowShare(left: ColumnProfile, right: ColumnProfile): number {
  let same = 0;
  let filled = 0;
  left.values.forEach((value, row) => {
    if (value.trim() === "") return;
    filled++;
    if (value.trim() === (right.values[row] ?? "").trim()) same++;
  });
  return filled === 0 ? 0 : same / filled;
}

export function findPolymorphic(draft: Draft, drafts: readonly Draft[], keys: ReadonlyMap<Draft, Set<string>>): PolymorphicParent | undefined {
  for (const typeColumn of draft.columns) {
    if (typeColumn.guess.type !== "text" || typeColumn.guess.distinct < 2 || typeColumn.guess.distinct > 12) continue;
    const typeValues = draft.rows.columns.get(typeColumn.header) ?? [];
    const distinct = [...new Set(typeValues.map((value) => value.trim()).filter((value) => value !== ""))];
    const targets = distinct.flatMap((value) => {
      const words = conceptWords(value);
      const entity = drafts.find(
        (other) => other.group.words.length > 0 && other.group.words.every((word) => words.includes(word)) && words.length === other.group.words.length,
      );
      return entity === undefined ? [] : [{ value, entity }];
    });
    if (targets.length < 2 || targets.length < distinct.length) continue;
    const shared = typeColumn.words.filter((word) => word !== "type");
    for (const idColumn of draft.columns) {
      if (idColumn === typeColumn || draft.key.columns.includes(idColumn.name)) continue;
      if (!idColumn.words.some((word) => ID_WORDS.has(word)) || !shared.every((word) => idColumn.words.includes(word))) continue;
      const ids = draft.rows.columns.get(idColumn.header) ?? [];
      let checked = 0;
      let found = 0;
      typeValues.forEach((typeValue, row) => {
        const target = targets.find((candidate) => candidate.value === typeValue.trim());
        const id = trimmedKey(ids[row] ?? "");
        if (target === undefined || id === "") return;
        checked++;
        if (keys.get(target.entity)?.has(id) === true) found++;
      });
      if (checked > 0 && found / checked >= REFERENCE_FOUND) {
        return {
          typeColumn: typeColumn.name,
          idColumn: idColumn.name,
          targets: targets.map((target) => ({ value: target.value, entity: target.entity.group.name })),
        };
      }
    }
  }
  return findTypedRecords(draft, drafts, keys);
}

/**
 * A type column and a record column, whatever their headers say (`Σχετίζεται με` + `Σχετική
 * εγγραφή`): for each value of the type, the record column holds, on its rows, the keys or the
 * names of one other entity's rows (an opportunity's number, a contact's id, an account's name),
 * and the types name two entities at least. Found from the values, as the headers need not say.
 */
function findTypedRecords(draft: Draft, drafts: readonly Draft[], keys: ReadonlyMap<Draft, Set<string>>): PolymorphicParent | undefined {
  for (const typeColumn of draft.columns) {
    if (typeColumn.guess.type !== "text" || draft.key.columns.includes(typeColumn.name)) continue;
    const types = [...new Set(typeColumn.values.map((value) => value.trim()).filter((value) => value !== ""))];
    if (types.length < 2 || types.length > MAX_RECORD_TYPES || typeColumn.guess.blank * 2 > typeColumn.guess.total) continue;
    for (const idColumn of draft.columns) {
      if (idColumn === typeColumn || draft.key.columns.includes(idColumn.name) || !RECORD_TYPES.has(idColumn.guess.type)) continue;
      if (idColumn.guess.distinct <= types.length * 2) continue;
      const targets = types.map((value) => typeTarget(draft, drafts, keys, typeColumn, idColumn, value));
      const found = targets.filter((target): target is NonNullable<typeof target> => target !== undefined);
      if (found.length < types.length || new Set(found.map((target) => target.entity)).size < 2) continue;
      return { typeColumn: typeColumn.name, idColumn: idColumn.name, targets: found };
    }
  }
  return undefined;
}

/** A type column has a few values; the record column is text or ids. */
const MAX_RECORD_TYPES = 6;
const RECORD_TYPES: ReadonlySet<string> = new Set(["text", "integer", "phone"]);

/** The one entity whose keys, or whose names, the record column holds on the rows of one type. */
function typeTarget(
  draft: Draft,
  drafts: readonly Draft[],
  keys: ReadonlyMap<Draft, Set<string>>,
  typeColumn: ColumnProfile,
  idColumn: ColumnProfile,
  value: string,
): { value: string; entity: string; byName?: string } | undefined {
  const ids = idColumn.values.flatMap((id, row) => ((typeColumn.values[row] ?? "").trim() === value && id.trim() !== "" ? [id.trim()] : []));
  if (ids.length === 0) return undefined;
  const share = (known: ReadonlySet<string>, fold: (id: string) => string): number => ids.filter((id) => known.has(fold(id))).length / ids.length;
  const hits = drafts
    .filter((other) => other !== draft)
    .flatMap((other): { entity: string; byName?: string; found: number }[] => {
      const own = keys.get(other);
      const byKey = own === undefined ? [] : [{ entity: other.group.name, found: share(own, trimmedKey) }];
      const byName = nameColumns(other).map((names) => ({ entity: other.group.name, byName: names.name, found: share(valueSet(names), foldCase) }));
      return [...byKey, ...byName];
    })
    .filter((hit) => hit.found >= REFERENCE_FOUND)
    .sort((left, right) => right.found - left.found);
  const [best, second] = hits;
  // Ids several entities share (small numbers) say nothing.
  if (best === undefined || (second !== undefined && second.entity !== best.entity && second.found === best.found)) return undefined;
  return { value, entity: best.entity, ...(best.byName === undefined ? {} : { byName: best.byName }) };
}

const valueSets = new WeakMap<ColumnProfile, ReadonlySet<string>>();

/** A column's trimmed values as a set, built once: every other column is compared with it. */
/** Names found loosely beyond those found as written before a link by name is made loose: a coincidence or two is not the other program's spelling. */
const LOOSELY_FOUND_MORE = 2;

const looseSets = new WeakMap<ColumnProfile, ReadonlySet<string>>();

/** How many of the (loosely folded) values the column holds, compared loosely. */
function looseFound(values: readonly string[], column: ColumnProfile): number {
  let set = looseSets.get(column);
  if (set === undefined) {
    set = new Set(column.values.map(looseName));
    looseSets.set(column, set);
  }
  const known = set;
  return values.filter((value) => known.has(value)).length;
}

function valueSet(column: ColumnProfile): ReadonlySet<string> {
  let set = valueSets.get(column);
  if (set === undefined) {
    set = new Set(column.values.map((value) => foldCase(value.trim())));
    valueSets.set(column, set);
  }
  return set;
}

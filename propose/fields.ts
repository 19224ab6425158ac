/**
 * Which Odoo field a column most likely feeds, and how: name similarity (across English and
 * Dutch, against the field's name, label, help and the words exports use for it), times how well
 * the column's type fits the field (a date into a date field as is, text into a selection through
 * a value table, an e-mail into a user through a lookup). Pure.
 */
import type { OdooField, OdooModel, OdooSchema } from "../compiler/catalog/index.js";
import { readStep } from "./column-types.js";
import { CURRENCY_CODES, filledValues, isPercentage } from "./value-shapes.js";
import { ibanColumn } from "./account-files.js";
import { holdsActivityCodes } from "./nace.js";
import type { ColumnProfile } from "./entities.js";
import { hasLegalForm, namesOrganisations } from "./legal-forms.js";
import { holdsIdentifiers } from "./tax-ids.js";
import { EXTENSIBLE_MODELS, hintsFor, isBookkeepingField, LOOKUPS, NEGATED_HINTS, NEGATED_ROLES, PRIMARY_FIELDS, ROLE_FIELDS } from "./odoo-knowledge.js";
import type { ValueRole } from "./value-roles.js";
import { conceptWords, isFormWord, similarity } from "./words.js";
import { surnameInitialName, surnameInitialNames } from "./user-names.js";

/** The records a column points to: another map's alias, reached by key or, in exports that link by name, by name. */
export interface ColumnReference {
  readonly alias: string;
  readonly model: string;
  /** The column's name says what it points to (not its values alone). */
  readonly named: boolean;
  /** For names: the entity whose names these are and its column holding them, declared `unique` (`| ref company by name`). */
  readonly byName?: {
    readonly entity: string;
    readonly nameColumn: string;
    /** A full name joined from two columns: `by nameColumn and andColumn`, prefixes taken off first when `prefixed`. */
    readonly andColumn?: string;
    readonly prefixed?: boolean;
    /** Compared loosely (`unique match loose`). */
    readonly match?: "loose";
  };
  /** Cells listing several references with this separator. */
  readonly separator?: string;
  /**
   * Other records made from the same value, tried in turn: a row's person where it has no
   * organisation; another entity's record whose key the column holds on other rows. `sibling`:
   * the other target of the same split, made from the same key when the first is not.
   */
  readonly others?: readonly { readonly alias: string; readonly model: string; readonly sibling?: boolean }[];
}

/** A column as a target's body reads it: by name, or `group.column` inside a `for each`. */
export interface ColumnRef {
  readonly profile: ColumnProfile;
  readonly path: string;
  /** The records this column holds keys (or names) of (`references Company`). */
  readonly reference?: ColumnReference;
  /**
   * For keys of a file no map loads (agents by code): that file's column a lookup can find
   * existing records by (their e-mail), read with `get(Agent.email)`.
   */
  readonly through?: { readonly entity: string; readonly column: ColumnProfile };
}

/** How a column reaches a field. */
export type Conversion =
  | { readonly kind: "direct"; readonly factor: number; readonly steps: readonly string[] }
  /** Through a value table; `split` when each cell lists several values (tags). */
  | {
      readonly kind: "table";
      readonly factor: number;
      readonly output: ValueOutput;
      readonly split?: string;
      /** Steps before the table, and the values the table then reads (an activity code's division). */
      readonly steps?: readonly string[];
      readonly keys?: readonly string[];
    }
  /** Through the lookup LOOKUPS names `lookup` (a model, or `res.users#name`). */
  | { readonly kind: "lookup"; readonly factor: number; readonly lookup: string }
  /** `ref alias` of the records another map made; `first` of a list for a many2one. */
  | { readonly kind: "ref"; readonly factor: number; readonly alias: string; readonly reference: ColumnReference; readonly first: boolean }
  /** A yes/no saying the opposite of the field: `active <- not done`. */
  | { readonly kind: "negate"; readonly factor: number };

/** What a value table feeding a field produces: keys of a selection field, or records of a model. */
export type ValueOutput = { readonly kind: "selection"; readonly model: string; readonly field: string } | { readonly kind: "records"; readonly model: string };

/** What a table produces: a field's values, or text (the users' names a lookup then finds). */
export type TableOutput = ValueOutput | { readonly kind: "text" };

export interface FieldCandidate {
  readonly column: ColumnRef;
  readonly field: OdooField;
  readonly conversion: Conversion;
  /** Name similarity times type fit, 0 to 1. */
  readonly confidence: number;
  readonly nameScore: number;
  /** Proposed for the values' type, its header saying nothing: a table's fit does not lower it. */
  readonly byType?: boolean;
}

/** Above this a proposal is written as an assignment. */
export const ASSIGN_THRESHOLD = 0.6;
/** Between the two it is a `// TODO` line; below, the column becomes a custom field or is ignored. */
export const TODO_THRESHOLD = 0.35;

const MAX_TABLE_VALUES = 60;
const MAX_TITLES = 12;
const REFERENCE_FLOOR = 0.5;
const NAMED_REFERENCE_FLOOR = 0.75;
const KEY_BESIDE_NAME_FLOOR = 0.9;
/** How sure a column named after its entity is the records' name. */
const ENTITY_NAMED = 0.85;

/** Field types a proposal can write. */
const WRITABLE_TYPES: ReadonlySet<string> = new Set([
  "char",
  "text",
  "html",
  "selection",
  "integer",
  "float",
  "monetary",
  "boolean",
  "date",
  "datetime",
  "binary",
  "many2one",
  "many2many",
]);

/** Fields of a model worth proposing: writable, stored, not Odoo's bookkeeping (unless exports name them). */
export function candidateFields(model: OdooModel): OdooField[] {
  return Object.values(model.fields).filter((field) => {
    // A field that is not stored is still written when it has an inverse (an attachment's datas).
    if (!WRITABLE_TYPES.has(field.type) || (!field.store && field.writability.writable !== "yes")) return false;
    const hinted = hintsFor(model.name, field.name) !== undefined;
    if (field.writability.writable === "no") return false;
    if (field.writability.writable === "unknown" && !hinted) return false;
    if (field.type === "binary" && field.name !== "datas") return false;
    return hinted || !isBookkeepingField(field.name);
  });
}

const wordCache = new Map<string, string[]>();

function words(text: string): string[] {
  let cached = wordCache.get(text);
  if (cached === undefined) {
    cached = conceptWords(text);
    wordCache.set(text, cached);
  }
  return cached;
}

/** Words of a field name without Odoo's suffixes: `industry_id` → industry. */
function fieldNameWords(name: string): string[] {
  return words(name.replace(/_ids?$/, "").replace(/_/g, " "));
}

function firstSentence(help: string | undefined): string {
  if (help === undefined) return "";
  return (help.split(/[.\n]/)[0] ?? "").split(/\s+/).slice(0, 12).join(" ");
}

/**
 * How much a column's header says it holds a field, 0 to 1. Words naming the entity itself are
 * dropped first (`Deal Name` in deals is the name), unless nothing else is left.
 */
export function nameScore(columnWords: readonly string[], entityWords: readonly string[], model: string, field: OdooField): number {
  const own = columnWords.filter((word) => !entityWords.includes(word));
  // `Regelnummer` in quote lines is a line number, not just a number.
  const header = own.length > 0 && !own.every(isFormWord) ? own : columnWords;
  const hints = hintsFor(model, field.name);
  let best = 0;
  for (const hint of hints ?? []) best = Math.max(best, similarity(header, words(hint)));
  const known = hints === undefined ? 0.85 : 1;
  best = Math.max(best, similarity(header, fieldNameWords(field.name)) * 0.9 * known);
  best = Math.max(best, similarity(header, words(field.label)) * 0.9 * known);
  best = Math.max(best, similarity(header, words(firstSentence(field.help))) * 0.5 * known);
  // A header that only names the entity (`Organisation` in organisations, `Matter` in matters), or
  // its name (`Account Name` in accounts), holds each row's name.
  const entityName = own.length === 0 || (own.length === 1 && own[0] === "name");
  if (entityName && columnWords.length > 0 && field.name === "name") best = Math.max(best, ENTITY_NAMED);
  return best;
}

function isReferenceModel(schema: OdooSchema, model: string | undefined): boolean {
  if (model === undefined) return false;
  return EXTENSIBLE_MODELS.has(model) || (schema.references[model]?.length ?? 0) > 0;
}

/** The lines of a partner's address (not its post code, whose digits and dash may read as a phone number: `01310-100`). */
const ADDRESS_FIELDS: ReadonlySet<string> = new Set(["street", "street2", "city"]);

/** How the column's values can reach the field, and how natural that is (1: as they are). */
export function conversionFor(column: ColumnRef, field: OdooField, schema: OdooSchema, model: string): Conversion | undefined {
  const textual = field.type === "char" || field.type === "text" || field.type === "html";
  const type = column.profile.guess.type;
  const distinct = column.profile.guess.distinct;
  const read = readStep(column.profile.guess);
  // A column with outliers is declared text: other fields get it through its conversion; text
  // fields get the text as it is, as unnatural a fit as the type it mostly holds.
  const textSteps = field.type === "char" ? ["trim"] : field.type === "html" ? ["html"] : [];
  // A checked type (an e-mail) keeps its check in a text field; a number or date is kept as written.
  const checked = type === "email" || type === "phone" || type === "url";
  const direct = (factor: number, ...steps: string[]): Conversion => ({
    kind: "direct",
    factor,
    steps: read === undefined ? steps : textual ? (checked ? [read, ...textSteps.filter((step) => step !== "trim")] : textSteps) : [read, ...steps],
  });
  const reference = column.reference;
  if (reference !== undefined) {
    if ((field.type === "many2one" || field.type === "many2many") && field.relation === reference.model) {
      return { kind: "ref", factor: 1, alias: reference.alias, reference, first: field.type === "many2one" && reference.separator !== undefined };
    }
    // A reference is a record, not a value to copy; a char field may keep it as text, as a poor second.
    if (field.type !== "char") return undefined;
    return type === "text" || type === "integer" ? direct(0.6, ...(type === "text" ? ["trim"] : [])) : undefined;
  }
  if (field.type === "many2one" || field.type === "many2many") return relationConversion(column, field, schema, model);
  switch (field.type) {
    case "char":
      // An identifier (a reference, a VAT number) differs from record to record and holds a digit: a
      // pick-list is none, nor are words without a digit (`Müller Bau GmbH` under `Firma`), names whatever the header.
      if (
        IDENTIFIER_FIELDS.has(field.name) &&
        type === "text" &&
        (distinct * 2 < column.profile.guess.total - column.profile.guess.blank || wordsWithoutDigits(column.profile.values))
      )
        return direct(0.3, "trim");
      if (field.name === "website" && type === "text") return direct(1, "url");
      // An IBAN written in groups or small letters is one IBAN; one failing its check is reported and kept, compact, for a person to put right.
      if (field.name === "acc_number" && type === "text" && ibanColumn([column.profile]) !== undefined)
        return direct(1, `iban("flag") ?? ${column.path} | replace(" ", "") | upper`);
      // Salutations (`Mr`, `Dr.`, `Sra.`) are no job position.
      if (field.name === "function" && type === "text" && salutationShaped(column.profile.values)) return direct(0.5, "trim");
      // A line break in a one-line field is an export quirk (a two-line street), not a reason to doubt the field.
      if (type === "text") return direct(column.profile.guess.multiline ? 0.9 : 1, "trim");
      // A phone number, an e-mail or a web address is no line of an address (`Phone 2` is not `street2`).
      if (checked) return direct(ADDRESS_FIELDS.has(field.name) ? 0.3 : 1);
      if (type === "integer" || type === "decimal" || type === "money") return direct(0.6);
      if (type === "file") return direct(0.6);
      return direct(0.4, "text");
    case "text":
      if (type === "text") return direct(1);
      if (type === "email" || type === "phone" || type === "url" || type === "integer" || type === "decimal" || type === "money") return direct(0.6);
      return direct(0.4, "text");
    case "html":
      if (type === "text" || type === "email" || type === "phone" || type === "url") return direct(type === "text" ? 1 : 0.6, "html");
      return undefined;
    case "selection":
      if (type === "text" && distinct <= MAX_TABLE_VALUES) return { kind: "table", factor: 0.9, output: { kind: "selection", model, field: field.name } };
      return undefined;
    case "integer":
      if (type === "integer") return direct(1);
      if (type === "decimal" || type === "money") return direct(0.7, "integer");
      return undefined;
    case "float":
    case "monetary":
      if (type === "text" && percentages(column.profile.values)) return { kind: "direct", factor: 0.95, steps: ['replace("%", "")', 'number("flag")'] };
      return type === "integer" || type === "decimal" || type === "money" ? direct(1) : undefined;
    case "boolean":
      return type === "boolean" ? direct(1) : undefined;
    case "date":
      if (type === "date") return direct(1);
      if (type === "datetime") return direct(0.85, "date");
      return undefined;
    case "datetime":
      if (type === "datetime") return direct(1);
      if (type === "date") return direct(0.8, "datetime");
      return undefined;
    case "binary":
      return type === "file" ? direct(1, "file") : undefined;
    default:
      return undefined;
  }
}

/** A salutation's shape: a short word, often abbreviated (`Mr`, `Mrs.`, `Dott.`, `Sig.ra`), or abbreviations in a row (`Prof. Dr.`). */
const SALUTATION = /^(?:\p{L}{1,5}\.?(?:\p{L}{1,3})?|(?:\p{L}{1,5}\.\s?){2,3})$/u;

/** Whether a column's values are a few salutations rather than job titles. */
export function salutationShaped(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  return filled.length > 0 && new Set(filled).size <= 10 && filled.filter((value) => SALUTATION.test(value)).length >= filled.length * 0.8;
}

/** Whether nearly every filled value of a column is a percentage (placeholders aside). */
export function percentages(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  return filled.length > 0 && filled.filter(isPercentage).length >= filled.length * 0.9;
}

/** Whether nearly every filled value is two words or more without a digit, as names are and identifiers never. */
function wordsWithoutDigits(values: readonly string[]): boolean {
  const filled = filledValues(values);
  const named = filled.filter((value) => !/\d/.test(value) && /\p{L}{2,}\S*\s+\S*\p{L}/u.test(value));
  return filled.length > 0 && named.length >= filled.length * 0.9;
}

/** Char fields that identify a record, each holding its own value. */
const IDENTIFIER_FIELDS: ReadonlySet<string> = new Set(["ref", "vat", "company_registry", "barcode", "default_code", "code", "client_order_ref"]);

/**
 * How a column reaches a many2one or many2many of records the migration does not make: a lookup
 * of existing records (users by e-mail or by name, products by code), or a value table to
 * reference records (a stage, tags: each part of a listing cell).
 */
function relationConversion(column: ColumnRef, field: OdooField, schema: OdooSchema, model: string): Conversion | undefined {
  const relation = field.relation;
  if (relation === undefined) return undefined;
  const guess = column.through?.column.guess ?? column.profile.guess;
  const lookup = LOOKUPS[relation];
  // A partner found by e-mail is a message's author; a partner's own parent is not found so.
  if (lookup !== undefined && lookup.types.includes(guess.type) && !(relation === "res.partner" && model === "res.partner")) {
    return { kind: "lookup", factor: lookup.fit, lookup: relation };
  }
  // A region written as a code (`CA`, `NSW`) or as its name: Odoo ships every country's states.
  if (relation === "res.country.state" && guess.type === "text") {
    const filled = filledValues(column.profile.values);
    if (filled.length > 0 && filled.every((value) => /^\p{Lu}{2,3}$/u.test(value))) return { kind: "lookup", factor: 0.9, lookup: "res.country.state#code" };
    const named = (value: string): boolean => /^\p{Lu}[\p{L} .'’()/-]*\p{Ll}[\p{L} .'’()/-]*$/u.test(value);
    if (filled.length > 0 && filled.every(named)) return { kind: "lookup", factor: 0.9, lookup: "res.country.state" };
    // Names beside codes (`Prahova`, `PH`, Bucharest's `B`): either finds the state.
    if (filled.length > 0 && filled.every((value) => named(value) || /^\p{Lu}{1,3}$/u.test(value)))
      return { kind: "lookup", factor: 0.85, lookup: "res.country.state#name_or_code" };
    return undefined;
  }
  // Currencies written as their ISO codes (`RON`, `EUR`), as Odoo names them.
  if (relation === "res.currency" && guess.type === "text") {
    const filled = filledValues(column.profile.values).map((value) => value.toUpperCase());
    return filled.length > 0 && filled.every((value) => CURRENCY_CODES.has(value)) ? { kind: "lookup", factor: 0.9, lookup: "res.currency" } : undefined;
  }
  // Staff written as names: users, or a message's author (the user's own contact) by name.
  const byName = relation === "res.users" || (relation === "res.partner" && field.name === "author_id");
  if (byName && guess.type === "text" && surnameInitialNames(column.profile.values)) {
    const key = `${relation}#surname_initial`;
    return { kind: "lookup", factor: LOOKUPS[key]?.fit ?? 0.9, lookup: key };
  }
  if (byName && guess.type === "text" && (looksLikePersonNames(column.profile.values) || looksLikeInitials(column.profile.values))) {
    const key = `${relation}#name`;
    return { kind: "lookup", factor: LOOKUPS[key]?.fit ?? 0.9, lookup: key };
  }
  // An activity code (`4322`, CAEN or WZ) names its industry by its first two digits, the NACE division.
  if (relation === "res.partner.industry" && (guess.type === "text" || guess.type === "integer") && holdsActivityCodes(column.profile.values)) {
    const steps = [...(guess.type === "integer" ? ["text"] : []), "characters(1, 2)"];
    return { kind: "table", factor: 0.9, output: { kind: "records", model: relation }, steps, keys: column.profile.values.map((value) => value.trim().slice(0, 2)) };
  }
  if (guess.type !== "text" || !isReferenceModel(schema, relation)) return undefined;
  const list = column.profile.list;
  if (list !== undefined) {
    if (field.type !== "many2many" || new Set(list.parts).size > MAX_TABLE_VALUES) return undefined;
    return { kind: "table", factor: 0.9, output: { kind: "records", model: relation }, split: list.separator };
  }
  if (guess.distinct > MAX_TABLE_VALUES) return undefined;
  // Forms of address are few (Mr, Mrs, Dr.); a letter's opening with the person's name in it
  // (`Vážený pane Nováku`, Czech's vocative) is one per person, no title.
  if (relation === "res.partner.title" && guess.distinct > MAX_TITLES) return undefined;
  return { kind: "table", factor: field.type === "many2one" ? 0.9 : 0.8, output: { kind: "records", model: relation } };
}

/** Person names as exports write owners: `K. Vogel`, `Vogel, Klaus`, `MARTIN Julien`, `Klaus Vogel`. */
const PERSON_NAME = [
  /^\p{Lu}\.\s?(?:\p{Lu}\.\s?)*\p{Lu}[\p{L}'’-]+$/u,
  // `Vogel, Klaus`, `García López, María`, `van Dijk, Anna`: surnames, a comma, given names.
  /^[\p{L}'’-]+(?:\s[\p{L}'’-]+){0,3},\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u,
  /^\p{Lu}[\p{Lu}'’-]+(?:\s\p{Lu}[\p{Lu}'’-]+)*\s\p{Lu}\p{Ll}[\p{L}'’-]*$/u,
  /^\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s\p{Lu}\p{Ll}[\p{L}'’-]*){1,2}$/u,
  // `ROTA DAVIDE`: surname and given name in capitals, as ERPs write their users.
  /^\p{Lu}[\p{Lu}'’-]+(?:\s\p{Lu}[\p{Lu}'’-]+){1,2}$/u,
  // `Ana Paula F.`: given names, then a surname's initial, as CRMs shorten their users.
  { test: surnameInitialName },
];

/** The names of a handful of people, each on many rows: a firm's staff, who own records. */
const staffColumns = new WeakMap<readonly string[], boolean>();

/** looksLikeStaff, once per column: it is asked for every field a column is scored against. */
function staffValues(values: readonly string[]): boolean {
  let known = staffColumns.get(values);
  if (known === undefined) {
    known = looksLikeStaff(values);
    staffColumns.set(values, known);
  }
  return known;
}

function looksLikeStaff(values: readonly string[]): boolean {
  const distinct = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ""))];
  if (distinct.length > 20 || !looksLikePersonNames(values) || distinct.some(hasLegalForm)) return false;
  // Labels share a word (`New Business`, `Existing Business`); a team's names do not.
  const words = distinct.map(
    (value) =>
      new Set(
        value
          .toLowerCase()
          .split(/[\s,.]+/)
          .filter((word) => word.length > 1),
      ),
  );
  const [first, ...others] = words;
  return first === undefined || ![...first].some((word) => others.every((other) => other.has(word)));
}

const personColumns = new WeakMap<readonly string[], boolean>();

/** Whether a column's values are the names of a few people, each named on several rows (staff, not customers). */
export function looksLikePersonNames(values: readonly string[]): boolean {
  let known = personColumns.get(values);
  if (known === undefined) {
    known = personNames(values);
    personColumns.set(values, known);
  }
  return known;
}

/**
 * Whether a column's values are people's names, nearly each on a row of its own (the person in
 * charge at each branch), not a handful of staff nor firms' names.
 */
export function namesOnePersonEach(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  const distinct = [...new Set(filled)];
  if (distinct.length < 3 || distinct.length < filled.length * 0.8 || distinct.some(hasLegalForm)) return false;
  return distinct.filter((value) => PERSON_NAME.some((pattern) => pattern.test(value))).length >= distinct.length * 0.8;
}

function personNames(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  const distinct = [...new Set(filled)];
  if (distinct.length < 2 || distinct.length > 60 || distinct.length * 2 > filled.length) return false;
  return distinct.filter((value) => PERSON_NAME.some((pattern) => pattern.test(value))).length >= distinct.length * 0.8;
}

/**
 * Staff written as their initials (`MGL`, `JSR`: two to four capitals) or as the login-like codes
 * ERPs give their operators (`ANOWAK`: an initial glued to the surname), a handful of them, each
 * on several rows. Codes look alike (`NL`, `EUR`), so this is only asked of a column whose header
 * already pointed it to a user field, never to choose the field.
 */
export function looksLikeInitials(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  const distinct = [...new Set(filled)];
  if (distinct.length < 2 || distinct.length > 40 || distinct.length * 2 > filled.length) return false;
  const initials = distinct.filter((value) => /^\p{Lu}{2,15}$/u.test(value) && !CURRENCY_CODES.has(value));
  return initials.length >= distinct.length * 0.8;
}

/** Every plausible (column, field) pair of a target, best first. */
export function scoreCandidates(
  columns: readonly ColumnRef[],
  fields: readonly OdooField[],
  entityWords: readonly string[],
  schema: OdooSchema,
  model: string,
  roles: ReadonlyMap<ColumnProfile, ValueRole> = new Map(),
): FieldCandidate[] {
  const candidates: FieldCandidate[] = [];
  for (const column of columns) {
    const role = roles.get(column.profile);
    // A column blank throughout says nothing; one of a file without rows still has its name.
    if (column.profile.guess.total > 0 && column.profile.guess.blank === column.profile.guess.total) continue;
    for (const field of fields) {
      const conversion = conversionFor(column, field, schema, model);
      if (conversion === undefined) continue;
      const named = nameScore(column.profile.words, entityWords, model, field);
      const negatedRole = role !== undefined && NEGATED_ROLES[model]?.[role] === field.name ? TYPE_FLOOR / NEGATION_FIT : 0;
      const negated = field.type === "boolean" && conversion.kind === "direct" ? Math.max(negatedRole, negatedScore(column.profile.words, model, field)) : 0;
      if (negated > named) {
        if (negated * NEGATION_FIT >= TODO_THRESHOLD)
          candidates.push({ column, field, conversion: { kind: "negate", factor: NEGATION_FIT }, confidence: negated * NEGATION_FIT, nameScore: negated });
        continue;
      }
      const floor =
        conversion.kind === "ref"
          ? referenceFloor(conversion.reference, field, fields, columns, column)
          : Math.max(typeFloor(column, field, model), roleFloor(role, field, model));
      // The day a row was entered fits a date field by its type alone, and is none of them (Odoo keeps its own).
      if (floor > named && column.profile.words.includes("created")) continue;
      const score = Math.max(named, floor);
      if (score < TODO_THRESHOLD) continue;
      const confidence = score * conversion.factor;
      if (floor > named && confidence < ASSIGN_THRESHOLD && floor >= ASSIGN_THRESHOLD) {
        // The type says it; the conversion's doubt (a table's fit) is already in the floor.
        candidates.push({ column, field, conversion, confidence: ASSIGN_THRESHOLD, nameScore: score, byType: true });
        continue;
      }
      if (confidence < TODO_THRESHOLD) continue;
      candidates.push({ column, field, conversion, confidence, nameScore: score });
    }
  }
  return candidates.sort(compareCandidates);
}

const NEGATION_FIT = 0.9;

/** How much a column's header says the opposite of a boolean field (`Done` of an activity's `active`). */
function negatedScore(columnWords: readonly string[], model: string, field: OdooField): number {
  const hints = NEGATED_HINTS[model]?.[field.name] ?? [];
  return hints.reduce((best, hint) => Math.max(best, similarity(columnWords, words(hint))), 0);
}

/**
 * How sure a reference feeds a field pointing to its records, whatever its header says: a column
 * whose values alone say it (`co_ref`) only as a TODO, unless it is the row's one column of those
 * records' keys and the field Odoo requires (a quote's customer); one whose name says it too
 * (`AP-Nr` in opportunities, the key header of the people) surely, when the field is the model's
 * one link to those records.
 */
function referenceFloor(reference: ColumnReference, field: OdooField, fields: readonly OdooField[], columns: readonly ColumnRef[], column: ColumnRef): number {
  const links = fields.filter((other) => (other.type === "many2one" || other.type === "many2many") && other.relation === field.relation);
  if (links.length !== 1) return REFERENCE_FLOOR;
  if (reference.named) return NAMED_REFERENCE_FLOOR;
  // Codes of letters (`GAZINSTALSER`), nearly all another file's keys, are no chance match as
  // small numbers may be: the row's one column of such codes of those records links them.
  const codes = (other: ColumnRef): boolean => other.reference?.model === reference.model && other.reference.byName === undefined && lettered(other.profile.values);
  if (codes(column) && columns.filter(codes).length === 1) return NAMED_REFERENCE_FLOOR;
  const alone = columns.filter((other) => other.reference?.model === reference.model).length === 1;
  // The row's one column of those records' keys, filled on every row (each person under a firm of
  // the address book by its number): every row belongs to one of them.
  if (alone && column.profile.guess.blank === 0 && column.profile.guess.total >= 10) return NAMED_REFERENCE_FLOOR;
  // The records' keys beside their names (a CRM's ERP code beside the account's name) link surely
  // too: the keys exactly, where the names, spelled otherwise, find nothing.
  if (reference.byName === undefined && columns.some((column) => column.reference?.model === reference.model && column.reference.byName !== undefined))
    return KEY_BESIDE_NAME_FLOOR;
  return alone && needed(field) ? NAMED_REFERENCE_FLOOR : REFERENCE_FLOOR;
}

/** Whether nine in ten of a column's filled values hold two letters or more: codes, not numbers. */
function lettered(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  return filled.length > 0 && filled.filter((value) => /\p{L}.*\p{L}/u.test(value)).length >= filled.length * 0.9;
}

/**
 * The e-mail addresses of a handful of people, each on many rows, all at one domain: a firm's
 * staff, who own the records (`k.wojcik@instalterm.pl`), not the records' own addresses.
 */
function staffAddresses(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim().toLowerCase()).filter((value) => value !== "");
  const distinct = [...new Set(filled)];
  if (distinct.length < 2 || distinct.length > 20 || distinct.length * 5 > filled.length) return false;
  return new Set(distinct.map((address) => address.slice(address.indexOf("@") + 1))).size === 1;
}

/** How sure a column feeds its model's primary field for its type, whatever its header says. */
const TYPE_FLOOR = 0.65;

function typeFloor(column: ColumnRef, field: OdooField, model: string): number {
  const primary = PRIMARY_FIELDS[model];
  if (primary === undefined) return 0;
  const type = column.profile.guess.type;
  // Keys of a file of staff found by their e-mail (an agent's code): the records' owners.
  const kind =
    column.through?.column.guess.type === "email"
      ? "staff"
      : column.profile.list !== undefined
      ? "list"
      : type === "text" && ibanColumn([column.profile]) !== undefined
      ? "iban"
      : type === "email" && staffAddresses(column.profile.values)
        ? "staff"
        : type === "email" || (type === "phone" && !holdsIdentifiers(column.profile.values)) || type === "url" || type === "money"
        ? type
        : type === "text" && staffValues(column.profile.values)
          ? "staff"
          : type === "text" && namesOrganisations(column.profile.values)
            ? "organisation"
            : undefined;
  return kind !== undefined && primary[kind] === field.name ? TYPE_FLOOR : 0;
}

/** How sure a column of a role its values tell feeds a field, whatever its header says (value-roles.ts). */
function roleFloor(role: ValueRole | undefined, field: OdooField, model: string): number {
  return role !== undefined && ROLE_FIELDS[model]?.[role] === field.name && NEGATED_ROLES[model]?.[role] !== field.name ? TYPE_FLOOR : 0;
}

/** A field Odoo needs and cannot fill itself. */
function needed(field: OdooField): boolean {
  return field.required && !field.hasDefault;
}

/** Best first; on a tie a field Odoo requires wins (a lead's one title is its name, not its notes). */
export function compareCandidates(left: FieldCandidate, right: FieldCandidate): number {
  const difference = right.confidence - left.confidence;
  if (Math.abs(difference) > 1e-9) return difference;
  if (needed(left.field) !== needed(right.field)) return needed(left.field) ? -1 : 1;
  return left.field.name < right.field.name ? -1 : left.field.name > right.field.name ? 1 : 0;
}

/** `90%` */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

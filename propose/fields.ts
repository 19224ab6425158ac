/**
 * Which Odoo field a column most likely feeds, and how: name similarity (across English and
 * Dutch, against the field's name, label, help and the words exports use for it), times how well
 * the column's type fits the field (a date into a date field as is, text into a selection through
 * a value table, an e-mail into a user through a lookup). Pure.
 */
import type { OdooField, OdooModel, OdooSchema } from "../compiler/catalog/index.js";
import { readStep } from "./column-types.js";
import type { ColumnProfile } from "./entities.js";
import { EXTENSIBLE_MODELS, hintsFor, isBookkeepingField, LOOKUPS } from "./odoo-knowledge.js";
import { conceptWords, isFormWord, similarity } from "./words.js";

/** A column as a target's body reads it: by name, or `group.column` inside a `for each`. */
export interface ColumnRef {
  readonly profile: ColumnProfile;
  readonly path: string;
  /** The alias and model of the records this column holds keys of (`references Company`). */
  readonly reference?: { readonly alias: string; readonly model: string };
}

/** How a column reaches a field. */
export type Conversion =
  | { readonly kind: "direct"; readonly factor: number; readonly steps: readonly string[] }
  | { readonly kind: "table"; readonly factor: number; readonly output: TableOutput }
  /** Through the lookup of existing records of `lookup` (a model of LOOKUPS). */
  | { readonly kind: "lookup"; readonly factor: number; readonly lookup: string }
  | { readonly kind: "ref"; readonly factor: number; readonly alias: string };

/** What a value table produces: keys of a selection field, or records of a model. */
export type TableOutput = { readonly kind: "selection"; readonly model: string; readonly field: string } | { readonly kind: "records"; readonly model: string };

export interface FieldCandidate {
  readonly column: ColumnRef;
  readonly field: OdooField;
  readonly conversion: Conversion;
  /** Name similarity times type fit, 0 to 1. */
  readonly confidence: number;
  readonly nameScore: number;
}

/** Above this a proposal is written as an assignment. */
export const ASSIGN_THRESHOLD = 0.6;
/** Between the two it is a `// TODO` line; below, the column becomes a custom field or is ignored. */
export const TODO_THRESHOLD = 0.35;

const MAX_TABLE_VALUES = 60;
const REFERENCE_FLOOR = 0.5;

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
  return best;
}

function isReferenceModel(schema: OdooSchema, model: string | undefined): boolean {
  if (model === undefined) return false;
  return EXTENSIBLE_MODELS.has(model) || (schema.references[model]?.length ?? 0) > 0;
}

/** How the column's values can reach the field, and how natural that is (1: as they are). */
export function conversionFor(column: ColumnRef, field: OdooField, schema: OdooSchema, model: string): Conversion | undefined {
  const textual = field.type === "char" || field.type === "text" || field.type === "html";
  const type = column.profile.guess.type;
  const distinct = column.profile.guess.distinct;
  const read = readStep(column.profile.guess);
  // A column with outliers is declared text: other fields get it through its conversion; text
  // fields get the text as it is, as unnatural a fit as the type it mostly holds.
  const textSteps = field.type === "char" ? ["trim"] : field.type === "html" ? ["html"] : [];
  const direct = (factor: number, ...steps: string[]): Conversion => ({
    kind: "direct",
    factor,
    steps: read === undefined ? steps : textual ? textSteps : [read, ...steps],
  });
  if (column.reference !== undefined) {
    if ((field.type === "many2one" || field.type === "many2many") && field.relation === column.reference.model) {
      return { kind: "ref", factor: 1, alias: column.reference.alias };
    }
    // A reference is a record, not a value to copy; a char field may keep it as text, as a poor second.
    if (field.type !== "char") return undefined;
    return type === "text" || type === "integer" ? direct(0.6, ...(type === "text" ? ["trim"] : [])) : undefined;
  }
  switch (field.type) {
    case "char":
      if (field.name === "website" && type === "text") return direct(1, "url");
      // A line break in a one-line field is an export quirk (a two-line street), not a reason to doubt the field.
      if (type === "text") return direct(column.profile.guess.multiline ? 0.9 : 1, "trim");
      if (type === "email" || type === "phone" || type === "url") return direct(1);
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
    case "many2one":
    case "many2many": {
      const relation = field.relation;
      const lookup = relation === undefined ? undefined : LOOKUPS[relation];
      if (lookup !== undefined && lookup.types.includes(type)) return { kind: "lookup", factor: lookup.fit, lookup: lookup.model };
      if (type === "text" && distinct <= MAX_TABLE_VALUES && isReferenceModel(schema, relation) && relation !== undefined) {
        return { kind: "table", factor: field.type === "many2one" ? 0.9 : 0.8, output: { kind: "records", model: relation } };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Every plausible (column, field) pair of a target, best first. */
export function scoreCandidates(
  columns: readonly ColumnRef[],
  fields: readonly OdooField[],
  entityWords: readonly string[],
  schema: OdooSchema,
  model: string,
): FieldCandidate[] {
  const candidates: FieldCandidate[] = [];
  for (const column of columns) {
    // A column blank throughout says nothing; one of a file without rows still has its name.
    if (column.profile.guess.total > 0 && column.profile.guess.blank === column.profile.guess.total) continue;
    for (const field of fields) {
      const conversion = conversionFor(column, field, schema, model);
      if (conversion === undefined) continue;
      // A column whose values are another entity's keys may feed a field pointing to those
      // records even when its name says nothing: proposed, but only as a TODO.
      const named = nameScore(column.profile.words, entityWords, model, field);
      const score = conversion.kind === "ref" ? Math.max(named, REFERENCE_FLOOR) : named;
      if (score < TODO_THRESHOLD) continue;
      const confidence = score * conversion.factor;
      if (confidence < TODO_THRESHOLD) continue;
      candidates.push({ column, field, conversion, confidence, nameScore: score });
    }
  }
  return candidates.sort(compareCandidates);
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

/**
 * The types of values flowing through pipelines, and which Odoo fields accept which types.
 * docs/language.md ("Types and assignability") states the same table in words; keep them together.
 */
import type { OdooField } from "./catalog/index.js";

export type TextFlavor = "email" | "phone" | "url" | "html";

export type ValueType =
  | { readonly kind: "text"; readonly flavor?: TextFlavor }
  | { readonly kind: "integer" }
  | { readonly kind: "decimal" }
  | { readonly kind: "date" }
  | { readonly kind: "datetime" }
  | { readonly kind: "boolean" }
  /** A path to a file in the export folder, as written in the export. */
  | { readonly kind: "file" }
  /** File content, base64, as Odoo's binary fields take it. */
  | { readonly kind: "binary" }
  /** A record of an Odoo model (an external ID or an id); `model` undefined: any model (res_id). */
  | { readonly kind: "record"; readonly model: string | undefined }
  | { readonly kind: "list"; readonly item: ValueType }
  /** After an error: accepted everywhere, so that one mistake is reported once. */
  | { readonly kind: "unknown" };

export const TEXT: ValueType = { kind: "text" };
export const INTEGER: ValueType = { kind: "integer" };
export const DECIMAL: ValueType = { kind: "decimal" };
export const DATE: ValueType = { kind: "date" };
export const DATETIME: ValueType = { kind: "datetime" };
export const BOOLEAN: ValueType = { kind: "boolean" };
export const FILE: ValueType = { kind: "file" };
export const BINARY: ValueType = { kind: "binary" };
export const UNKNOWN: ValueType = { kind: "unknown" };

export function text(flavor?: TextFlavor): ValueType {
  return flavor === undefined ? TEXT : { kind: "text", flavor };
}

export function record(model: string | undefined): ValueType {
  return { kind: "record", model };
}

export function list(item: ValueType): ValueType {
  return { kind: "list", item };
}

/** The type of a source column declared with `type` (text, integer, money, ...). */
export function columnValueType(declared: string): ValueType | undefined {
  switch (declared) {
    case "text":
      return TEXT;
    case "email":
    case "phone":
    case "url":
      return text(declared);
    case "integer":
      return INTEGER;
    case "decimal":
    case "money":
      return DECIMAL;
    case "date":
      return DATE;
    case "datetime":
      return DATETIME;
    case "boolean":
      return BOOLEAN;
    case "file":
      return FILE;
    default:
      return undefined;
  }
}

export function describeType(type: ValueType): string {
  switch (type.kind) {
    case "text":
      return type.flavor === undefined ? "text" : type.flavor === "html" ? "html" : `text (${type.flavor})`;
    case "record":
      return type.model === undefined ? "a record" : `a ${type.model} record`;
    case "list":
      return type.item.kind === "unknown" ? "a list" : `a list of ${describeType(type.item)}`;
    case "unknown":
      return "unknown";
    default:
      return type.kind;
  }
}

/** "an integer field", "a char field". */
export function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

export function sameType(left: ValueType, right: ValueType): boolean {
  if (left.kind !== right.kind) return false;
  if (left.kind === "record" && right.kind === "record") return left.model === right.model;
  if (left.kind === "list" && right.kind === "list") return sameType(left.item, right.item);
  return true;
}

/** Whether a value of type `value` can stand where `wanted` is expected (e.g. a built-in's input). */
export function isAssignableTo(value: ValueType, wanted: ValueType): boolean {
  if (value.kind === "unknown" || wanted.kind === "unknown") return true;
  if (wanted.kind === "text") return value.kind === "text" && (wanted.flavor === undefined || wanted.flavor === value.flavor);
  if (wanted.kind === "decimal") return value.kind === "decimal" || value.kind === "integer";
  if (wanted.kind === "record") return value.kind === "record" && (wanted.model === undefined || value.model === undefined || wanted.model === value.model);
  if (wanted.kind === "list") return value.kind === "list" && isAssignableTo(value.item, wanted.item);
  return value.kind === wanted.kind;
}

/** The common type of alternatives (`a ?? b`, `if ... then a else b`), or undefined when they disagree. */
export function unify(types: readonly ValueType[]): ValueType | undefined {
  const known = types.filter((type) => type.kind !== "unknown");
  const first = known[0];
  if (first === undefined) return UNKNOWN;
  let result: ValueType = first;
  for (const type of known.slice(1)) {
    if (sameType(result, type)) continue;
    if (result.kind === "text" && type.kind === "text") result = TEXT;
    else if ((result.kind === "integer" && type.kind === "decimal") || (result.kind === "decimal" && type.kind === "integer")) result = DECIMAL;
    else if (result.kind === "record" && type.kind === "record") result = record(undefined);
    else return undefined;
  }
  return result;
}

/** How a value reaches an Odoo field: accepted as is, or refused with advice. */
export type FieldAcceptance = { readonly accepted: true } | { readonly accepted: false; readonly advice: string };

const ACCEPTED: FieldAcceptance = { accepted: true };

function refused(advice: string): FieldAcceptance {
  return { accepted: false, advice };
}

/** The date and datetime formats of the export a value is read from (its source's `csv { date ... }`). */
export interface ExportFormats {
  readonly date: string;
  readonly datetime: string;
}

/** `| date` reads the source's format: the advice names it, so that a specialist sees it is the export's. */
function conversionAdvice(step: "date" | "datetime", formats: ExportFormats | undefined): string {
  if (formats === undefined) return `convert it with \`| ${step}("...")\`, in the format of the export`;
  return `convert it with \`| ${step}\` (it reads the export's ${step} format, "${formats[step]}")`;
}

/**
 * Whether Odoo's `field` takes a value of type `value`. Numbers go into char and text fields as
 * written; everything else needs an explicit conversion, so that a specialist sees every place
 * where a value changes form. `formats` are those of the export the value comes from.
 */
export function fieldAccepts(field: OdooField, value: ValueType, formats?: ExportFormats): FieldAcceptance {
  if (value.kind === "unknown") return ACCEPTED;
  switch (field.type) {
    case "char":
    case "text":
      if (value.kind === "text" || value.kind === "integer" || value.kind === "decimal") return ACCEPTED;
      if (value.kind === "date" || value.kind === "datetime" || value.kind === "boolean") return refused("turn it into text with `| text`");
      break;
    case "html":
      if (value.kind === "text") return ACCEPTED;
      break;
    case "selection":
      if (value.kind === "text") return ACCEPTED;
      if (value.kind === "integer") return refused("selection keys are text: map the numbers to keys with a table");
      break;
    case "integer":
      if (value.kind === "integer") return ACCEPTED;
      if (value.kind === "text") return refused("convert it with `| integer`");
      if (value.kind === "decimal") return refused("round it with `| integer`");
      break;
    case "float":
    case "monetary":
      if (value.kind === "integer" || value.kind === "decimal") return ACCEPTED;
      if (value.kind === "text") return refused("convert it with `| number` (or `| money` for amounts with a currency sign)");
      break;
    case "boolean":
      if (value.kind === "boolean") return ACCEPTED;
      if (value.kind === "text") return refused("convert it with `| boolean` (yes/no, ja/nee, true/false, 1/0)");
      break;
    case "date":
      if (value.kind === "date") return ACCEPTED;
      if (value.kind === "datetime") return refused("keep only the day with `| date`");
      if (value.kind === "text") return refused(conversionAdvice("date", formats));
      break;
    case "datetime":
      if (value.kind === "datetime") return ACCEPTED;
      if (value.kind === "date") return refused("convert it with `| datetime` (midnight in the source's time zone)");
      if (value.kind === "text") return refused(conversionAdvice("datetime", formats));
      break;
    case "binary":
      if (value.kind === "binary") return ACCEPTED;
      if (value.kind === "file" || value.kind === "text") return refused("read the file's content with `| file`");
      break;
    case "many2one":
      if (value.kind === "record") {
        return value.model === undefined || value.model === field.relation
          ? ACCEPTED
          : refused(`it must be a ${field.relation ?? "?"} record, not a ${value.model} record`);
      }
      if (value.kind === "list") return refused("a many2one holds one record: take one with `| first`");
      return refused(`point it to a ${field.relation ?? "?"} record with \`| ref alias\`, a lookup or a table`);
    case "many2many":
      // A list of values of unknown type: whatever made them unknown is reported where it is.
      if (value.kind === "list" && value.item.kind === "unknown") return ACCEPTED;
      if (value.kind === "record" || (value.kind === "list" && value.item.kind === "record")) {
        const model = value.kind === "record" ? value.model : value.item.kind === "record" ? value.item.model : undefined;
        return model === undefined || model === field.relation ? ACCEPTED : refused(`it must hold ${field.relation ?? "?"} records, not ${model} records`);
      }
      return refused(`give it ${field.relation ?? "?"} records with \`| ref alias\`, a lookup or a table`);
    case "one2many":
      return refused("a one2many is filled with child records: `field <- each Entity by column { ... }`");
    case "many2one_reference":
      if (value.kind === "record") return ACCEPTED;
      return refused("point it to the record with `| ref alias`");
    default:
      return refused(`Flitmap cannot write ${field.type} fields`);
  }
  return refused(`${describeType(value)} does not fit a ${field.type} field`);
}

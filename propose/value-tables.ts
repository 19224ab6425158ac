/**
 * Value tables for pick-list columns: each source value matched to an Odoo selection key or an
 * existing Odoo record (a stage, an industry, a country), by name in English or Dutch, or marked
 * as having no match for the specialist to choose. Pure.
 */
import { findModel, type OdooSchema, type ReferenceRecord, type SelectionOption } from "../compiler/catalog/index.js";
import type { TableOutput } from "./fields.js";
import { VALUE_SYNONYMS } from "./odoo-knowledge.js";
import { conceptWords, containsAll, foldText, similarity } from "./words.js";
import { naceDivisions } from "./nace.js";

/** What a value can become: one of these, each with the texts it answers to. */
export interface ValueOption {
  /** The selection key, or the record's name. */
  readonly key: string;
  /** For a selection: its label; for a record: its name. */
  readonly label: string;
  /** Other texts naming the option (a country's code, a title's shortcut, an external ID). */
  readonly aliases: readonly string[];
  /** The external ID of an existing record. */
  readonly xmlid?: string;
}

export interface ValueMatch {
  readonly value: string;
  /** Rows holding the value, in the sample. */
  readonly count: number;
  readonly option?: ValueOption;
  /** 0 to 1; 1 is the same text. */
  readonly confidence: number;
}

/** Letters and digits only, folded: `To-do` and `To-Do` are `todo`. */
function compact(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, "");
}

export function selectionOptions(selection: readonly SelectionOption[]): ValueOption[] {
  return selection.map((option) => ({ key: option.value, label: option.label, aliases: [option.value] }));
}

export function recordOptions(records: readonly ReferenceRecord[]): ValueOption[] {
  return records.map((record) => {
    const aliases = Object.entries(record.values).flatMap(([field, value]) =>
      typeof value === "string" && value !== "" && ["code", "shortcut", "full_name", "iso_code", "symbol"].includes(field) ? [value] : [],
    );
    // Odoo's industries are NACE's sections: an activity code's division names one.
    const section = /^base\.res_partner_industry_([A-U])$/.exec(record.xmlid ?? "")?.[1];
    const divisions = section === undefined ? [] : naceDivisions(section);
    return { key: record.name, label: record.name, aliases: [...aliases, ...divisions], ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }) };
  });
}

/** The synonym group a phrase belongs to, as one canonical phrase. */
function canonical(words: readonly string[]): string {
  const phrase = words.join(" ");
  const group = VALUE_SYNONYMS.find((synonyms) => synonyms.includes(phrase));
  return group?.[0] ?? phrase;
}

/** An option named by a number of days alone (a payment term's `30 Days`). */
const DAYS_OPTION = /^(\d+) days?$/i;

/**
 * Whether a value gives that number of days as its one number, in whatever words (`ΕΠΙ ΠΙΣΤΩΣΕΙ
 * 30`, `30 Tage netto`, `Net 30`), not a share (`30%`) nor among other numbers (`2/10 net 30`).
 */
function sameDays(value: string, option: ValueOption): boolean {
  const days = DAYS_OPTION.exec(option.label.trim())?.[1];
  const numbers = value.match(/\d+/g) ?? [];
  return days !== undefined && numbers.length === 1 && numbers[0] === days && !value.includes("%");
}

/** How well a source value names an option, 0 to 1. */
export function valueSimilarity(value: string, option: ValueOption): number {
  const texts = [option.label, option.key, ...option.aliases];
  if (texts.some((text) => compact(text) === compact(value) && compact(value) !== "")) return 1;
  if (sameDays(value, option)) return 0.9;
  const valueWords = conceptWords(value);
  let best = 0;
  for (const text of texts) {
    const optionWords = conceptWords(text);
    if (valueWords.length === 0 || optionWords.length === 0) continue;
    if (canonical(valueWords) === canonical(optionWords)) best = Math.max(best, 0.95);
    // Only the same text is certain; the same concept in other words (`Bouw`, `Construction`) is nearly so.
    best = Math.max(best, Math.min(0.95, similarity(valueWords, optionWords)));
    // `Retail` within `Wholesale/Retail`; `Closed Won` holding `Won`.
    if (containsAll(optionWords, valueWords)) best = Math.max(best, 0.85);
    else if (containsAll(valueWords, optionWords)) best = Math.max(best, 0.8);
  }
  return best;
}

/** A match below this is no match: the specialist chooses. */
export const VALUE_MATCH_THRESHOLD = 0.75;

/** Matches each distinct value (with its count) to its best option, or to none. */
export function matchValues(values: ReadonlyMap<string, number>, options: readonly ValueOption[]): ValueMatch[] {
  return [...values.entries()]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0))
    .map(([value, count]) => {
      let best: { option: ValueOption; confidence: number } | undefined;
      for (const option of options) {
        const confidence = valueSimilarity(value, option);
        if (confidence >= VALUE_MATCH_THRESHOLD && (best === undefined || confidence > best.confidence)) best = { option, confidence };
      }
      return best === undefined ? { value, count, confidence: 0 } : { value, count, option: best.option, confidence: best.confidence };
    });
}

/** Distinct trimmed non-blank values with how many rows hold each. */
export function countValues(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of values) {
    const value = raw.trim();
    if (value === "") continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** What a table's values can become: the selection's keys, or the model's reference records. */
export function optionsFor(schema: OdooSchema, output: TableOutput): ValueOption[] {
  if (output.kind === "selection") return selectionOptions(findModel(schema, output.model)?.fields[output.field]?.selection ?? []);
  if (output.kind === "text") return [];
  return recordOptions(schema.references[output.model] ?? []);
}

/**
 * An address written in several columns (street, house number, complement, district:
 * `Straße` + `Hausnummer`, `Logradouro`, `Número`, `Complemento`, `Bairro`), combined into Odoo's
 * two street lines as a specialist does: `street <- [logradouro | trim, numero | trim] | join(" ")`
 * and `street2 <- [complemento | trim, bairro | trim] | join(" - ")`. The parts are found by the
 * lexicon's words, a bare "number" beside a street only when its values are house numbers. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { declaredType } from "./column-types.js";
import type { ColumnRef } from "./fields.js";

/** `12`, `12a`, `88-B`, `12-14`, `7/2`, `1.204`, or written for no number: `S/N`, `s.n.`, `o. Nr.`. */
const HOUSE_NUMBER =
  /^(?:\d{1,5}(?:[.,]\d{3})?(?:[-\s/]?[a-z])?(?:\s?[-/]\s?\d{1,5}(?:[-\s]?[a-z])?)?|s\.?\s?\/?\s?n\.?|o\.?\s?nr\.?|km\s?\d+)$/i;

/** Whether nearly every filled value of a column is a house number. */
export function holdsHouseNumbers(column: ColumnRef): boolean {
  const filled = column.profile.values.map((value) => value.trim()).filter((value) => value !== "");
  return filled.length > 0 && filled.filter((value) => HOUSE_NUMBER.test(value)).length >= filled.length * 0.9;
}

export function combineAddress(state: BuildState, context: TargetContext): void {
  const fields = context.model.fields;
  if (fields["street"] === undefined || fields["street2"] === undefined || context.taken.has("street")) return;
  const free = context.columns.filter((column) => !context.used.has(column.path) && column.profile.guess.type !== "boolean" && !column.profile.guess.multiline);
  const says = (column: ColumnRef, ...words: string[]): boolean => words.every((word) => column.profile.words.includes(word));
  const street = free.find((column) => says(column, "street") && !says(column, "number") && !says(column, "2"));
  if (street === undefined) return;
  const number = free.find(
    (column) => says(column, "number") && (says(column, "house") || column.profile.words.every((word) => word === "number")) && holdsHouseNumbers(column),
  );
  const complement = context.taken.has("street2") ? undefined : free.find((column) => column !== street && says(column, "address", "2"));
  const district = context.taken.has("street2") ? undefined : free.find((column) => says(column, "district"));
  if (number === undefined && (complement === undefined || district === undefined)) return;
  const text = (column: ColumnRef): string => (declaredType(column.profile.guess) === "text" ? `${column.path} | trim` : column.path);
  if (number !== undefined) {
    // A list holds one type: a house number read as a whole number joins the street in a template.
    const line = declaredType(number.profile.guess) === "text" ? `[${text(street)}, ${text(number)}] | join(" ")` : `\`{${street.path}} {${number.path}}\` | trim`;
    assign(state, context, "street", line, [street, number], 0.9, `${street.profile.header} and ${number.profile.header}`);
  }
  const second = [complement, district].filter((column): column is ColumnRef => column !== undefined);
  if (second.length === 2) {
    assign(state, context, "street2", `[${second.map(text).join(", ")}] | join(" - ")`, second, 0.9, second.map((column) => column.profile.header).join(" and "));
  }
}

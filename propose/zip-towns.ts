/**
 * A post code and its town in one cell, as envelopes in much of Europe write the last line of an
 * address (`411 05 GÖTEBORG`, `1012 AB Amsterdam`, `00-950 Warszawa`, `75001 Paris`, abroad with
 * the country's letters: `N-0150 OSLO`): Odoo keeps them as `zip` and `city`, so the cell is cut
 * after the code's words, the town written properly when the export writes it in capitals. Found
 * from the values, whatever the header says (`Postadress` reads as a street). Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import type { ColumnRef } from "./fields.js";
import { streetShaped } from "./value-roles.js";

/** A code (of one word or two), then a town starting with a letter. */
const ZIP_TOWN = /^(?:\p{Lu}{1,3}-)?(\d{3} \d{2}|\d{4} \p{Lu}{2}|\d{2}-\d{3}|\d{4,5})\s+(\p{L}[\p{L}\s.'’()-]*)$/u;

/** Share of filled values that must read so. */
const NEARLY_ALL = 0.9;

export interface ZipTown {
  /** How many words the post code takes (`411 05`: two; `75001`: one). */
  readonly codeWords: 1 | 2;
  /** Whether the towns are written in capitals (`GÖTEBORG`). */
  readonly capitals: boolean;
}

/** How a column's values write a post code and a town in one cell, when nearly all do. */
export function zipTown(column: ColumnProfile): ZipTown | undefined {
  if (column.guess.type !== "text" || column.guess.multiline) return undefined;
  const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
  if (filled.length < 2) return undefined;
  const found = filled.flatMap((value) => {
    const match = ZIP_TOWN.exec(value);
    return match === null ? [] : [{ code: match[1] ?? "", town: match[2] ?? "" }];
  });
  if (found.length < filled.length * NEARLY_ALL) return undefined;
  const twoWords = found.filter((parts) => parts.code.includes(" ")).length;
  const towns = found.map((parts) => parts.town).filter((town) => /\p{L}{2}/u.test(town));
  return {
    codeWords: twoWords * 2 > found.length ? 2 : 1,
    capitals: towns.length > 0 && towns.filter((town) => town === town.toUpperCase()).length >= towns.length * NEARLY_ALL,
  };
}

/** `zip <- [p | split(" ") | first, p | split(" ") | rest | first] | join(" ")`, and the town after the code. */
export function zipTownExpressions(path: string, found: ZipTown): { readonly zip: string; readonly city: string } {
  const words = `${path} | split(" ")`;
  const zip = found.codeWords === 2 ? `[${words} | first, ${words} | rest | first] | join(" ")` : `${words} | first`;
  const town = found.codeWords === 2 ? `${words} | rest | rest | join(" ")` : `${words} | rest | join(" ")`;
  return { zip, city: found.capitals ? `${town} | lower | title` : town };
}

/**
 * A partner's post code and town from the one column holding both, when no column is already
 * their own: only beside a street column, so that a street written number first (`1600 Main
 * Street`) is never taken for a code and a town.
 */
export function zipAndTown(state: BuildState, context: TargetContext): void {
  const fields = context.model.fields;
  if (fields["zip"] === undefined || fields["city"] === undefined || context.taken.has("zip") || context.taken.has("city")) return;
  const free = context.columns.filter((column) => !context.used.has(column.path));
  // A code or a town in a column of its own (`PLZ` beside `Ort`) is read as it is.
  const apart = (column: ColumnRef): boolean =>
    (column.profile.words.includes("zip") || column.profile.words.includes("city")) && zipTown(column.profile) === undefined;
  if (context.columns.some(apart)) return;
  const cells = free.flatMap((column): { column: ColumnRef; found: ZipTown }[] => {
    const found = zipTown(column.profile);
    return found === undefined ? [] : [{ column, found }];
  });
  const [first] = cells;
  if (first === undefined) return;
  // A street beside it, by its header, or by its values (`Sockerbruksgatan 84`) before it: an
  // address is written street first, then the post code and town.
  const before = free.slice(0, free.indexOf(first.column));
  const named = (column: ColumnRef): boolean => column !== first.column && column.profile.words.includes("street") && zipTown(column.profile) === undefined;
  const shaped = (column: ColumnRef): boolean => zipTown(column.profile) === undefined && streetShaped(column.profile);
  if (!free.some(named) && !before.some(shaped)) return;
  const expressions = zipTownExpressions(first.column.path, first.found);
  const header = first.column.profile.header;
  assign(state, context, "zip", expressions.zip, [first.column], 0.9, `${header} holds the post code and the town: the code`);
  assign(state, context, "city", expressions.city, [first.column], 0.9, `${header} holds the post code and the town: the town`);
}

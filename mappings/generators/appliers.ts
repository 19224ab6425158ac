/**
 * Defect appliers shared by both systems. Each picks a free cell among its columns, writes the
 * defective value and locks the cell, or returns null when no column can take it.
 */
import type { AppliedDefect } from "./defects.js";
import type { RowDraft } from "./layout.js";
import type { Rng } from "./prng.js";

type Applier = (draft: RowDraft, rng: Rng) => AppliedDefect | null;

function freeColumns(draft: RowDraft, columns: readonly string[], needValue: boolean): string[] {
  return columns.filter((header) => draft.isFree(header) && (!needValue || draft.get(header) !== ""));
}

/** Blanks the first free, filled column of `columns`. */
export function blankValue(columns: readonly string[]): Applier {
  return (draft) => {
    const [header] = freeColumns(draft, columns, true);
    if (header === undefined) return null;
    draft.corrupt(header, "");
    return { column: header };
  };
}

export type WhitespaceVariant = "leading" | "trailing" | "both" | "double";

/** Adds a leading or trailing space, both, or doubles an inner space. */
export function strayWhitespace(columns: readonly string[]): Applier {
  return (draft, rng) => {
    const candidates = freeColumns(draft, columns, true).filter((header) => !draft.get(header).includes("\n"));
    if (candidates.length === 0) return null;
    const header = rng.pick(candidates);
    const value = draft.get(header);
    const variants: WhitespaceVariant[] = value.includes(" ") ? ["leading", "trailing", "both", "double"] : ["leading", "trailing", "both"];
    const variant = rng.pick(variants);
    const messy =
      variant === "leading" ? ` ${value}` : variant === "trailing" ? `${value} ` : variant === "both" ? ` ${value}  ` : value.replace(" ", "  ");
    draft.corrupt(header, messy);
    return { column: header, detail: { variant } };
  };
}

/** Replaces a value with one drawn from a list of malformed values. */
export function badValue(columns: readonly string[], badValues: readonly string[]): Applier {
  return (draft, rng) => {
    const candidates = freeColumns(draft, columns, false);
    if (candidates.length === 0) return null;
    const header = rng.pick(candidates);
    draft.corrupt(header, rng.pick(badValues));
    return { column: header };
  };
}

/** Sets a column to a value from `makeValue` (an owner nobody knows, a key that does not exist). */
export function replaceWith(column: string, makeValue: (rng: Rng, draft: RowDraft) => string | null, detail?: (value: string) => Readonly<Record<string, string>>): Applier {
  return (draft, rng) => {
    if (!draft.isFree(column)) return null;
    const value = makeValue(rng, draft);
    if (value === null) return null;
    draft.corrupt(column, value);
    return detail === undefined ? { column } : { column, detail: detail(value) };
  };
}

/** Picks one of several reference columns that is free and filled, and points it nowhere. */
export function dangleOneOf(columns: readonly string[], makeValue: (rng: Rng, column: string, draft: RowDraft) => string, target: (column: string, draft: RowDraft) => string): Applier {
  return (draft, rng) => {
    const candidates = freeColumns(draft, columns, true);
    if (candidates.length === 0) return null;
    const header = rng.pick(candidates);
    const targetEntity = target(header, draft);
    draft.corrupt(header, makeValue(rng, header, draft));
    return { column: header, detail: { target: targetEntity } };
  };
}

/** Replaces a single-line text with several lines (the newlines end up inside quotes). */
export function multiline(column: string, makeLines: (rng: Rng, draft: RowDraft) => readonly string[], newline: "\n" | "\r\n"): Applier {
  return (draft, rng) => {
    if (!draft.isFree(column)) return null;
    const lines = makeLines(rng, draft);
    draft.corrupt(column, lines.join(newline));
    return { column, detail: { lines: lines.length } };
  };
}

/**
 * What a quote's (or an invoice's) columns and its lines' are, read from their values when the
 * headers say nothing the lexicon knows: of a line's two numbers filled on the same rows, the
 * small whole ones are the quantity and the others the unit price; of a quote's two dates, the
 * one on every row and before the other is the day it was made, the other how long it holds (the
 * deadline role). They refine the roles value-roles.ts gives every model's columns. Pure.
 */
import type { ColumnProfile } from "./entities.js";
import { filledValues } from "./value-shapes.js";
import type { ValueRole } from "./value-roles.js";

export type LineRole = "quantity" | "price" | "ordered";

/** The models of records with lines, and of their lines. */
export const HEADER_MODELS: ReadonlySet<string> = new Set(["sale.order", "account.move"]);
export const LINE_MODELS: ReadonlySet<string> = new Set(["sale.order.line", "account.move.line"]);

function numbers(column: ColumnProfile): number[] {
  return filledValues(column.values)
    .map((value) =>
      Number(
        value
          .replace(/[\s\u00a0]/g, "")
          .replace(/\.(?=\d{3}(?:\D|$))/g, "")
          .replace(",", "."),
      ),
    )
    .filter((number) => Number.isFinite(number));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Whether two columns are filled on the same rows (a line of text has neither). */
function sameRows(left: ColumnProfile, right: ColumnProfile): boolean {
  const rows = left.values.filter((value, row) => (value.trim() === "") !== ((right.values[row] ?? "").trim() === "")).length;
  return rows <= left.values.length * 0.05;
}

/**
 * A line's quantity and unit price: two numbers filled on the same rows, not percentages, the
 * quantity's mostly whole and small (`1,00`, `4`), the price's larger.
 */
export function refineLineRoles(columns: readonly ColumnProfile[], roles: Map<ColumnProfile, ValueRole>): void {
  const numeric = columns.filter(
    (column) => !roles.has(column) && (column.guess.type === "decimal" || column.guess.type === "integer") && column.guess.percent !== true,
  );
  for (const quantity of numeric) {
    const counts = numbers(quantity);
    if (counts.length < 3 || counts.filter(Number.isInteger).length < counts.length * 0.8 || median(counts) > 50 || counts.some((count) => count < 0)) continue;
    const price = numeric
      .filter((other) => other !== quantity && sameRows(other, quantity) && other.guess.type === "decimal")
      .filter((other) => median(numbers(other)) > median(counts))
      .sort((left, right) => median(numbers(right)) - median(numbers(left)))[0];
    if (price === undefined) continue;
    roles.set(quantity, "quantity");
    roles.set(price, "price");
    return;
  }
}

/** yyyymmdd of a day as its pattern writes it. */
function dayKey(value: string, pattern: string | undefined): number | undefined {
  const parts = value.split(/\D+/).filter((part) => part !== "");
  const order = (pattern ?? "yyyy-MM-dd")
    .replace(/[^yMd]+/g, " ")
    .trim()
    .split(" ");
  const at = (letter: string): number => Number(parts[order.findIndex((part) => part.startsWith(letter))] ?? Number.NaN);
  const key = at("y") * 10000 + at("M") * 100 + at("d");
  return Number.isFinite(key) && key > 10000000 ? key : undefined;
}

/** The day a quote was made: a date on every row, on or before the deadline's day on nine rows in ten. */
export function refineHeaderRoles(columns: readonly ColumnProfile[], roles: Map<ColumnProfile, ValueRole>): void {
  const deadline = [...roles].find(([, role]) => role === "deadline")?.[0];
  if (deadline === undefined) return;
  const made = columns.find((column) => {
    if (column === deadline || roles.has(column) || column.guess.type !== "date" || column.guess.blank > 0) return false;
    let rows = 0;
    let before = 0;
    column.values.forEach((value, row) => {
      const mine = dayKey(value, column.guess.pattern);
      const theirs = dayKey(deadline.values[row] ?? "", deadline.guess.pattern);
      if (mine === undefined || theirs === undefined) return;
      rows++;
      if (mine <= theirs) before++;
    });
    return rows >= 3 && before >= rows * 0.9;
  });
  if (made !== undefined) roles.set(made, "ordered");
}

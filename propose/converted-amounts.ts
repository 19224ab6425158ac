/**
 * A deal's amount in the currency each row names (`Amount` beside `Currency`: USD, EUR, GBP) and
 * the same amount converted by the CRM into one of them, its header naming it (`Amount (EUR)`):
 * Odoo keeps a company's deals in one currency, so the converted amount is the expected revenue
 * and the amount as written is kept beside it. Found from the values: on the rows in that
 * currency, the two amounts are the same. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import type { ColumnRef } from "./fields.js";

const AMOUNTS: ReadonlySet<string> = new Set(["decimal", "money", "integer"]);

/** Rows in the converted amount's currency needed, and the share of them whose amounts agree. */
const ENOUGH_ROWS = 3;
const SAME_SHARE = 0.9;

export function convertedAmount(state: BuildState, context: TargetContext): void {
  if (context.model.fields["expected_revenue"] === undefined || context.taken.has("expected_revenue")) return;
  const free = context.columns.filter((column) => !context.used.has(column.path));
  const currency = free.find((column) => column.profile.words.includes("currency") && column.profile.guess.type === "text");
  if (currency === undefined) return;
  const codes = new Set(currency.profile.values.map((value) => value.trim().toUpperCase()).filter((value) => /^[A-Z]{3}$/.test(value)));
  if (codes.size < 2) return;
  const amounts = free.filter((column) => AMOUNTS.has(column.profile.guess.type));
  for (const converted of amounts) {
    const code = converted.profile.header
      .toUpperCase()
      .split(/[^A-Z]+/)
      .find((word) => codes.has(word));
    if (code === undefined) continue;
    const written = amounts.find((other) => other !== converted && agrees(other, converted, currency, code));
    if (written === undefined) continue;
    assign(
      state,
      context,
      "expected_revenue",
      converted.path,
      [converted],
      0.8,
      `the amount converted to ${code}, as ${written.profile.header} is on the rows in ${code}: Odoo keeps a company's deals in one currency`,
    );
    return;
  }
}

/** Whether two amount columns hold the same values on the rows in `code`. */
function agrees(written: ColumnRef, converted: ColumnRef, currency: ColumnRef, code: string): boolean {
  const rows = currency.profile.values.flatMap((value, row) => (value.trim().toUpperCase() === code ? [row] : []));
  const filled = rows.filter((row) => (converted.profile.values[row] ?? "").trim() !== "");
  const same = filled.filter((row) => (written.profile.values[row] ?? "").trim() === (converted.profile.values[row] ?? "").trim());
  return filled.length >= ENOUGH_ROWS && same.length >= filled.length * SAME_SHARE;
}

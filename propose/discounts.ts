/**
 * Discounts written as a cascade (`10+5`: 10% off, then 5% off the rest), as Italian and German
 * ERPs write them, where Odoo's line has one percentage: a table of each value and the percentage
 * it comes to (`"10+5" -> 14.5`), for a column whose values are such cascades and whose header
 * says discount, or that holds two cascades at least, which nothing else looks like. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";

/** `10`, `12,5`, `10+5`, `20+10+5`. */
const CASCADE = /^\d+(?:[.,]\d+)?(?:\+\d+(?:[.,]\d+)?)*$/;

/** The one percentage a cascade of discounts comes to: 10+5 is 14.5. */
export function cascadedDiscount(value: string): number {
  const kept = value
    .split("+")
    .map((part) => Number(part.replace(",", ".")))
    .reduce((rest, discount) => rest * (1 - discount / 100), 1);
  return Math.round((1 - kept) * 10000) / 100;
}

export function cascadeDiscounts(state: BuildState, context: TargetContext): void {
  if (context.taken.has("discount") || context.model.fields["discount"]?.type !== "float") return;
  for (const column of context.columns) {
    if (context.used.has(column.path) || column.profile.guess.type !== "text") continue;
    const values = [...new Set(column.profile.values.map((value) => value.trim()).filter((value) => value !== ""))];
    const cascades = values.filter((value) => value.includes("+")).length;
    if (values.length === 0 || !values.every((value) => CASCADE.test(value)) || cascades === 0) continue;
    // Two cascades or more say it whatever the header: nothing else is written `10+5`.
    if (!column.profile.words.includes("discount") && cascades < 2) continue;
    const name = state.registries.names.take(column.profile.name, `${column.profile.name}_percent`);
    state.registries.tables.set(`cascade:${name}`, {
      name,
      output: { kind: "text" },
      outputType: "decimal",
      fieldLabel: `${context.model.name}.discount`,
      values: new Map(),
      customOptions: new Map(values.map((value) => [value, String(cascadedDiscount(value))])),
      unmatched: "flag",
    });
    assign(state, context, "discount", `${column.path} | ${name}`, [column], 0.8, "a cascade of discounts (10+5) is one percentage (14.5)");
    return;
  }
}

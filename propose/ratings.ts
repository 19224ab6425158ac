/**
 * A rating written as a number of stars (one to five, or none to three) where Odoo has a
 * priority of stars, a selection keyed "0" to "3": a table from each number to the key, the
 * scales aligned at their top (five stars are Odoo's three, three are one, one and two none), for
 * a column whose header says rating or priority and whose values are such whole numbers. Pure.
 */
import type { OdooField } from "../compiler/catalog/index.js";
import { assign, type BuildState, type TargetContext } from "./build-state.js";

/** The keys of a selection of stars, "0" to the top, in order; undefined for another selection. */
function starKeys(field: OdooField | undefined): string[] | undefined {
  const keys = field?.type === "selection" ? (field.selection ?? []).map((option) => option.value) : [];
  return keys.length >= 2 && keys.every((key, index) => key === String(index)) ? keys : undefined;
}

/** Each number of a scale and the star key it comes to, or undefined when the values are no such scale. */
export function starScale(values: readonly string[], keys: readonly string[]): Map<string, string> | undefined {
  const numbers = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ""))];
  if (numbers.length < 2 || !numbers.every((value) => /^\d$/.test(value))) return undefined;
  const highest = Math.max(...numbers.map(Number));
  if (highest > 5 || highest < 2) return undefined;
  const top = keys.length - 1;
  const scaleTop = highest > top ? 5 : top;
  const scale = new Map<string, string>();
  for (let stars = Math.min(...numbers.map(Number)); stars <= scaleTop; stars++) scale.set(String(stars), String(Math.max(0, top - (scaleTop - stars))));
  return scale;
}

export function ratingPriorities(state: BuildState, context: TargetContext): void {
  const field = context.model.fields["priority"];
  const keys = starKeys(field);
  if (keys === undefined || context.taken.has("priority")) return;
  for (const column of context.columns) {
    if (context.used.has(column.path) || column.profile.guess.type !== "integer") continue;
    if (!column.profile.words.some((word) => word === "rating" || word === "priority")) continue;
    const scale = starScale(column.profile.values, keys);
    if (scale === undefined) continue;
    const name = state.registries.names.take(column.profile.name, `${column.profile.name}_stars`);
    state.registries.tables.set(`stars:${name}`, {
      name,
      output: { kind: "selection", model: context.model.name, field: "priority" },
      inputType: "integer",
      fieldLabel: `${context.model.name}.priority`,
      values: new Map(),
      customOptions: scale,
      unmatched: "flag",
    });
    const top = [...scale.keys()].pop() ?? "";
    assign(
      state,
      context,
      "priority",
      `${column.path} | ${name}`,
      [column],
      0.8,
      `${top} stars are Odoo's ${keys.length - 1}, the scales aligned at their top`,
    );
    return;
  }
}

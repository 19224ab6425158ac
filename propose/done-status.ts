/**
 * A status column one of whose values says done (`Eseguito`, `Completed`, `Erledigt`), on a model
 * whose `active` a done flag negates (Odoo keeps a done activity archived): `active <- stato !=
 * "Eseguito"`. The value is read by its words, in the lexicon's languages. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { quote } from "./literals.js";
import { doneStatusValue } from "./done-rows.js";
import { NEGATED_HINTS } from "./odoo-knowledge.js";

export function doneStatus(state: BuildState, context: TargetContext): void {
  const doneWords = NEGATED_HINTS[context.model.name]?.["active"];
  if (doneWords === undefined || context.taken.has("active") || context.model.fields["active"] === undefined) return;
  for (const column of context.columns) {
    if (context.used.has(column.path)) continue;
    const value = doneStatusValue(column.profile, doneWords);
    if (value === undefined) continue;
    assign(state, context, "active", `${column.path} != ${quote(value)}`, [column], 0.8, `'${value}' says done: Odoo keeps a done record archived`);
    return;
  }
}

/**
 * A status column one of whose values says done (`Eseguito`, `Completed`, `Erledigt`), on a model
 * whose `active` a done flag negates (Odoo keeps a done activity archived): `active <- stato !=
 * "Eseguito"`. The value is read by its words, in the lexicon's languages. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { quote } from "./literals.js";
import { NEGATED_HINTS } from "./odoo-knowledge.js";
import { conceptWords } from "./words.js";

/** A status is a pick-list: a few values. */
const MAX_STATUSES = 8;

export function doneStatus(state: BuildState, context: TargetContext): void {
  const doneWords = NEGATED_HINTS[context.model.name]?.["active"];
  if (doneWords === undefined || context.taken.has("active") || context.model.fields["active"] === undefined) return;
  for (const column of context.columns) {
    if (context.used.has(column.path) || column.profile.guess.type !== "text" || column.profile.guess.blank > 0) continue;
    const values = [...new Set(column.profile.values.map((value) => value.trim()))];
    if (values.length < 2 || values.length > MAX_STATUSES) continue;
    const done = values.filter((value) => conceptWords(value).some((word) => doneWords.includes(word)));
    const [value] = done;
    if (done.length !== 1 || value === undefined) continue;
    assign(state, context, "active", `${column.path} != ${quote(value)}`, [column], 0.8, `'${value}' says done: Odoo keeps a done record archived`);
    return;
  }
}

/**
 * A status column one of whose values says done (`Eseguito`, `Completed`, `Erledigt`), on a model
 * whose `active` a done flag negates (Odoo keeps a done activity archived): `active <- stato !=
 * "Eseguito"`; a deal's status one of whose values says lost, likewise. The value is read by its
 * words, in the lexicon's languages, or a lost deal's by its probability. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { quote } from "./literals.js";
import { doneStatusValue } from "./done-rows.js";
import { NEGATED_HINTS } from "./odoo-knowledge.js";
import type { ColumnProfile } from "./entities.js";

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

/**
 * A deal's status column one of whose values says lost: by its words in the lexicon's languages
 * (`Przegrana`, `Kaybedildi`), else by the deals' probability, 0 on every row of that value and
 * of no other (`Perdido` beside `Ganho` and `Em andamento`). Odoo keeps a lost deal archived:
 * `active <- status != "Perdido"`.
 */
export function lostStatus(state: BuildState, context: TargetContext): void {
  if (context.model.name !== "crm.lead" || context.taken.has("active") || context.model.fields["active"] === undefined) return;
  const percent = context.entity.profile.columns.find(probabilityShaped);
  for (const column of context.columns) {
    if (context.used.has(column.path)) continue;
    const byWords = doneStatusValue(column.profile, ["lost"]);
    const value = byWords ?? (percent === undefined ? undefined : zeroValue(column.profile, percent));
    if (value === undefined) continue;
    const why = byWords === undefined ? `'${value}' deals all have probability 0: lost` : `'${value}' says lost`;
    assign(state, context, "active", `${column.path} != ${quote(value)}`, [column], 0.7, `${why}; Odoo keeps a lost deal archived`);
    return;
  }
}

/** Percentages, or whole numbers from 0 to 100. */
function probabilityShaped(column: ColumnProfile): boolean {
  if (column.guess.percent === true) return true;
  const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
  return column.guess.type === "integer" && filled.length >= 3 && filled.every((value) => Number(value) >= 0 && Number(value) <= 100);
}

/** The one value of a status column (never blank, a few values) whose rows, three at least, all have a probability of 0. */
function zeroValue(status: ColumnProfile, percent: ColumnProfile): string | undefined {
  if (status.guess.type !== "text" || status.guess.blank > 0) return undefined;
  const zero = new Map<string, boolean>();
  const rows = new Map<string, number>();
  status.values.forEach((raw, row) => {
    const value = raw.trim();
    const number = Number((percent.values[row] ?? "").replace(/[%\s]/g, "").replace(",", "."));
    rows.set(value, (rows.get(value) ?? 0) + 1);
    zero.set(value, (zero.get(value) ?? true) && number === 0 && (percent.values[row] ?? "").trim() !== "");
  });
  if (rows.size < 2 || rows.size > 8) return undefined;
  const lost = [...zero].filter(([value, all]) => all && (rows.get(value) ?? 0) >= 3).map(([value]) => value);
  return lost.length === 1 ? lost[0] : undefined;
}

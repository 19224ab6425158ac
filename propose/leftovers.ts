/**
 * Columns no field was matched to: a custom field keeps their data (a pick-list becomes a
 * selection with its own table); blank columns, creation stamps, a partner's balance and values
 * Odoo computes are ignored. Pure.
 */
import { stampsOf } from "./value-roles.js";
import { dealCreationStamp } from "./deal-roles.js";
import { timeOfDay } from "./agenda-rows.js";
import { isBalance, isLoneStamp } from "./partner-roles.js";
import { findModel, type OdooField, type OdooModel } from "../compiler/catalog/index.js";
import { readStep } from "./column-types.js";
import { assign, ignore, relog, type BuildState, type TargetContext } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { scoreCandidates, type ColumnRef } from "./fields.js";
import { referenceExpression } from "./field-lines.js";
import { snake } from "./literals.js";
import { countValues } from "./value-tables.js";
import { identifierOf } from "./words.js";

const COMPUTED_THRESHOLD = 0.5;

const NUMBERS: ReadonlySet<string> = new Set(["decimal", "money", "integer"]);

/** Header words that say a partner's column is the accounting migration's (a balance, and the side it is on). */
export const IGNORED_CONCEPTS: ReadonlySet<string> = new Set(["balance"]);

/** Columns nobody maps: a custom field keeps their data; blank ones and Odoo's own bookkeeping are ignored. */
export function keepLeftovers(state: BuildState, context: TargetContext): void {
  const entity = context.entity.profile;
  // Without header words for it, the creation stamp is told by its values beside the change stamp.
  const byValues = entity.modifiedColumn !== undefined && !entity.columns.some((column) => column.words.includes("modified"));
  const stamps = byValues ? stampsOf(entity.columns) : undefined;
  const created =
    stamps !== undefined && stamps.modified.name === entity.modifiedColumn
      ? stamps.created
      : context.model.name === "crm.lead" && entity.modifiedColumn === undefined
        ? dealCreationStamp(entity)
        : undefined;
  for (const column of context.columns) {
    const path = column.path;
    if (context.used.has(path) || state.log.has(entity.name, path)) continue;
    const guess = column.profile.guess;
    if (guess.total > 0 && guess.blank === guess.total) {
      ignore(state, context, column, "always blank in the export");
      continue;
    }
    if ((column.profile.words.includes("created") || column.profile === created) && (guess.type === "datetime" || guess.type === "date")) {
      ignore(state, context, column, "Odoo records its own creation time");
      continue;
    }
    // Times of day beside an activity's day, which keeps no time (an agenda's are read where it is split).
    if (context.model.name === "mail.activity" && guess.type === "text" && timeOfDay(column.profile.values, 5) !== undefined) {
      ignore(state, context, column, "an activity has a day, not a time");
      continue;
    }
    // A balance, or the side it is on (debit or credit, a pick-list beside it).
    if (column.profile.words.some((word) => IGNORED_CONCEPTS.has(word)) && (NUMBERS.has(guess.type) || guess.distinct <= 2) && context.model.name === "res.partner") {
      ignore(state, context, column, "a balance is the accounting migration's: Odoo computes it from the open entries");
      continue;
    }
    if (context.model.name === "res.partner" && isBalance(column.profile)) {
      ignore(state, context, column, "amounts with cents on every row, each its own, are a balance: the accounting migration's, which Odoo computes from the open entries");
      continue;
    }
    if (context.model.name === "res.partner" && isLoneStamp(column.profile, entity.columns)) {
      ignore(state, context, column, "a moment on every row, each its own, is when the record was entered or changed: Odoo records its own");
      continue;
    }
    const computed = computedField(state, context.model, column);
    if (computed !== undefined) {
      ignore(state, context, column, `Odoo computes ${computed.name} (${computed.label}) itself`);
      continue;
    }
    customFieldFor(state, context, column);
  }
}

/** A read-only field the column clearly is (an invoice total): Odoo computes it from other data. */
export function computedField(state: BuildState, model: OdooModel, column: ColumnRef): OdooField | undefined {
  const fields = Object.values(model.fields).filter(
    (field) => field.writability.writable !== "yes" && field.store && (field.type === "monetary" || field.type === "float" || field.type === "integer"),
  );
  // The bar is lower than for a field to fill: ignoring a total Odoo computes loses nothing.
  const scored = scoreCandidates([column], fields, [], state.schema, model.name).filter((candidate) => candidate.nameScore >= COMPUTED_THRESHOLD);
  return scored[0]?.field;
}

export function customFieldFor(state: BuildState, context: TargetContext, column: ColumnRef): void {
  const profile = column.profile;
  const guess = profile.guess;
  const model = context.model.name;
  const name = `x_${profile.name}`.slice(0, 60).replace(/_+$/, "");
  const label = profile.header.replace(/\s*\{n\}/, "");
  if (column.reference !== undefined && findModel(state.schema, column.reference.model) !== undefined) {
    const field = state.registries.customField({ model, name, type: "many2one", relation: column.reference.model, label });
    // By name as well as by key (`| ref company by name`): the records' link, as a field Odoo has would take it.
    const expression = referenceExpression(column.path, column.reference, column.reference.separator !== undefined, (names) => state.registries.uniqueColumn(names));
    assign(state, context, field.name, expression, [column], undefined, "new custom field");
    relog(state, context, column, field.name);
    return;
  }
  const nonBlank = guess.total - guess.blank;
  // A pick-list: few short values, each repeated.
  if (guess.type === "text" && guess.distinct <= 12 && guess.distinct * 3 <= nonBlank && guess.maxLength <= 40 && !guess.multiline) {
    const values = countValues(profile.values);
    const keys = new Map<string, string>();
    const taken = new Set<string>();
    for (const value of [...values.keys()].sort()) {
      let key = identifierOf(value, "value");
      for (let counter = 2; taken.has(key); counter++) key = `${identifierOf(value, "value")}_${counter}`;
      taken.add(key);
      keys.set(value, key);
    }
    const field = state.registries.customField({
      model,
      name,
      type: "selection",
      label,
      options: [...keys.entries()].map(([value, key]) => ({ key, label: value })),
    });
    const table = state.registries.customSelectionTable(model, field.name, snake(context.entity.profile.name), keys, profile.values);
    assign(state, context, field.name, `${column.path} | trim | ${table}`, [column], undefined, "new custom pick-list");
    relog(state, context, column, field.name);
    return;
  }
  const type = customFieldType(profile);
  const field = state.registries.customField({ model, name, type, label });
  const read = readStep(guess);
  const expression = read !== undefined ? `${column.path} | ${read}` : type === "char" && guess.type === "text" ? `${column.path} | trim` : column.path;
  assign(state, context, field.name, expression, [column], undefined, "new custom field");
  relog(state, context, column, field.name);
}

function customFieldType(column: ColumnProfile): string {
  switch (column.guess.type) {
    case "integer":
      return "integer";
    case "decimal":
    case "money":
      return "float";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "text":
      return column.guess.multiline || column.guess.maxLength > 200 ? "text" : "char";
    default:
      return "char";
  }
}

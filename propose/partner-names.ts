/**
 * A partner's name from a column often left blank (a legal name the CRM does not require) falls
 * back to another column naming the same rows, filled where the first is blank (the trade name):
 * `name <- (razao_social ?? nome_fantasia) | trim`, or, in a file of organisations and people, to
 * the person's given names and surnames, so that no partner is rejected for want of a name the
 * row gives (Odoo refuses a contact without one). Where the headers say nothing init knows, the
 * values tell which columns name the rows. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import type { ColumnRef } from "./fields.js";
import { givenAndSurnames } from "./value-roles.js";
import { namesOrganisations } from "./legal-forms.js";

/** The share of the name's blank rows the other column must fill. */
const FILLS = 0.95;

export function companyNameFallback(state: BuildState, context: TargetContext): void {
  const entity = context.entity;
  if (context.model.name !== "res.partner" || entity.split !== undefined || entity.typedPartners !== undefined) return;
  const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === "name" && line.operator === "<-" && line.columns.length === 1);
  const line = context.lines[index];
  if (line?.kind !== "assign") return;
  const name = context.columns.find((column) => column.path === line.columns[0]);
  if (name === undefined || name.profile.guess.blank === 0 || !line.expression.startsWith(`${name.path} `)) return;
  const blankRows = rowsWhere(name, (value) => value === "");
  const fills = (column: ColumnRef): number => blankRows.filter((row) => (column.profile.values[row] ?? "").trim() !== "").length / blankRows.length;
  const company = context.constants.has("is_company");
  const pair = givenAndSurnames(context.columns.map((column) => column.profile));
  const single = context.columns
    .filter((column) => column !== name && column.profile.group === undefined && column.profile.guess.type === "text" && !column.profile.guess.multiline)
    // A header saying name, or, where headers say nothing init knows, values that name the rows one each.
    .filter((column) => column.profile.words.includes("name") || (namesEachRow(column) && (company || !name.profile.words.includes("name"))))
    .map((column) => ({ column, fills: fills(column) }))
    .filter((candidate) => candidate.fills >= FILLS)
    .sort((left, right) => right.fills - left.fills)[0]?.column;
  // A person's given names and surnames, told by their values, name the rows an organisation's name leaves blank, both rather than one.
  const fallback = single !== undefined && pair?.includes(single.profile) === true ? undefined : single;
  const [first, last] = pair === undefined ? [] : pair.map((profile) => context.columns.find((column) => column.profile === profile));
  if (fallback !== undefined) {
    context.lines[index] = {
      ...line,
      expression: `(${name.path} ?? ${fallback.path})${line.expression.slice(name.path.length)}`,
      columns: [...line.columns, fallback.path],
      comment: `${line.comment ?? ""}; ${fallback.profile.header} where ${name.profile.header} is blank`,
    };
    state.log.add(entity.profile.name, fallback.path, { kind: "field", model: context.model.name, field: "name", confidence: 0.8 });
    return;
  }
  if (first === undefined || last === undefined || first === name || last === name || Math.min(fills(first), fills(last)) < FILLS) return;
  context.lines[index] = {
    ...line,
    expression: `(${name.path} ?? \`{${first.path}} {${last.path}}\`)${line.expression.slice(name.path.length)}`,
    columns: [...line.columns, first.path, last.path],
    comment: `${line.comment ?? ""}; the person's given names and surnames where ${name.profile.header} is blank`,
  };
  for (const column of [first, last])
    state.log.add(entity.profile.name, column.path, { kind: "field", model: context.model.name, field: "name", confidence: 0.7 });
}

/**
 * A partner no header names (a language init does not know) is named by the values: the most
 * filled column of words naming the rows one each, so that Odoo does not refuse it for want of a
 * name; where it is blank, the fallbacks above may fill it.
 */
export function partnerNameFromValues(state: BuildState, context: TargetContext): void {
  if (context.model.name !== "res.partner" || context.taken.has("name")) return;
  const filled = (column: ColumnRef): number => column.profile.values.filter((value) => value.trim() !== "").length;
  const free = context.columns.filter((column) => !context.used.has(column.path) && column.reference === undefined && column.profile.group === undefined);
  const names = free
    .filter((column) => column.profile.guess.type === "text" && !column.profile.guess.multiline && column.profile.list === undefined && namesEachRow(column))
    .sort((left, right) => filled(right) - filled(left));
  // Organisations' names first (their legal forms say it), else a person's given names and surnames.
  const best = names.find((column) => namesOrganisations(column.profile.values));
  const pair = best === undefined ? givenAndSurnames(free.map((column) => column.profile)) : undefined;
  const [first, last] = pair === undefined ? [] : pair.map((profile) => free.find((column) => column.profile === profile));
  if (first !== undefined && last !== undefined) {
    assign(
      state,
      context,
      "name",
      `\`{${first.path}} {${last.path}}\` | trim`,
      [first, last],
      0.7,
      "no header names the rows: given names and surnames, by their values",
    );
    return;
  }
  const chosen = best ?? names[0];
  if ((chosen === undefined || filled(chosen) < chosen.profile.values.length) && nameFromDescription(state, context)) return;
  if (chosen !== undefined)
    assign(state, context, "name", `${chosen.path} | trim`, [chosen], 0.6, "no header names the rows: the most filled column of names, one a row");
}

/**
 * A partner no header names, whose one-line description is filled in every row (a branch's
 * `KATASTIMA KALAMARIA`, a depot's `Warehouse`), is named by it rather than by a column of names
 * some rows leave blank (the person in charge there, whom Odoo would refuse the row for). The
 * description was taken as the partner's note; it is its name instead.
 */
function nameFromDescription(state: BuildState, context: TargetContext): boolean {
  const description = context.columns.find((column) => {
    const guess = column.profile.guess;
    return column.profile.words.includes("description") && guess.type === "text" && !guess.multiline && guess.blank === 0 && guess.total > 0 && guess.maxLength <= 80;
  });
  if (description === undefined) return false;
  const note = context.lines.findIndex((line) => line.kind === "assign" && line.field === "comment" && line.columns.length === 1 && line.columns[0] === description.path);
  if (note >= 0) {
    context.lines.splice(note, 1);
    context.taken.delete("comment");
  }
  assign(state, context, "name", `${description.path} | trim`, [description], 0.6, `no header names the rows: ${description.profile.header}, one line filled in every row`);
  return true;
}

/** Values naming the rows one each: one-line words, not codes, nine in ten distinct. */
function namesEachRow(column: ColumnRef): boolean {
  const filled = column.profile.values.map((value) => value.trim()).filter((value) => value !== "");
  return (
    filled.length >= 3 &&
    new Set(filled).size >= filled.length * 0.9 &&
    filled.filter((value) => /\p{L}{2}/u.test(value) && !/\d/.test(value)).length >= filled.length * 0.8
  );
}

function rowsWhere(column: ColumnRef, test: (value: string) => boolean): number[] {
  return column.profile.values.flatMap((value, row) => (test(value.trim()) ? [row] : []));
}

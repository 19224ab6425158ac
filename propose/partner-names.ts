/**
 * A company's name from a column often left blank (a legal name the CRM does not require) falls
 * back to another column naming the same rows, filled where the first is blank (the trade name):
 * `name <- (razao_social ?? nome_fantasia) | trim`, so that no company is rejected for want of a
 * name the row gives. Pure.
 */
import type { BuildState, TargetContext } from "./build-state.js";
import type { ColumnRef } from "./fields.js";

/** The share of the name's blank rows the other column must fill. */
const FILLS = 0.95;

export function companyNameFallback(state: BuildState, context: TargetContext): void {
  const entity = context.entity;
  if (context.model.name !== "res.partner" || !context.constants.has("is_company") || entity.split !== undefined || entity.typedPartners !== undefined) return;
  const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === "name" && line.operator === "<-" && line.columns.length === 1);
  const line = context.lines[index];
  if (line?.kind !== "assign") return;
  const name = context.columns.find((column) => column.path === line.columns[0]);
  if (name === undefined || name.profile.guess.blank === 0 || !line.expression.startsWith(`${name.path} `)) return;
  const blankRows = rowsWhere(name, (value) => value === "");
  const fallback = context.columns
    .filter((column) => column !== name && column.profile.group === undefined && column.profile.guess.type === "text" && !column.profile.guess.multiline)
    .filter((column) => column.profile.words.includes("name"))
    .map((column) => ({ column, fills: blankRows.filter((row) => (column.profile.values[row] ?? "").trim() !== "").length / blankRows.length }))
    .filter((candidate) => candidate.fills >= FILLS)
    .sort((left, right) => right.fills - left.fills)[0]?.column;
  if (fallback === undefined) return;
  context.lines[index] = {
    ...line,
    expression: `(${name.path} ?? ${fallback.path})${line.expression.slice(name.path.length)}`,
    columns: [...line.columns, fallback.path],
    comment: `${line.comment ?? ""}; ${fallback.profile.header} where ${name.profile.header} is blank`,
  };
  state.log.add(entity.profile.name, fallback.path, { kind: "field", model: context.model.name, field: "name", confidence: 0.8 });
}

function rowsWhere(column: ColumnRef, test: (value: string) => boolean): number[] {
  return column.profile.values.flatMap((value, row) => (test(value.trim()) ? [row] : []));
}

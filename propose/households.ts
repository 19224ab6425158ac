/**
 * A register of firms that keeps households beside them, no column saying which (a garden firm's
 * debtors: `Hanne Hansen` beside `Holm ApS` and `Andelsboligforeningen Åvej 36`): the rows a firm's
 * own figures leave blank (its registry number, its VAT number, its credit limit) are private
 * persons when their names read as persons' nearly always and the other rows' rarely do:
 * `is_company <- cvr is present or credit is present`, as a specialist writes it. Pure.
 */
import type { BuildState, TargetContext } from "./build-state.js";
import type { ColumnRef } from "./fields.js";
import { personsName } from "./one-name-rows.js";

/** Fields only a firm has a value for. */
const FIRM_FIELDS: readonly string[] = ["company_registry", "vat", "credit_limit"];

/** The blank rows' names read as persons' at least this often; the other rows' at most this often. */
const PERSONS = 0.8;
const FIRMS = 0.35;
const ENOUGH_ROWS = 3;

function assignedColumns(context: TargetContext, field: string): ColumnRef[] {
  const line = context.lines.find((candidate) => candidate.kind === "assign" && candidate.field === field && candidate.operator === "<-");
  if (line?.kind !== "assign") return [];
  return line.columns.flatMap((path) => context.columns.filter((column) => column.path === path));
}

function personShare(rows: readonly number[], names: ColumnRef): number {
  return rows.filter((row) => personsName(names.profile.values[row] ?? "")).length / rows.length;
}

export function households(_state: BuildState, context: TargetContext): void {
  if (context.model.name !== "res.partner" || context.entity.profile.kind !== "company") return;
  const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === "is_company" && line.operator === "=" && line.expression === "true");
  const [names] = assignedColumns(context, "name");
  if (index < 0 || names === undefined) return;
  const firm = [...new Set(FIRM_FIELDS.flatMap((field) => assignedColumns(context, field)))].filter((column) => column.profile.guess.blank > 0);
  if (firm.length === 0) return;
  const rows = names.profile.values.map((_, row) => row).filter((row) => (names.profile.values[row] ?? "").trim() !== "");
  const blank = rows.filter((row) => firm.every((column) => (column.profile.values[row] ?? "").trim() === ""));
  const others = rows.filter((row) => !blank.includes(row));
  if (blank.length < ENOUGH_ROWS || others.length < ENOUGH_ROWS) return;
  if (personShare(blank, names) < PERSONS || personShare(others, names) > FIRMS) return;
  const paths = firm.map((column) => column.path);
  context.lines[index] = {
    kind: "assign",
    field: "is_company",
    operator: "<-",
    expression: paths.map((path) => `${path} is present`).join(" or "),
    columns: paths,
    comment: `the rows without ${firm.map((column) => column.profile.header).join(" or ")} are named as persons are: households, not firms`,
  };
  context.constants.delete("is_company");
}

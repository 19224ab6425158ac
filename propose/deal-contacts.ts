/**
 * A deal's contact written by full name, found among the people of another file (full-names.ts,
 * `| ref person by first and last`): where the row names no company (a household's deal), that
 * person is the deal's customer, so `partner_id` falls back to them after the company; the name
 * as written stays the deal's contact name. Read from the link, whatever the headers say. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import { referenceExpression } from "./field-lines.js";
import type { ColumnRef } from "./fields.js";

/** A column linking people by a full name of two columns, feeding no field but the contact's name or the customer. */
function contactColumn(context: TargetContext): ColumnRef | undefined {
  const feeds = (field: string, path: string): boolean =>
    context.lines.some((line) => line.kind === "assign" && line.field === field && line.columns.includes(path));
  return context.columns.find((column) => {
    if (column.reference?.model !== "res.partner" || column.reference.byName?.andColumn === undefined) return false;
    return !context.used.has(column.path) || feeds("contact_name", column.path) || feeds("partner_id", column.path);
  });
}

export function dealContacts(state: BuildState, context: TargetContext): void {
  const fields = context.model.fields;
  if (context.model.name !== "crm.lead" || fields["partner_id"] === undefined) return;
  const column = contactColumn(context);
  const reference = column?.reference;
  if (column === undefined || reference === undefined) return;
  const person = referenceExpression(column.path, reference, false, (names) => state.registries.uniqueColumn(names));
  const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === "partner_id");
  const line = context.lines[index];
  if (line?.kind === "assign" && line.columns.includes(column.path)) {
    // Linked already, after the company (matchFields chains the references to one field).
  } else if (line?.kind === "assign") {
    const company = line.expression.startsWith("if ") ? `(${line.expression})` : line.expression;
    const comment = [line.comment, "else the contact, by full name (a deal naming no company)"].filter((part) => part !== undefined).join("; ");
    context.lines[index] = { ...line, expression: `${company} ?? ${person}`, columns: [...line.columns, column.path], comment };
  } else if (!context.taken.has("partner_id")) {
    assign(state, context, "partner_id", person, [column], 0.8, "the contact, by full name: the deal's customer");
  } else return;
  context.used.add(column.path);
  if (!context.taken.has("contact_name") && fields["contact_name"] !== undefined) {
    assign(state, context, "contact_name", `${column.path} | trim`, [column], 0.8, "the contact's name as the export writes it");
  }
}

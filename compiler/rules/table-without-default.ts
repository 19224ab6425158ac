import { constraintFactsFor, type OdooField } from "../catalog/index.js";
import { appendToBlock, type Finding, type Rule } from "./rule.js";

/** A value the field takes, to show what a default line looks like. */
function defaultHint(field: OdooField): string {
  const first = field.selection?.[0]?.value;
  if (first !== undefined) return JSON.stringify(first);
  return field.relation !== undefined ? "a_record_name" : "…";
}

export const tableWithoutDefault: Rule = {
  code: "FM602",
  name: "table_without_default",
  defaultSeverity: "error",
  summary: "A value table feeds a field Odoo requires but has no `_ ->` default: a source value the table does not list would leave the field empty.",
  example: {
    wrong: 'table kind: text -> text { "Lead" -> "lead" }\nmap Deal -> crm.lead { name <- name  type <- kind | kind }',
    reported:
      'table kind has no `_ ->` default, yet it sets crm.lead.type, which Odoo requires: add `_ -> reject` (rows with other values are rejected with a reason) or a default (`_ -> "lead"`)',
    right: 'table kind: text -> text { "Lead" -> "lead"  _ -> "opportunity" }',
  },
  check({ bound, checked }) {
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const assignment of checked.assignments) {
      const tableName = assignment.value?.table;
      const field = assignment.field;
      if (tableName === undefined || field === undefined) continue;
      const model = assignment.target.model ?? "";
      const required = field.required || constraintFactsFor(model).some((fact) => fact.kind === "required" && fact.field === field.name);
      if (!required) continue;
      const table = bound.tables.get(tableName);
      if (table === undefined || table.declaration.entries.some((entry) => entry.kind === "TableDefault")) continue;
      const key = `${tableName}:${model}.${field.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const text = bound.files.find((file) => file.path === table.file)?.text ?? "";
      findings.push({
        file: assignment.file,
        range: assignment.value?.node.range ?? assignment.fieldName.range,
        message: `table ${tableName} has no \`_ ->\` default, yet it sets ${model}.${field.name}, which Odoo requires: add \`_ -> reject\` (rows with other values are rejected with a reason) or a default (\`_ -> ${defaultHint(field)}\`)`,
        fixes: [{ title: `Reject rows ${tableName} does not list`, edits: [appendToBlock(table.file, text, table.declaration.range, "_ -> reject")] }],
      });
    }
    return findings;
  },
};

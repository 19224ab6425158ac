import type * as A from "../../language/ast.js";
import type { Range } from "../../language/location.js";
import { findField, findModel, renamedField, seriesHavingField, suggestFieldNames, type OdooSchema } from "../catalog/index.js";
import { didYouMean, replaceFix, type Finding, type Rule } from "./rule.js";
import { unknownFieldAssignments } from "./schema-helpers.js";

/** Mistakes the seed pages make, with what core Odoo offers instead. */
const KNOWN_MISTAKES: Readonly<Record<string, string>> = {
  "res.partner.first_name": "core Odoo keeps one `name` per partner: write `name <- `{first_name} {last_name}``",
  "res.partner.firstname": "core Odoo keeps one `name` per partner: write `name <- `{first_name} {last_name}``",
  "res.partner.last_name": "core Odoo keeps one `name` per partner: write `name <- `{first_name} {last_name}``",
  "res.partner.lastname": "core Odoo keeps one `name` per partner: write `name <- `{first_name} {last_name}``",
  "res.partner.partner_type":
    "a company is `is_company = true`; a contact is `is_company = false` with `parent_id` pointing to its company (`type` is the address type: contact, invoice, delivery, other)",
  "res.partner.employee_count": 'core Odoo has no employee count: keep it in a custom field (`extend res.partner { x_employee_count integer "Employees" }`)',
  "res.partner.turnover":
    'core Odoo has no annual revenue on partners: keep it in a custom field (`extend res.partner { x_annual_revenue monetary "Annual revenue" }`)',
  "crm.lead.lead_type": 'a lead or an opportunity is `type = "lead"` or `type = "opportunity"`',
};

function endOfFile(document: A.Document): Range {
  return { start: document.range.end, end: document.range.end };
}

export const unknownField: Rule = {
  code: "FM402",
  name: "unknown_field",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "An assignment, records entry, lookup or test names a field the model does not have (with the renames Odoo made, e.g. planned_revenue → expected_revenue).",
  example: {
    wrong: "map Deal -> crm.lead { planned_revenue <- amount | money }",
    reported: "crm.lead has no field planned_revenue (renamed in Odoo 14.0); did you mean `expected_revenue`, `prorated_revenue` or `recurring_revenue`?",
    right: "map Deal -> crm.lead { expected_revenue <- amount | money }",
  },
  check({ bound, checked, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    const report = (file: string, model: string, name: A.Name, documentOf: () => A.Document | undefined): void => {
      if (findField(schema, model, name.value) !== undefined) return;
      // A field of another Odoo version is field_not_in_version's to report.
      if (seriesHavingField(model, name.value).length > 0) return;
      const change = renamedField(schema, model, name.value);
      const candidates = suggestFieldNames(schema, model, name.value);
      const hint = KNOWN_MISTAKES[`${model}.${name.value}`];
      const best = candidates[0];
      const fixes = [];
      if (best !== undefined && hint === undefined) fixes.push(replaceFix(`Change to ${best}`, file, name.range, best));
      const document = documentOf();
      if (name.value.startsWith("x_") && document !== undefined) {
        const label = name.value.slice(2).replace(/_/g, " ");
        fixes.push({
          title: `Declare ${name.value} as a custom field of ${model}`,
          edits: [
            { file, range: endOfFile(document), newText: `\nextend ${model} {\n  ${name.value} char "${label.charAt(0).toUpperCase()}${label.slice(1)}"\n}\n` },
          ],
        });
      }
      const custom = name.value.startsWith("x_") ? `: declare it in an \`extend ${model} { ... }\` block to create it` : "";
      findings.push({
        file,
        range: name.range,
        message: `${model} has no field ${name.value}${change === undefined ? "" : ` (${change.note})`}${hint === undefined ? didYouMean(candidates) : `: ${hint}`}${custom}`,
        ...(fixes.length === 0 ? {} : { fixes }),
      });
    };
    const documentOf = (path: string) => () => bound.files.find((file) => file.path === path)?.document;
    for (const assignment of unknownFieldAssignments(schema, checked.assignments)) {
      report(assignment.file, assignment.target.model ?? "", assignment.fieldName, documentOf(assignment.file));
    }
    for (const byName of bound.records.values()) {
      for (const record of byName.values()) {
        if (findModel(schema, record.model) === undefined) continue;
        for (const value of record.declaration.values) if (value.field.kind === "Name") report(record.file, record.model, value.field, documentOf(record.file));
      }
    }
    for (const file of bound.files) {
      for (const declaration of file.document.declarations) {
        if (declaration.kind !== "TestDeclaration") continue;
        for (const item of declaration.items) {
          if ((item.kind !== "ExpectRecord" && item.kind !== "GivenOdooRecord") || item.model.kind !== "QualifiedName" || findModel(schema, item.model.value) === undefined) continue;
          for (const value of item.values) if (value.field.kind === "Name") report(file.path, item.model.value, value.field, documentOf(file.path));
        }
      }
    }
    return findings;
  },
};

export function fieldExists(schema: OdooSchema, model: string, field: string): boolean {
  return findField(schema, model, field) !== undefined;
}

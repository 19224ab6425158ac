import { findModel } from "../catalog/index.js";
import { withArticle } from "../types.js";
import type { Finding, Rule } from "./rule.js";

export const eachField: Rule = {
  code: "FM412",
  name: "each_field",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "`field <- each Entity by column { ... }` makes child records (order lines, a partner's contacts): the field must be a one2many, whose model and inverse field (the child's link to its parent) Odoo's schema names.",
  example: {
    wrong: "map Company -> res.partner as company {\n  name      <- name\n  parent_id <- each Contact by company_id { name <- name }\n}",
    reported:
      "`each` makes child records for a one2many field, but res.partner.parent_id is a many2one field: give it one record (`| ref alias`), or name a one2many of res.partner: `child_ids`",
    right: "map Company -> res.partner as company {\n  name      <- name\n  child_ids <- each Contact by company_id { name <- name }\n}",
  },
  check({ checked, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const { field, child, target } = assignment;
      // An unknown field or model is unknown_field's and unknown_model's to report.
      if (child === undefined || field === undefined || target.model === undefined) continue;
      if (field.type !== "one2many") {
        const one2many = Object.values(findModel(schema, target.model)?.fields ?? {})
          // The one2many fields holding records of the model this field points to, if any.
          .filter((candidate) => candidate.type === "one2many" && candidate.relationField !== undefined && candidate.relation === field.relation)
          .map((candidate) => `\`${candidate.name}\``)
          .sort()
          .slice(0, 3);
        const last = one2many.pop();
        const names = last === undefined ? "" : `: ${one2many.length === 0 ? last : `${one2many.join(", ")} or ${last}`}`;
        findings.push({
          file: assignment.file,
          range: assignment.fieldName.range,
          message: `\`each\` makes child records for a one2many field, but ${target.model}.${field.name} is ${withArticle(field.type)} field: give it ${field.type === "many2one" ? "one record (`| ref alias`)" : "a value"}${last === undefined ? "" : `, or name a one2many of ${target.model}${names}`}`,
        });
      } else if (!field.custom && (field.relation === undefined || field.relationField === undefined)) {
        // (A custom one2many without its inverse is custom_field's to report, where it is declared.)
        findings.push({
          file: assignment.file,
          range: assignment.fieldName.range,
          message: `the schema does not say which field of ${field.relation ?? "the child model"} links a child to its ${target.model} parent (the inverse of ${target.model}.${field.name}): pull the schema again with \`flitmap schema pull\``,
        });
      }
    }
    return findings;
  },
};

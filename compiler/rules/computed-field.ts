import { readonlyColumn, storedCompute } from "../catalog/index.js";
import type { Finding, Rule } from "./rule.js";

export const computedField: Rule = {
  code: "FM404",
  name: "computed_field",
  defaultSeverity: "error",
  summary:
    "An assignment writes a field Odoo computes and does not keep (an error), or one the schema cannot tell about (a warning: pull the server's schema to know).",
  example: {
    wrong: "map Contact -> res.partner { display_name <- name }",
    reported:
      "Odoo computes res.partner.display_name and keeps no value written to it (read-only and not stored: a computed field without inverse, Odoo discards written values): leave it out, or write the fields it is computed from",
    right: "map Contact -> res.partner { name <- name }",
  },
  check({ checked, target }) {
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const field = assignment.field;
      if (field === undefined || field.custom) continue;
      const name = `${assignment.target.model ?? ""}.${field.name}`;
      const computed = storedCompute(assignment.target.model ?? "", field.name);
      if (field.writability.writable === "unknown" && computed !== undefined) {
        findings.push({
          file: assignment.file,
          range: assignment.fieldName.range,
          message: `Odoo computes ${name} ${computed.note}; a value written is overwritten at once`,
        });
      } else if (field.writability.writable === "no") {
        findings.push({
          file: assignment.file,
          range: assignment.fieldName.range,
          message: `Odoo computes ${name} and keeps no value written to it (${field.writability.reason}): leave it out, or write the fields it is computed from`,
        });
      } else if (field.writability.writable === "unknown" && readonlyColumn(assignment.target.model ?? "", field.name) === undefined) {
        findings.push({
          file: assignment.file,
          range: assignment.fieldName.range,
          severity: "warning",
          message: `${name} is read-only in Odoo's forms and may be computed, in which case Odoo ignores the value written${target.origin === "catalog" ? "; the shipped catalog cannot tell (`flitmap schema pull` from your server can)" : ""}`,
        });
      }
    }
    return findings;
  },
};

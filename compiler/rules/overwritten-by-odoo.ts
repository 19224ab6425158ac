import { syncedFieldsOf } from "../catalog/index.js";
import type { CheckedAssignment } from "../check-expressions.js";
import type { TargetSymbol } from "../model.js";
import type { Finding, Rule } from "./rule.js";

function list(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

export const overwrittenByOdoo: Rule = {
  code: "FM410",
  name: "overwritten_by_odoo",
  defaultSeverity: "warning",
  summary:
    "A target writes fields Odoo rewrites on its own, e.g. a contact's address, which Odoo replaces with its parent's: the value written is lost unless the mapping decides (`type`).",
  example: {
    wrong:
      "map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner { name <- name  street <- address  parent_id <- company_id | ref company }",
    reported:
      'Odoo replaces street with the parent\'s address when parent_id is set and its type is "contact" (the default), so what is written here is lost for rows with a parent: write `type = "contact"` to share the parent\'s address, or another type ("other", "invoice", "delivery") to keep this one',
    right:
      'map Company -> res.partner as company { name <- name }\nmap Contact -> res.partner { name <- name  type = "other"  street <- address  parent_id <- company_id | ref company }',
  },
  check({ checked }) {
    const byTarget = new Map<TargetSymbol, CheckedAssignment[]>();
    for (const assignment of checked.assignments) {
      const own = byTarget.get(assignment.target) ?? [];
      own.push(assignment);
      byTarget.set(assignment.target, own);
    }
    const findings: Finding[] = [];
    for (const [target, assignments] of byTarget) {
      const written = new Set(assignments.map((assignment) => assignment.fieldName.value));
      for (const fact of syncedFieldsOf(target.model ?? "")) {
        if (!written.has(fact.trigger) || written.has(fact.decidedBy)) continue;
        const lost = assignments.filter((assignment) => fact.fields.includes(assignment.fieldName.value));
        const first = lost[0];
        if (first === undefined) continue;
        findings.push({
          file: first.file,
          range: first.fieldName.range,
          message: `Odoo replaces ${list(lost.map((assignment) => assignment.fieldName.value))} with ${fact.source} when ${fact.trigger} is set and ${fact.condition}, so what is written here is lost for rows with a parent: write \`type = "contact"\` to share the parent's address, or another type ("other", "invoice", "delivery") to keep this one`,
        });
      }
    }
    return findings;
  },
};

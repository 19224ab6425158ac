import type { Range } from "../../language/location.js";
import { requiredFields, suggestNames, unsetRequiredFields } from "../catalog/index.js";
import type { TargetSymbol } from "../model.js";
import { appendToBlock, type Finding, type Rule } from "./rule.js";
import { modelKnown } from "./schema-helpers.js";

/** Fields Flitmap itself sets on a record, so the mapping need not. */
/** The range of the body a target's statements go in (the fallback's when it is used). */
export function bodyRange(target: TargetSymbol): Range {
  if (target.usesFallback && target.fallback !== undefined) return target.fallback.range;
  const declaration = target.declaration;
  // A map with a fallback ends with the fallback's body; its own body ends where the fallback starts.
  if (declaration.kind === "MapDeclaration" && declaration.fallback !== undefined) {
    const last = declaration.body[declaration.body.length - 1];
    return last === undefined
      ? declaration.range
      : { start: declaration.range.start, end: { ...declaration.fallback.range.start, offset: declaration.fallback.range.start.offset - 1 } };
  }
  return declaration.range;
}

export const missingRequiredField: Rule = {
  code: "FM405",
  name: "missing_required_field",
  defaultSeverity: "error",
  summary: "A target leaves a field empty that Odoo requires and fills no default for (e.g. crm.lead.name).",
  example: {
    wrong: "map Deal -> crm.lead { expected_revenue <- amount | money }",
    reported: "crm.lead requires name (Opportunity), which this map does not set and Odoo has no default for (Odoo makes it from partner_id, not set either): add `name <- ...`",
    right: "map Deal -> crm.lead { name <- title  expected_revenue <- amount | money }",
  },
  check({ bound, checked, schema }) {
    const findings: Finding[] = [];
    const assignedBy = new Map<TargetSymbol, Set<string>>();
    for (const assignment of checked.assignments) {
      const fields = assignedBy.get(assignment.target) ?? new Set<string>();
      fields.add(assignment.fieldName.value);
      assignedBy.set(assignment.target, fields);
    }
    for (const target of bound.targets) {
      if (!modelKnown(schema, target)) continue;
      const model = target.model ?? "";
      const assigned = assignedBy.get(target) ?? new Set<string>();
      // A child's link to its parent comes from the one2many it fills.
      const inverse =
        target.parent === undefined ? undefined : schema.models[target.parent.target.model ?? ""]?.fields[target.parent.field.value]?.relationField;
      const requiredNames = new Set(requiredFields(schema, model).map((entry) => entry.field.name));
      for (const { field, source, constraint, computedFrom } of unsetRequiredFields(schema, model, assigned, inverse)) {
        // Computed from a field the target sets, or from another required one it is reported through (the invoice address through the customer).
        if (computedFrom.some((from) => assigned.has(from) || requiredNames.has(from))) continue;
        const columns = [...(target.entity?.columns.keys() ?? [])];
        const guess = columns.includes(field.name) ? field.name : (suggestNames(field.name, columns)[0] ?? suggestNames(field.label, columns)[0]);
        const text = bound.files.find((file) => file.path === target.file)?.text ?? "";
        const why =
          source === "constraint"
            ? ` (Odoo refuses it empty: "${constraint?.odooMessage ?? ""}"${constraint?.condition === undefined ? "" : `, when ${constraint.condition}`})`
            : "";
        findings.push({
          file: target.file,
          range: target.nameRange,
          message: `${model} requires ${field.name} (${field.label})${why}, which this ${target.role === "split" ? "target" : target.role} does not set and Odoo has no default for${computedFrom.length === 0 ? "" : ` (Odoo makes it from ${computedFrom.join(" or ")}, not set either)`}: add \`${field.name} <- ...\``,
          fixes: [{ title: `Add ${field.name}`, edits: [appendToBlock(target.file, text, bodyRange(target), `${field.name} <- ${guess ?? '""'}`)] }],
        });
      }
    }
    return findings;
  },
};

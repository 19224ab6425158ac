import type { ValueType } from "../types.js";
import type { Finding, Rule } from "./rule.js";

function recordModel(type: ValueType): string | undefined {
  if (type.kind === "record") return type.model;
  if (type.kind === "list" && type.item.kind === "record") return type.item.model;
  return undefined;
}

export const wrongModelReference: Rule = {
  code: "FM303",
  name: "wrong_model_reference",
  defaultSeverity: "error",
  summary: "A relational field gets records of another model than it points to: a `ref` to the wrong alias, a lookup, table or record of the wrong model.",
  example: {
    wrong: "map Contact -> res.partner as contact { name <- name }\nmap Deal -> crm.lead { name <- name  user_id <- contact_id | ref contact }",
    reported: "crm.lead.user_id points to res.users records, but `ref contact` gives res.partner records",
    right: "map Contact -> res.partner as contact { name <- name }\nmap Deal -> crm.lead { name <- name  partner_id <- contact_id | ref contact }",
  },
  check({ checked }) {
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const { field, value } = assignment;
      if (field === undefined || value === undefined) continue;
      if (field.type !== "many2one" && field.type !== "many2many") continue;
      const model = recordModel(value.type);
      if (model === undefined || model === field.relation) continue;
      const last = value.node.kind === "PipeExpression" ? value.node.steps[value.node.steps.length - 1] : undefined;
      const source =
        last === undefined
          ? "this value"
          : last.kind === "RefStep"
            ? `\`ref ${last.alias.kind === "Name" ? last.alias.value : ""}\``
            : `\`${last.callee.value}\``;
      findings.push({
        file: assignment.file,
        range: value.node.range,
        message: `${assignment.target.model ?? ""}.${field.name} points to ${field.relation ?? "?"} records, but ${source} gives ${model} records`,
      });
    }
    return findings;
  },
};

import type * as A from "../../language/ast.js";
import type { BoundPackage } from "../bound-package.js";
import { findModel, type OdooSchema } from "../catalog/index.js";
import type { LookupSymbol } from "../model.js";
import type { ValueType } from "../types.js";
import type { Finding, Rule } from "./rule.js";

function recordModel(type: ValueType): string | undefined {
  if (type.kind === "record") return type.model;
  if (type.kind === "list" && type.item.kind === "record") return type.item.model;
  return undefined;
}

/**
 * A lookup of users given to a partner field: its model's many2one to the wanted model is what a
 * lookup that `returns` it would give (`returns partner_id`, a user's partner).
 */
function returnsHint(schema: OdooSchema | undefined, lookup: LookupSymbol | undefined, wanted: string | undefined): string {
  if (schema === undefined || lookup?.model === undefined || lookup.returns !== undefined || wanted === undefined) return "";
  const fields = Object.values(findModel(schema, lookup.model)?.fields ?? {}).filter((field) => field.type === "many2one" && field.relation === wanted);
  const field = fields.find((candidate) => candidate.name === "partner_id") ?? fields.sort((a, b) => (a.name < b.name ? -1 : 1))[0];
  if (field === undefined) return "";
  return `; a lookup that \`returns ${field.name}\` gives the ${wanted} of the ${lookup.model} record it finds`;
}

/** The lookup whose records a value is: the last step of its pipeline, or of a list's item. */
function lookupGiving(bound: BoundPackage, node: A.Expression): LookupSymbol | undefined {
  if (node.kind === "ListExpression") return node.items.map((item) => lookupGiving(bound, item)).find((found) => found !== undefined);
  const last = node.kind === "PipeExpression" ? node.steps[node.steps.length - 1] : undefined;
  return last?.kind === "CallStep" ? bound.lookups.get(last.callee.value) : undefined;
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
  check({ bound, checked, schema }) {
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
      const lookup = lookupGiving(bound, value.node);
      findings.push({
        file: assignment.file,
        range: value.node.range,
        message: `${assignment.target.model ?? ""}.${field.name} points to ${field.relation ?? "?"} records, but ${source} gives ${model} records${returnsHint(schema, lookup, field.relation)}`,
      });
    }
    return findings;
  },
};

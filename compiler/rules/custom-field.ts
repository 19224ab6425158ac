import { customFieldProblems } from "../catalog/index.js";
import type { Finding, Rule } from "./rule.js";

export const customField: Rule = {
  code: "FM407",
  name: "custom_field",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "An `extend` custom field Odoo would refuse: a name without x_, a model the target lacks, an unknown type, a clash with an existing field, a relational field without its model, a selection without values.",
  example: {
    wrong: 'extend crm.lead { deal_score integer "Deal score" }',
    reported: 'custom field names must start with "x_" (Odoo refuses "deal_score"); rename it to x_deal_score',
    right: 'extend crm.lead { x_deal_score integer "Deal score" }',
  },
  check({ baseSchema, customFields }) {
    const findings: Finding[] = [];
    for (const { file, declaration } of customFields.unknownTypes) {
      if (declaration.type.kind !== "Name") continue;
      findings.push({
        file,
        range: declaration.type.range,
        message: `${declaration.type.value} is not an Odoo field type: use char, text, html, integer, float, monetary, boolean, date, datetime, selection, many2one, many2many or binary`,
      });
    }
    if (baseSchema === undefined) return findings;
    const reported = new Set<string>();
    for (const problem of customFieldProblems(baseSchema, customFields.additions)) {
      // One problem per field: the first is the one to fix first.
      const key = `${problem.addition.model}.${problem.addition.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const symbol = customFields.symbols.find((candidate) => candidate.model === problem.addition.model && candidate.name === problem.addition.name);
      if (symbol === undefined) continue;
      findings.push({ file: symbol.file, range: symbol.nameRange, message: problem.message });
    }
    return findings;
  },
};

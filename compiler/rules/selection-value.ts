import { selectionValues, suggestNames } from "../catalog/index.js";
import { didYouMean, replaceFix, type Finding, type Rule } from "./rule.js";

function keyList(keys: readonly string[]): string {
  const quoted = keys.map((key) => JSON.stringify(key));
  const last = quoted.pop() ?? "";
  return quoted.length === 0 ? last : `${quoted.join(", ")} or ${last}`;
}

export const selectionValue: Rule = {
  code: "FM302",
  name: "selection_value",
  defaultSeverity: "error",
  summary:
    "A selection field gets a value that is not one of its keys (from a constant, a condition or a table); source values fed straight into one get a warning.",
  example: {
    wrong: 'map Deal -> crm.lead { type = "deal" }',
    reported: 'crm.lead.type takes "lead" or "opportunity", not "deal"',
    right: 'map Deal -> crm.lead { type = "opportunity" }',
  },
  check({ checked }) {
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const { field, value } = assignment;
      if (field === undefined || value === undefined || field.type !== "selection" || value.type.kind === "unknown") continue;
      const keys = selectionValues(field);
      const name = `${assignment.target.model ?? ""}.${field.name}`;
      if (value.constants === undefined) {
        if (value.type.kind === "text") {
          findings.push({
            file: assignment.file,
            range: value.node.range,
            severity: "warning",
            message: `source values go straight into ${name}, which takes only ${keyList(keys)}: translate them with a table (\`table t: text -> text { "Source value" -> "${keys[0] ?? "key"}" }\`) so that no row is refused`,
          });
        }
        continue;
      }
      for (const constant of value.constants) {
        if (constant === null || keys.includes(String(constant))) continue;
        const labels = (field.selection ?? []).filter((option) => option.label.toLowerCase() === String(constant).toLowerCase()).map((option) => option.value);
        const candidates = labels.length > 0 ? labels : suggestNames(String(constant), keys);
        const best = candidates[0];
        const literal = value.node.kind === "StringLiteral" ? value.node : undefined;
        findings.push({
          file: assignment.file,
          range: value.node.range,
          message: `${name} takes ${keyList(keys)}, not ${JSON.stringify(constant)}${didYouMean(candidates)}`,
          ...(best === undefined || literal === undefined
            ? {}
            : { fixes: [replaceFix(`Change to "${best}"`, assignment.file, literal.range, JSON.stringify(best))] }),
        });
      }
    }
    return findings;
  },
};

import type { CheckedAssignment } from "../checked-package.js";
import type { Finding, Rule } from "./rule.js";

export const duplicateAssignment: Rule = {
  code: "FM503",
  name: "duplicate_assignment",
  defaultSeverity: "error",
  summary: "A target sets the same field twice: only one value can land, so the mapping is ambiguous.",
  example: {
    wrong: "map Company -> res.partner { name <- name  name <- trading_name }",
    reported: "name is already set at line 1 of this map; set it once (`name <- a ?? b` keeps the first that is not empty)",
    right: "map Company -> res.partner { name <- trading_name ?? name }",
  },
  check({ checked }) {
    const findings: Finding[] = [];
    const seen = new Map<string, CheckedAssignment>();
    for (const assignment of checked.assignments) {
      const key = `${assignment.target.alias}\u0000${assignment.fieldName.value}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, assignment);
        continue;
      }
      findings.push({
        file: assignment.file,
        range: assignment.fieldName.range,
        message: `${assignment.fieldName.value} is already set at line ${first.fieldName.range.start.line} of this ${assignment.target.role === "split" ? "target" : assignment.target.role}; set it once (\`${assignment.fieldName.value} <- a ?? b\` keeps the first that is not empty)`,
        related: [{ file: first.file, range: first.fieldName.range, message: "first set here" }],
      });
    }
    return findings;
  },
};

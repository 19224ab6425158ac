import type { Rule } from "./rule.js";

export const refByColumn: Rule = {
  code: "FM307",
  name: "ref_by_column",
  defaultSeverity: "error",
  summary:
    "`| ref alias by column` or `get(Entity.column by column)` names a row by a column that is not declared `unique` (which says what a value several rows hold does), or by the entity's key, which `| ref alias` and `get(Entity.column)` alone use.",
  example: {
    wrong: "map Contact -> res.partner as person { name <- name }\nmap Relation -> res.partner { name <- contact_name  parent_id <- contact_name | ref person by last_name }",
    reported:
      "column last_name of Contact is not declared `unique`: say so, and what a value several rows hold does (`unique` rejects the row naming it; `unique ambiguous first` or `last` takes one)",
    right: "map Contact -> res.partner as person { name <- name }\nmap Relation -> res.partner { name <- contact_name  parent_id <- contact_name | ref person by name }",
  },
  check({ checked }) {
    return checked.typeIssues
      .filter((issue) => issue.kind === "ref-by")
      .map((issue) => ({ file: issue.file, range: issue.range, message: issue.message, ...(issue.fixes === undefined ? {} : { fixes: issue.fixes }) }));
  },
};

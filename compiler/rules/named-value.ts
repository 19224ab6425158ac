import type { Rule } from "./rule.js";

export const namedValue: Rule = {
  code: "FM308",
  name: "named_value",
  defaultSeverity: "error",
  summary:
    "A `let` that cannot be read as written: its name given twice in one block, computed from itself (directly or through another let), hiding a column or an outer let (a warning), or read by no statement (a warning, with the fix that removes it).",
  example: {
    wrong: "map Contact -> res.partner {\n  let full <- `{first_name} {last_name}` | trim\n  let label <- label | upper\n  name <- full\n}",
    reported: "let label is computed from itself (here, directly or through another let): compute it from columns\nlet label is read by no statement: use it, or remove it",
    right: "map Contact -> res.partner {\n  let full <- `{first_name} {last_name}` | trim\n  name     <- full\n  ref      <- full | upper\n}",
  },
  check({ checked }) {
    return checked.typeIssues
      .filter((issue) => issue.kind === "let")
      .map((issue) => ({
        file: issue.file,
        range: issue.range,
        message: issue.message,
        ...(issue.severity === undefined ? {} : { severity: issue.severity }),
        ...(issue.fixes === undefined ? {} : { fixes: issue.fixes }),
      }));
  },
};

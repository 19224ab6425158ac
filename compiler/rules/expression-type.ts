import type { Rule } from "./rule.js";

export const expressionType: Rule = {
  code: "FM304",
  name: "expression_type",
  defaultSeverity: "error",
  summary:
    "Inside an expression, a value does not fit where it is used: a built-in's input or arguments, a condition that is not true/false, operands that cannot be compared, `=` with a non-constant, a column group read outside `for each`.",
  example: {
    wrong: 'map Deal -> crm.lead when amount { name <- name | truncate("64") }',
    reported:
      'a `when` condition must be true or false, but this is text: compare it (`status = "won"`) or test it (`column is present`)\nthe length of `truncate` must be integer, not text',
    right: "map Deal -> crm.lead when amount is present { name <- name | truncate(64) }",
  },
  check({ checked }) {
    // Arithmetic operands (FM306 arithmetic_operand), `ref ... by` columns (FM307 ref_by_column), lets (FM308 named_value) and named steps (FM310 named_step) have their own rules.
    const own = new Set(["arithmetic", "ref-by", "lookup-fields", "let", "step"]);
    return checked.typeIssues.filter((issue) => !own.has(issue.kind)).map((issue) => ({ file: issue.file, range: issue.range, message: issue.message }));
  },
};

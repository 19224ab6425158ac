import type { Rule } from "./rule.js";

export const arithmeticOperand: Rule = {
  code: "FM306",
  name: "arithmetic_operand",
  defaultSeverity: "error",
  summary:
    "An operand of `+`, `-`, `*` or `/` is not a number: text is read as one first (`| number`, `| money`), a date or time moves with `add_days` or `add_minutes`, a list is made one value.",
  example: {
    wrong: "map Deal -> crm.lead { name <- name  expected_revenue <- name * 2 }",
    reported: "`*` takes numbers, but this is text: read it as a number first (`| number`, or `| money` for an amount with a currency)",
    right: "map Deal -> crm.lead { name <- name  expected_revenue <- amount | money * 2 }",
  },
  guardsPlan: true,
  check({ checked }) {
    return checked.typeIssues
      .filter((issue) => issue.kind === "arithmetic")
      .map((issue) => ({ file: issue.file, range: issue.range, message: issue.message, ...(issue.fixes === undefined ? {} : { fixes: issue.fixes }) }));
  },
};

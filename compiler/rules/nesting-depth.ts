import { MAX_EXPRESSION_DEPTH } from "../plan/expressions.js";
import type { Rule } from "./rule.js";

export const nestingDepth: Rule = {
  code: "FM305",
  name: "nesting_depth",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: `An expression, a pipeline or a block nested more than ${MAX_EXPRESSION_DEPTH} levels deep: the plan cannot hold it (each pipeline step holds the steps before it, so a pipeline of ${MAX_EXPRESSION_DEPTH} steps is that deep); what is inside is not checked.`,
  example: {
    wrong: `map Company -> res.partner { name <- name${" | trim".repeat(MAX_EXPRESSION_DEPTH)} }`,
    reported: `this pipeline of ${MAX_EXPRESSION_DEPTH} steps nests more than ${MAX_EXPRESSION_DEPTH} levels deep, more than a plan may hold: simplify it (a table instead of nested \`if\`s, fewer steps)`,
    right: "map Company -> res.partner { name <- name | trim }",
  },
  check({ checked }) {
    return checked.nestingProblems.map((problem) => ({ file: problem.file, range: problem.range, message: problem.message }));
  },
};

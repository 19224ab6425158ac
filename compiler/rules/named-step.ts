import type { Rule } from "./rule.js";

export const namedStep: Rule = {
  code: "FM310",
  name: "named_step",
  defaultSeverity: "error",
  summary:
    "A named step (`step NAME = STEP | STEP`) that cannot be inlined where it is used: one of its own steps (directly or through another step), reading a value of a row (a column, `ref ALIAS`) where it works on the value piped into it alone, or named as a built-in (which keeps the name).",
  example: {
    wrong: "step fold = trim | upper | fold\nstep label = truncate(size)\nmap Contact -> res.partner { name <- first_name | fold  ref <- last_name | label }",
    reported:
      "step fold uses itself (here, directly or through another step): a step cannot be one of its own steps\nstep label reads size, a value of a row: a step works on the value piped into it alone, in maps of any entity; give it what it needs through the pipeline",
    right: "step fold = trim | upper\nstep label = truncate(64)\nmap Contact -> res.partner { name <- first_name | fold  ref <- last_name | label }",
  },
  guardsPlan: true,
  check({ checked }) {
    return checked.typeIssues.filter((issue) => issue.kind === "step").map((issue) => ({ file: issue.file, range: issue.range, message: issue.message }));
  },
};

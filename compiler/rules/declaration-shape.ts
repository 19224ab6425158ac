import { replaceFix, type Rule } from "./rule.js";

export const declarationShape: Rule = {
  code: "FM207",
  name: "declaration_shape",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "An entity without a key, a column group with a bad range or header, `keep newest` without a column to compare, a column's format its type cannot use (a date pattern with an unknown letter, a time in a date column's pattern), or a `unique` column's `match` that is not `exact`, `loose`, `company` or `digits`.",
  example: {
    wrong: 'source pb {\n  entity Company "companies.csv" { id text }\n}',
    reported: "entity Company has no key: add `key column` (or `key (a, b)`) after its file pattern; the key makes each row's external ID",
    right: 'source pb {\n  entity Company "companies.csv" key id { id text }\n}',
    selfContained: true,
  },
  check({ bound }) {
    return bound.shapeProblems
      .filter((problem) => problem.kind !== "source-option")
      .map((problem) => ({
        file: problem.file,
        range: problem.range,
        message: problem.message,
        ...(problem.replacement === undefined ? {} : { fixes: [replaceFix(problem.replacement.title, problem.file, problem.replacement.range, problem.replacement.text)] }),
      }));
  },
};

import { COLUMN_TYPES } from "../../language/column-types.js";
import { didYouMean, replaceFix, type Rule } from "./rule.js";

/** Type names from other tools that people write out of habit. */
const HABITS: Readonly<Record<string, string>> = {
  currency: "money",
  amount: "money",
  number: "decimal",
  numeric: "decimal",
  float: "decimal",
  double: "decimal",
  int: "integer",
  bigint: "integer",
  string: "text",
  char: "text",
  varchar: "text",
  bool: "boolean",
  timestamp: "datetime",
  path: "file",
};

export const unknownType: Rule = {
  code: "FM209",
  name: "unknown_type",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: `A column or a table side has a type Flitmap does not know (column types: ${COLUMN_TYPES.join(", ")}).`,
  example: {
    wrong: 'source pb {\n  entity Deal "deals.csv" key id { id text  amount currency }\n}',
    reported: "currency is not a column type; did you mean `money`?",
    right: 'source pb {\n  entity Deal "deals.csv" key id { id text  amount money }\n}',
    selfContained: true,
  },
  check({ bound }) {
    return bound.unresolved
      .filter((entry) => entry.kind === "column-type")
      .map((entry) => {
        const habit = HABITS[entry.name.toLowerCase()];
        const candidates = habit === undefined ? entry.candidates : [habit];
        const best = candidates[0];
        return {
          file: entry.file,
          range: entry.range,
          message: `${entry.name} is not a column type${didYouMean(candidates)}`,
          ...(best === undefined ? {} : { fixes: [replaceFix(`Change to ${best}`, entry.file, entry.range, best)] }),
        };
      });
  },
};

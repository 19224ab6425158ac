import { didYouMean, replaceFix, type Rule } from "./rule.js";

export const unknownColumn: Rule = {
  code: "FM202",
  name: "unknown_column",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "An expression, key, `ignore` or test reads a column its entity does not declare.",
  example: {
    wrong: "map Company -> res.partner { website <- domian }",
    reported: "entity Company has no column domian; did you mean `domain`?",
    right: "map Company -> res.partner { website <- domain }",
  },
  check({ bound }) {
    return bound.unresolved
      .filter((entry) => entry.kind === "column")
      .map((entry) => {
        const best = entry.candidates[0];
        const where = entry.scope === undefined ? "there is no column" : `${entry.scope} has no column`;
        return {
          file: entry.file,
          range: entry.range,
          message: `${where} ${entry.name}${didYouMean(entry.candidates)}`,
          ...(best === undefined ? {} : { fixes: [replaceFix(`Change to ${best}`, entry.file, entry.range, best)] }),
        };
      });
  },
};

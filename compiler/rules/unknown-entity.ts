import { didYouMean, replaceFix, type Rule } from "./rule.js";

export const unknownEntity: Rule = {
  code: "FM201",
  name: "unknown_entity",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "A map, split, child block, `with` block, test or `references` names an entity no source declares.",
  example: {
    wrong: "map Compnay -> res.partner { name <- name }",
    reported: "entity Compnay is not declared in any source; did you mean `Company`?",
    right: "map Company -> res.partner { name <- name }",
  },
  check({ bound }) {
    return bound.unresolved
      .filter((entry) => entry.kind === "entity")
      .map((entry) => {
        const best = entry.candidates[0];
        return {
          file: entry.file,
          range: entry.range,
          message: `entity ${entry.name} is not declared in any source${didYouMean(entry.candidates)}`,
          ...(best === undefined ? {} : { fixes: [replaceFix(`Change to ${best}`, entry.file, entry.range, best)] }),
        };
      });
  },
};

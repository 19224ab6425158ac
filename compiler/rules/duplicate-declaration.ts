import type { Rule } from "./rule.js";

export const duplicateDeclaration: Rule = {
  code: "FM204",
  name: "duplicate_declaration",
  defaultSeverity: "error",
  summary: "Two declarations share a name: entities, columns of an entity, aliases, records of a model, or tables, lookups, named steps and imports.",
  example: {
    wrong: 'table stage: text -> text { "a" -> "b" }\ntable stage: text -> text { "c" -> "d" }',
    reported: "table stage is declared twice (first at main.flitmap:1:7); rename one",
    right: 'table stage: text -> text { "a" -> "b" }\ntable lead_stage: text -> text { "c" -> "d" }',
  },
  check({ bound }) {
    return bound.duplicates.map((duplicate) => ({
      file: duplicate.second.file,
      range: duplicate.second.nameRange,
      message:
        duplicate.message ??
        `${duplicate.what} ${duplicate.name} is declared twice (first at ${duplicate.first.file.split("/").pop() ?? ""}:${duplicate.first.nameRange.start.line}:${duplicate.first.nameRange.start.column}); rename one`,
      related: [{ file: duplicate.first.file, range: duplicate.first.nameRange, message: `${duplicate.name} is first declared here` }],
    }));
  },
};

import { findField, findModel } from "../catalog/index.js";
import { type Finding, type Rule } from "./rule.js";
import { unknownLookupFieldFinding } from "./schema-helpers.js";

const MATCHABLE = new Set(["char", "text", "integer", "selection", "many2one"]);

export const lookupField: Rule = {
  code: "FM408",
  name: "lookup_field",
  defaultSeverity: "error",
  summary: "A lookup matches on a field its model does not have, or on a field that cannot hold the source's value.",
  example: {
    wrong: 'lookup user in res.users by mail { missing fallback "admin" }',
    reported: "res.users has no field mail to match on; did you mean `email`?",
    right: 'lookup user in res.users by email { missing fallback "admin" }',
  },
  check({ bound, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const lookup of bound.lookups.values()) {
      if (lookup.model === undefined || findModel(schema, lookup.model) === undefined || !lookup.file.startsWith(bound.directory)) continue;
      for (const name of lookup.matchFields) {
        const field = findField(schema, lookup.model, name.value);
        if (field === undefined) {
          findings.push(unknownLookupFieldFinding(schema, lookup.model, lookup.file, name, "to match on"));
        } else if (!MATCHABLE.has(field.type)) {
          findings.push({
            file: lookup.file,
            range: name.range,
            message: `${lookup.model}.${name.value} is a ${field.type} field; a lookup matches on text or number fields (char, text, integer, selection)`,
          });
        }
      }
    }
    return findings;
  },
};

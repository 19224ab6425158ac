import { findModel } from "../catalog/index.js";
import { returnableType, returnedField } from "../lookup-returns.js";
import { type Finding, type Rule } from "./rule.js";
import { unknownLookupFieldFinding } from "./schema-helpers.js";

export const lookupReturns: Rule = {
  code: "FM415",
  name: "lookup_returns",
  defaultSeverity: "error",
  summary:
    "A lookup `returns` a field its model does not have, or one that holds no single value it could give (a many2many, a one2many, a file): it returns a many2one (the record it points to) or a plain field.",
  example: {
    wrong: "lookup owner_partner in res.users by login returns partner { missing flag }",
    reported: "res.users has no field partner to return; did you mean `partner_id`, `partner_gid` or `partner_share`?",
    right: "lookup owner_partner in res.users by login returns partner_id { missing flag }",
  },
  // The run reads the returned field with the lookup's records: one the model lacks would fail it.
  guardsPlan: true,
  check({ bound, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const lookup of bound.lookups.values()) {
      const returns = lookup.returns;
      if (returns === undefined || lookup.model === undefined || findModel(schema, lookup.model) === undefined) continue;
      if (!lookup.file.startsWith(bound.directory)) continue;
      const field = returnedField(schema, lookup);
      if (field === undefined) {
        findings.push(unknownLookupFieldFinding(schema, lookup.model, lookup.file, returns, "to return"));
      } else if (returnableType(field) === undefined) {
        findings.push({
          file: lookup.file,
          range: returns.range,
          message: `${lookup.model}.${returns.value} is a ${field.type} field; a lookup returns one value: a many2one (the record it points to) or a plain field (text, a number, a date, a boolean)`,
        });
      }
    }
    return findings;
  },
};

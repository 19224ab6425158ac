import type { Finding, Rule } from "./rule.js";

/** Match rules that read one value as a person's name, which a field of several cannot be. */
const NAME_RULES: ReadonlySet<string> = new Set(["initials", "surname_initial"]);

export const lookupFields: Rule = {
  code: "FM309",
  name: "lookup_fields",
  defaultSeverity: "error",
  summary:
    "A lookup `by FIELD and FIELD` matches a list of values, one per field in order: it is fed anything else, mixes `and` with `or`, or declares a match rule that reads one name (`initials`, `surname_initial`).",
  example: {
    wrong:
      "lookup partner_in_city in res.partner by name and city { missing flag }\nmap Contact -> res.partner { name <- name  parent_id <- company_id | partner_in_city }",
    reported:
      "lookup partner_in_city matches name and city together: give it a list of 2 values in the order of its fields, `[name, city] | partner_in_city`, not text",
    right:
      "lookup partner_in_city in res.partner by name and city { missing flag }\nmap Contact -> res.partner { name <- name  parent_id <- [company_id, address] | partner_in_city }",
  },
  guardsPlan: true,
  check({ bound, checked }) {
    const findings: Finding[] = checked.typeIssues
      .filter((issue) => issue.kind === "lookup-fields")
      .map((issue) => ({ file: issue.file, range: issue.range, message: issue.message }));
    for (const lookup of bound.lookups.values()) {
      if (!lookup.file.startsWith(bound.directory)) continue;
      const joiners = lookup.declaration.joiners;
      const mixed = joiners.findIndex((word) => word !== joiners[0]);
      const field = lookup.declaration.matchFields[mixed + 1];
      if (mixed >= 0 && field !== undefined) {
        findings.push({
          file: lookup.file,
          range: field.range,
          message: `lookup ${lookup.name} joins its fields with both \`and\` and \`or\`: \`and\` matches all of them together, \`or\` each in turn; declare two lookups`,
        });
      }
      const rule = lookup.declaration.items.find((item) => item.kind === "MatchRule");
      if (lookup.together && rule?.kind === "MatchRule" && rule.rule.kind === "Name" && NAME_RULES.has(rule.rule.value)) {
        findings.push({
          file: lookup.file,
          range: rule.range,
          message: `\`match ${rule.rule.value}\` reads one value as a person's name; lookup ${lookup.name} matches ${lookup.matchFields.length} fields together: use \`match exact\` or \`match loose\``,
        });
      }
    }
    return findings;
  },
};

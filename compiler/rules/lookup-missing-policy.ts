import type { Finding, Rule } from "./rule.js";

export const lookupMissingPolicy: Rule = {
  code: "FM601",
  name: "lookup_missing_policy",
  defaultSeverity: "warning",
  summary: "A lookup that does not say what happens when no Odoo record matches (reject, flag, fallback or halt); without one, such rows are rejected.",
  example: {
    wrong: "lookup user in res.users by email",
    reported:
      'lookup user does not say what to do when no res.users record matches (rows are rejected): add `{ missing reject }`, `{ missing flag }`, `{ missing fallback "admin" }` or `{ missing halt }`',
    right: 'lookup user in res.users by email { missing fallback "admin" }',
  },
  check({ bound }) {
    const findings: Finding[] = [];
    for (const lookup of bound.lookups.values()) {
      if (lookup.missing !== undefined || !lookup.file.startsWith(bound.directory)) continue;
      const end = lookup.declaration.range.end;
      const text = bound.files.find((file) => file.path === lookup.file)?.text ?? "";
      const hasBody = text.slice(lookup.declaration.range.start.offset, end.offset).trimEnd().endsWith("}");
      const insertAt = { start: end, end };
      findings.push({
        file: lookup.file,
        range: lookup.nameRange,
        message: `lookup ${lookup.name} does not say what to do when no ${lookup.model ?? ""} record matches (rows are rejected): add \`{ missing reject }\`, \`{ missing flag }\`, \`{ missing fallback "admin" }\` or \`{ missing halt }\``,
        ...(hasBody
          ? {}
          : { fixes: [{ title: "Reject rows with no match", edits: [{ file: lookup.file, range: insertAt, newText: " { missing reject }" }] }] }),
      });
    }
    return findings;
  },
};

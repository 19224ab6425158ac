import { suggestNames } from "../catalog/index.js";
import { documentFacts } from "../document-facts.js";
import { didYouMean, type Finding, type Rule } from "./rule.js";

export const unknownSetting: Rule = {
  code: "FM210",
  name: "unknown_setting",
  defaultSeverity: "error",
  summary: 'An `if setting name ...` block or a `setting name` value reads a setting the migration block does not declare (`setting name "value"`, `setting name 0`).',
  example: {
    wrong:
      'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  setting secondary_links "text"\n}\nsource perfectbooks {\n  entity Contact "contacts.csv" key id { id text  name text  other_companies text }\n}\nmap Contact -> res.partner {\n  name <- name\n  if setting secondary_link = "text" { comment <- other_companies }\n}',
    reported: "the migration declares no setting secondary_link; did you mean `secondary_links`?",
    right:
      'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  setting secondary_links "text"\n}\nsource perfectbooks {\n  entity Contact "contacts.csv" key id { id text  name text  other_companies text }\n}\nmap Contact -> res.partner {\n  name <- name\n  if setting secondary_links = "text" { comment <- other_companies }\n}',
    selfContained: true,
  },
  check({ bound, target }) {
    const findings: Finding[] = [];
    const declared = [...target.settings.keys()];
    for (const file of bound.files) {
      const facts = documentFacts(file.document);
      for (const condition of [...facts.settingConditions, ...facts.settingReads]) {
        if (condition.name.kind === "Missing" || target.settings.has(condition.name.value)) continue;
        const suggestion = didYouMean(suggestNames(condition.name.value, declared));
        findings.push({
          file: file.path,
          range: condition.name.range,
          message: `the migration declares no setting ${condition.name.value}${suggestion === "" ? `: declare it with \`setting ${condition.name.value} "value"\` in the migration block` : suggestion}`,
        });
      }
    }
    return findings;
  },
};

import { findField, findModel } from "../catalog/index.js";
import { deletionPolicy } from "../target.js";
import type { Finding, Rule } from "./rule.js";

export const archiveWithoutActive: Rule = {
  code: "FM411",
  name: "archive_without_active",
  defaultSeverity: "warning",
  summary:
    "The migration archives records whose source row is gone (`deleted archive`), but a target loads into a model without an `active` field: its records can only be reported.",
  example: {
    wrong:
      'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  deleted archive\n}\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text  name text }\n  entity Note "notes.csv" key id { id text  company_id text references Company  body text }\n}\nmap Company -> res.partner { name <- name }\nmap Note -> mail.message {\n  model  = "res.partner"\n  res_id <- company_id | ref company\n  body   <- body\n}',
    reported:
      "mail.message has no `active` field: a note record whose row is gone from the export is reported, not archived (`deleted archive` archives only records that can be archived)",
    right:
      'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  deleted archive\n  // Notes whose row is gone stay in Odoo and are reported: that is what this package wants.\n  rule archive_without_active off\n}\nsource perfectbooks {\n  entity Company "companies.csv" key id { id text  name text }\n  entity Note "notes.csv" key id { id text  company_id text references Company  body text }\n}\nmap Company -> res.partner { name <- name }\nmap Note -> mail.message {\n  model  = "res.partner"\n  res_id <- company_id | ref company\n  body   <- body\n}',
    selfContained: true,
  },
  check({ bound, target, schema }) {
    if (schema === undefined || deletionPolicy(target).policy !== "archive") return [];
    const findings: Finding[] = [];
    for (const step of bound.targets) {
      const model = step.model;
      if (model === undefined || findModel(schema, model) === undefined || findField(schema, model, "active") !== undefined) continue;
      const at = step.declaredModel?.kind === "QualifiedName" ? step.declaredModel.range : step.entityName.range;
      findings.push({
        file: step.file,
        range: at,
        message: `${model} has no \`active\` field: a ${step.alias} record whose row is gone from the export is reported, not archived (\`deleted archive\` archives only records that can be archived)`,
      });
    }
    return findings;
  },
};

import { findModel, renamedField, seriesHavingField } from "../catalog/index.js";
import { replaceFix, type Finding, type Rule } from "./rule.js";

export const fieldNotInVersion: Rule = {
  code: "FM403",
  name: "field_not_in_version",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "A field exists in other Odoo versions but not in the target one (e.g. res.partner.mobile, removed in 19.0).",
  example: {
    wrong:
      'migration pb { source perfectbooks  target odoo "19.0" }\nsource perfectbooks {\n  entity Contact "contacts.csv" key id { id text  name text  mobile text }\n}\nmap Contact -> res.partner { name <- name  mobile <- mobile }',
    reported:
      'res.partner.mobile exists in Odoo 17.0, 18.0 but not in 19.0, the target (removed in Odoo 19.0, which keeps one phone number per contact): use `phone`, or choose per version with `if odoo < "19.0" { ... }`',
    right:
      'migration pb { source perfectbooks  target odoo "19.0" }\nsource perfectbooks {\n  entity Contact "contacts.csv" key id { id text  name text  mobile text }\n}\nmap Contact -> res.partner { name <- name  phone <- mobile }',
    selfContained: true,
  },
  check({ checked, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const model = assignment.target.model;
      if (assignment.field !== undefined || model === undefined || findModel(schema, model) === undefined) continue;
      const name = assignment.fieldName.value;
      const series = seriesHavingField(model, name);
      if (series.length === 0) continue;
      const change = renamedField(schema, model, name);
      const advice = change?.to === undefined ? "" : `use \`${change.to}\`, or `;
      findings.push({
        file: assignment.file,
        range: assignment.fieldName.range,
        message: `${model}.${name} exists in Odoo ${series.join(", ")} but not in ${schema.serie}, the target${change === undefined ? "" : ` (${change.note})`}: ${advice}choose per version with \`if odoo < "${schema.serie}" { ... }\``,
        ...(change?.to === undefined ? {} : { fixes: [replaceFix(`Change to ${change.to}`, assignment.file, assignment.fieldName.range, change.to)] }),
      });
    }
    return findings;
  },
};

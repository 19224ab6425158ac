import { referenceRecord, referenceRecords } from "../catalog/index.js";
import type { Finding, Rule } from "./rule.js";

export const unknownExternalId: Rule = {
  code: "FM409",
  name: "unknown_external_id",
  defaultSeverity: "warning",
  summary: "A records entry names an existing record by an external ID the target's reference data does not have.",
  example: {
    wrong: 'records crm.stage { won existing "crm.stage_lead9" }',
    reported: "Odoo 17.0 has no crm.stage record crm.stage_lead9 (it has crm.stage_lead1, crm.stage_lead2, crm.stage_lead3, crm.stage_lead4)",
    right: 'records crm.stage { won existing "crm.stage_lead4" }',
  },
  check({ bound, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const byName of bound.records.values()) {
      for (const record of byName.values()) {
        if (record.existing === undefined || !record.file.startsWith(bound.directory)) continue;
        const known = referenceRecords(schema, record.model);
        // Without reference data for the model, the catalog cannot tell.
        if (known.length === 0) continue;
        const found = referenceRecord(schema, record.existing);
        if (found !== undefined && found.model === record.model) continue;
        const range = record.declaration.existing?.range ?? record.nameRange;
        const message =
          found !== undefined
            ? `${record.existing} is a ${found.model} record, not a ${record.model} record`
            : `Odoo ${schema.serie} has no ${record.model} record ${record.existing} (it has ${known
                .flatMap((candidate) => (candidate.xmlid === undefined ? [] : [candidate.xmlid]))
                .slice(0, 6)
                .join(", ")})`;
        findings.push({ file: record.file, range, message });
      }
    }
    return findings;
  },
};

import { findModel, seriesHavingModel } from "../catalog/index.js";
import type { Finding, Rule } from "./rule.js";
import { APP_MODELS, declaredModels } from "./schema-helpers.js";

export const missingAppModel: Rule = {
  code: "FM406",
  name: "missing_app_model",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "A target loads into a model of an app the target Odoo lacks (e.g. helpdesk.ticket on Community), without a declared fallback.",
  example: {
    wrong: "map Case -> helpdesk.ticket as ticket { name <- subject }",
    reported:
      "helpdesk.ticket belongs to Helpdesk (Odoo Enterprise), which the target Odoo 17.0 does not have: add a fallback (`} fallback crm.lead { ... }`) or target a schema pulled from a server that has it",
    right: 'map Case -> helpdesk.ticket as ticket { name <- subject } fallback crm.lead { name <- subject  type = "lead" }',
  },
  check({ bound, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const target of bound.targets) {
      for (const model of declaredModels(target)) {
        if (model.fallback || findModel(schema, model.name) !== undefined || target.fallback !== undefined) continue;
        const app = APP_MODELS[model.name];
        const elsewhere = seriesHavingModel(model.name);
        if (app === undefined && elsewhere.length === 0) continue;
        const owner = app !== undefined ? `belongs to ${app}, which` : `exists in Odoo ${elsewhere.join(", ")} but`;
        findings.push({
          file: target.file,
          range: model.range,
          message: `${model.name} ${owner} the target Odoo ${schema.serie} does not have: add a fallback (\`} fallback crm.lead { ... }\`) or target a schema pulled from a server that has it`,
        });
      }
    }
    return findings;
  },
};

import type { Range } from "../../language/location.js";
import { findModel, seriesHavingModel, suggestModelNames } from "../catalog/index.js";
import { didYouMean, replaceFix, type Finding, type Rule } from "./rule.js";
import { APP_MODELS, declaredModels } from "./schema-helpers.js";

export const unknownModel: Rule = {
  code: "FM401",
  name: "unknown_model",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "A map, split target, lookup, records block, table or extend names a model the target Odoo does not have.",
  example: {
    wrong: "map Deal -> crm.leads { name <- name }",
    reported: "Odoo 17.0 has no model crm.leads; did you mean `crm.lead`?",
    right: "map Deal -> crm.lead { name <- name }",
  },
  check({ bound, schema }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    const report = (file: string, name: string, range: Range): void => {
      if (findModel(schema, name) !== undefined) return;
      // Models of apps that exist elsewhere are missing_app_model's to report.
      if (APP_MODELS[name] !== undefined || seriesHavingModel(name).length > 0) return;
      const candidates = suggestModelNames(schema, name);
      const best = candidates[0];
      findings.push({
        file,
        range,
        message: `Odoo ${schema.serie} has no model ${name}${didYouMean(candidates)}`,
        ...(best === undefined ? {} : { fixes: [replaceFix(`Change to ${best}`, file, range, best)] }),
      });
    };
    for (const target of bound.targets) for (const model of declaredModels(target)) report(target.file, model.name, model.range);
    for (const lookup of bound.lookups.values())
      if (lookup.declaration.model.kind === "QualifiedName" && lookup.file.startsWith(bound.directory))
        report(lookup.file, lookup.declaration.model.value, lookup.declaration.model.range);
    for (const table of bound.tables.values()) {
      if (table.output?.kind === "record" && table.declaration.output.kind === "QualifiedName" && table.file.startsWith(bound.directory))
        report(table.file, table.output.model, table.declaration.output.range);
    }
    for (const file of bound.files) {
      for (const declaration of file.document.declarations) {
        if ((declaration.kind === "RecordsDeclaration" || declaration.kind === "ExtendDeclaration") && declaration.model.kind === "QualifiedName")
          report(file.path, declaration.model.value, declaration.model.range);
      }
    }
    return findings;
  },
};

/**
 * The Odoo models a package depends on: what `flitmap schema pull` reads from a server by default
 * so that the pulled schema can check the package offline.
 */
import type { PackageAnalysis } from "./analyze.js";
import { findField } from "./catalog/index.js";

export function packageModels(analysis: PackageAnalysis): string[] {
  const { bound, checked, schema } = analysis;
  const models = new Set<string>();
  for (const target of bound.targets) {
    if (target.declaredModel?.kind === "QualifiedName") models.add(target.declaredModel.value);
    if (target.fallback?.model.kind === "QualifiedName") models.add(target.fallback.model.value);
  }
  for (const lookup of bound.lookups.values()) if (lookup.model !== undefined) models.add(lookup.model);
  for (const model of bound.records.keys()) models.add(model);
  for (const table of bound.tables.values()) if (table.output?.kind === "record" && table.output.model !== undefined) models.add(table.output.model);
  for (const field of bound.customFields) {
    models.add(field.model);
    if (field.declaration.relation !== undefined) models.add(field.declaration.relation.value);
  }
  // The models the written fields point to: a ref or lookup into them is checked against their records.
  for (const assignment of checked.assignments) {
    const model = assignment.target.model;
    if (model === undefined || schema === undefined) continue;
    const relation = findField(schema, model, assignment.fieldName.value)?.relation;
    if (relation !== undefined) models.add(relation);
  }
  return [...models].sort();
}

/** Small shared questions the schema rules ask. */
import type * as A from "../../language/ast.js";
import type { Range } from "../../language/location.js";
import { findModel, suggestFieldNames, type OdooSchema } from "../catalog/index.js";
import type { CheckedAssignment } from "../checked-package.js";
import type { TargetSymbol } from "../model.js";
import { didYouMean, replaceFix, type Finding } from "./rule.js";

/** Models that belong to apps Odoo Community does not ship, with the app's name. */
export const APP_MODELS: Readonly<Record<string, string>> = {
  "helpdesk.ticket": "Helpdesk (Odoo Enterprise)",
  "helpdesk.team": "Helpdesk (Odoo Enterprise)",
  "helpdesk.stage": "Helpdesk (Odoo Enterprise)",
  "helpdesk.tag": "Helpdesk (Odoo Enterprise)",
  "helpdesk.ticket.type": "Helpdesk (Odoo Enterprise)",
  "documents.document": "Documents (Odoo Enterprise)",
  "documents.folder": "Documents (Odoo Enterprise)",
  "sign.request": "Sign (Odoo Enterprise)",
  "voip.call": "VoIP (Odoo Enterprise)",
  "appointment.type": "Appointments (Odoo Enterprise)",
  "marketing.campaign": "Marketing Automation (Odoo Enterprise)",
  "project.task": "Project",
  "project.project": "Project",
  "hr.employee": "Employees",
  "event.event": "Events",
  "stock.picking": "Inventory",
};

/** The model written in a target's declaration and the one its fallback names, with their ranges. */
export function declaredModels(target: TargetSymbol): { name: string; range: Range; fallback: boolean }[] {
  const models: { name: string; range: Range; fallback: boolean }[] = [];
  if (target.declaredModel?.kind === "QualifiedName") models.push({ name: target.declaredModel.value, range: target.declaredModel.range, fallback: false });
  if (target.fallback !== undefined && target.fallback.model.kind === "QualifiedName")
    models.push({ name: target.fallback.model.value, range: target.fallback.model.range, fallback: true });
  return models;
}

/** Whether the target's model is known to the schema, so that its fields can be checked. */
export function modelKnown(schema: OdooSchema | undefined, target: TargetSymbol): schema is OdooSchema {
  return schema !== undefined && target.model !== undefined && findModel(schema, target.model) !== undefined;
}

/** Assignments that name a field the target's model does not have. */
export function unknownFieldAssignments(schema: OdooSchema | undefined, assignments: readonly CheckedAssignment[]): CheckedAssignment[] {
  return assignments.filter((assignment) => assignment.field === undefined && modelKnown(schema, assignment.target));
}

export function nameOf(node: A.QualifiedName | A.Missing | undefined): string | undefined {
  return node?.kind === "QualifiedName" ? node.value : undefined;
}

/** A lookup naming a field its model lacks (`to match on`, `to return`), with the nearest names and the first as its fix. */
export function unknownLookupFieldFinding(schema: OdooSchema, model: string, file: string, name: { readonly value: string; readonly range: Range }, purpose: string): Finding {
  const candidates = suggestFieldNames(schema, model, name.value);
  const best = candidates[0];
  return {
    file,
    range: name.range,
    message: `${model} has no field ${name.value} ${purpose}${didYouMean(candidates)}`,
    ...(best === undefined ? {} : { fixes: [replaceFix(`Change to ${best}`, file, name.range, best)] }),
  };
}

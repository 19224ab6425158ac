/**
 * Odoo's message texts where they differ between 17.0, 18.0 and 19.0, copied from the recorded
 * faults (see each version's wire/README.md).
 */

import type { FieldSpec, ModelSpec, OdooVersion } from "./catalog.js";
import { pyRepr } from "./py.js";

export function invalidFieldMessage(version: OdooVersion, model: string, field: string, during: "read" | "write"): string {
  if (version === "19.0") return during === "read" ? `Invalid field '${field}' on '${model}'` : `Invalid field '${field}' in '${model}'`;
  return `Invalid field '${field}' on model '${model}'`;
}

export function unknownMethodMessage(version: OdooVersion, model: string, method: string): string {
  return version === "17.0" ? `The method '${method}' does not exist on the model '${model}'` : `The method '${model}.${method}' does not exist`;
}

export function privateMethodMessage(version: OdooVersion, model: string, method: string): string {
  return version === "17.0"
    ? `Private methods (such as ${method}) cannot be called remotely.`
    : `Private methods (such as '${model}.${method}') cannot be called remotely.`;
}

export function unknownModelMessage(model: string): string {
  return `Object ${model} doesn't exist`;
}

/** NOT NULL violation of a required column, as reported over RPC. */
export function notNullMessage(version: OdooVersion, model: ModelSpec, field: FieldSpec): string {
  if (version === "19.0") {
    return `The operation cannot be completed: Missing required value for the field '${field.label}' (${field.name}).\nModel: '${model.description}' (${model.name})\n- create/update: a mandatory field is not set\n- delete: another model requires the record being deleted, you can archive it instead\n`;
  }
  return `The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${model.description} (${model.name})\nField: ${field.label} (${field.name})\n`;
}

/** NOT NULL violation inside load(): psycopg2's error translated per row. */
export function notNullLoadMessage(field: FieldSpec): string {
  return `Missing required value for the field '${field.label}' (${field.name})`;
}

/** Foreign-key violation (a many2one to an id that does not exist), as reported over RPC. */
export function foreignKeyMessage(version: OdooVersion, model: ModelSpec, field: FieldSpec): string {
  if (version === "19.0") {
    return `The operation cannot be completed: Another model is using the record you are trying to delete.\n\nThe troublemaker is: '${model.description}' (${model.name})\nThanks to the following constraint: '${field.label}' (${field.name})\nHow about archiving the record instead?`;
  }
  return `The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${model.description} (${model.name})\nConstraint: ${model.name.replace(/\./g, "_")}_${field.name}_fkey\n`;
}

/** A SQL CHECK or UNIQUE constraint, as reported over RPC. */
export function sqlConstraintMessage(message: string): string {
  return `The operation cannot be completed: ${message}`;
}

/** The same constraint inside load(): 17.0 and 18.0 quote it (a repr), 19.0 does not. */
export function sqlConstraintLoadMessage(version: OdooVersion, message: string): string {
  return version === "19.0" ? message : pyRepr(message);
}

export function loadViewMode(version: OdooVersion): string {
  return version === "17.0" ? "tree,form" : "list,form";
}

export type AccessOperation = "read" | "create" | "write" | "unlink";

const VERB: Readonly<Record<AccessOperation, string>> = { read: "access", create: "create", write: "modify", unlink: "delete" };

export function accessErrorMessage(model: ModelSpec, operation: AccessOperation, groups: readonly string[]): string {
  return `You are not allowed to ${VERB[operation]} '${model.description}' (${model.name}) records.\n\nThis operation is allowed for the following groups:\n${groups.map((group) => `\t- ${group}`).join("\n")}\n\nContact your administrator to request access if necessary.`;
}

/** The form view of res.users that the "linked active users" RedirectWarning opens. */
export function usersFormViewId(version: OdooVersion): number {
  return version === "17.0" ? 162 : version === "18.0" ? 163 : 167;
}

export function accessRightsGroup(version: OdooVersion): string {
  return version === "19.0" ? "Access Rights" : "Administration/Access Rights";
}

export function settingsGroup(version: OdooVersion): string {
  return version === "19.0" ? "Settings" : "Administration/Settings";
}

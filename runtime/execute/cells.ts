/**
 * How a computed value becomes a cell of a load() call or an import file: its column, its text,
 * why it cannot be written at all (checked before anything reaches Odoo), and the hash of a
 * record's cells that tells an unchanged record.
 */
import { createHash } from "node:crypto";
import type { OperationPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import { isEmpty, isRecordRef, type RuntimeValue, type ValueNote } from "../transform/values.js";

/** How a cell points to a record: by database id (a live Odoo) or by external ID (import files, dry runs). */
export type ReferenceStyle = "id" | "xmlid";

/** How a value is written in a load() cell or an import file's cell. */
export function cellOf(value: RuntimeValue, operation: OperationPlan, style: ReferenceStyle): string {
  if (value === null) return "";
  if (isRecordRef(value)) return style === "id" || operation.fieldType === "many2one_reference" ? String(value.id ?? "") : (value.xmlid ?? "");
  if (Array.isArray(value))
    return (value as readonly RuntimeValue[])
      .map((item) => cellOf(item, operation, style))
      .filter((cell) => cell !== "")
      .join(",");
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  return value as string;
}

/** The column of a field in a batch: `field`, or for a reference `field/.id` (database ids) or `field/id` (external IDs). */
export function columnOf(operation: OperationPlan, style: ReferenceStyle): string {
  if (operation.fieldType === "many2one" || operation.fieldType === "many2many") return style === "id" ? `${operation.field}/.id` : `${operation.field}/id`;
  return operation.field;
}

/** The model each reference column of a step's batch points into: its fields' relations, and the parent step's model for a child step's parent column. */
export function columnRelations(plan: Plan, step: StepPlan, fields: readonly string[]): Record<string, string> {
  const byField = new Map<string, string>();
  for (const operation of [...step.operations, ...step.deferred]) if (operation.relation !== undefined) byField.set(operation.field, operation.relation);
  const parentModel = plan.steps.find((candidate) => candidate.id === step.parent?.step)?.model;
  if (step.parent !== undefined && parentModel !== undefined) byField.set(step.parent.inverse, parentModel);
  const relations: Record<string, string> = {};
  for (const column of fields) {
    const field = /^(.*)\/\.?id$/.exec(column)?.[1];
    const model = field === undefined ? undefined : byField.get(field);
    if (model !== undefined) relations[column] = model;
  }
  return relations;
}

/** Why a field's value cannot be written, checked before anything reaches Odoo. */
export function fieldProblem(operation: OperationPlan, value: RuntimeValue, notes: readonly ValueNote[], style: ReferenceStyle): string | undefined {
  if (isEmpty(value)) {
    if (!operation.required || operation.defaulted === true) return undefined;
    const because = notes
      .filter((note) => note.kind === "dangling-reference" || note.kind === "lookup-missing" || note.kind === "flagged" || note.kind === "optional-link")
      .map((note) => note.detail);
    return `Odoo requires ${operation.field}, but it is empty${because.length > 0 ? ` (${because.join("; ")})` : ""}`;
  }
  if (operation.selection !== undefined && typeof value === "string" && !operation.selection.includes(value)) {
    return `${JSON.stringify(value)} is not a value of ${operation.field} (it takes ${operation.selection.map((key) => JSON.stringify(key)).join(", ")})`;
  }
  if (operation.size !== undefined && typeof value === "string" && value.length > operation.size) {
    return `${operation.field} takes at most ${operation.size} characters, this has ${value.length}: shorten it with \`| truncate(${operation.size})\``;
  }
  if (style === "id" && isRecordRef(value) && value.id === undefined)
    return `${operation.field} points to ${value.xmlid ?? value.model} whose database id is unknown`;
  return undefined;
}

/** The hash of a record's cells as written: equal hashes mean nothing changed. */
export function cellsHash(fields: readonly string[], cells: readonly string[]): string {
  return createHash("sha1")
    .update(JSON.stringify([fields, cells]))
    .digest("hex")
    .slice(0, 16);
}

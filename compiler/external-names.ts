/**
 * Recording the names a package uses but does not declare (Odoo's models and fields), for the
 * binder and the checker alike: each records them where it resolves what is around them, so that
 * the editor reads which model a field belongs to instead of working it out again.
 */
import type * as A from "../language/ast.js";
import { findModel, type OdooSchema } from "./catalog/index.js";
import type { ExternalName } from "./bound-package.js";

/** A model named in the package; its name, or undefined when none is written. */
export function recordModelName(names: ExternalName[], file: string, name: A.QualifiedName | A.Missing | undefined): string | undefined {
  if (name === undefined || name.kind === "Missing") return undefined;
  names.push({ kind: "model", file, range: name.range, model: name.value });
  return name.value;
}

/** A field of `model` named in the package (a quoted field name is text, not a name). */
export function recordFieldName(names: ExternalName[], file: string, model: string | undefined, name: A.Name | A.StringLiteral): void {
  if (name.kind === "Name") names.push({ kind: "field", file, range: name.range, model, field: name.value });
}

/**
 * What `odoo has x.y` names, as the target's `has` reads it (compiler/target.ts): a model named
 * x.y, else, when x is a model, its field y.
 */
export function recordConditionName(names: ExternalName[], file: string, condition: A.HasCondition, schema: OdooSchema | undefined): void {
  const name = condition.name;
  if (name.kind === "Missing") return;
  const dot = name.value.lastIndexOf(".");
  const owner = dot > 0 ? name.value.slice(0, dot) : undefined;
  const last = name.parts[name.parts.length - 1];
  if (
    schema !== undefined &&
    owner !== undefined &&
    last !== undefined &&
    findModel(schema, name.value) === undefined &&
    findModel(schema, owner) !== undefined
  ) {
    names.push({ kind: "field", file, range: last.range, model: owner, field: last.value });
    return;
  }
  names.push({ kind: "model", file, range: name.range, model: name.value });
}

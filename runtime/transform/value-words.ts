/**
 * Words shared by the compiled plan and the rest of the runtime: the text form of a value, the keys
 * a value takes in tables and lookups, and how two values compare. Pure.
 */
import type { Literal } from "../../compiler/plan/schema.js";
import { foldCase } from "../../compiler/value-formats.js";
import { isRecordRef, type RuntimeValue } from "./values.js";

/** The text form of a value inside templates, table keys and lookups. */
export function textOf(value: RuntimeValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (isRecordRef(value)) return value.label ?? value.xmlid ?? String(value.id ?? "");
  return value
    .map(textOf)
    .filter((part) => part !== "")
    .join(", ");
}

export function literalKey(value: RuntimeValue | Literal): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return textOf(value);
}

export function looseKey(key: string): string {
  return foldCase(key.trim().replace(/\s+/g, " "));
}

function comparable(value: RuntimeValue): string | number | boolean | null {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value;
  return textOf(value);
}

export function compare(left: RuntimeValue, operator: "=" | "!=" | "<" | "<=" | ">" | ">=", right: RuntimeValue): boolean {
  const a = comparable(left);
  const b = comparable(right);
  if (operator === "=" || operator === "!=") {
    const equal = typeof a === "number" && typeof b === "number" ? a === b : a !== null && b !== null && String(a) === String(b);
    return operator === "=" ? equal : !equal;
  }
  if (a === null || b === null) return false;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  switch (operator) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

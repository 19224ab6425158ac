/**
 * Values as the double's ORM handles them: Python-side conversion of written values
 * (Field.convert_to_cache), dates, rounding, sort keys in PostgreSQL's order, and small helpers
 * the ORM's parts share.
 */

import type { FieldSpec, ModelSpec } from "./catalog.js";
import { valueError } from "./exceptions.js";
import type { Env } from "./orm.js";
import { pyRepr } from "./py.js";

export const X2MANY: ReadonlySet<string> = new Set(["one2many", "many2many"]);

/** Python-side conversion of one non-relational-list value (Field.convert_to_cache). */
export function convertValue(spec: ModelSpec, field: FieldSpec, raw: unknown): unknown {
  if (raw === null || raw === undefined)
    return field.type === "boolean" ? false : field.type === "integer" || field.type === "float" || field.type === "monetary" ? 0 : false;
  switch (field.type) {
    case "char":
    case "text":
    case "html":
      if (raw === false) return false;
      return typeof raw === "string" ? raw : pyStr(raw);
    case "selection": {
      if (raw === false || raw === "") return false;
      const keys = field.selection?.map(([key]) => key);
      if (keys !== undefined && keys.length > 0 && !keys.includes(String(raw))) {
        throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(raw)}`);
      }
      return String(raw);
    }
    case "integer":
    case "many2one_reference": {
      if (raw === false) return field.type === "integer" ? 0 : false;
      if (typeof raw === "boolean") return raw ? 1 : 0;
      if (typeof raw === "number") return Math.trunc(raw);
      const text = String(raw).trim();
      if (!/^[+-]?\d+$/.test(text)) throw valueError(`invalid literal for int() with base 10: ${pyRepr(raw)}`);
      return Number.parseInt(text, 10);
    }
    case "float":
    case "monetary": {
      if (raw === false || raw === "") return 0;
      let number: number;
      if (typeof raw === "number") number = raw;
      else if (typeof raw === "boolean") number = raw ? 1 : 0;
      else {
        const text = String(raw).trim();
        number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
        if (Number.isNaN(number)) throw valueError(`could not convert string to float: ${pyRepr(raw)}`);
      }
      const decimals = field.type === "monetary" ? 2 : field.digits?.[1];
      return decimals === undefined ? number : roundTo(number, decimals);
    }
    case "boolean":
      return Boolean(raw);
    case "date":
      if (raw === false || raw === "") return false;
      return parseDate(String(raw));
    case "datetime":
      if (raw === false || raw === "") return false;
      return parseDatetime(String(raw));
    case "many2one": {
      if (raw === false || raw === 0) return false;
      if (typeof raw === "number" && Number.isInteger(raw)) return raw;
      throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(raw)}`);
    }
    case "binary":
      if (raw === false || raw === "") return false;
      if (typeof raw !== "string") throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(raw)}`);
      return raw;
    default:
      return raw;
  }
}

export function typeDefault(field: FieldSpec): unknown {
  switch (field.type) {
    case "boolean":
      return false;
    case "integer":
    case "float":
    case "monetary":
      return 0;
    case "one2many":
    case "many2many":
      return [];
    default:
      return false;
  }
}

/** `default_<field>` context keys, as Odoo applies them on create. */
export function contextDefaults(env: Env, spec: ModelSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env.context)) {
    if (key.startsWith("default_") && spec.fields.has(key.slice("default_".length))) result[key.slice("default_".length)] = value;
  }
  return result;
}

export function parseOrder(order: string): Array<{ field: string; descending: boolean }> {
  return order
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [field = "", direction = "asc"] = part.split(/\s+/);
      return { field, descending: direction.toLowerCase() === "desc" };
    });
}

/** PostgreSQL order: NULLs last ascending, first descending; strings by code point. */
export function compareSortValues(a: unknown, b: unknown, descending: boolean): number {
  const aNull = a === false || a === null || a === undefined;
  const bNull = b === false || b === null || b === undefined;
  if (aNull || bNull) {
    if (typeof a === "boolean" && typeof b === "boolean") return (Number(a) - Number(b)) * (descending ? -1 : 1);
    if (aNull && bNull) return 0;
    return (aNull ? 1 : -1) * (descending ? -1 : 1);
  }
  let order: number;
  if (typeof a === "number" && typeof b === "number") order = a - b;
  else if (typeof a === "boolean" && typeof b === "boolean") order = Number(a) - Number(b);
  else {
    const left = String(a);
    const right = String(b);
    order = left < right ? -1 : left > right ? 1 : 0;
  }
  return descending ? -order : order;
}

export function targetIndexKey(model: string, id: number): number {
  // One numeric key per (model, id): a stable small hash of the model name shifted above ids.
  let hash = 0;
  for (const char of model) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash * 4_294_967_296 + id;
}

export function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

export function round2(value: number): number {
  return roundTo(value, 2);
}

export function lineAmount(row: Record<string, unknown>): number {
  const quantity = typeof row["product_uom_qty"] === "number" ? row["product_uom_qty"] : 1;
  const price = num(row["price_unit"]);
  const discount = num(row["discount"]);
  return quantity * price * (1 - discount / 100);
}

export function pyStr(value: unknown): string {
  if (value === true) return "True";
  if (value === false) return "False";
  return String(value);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseDate(text: string): string {
  const value = text.length > 10 ? text.slice(0, 10) : text;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d'`);
  if (!validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) throw valueError("day is out of range for month");
  return value;
}

export function parseDatetime(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?)?$/.exec(text);
  if (!match) throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
  if (!validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) throw valueError("day is out of range for month");
  if (Number(match[4] ?? 0) > 23 || Number(match[5] ?? 0) > 59 || Number(match[6] ?? 0) > 59)
    throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
  return `${match[1]}-${match[2]}-${match[3]} ${match[4] ?? "00"}:${match[5] ?? "00"}:${match[6] ?? "00"}`;
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** The value of a Python string literal's body: the escapes literal_eval undoes. */
export function pythonString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    if (escape.startsWith("u") || escape.startsWith("x")) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[escape] ?? escape;
  });
}

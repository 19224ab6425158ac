/**
 * Odoo domains: prefix-notation lists of leaves `[path, operator, value]` joined by `&`, `|`
 * and `!` (top-level terms are ANDed). Evaluated in memory against the double's rows, with
 * Odoo's semantics for False (NULL), relational fields (ids, or names matched on the comodel)
 * and dotted paths.
 */

import type { ModelSpec, OdooVersion } from "./catalog.js";
import { valueError } from "./exceptions.js";
import { PyTuple, pyRepr } from "./py.js";
import type { Row } from "./store.js";

export interface DomainHost {
  readonly version: OdooVersion;
  spec(model: string): ModelSpec;
  /** A field's value in cache form: many2one id or false, x2many id arrays, scalars. */
  value(model: string, row: Row, field: string): unknown;
  /** Ids of `model` matching `domain` (archived records included). */
  searchIds(model: string, domain: readonly unknown[]): Set<number>;
  /** Ids of `model` whose name matches, as name_search would (for relational leaves given names). */
  nameMatchIds(model: string, operator: string, name: string): Set<number>;
  /** The parent field of a hierarchical model (for child_of / parent_of). */
  parentField(model: string): string | undefined;
  rows(model: string): Iterable<Row>;
}

export type RowPredicate = (row: Row) => boolean;

const OPERATORS = new Set([
  "=",
  "!=",
  "<>",
  "<",
  "<=",
  ">",
  ">=",
  "=?",
  "=like",
  "=ilike",
  "like",
  "not like",
  "ilike",
  "not ilike",
  "in",
  "not in",
  "child_of",
  "parent_of",
  "any",
  "not any",
]);

const NEGATIVE = new Set(["!=", "<>", "not like", "not ilike", "not in", "not any"]);
const RELATIONAL = new Set(["many2one", "one2many", "many2many"]);

export function compileDomain(host: DomainHost, model: string, domain: readonly unknown[]): RowPredicate {
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
  if (domain.length === 0) return () => true;
  let position = 0;
  const parse = (): RowPredicate => {
    if (position >= domain.length) throw valueError(`Invalid domain: ${pyRepr(domain)} (an operator lacks its terms)`);
    const item = domain[position];
    position += 1;
    if (item === "&" || item === "|") {
      const left = parse();
      const right = parse();
      return item === "&" ? (row) => left(row) && right(row) : (row) => left(row) || right(row);
    }
    if (item === "!") {
      const inner = parse();
      return (row) => !inner(row);
    }
    return compileLeaf(host, model, item);
  };
  const terms: RowPredicate[] = [];
  while (position < domain.length) terms.push(parse());
  return (row) => terms.every((term) => term(row));
}

function leafError(host: DomainHost, model: string, field: string, leaf: readonly unknown[]): Error {
  const where = host.version === "19.0" ? "condition" : "leaf";
  return valueError(`Invalid field ${model}.${field} in ${where} ${pyRepr(new PyTuple(leaf))}`);
}

function compileLeaf(host: DomainHost, model: string, item: unknown): RowPredicate {
  if (item === true) return () => true;
  if (item === false) return () => false;
  if (!Array.isArray(item) || item.length !== 3) throw valueError(`Invalid leaf ${pyRepr(item)}`);
  const [rawPath, rawOperator, value] = item as [unknown, unknown, unknown];
  if (rawPath === 1 || rawPath === 0) {
    const constant = rawPath === 1;
    return () => constant;
  }
  if (typeof rawPath !== "string" || typeof rawOperator !== "string") throw valueError(`Invalid leaf ${pyRepr(item)}`);
  const operator = rawOperator.toLowerCase() === "<>" ? "!=" : rawOperator.toLowerCase();
  if (!OPERATORS.has(operator)) throw valueError(`Invalid operator ${pyRepr(rawOperator)} in domain term ${pyRepr(new PyTuple(item))}`);
  const spec = host.spec(model);
  const [head, ...rest] = rawPath.split(".");
  const fieldName = head ?? "";
  const field = spec.fields.get(fieldName);
  if (!field) throw leafError(host, model, fieldName, item);

  if (rest.length > 0) {
    if (!RELATIONAL.has(field.type) || field.relation === undefined) throw leafError(host, model, rawPath, item);
    const comodel = field.relation;
    const positive = NEGATIVE.has(operator) ? negate(operator) : operator;
    let matching: Set<number> | undefined;
    const ids = (): Set<number> => (matching ??= host.searchIds(comodel, [[rest.join("."), positive, value]]));
    const isNegative = NEGATIVE.has(operator);
    return (row) => {
      const hit = related(host.value(model, row, fieldName)).some((id) => ids().has(id));
      return isNegative ? !hit : hit;
    };
  }

  if (operator === "=?") {
    if (value === false || value === null || value === undefined || value === "") return () => true;
    return compileLeaf(host, model, [fieldName, "=", value]);
  }

  if (RELATIONAL.has(field.type) && field.relation !== undefined) {
    return compileRelationalLeaf(host, model, fieldName, field.relation, operator, value);
  }
  return compileScalarLeaf(host, model, fieldName, operator, value);
}

function negate(operator: string): string {
  switch (operator) {
    case "!=":
      return "=";
    case "not like":
      return "like";
    case "not ilike":
      return "ilike";
    case "not in":
      return "in";
    case "not any":
      return "any";
    default:
      return operator;
  }
}

function related(value: unknown): number[] {
  if (typeof value === "number") return value === 0 ? [] : [value];
  if (Array.isArray(value)) return value.filter((id): id is number => typeof id === "number");
  return [];
}

function isEmptyValue(value: unknown): boolean {
  return value === false || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function compileRelationalLeaf(host: DomainHost, model: string, fieldName: string, comodel: string, operator: string, value: unknown): RowPredicate {
  const read = (row: Row): number[] => related(host.value(model, row, fieldName));
  if (operator === "any" || operator === "not any") {
    let ids: Set<number> | undefined;
    const match = (row: Row): boolean => read(row).some((id) => (ids ??= host.searchIds(comodel, Array.isArray(value) ? value : [])).has(id));
    return operator === "any" ? match : (row) => !match(row);
  }
  if (operator === "child_of" || operator === "parent_of") {
    const roots = related(value);
    let closure: Set<number> | undefined;
    const compute = (): Set<number> => (closure ??= hierarchy(host, comodel, new Set(roots), operator === "child_of"));
    return (row) => read(row).some((id) => compute().has(id));
  }
  const wantsEmpty = value === false || value === null;
  if (operator === "=" && wantsEmpty) return (row) => read(row).length === 0;
  if (operator === "!=" && wantsEmpty) return (row) => read(row).length > 0;
  // Names instead of ids: matched against the comodel's names, as Odoo does.
  const names =
    typeof value === "string" ? [value] : Array.isArray(value) && value.some((entry) => typeof entry === "string") ? (value as unknown[]) : undefined;
  if (names !== undefined && operator !== "in" && operator !== "not in") {
    const positive = NEGATIVE.has(operator) ? negate(operator) : operator;
    let ids: Set<number> | undefined;
    const match = (row: Row): boolean => read(row).some((id) => (ids ??= host.nameMatchIds(comodel, positive, String(names[0]))).has(id));
    return NEGATIVE.has(operator) ? (row) => !match(row) : match;
  }
  if (names !== undefined) {
    let ids: Set<number> | undefined;
    const compute = (): Set<number> => {
      if (ids) return ids;
      ids = new Set<number>();
      for (const name of names) {
        if (typeof name === "number") ids.add(name);
        else if (typeof name === "string") for (const id of host.nameMatchIds(comodel, "=", name)) ids.add(id);
      }
      return ids;
    };
    const match = (row: Row): boolean => read(row).some((id) => compute().has(id));
    return operator === "in" ? match : (row) => !match(row);
  }
  if (operator === "=" || operator === "in") {
    const wanted = new Set(operator === "=" ? related(value) : related(Array.isArray(value) ? value : [value]));
    const includeEmpty = operator === "in" && Array.isArray(value) && value.includes(false);
    return (row) => {
      const ids = read(row);
      if (ids.length === 0) return includeEmpty;
      return ids.some((id) => wanted.has(id));
    };
  }
  if (operator === "!=" || operator === "not in") {
    const unwanted = new Set(operator === "!=" ? related(value) : related(Array.isArray(value) ? value : [value]));
    const excludeEmpty = operator === "not in" && Array.isArray(value) && value.includes(false);
    return (row) => {
      const ids = read(row);
      if (ids.length === 0) return !excludeEmpty;
      return !ids.some((id) => unwanted.has(id));
    };
  }
  if (operator === "like" || operator === "ilike" || operator === "=like" || operator === "=ilike" || operator === "not like" || operator === "not ilike") {
    const positive = negate(operator);
    let ids: Set<number> | undefined;
    const match = (row: Row): boolean => read(row).some((id) => (ids ??= host.nameMatchIds(comodel, positive, String(value ?? ""))).has(id));
    return NEGATIVE.has(operator) ? (row) => !match(row) : match;
  }
  // Comparisons on a many2one compare the ids.
  return compileScalarLeaf(host, model, fieldName, operator, value);
}

function hierarchy(host: DomainHost, model: string, roots: Set<number>, downwards: boolean): Set<number> {
  const parentField = host.parentField(model);
  const result = new Set<number>(roots);
  if (parentField === undefined) return result;
  const parentOf = new Map<number, number>();
  for (const row of host.rows(model)) {
    const parent = row[parentField];
    if (typeof parent === "number") parentOf.set(row.id, parent);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [child, parent] of parentOf) {
      if (downwards && result.has(parent) && !result.has(child)) {
        result.add(child);
        changed = true;
      }
      if (!downwards && result.has(child) && !result.has(parent)) {
        result.add(parent);
        changed = true;
      }
    }
  }
  return result;
}

/** SQL LIKE pattern (`%` any run, `_` one character, `\` escapes) as a RegExp. */
export function likePattern(pattern: string, caseInsensitive: boolean): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? "";
    if (char === "\\" && index + 1 < pattern.length) {
      index += 1;
      source += (pattern[index] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    } else if (char === "%") source += "[\\s\\S]*";
    else if (char === "_") source += "[\\s\\S]";
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, caseInsensitive ? "i" : "");
}

function compileScalarLeaf(host: DomainHost, model: string, fieldName: string, operator: string, value: unknown): RowPredicate {
  const read = (row: Row): unknown => host.value(model, row, fieldName);
  switch (operator) {
    case "=":
      if (value === false || value === null) return (row) => isEmptyValue(read(row));
      return (row) => same(read(row), value);
    case "!=":
      if (value === false || value === null) return (row) => !isEmptyValue(read(row));
      return (row) => !same(read(row), value);
    case "in":
    case "not in": {
      const list = Array.isArray(value) ? value : [value];
      const includesEmpty = list.includes(false) || list.includes(null);
      // A set, as Postgres hashes a long IN list: a search by 300,000 ids must not take minutes.
      const members = new Set<unknown>(list);
      for (const candidate of list)
        if (typeof candidate === "string" && candidate.trim() !== "" && !Number.isNaN(Number(candidate))) members.add(Number(candidate));
      const match = (row: Row): boolean => {
        const current = read(row);
        if (isEmptyValue(current)) return includesEmpty;
        if (typeof current === "number" || typeof current === "string") return members.has(current);
        return list.some((candidate) => same(current, candidate));
      };
      return operator === "in" ? match : (row) => !match(row);
    }
    case "like":
    case "ilike":
    case "not like":
    case "not ilike":
    case "=like":
    case "=ilike": {
      const caseInsensitive = operator.includes("ilike");
      const text = value === false || value === null || value === undefined ? "" : String(value);
      const regex = likePattern(operator.startsWith("=") ? text : `%${text}%`, caseInsensitive);
      const negative = operator.startsWith("not");
      return (row) => {
        const current = read(row);
        if (current === false || current === null || current === undefined) return negative;
        const matches = regex.test(String(current));
        return negative ? !matches : matches;
      };
    }
    case "<":
    case "<=":
    case ">":
    case ">=":
      return (row) => {
        const current = read(row);
        if (current === false || current === null || current === undefined) return false;
        const order = compare(current, value);
        if (order === undefined) return false;
        if (operator === "<") return order < 0;
        if (operator === "<=") return order <= 0;
        if (operator === ">") return order > 0;
        return order >= 0;
      };
    case "child_of":
    case "parent_of": {
      if (fieldName !== "id") return () => false;
      const roots = new Set(related(value));
      let closure: Set<number> | undefined;
      return (row) => (closure ??= hierarchy(host, model, roots, operator === "child_of")).has(row.id);
    }
    default:
      return () => false;
  }
}

function same(current: unknown, wanted: unknown): boolean {
  if (typeof current === "number" && typeof wanted === "string" && wanted.trim() !== "" && !Number.isNaN(Number(wanted))) return current === Number(wanted);
  if (typeof current === "boolean" && typeof wanted !== "boolean") return current === Boolean(wanted);
  return current === wanted;
}

function compare(left: unknown, right: unknown): number | undefined {
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "string" && typeof right === "string") return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === "number" && typeof right === "string" && !Number.isNaN(Number(right))) return left - Number(right);
  return undefined;
}

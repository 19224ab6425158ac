/**
 * Reading and searching as Odoo answers them: read() values by field type, search with domains,
 * `active_test` and the model's order (many2one columns ordered by their model's own order, as
 * PostgreSQL joins them), name_search over the model's name fields, fields_get's attributes.
 */

import type { FieldSpec, ModelSpec } from "./catalog.js";
import { compileDomain, likePattern } from "./domain.js";
import { valueError } from "./exceptions.js";
import { invalidFieldMessage } from "./messages.js";
import type { Env, Orm, SearchOptions } from "./orm.js";
import { PyFloat } from "./py.js";
import type { Row } from "./store.js";
import { compareSortValues, parseOrder } from "./values.js";

/** Fields searched by name_search (Odoo's `_rec_names_search`). */
const NAME_SEARCH_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "res.partner": ["complete_name", "email", "ref", "vat", "company_registry"],
  "res.users": ["name", "login"],
  "res.country": ["name", "code"],
  "product.product": ["default_code", "name"],
  "product.template": ["default_code", "name"],
  "ir.model": ["model", "name"],
  "ir.model.fields": ["name", "field_description"],
  "account.journal": ["name", "code"],
};

export function readRecords(orm: Orm, model: string, ids: readonly number[], fields: readonly string[] | undefined): Array<Record<string, unknown>> {
  const spec = orm.spec(model);
  const names =
    fields === undefined || fields.length === 0 ? [...spec.fields.keys()].filter((name) => name !== "id") : fields.filter((name) => name !== "id");
  for (const name of names) if (!spec.fields.has(name)) throw valueError(invalidFieldMessage(orm.version, model, name, "read"));
  const result: Array<Record<string, unknown>> = [];
  for (const id of ids) {
    const row = orm.store.get(model, id);
    if (!row) continue;
    const record: Record<string, unknown> = { id };
    for (const name of names) {
      const field = spec.fields.get(name);
      if (field) record[name] = readValue(orm, spec, field, row);
    }
    result.push(record);
  }
  return result;
}

function readValue(orm: Orm, spec: ModelSpec, field: FieldSpec, row: Row): unknown {
  if (spec.name === "res.users" && field.name === "password") return "";
  const value = orm.value(spec.name, row, field.name);
  switch (field.type) {
    case "many2one":
      if (typeof value === "number" && field.relation !== undefined && orm.store.has(field.relation, value))
        return [value, orm.displayName(field.relation, value)];
      return false;
    case "one2many":
    case "many2many":
      return Array.isArray(value) ? [...(value as number[])] : [];
    case "float":
    case "monetary":
      return new PyFloat(typeof value === "number" ? value : 0);
    case "integer":
      return typeof value === "number" ? value : 0;
    case "many2one_reference":
      return typeof value === "number" ? value : 0;
    case "boolean":
      return Boolean(value);
    default:
      return value === undefined || value === null ? false : value;
  }
}

function withActiveTest(spec: ModelSpec, domain: readonly unknown[], context: Readonly<Record<string, unknown>>): readonly unknown[] {
  if (!spec.fields.has("active") || context["active_test"] === false) return domain;
  const mentionsActive = domain.some((leaf) => Array.isArray(leaf) && typeof leaf[0] === "string" && (leaf[0] === "active" || leaf[0].endsWith(".active")));
  return mentionsActive ? domain : [["active", "=", true], ...domain];
}

export function searchRecords(orm: Orm, env: Env, model: string, domain: readonly unknown[], options: SearchOptions = {}): number[] {
  const spec = orm.spec(model);
  const predicate = compileDomain(orm, model, withActiveTest(spec, domain, env.context));
  const ids: number[] = [];
  for (const row of orm.rows(model)) if (predicate(row)) ids.push(row.id);
  const ordered = sortIds(orm, model, ids, options.order || spec.order);
  const offset = options.offset ?? 0;
  const limit = typeof options.limit === "number" ? options.limit : undefined;
  return ordered.slice(offset, limit === undefined ? undefined : offset + limit);
}

export function countRecords(orm: Orm, env: Env, model: string, domain: readonly unknown[], limit?: number): number {
  const spec = orm.spec(model);
  const predicate = compileDomain(orm, model, withActiveTest(spec, domain, env.context));
  let count = 0;
  for (const row of orm.rows(model)) if (predicate(row)) count += 1;
  return limit === undefined ? count : Math.min(count, limit);
}

/** DomainHost: matching ids, archived records included (subqueries of dotted paths). */
export function matchingIds(orm: Orm, model: string, domain: readonly unknown[]): Set<number> {
  const predicate = compileDomain(orm, model, domain);
  const ids = new Set<number>();
  for (const row of orm.rows(model)) if (predicate(row)) ids.add(row.id);
  return ids;
}

export function nameSearchFields(orm: Orm, model: string): string[] {
  const spec = orm.spec(model);
  const listed = (NAME_SEARCH_FIELDS[model] ?? []).filter((name) => spec.fields.has(name));
  if (listed.length > 0) return listed;
  if (spec.fields.has("name")) return ["name"];
  if (spec.fields.has("x_name")) return ["x_name"];
  return ["display_name"];
}

/** DomainHost: active records of `model` whose name fields match (name_search's matching). */
export function nameMatchIds(orm: Orm, model: string, operator: string, name: string): Set<number> {
  const spec = orm.spec(model);
  const fields = nameSearchFields(orm, model);
  const caseInsensitive = operator.includes("ilike");
  const pattern = operator === "=" || operator === "in" ? undefined : likePattern(operator.startsWith("=") ? name : `%${name}%`, caseInsensitive);
  const ids = new Set<number>();
  for (const row of orm.rows(model)) {
    if (spec.fields.has("active") && row["active"] === false) continue;
    for (const field of fields) {
      const value = orm.value(model, row, field);
      if (typeof value !== "string") continue;
      if (pattern === undefined ? value === name : pattern.test(value)) {
        ids.add(row.id);
        break;
      }
    }
  }
  return ids;
}

export function nameSearch(orm: Orm, env: Env, model: string, name: string, domain: readonly unknown[], operator: string, limit: number | undefined): Array<[number, string]> {
  const spec = orm.spec(model);
  const predicate = compileDomain(orm, model, withActiveTest(spec, domain, env.context));
  const fields = nameSearchFields(orm, model);
  const matchAll = name === "" && (operator === "ilike" || operator === "like");
  const caseInsensitive = operator.includes("ilike");
  const negative = operator.startsWith("not ") || operator === "!=";
  const positive = operator.replace(/^not /, "").replace("!=", "=");
  const pattern = positive === "=" ? undefined : likePattern(positive.startsWith("=") ? name : `%${name}%`, caseInsensitive);
  const ids: number[] = [];
  for (const row of orm.rows(model)) {
    if (!predicate(row)) continue;
    if (!matchAll) {
      const hit = fields.some((field) => {
        const value = orm.value(model, row, field);
        return typeof value === "string" && (pattern === undefined ? value === name : pattern.test(value));
      });
      if (hit === negative) continue;
    }
    ids.push(row.id);
  }
  const ordered = sortIds(orm, model, ids, spec.order);
  return ordered.slice(0, limit ?? ordered.length).map((id) => [id, orm.displayName(model, id)]);
}

export function sortIds(orm: Orm, model: string, ids: readonly number[], order: string): number[] {
  const spec = orm.spec(model);
  for (const term of parseOrder(order)) {
    if (term.field !== "id" && !spec.fields.has(term.field))
      throw valueError(
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
  }
  const terms = parseOrder(order).flatMap((term) => sortPaths(orm, model, [term.field], term.descending, 0));
  if (!terms.some((term) => term.path.length === 1 && term.path[0] === "id")) terms.push({ path: ["id"], descending: false });
  const keys = new Map<number, unknown[]>();
  for (const id of ids) {
    const row = orm.store.get(model, id);
    if (row) keys.set(id, terms.map((term) => pathValue(orm, model, row, term.path)));
  }
  return [...ids].sort((left, right) => {
    const a = keys.get(left) ?? [];
    const b = keys.get(right) ?? [];
    for (let index = 0; index < terms.length; index += 1) {
      const order = compareSortValues(a[index], b[index], terms[index]?.descending ?? false);
      if (order !== 0) return order;
    }
    return 0;
  });
}

interface SortPath {
  readonly path: readonly string[];
  readonly descending: boolean;
}

/** A many2one sorts by its model's own order (reversed when descending), as Odoo's ORDER BY joins it. */
function sortPaths(orm: Orm, model: string, path: readonly string[], descending: boolean, depth: number): SortPath[] {
  const last = path[path.length - 1] ?? "id";
  const field = orm.catalog.models.get(model)?.fields.get(last);
  const comodel = field?.type === "many2one" && field.relation !== undefined ? orm.catalog.models.get(field.relation) : undefined;
  if (comodel === undefined || depth >= 3) return [{ path, descending }];
  return parseOrder(comodel.order)
    .filter((term) => term.field === "id" || comodel.fields.has(term.field))
    .flatMap((term) => sortPaths(orm, comodel.name, [...path, term.field], descending !== term.descending, depth + 1));
}

function pathValue(orm: Orm, model: string, row: Row, path: readonly string[]): unknown {
  let currentModel = model;
  let current: Row | undefined = row;
  for (let index = 0; index < path.length; index += 1) {
    const name = path[index] ?? "id";
    if (current === undefined) return false;
    const value = orm.value(currentModel, current, name);
    if (index === path.length - 1) return value;
    const relation = orm.catalog.models.get(currentModel)?.fields.get(name)?.relation;
    if (typeof value !== "number" || relation === undefined) return false;
    currentModel = relation;
    current = orm.store.get(relation, value);
  }
  return false;
}

export function fieldsGet(orm: Orm, model: string, allfields: readonly unknown[] | undefined, attributes: readonly unknown[] | undefined): Record<string, Record<string, unknown>> {
  const spec = orm.spec(model);
  const wanted = allfields === undefined || allfields.length === 0 ? undefined : new Set(allfields.map(String));
  const result: Record<string, Record<string, unknown>> = {};
  for (const [name, field] of spec.fields) {
    if (wanted !== undefined && !wanted.has(name)) continue;
    const described: Record<string, unknown> = { ...field.attributes };
    if (described["manual"] === undefined) described["manual"] = field.manual;
    if (attributes === undefined || attributes.length === 0) {
      result[name] = described;
      continue;
    }
    // res.users' reified group fields (in_group_N, sel_groups_N_M: exportable false) are added
    // whole after the filtering by res.users.fields_get, and some models' overrides add an
    // attribute outside the filter (analytic_distribution_search: searchable false).
    if (described["exportable"] === false) {
      result[name] = { ...field.attributes };
      continue;
    }
    const filtered: Record<string, unknown> = {};
    for (const attribute of attributes.map(String)) {
      if (attribute === "name") filtered["name"] = name;
      else if (described[attribute] !== undefined) filtered[attribute] = described[attribute];
    }
    if (described["searchable"] === false) filtered["searchable"] = false;
    result[name] = filtered;
  }
  return result;
}

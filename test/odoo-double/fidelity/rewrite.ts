/**
 * Recorded requests rewritten with the double's ids before they are replayed: ids in argument
 * positions, values of many2one and x2many fields, domains (a `res_id` leaf by the model another
 * leaf names), and the cells of `load()` rows (`field/.id` columns, `.id`, and a `res_id` column
 * by the model its row names in `model`, `res_model` or `res_model_id/.id`).
 */

import type { Catalog } from "../catalog.js";
import type { Orm } from "../orm.js";
import { isRecord, type IdMap } from "./compare.js";

/** Where a many2one_reference column finds the model of its row. */
const MODEL_COLUMNS = ["model", "res_model"] as const;

export class Rewriter {
  readonly #catalog: Catalog;
  readonly #ids: IdMap;
  readonly #orm: Orm | undefined;

  /** `orm` lets `res_model_id/.id` cells (ir.model ids) say which model a row's `res_id` is of. */
  constructor(catalog: Catalog, ids: IdMap, orm?: Orm) {
    this.#catalog = catalog;
    this.#ids = ids;
    this.#orm = orm;
  }

  ids(model: string, value: unknown): unknown {
    if (typeof value === "number") return this.#ids.forward(model, value);
    if (Array.isArray(value)) return value.map((item) => (typeof item === "number" ? this.#ids.forward(model, item) : item));
    return value;
  }

  vals(model: string, vals: unknown): unknown {
    if (Array.isArray(vals)) return vals.map((item) => this.vals(model, item));
    if (!isRecord(vals)) return vals;
    const spec = this.#catalog.models.get(model);
    const result: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(vals)) {
      const field = spec?.fields.get(name);
      const comodel = field?.relation;
      if (field?.type === "many2one" && comodel !== undefined) result[name] = this.ids(comodel, value);
      else if ((field?.type === "many2many" || field?.type === "one2many") && comodel !== undefined && Array.isArray(value))
        result[name] = value.map((command) => this.command(comodel, command));
      else if (field?.type === "many2one_reference" && typeof value === "number") {
        const target = MODEL_COLUMNS.map((column) => vals[column]).find((candidate) => typeof candidate === "string");
        result[name] = typeof target === "string" ? this.ids(target, value) : value;
      } else result[name] = value;
    }
    return result;
  }

  command(comodel: string, command: unknown): unknown {
    if (typeof command === "number") return this.#ids.forward(comodel, command);
    if (!Array.isArray(command)) return command;
    const [code, target, payload] = command as [unknown, unknown, unknown];
    if (code === 0) return [0, 0, this.vals(comodel, payload)];
    if (code === 1) return [1, this.ids(comodel, target), this.vals(comodel, payload)];
    if (code === 6) return [6, 0, this.ids(comodel, payload)];
    if (code === 5) return command;
    return [code, this.ids(comodel, target), ...command.slice(2)];
  }

  domain(model: string, domain: unknown): unknown {
    if (!Array.isArray(domain)) return domain;
    const spec = this.#catalog.models.get(model);
    const namedModel = domain.find(
      (leaf): leaf is [string, string, string] =>
        Array.isArray(leaf) && (leaf[0] === "model" || leaf[0] === "res_model") && leaf[1] === "=" && typeof leaf[2] === "string",
    )?.[2];
    return domain.map((leaf) => {
      if (!Array.isArray(leaf) || leaf.length !== 3 || typeof leaf[0] !== "string") return leaf;
      const [path, operator, value] = leaf as [string, unknown, unknown];
      if (path === "id") return [path, operator, this.ids(model, value)];
      const field = spec?.fields.get(path);
      if (field?.relation !== undefined && (field.type === "many2one" || field.type === "many2many" || field.type === "one2many"))
        return [path, operator, this.ids(field.relation, value)];
      if (field?.type === "many2one_reference" && namedModel !== undefined) return [path, operator, this.ids(namedModel, value)];
      return leaf;
    });
  }

  /** `load(fields, data)`: the cells that hold database ids. */
  loadRows(model: string, fields: unknown, data: unknown): unknown {
    if (!Array.isArray(fields) || !Array.isArray(data)) return data;
    const spec = this.#catalog.models.get(model);
    const columns = fields.map((name) => String(name));
    return data.map((row) => {
      if (!Array.isArray(row)) return row;
      const cells = [...(row as unknown[])];
      const rowModel = this.rowTargetModel(columns, cells);
      columns.forEach((column, index) => {
        const cell = cells[index];
        if (typeof cell !== "string" || cell === "") return;
        if (column === ".id") {
          cells[index] = this.idCells(model, cell);
          return;
        }
        const [head = "", subfield] = column.split("/");
        const field = spec?.fields.get(head);
        if (field === undefined) return;
        if (subfield === ".id" && field.relation !== undefined) cells[index] = this.idCells(field.relation, cell);
        else if (subfield === undefined && field.type === "many2one_reference" && rowModel !== undefined) cells[index] = this.idCells(rowModel, cell);
      });
      return cells;
    });
  }

  private rowTargetModel(columns: readonly string[], cells: readonly unknown[]): string | undefined {
    for (const column of MODEL_COLUMNS) {
      const cell = cells[columns.indexOf(column)];
      if (columns.includes(column) && typeof cell === "string" && cell !== "") return cell;
    }
    const modelIdCell = cells[columns.indexOf("res_model_id/.id")];
    if (columns.includes("res_model_id/.id") && typeof modelIdCell === "string" && /^\d+$/.test(modelIdCell)) {
      const doubleId = this.#ids.forward("ir.model", Number(modelIdCell));
      const name = this.#orm?.store.get("ir.model", doubleId)?.["model"];
      if (typeof name === "string") return name;
    }
    return undefined;
  }

  private idCells(model: string, cell: string): string {
    return cell
      .split(",")
      .map((part) => (/^\s*\d+\s*$/.test(part) ? String(this.#ids.forward(model, Number(part))) : part))
      .join(",");
  }

  /** execute_kw's (args, kwargs) for one method. */
  call(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): { args: unknown[]; kwargs: Record<string, unknown> } {
    const out = [...args];
    const kw: Record<string, unknown> = { ...kwargs };
    switch (method) {
      case "read":
      case "unlink":
      case "get_external_id":
      case "_compute_display_name":
        out[0] = this.ids(model, out[0]);
        break;
      case "write":
        out[0] = this.ids(model, out[0]);
        out[1] = this.vals(model, out[1]);
        break;
      case "create":
        out[0] = this.vals(model, out[0]);
        break;
      case "load":
        if (out.length > 1) out[1] = this.loadRows(model, out[0], out[1]);
        if ("data" in kw) kw["data"] = this.loadRows(model, kw["fields"] ?? out[0], kw["data"]);
        break;
      case "search":
      case "search_count":
      case "search_read":
        if (out.length > 0) out[0] = this.domain(model, out[0]);
        if ("domain" in kw) kw["domain"] = this.domain(model, kw["domain"]);
        break;
      case "name_search":
        if ("args" in kw) kw["args"] = this.domain(model, kw["args"]);
        if ("domain" in kw) kw["domain"] = this.domain(model, kw["domain"]);
        break;
      default:
        break;
    }
    if ("ids" in kw) kw["ids"] = this.ids(model, kw["ids"]);
    if ("vals" in kw) kw["vals"] = this.vals(model, kw["vals"]);
    if ("vals_list" in kw) kw["vals_list"] = this.vals(model, kw["vals_list"]);
    return { args: out, kwargs: kw };
  }
}

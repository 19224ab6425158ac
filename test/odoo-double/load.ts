/**
 * Odoo's `load(fields, data)` import: text cells converted per field type, references resolved
 * by external id (`field/id`), database id (`field/.id`) or name (`field`), records created or
 * updated through the `id` column's external ids. All-or-nothing per call: any error message and
 * nothing of the call is kept (`ids: false`), with per-row messages in the recorded format.
 */

import type { FieldSpec, ModelSpec } from "./catalog.js";
import { keyError, OdooException, valueError } from "./exceptions.js";
import { loadViewMode } from "./messages.js";
import type { Env, Orm } from "./orm.js";

export interface LoadAnswer {
  readonly ids: number[] | false;
  readonly messages: Array<Record<string, unknown>>;
  readonly nextrow: number;
}

type Column =
  { readonly kind: "xmlid" } | { readonly kind: "dbid" } | { readonly kind: "field"; readonly field: FieldSpec; readonly subfield: "name" | "id" | ".id" };

const TRUE_WORDS = new Set(["1", "true", "yes"]);
const FALSE_WORDS = new Set(["0", "false", "no"]);

class ConversionProblem {
  readonly message: string;
  readonly moreinfo: unknown;
  constructor(message: string, moreinfo?: unknown) {
    this.message = message;
    this.moreinfo = moreinfo;
  }
}

interface Converted {
  readonly value: unknown;
  readonly warnings: string[];
}

export function load(orm: Orm, env: Env, model: string, fields: unknown, data: unknown): LoadAnswer {
  const spec = orm.spec(model);
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === "string")) throw valueError("load() fields must be a list of column names");
  if (!Array.isArray(data)) throw valueError("load() data must be a list of rows");
  const columns = fields.map((name) => parseColumn(spec, name));
  orm.cost.load(data.length);
  const messages: Array<Record<string, unknown>> = [];
  const ids: number[] = [];
  const start = orm.store.savepoint();
  let firstUpsertRow: number | undefined;
  let sawDatabaseError = false;
  let firstUserError: string | undefined;
  let upsertErrors = 0;
  let attempted = 0;

  const rows: readonly unknown[] = data;
  const { duplicateFollowers } = orm.chatter.batch(() => {
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index];
      const cells: unknown[] = Array.isArray(row) ? row : [];
      const info = { rows: { from: index, to: index }, record: index };
      let xmlid: string | undefined;
      let dbid: string | undefined;
      const values: Record<string, unknown> = {};
      let failed = false;
      columns.forEach((column, position) => {
        const cell = cells[position] === undefined || cells[position] === null || cells[position] === false ? "" : String(cells[position]);
        if (column.kind === "xmlid") {
          if (cell !== "") xmlid = cell;
          return;
        }
        if (column.kind === "dbid") {
          if (cell !== "") dbid = cell;
          return;
        }
        const field = column.field;
        if (cell === "") {
          values[field.name] = false;
          return;
        }
        try {
          const converted = convertCell(orm, env, spec, field, column.subfield, cell);
          values[field.name] = converted.value;
          for (const warning of converted.warnings) messages.push(fieldMessage(info, "warning", field, warning, undefined));
        } catch (error) {
          if (!(error instanceof ConversionProblem)) throw error;
          messages.push(fieldMessage(info, "error", field, error.message, error.moreinfo));
          failed = true;
        }
      });
      if (failed) continue;
      firstUpsertRow ??= index;
      attempted += 1;
      const savepoint = orm.store.savepoint();
      try {
        ids.push(upsert(orm, env, spec, xmlid, dbid, values));
      } catch (error) {
        if (!(error instanceof OdooException)) throw error;
        savepoint.rollback();
        upsertErrors += 1;
        if (error.violation !== undefined) {
          sawDatabaseError = true;
          messages.push({
            ...info,
            type: "error",
            message: error.violation.loadMessage,
            ...(error.violation.field === undefined ? {} : { field: error.violation.field }),
          });
        } else if (error.isUserError) {
          firstUserError ??= error.message;
          messages.push({ ...info, type: "error", message: error.message });
        } else {
          messages.push({
            ...info,
            type: "error",
            message: `Unknown error during import: <class '${error.pythonClass.replace(/^builtins\./, "")}'>: ${error.message}`,
            moreinfo: "Resolve other errors first",
          });
        }
        if (upsertErrors >= 10 && upsertErrors >= attempted / 10) {
          messages.push({
            type: "warning",
            message: "Found more than 10 errors and more than one error per 10 records, interrupted to avoid showing too many errors.",
          });
          break;
        }
      }
    }
  });
  // Odoo creates the batch at once first; when that raises (a row refused, or followers inserted
  // twice by 17.0 and 18.0), it creates every row again alone, in a savepoint each.
  if (upsertErrors > 0 || (duplicateFollowers > 0 && orm.version !== "19.0")) orm.cost.fallback(spec.name, attempted);

  // Odoo first creates the whole batch at once; a validation error there is reported against
  // the batch's first row (whichever row caused it), ahead of the per-row messages.
  if (firstUserError !== undefined && !sawDatabaseError && firstUpsertRow !== undefined) {
    const global = { rows: { from: firstUpsertRow, to: firstUpsertRow }, record: firstUpsertRow, type: "error", message: firstUserError };
    if (!messages.some((message) => message["record"] === global.record && message["message"] === global.message && message["type"] === "error"))
      messages.unshift(global);
  }

  if (messages.some((message) => message["type"] === "error")) {
    start.rollback();
    return { ids: false, messages, nextrow: 0 };
  }
  return { ids, messages, nextrow: 0 };
}

function parseColumn(spec: ModelSpec, raw: string): Column {
  // Odoo accepts the old `field:id` and `field.id` spellings.
  const name = raw.replace(/([^/]):id$/, "$1/id").replace(/([^/])\.id$/, "$1/.id");
  if (name === "id") return { kind: "xmlid" };
  if (name === ".id") return { kind: "dbid" };
  const [head = "", ...rest] = name.split("/");
  const field = spec.fields.get(head);
  if (!field) throw keyError(`'${head}'`);
  if (rest.length === 0) return { kind: "field", field, subfield: "name" };
  if (rest.length === 1 && (rest[0] === "id" || rest[0] === ".id")) return { kind: "field", field, subfield: rest[0] };
  throw valueError(
    `the Odoo test double does not import one2many sub-fields ('${raw}'); load the child model with a '${field.relationField ?? "parent"}/id' column instead`,
  );
}

function fieldMessage(
  info: { rows: { from: number; to: number }; record: number },
  type: string,
  field: FieldSpec,
  message: string,
  moreinfo: unknown,
): Record<string, unknown> {
  return {
    rows: info.rows,
    type,
    record: info.record,
    field: field.name,
    message: message.replace("%(field)s", field.label),
    ...(moreinfo === undefined ? {} : { moreinfo }),
    field_name: field.label,
  };
}

function possibleValues(orm: Orm, resModel: string, domain?: unknown[]): Record<string, unknown> {
  return {
    name: "Possible Values",
    type: "ir.actions.act_window",
    target: "new",
    view_mode: loadViewMode(orm.version),
    views: [
      [false, "list"],
      [false, "form"],
    ],
    context: { create: false },
    help: "See all possible values",
    res_model: resModel,
    ...(domain === undefined ? {} : { domain }),
  };
}

function convertCell(orm: Orm, env: Env, spec: ModelSpec, field: FieldSpec, subfield: "name" | "id" | ".id", cell: string): Converted {
  switch (field.type) {
    case "boolean": {
      const word = cell.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true, warnings: [] };
      if (FALSE_WORDS.has(word)) return { value: false, warnings: [] };
      throw new ConversionProblem(`Unknown value '${cell}' for boolean field '%(field)s'`, "Use '1' for yes and '0' for no");
    }
    case "integer":
    case "many2one_reference":
      if (!/^\s*[+-]?\d+\s*$/.test(cell)) throw new ConversionProblem(`'${cell}' does not seem to be an integer for field '%(field)s'`);
      return { value: Number.parseInt(cell, 10), warnings: [] };
    case "float":
    case "monetary": {
      const text = cell.trim();
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new ConversionProblem(`'${cell}' does not seem to be a number for field '%(field)s'`);
      return { value: Number(text), warnings: [] };
    }
    case "selection": {
      const options = field.selection ?? [];
      const exact = options.find(([key, label]) => key === cell || label === cell);
      const loose = exact ?? options.find(([key, label]) => key.toLowerCase() === cell.toLowerCase() || label.toLowerCase() === cell.toLowerCase());
      if (!loose)
        throw new ConversionProblem(
          `Value '${cell}' not found in selection field '%(field)s'`,
          options.map(([, label]) => label),
        );
      return { value: loose[0], warnings: [] };
    }
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(cell) || Number.isNaN(Date.parse(`${cell}T00:00:00Z`))) {
        throw new ConversionProblem(`'${cell}' does not seem to be a valid date for field '%(field)s'`, "Use the format '2012-12-31'");
      }
      return { value: cell, warnings: [] };
    case "datetime": {
      const match = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}:\d{2}))?$/.exec(cell);
      if (!match || Number.isNaN(Date.parse(`${match[1] ?? ""}T${match[2] ?? "00:00:00"}Z`))) {
        throw new ConversionProblem(`'${cell}' does not seem to be a valid datetime for field '%(field)s'`, "Use the format '2012-12-31 23:59:59'");
      }
      const local = `${match[1] ?? ""} ${match[2] ?? "00:00:00"}`;
      const tz = env.context["tz"];
      return { value: typeof tz === "string" && tz !== "" ? localToUtc(local, tz) : local, warnings: [] };
    }
    case "many2one": {
      const comodel = field.relation ?? "";
      const resolved = resolveReference(orm, comodel, subfield, cell.trim());
      return { value: resolved.id, warnings: resolved.warnings };
    }
    case "many2many":
    case "one2many": {
      const comodel = field.relation ?? "";
      const warnings: string[] = [];
      const ids: number[] = [];
      for (const part of cell.split(",")) {
        const reference = part.trim();
        if (reference === "") continue;
        const resolved = resolveReference(orm, comodel, subfield, reference);
        ids.push(resolved.id);
        warnings.push(...resolved.warnings);
      }
      return { value: field.type === "many2many" ? [[6, 0, ids]] : ids.map((id) => [4, id]), warnings };
    }
    default:
      return { value: cell, warnings: [] };
  }
}

function resolveReference(orm: Orm, comodel: string, subfield: "name" | "id" | ".id", reference: string): { id: number; warnings: string[] } {
  if (subfield === "id") {
    const qualified = reference.includes(".") ? reference : `__import__.${reference}`;
    orm.cost.externalIdCell(qualified);
    const id = orm.resolveXmlid(qualified, comodel);
    if (id === undefined) {
      throw new ConversionProblem(
        `No matching record found for external id '${reference}' in field '%(field)s'`,
        possibleValues(orm, "ir.model.data", [["model", "=", comodel]]),
      );
    }
    return { id, warnings: [] };
  }
  if (subfield === ".id") {
    orm.cost.databaseIdCell();
    if (!/^\d+$/.test(reference)) throw new ConversionProblem(`Invalid database id '${reference}' for the field '%(field)s'`);
    const id = Number(reference);
    if (!orm.store.has(comodel, id))
      throw new ConversionProblem(`No matching record found for database id '${reference}' in field '%(field)s'`, possibleValues(orm, comodel));
    return { id, warnings: [] };
  }
  orm.cost.nameCell();
  const matches = [...orm.nameMatchIds(comodel, "=", reference)];
  if (matches.length === 0) throw new ConversionProblem(`No matching record found for name '${reference}' in field '%(field)s'`, possibleValues(orm, comodel));
  const ordered = orm.sortIds(comodel, matches, orm.spec(comodel).order);
  const warnings = ordered.length > 1 ? [`Found multiple matches for value '${reference}' in field '%(field)s' (${ordered.length} matches)`] : [];
  return { id: ordered[0] ?? 0, warnings };
}

function upsert(orm: Orm, env: Env, spec: ModelSpec, xmlid: string | undefined, dbid: string | undefined, values: Record<string, unknown>): number {
  if (xmlid !== undefined) {
    const qualified = xmlid.includes(".") ? xmlid : `${typeof env.context["module"] === "string" ? env.context["module"] : "__import__"}.${xmlid}`;
    const dot = qualified.indexOf(".");
    const module = qualified.slice(0, dot);
    const name = qualified.slice(dot + 1);
    const existing = orm.resolveXmlid(qualified, spec.name);
    if (existing !== undefined) {
      orm.cost.written(spec.name, 1);
      orm.write(env, spec.name, [existing], values);
      return existing;
    }
    const [created] = orm.create(env, spec.name, [values]);
    if (created === undefined) throw valueError("create returned no id");
    orm.setXmlid(module, name, spec.name, created, Boolean(env.context["noupdate"]));
    return created;
  }
  if (dbid !== undefined) {
    const id = Number(dbid);
    orm.cost.written(spec.name, 1);
    orm.write(env, spec.name, [id], values);
    return id;
  }
  const [created] = orm.create(env, spec.name, [values]);
  if (created === undefined) throw valueError("create returned no id");
  return created;
}

/** A wall-clock time in `tz` as UTC ("YYYY-MM-DD HH:MM:SS"), as Odoo converts imported datetimes. */
export function localToUtc(local: string, tz: string): string {
  const asUtc = Date.parse(`${local.replace(" ", "T")}Z`);
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch {
    return local;
  }
  const offsetAt = (instant: number): number => {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
    const wall = Date.UTC(
      Number(parts["year"]),
      Number(parts["month"]) - 1,
      Number(parts["day"]),
      Number(parts["hour"]),
      Number(parts["minute"]),
      Number(parts["second"]),
    );
    return wall - instant;
  };
  const guess = asUtc - offsetAt(asUtc);
  const utc = asUtc - offsetAt(guess);
  return new Date(utc).toISOString().slice(0, 19).replace("T", " ");
}

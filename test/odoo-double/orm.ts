/**
 * The double's ORM: Odoo's create/write/unlink/read/search semantics over the in-memory store,
 * with the validation a migration meets (unknown fields, value conversion, selection keys,
 * required columns, many2one targets that must exist, SQL and Python constraints) and the side
 * effects it must be able to prove absent (chatter messages, followers, e-mail notifications).
 */

import { fieldFromAttributes, type Catalog, type FieldSpec, type ModelSpec, type OdooVersion } from "./catalog.js";
import { compileDomain, likePattern, type DomainHost } from "./domain.js";
import { databaseViolation, missingError, redirectWarning, userError, validationError, valueError, type OdooException } from "./exceptions.js";
import {
  foreignKeyMessage,
  invalidFieldMessage,
  notNullLoadMessage,
  notNullMessage,
  sqlConstraintLoadMessage,
  sqlConstraintMessage,
  unknownModelMessage,
  usersFormViewId,
} from "./messages.js";
import { PyFloat, PyTuple, pyRepr } from "./py.js";
import type { Row, Store } from "./store.js";

export interface Env {
  readonly uid: number;
  readonly context: Readonly<Record<string, unknown>>;
}

export type AccessLevel = "admin" | "user" | "limited";

export interface UserAuth {
  password: string | undefined;
  readonly apiKeys: Set<string>;
  level: AccessLevel;
}

export interface SearchOptions {
  readonly offset?: number;
  readonly limit?: number | false | null;
  readonly order?: string | false | null;
}

const X2MANY = new Set(["one2many", "many2many"]);

/** The model whose rows a many2one_reference (`res_id`) points into is named by this sibling field. */
const REFERENCE_MODEL_FIELD: Readonly<Record<string, string>> = {
  "mail.message": "model",
  "mail.activity": "res_model",
  "mail.followers": "res_model",
  "ir.attachment": "res_model",
  "ir.model.data": "model",
};

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

/** Deleting the target deletes these rows (ON DELETE CASCADE). */
const CASCADE: ReadonlySet<string> = new Set([
  "sale.order.line.order_id",
  "account.move.line.move_id",
  "ir.model.fields.model_id",
  "ir.model.fields.selection.field_id",
  "res.partner.bank.partner_id",
  "res.country.state.country_id",
  "mail.followers.partner_id",
  "crm.team.member.crm_team_id",
]);

/** Deleting the target is refused while these rows point at it (ON DELETE RESTRICT). */
const RESTRICT: ReadonlySet<string> = new Set([
  "sale.order.partner_id",
  "sale.order.partner_invoice_id",
  "sale.order.partner_shipping_id",
  "account.move.line.account_id",
  "sale.order.line.product_id",
  "res.users.partner_id",
  "res.company.partner_id",
]);

/** Fields whose change writes a tracking message in chatter (tracking=True in Odoo). */
const TRACKED: Readonly<Record<string, readonly string[]>> = {
  "crm.lead": ["stage_id", "user_id", "team_id", "partner_id", "expected_revenue", "active", "lost_reason_id"],
  "sale.order": ["state", "partner_id", "user_id", "amount_total"],
  "account.move": ["state", "partner_id", "amount_total"],
  "res.partner": ["user_id"],
};

/** Models whose salesperson is subscribed and notified on assignment. */
const ASSIGNMENT_NOTIFIED: ReadonlySet<string> = new Set(["crm.lead", "sale.order", "account.move"]);

interface SqlCheck {
  readonly name: string;
  readonly violated: (row: Row, orm: Orm) => boolean;
  readonly message: string;
  readonly kind: "check" | "unique";
  readonly field?: string;
}

const SQL_CHECKS: Readonly<Record<string, readonly SqlCheck[]>> = {
  "res.partner": [
    { name: "check_name", kind: "check", message: "Contacts require a name", violated: (row) => (row["type"] ?? "contact") === "contact" && !row["name"] },
  ],
  "crm.lead": [
    {
      name: "check_probability",
      kind: "check",
      message: "The probability of closing the deal should be between 0% and 100%!",
      violated: (row) => typeof row["probability"] === "number" && (row["probability"] < 0 || row["probability"] > 100),
    },
  ],
  "ir.model.fields": [
    {
      name: "name_manual_field",
      kind: "check",
      message: "Custom fields must have a name that starts with 'x_'!",
      violated: (row) => row["state"] === "manual" && !String(row["name"] ?? "").startsWith("x_"),
    },
    {
      name: "name_unique",
      kind: "unique",
      message: "Field names must be unique per model.",
      field: "name",
      violated: (row, orm) =>
        orm.countWhere("ir.model.fields", (other) => other.id !== row.id && other["model"] === row["model"] && other["name"] === row["name"]) > 0,
    },
  ],
  "ir.model.data": [
    {
      name: "name_nospaces",
      kind: "check",
      message: "External IDs cannot contain periods",
      violated: (row) => String(row["name"] ?? "").includes("."),
    },
    {
      name: "module_name_uniq",
      kind: "unique",
      message: "You cannot have multiple records with the same external ID!",
      field: "name",
      violated: (row, orm) => orm.xmlidRow(String(row["module"]), String(row["name"]), row.id) !== undefined,
    },
  ],
  "res.users": [
    {
      name: "login_key",
      kind: "unique",
      message: "You can not have two users with the same login!",
      field: "login",
      violated: (row, orm) => orm.countWhere("res.users", (other) => other.id !== row.id && other["login"] === row["login"]) > 0,
    },
  ],
  "crm.tag": [
    {
      name: "name_uniq",
      kind: "unique",
      message: "Tag name already exists!",
      field: "name",
      violated: (row, orm) => orm.countWhere("crm.tag", (other) => other.id !== row.id && other["name"] === row["name"]) > 0,
    },
  ],
};

export interface OrmOptions {
  readonly clock?: () => Date;
}

export class Orm implements DomainHost {
  readonly version: OdooVersion;
  readonly catalog: Catalog;
  readonly store: Store;
  readonly auth = new Map<number, UserAuth>();
  readonly #clock: () => Date;
  #inverseCache = new Map<string, { generation: number; index: Map<number, number[]> }>();
  #referencing: Map<string, Array<{ model: string; field: FieldSpec }>> | undefined;

  constructor(catalog: Catalog, store: Store, options: OrmOptions = {}) {
    this.version = catalog.version;
    this.catalog = catalog;
    this.store = store;
    this.#clock = options.clock ?? (() => new Date());
    store.defineIndex("ir.model.data", "xmlid", (row) => `${String(row["module"])}.${String(row["name"])}`);
    store.defineIndex("mail.followers", "document", (row) => `${String(row["res_model"])},${String(row["res_id"])}`);
  }

  // ---------------------------------------------------------------- schema

  hasModel(model: string): boolean {
    return this.catalog.models.has(model);
  }

  spec(model: string): ModelSpec {
    const spec = this.catalog.models.get(model);
    if (!spec) throw userError(unknownModelMessage(model));
    return spec;
  }

  rows(model: string): Iterable<Row> {
    return this.store.table(model).values();
  }

  countWhere(model: string, predicate: (row: Row) => boolean): number {
    let count = 0;
    for (const row of this.rows(model)) if (predicate(row)) count += 1;
    return count;
  }

  parentField(model: string): string | undefined {
    const spec = this.catalog.models.get(model);
    if (!spec) return undefined;
    const parent = spec.fields.get("parent_id");
    return parent?.type === "many2one" && parent.relation === model ? "parent_id" : undefined;
  }

  now(): string {
    return this.#clock().toISOString().slice(0, 19).replace("T", " ");
  }

  today(): string {
    return this.#clock().toISOString().slice(0, 10);
  }

  // ---------------------------------------------------------------- values

  /** A field's value in cache form: many2one id or false, x2many id arrays, scalars. */
  value(model: string, row: Row, fieldName: string): unknown {
    if (fieldName === "id") return row.id;
    const spec = this.catalog.models.get(model);
    const field = spec?.fields.get(fieldName);
    const computed = this.computed(model, row, fieldName, field);
    if (computed !== undefined) return computed;
    if (field?.type === "one2many") return this.inverseIds(model, row.id, field);
    const stored = row[fieldName];
    if (stored === undefined || stored === null) return field === undefined ? false : typeDefault(field);
    return stored;
  }

  private computed(model: string, row: Row, fieldName: string, field: FieldSpec | undefined): unknown {
    switch (fieldName) {
      case "display_name":
        return this.displayName(model, row);
      case "complete_name":
        if (model === "res.partner") return this.displayName(model, row);
        if (model === "ir.model.data") return `${String(row["module"])}.${String(row["name"])}`;
        return undefined;
      case "__last_update":
        return row["write_date"] ?? row["create_date"] ?? false;
      case "has_message":
        return field ? this.polymorphicChildren("mail.message", model, row.id).length > 0 : undefined;
      case "message_attachment_count":
        return field ? this.polymorphicChildren("ir.attachment", model, row.id).length : undefined;
      case "message_partner_ids":
        return field
          ? this.polymorphicChildren("mail.followers", model, row.id)
              .map((follower) => this.store.get("mail.followers", follower)?.["partner_id"])
              .filter((id): id is number => typeof id === "number")
          : undefined;
      case "message_is_follower": {
        if (!field) return undefined;
        return this.polymorphicChildren("mail.followers", model, row.id).length > 0;
      }
      case "email_normalized":
        return typeof row["email"] === "string" ? row["email"].trim().toLowerCase() : false;
      default:
        break;
    }
    switch (model) {
      case "res.partner":
        if (fieldName === "commercial_partner_id") return this.commercialPartner(row).id;
        if (fieldName === "self") return row.id;
        if (fieldName === "company_type") return row["is_company"] ? "company" : "person";
        if (fieldName === "country_code")
          return typeof row["country_id"] === "number" ? (this.store.get("res.country", row["country_id"])?.["code"] ?? false) : false;
        if (fieldName === "currency_id") return this.companyCurrency(row["company_id"] ?? 1);
        if (fieldName === "email_formatted")
          return typeof row["email"] === "string" && row["email"] !== "" ? `"${String(row["name"] ?? "")}" <${row["email"]}>` : false;
        if (fieldName === "partner_share")
          return !this.idsWhere("res.users", (user) => user["partner_id"] === row.id && user["share"] === false && user["active"] !== false).length;
        if (fieldName === "tz_offset") return "+0000";
        if (fieldName === "im_status") return "im_partner";
        if (fieldName === "website_message_ids") {
          return this.polymorphicChildren("mail.message", model, row.id).filter((id) =>
            ["comment", "email", "email_outgoing"].includes(String(this.store.get("mail.message", id)?.["message_type"])),
          );
        }
        if (fieldName === "commercial_company_name") {
          const commercial = this.commercialPartner(row);
          return commercial["is_company"] ? (commercial["name"] ?? false) : false;
        }
        if (fieldName === "user_ids") return this.idsWhere("res.users", (user) => user["partner_id"] === row.id);
        return undefined;
      case "crm.lead":
        if (fieldName === "prorated_revenue") return round2((num(row["expected_revenue"]) * num(row["probability"])) / 100);
        if (fieldName === "company_currency") return this.companyCurrency(row["company_id"]);
        return undefined;
      case "sale.order":
        if (fieldName === "amount_untaxed" || fieldName === "amount_total") return round2(this.linesTotal("sale.order.line", "order_id", row.id));
        if (fieldName === "amount_tax") return 0;
        if (fieldName === "currency_id" && row["currency_id"] === undefined) return this.companyCurrency(row["company_id"]);
        return undefined;
      case "sale.order.line":
        if (fieldName === "price_subtotal" || fieldName === "price_total") return round2(lineAmount(row));
        return undefined;
      case "account.move":
        if (
          fieldName === "amount_untaxed" ||
          fieldName === "amount_total" ||
          fieldName === "amount_residual" ||
          fieldName === "amount_untaxed_signed" ||
          fieldName === "amount_total_signed"
        ) {
          return round2(this.linesTotal("account.move.line", "move_id", row.id));
        }
        if (fieldName === "amount_tax") return 0;
        if (fieldName === "invoice_line_ids")
          return this.idsWhere("account.move.line", (line) => line["move_id"] === row.id && (line["display_type"] ?? "product") === "product");
        return undefined;
      case "account.move.line":
        if (fieldName === "price_subtotal" || fieldName === "price_total") return round2(lineAmount({ ...row, product_uom_qty: row["quantity"] ?? 1 }));
        return undefined;
      case "res.users":
        if (fieldName === "email" || fieldName === "lang" || fieldName === "tz") {
          const partner = typeof row["partner_id"] === "number" ? this.store.get("res.partner", row["partner_id"]) : undefined;
          return partner?.[fieldName] ?? row[fieldName] ?? false;
        }
        return undefined;
      default:
        return undefined;
    }
  }

  private linesTotal(lineModel: string, parentField: string, parentId: number): number {
    let total = 0;
    for (const line of this.rows(lineModel)) {
      if (line[parentField] !== parentId) continue;
      if (line["display_type"] !== undefined && line["display_type"] !== false && line["display_type"] !== "product") continue;
      // Odoo sums the lines' subtotals, each rounded to the currency (sale.order's amount_untaxed is
      // sum(order_line.price_subtotal)), not the unrounded products.
      total += round2(lineModel === "account.move.line" ? lineAmount({ ...line, product_uom_qty: line["quantity"] ?? 1 }) : lineAmount(line));
    }
    return total;
  }

  private companyCurrency(companyId: unknown): number | false {
    const company = typeof companyId === "number" ? this.store.get("res.company", companyId) : undefined;
    const currency = company?.["currency_id"];
    return typeof currency === "number" ? currency : false;
  }

  private commercialPartner(row: Row): Row {
    let current = row;
    const seen = new Set<number>();
    while (!current["is_company"] && typeof current["parent_id"] === "number" && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = this.store.get("res.partner", current["parent_id"]);
      if (!parent) break;
      current = parent;
    }
    return current;
  }

  displayName(model: string, rowOrId: Row | number): string {
    const row = typeof rowOrId === "number" ? this.store.get(model, rowOrId) : rowOrId;
    if (!row) return "";
    switch (model) {
      case "res.partner": {
        let name = typeof row["name"] === "string" ? row["name"] : "";
        const parentId = row["parent_id"];
        if (typeof parentId === "number" || row["company_name"]) {
          if (name === "" && ["invoice", "delivery", "other"].includes(String(row["type"]))) {
            const typeField = this.spec("res.partner").fields.get("type");
            name = typeField?.selection?.find(([key]) => key === row["type"])?.[1] ?? "";
          }
          if (!row["is_company"]) {
            const commercial = this.commercialPartner(row);
            const companyName =
              commercial["is_company"] && commercial.id !== row.id
                ? commercial["name"]
                : typeof parentId === "number"
                  ? this.store.get("res.partner", parentId)?.["name"]
                  : row["company_name"];
            if (typeof companyName === "string" && companyName !== "") name = `${companyName}, ${name}`;
          }
        }
        return name;
      }
      case "product.product":
      case "product.template": {
        const name = String(row["name"] ?? "");
        return row["default_code"] ? `[${String(row["default_code"])}] ${name}` : name;
      }
      case "ir.model.data":
        return `${String(row["module"])}.${String(row["name"])}`;
      case "mail.message":
        return String(row["subject"] || row["record_name"] || `mail.message,${row.id}`);
      default: {
        const spec = this.catalog.models.get(model);
        for (const candidate of ["name", "x_name", "display_name"]) {
          const value = row[candidate];
          if (spec?.fields.has(candidate) && typeof value === "string") return value;
        }
        return `${spec?.description ?? model},${row.id}`;
      }
    }
  }

  private inverseIds(model: string, id: number, field: FieldSpec): number[] {
    const comodel = field.relation;
    const inverse = field.relationField;
    if (comodel === undefined || inverse === undefined || !this.catalog.models.has(comodel)) return [];
    const polymorphic = REFERENCE_MODEL_FIELD[comodel];
    const inverseSpec = this.catalog.models.get(comodel)?.fields.get(inverse);
    if (inverseSpec?.type === "many2one_reference" && polymorphic !== undefined) {
      return this.polymorphicChildren(comodel, model, id, inverse);
    }
    const key = `${comodel}|${inverse}`;
    let cached = this.#inverseCache.get(key);
    if (!cached || cached.generation !== this.store.generation) {
      const index = new Map<number, number[]>();
      for (const row of this.rows(comodel)) {
        const parent = row[inverse];
        if (typeof parent === "number") {
          const list = index.get(parent);
          if (list) list.push(row.id);
          else index.set(parent, [row.id]);
        }
      }
      cached = { generation: this.store.generation, index };
      this.#inverseCache.set(key, cached);
    }
    const ids = cached.index.get(id) ?? [];
    if (ids.length > 1 && ids.length <= 200) return this.sortIds(comodel, ids, this.spec(comodel).order);
    return [...ids];
  }

  private polymorphicChildren(comodel: string, model: string, id: number, inverse = "res_id"): number[] {
    const modelField = REFERENCE_MODEL_FIELD[comodel];
    if (modelField === undefined) return [];
    const key = `${comodel}|${inverse}|${modelField}`;
    let cached = this.#inverseCache.get(key);
    if (!cached || cached.generation !== this.store.generation) {
      const index = new Map<number, number[]>();
      for (const row of this.rows(comodel)) {
        const target = row[inverse];
        const targetModel = row[modelField];
        if (typeof target === "number" && typeof targetModel === "string") {
          const hash = targetIndexKey(targetModel, target);
          const list = index.get(hash);
          if (list) list.push(row.id);
          else index.set(hash, [row.id]);
        }
      }
      cached = { generation: this.store.generation, index };
      this.#inverseCache.set(key, cached);
    }
    return [...(cached.index.get(targetIndexKey(model, id)) ?? [])].sort((a, b) => b - a);
  }

  private idsWhere(model: string, predicate: (row: Row) => boolean): number[] {
    const ids: number[] = [];
    for (const row of this.rows(model)) if (predicate(row)) ids.push(row.id);
    return ids;
  }

  // ---------------------------------------------------------------- conversion

  private checkKnownFields(spec: ModelSpec, vals: Record<string, unknown>): void {
    for (const key of Object.keys(vals)) {
      if (!spec.fields.has(key)) throw valueError(invalidFieldMessage(this.version, spec.name, key, "write"));
    }
  }

  /** Python-side conversion of one non-relational-list value (Field.convert_to_cache). */
  convert(spec: ModelSpec, field: FieldSpec, raw: unknown): unknown {
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

  // ---------------------------------------------------------------- defaults

  /** Defaults for a new record as the recorded default_get gave them, made current. */
  defaultValues(env: Env, spec: ModelSpec): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(spec.defaults)) {
      const field = spec.fields.get(name);
      if (!field) continue;
      const value = this.liveDefault(env, spec, field, raw);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }

  private liveDefault(env: Env, spec: ModelSpec, field: FieldSpec, raw: unknown): unknown {
    if (field.type === "datetime" && typeof raw === "string") return this.now();
    if (field.type === "date" && typeof raw === "string") return this.today();
    if (field.type === "many2one" && typeof raw === "number") {
      if (field.relation === "res.users" && raw === 2) return env.uid;
      if (field.relation === "res.partner" && raw === 3) return this.userPartnerId(env.uid) ?? false;
      if (field.relation === undefined || !this.store.has(field.relation, raw)) return undefined;
      return raw;
    }
    if (X2MANY.has(field.type) && Array.isArray(raw)) {
      const relation = field.relation;
      if (relation === undefined) return undefined;
      // Keep set commands with the ids that exist here; drop create commands of other models.
      return raw
        .filter((command): command is unknown[] => Array.isArray(command) && command[0] === 6)
        .map((command) => [
          6,
          0,
          (Array.isArray(command[2]) ? (command[2] as unknown[]) : []).filter((id): id is number => typeof id === "number" && this.store.has(relation, id)),
        ])
        .map((command) => {
          if (relation === "res.partner") return [6, 0, (command[2] as number[]).map((id) => (id === 3 ? (this.userPartnerId(env.uid) ?? id) : id))];
          return command;
        });
    }
    if (spec.name === "mail.message" && field.name === "email_from") return this.formattedUserEmail(env.uid);
    if (!field.store && !X2MANY.has(field.type) && field.attributes["company_dependent"] !== true) return undefined;
    if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) return undefined;
    return raw;
  }

  /** default_get(fields) as Odoo answers it (None stays None: XML-RPC then cannot marshal it). */
  defaultGet(env: Env, model: string, fields: readonly unknown[]): Record<string, unknown> {
    const spec = this.spec(model);
    const result: Record<string, unknown> = {};
    for (const name of fields) {
      if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(spec.defaults, name)) continue;
      const raw = spec.defaults[name];
      const field = spec.fields.get(name);
      if (raw === null || field === undefined) {
        result[name] = null;
        continue;
      }
      const value = this.liveDefault(env, spec, field, raw);
      result[name] = value === undefined ? raw : value;
    }
    return result;
  }

  userPartnerId(uid: number): number | undefined {
    const partner = this.store.get("res.users", uid)?.["partner_id"];
    return typeof partner === "number" ? partner : undefined;
  }

  private formattedUserEmail(uid: number): string | false {
    const partnerId = this.userPartnerId(uid);
    const partner = partnerId === undefined ? undefined : this.store.get("res.partner", partnerId);
    const email = partner?.["email"];
    if (typeof email !== "string" || email === "") return false;
    return `"${String(partner?.["name"] ?? "")}" <${email}>`;
  }

  // ---------------------------------------------------------------- create

  create(env: Env, model: string, valsList: ReadonlyArray<Record<string, unknown>>): number[] {
    const spec = this.spec(model);
    for (const vals of valsList) this.checkKnownFields(spec, vals);
    const ids = valsList.map((vals) => this.createOne(env, spec, vals));
    this.checkPythonConstraints(spec, ids);
    return ids;
  }

  private createOne(env: Env, spec: ModelSpec, vals: Record<string, unknown>): number {
    const values: Record<string, unknown> = { ...this.defaultValues(env, spec), ...contextDefaults(env, spec), ...vals };
    this.beforeCreate(env, spec, values, vals);
    const id = this.store.nextId(spec.name);
    const row: Row = { id };
    const relational: Array<[FieldSpec, unknown]> = [];
    for (const [name, raw] of Object.entries(values)) {
      if (name === "id") continue;
      const field = spec.fields.get(name);
      if (!field) continue;
      if (X2MANY.has(field.type)) {
        relational.push([field, raw]);
        continue;
      }
      if (spec.name === "res.users" && name === "password") continue;
      row[name] = this.convert(spec, field, raw);
    }
    const now = this.now();
    for (const [name, value] of [
      ["create_uid", env.uid],
      ["write_uid", env.uid],
      ["create_date", now],
      ["write_date", now],
    ] as const) {
      if (spec.fields.has(name)) row[name] = value;
    }
    this.store.insert(spec.name, row);
    this.checkRow(spec, row, undefined);
    for (const [field, commands] of relational) this.applyX2many(env, spec, row, field, commands);
    this.afterCreate(env, spec, row, vals);
    return id;
  }

  private beforeCreate(env: Env, spec: ModelSpec, values: Record<string, unknown>, vals: Record<string, unknown>): void {
    switch (spec.name) {
      case "res.partner":
        if (typeof values["parent_id"] === "number" && (values["type"] ?? "contact") === "contact") {
          const parent = this.store.get("res.partner", values["parent_id"]);
          if (parent) for (const field of ADDRESS_FIELDS) if (!(field in vals) && parent[field] !== undefined) values[field] = parent[field];
        }
        break;
      case "res.users": {
        if (values["partner_id"] === undefined || values["partner_id"] === false) {
          const partnerValues: Record<string, unknown> = {
            name: values["name"] ?? values["login"],
            email: values["email"] ?? false,
            company_id: values["company_id"] ?? 1,
          };
          values["partner_id"] = this.createOne({ ...env, context: { ...env.context, tracking_disable: true } }, this.spec("res.partner"), partnerValues);
        }
        if (values["name"] === undefined) values["name"] = this.store.get("res.partner", Number(values["partner_id"]))?.["name"] ?? values["login"];
        if (values["share"] === undefined) values["share"] = false;
        break;
      }
      case "crm.lead": {
        if (values["type"] === undefined) values["type"] = "opportunity";
        if (values["stage_id"] === undefined && values["type"] === "opportunity") {
          const first = [...this.rows("crm.stage")].sort((a, b) => num(a["sequence"]) - num(b["sequence"]) || a.id - b.id)[0];
          if (first) values["stage_id"] = first.id;
        }
        if (values["team_id"] === undefined && this.store.has("crm.team", 1) && values["user_id"]) values["team_id"] = 1;
        if (values["company_id"] === undefined && this.store.has("res.company", 1)) values["company_id"] = 1;
        if (values["probability"] === undefined) values["probability"] = 0;
        if (values["user_id"] && values["date_open"] === undefined) values["date_open"] = this.now();
        if (values["date_last_stage_update"] === undefined) values["date_last_stage_update"] = this.now();
        if (typeof values["partner_id"] === "number") {
          const partner = this.store.get("res.partner", values["partner_id"]);
          if (partner && values["email_from"] === undefined && partner["email"]) values["email_from"] = partner["email"];
          if (partner && values["phone"] === undefined && partner["phone"]) values["phone"] = partner["phone"];
        }
        break;
      }
      case "sale.order": {
        if (values["name"] === undefined || values["name"] === "New" || values["name"] === false)
          values["name"] = `S${String(this.countWhere("sale.order", () => true) + 1).padStart(5, "0")}`;
        if (typeof values["partner_id"] === "number") {
          if (!values["partner_invoice_id"]) values["partner_invoice_id"] = values["partner_id"];
          if (!values["partner_shipping_id"]) values["partner_shipping_id"] = values["partner_id"];
        }
        if (values["user_id"] === undefined) values["user_id"] = env.uid;
        if (values["currency_id"] === undefined && spec.fields.has("currency_id")) values["currency_id"] = this.companyCurrency(values["company_id"] ?? 1);
        break;
      }
      case "sale.order.line": {
        const product = typeof values["product_id"] === "number" ? this.store.get("product.product", values["product_id"]) : undefined;
        const template = typeof product?.["product_tmpl_id"] === "number" ? this.store.get("product.template", product["product_tmpl_id"]) : undefined;
        if (values["name"] === undefined) values["name"] = product ? this.displayName("product.product", product) : false;
        if (values["price_unit"] === undefined) values["price_unit"] = template?.["list_price"] ?? product?.["lst_price"] ?? 0;
        if (values["customer_lead"] === undefined) values["customer_lead"] = 0;
        break;
      }
      case "account.move": {
        const moveType = String(values["move_type"] ?? "entry");
        if (values["journal_id"] === undefined) {
          const wanted = moveType.startsWith("out_") ? "sale" : moveType.startsWith("in_") ? "purchase" : "general";
          const journal = [...this.rows("account.journal")].find((candidate) => candidate["type"] === wanted) ?? [...this.rows("account.journal")][0];
          if (journal) values["journal_id"] = journal.id;
        }
        if (values["date"] === undefined) values["date"] = values["invoice_date"] ?? this.today();
        if (values["currency_id"] === undefined) values["currency_id"] = this.companyCurrency(values["company_id"] ?? 1);
        if (values["company_id"] === undefined && spec.fields.has("company_id")) values["company_id"] = 1;
        if (values["name"] === undefined) values["name"] = "/";
        if (values["auto_post"] === undefined) values["auto_post"] = "no";
        break;
      }
      case "account.move.line": {
        const move = typeof values["move_id"] === "number" ? this.store.get("account.move", values["move_id"]) : undefined;
        if (values["currency_id"] === undefined) values["currency_id"] = move?.["currency_id"] ?? this.companyCurrency(1);
        if (values["display_type"] === undefined) values["display_type"] = "product";
        break;
      }
      case "product.product": {
        if (values["product_tmpl_id"] === undefined) {
          const templateFields = this.spec("product.template").fields;
          const templateValues = Object.fromEntries(
            Object.entries(vals).filter(([name]) => templateFields.has(name) && !X2MANY.has(templateFields.get(name)?.type ?? "")),
          );
          values["product_tmpl_id"] = this.createOne(env, this.spec("product.template"), templateValues);
        }
        break;
      }
      case "product.template":
        if (values["uom_id"] === undefined && spec.fields.has("uom_id") && this.store.has("uom.uom", 1)) values["uom_id"] = 1;
        if (values["uom_po_id"] === undefined && spec.fields.has("uom_po_id")) values["uom_po_id"] = values["uom_id"];
        break;
      case "ir.model.fields": {
        if (typeof values["model_id"] === "number") {
          const irModel = this.store.get("ir.model", values["model_id"]);
          if (irModel) values["model"] = irModel["model"];
        }
        if (values["state"] === undefined) values["state"] = "manual";
        break;
      }
      case "mail.activity": {
        if (typeof values["res_model_id"] === "number") {
          const irModel = this.store.get("ir.model", values["res_model_id"]);
          if (irModel) values["res_model"] = irModel["model"];
        }
        if (values["user_id"] === undefined) values["user_id"] = env.uid;
        if (values["date_deadline"] === undefined) values["date_deadline"] = this.today();
        break;
      }
      case "mail.message":
        if (values["author_id"] === undefined) values["author_id"] = this.userPartnerId(env.uid) ?? false;
        break;
      case "ir.attachment":
        if (typeof values["datas"] === "string") {
          values["file_size"] = Buffer.from(values["datas"], "base64").length;
          if (values["mimetype"] === undefined) values["mimetype"] = "application/octet-stream";
        }
        break;
      default:
        break;
    }
  }

  private afterCreate(env: Env, spec: ModelSpec, row: Row, vals: Record<string, unknown>): void {
    if (spec.name === "res.users") {
      const password = vals["password"];
      this.auth.set(row.id, { password: typeof password === "string" ? password : undefined, apiKeys: new Set(), level: "limited" });
      const partnerId = row["partner_id"];
      if (typeof partnerId === "number") this.store.update("res.partner", partnerId, "user_id", this.store.get("res.partner", partnerId)?.["user_id"] ?? false);
    }
    if (spec.name === "ir.model.fields") this.registerCustomField(row);
    if (spec.name === "mail.activity") {
      const assignee = row["user_id"];
      if (typeof assignee === "number" && assignee !== env.uid && !env.context["mail_activity_quick_update"]) {
        this.notify(assignee, `${this.userName(env.uid)} assigned you an activity`, String(row["res_model"] ?? ""), num(row["res_id"]), "activity");
      }
    }
    if (!spec.isMailThread || env.context["tracking_disable"]) return;
    const authorPartner = this.userPartnerId(env.uid);
    if (!env.context["mail_create_nosubscribe"] && authorPartner !== undefined) this.follow(spec.name, row.id, authorPartner);
    if (!env.context["mail_create_nolog"]) {
      this.postSystemMessage(spec, row.id, `<p>${escapeHtml(spec.description)} created</p>`, authorPartner);
    }
    const assignee = row["user_id"];
    if (ASSIGNMENT_NOTIFIED.has(spec.name) && typeof assignee === "number" && assignee !== env.uid && !env.context["mail_auto_subscribe_no_notify"]) {
      const partner = this.userPartnerId(assignee);
      if (partner !== undefined) this.follow(spec.name, row.id, partner);
      this.notify(assignee, `You have been assigned to ${this.displayName(spec.name, row)}`, spec.name, row.id, "assignment");
    }
  }

  private follow(model: string, resId: number, partnerId: number): void {
    if (!this.catalog.models.has("mail.followers")) return;
    if (this.store.lookup("mail.followers", "document", `${model},${resId}`).some((existing) => existing["partner_id"] === partnerId)) return;
    this.store.insert("mail.followers", { id: this.store.nextId("mail.followers"), res_model: model, res_id: resId, partner_id: partnerId });
  }

  private postSystemMessage(spec: ModelSpec, resId: number, body: string, authorPartner: number | undefined): void {
    const subtype = [...this.rows("mail.message.subtype")].find((candidate) => candidate["name"] === "Note");
    const now = this.now();
    this.store.insert("mail.message", {
      id: this.store.nextId("mail.message"),
      model: spec.name,
      res_id: resId,
      message_type: "notification",
      body,
      subtype_id: subtype?.id ?? false,
      author_id: authorPartner ?? false,
      date: now,
      create_date: now,
      write_date: now,
    });
  }

  /** An e-mail Odoo would send (kept in `mail.mail`, never sent). */
  private notify(uid: number, subject: string, model: string, resId: number, reason: string): void {
    const partnerId = this.userPartnerId(uid);
    const partner = partnerId === undefined ? undefined : this.store.get("res.partner", partnerId);
    this.store.insert("mail.mail", {
      id: this.store.nextId("mail.mail"),
      subject,
      email_to: partner?.["email"] ?? false,
      recipient_partner_id: partnerId ?? false,
      model,
      res_id: resId,
      reason,
      state: "outgoing",
    });
  }

  private userName(uid: number): string {
    return String(this.store.get("res.users", uid)?.["name"] ?? `user ${uid}`);
  }

  /** ir.model.fields create: the field exists on its model at once (Odoo reloads the registry). */
  private registerCustomField(row: Row): void {
    const model = this.catalog.models.get(String(row["model"]));
    if (!model || row["state"] !== "manual") return;
    const name = String(row["name"]);
    const ttype = String(row["ttype"]);
    const attributes: Record<string, unknown> = {
      type: ttype,
      string: row["field_description"] || name,
      required: Boolean(row["required"]),
      readonly: Boolean(row["readonly"]),
      store: row["store"] !== false,
      manual: true,
      ...(row["help"] ? { help: row["help"] } : {}),
      ...(typeof row["relation"] === "string" && row["relation"] !== "" ? { relation: row["relation"] } : {}),
      ...(typeof row["relation_field"] === "string" && row["relation_field"] !== "" ? { relation_field: row["relation_field"] } : {}),
      ...(ttype === "selection" ? { selection: this.customSelection(row) } : {}),
      company_dependent: false,
    };
    const previous = model.fields.get(name);
    model.fields.set(name, fieldFromAttributes(name, attributes));
    this.store.onRollback(() => {
      if (previous) model.fields.set(name, previous);
      else model.fields.delete(name);
    });
  }

  private customSelection(row: Row): Array<[string, string]> {
    const fromLines = [...this.rows("ir.model.fields.selection")]
      .filter((line) => line["field_id"] === row.id)
      .sort((a, b) => num(a["sequence"]) - num(b["sequence"]) || a.id - b.id)
      .map((line) => [String(line["value"]), String(line["name"])] as [string, string]);
    if (fromLines.length > 0) return fromLines;
    // The `selection` text Odoo reads with ast.literal_eval: "[('a', 'A'), (\"b\", \"B\")]", either quote.
    const text = typeof row["selection"] === "string" ? row["selection"] : "";
    const literal = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
    const pair = new RegExp(String.raw`\(\s*(?:${literal})\s*,\s*(?:${literal})\s*\)`, "g");
    return [...text.matchAll(pair)].map((match) => [pythonString(match[1] ?? match[2] ?? ""), pythonString(match[3] ?? match[4] ?? "")] as [string, string]);
  }

  // ---------------------------------------------------------------- x2many

  private applyX2many(env: Env, spec: ModelSpec, row: Row, field: FieldSpec, commands: unknown): void {
    const comodel = field.relation;
    if (comodel === undefined || !this.catalog.models.has(comodel)) return;
    if (commands === false || commands === null || commands === undefined) commands = [[5]];
    if (!Array.isArray(commands)) throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
    const list = commands.every((item) => typeof item === "number") ? [[6, 0, commands]] : commands;
    if (field.type === "many2many") {
      let ids = Array.isArray(row[field.name]) ? [...(row[field.name] as number[])] : [];
      for (const command of list) {
        if (!Array.isArray(command)) throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
        const [code, target, payload] = command as [unknown, unknown, unknown];
        switch (code) {
          case 0: {
            const [created] = this.create(env, comodel, [isRecord(payload) ? payload : {}]);
            if (created !== undefined) ids.push(created);
            break;
          }
          case 1:
            this.write(env, comodel, [Number(target)], isRecord(payload) ? payload : {});
            break;
          case 2:
            this.unlink(env, comodel, [Number(target)]);
            ids = ids.filter((id) => id !== target);
            break;
          case 3:
            ids = ids.filter((id) => id !== target);
            break;
          case 4:
            if (!ids.includes(Number(target))) ids.push(Number(target));
            break;
          case 5:
            ids = [];
            break;
          case 6:
            ids = Array.isArray(payload) ? [...new Set((payload as unknown[]).map(Number))] : [];
            break;
          default:
            throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
        }
      }
      for (const id of ids) {
        if (Number.isInteger(id)) this.ensureStubRecord(comodel, id);
        if (!Number.isInteger(id) || !this.store.has(comodel, id))
          throw databaseViolation(foreignKeyMessage(this.version, spec, field), {
            kind: "foreign-key",
            loadMessage: foreignKeyMessage(this.version, spec, field),
            field: field.name,
          });
      }
      this.store.update(spec.name, row.id, field.name, ids);
      return;
    }
    const inverse = field.relationField;
    if (inverse === undefined) return;
    const polymorphic = REFERENCE_MODEL_FIELD[comodel];
    const link = (): Record<string, unknown> => ({
      [inverse]: row.id,
      ...(polymorphic !== undefined && this.spec(comodel).fields.get(inverse)?.type === "many2one_reference" ? { [polymorphic]: spec.name } : {}),
    });
    for (const command of list) {
      if (!Array.isArray(command)) throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
      const [code, target, payload] = command as [unknown, unknown, unknown];
      switch (code) {
        case 0:
          this.create(env, comodel, [{ ...(isRecord(payload) ? payload : {}), ...link() }]);
          break;
        case 1:
          this.write(env, comodel, [Number(target)], isRecord(payload) ? payload : {});
          break;
        case 2:
          this.unlink(env, comodel, [Number(target)]);
          break;
        case 3:
          this.write(env, comodel, [Number(target)], { [inverse]: false });
          break;
        case 4:
          this.write(env, comodel, [Number(target)], link());
          break;
        case 5:
          for (const child of this.inverseIds(spec.name, row.id, field)) this.write(env, comodel, [child], { [inverse]: false });
          break;
        case 6: {
          const wanted = new Set(Array.isArray(payload) ? (payload as unknown[]).map(Number) : []);
          for (const child of this.inverseIds(spec.name, row.id, field)) if (!wanted.has(child)) this.write(env, comodel, [child], { [inverse]: false });
          for (const child of wanted) this.write(env, comodel, [child], link());
          break;
        }
        default:
          throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
      }
    }
  }

  // ---------------------------------------------------------------- checks

  /**
   * Models that were not recorded (res.groups, account.account, ...) cannot say which ids exist;
   * a reference to one gets a placeholder record instead of a foreign-key error.
   */
  private ensureStubRecord(model: string, id: number): void {
    const spec = this.catalog.models.get(model);
    if (!spec?.stub || this.store.has(model, id) || id <= 0) return;
    this.store.insert(model, { id, name: `${model},${id}` });
  }

  /** Column constraints at INSERT/UPDATE time: NOT NULL, foreign keys, SQL checks. */
  private checkRow(spec: ModelSpec, row: Row, written: ReadonlySet<string> | undefined): void {
    for (const field of spec.fields.values()) {
      if (written !== undefined && !written.has(field.name)) continue;
      if (field.type === "many2one") {
        const value = row[field.name];
        if (typeof value === "number" && field.relation !== undefined) this.ensureStubRecord(field.relation, value);
        if (typeof value === "number" && field.relation !== undefined && !this.store.has(field.relation, value)) {
          throw databaseViolation(foreignKeyMessage(this.version, spec, field), {
            kind: "foreign-key",
            loadMessage: foreignKeyMessage(this.version, spec, field),
            field: field.name,
          });
        }
      }
      if (!field.required || !field.store || X2MANY.has(field.type)) continue;
      if (field.relation !== undefined && this.catalog.models.get(field.relation)?.stub) continue;
      const value = row[field.name];
      const missing = value === undefined || value === null || (value === false && field.type !== "boolean");
      if (missing) {
        throw databaseViolation(notNullMessage(this.version, spec, field), { kind: "not-null", loadMessage: notNullLoadMessage(field), field: field.name });
      }
    }
    for (const check of SQL_CHECKS[spec.name] ?? []) {
      if (check.violated(row, this)) {
        throw databaseViolation(sqlConstraintMessage(check.message), {
          kind: check.kind,
          loadMessage: sqlConstraintLoadMessage(this.version, check.message),
          ...(check.field === undefined ? {} : { field: check.field }),
        });
      }
    }
  }

  private checkPythonConstraints(spec: ModelSpec, ids: readonly number[]): void {
    if (spec.name === "res.partner") {
      for (const id of ids) {
        const seen = new Set<number>([id]);
        let current = this.store.get("res.partner", id)?.["parent_id"];
        while (typeof current === "number") {
          if (seen.has(current)) throw validationError("You cannot create recursive Partner hierarchies.");
          seen.add(current);
          current = this.store.get("res.partner", current)?.["parent_id"];
        }
      }
    }
  }

  // ---------------------------------------------------------------- write

  write(env: Env, model: string, ids: readonly number[], vals: Record<string, unknown>): true {
    const spec = this.spec(model);
    this.checkKnownFields(spec, vals);
    this.requireExisting(env, spec, ids);
    for (const id of ids) this.writeOne(env, spec, id, vals);
    this.checkPythonConstraints(spec, ids);
    return true;
  }

  private requireExisting(env: Env, spec: ModelSpec, ids: readonly number[]): void {
    const missing = ids.filter((id) => !this.store.has(spec.name, id));
    if (missing.length > 0) {
      throw missingError(`Record does not exist or has been deleted.\n(Record: ${spec.name}${pyRepr(new PyTuple(missing))}, User: ${env.uid})`);
    }
  }

  private writeOne(env: Env, spec: ModelSpec, id: number, vals: Record<string, unknown>): void {
    const row = this.store.get(spec.name, id);
    if (!row) return;
    const before: Record<string, unknown> = {};
    const tracked = TRACKED[spec.name] ?? [];
    for (const name of tracked) before[name] = this.value(spec.name, row, name);
    const written = new Set<string>();
    const relational: Array<[FieldSpec, unknown]> = [];
    const values: Record<string, unknown> = { ...vals };
    if (spec.name === "ir.model.fields" && typeof values["model_id"] === "number") values["model"] = this.store.get("ir.model", values["model_id"])?.["model"];
    if (spec.name === "mail.activity" && typeof values["res_model_id"] === "number")
      values["res_model"] = this.store.get("ir.model", values["res_model_id"])?.["model"];
    for (const [name, raw] of Object.entries(values)) {
      if (name === "id") continue;
      const field = spec.fields.get(name);
      if (!field) continue;
      if (X2MANY.has(field.type)) {
        relational.push([field, raw]);
        continue;
      }
      if (spec.name === "res.users" && name === "password") {
        const auth = this.auth.get(id);
        if (auth && typeof raw === "string") auth.password = raw;
        continue;
      }
      this.store.update(spec.name, id, name, this.convert(spec, field, raw));
      written.add(name);
    }
    if (spec.fields.has("write_date")) this.store.update(spec.name, id, "write_date", this.now());
    if (spec.fields.has("write_uid")) this.store.update(spec.name, id, "write_uid", env.uid);
    this.checkRow(spec, row, written);
    for (const [field, commands] of relational) this.applyX2many(env, spec, row, field, commands);
    this.afterWrite(env, spec, row, written, before);
  }

  private afterWrite(env: Env, spec: ModelSpec, row: Row, written: ReadonlySet<string>, before: Record<string, unknown>): void {
    if (spec.name === "res.partner") {
      // Contacts follow their company's address (Odoo's _fields_sync / _children_sync).
      if (written.has("parent_id") && typeof row["parent_id"] === "number" && (row["type"] ?? "contact") === "contact") {
        const parent = this.store.get("res.partner", row["parent_id"]);
        if (parent)
          for (const field of ADDRESS_FIELDS)
            if (!written.has(field) && parent[field] !== undefined) this.store.update("res.partner", row.id, field, parent[field]);
      }
      if (ADDRESS_FIELDS.some((field) => written.has(field))) {
        for (const child of this.rows("res.partner")) {
          if (child["parent_id"] === row.id && (child["type"] ?? "contact") === "contact") {
            for (const field of ADDRESS_FIELDS) if (written.has(field)) this.store.update("res.partner", child.id, field, row[field]);
          }
        }
      }
    }
    if (spec.name === "res.users" && written.has("name") && typeof row["partner_id"] === "number")
      this.store.update("res.partner", row["partner_id"], "name", row["name"]);
    if (spec.name === "crm.lead" && written.has("stage_id")) this.store.update("crm.lead", row.id, "date_last_stage_update", this.now());
    if (!spec.isMailThread || env.context["tracking_disable"]) return;
    const changed = (TRACKED[spec.name] ?? []).filter(
      (name) => written.has(name) && JSON.stringify(before[name]) !== JSON.stringify(this.value(spec.name, row, name)),
    );
    if (changed.length > 0 && !env.context["mail_notrack"]) {
      this.postSystemMessage(spec, row.id, "", this.userPartnerId(env.uid));
    }
    const assignee = row["user_id"];
    if (
      changed.includes("user_id") &&
      ASSIGNMENT_NOTIFIED.has(spec.name) &&
      typeof assignee === "number" &&
      assignee !== env.uid &&
      !env.context["mail_auto_subscribe_no_notify"]
    ) {
      const partner = this.userPartnerId(assignee);
      if (partner !== undefined) this.follow(spec.name, row.id, partner);
      this.notify(assignee, `You have been assigned to ${this.displayName(spec.name, row)}`, spec.name, row.id, "assignment");
    }
  }

  // ---------------------------------------------------------------- unlink

  unlink(env: Env, model: string, ids: readonly number[]): true {
    const spec = this.spec(model);
    this.requireExisting(env, spec, ids);
    const targets = new Set(ids);
    if (model === "res.partner") {
      const activeUsers = [...this.rows("res.users")].filter(
        (user) => user["active"] !== false && typeof user["partner_id"] === "number" && targets.has(user["partner_id"]),
      );
      if (activeUsers.length > 0) {
        throw redirectWarning(
          `You cannot delete contacts linked to an active user.\nYou should rather archive them after archiving their associated user.\n\nLinked active users : ${activeUsers.map((user) => String(user["name"])).join(", ")}`,
          {
            action: {
              type: "ir.actions.act_window",
              res_model: "res.users",
              context: { create: false },
              view_mode: "form",
              views: [[usersFormViewId(this.version), "form"]],
              res_id: activeUsers[0]?.id ?? 0,
            },
            buttonText: "Go to users",
          },
        );
      }
    }
    if (model === "sale.order") {
      for (const id of ids) {
        const state = this.store.get(model, id)?.["state"];
        if (state !== undefined && state !== "draft" && state !== "cancel" && state !== false) {
          throw userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
        }
      }
    }
    if (model === "account.move") {
      for (const id of ids) {
        if (this.store.get(model, id)?.["state"] === "posted") throw userError("You cannot delete an entry which has been posted once.");
      }
    }
    for (const { model: referencing, field } of this.referencingFields(model)) {
      const key = `${referencing}.${field.name}`;
      for (const row of [...this.rows(referencing)]) {
        if (field.type === "many2one") {
          const value = row[field.name];
          if (typeof value !== "number" || !targets.has(value) || (referencing === model && targets.has(row.id))) continue;
          if (RESTRICT.has(key)) {
            const referencingSpec = this.spec(referencing);
            throw databaseViolation(foreignKeyMessage(this.version, referencingSpec, field), {
              kind: "foreign-key",
              loadMessage: foreignKeyMessage(this.version, referencingSpec, field),
              field: field.name,
            });
          }
          if (CASCADE.has(key)) this.unlink(env, referencing, [row.id]);
          else this.store.update(referencing, row.id, field.name, false);
        } else if (field.type === "many2many") {
          const value = row[field.name];
          if (Array.isArray(value) && value.some((id) => targets.has(id as number))) {
            this.store.update(
              referencing,
              row.id,
              field.name,
              (value as number[]).filter((id) => !targets.has(id)),
            );
          }
        }
      }
    }
    // Chatter, activities, followers, attachments and external ids of deleted records go too.
    for (const [comodel, modelField] of Object.entries(REFERENCE_MODEL_FIELD)) {
      if (comodel === model) continue;
      for (const row of [...this.rows(comodel)]) {
        if (row[modelField] === model && typeof row["res_id"] === "number" && targets.has(row["res_id"])) this.store.delete(comodel, row.id);
      }
    }
    if (model === "ir.model.fields") for (const id of ids) this.unregisterCustomField(this.store.get(model, id));
    const templates = model === "product.product" ? this.templatesLeftWithoutVariants(env, ids) : [];
    for (const id of ids) this.store.delete(model, id);
    // Odoo's product.product.unlink deletes a template with its last variant, after the variants.
    if (templates.length > 0) this.unlink(env, "product.template", templates);
    return true;
  }

  /** The templates of these variants that have no other variant (as `search` finds them: archived ones only with active_test false). */
  private templatesLeftWithoutVariants(env: Env, ids: readonly number[]): number[] {
    const deleting = new Set(ids);
    const templates = new Set<number>();
    for (const id of ids) {
      const template = this.store.get("product.product", id)?.["product_tmpl_id"];
      if (typeof template === "number" && this.store.has("product.template", template)) templates.add(template);
    }
    const archivedCount = env.context["active_test"] === false;
    for (const variant of this.rows("product.product")) {
      if (deleting.has(variant.id) || (!archivedCount && variant["active"] === false)) continue;
      if (typeof variant["product_tmpl_id"] === "number") templates.delete(variant["product_tmpl_id"]);
    }
    return [...templates];
  }

  /** ir.model.fields unlink of a custom field: Odoo drops its column and reloads the registry, so the field is gone from its model. */
  private unregisterCustomField(row: Row | undefined): void {
    if (row === undefined || row["state"] !== "manual") return;
    const model = this.catalog.models.get(String(row["model"]));
    const name = String(row["name"]);
    const previous = model?.fields.get(name);
    if (model === undefined || previous === undefined) return;
    model.fields.delete(name);
    this.store.onRollback(() => model.fields.set(name, previous));
    for (const record of [...this.rows(model.name)]) if (name in record) this.store.update(model.name, record.id, name, undefined);
  }

  private referencingFields(model: string): Array<{ model: string; field: FieldSpec }> {
    if (!this.#referencing) {
      const index = new Map<string, Array<{ model: string; field: FieldSpec }>>();
      for (const spec of this.catalog.models.values()) {
        for (const field of spec.fields.values()) {
          if ((field.type === "many2one" || field.type === "many2many") && field.relation !== undefined) {
            const list = index.get(field.relation) ?? [];
            list.push({ model: spec.name, field });
            index.set(field.relation, list);
          }
        }
      }
      this.#referencing = index;
    }
    // Custom fields may have been added since: look them up fresh.
    const custom: Array<{ model: string; field: FieldSpec }> = [];
    for (const spec of this.catalog.models.values()) {
      for (const field of spec.fields.values())
        if (field.manual && field.relation === model && (field.type === "many2one" || field.type === "many2many")) custom.push({ model: spec.name, field });
    }
    return [...(this.#referencing.get(model) ?? []), ...custom];
  }

  // ---------------------------------------------------------------- read & search

  read(env: Env, model: string, ids: readonly number[], fields: readonly string[] | undefined): Array<Record<string, unknown>> {
    const spec = this.spec(model);
    const names =
      fields === undefined || fields.length === 0 ? [...spec.fields.keys()].filter((name) => name !== "id") : fields.filter((name) => name !== "id");
    for (const name of names) if (!spec.fields.has(name)) throw valueError(invalidFieldMessage(this.version, model, name, "read"));
    const result: Array<Record<string, unknown>> = [];
    for (const id of ids) {
      const row = this.store.get(model, id);
      if (!row) continue;
      const record: Record<string, unknown> = { id };
      for (const name of names) {
        const field = spec.fields.get(name);
        if (field) record[name] = this.readValue(spec, field, row);
      }
      result.push(record);
    }
    return result;
  }

  private readValue(spec: ModelSpec, field: FieldSpec, row: Row): unknown {
    if (spec.name === "res.users" && field.name === "password") return "";
    const value = this.value(spec.name, row, field.name);
    switch (field.type) {
      case "many2one":
        if (typeof value === "number" && field.relation !== undefined && this.store.has(field.relation, value))
          return [value, this.displayName(field.relation, value)];
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

  private withActiveTest(spec: ModelSpec, domain: readonly unknown[], context: Readonly<Record<string, unknown>>): readonly unknown[] {
    if (!spec.fields.has("active") || context["active_test"] === false) return domain;
    const mentionsActive = domain.some((leaf) => Array.isArray(leaf) && typeof leaf[0] === "string" && (leaf[0] === "active" || leaf[0].endsWith(".active")));
    return mentionsActive ? domain : [["active", "=", true], ...domain];
  }

  search(env: Env, model: string, domain: readonly unknown[], options: SearchOptions = {}): number[] {
    const spec = this.spec(model);
    const predicate = compileDomain(this, model, this.withActiveTest(spec, domain, env.context));
    const ids: number[] = [];
    for (const row of this.rows(model)) if (predicate(row)) ids.push(row.id);
    const ordered = this.sortIds(model, ids, options.order || spec.order);
    const offset = options.offset ?? 0;
    const limit = typeof options.limit === "number" ? options.limit : undefined;
    return ordered.slice(offset, limit === undefined ? undefined : offset + limit);
  }

  searchCount(env: Env, model: string, domain: readonly unknown[], limit?: number): number {
    const spec = this.spec(model);
    const predicate = compileDomain(this, model, this.withActiveTest(spec, domain, env.context));
    let count = 0;
    for (const row of this.rows(model)) if (predicate(row)) count += 1;
    return limit === undefined ? count : Math.min(count, limit);
  }

  /** DomainHost: matching ids, archived records included (subqueries of dotted paths). */
  searchIds(model: string, domain: readonly unknown[]): Set<number> {
    const predicate = compileDomain(this, model, domain);
    const ids = new Set<number>();
    for (const row of this.rows(model)) if (predicate(row)) ids.add(row.id);
    return ids;
  }

  nameSearchFields(model: string): string[] {
    const spec = this.spec(model);
    const listed = (NAME_SEARCH_FIELDS[model] ?? []).filter((name) => spec.fields.has(name));
    if (listed.length > 0) return listed;
    if (spec.fields.has("name")) return ["name"];
    if (spec.fields.has("x_name")) return ["x_name"];
    return ["display_name"];
  }

  /** DomainHost: active records of `model` whose name fields match (name_search's matching). */
  nameMatchIds(model: string, operator: string, name: string): Set<number> {
    const spec = this.spec(model);
    const fields = this.nameSearchFields(model);
    const caseInsensitive = operator.includes("ilike");
    const pattern = operator === "=" || operator === "in" ? undefined : likePattern(operator.startsWith("=") ? name : `%${name}%`, caseInsensitive);
    const ids = new Set<number>();
    for (const row of this.rows(model)) {
      if (spec.fields.has("active") && row["active"] === false) continue;
      for (const field of fields) {
        const value = this.value(model, row, field);
        if (typeof value !== "string") continue;
        if (pattern === undefined ? value === name : pattern.test(value)) {
          ids.add(row.id);
          break;
        }
      }
    }
    return ids;
  }

  nameSearch(env: Env, model: string, name: string, domain: readonly unknown[], operator: string, limit: number | undefined): Array<[number, string]> {
    const spec = this.spec(model);
    const predicate = compileDomain(this, model, this.withActiveTest(spec, domain, env.context));
    const fields = this.nameSearchFields(model);
    const matchAll = name === "" && (operator === "ilike" || operator === "like");
    const caseInsensitive = operator.includes("ilike");
    const negative = operator.startsWith("not ") || operator === "!=";
    const positive = operator.replace(/^not /, "").replace("!=", "=");
    const pattern = positive === "=" ? undefined : likePattern(positive.startsWith("=") ? name : `%${name}%`, caseInsensitive);
    const ids: number[] = [];
    for (const row of this.rows(model)) {
      if (!predicate(row)) continue;
      if (!matchAll) {
        const hit = fields.some((field) => {
          const value = this.value(model, row, field);
          return typeof value === "string" && (pattern === undefined ? value === name : pattern.test(value));
        });
        if (hit === negative) continue;
      }
      ids.push(row.id);
    }
    const ordered = this.sortIds(model, ids, spec.order);
    return ordered.slice(0, limit ?? ordered.length).map((id) => [id, this.displayName(model, id)]);
  }

  sortIds(model: string, ids: readonly number[], order: string): number[] {
    const spec = this.spec(model);
    const terms = parseOrder(order).filter((term) => term.field === "id" || spec.fields.has(term.field));
    for (const term of parseOrder(order)) {
      if (term.field !== "id" && !spec.fields.has(term.field))
        throw valueError(
          `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
        );
    }
    if (!terms.some((term) => term.field === "id")) terms.push({ field: "id", descending: false });
    const keys = new Map<number, unknown[]>();
    for (const id of ids) {
      const row = this.store.get(model, id);
      if (!row) continue;
      keys.set(
        id,
        terms.map((term) => {
          const field = spec.fields.get(term.field);
          const value = this.value(model, row, term.field);
          if (field?.type === "many2one" && typeof value === "number" && field.relation !== undefined) return this.displayName(field.relation, value);
          return value;
        }),
      );
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

  fieldsGet(model: string, allfields: readonly unknown[] | undefined, attributes: readonly unknown[] | undefined): Record<string, Record<string, unknown>> {
    const spec = this.spec(model);
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
      const filtered: Record<string, unknown> = {};
      for (const attribute of attributes.map(String)) {
        if (attribute === "name") filtered["name"] = name;
        else if (described[attribute] !== undefined) filtered[attribute] = described[attribute];
      }
      result[name] = filtered;
    }
    return result;
  }

  // ---------------------------------------------------------------- external ids

  xmlidRow(module: string, name: string, exceptId?: number): Row | undefined {
    return this.store.lookup("ir.model.data", "xmlid", `${module}.${name}`).find((row) => row.id !== exceptId);
  }

  /** The record behind `module.name` (a name without module is `__import__.name`). */
  resolveXmlid(xmlid: string, model?: string): number | undefined {
    const dot = xmlid.indexOf(".");
    const module = dot < 0 ? "__import__" : xmlid.slice(0, dot);
    const name = dot < 0 ? xmlid : xmlid.slice(dot + 1);
    const row = this.xmlidRow(module, name);
    if (!row || (model !== undefined && row["model"] !== model)) return undefined;
    const resId = row["res_id"];
    if (typeof resId !== "number" || !this.store.has(String(row["model"]), resId)) return undefined;
    return resId;
  }

  setXmlid(module: string, name: string, model: string, resId: number, noupdate = false): void {
    const existing = this.xmlidRow(module, name);
    const now = this.now();
    if (existing) {
      this.store.update("ir.model.data", existing.id, "res_id", resId);
      this.store.update("ir.model.data", existing.id, "model", model);
      this.store.update("ir.model.data", existing.id, "write_date", now);
      return;
    }
    this.store.insert("ir.model.data", {
      id: this.store.nextId("ir.model.data"),
      module,
      name,
      model,
      res_id: resId,
      noupdate,
      create_date: now,
      write_date: now,
    });
  }
}

const ADDRESS_FIELDS = ["street", "street2", "city", "zip", "state_id", "country_id"];

function typeDefault(field: FieldSpec): unknown {
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
function contextDefaults(env: Env, spec: ModelSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env.context)) {
    if (key.startsWith("default_") && spec.fields.has(key.slice("default_".length))) result[key.slice("default_".length)] = value;
  }
  return result;
}

function parseOrder(order: string): Array<{ field: string; descending: boolean }> {
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
function compareSortValues(a: unknown, b: unknown, descending: boolean): number {
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

function targetIndexKey(model: string, id: number): number {
  // One numeric key per (model, id): a stable small hash of the model name shifted above ids.
  let hash = 0;
  for (const char of model) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return hash * 4_294_967_296 + id;
}

function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

function round2(value: number): number {
  return roundTo(value, 2);
}

function lineAmount(row: Record<string, unknown>): number {
  const quantity = typeof row["product_uom_qty"] === "number" ? row["product_uom_qty"] : 1;
  const price = num(row["price_unit"]);
  const discount = num(row["discount"]);
  return quantity * price * (1 - discount / 100);
}

function pyStr(value: unknown): string {
  if (value === true) return "True";
  if (value === false) return "False";
  return String(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseDate(text: string): string {
  const value = text.length > 10 ? text.slice(0, 10) : text;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d'`);
  if (!validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) throw valueError("day is out of range for month");
  return value;
}

function parseDatetime(text: string): string {
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

export type { OdooException };

/** The value of a Python string literal's body: the escapes literal_eval undoes. */
function pythonString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    if (escape.startsWith("u") || escape.startsWith("x")) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[escape] ?? escape;
  });
}

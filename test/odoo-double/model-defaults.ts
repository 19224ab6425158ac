/**
 * What Odoo fills in on create before the row is stored: a user's partner, a lead's stage and
 * team, an order's name and addresses, an invoice's journal and date, a line's name and price
 * from its product, a product's template, the model of a custom field or an activity; and the
 * recorded default_get values, made current (today, the calling user).
 */

import type { FieldSpec, ModelSpec } from "./catalog.js";
import { companyCurrency } from "./computed.js";
import type { Env, Orm } from "./orm.js";
import { num, X2MANY } from "./values.js";

type CreateDefaults = (orm: Orm, env: Env, spec: ModelSpec, values: Record<string, unknown>, vals: Record<string, unknown>) => void;

/** What a model's create() fills in before the row is stored (in `values`; `vals` is what the caller gave). */
export function applyCreateDefaults(orm: Orm, env: Env, spec: ModelSpec, values: Record<string, unknown>, vals: Record<string, unknown>): void {
  CREATE_DEFAULTS[spec.name]?.(orm, env, spec, values, vals);
}

const CREATE_DEFAULTS: Readonly<Record<string, CreateDefaults>> = {
  "res.users": (orm, env, spec, values, vals) => {
    if (values["partner_id"] === undefined || values["partner_id"] === false) {
      const partnerValues: Record<string, unknown> = {
        name: values["name"] ?? values["login"],
        email: values["email"] ?? false,
        company_id: values["company_id"] ?? 1,
      };
      values["partner_id"] = orm.createOne({ ...env, context: { ...env.context, tracking_disable: true } }, orm.spec("res.partner"), partnerValues);
    }
    if (values["name"] === undefined) values["name"] = orm.store.get("res.partner", Number(values["partner_id"]))?.["name"] ?? values["login"];
    if (values["share"] === undefined) values["share"] = false;
  },
  "crm.lead": (orm, env, spec, values, vals) => {
    if (values["type"] === undefined) values["type"] = "opportunity";
    if (values["stage_id"] === undefined && values["type"] === "opportunity") {
      const first = [...orm.rows("crm.stage")].sort((a, b) => num(a["sequence"]) - num(b["sequence"]) || a.id - b.id)[0];
      if (first) values["stage_id"] = first.id;
    }
    if (values["team_id"] === undefined && orm.store.has("crm.team", 1) && values["user_id"]) values["team_id"] = 1;
    if (values["company_id"] === undefined && orm.store.has("res.company", 1)) values["company_id"] = 1;
    if (values["probability"] === undefined) values["probability"] = 0;
    if (values["user_id"] && values["date_open"] === undefined) values["date_open"] = orm.now();
    if (values["date_last_stage_update"] === undefined) values["date_last_stage_update"] = orm.now();
    if (typeof values["partner_id"] === "number") {
      const partner = orm.store.get("res.partner", values["partner_id"]);
      // crm_lead.py's _compute_name (17.0 to 19.0, read in Odoo's source; no recording shows it).
      if (partner && (values["name"] === undefined || values["name"] === false) && partner["name"]) values["name"] = `${String(partner["name"])}'s opportunity`;
      if (partner && values["email_from"] === undefined && partner["email"]) values["email_from"] = partner["email"];
      if (partner && values["phone"] === undefined && partner["phone"]) values["phone"] = partner["phone"];
    }
  },
  "sale.order": (orm, env, spec, values, vals) => {
    if (values["name"] === undefined || values["name"] === "New" || values["name"] === false)
      values["name"] = `S${String(orm.countWhere("sale.order", () => true) + 1).padStart(5, "0")}`;
    if (typeof values["partner_id"] === "number") {
      if (!values["partner_invoice_id"]) values["partner_invoice_id"] = values["partner_id"];
      if (!values["partner_shipping_id"]) values["partner_shipping_id"] = values["partner_id"];
    }
    if (values["user_id"] === undefined) values["user_id"] = env.uid;
    if (values["currency_id"] === undefined && spec.fields.has("currency_id")) values["currency_id"] = companyCurrency(orm, values["company_id"] ?? 1);
  },
  "sale.order.line": (orm, env, spec, values, vals) => {
    const product = typeof values["product_id"] === "number" ? orm.store.get("product.product", values["product_id"]) : undefined;
    const template = typeof product?.["product_tmpl_id"] === "number" ? orm.store.get("product.template", product["product_tmpl_id"]) : undefined;
    if (values["name"] === undefined) values["name"] = product ? orm.displayName("product.product", product) : false;
    if (values["price_unit"] === undefined) values["price_unit"] = template?.["list_price"] ?? product?.["lst_price"] ?? 0;
    if (values["customer_lead"] === undefined) values["customer_lead"] = 0;
  },
  "account.move": (orm, env, spec, values, vals) => {
    const moveType = String(values["move_type"] ?? "entry");
    if (values["journal_id"] === undefined) {
      const wanted = moveType.startsWith("out_") ? "sale" : moveType.startsWith("in_") ? "purchase" : "general";
      const journal = [...orm.rows("account.journal")].find((candidate) => candidate["type"] === wanted) ?? [...orm.rows("account.journal")][0];
      if (journal) values["journal_id"] = journal.id;
    }
    if (values["date"] === undefined) values["date"] = values["invoice_date"] ?? orm.today();
    if (values["currency_id"] === undefined) values["currency_id"] = companyCurrency(orm, values["company_id"] ?? 1);
    if (values["company_id"] === undefined && spec.fields.has("company_id")) values["company_id"] = 1;
    if (values["name"] === undefined) values["name"] = "/";
    if (values["auto_post"] === undefined) values["auto_post"] = "no";
  },
  "account.move.line": (orm, env, spec, values, vals) => {
    const move = typeof values["move_id"] === "number" ? orm.store.get("account.move", values["move_id"]) : undefined;
    if (values["currency_id"] === undefined) values["currency_id"] = move?.["currency_id"] ?? companyCurrency(orm, 1);
    if (values["display_type"] === undefined) values["display_type"] = "product";
  },
  "product.product": (orm, env, spec, values, vals) => {
    if (values["product_tmpl_id"] === undefined) {
      const templateFields = orm.spec("product.template").fields;
      const templateValues = Object.fromEntries(
        Object.entries(vals).filter(([name]) => templateFields.has(name) && !X2MANY.has(templateFields.get(name)?.type ?? "")),
      );
      values["product_tmpl_id"] = orm.createOne(env, orm.spec("product.template"), templateValues);
    }
  },
  "product.template": (orm, env, spec, values, vals) => {
    if (values["uom_id"] === undefined && spec.fields.has("uom_id") && orm.store.has("uom.uom", 1)) values["uom_id"] = 1;
    if (values["uom_po_id"] === undefined && spec.fields.has("uom_po_id")) values["uom_po_id"] = values["uom_id"];
  },
  "ir.model.fields": (orm, env, spec, values, vals) => {
    if (typeof values["model_id"] === "number") {
      const irModel = orm.store.get("ir.model", values["model_id"]);
      if (irModel) values["model"] = irModel["model"];
    }
    if (values["state"] === undefined) values["state"] = "manual";
  },
  "mail.activity": (orm, env, spec, values, vals) => {
    if (typeof values["res_model_id"] === "number") {
      const irModel = orm.store.get("ir.model", values["res_model_id"]);
      if (irModel) values["res_model"] = irModel["model"];
    }
    if (values["user_id"] === undefined) values["user_id"] = env.uid;
    if (values["date_deadline"] === undefined) values["date_deadline"] = orm.today();
  },
  "mail.message": (orm, env, spec, values, vals) => {
    if (values["author_id"] === undefined) values["author_id"] = orm.userPartnerId(env.uid) ?? false;
  },
  "ir.attachment": (orm, env, spec, values, vals) => {
    if (typeof values["datas"] === "string") {
      values["file_size"] = Buffer.from(values["datas"], "base64").length;
      if (values["mimetype"] === undefined) values["mimetype"] = "application/octet-stream";
    }
  },
};

/** Defaults for a new record as the recorded default_get gave them, made current. */
export function defaultValues(orm: Orm, env: Env, spec: ModelSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(spec.defaults)) {
    const field = spec.fields.get(name);
    if (!field) continue;
    const value = liveDefault(orm, env, spec, field, raw);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

function liveDefault(orm: Orm, env: Env, spec: ModelSpec, field: FieldSpec, raw: unknown): unknown {
  if (field.type === "datetime" && typeof raw === "string") return orm.now();
  if (field.type === "date" && typeof raw === "string") return orm.today();
  if (field.type === "many2one" && typeof raw === "number") {
    if (field.relation === "res.users" && raw === 2) return env.uid;
    if (field.relation === "res.partner" && raw === 3) return orm.userPartnerId(env.uid) ?? false;
    if (field.relation === undefined || !orm.store.has(field.relation, raw)) return undefined;
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
        (Array.isArray(command[2]) ? (command[2] as unknown[]) : []).filter((id): id is number => typeof id === "number" && orm.store.has(relation, id)),
      ])
      .map((command) => {
        if (relation === "res.partner") return [6, 0, (command[2] as number[]).map((id) => (id === 3 ? (orm.userPartnerId(env.uid) ?? id) : id))];
        return command;
      });
  }
  if (spec.name === "mail.message" && field.name === "email_from") return formattedUserEmail(orm, env.uid);
  if (!field.store && !X2MANY.has(field.type) && field.attributes["company_dependent"] !== true) return undefined;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) return undefined;
  return raw;
}

/** default_get(fields) as Odoo answers it (None stays None: XML-RPC then cannot marshal it). */
export function defaultGet(orm: Orm, env: Env, model: string, fields: readonly unknown[]): Record<string, unknown> {
  const spec = orm.spec(model);
  const result: Record<string, unknown> = {};
  for (const name of fields) {
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(spec.defaults, name)) continue;
    const raw = spec.defaults[name];
    const field = spec.fields.get(name);
    if (raw === null || field === undefined) {
      result[name] = null;
      continue;
    }
    const value = liveDefault(orm, env, spec, field, raw);
    result[name] = value === undefined ? raw : value;
  }
  return result;
}

function formattedUserEmail(orm: Orm, uid: number): string | false {
  const partnerId = orm.userPartnerId(uid);
  const partner = partnerId === undefined ? undefined : orm.store.get("res.partner", partnerId);
  const email = partner?.["email"];
  if (typeof email !== "string" || email === "") return false;
  return `"${String(partner?.["name"] ?? "")}" <${email}>`;
}

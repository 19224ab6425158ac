/**
 * Values Odoo computes that the runtime may read: display names (per version where they differ),
 * a partner's commercial entity, order and invoice totals from their lines (no taxes), an invoice
 * line's fields related to its invoice, counters of chatter and attachments, values a user's
 * partner gives its user.
 */

import type { FieldSpec } from "./catalog.js";
import type { Orm } from "./orm.js";
import type { Row } from "./store.js";
import { lineAmount, num, round2 } from "./values.js";

type ModelValue = (orm: Orm, row: Row, fieldName: string) => unknown;

/** A computed value of `fieldName`, or undefined when the field is stored (or not modelled). */
export function computedValue(orm: Orm, model: string, row: Row, fieldName: string, field: FieldSpec | undefined): unknown {
  const common = commonValue(orm, model, row, fieldName, field);
  if (common !== undefined) return common;
  return BY_MODEL[model]?.(orm, row, fieldName);
}

function commonValue(orm: Orm, model: string, row: Row, fieldName: string, field: FieldSpec | undefined): unknown {
  switch (fieldName) {
    case "display_name":
      return displayName(orm, model, row);
    case "complete_name":
      if (model === "res.partner") return displayName(orm, model, row);
      if (model === "ir.model.data") return `${String(row["module"])}.${String(row["name"])}`;
      return undefined;
    case "__last_update":
      return row["write_date"] ?? row["create_date"] ?? false;
    case "has_message":
      return field ? orm.relations.polymorphicChildren("mail.message", model, row.id).length > 0 : undefined;
    case "message_attachment_count":
      return field ? orm.relations.polymorphicChildren("ir.attachment", model, row.id).length : undefined;
    case "message_partner_ids":
      return field
        ? orm.relations
            .polymorphicChildren("mail.followers", model, row.id)
            .map((follower) => orm.store.get("mail.followers", follower)?.["partner_id"])
            .filter((id): id is number => typeof id === "number")
        : undefined;
    case "message_is_follower":
      return field ? orm.relations.polymorphicChildren("mail.followers", model, row.id).length > 0 : undefined;
    case "email_normalized":
      return typeof row["email"] === "string" ? row["email"].trim().toLowerCase() : false;
    default:
      return undefined;
  }
}

const MOVE_AMOUNTS = new Set(["amount_untaxed", "amount_total", "amount_residual", "amount_untaxed_signed", "amount_total_signed"]);

const BY_MODEL: Readonly<Record<string, ModelValue>> = {
  "res.partner": partnerValue,
  "crm.lead": (orm, row, fieldName) => {
    if (fieldName === "prorated_revenue") return round2((num(row["expected_revenue"]) * num(row["probability"])) / 100);
    if (fieldName === "company_currency") return companyCurrency(orm, row["company_id"]);
    return undefined;
  },
  "sale.order": (orm, row, fieldName) => {
    if (fieldName === "amount_untaxed" || fieldName === "amount_total") return round2(linesTotal(orm, "sale.order.line", "order_id", row.id));
    if (fieldName === "amount_tax") return 0;
    if (fieldName === "currency_id" && row["currency_id"] === undefined) return companyCurrency(orm, row["company_id"]);
    return undefined;
  },
  "sale.order.line": (_orm, row, fieldName) =>
    fieldName === "price_subtotal" || fieldName === "price_total" ? round2(lineAmount(row)) : undefined,
  "account.move": (orm, row, fieldName) => {
    if (MOVE_AMOUNTS.has(fieldName)) return round2(linesTotal(orm, "account.move.line", "move_id", row.id));
    if (fieldName === "amount_tax") return 0;
    if (fieldName === "invoice_line_ids")
      return idsWhere(orm, "account.move.line", (line) => line["move_id"] === row.id && (line["display_type"] ?? "product") === "product");
    return undefined;
  },
  "account.move.line": (orm, row, fieldName) => {
    if (fieldName === "price_subtotal" || fieldName === "price_total") return round2(lineAmount({ ...row, product_uom_qty: row["quantity"] ?? 1 }));
    // Stored related fields of the invoice (the lines' order reads them: "date desc, move_name desc, id").
    const related: Readonly<Record<string, string>> = { date: "date", move_name: "name", parent_state: "state" };
    const source = related[fieldName];
    const move = typeof row["move_id"] === "number" ? orm.store.get("account.move", row["move_id"]) : undefined;
    if (source !== undefined) return move?.[source] ?? false;
    return undefined;
  },
  "res.users": (orm, row, fieldName) => {
    if (fieldName !== "email" && fieldName !== "lang" && fieldName !== "tz") return undefined;
    const partner = typeof row["partner_id"] === "number" ? orm.store.get("res.partner", row["partner_id"]) : undefined;
    return partner?.[fieldName] ?? row[fieldName] ?? false;
  },
};

function partnerValue(orm: Orm, row: Row, fieldName: string): unknown {
  switch (fieldName) {
    case "commercial_partner_id":
      return commercialPartner(orm, row).id;
    case "self":
      return row.id;
    case "company_type":
      return row["is_company"] ? "company" : "person";
    case "country_code":
      return typeof row["country_id"] === "number" ? (orm.store.get("res.country", row["country_id"])?.["code"] ?? false) : false;
    case "currency_id":
      return companyCurrency(orm, row["company_id"] ?? 1);
    case "email_formatted":
      return typeof row["email"] === "string" && row["email"] !== "" ? `"${String(row["name"] ?? "")}" <${row["email"]}>` : false;
    case "partner_share":
      return !idsWhere(orm, "res.users", (user) => user["partner_id"] === row.id && user["share"] === false && user["active"] !== false).length;
    case "tz_offset":
      return "+0000";
    case "im_status":
      return "im_partner";
    case "website_message_ids":
      return orm.relations
        .polymorphicChildren("mail.message", "res.partner", row.id)
        .filter((id) => ["comment", "email", "email_outgoing"].includes(String(orm.store.get("mail.message", id)?.["message_type"])));
    case "commercial_company_name": {
      const commercial = commercialPartner(orm, row);
      return commercial["is_company"] ? (commercial["name"] ?? false) : false;
    }
    case "user_ids":
      return idsWhere(orm, "res.users", (user) => user["partner_id"] === row.id);
    default:
      return undefined;
  }
}

function linesTotal(orm: Orm, lineModel: string, parentField: string, parentId: number): number {
  let total = 0;
  for (const line of orm.rows(lineModel)) {
    if (line[parentField] !== parentId) continue;
    if (line["display_type"] !== undefined && line["display_type"] !== false && line["display_type"] !== "product") continue;
    // Odoo sums the lines' subtotals, each rounded to the currency (sale.order's amount_untaxed is
    // sum(order_line.price_subtotal)), not the unrounded products.
    total += round2(lineModel === "account.move.line" ? lineAmount({ ...line, product_uom_qty: line["quantity"] ?? 1 }) : lineAmount(line));
  }
  return total;
}

export function companyCurrency(orm: Orm, companyId: unknown): number | false {
  const company = typeof companyId === "number" ? orm.store.get("res.company", companyId) : undefined;
  const currency = company?.["currency_id"];
  return typeof currency === "number" ? currency : false;
}

/** A partner's commercial entity: itself when a company or without parent, else its parent's. */
export function commercialPartner(orm: Orm, row: Row): Row {
  let current = row;
  const seen = new Set<number>();
  while (!current["is_company"] && typeof current["parent_id"] === "number" && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = orm.store.get("res.partner", current["parent_id"]);
    if (!parent) break;
    current = parent;
  }
  return current;
}

export function displayName(orm: Orm, model: string, rowOrId: Row | number): string {
  const row = typeof rowOrId === "number" ? orm.store.get(model, rowOrId) : rowOrId;
  if (!row) return "";
  switch (model) {
    case "res.partner":
      return partnerDisplayName(orm, row);
    case "product.product":
    case "product.template": {
      const name = String(row["name"] ?? "");
      return row["default_code"] ? `[${String(row["default_code"])}] ${name}` : name;
    }
    case "ir.model.data":
      return `${String(row["module"])}.${String(row["name"])}`;
    case "mail.message":
      return messageDisplayName(orm, row);
    case "account.move":
      return moveDisplayName(orm, row);
    default: {
      const spec = orm.catalog.models.get(model);
      for (const candidate of ["name", "x_name", "display_name"]) {
        const value = row[candidate];
        if (spec?.fields.has(candidate) && typeof value === "string") return value;
      }
      return `${spec?.description ?? model},${row.id}`;
    }
  }
}

function partnerDisplayName(orm: Orm, row: Row): string {
  let name = typeof row["name"] === "string" ? row["name"] : "";
  const parentId = row["parent_id"];
  if (typeof parentId !== "number" && !row["company_name"]) return name;
  if (name === "" && ["invoice", "delivery", "other"].includes(String(row["type"]))) {
    const typeField = orm.spec("res.partner").fields.get("type");
    name = typeField?.selection?.find(([key]) => key === row["type"])?.[1] ?? "";
  }
  if (!row["is_company"]) {
    const commercial = commercialPartner(orm, row);
    const companyName =
      commercial["is_company"] && commercial.id !== row.id
        ? commercial["name"]
        : typeof parentId === "number"
          ? orm.store.get("res.partner", parentId)?.["name"]
          : row["company_name"];
    if (typeof companyName === "string" && companyName !== "") name = `${companyName}, ${name}`;
  }
  return name;
}

/**
 * A message's display name: the name of the document it is on (17.0 and 18.0: its `_rec_name` is
 * record_name), its subject first from 19.0.
 */
function messageDisplayName(orm: Orm, row: Row): string {
  const model = row["model"];
  const resId = row["res_id"];
  const recordName =
    typeof model === "string" && typeof resId === "number" && orm.store.has(model, resId) ? displayName(orm, model, resId) : row["record_name"];
  const subject = row["subject"];
  const ordered = orm.version === "19.0" ? [subject, recordName] : [recordName, subject];
  return String(ordered.find((candidate) => typeof candidate === "string" && candidate !== "") ?? `mail.message,${row.id}`);
}

const DRAFT_LABELS: Readonly<Record<string, string>> = {
  out_invoice: "Draft Invoice",
  out_refund: "Draft Credit Note",
  in_invoice: "Draft Bill",
  in_refund: "Draft Vendor Credit Note",
  out_receipt: "Draft Sales Receipt",
  in_receipt: "Draft Purchase Receipt",
  entry: "Draft Entry",
};

/** account.move's `_get_move_display_name`: a draft without a number is "Draft Invoice", with "(* id)" in 17.0. */
function moveDisplayName(orm: Orm, row: Row): string {
  const name = typeof row["name"] === "string" && row["name"] !== "/" ? row["name"] : "";
  if (row["state"] !== undefined && row["state"] !== "draft") return name || "/";
  const label = DRAFT_LABELS[String(row["move_type"] ?? "entry")] ?? "Draft Entry";
  if (name !== "") return `${label} ${name}`;
  return orm.version === "17.0" ? `${label} (* ${row.id})` : label;
}

function idsWhere(orm: Orm, model: string, predicate: (row: Row) => boolean): number[] {
  const ids: number[] = [];
  for (const row of orm.rows(model)) if (predicate(row)) ids.push(row.id);
  return ids;
}

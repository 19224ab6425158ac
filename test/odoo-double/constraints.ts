/**
 * What the database and the models refuse: NOT NULL columns, foreign keys, SQL constraints with
 * the recorded messages, recursive partner hierarchies; and what a deletion does to the rows
 * pointing at the deleted ones (CASCADE, RESTRICT, otherwise SET NULL).
 */

import type { ModelSpec, OdooVersion } from "./catalog.js";
import { databaseViolation, validationError, type OdooException } from "./exceptions.js";
import { foreignKeyMessage, notNullLoadMessage, notNullMessage, sqlConstraintLoadMessage, sqlConstraintMessage } from "./messages.js";
import type { Orm } from "./orm.js";
import type { Row } from "./store.js";
import { X2MANY } from "./values.js";

/** Deleting the target deletes these rows (ON DELETE CASCADE). */
export const CASCADE: ReadonlySet<string> = new Set([
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
export const RESTRICT: ReadonlySet<string> = new Set([
  "sale.order.partner_id",
  "sale.order.partner_invoice_id",
  "sale.order.partner_shipping_id",
  "account.move.line.account_id",
  "sale.order.line.product_id",
  "res.users.partner_id",
  "res.company.partner_id",
]);

/**
 * mail.followers' unique (res_model, res_id, partner_id), as Odoo reports it over RPC: the
 * constraint's own message. Not recorded: modelled from Odoo's source (mail_followers.py).
 */
export function duplicateFollowerError(version: OdooVersion): OdooException {
  const message = "Error, a partner cannot follow twice the same object.";
  return databaseViolation(sqlConstraintMessage(message), { kind: "unique", loadMessage: sqlConstraintLoadMessage(version, message) });
}

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

/**
 * Models that were not recorded (res.groups, account.account, ...) cannot say which ids exist;
 * a reference to one gets a placeholder record instead of a foreign-key error.
 */
export function ensureStubRecord(orm: Orm, model: string, id: number): void {
  const spec = orm.catalog.models.get(model);
  if (!spec?.stub || orm.store.has(model, id) || id <= 0) return;
  orm.store.insert(model, { id, name: `${model},${id}` });
}

/** Column constraints at INSERT/UPDATE time: NOT NULL, foreign keys, SQL checks. */
export function checkRow(orm: Orm, spec: ModelSpec, row: Row, written: ReadonlySet<string> | undefined): void {
  for (const field of spec.fields.values()) {
    if (written !== undefined && !written.has(field.name)) continue;
    if (field.type === "many2one") {
      const value = row[field.name];
      if (typeof value === "number" && field.relation !== undefined) ensureStubRecord(orm, field.relation, value);
      if (typeof value === "number" && field.relation !== undefined && !orm.store.has(field.relation, value)) {
        throw databaseViolation(foreignKeyMessage(orm.version, spec, field), {
          kind: "foreign-key",
          loadMessage: foreignKeyMessage(orm.version, spec, field),
          field: field.name,
        });
      }
    }
    if (!field.required || !field.store || X2MANY.has(field.type)) continue;
    if (field.relation !== undefined && orm.catalog.models.get(field.relation)?.stub) continue;
    const value = row[field.name];
    const missing = value === undefined || value === null || (value === false && field.type !== "boolean");
    if (missing) {
      throw databaseViolation(notNullMessage(orm.version, spec, field), { kind: "not-null", loadMessage: notNullLoadMessage(field), field: field.name });
    }
  }
  for (const check of SQL_CHECKS[spec.name] ?? []) {
    if (check.violated(row, orm)) {
      throw databaseViolation(sqlConstraintMessage(check.message), {
        kind: check.kind,
        loadMessage: sqlConstraintLoadMessage(orm.version, check.message),
        ...(check.field === undefined ? {} : { field: check.field }),
      });
    }
  }
}

export function checkPythonConstraints(orm: Orm, spec: ModelSpec, ids: readonly number[]): void {
  if (spec.name === "res.partner") {
    for (const id of ids) {
      const seen = new Set<number>([id]);
      let current = orm.store.get("res.partner", id)?.["parent_id"];
      while (typeof current === "number") {
        if (seen.has(current)) throw validationError("You cannot create recursive Partner hierarchies.");
        seen.add(current);
        current = orm.store.get("res.partner", current)?.["parent_id"];
      }
    }
  }
}

/**
 * res.partner's synchronisation of contacts with their company, as Odoo's `_fields_sync` does it
 * after every create and write (base/models/res_partner.py, 17.0 to 19.0):
 * - from the parent: when parent_id is written, a contact that is not a company takes its
 *   commercial entity's commercial fields (vat, industry, accounts, ...); when parent_id is written
 *   (or type is written "contact"), a contact of type "contact" takes the parent's whole address if
 *   the parent has any, replacing what the same call wrote;
 * - to the children: a commercial entity's commercial fields go down to its non-company children,
 *   and an address written on a partner goes to its children of type "contact";
 * - on create: a child without a language takes its parent's, and the first contact of a company
 *   without an address gives it its own.
 * 17.0 syncs commercial fields to the children only when one of them was written; 18.0 and 19.0
 * write the written ones on every child, even none (which stamps the children's write_date).
 */

import { PARTNER_ADDRESS_FIELDS, PARTNER_COMMERCIAL_FIELDS } from "../../compiler/catalog/synced-fields.js";
import { commercialPartner } from "./computed.js";
import type { Env, Orm } from "./orm.js";
import type { Row } from "./store.js";

const MODEL = "res.partner";

export class PartnerSync {
  readonly #orm: Orm;
  readonly #addressFields: readonly string[];
  readonly #commercialFields: readonly string[];

  constructor(orm: Orm) {
    this.#orm = orm;
    orm.store.defineIndex(MODEL, "parent", (row) => (typeof row["parent_id"] === "number" ? String(row["parent_id"]) : undefined));
    const fields = orm.catalog.models.get(MODEL)?.fields;
    this.#addressFields = PARTNER_ADDRESS_FIELDS.filter((name) => fields?.has(name) === true);
    this.#commercialFields = PARTNER_COMMERCIAL_FIELDS.filter((name) => fields?.has(name) === true);
  }

  /** res.partner.create after the row is stored: `_fields_sync`, the parent's language, the first contact's address. */
  created(env: Env, id: number, vals: Readonly<Record<string, unknown>>): void {
    this.fieldsSync(env, id, vals);
    const row = this.row(id);
    const parent = this.parentOf(row);
    if (row === undefined || parent === undefined) return;
    if (!("lang" in vals)) {
      const lang = parent["lang"] || env.context["default_lang"] || env.context["lang"] || "en_US";
      this.#orm.rawWrite(env, MODEL, [id], { lang });
    }
    this.firstContactCreated(env, row, parent);
  }

  /** res.partner.write after the values are stored: `_fields_sync` of each record with everything written. */
  written(env: Env, ids: readonly number[], vals: Readonly<Record<string, unknown>>): void {
    for (const id of ids) this.fieldsSync(env, id, vals);
  }

  private fieldsSync(env: Env, id: number, values: Readonly<Record<string, unknown>>): void {
    if (values["parent_id"] || values["type"] === "contact") {
      if (values["parent_id"]) this.commercialSyncFromCompany(env, id);
      const row = this.row(id);
      const parent = this.parentOf(row);
      if (row !== undefined && parent !== undefined && (row["type"] ?? "contact") === "contact") {
        // onchange_parent_id: the parent's whole address, when it has one.
        if (this.#addressFields.some((name) => isSet(parent[name]))) this.#orm.rawWrite(env, MODEL, [id], this.pick(parent, this.#addressFields));
      }
    }
    this.childrenSync(env, id, values);
  }

  private commercialSyncFromCompany(env: Env, id: number): void {
    const row = this.row(id);
    if (row === undefined) return;
    const commercial = commercialPartner(this.#orm, row);
    if (commercial.id === id) return;
    this.#orm.write(env, MODEL, [id], this.changes(row, this.pick(commercial, this.#commercialFields)));
    this.commercialSyncToChildren(env, id, this.#commercialFields);
  }

  private commercialSyncToChildren(env: Env, id: number, fields: readonly string[]): void {
    const row = this.row(id);
    if (row === undefined) return;
    const values = this.pick(commercialPartner(this.#orm, row), fields);
    const children = this.children(id).filter((child) => !child["is_company"]);
    for (const child of children) this.commercialSyncToChildren(env, child.id, fields);
    for (const child of children) this.#orm.write(env, MODEL, [child.id], this.changes(child, values));
  }

  /**
   * The values that differ from what the record reads: Odoo writes them all, but writing a value a
   * record already has changes nothing but its write_date, which the (possibly empty) write stamps.
   */
  private changes(row: Row, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const differing: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      const current = this.#orm.value(MODEL, row, name);
      if (JSON.stringify(current ?? false) !== JSON.stringify(value ?? false) && !(isEmptyNumber(current) && isEmptyNumber(value))) differing[name] = value;
    }
    return differing;
  }

  private childrenSync(env: Env, id: number, values: Readonly<Record<string, unknown>>): void {
    const row = this.row(id);
    const children = this.children(id);
    if (row === undefined || children.length === 0) return;
    const commercial = commercialPartner(this.#orm, row);
    if (commercial.id === id) {
      const written = this.#commercialFields.filter((name) => name in values);
      if (this.#orm.version === "17.0") {
        if (written.length > 0) this.commercialSyncToChildren(env, id, this.#commercialFields);
      } else this.commercialSyncToChildren(env, id, written);
    }
    if (this.#orm.version === "17.0") {
      const strayed = children.some((child) => !child["is_company"] && commercialPartner(this.#orm, child).id !== commercial.id);
      if (strayed) this.commercialSyncToChildren(env, id, this.#commercialFields);
    }
    const address = this.#addressFields.filter((name) => name in values);
    if (address.length > 0) {
      const contacts = children.filter((child) => (child["type"] ?? "contact") === "contact").map((child) => child.id);
      if (contacts.length > 0) this.#orm.rawWrite(env, MODEL, contacts, Object.fromEntries(address.map((name) => [name, values[name]])));
    }
  }

  private firstContactCreated(env: Env, row: Row, parent: Row): void {
    const rootOrCompany = parent["is_company"] === true || typeof parent["parent_id"] !== "number";
    const own = this.#addressFields.some((name) => isSet(row[name]));
    const parentHasNone = !this.#addressFields.some((name) => isSet(parent[name]));
    if (rootOrCompany && own && parentHasNone && this.children(parent.id).length === 1) {
      this.#orm.rawWrite(env, MODEL, [parent.id], this.pick(row, this.#addressFields));
    }
  }

  private row(id: number): Row | undefined {
    return this.#orm.store.get(MODEL, id);
  }

  private parentOf(row: Row | undefined): Row | undefined {
    const parentId = row?.["parent_id"];
    return typeof parentId === "number" ? this.row(parentId) : undefined;
  }

  /** child_ids: the active children. */
  private children(id: number): Row[] {
    return this.#orm.store
      .lookup(MODEL, "parent", String(id))
      .filter((child) => child["active"] !== false)
      .sort((a, b) => a.id - b.id);
  }

  /** `_update_fields_values`: the values as write() takes them (many2one as an id or false). */
  private pick(row: Row, fields: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(fields.map((name) => [name, row[name] ?? false]));
  }
}

function isEmptyNumber(value: unknown): boolean {
  return value === 0 || value === false || value === undefined || value === null;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== "";
}

/**
 * The double's ORM: Odoo's create/write/unlink/read/search semantics over the in-memory store,
 * with the validation a migration meets (unknown fields, value conversion, selection keys,
 * required columns, many2one targets that must exist, SQL and Python constraints), what Odoo
 * derives on its own (contacts' addresses and commercial fields, totals, due dates) and the side
 * effects a migration must be able to prove absent (chatter messages, tracking, followers, e-mail
 * notifications). The parts live beside it: model-defaults, computed, partner-sync,
 * stored-computes, chatter, relations, constraints, custom-fields, queries, values.
 */

import type { Catalog, FieldSpec, ModelSpec, OdooVersion } from "./catalog.js";
import { Chatter } from "./chatter.js";
import { computedValue, displayName } from "./computed.js";
import { CostMeter } from "./cost.js";
import { checkPythonConstraints, checkRow, duplicateFollowerError } from "./constraints.js";
import { registerCustomField, unregisterCustomField } from "./custom-fields.js";
import type { DomainHost } from "./domain.js";
import { missingError, redirectWarning, userError, valueError } from "./exceptions.js";
import { invalidFieldMessage, unknownModelMessage, usersFormViewId } from "./messages.js";
import { applyCreateDefaults, defaultGet, defaultValues } from "./model-defaults.js";
import { PartnerSync } from "./partner-sync.js";
import { PyTuple, pyRepr } from "./py.js";
import { countRecords, fieldsGet, matchingIds, nameMatchIds, nameSearch, nameSearchFields, readRecords, searchRecords, sortIds } from "./queries.js";
import { applyX2many, RelationIndex, templatesLeftWithoutVariants, unlinkReferences } from "./relations.js";
import type { Row, Store } from "./store.js";
import { StoredComputes } from "./stored-computes.js";
import { contextDefaults, convertValue, typeDefault, X2MANY } from "./values.js";

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

export interface OrmOptions {
  readonly clock?: () => Date;
}

/** Models that hold another model's fields through a many2one (`_inherits`): a custom field added there appears here too. */
const DELEGATES: Readonly<Record<string, { readonly model: string; readonly field: string }>> = {
  "res.users": { model: "res.partner", field: "partner_id" },
  "product.product": { model: "product.template", field: "product_tmpl_id" },
};

export class Orm implements DomainHost {
  readonly version: OdooVersion;
  readonly catalog: Catalog;
  readonly store: Store;
  readonly auth = new Map<number, UserAuth>();
  readonly relations: RelationIndex;
  readonly chatter: Chatter;
  /** What the calls would have cost a real Odoo (cost.ts). */
  readonly cost: CostMeter;
  readonly #clock: () => Date;
  readonly #partners: PartnerSync;
  readonly #computes: StoredComputes;

  constructor(catalog: Catalog, store: Store, options: OrmOptions = {}) {
    this.version = catalog.version;
    this.catalog = catalog;
    this.store = store;
    this.#clock = options.clock ?? (() => new Date());
    this.relations = new RelationIndex(this);
    this.chatter = new Chatter(this);
    this.cost = new CostMeter(catalog.version);
    this.#partners = new PartnerSync(this);
    this.#computes = new StoredComputes(this, this.chatter);
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

  /** The model whose fields `model` holds through a many2one (`_inherits`), if any. */
  delegate(model: string): { readonly model: string; readonly field: string } | undefined {
    return DELEGATES[model];
  }

  // ---------------------------------------------------------------- values

  /** A field's value in cache form: many2one id or false, x2many id arrays, scalars. */
  value(model: string, row: Row, fieldName: string): unknown {
    if (fieldName === "id") return row.id;
    const spec = this.catalog.models.get(model);
    const field = spec?.fields.get(fieldName);
    const computed = computedValue(this, model, row, fieldName, field);
    if (computed !== undefined) return computed;
    if (field?.type === "one2many") return this.relations.inverseIds(model, row.id, field);
    const stored = row[fieldName];
    if ((stored === undefined || stored === null) && field?.manual === true) {
      const delegate = DELEGATES[model];
      const holder = delegate === undefined ? undefined : row[delegate.field];
      const held = typeof holder === "number" && delegate !== undefined ? this.store.get(delegate.model, holder) : undefined;
      if (held !== undefined) return this.value(delegate?.model ?? model, held, fieldName);
    }
    if (stored === undefined || stored === null) return field === undefined ? false : typeDefault(field);
    return stored;
  }

  displayName(model: string, rowOrId: Row | number): string {
    return displayName(this, model, rowOrId);
  }

  userPartnerId(uid: number): number | undefined {
    const partner = this.store.get("res.users", uid)?.["partner_id"];
    return typeof partner === "number" ? partner : undefined;
  }

  /** Python-side conversion of one non-relational-list value (Field.convert_to_cache). */
  convert(spec: ModelSpec, field: FieldSpec, raw: unknown): unknown {
    return convertValue(spec, field, raw);
  }

  defaultValues(env: Env, spec: ModelSpec): Record<string, unknown> {
    return defaultValues(this, env, spec);
  }

  /** default_get(fields) as Odoo answers it (None stays None: XML-RPC then cannot marshal it). */
  defaultGet(env: Env, model: string, fields: readonly unknown[]): Record<string, unknown> {
    return defaultGet(this, env, model, fields);
  }

  // ---------------------------------------------------------------- create

  create(env: Env, model: string, valsList: ReadonlyArray<Record<string, unknown>>): number[] {
    const spec = this.spec(model);
    for (const vals of valsList) this.checkKnownFields(spec, vals);
    const { result: ids, duplicateFollowers } = this.chatter.batch(() => valsList.map((vals) => this.createOne(env, spec, vals)));
    // Odoo 17 and 18 insert a follower once per activity: twice for one document and user, and the unique index refuses it.
    if (duplicateFollowers > 0 && this.version !== "19.0") throw duplicateFollowerError(this.version);
    checkPythonConstraints(this, spec, ids);
    // res.partner.create syncs each new partner once all are stored and valid.
    if (spec.name === "res.partner") ids.forEach((id, index) => this.#partners.created(env, id, valsList[index] ?? {}));
    if (spec.name === "ir.model.fields") this.cost.customFields(valsList.length);
    return ids;
  }

  /** One record: defaults, the row, its x2many commands, then what Odoo's create does after. */
  createOne(env: Env, spec: ModelSpec, vals: Record<string, unknown>): number {
    const values: Record<string, unknown> = { ...defaultValues(this, env, spec), ...contextDefaults(env, spec), ...vals };
    applyCreateDefaults(this, env, spec, values, vals);
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
      row[name] = convertValue(spec, field, raw);
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
    this.cost.created(spec.name, row);
    checkRow(this, spec, row, undefined);
    for (const [field, commands] of relational) applyX2many(this, env, spec, row, field, commands);
    this.afterCreate(env, spec, row, vals);
    return id;
  }

  private afterCreate(env: Env, spec: ModelSpec, row: Row, vals: Record<string, unknown>): void {
    if (spec.name === "res.users") {
      const password = vals["password"];
      this.auth.set(row.id, { password: typeof password === "string" ? password : undefined, apiKeys: new Set(), level: "limited" });
    }
    if (spec.name === "ir.model.fields") registerCustomField(this, row);
    this.chatter.created(env, spec, row);
    this.#computes.lineChanged(spec.name, row);
    this.#computes.created(spec.name, row);
  }

  // ---------------------------------------------------------------- write

  write(env: Env, model: string, ids: readonly number[], vals: Record<string, unknown>): true {
    const spec = this.spec(model);
    this.checkKnownFields(spec, vals);
    this.requireExisting(env, spec, ids);
    for (const id of ids) this.writeOne(env, spec, id, vals);
    checkPythonConstraints(this, spec, ids);
    if (spec.name === "res.partner") this.#partners.written(env, ids, vals);
    return true;
  }

  /**
   * A model's own values written without its write() override (Odoo's `super().write()` from
   * inside one, e.g. res.partner's address sync): stored and stamped, nothing synchronised.
   */
  rawWrite(env: Env, model: string, ids: readonly number[], vals: Record<string, unknown>): void {
    const spec = this.spec(model);
    for (const id of ids) {
      const row = this.store.get(model, id);
      if (row === undefined) continue;
      this.storeValues(env, spec, row, vals);
    }
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
    const before = this.chatter.trackedValues(spec, row);
    this.#computes.lineChanged(spec.name, row);
    const written = this.storeValues(env, spec, row, vals);
    if (spec.name === "res.users" && written.has("name") && typeof row["partner_id"] === "number")
      this.store.update("res.partner", row["partner_id"], "name", row["name"]);
    if (spec.name === "crm.lead" && written.has("stage_id")) this.store.update("crm.lead", row.id, "date_last_stage_update", this.now());
    this.#computes.lineChanged(spec.name, row);
    this.#computes.ownValuesChanged(spec.name, row);
    this.chatter.written(env, spec, row, written, before);
  }

  /** Converts and stores `vals` on a row, stamps it, checks the columns written, applies x2many commands. */
  private storeValues(env: Env, spec: ModelSpec, row: Row, vals: Record<string, unknown>): Set<string> {
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
        const auth = this.auth.get(row.id);
        if (auth && typeof raw === "string") auth.password = raw;
        continue;
      }
      this.store.update(spec.name, row.id, name, convertValue(spec, field, raw));
      written.add(name);
    }
    if (spec.fields.has("write_date")) this.store.update(spec.name, row.id, "write_date", this.now());
    if (spec.fields.has("write_uid")) this.store.update(spec.name, row.id, "write_uid", env.uid);
    checkRow(this, spec, row, written);
    for (const [field, commands] of relational) applyX2many(this, env, spec, row, field, commands);
    return written;
  }

  private checkKnownFields(spec: ModelSpec, vals: Record<string, unknown>): void {
    for (const key of Object.keys(vals)) {
      if (!spec.fields.has(key)) throw valueError(invalidFieldMessage(this.version, spec.name, key, "write"));
    }
  }

  // ---------------------------------------------------------------- unlink

  unlink(env: Env, model: string, ids: readonly number[]): true {
    const spec = this.spec(model);
    this.requireExisting(env, spec, ids);
    this.refuseUnlink(model, ids);
    this.cost.unlinked(ids.length);
    for (const id of ids) this.#computes.lineChanged(model, this.store.get(model, id));
    unlinkReferences(this, env, model, new Set(ids));
    if (model === "ir.model.fields") for (const id of ids) unregisterCustomField(this, this.store.get(model, id));
    const templates = model === "product.product" ? templatesLeftWithoutVariants(this, env, ids) : [];
    for (const id of ids) this.store.delete(model, id);
    // Odoo's product.product.unlink deletes a template with its last variant, after the variants.
    if (templates.length > 0) this.unlink(env, "product.template", templates);
    return true;
  }

  /** What the models' unlink() overrides refuse before anything is deleted. */
  private refuseUnlink(model: string, ids: readonly number[]): void {
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
    for (const id of ids) {
      const state = this.store.get(model, id)?.["state"];
      if (model === "sale.order" && state !== undefined && state !== "draft" && state !== "cancel" && state !== false)
        throw userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
      if (model === "account.move" && state === "posted") throw userError("You cannot delete an entry which has been posted once.");
    }
  }

  // ---------------------------------------------------------------- the end of a call

  /** The call's changes are flushed: stored totals written (and tracked as Odoo's flush does). */
  flush(env: Env): void {
    this.#computes.flush(env);
  }

  /** The call is over, committed or rolled back: nothing of it stays pending. */
  endCall(): void {
    this.#computes.endCall();
    this.chatter.endCall();
  }

  // ---------------------------------------------------------------- read & search

  read(_env: Env, model: string, ids: readonly number[], fields: readonly string[] | undefined): Array<Record<string, unknown>> {
    return readRecords(this, model, ids, fields);
  }

  search(env: Env, model: string, domain: readonly unknown[], options: SearchOptions = {}): number[] {
    return searchRecords(this, env, model, domain, options);
  }

  searchCount(env: Env, model: string, domain: readonly unknown[], limit?: number): number {
    return countRecords(this, env, model, domain, limit);
  }

  /** DomainHost: matching ids, archived records included (subqueries of dotted paths). */
  searchIds(model: string, domain: readonly unknown[]): Set<number> {
    return matchingIds(this, model, domain);
  }

  nameSearchFields(model: string): string[] {
    return nameSearchFields(this, model);
  }

  /** DomainHost: active records of `model` whose name fields match (name_search's matching). */
  nameMatchIds(model: string, operator: string, name: string): Set<number> {
    return nameMatchIds(this, model, operator, name);
  }

  nameSearch(env: Env, model: string, name: string, domain: readonly unknown[], operator: string, limit: number | undefined): Array<[number, string]> {
    return nameSearch(this, env, model, name, domain, operator, limit);
  }

  sortIds(model: string, ids: readonly number[], order: string): number[] {
    return sortIds(this, model, ids, order);
  }

  fieldsGet(model: string, allfields: readonly unknown[] | undefined, attributes: readonly unknown[] | undefined): Record<string, Record<string, unknown>> {
    return fieldsGet(this, model, allfields, attributes);
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

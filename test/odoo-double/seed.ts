/**
 * The double's database right after install, from the recordings: reference records with their
 * ids and external ids, the partners of the company and of the built-in users, one ir.model row
 * per model and one ir.model.fields row per recorded field, and the installed modules.
 */

import { installedModuleRecords } from "./catalog.js";
import type { Orm } from "./orm.js";
import type { Row } from "./store.js";

export interface SeedOptions {
  readonly adminPassword: string;
}

export function seedDatabase(orm: Orm, options: SeedOptions): void {
  const { catalog, store } = orm;
  const now = orm.now();

  for (const [model, records] of catalog.reference) {
    const spec = catalog.models.get(model);
    if (!spec) continue;
    for (const record of records) {
      const row: Row = { id: Number(record["id"]) };
      for (const [name, value] of Object.entries(record)) {
        if (name === "id" || name === "xmlid") continue;
        const field = spec.fields.get(name);
        if (!field && !spec.stub) continue;
        row[name] = field?.type === "many2one" && Array.isArray(value) ? value[0] : value;
      }
      if (spec.fields.has("create_date")) row["create_date"] = now;
      if (spec.fields.has("write_date")) row["write_date"] = now;
      if (model === "res.users") {
        row["company_id"] = 1;
        row["notification_type"] = "email";
      }
      store.insert(model, row);
      const xmlid = record["xmlid"];
      if (typeof xmlid === "string" && xmlid.includes(".")) {
        const dot = xmlid.indexOf(".");
        orm.setXmlid(xmlid.slice(0, dot), xmlid.slice(dot + 1), model, row.id, true);
      }
    }
  }

  // Partners are not in the reference data; the company's and the users' are named there.
  const adminEmail = administratorEmail(orm);
  const company = store.get("res.company", 1);
  const partnerSeeds = new Map<number, Row>();
  if (company && typeof company["partner_id"] === "number") {
    partnerSeeds.set(company["partner_id"], {
      id: company["partner_id"],
      name: company["name"],
      is_company: true,
      active: true,
      type: "contact",
      lang: "en_US",
      country_id: company["country_id"] ?? false,
      company_id: 1,
    });
  }
  for (const user of store.table("res.users").values()) {
    const partnerId = user["partner_id"];
    if (typeof partnerId !== "number" || partnerSeeds.has(partnerId)) continue;
    partnerSeeds.set(partnerId, {
      id: partnerId,
      name: user["name"],
      is_company: false,
      active: user["active"] !== false,
      type: "contact",
      lang: "en_US",
      // base/data/res_users_data.xml gives OdooBot's partner this address.
      email: user["login"] === "admin" ? adminEmail : user["login"] === "__system__" ? "odoobot@example.com" : false,
      company_id: 1,
    });
  }
  for (const row of [...partnerSeeds.values()].sort((a, b) => a.id - b.id)) {
    store.insert("res.partner", { ...row, create_date: now, write_date: now, create_uid: 1, write_uid: 1 });
  }
  if (typeof company?.["partner_id"] === "number") orm.setXmlid("base", "main_partner", "res.partner", company["partner_id"], true);
  for (const user of catalog.reference.get("res.users") ?? []) {
    const xmlid = user["xmlid"];
    const partnerId = Array.isArray(user["partner_id"]) ? user["partner_id"][0] : undefined;
    if (typeof xmlid !== "string" || typeof partnerId !== "number") continue;
    const [module = "base", name = ""] = xmlid.split(".");
    orm.setXmlid(module, userPartnerXmlid(name), "res.partner", partnerId, true);
  }

  for (const user of store.table("res.users").values()) {
    const isAdmin = user["login"] === "admin" || user["login"] === "__system__";
    orm.auth.set(user.id, {
      password: user["login"] === "admin" ? options.adminPassword : undefined,
      apiKeys: new Set(),
      level: isAdmin ? "admin" : "limited",
    });
  }

  let modelId = 0;
  const modelIds = new Map<string, number>();
  for (const spec of [...catalog.models.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    modelId += 1;
    modelIds.set(spec.name, modelId);
    store.insert("ir.model", {
      id: modelId,
      model: spec.name,
      name: spec.description,
      order: spec.order,
      state: "base",
      transient: false,
      modules: spec.modules,
      is_mail_thread: spec.isMailThread,
      create_date: now,
      write_date: now,
    });
    // Each module that defines or extends a model gives its ir.model row an external id.
    for (const module of spec.modules.split(",").map((name) => name.trim())) {
      if (module !== "") orm.setXmlid(module, `model_${spec.name.replace(/\./g, "_")}`, "ir.model", modelId, true);
    }
  }
  let fieldId = 0;
  for (const spec of catalog.models.values()) {
    if (spec.stub) continue;
    for (const field of spec.fields.values()) {
      fieldId += 1;
      store.insert("ir.model.fields", {
        id: fieldId,
        name: field.name,
        field_description: field.label,
        ttype: field.type,
        model: spec.name,
        model_id: modelIds.get(spec.name) ?? false,
        state: "base",
        store: field.store,
        required: field.required,
        readonly: field.readonly,
        relation: field.relation ?? false,
        relation_field: field.relationField ?? false,
        help: field.help ?? false,
        create_date: now,
        write_date: now,
      });
    }
  }

  let moduleId = 0;
  for (const module of installedModuleRecords(catalog.version)) {
    moduleId += 1;
    store.insert("ir.module.module", {
      id: moduleId,
      name: module["name"],
      shortdesc: module["shortdesc"] ?? false,
      latest_version: module["latest_version"] ?? false,
      installed_version: module["installed_version"] ?? false,
      application: module["application"] === true,
      state: "installed",
    });
    orm.setXmlid("base", `module_${String(module["name"])}`, "ir.module.module", moduleId, true);
  }
}

/**
 * The external id of a built-in user's partner: named in base's data for three users, otherwise
 * the one Odoo gives a record `_inherits` creates (`<user xmlid>_res_partner`).
 */
function userPartnerXmlid(userXmlid: string): string {
  const named: Readonly<Record<string, string>> = { user_root: "partner_root", user_admin: "partner_admin", public_user: "public_partner" };
  return named[userXmlid] ?? `${userXmlid}_res_partner`;
}

/** The recorded mail.message default `email_from` names the administrator's address. */
function administratorEmail(orm: Orm): string | false {
  const emailFrom = orm.catalog.models.get("mail.message")?.defaults["email_from"];
  if (typeof emailFrom !== "string") return false;
  const match = /<([^>]+)>/.exec(emailFrom);
  return match?.[1] ?? false;
}

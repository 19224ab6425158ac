/**
 * Relations between records: one2many lists read from their inverse field (and the polymorphic
 * `model` + `res_id` pairs of chatter, activities, attachments and external ids), x2many commands
 * as create and write apply them, and what unlinking a record does to the records that point at
 * it (SET NULL, CASCADE, RESTRICT, and the chatter and external ids of the deleted records).
 */

import type { FieldSpec, ModelSpec } from "./catalog.js";
import { CASCADE, ensureStubRecord, RESTRICT } from "./constraints.js";
import { databaseViolation, valueError } from "./exceptions.js";
import { foreignKeyMessage } from "./messages.js";
import type { Env, Orm } from "./orm.js";
import { pyRepr } from "./py.js";
import type { Row } from "./store.js";
import { isRecord, targetIndexKey } from "./values.js";

/** The model whose rows a many2one_reference (`res_id`) points into is named by this sibling field. */
export const REFERENCE_MODEL_FIELD: Readonly<Record<string, string>> = {
  "mail.message": "model",
  "mail.activity": "res_model",
  "mail.followers": "res_model",
  "ir.attachment": "res_model",
  "ir.model.data": "model",
};

interface CachedIndex {
  readonly generation: number;
  readonly index: Map<number, number[]>;
}

/** Indexes of who points at whom, rebuilt when the store changed. */
export class RelationIndex {
  readonly #orm: Orm;
  readonly #cache = new Map<string, CachedIndex>();
  #referencing: Map<string, Array<{ model: string; field: FieldSpec }>> | undefined;

  constructor(orm: Orm) {
    this.#orm = orm;
  }

  /** A one2many's ids, in the comodel's order. */
  inverseIds(model: string, id: number, field: FieldSpec): number[] {
    const orm = this.#orm;
    const comodel = field.relation;
    const inverse = field.relationField;
    if (comodel === undefined || inverse === undefined || !orm.catalog.models.has(comodel)) return [];
    const polymorphic = REFERENCE_MODEL_FIELD[comodel];
    const inverseSpec = orm.catalog.models.get(comodel)?.fields.get(inverse);
    if (inverseSpec?.type === "many2one_reference" && polymorphic !== undefined) return this.polymorphicChildren(comodel, model, id, inverse);
    const index = this.index(`${comodel}|${inverse}`, (build) => {
      for (const row of orm.rows(comodel)) {
        const parent = row[inverse];
        if (typeof parent === "number") build(parent, row.id);
      }
    });
    const ids = index.get(id) ?? [];
    if (ids.length > 1 && ids.length <= 200) return orm.sortIds(comodel, ids, orm.spec(comodel).order);
    return [...ids];
  }

  /** Rows of `comodel` whose `model` + `res_id` pair names this record, newest first. */
  polymorphicChildren(comodel: string, model: string, id: number, inverse = "res_id"): number[] {
    const orm = this.#orm;
    const modelField = REFERENCE_MODEL_FIELD[comodel];
    if (modelField === undefined) return [];
    const index = this.index(`${comodel}|${inverse}|${modelField}`, (build) => {
      for (const row of orm.rows(comodel)) {
        const target = row[inverse];
        const targetModel = row[modelField];
        if (typeof target === "number" && typeof targetModel === "string") build(targetIndexKey(targetModel, target), row.id);
      }
    });
    return [...(index.get(targetIndexKey(model, id)) ?? [])].sort((a, b) => b - a);
  }

  /** The many2one and many2many fields that point at `model` (custom ones included). */
  referencingFields(model: string): Array<{ model: string; field: FieldSpec }> {
    const catalog = this.#orm.catalog;
    if (!this.#referencing) {
      const index = new Map<string, Array<{ model: string; field: FieldSpec }>>();
      for (const spec of catalog.models.values()) {
        for (const field of spec.fields.values()) {
          if ((field.type === "many2one" || field.type === "many2many") && field.relation !== undefined && !field.manual) {
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
    for (const spec of catalog.models.values()) {
      for (const field of spec.fields.values())
        if (field.manual && field.relation === model && (field.type === "many2one" || field.type === "many2many")) custom.push({ model: spec.name, field });
    }
    return [...(this.#referencing.get(model) ?? []), ...custom];
  }

  private index(key: string, fill: (build: (parent: number, id: number) => void) => void): Map<number, number[]> {
    const generation = this.#orm.store.generation;
    const cached = this.#cache.get(key);
    if (cached && cached.generation === generation) return cached.index;
    const index = new Map<number, number[]>();
    fill((parent, id) => {
      const list = index.get(parent);
      if (list) list.push(id);
      else index.set(parent, [id]);
    });
    this.#cache.set(key, { generation, index });
    return index;
  }
}

/** x2many commands `(0,0,vals)`, `(1,id,vals)`, `(2,id)`, `(3,id)`, `(4,id)`, `(5,)`, `(6,0,ids)` or a list of ids. */
export function applyX2many(orm: Orm, env: Env, spec: ModelSpec, row: Row, field: FieldSpec, commands: unknown): void {
  const comodel = field.relation;
  if (comodel === undefined || !orm.catalog.models.has(comodel)) return;
  if (commands === false || commands === null || commands === undefined) commands = [[5]];
  if (!Array.isArray(commands)) throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
  const list = commands.every((item) => typeof item === "number") ? [[6, 0, commands]] : commands;
  const wrong = (): never => {
    throw valueError(`Wrong value for ${spec.name}.${field.name}: ${pyRepr(commands)}`);
  };
  if (field.type === "many2many") {
    applyMany2many(orm, env, spec, row, field, comodel, list, wrong);
    return;
  }
  const inverse = field.relationField;
  if (inverse === undefined) return;
  const polymorphic = REFERENCE_MODEL_FIELD[comodel];
  const link = (): Record<string, unknown> => ({
    [inverse]: row.id,
    ...(polymorphic !== undefined && orm.spec(comodel).fields.get(inverse)?.type === "many2one_reference" ? { [polymorphic]: spec.name } : {}),
  });
  for (const command of list) {
    if (!Array.isArray(command)) wrong();
    const [code, target, payload] = command as [unknown, unknown, unknown];
    switch (code) {
      case 0:
        orm.create(env, comodel, [{ ...(isRecord(payload) ? payload : {}), ...link() }]);
        break;
      case 1:
        orm.write(env, comodel, [Number(target)], isRecord(payload) ? payload : {});
        break;
      case 2:
        orm.unlink(env, comodel, [Number(target)]);
        break;
      case 3:
        orm.write(env, comodel, [Number(target)], { [inverse]: false });
        break;
      case 4:
        orm.write(env, comodel, [Number(target)], link());
        break;
      case 5:
        for (const child of orm.relations.inverseIds(spec.name, row.id, field)) orm.write(env, comodel, [child], { [inverse]: false });
        break;
      case 6: {
        const wanted = new Set(Array.isArray(payload) ? (payload as unknown[]).map(Number) : []);
        for (const child of orm.relations.inverseIds(spec.name, row.id, field)) if (!wanted.has(child)) orm.write(env, comodel, [child], { [inverse]: false });
        for (const child of wanted) orm.write(env, comodel, [child], link());
        break;
      }
      default:
        wrong();
    }
  }
}

function applyMany2many(orm: Orm, env: Env, spec: ModelSpec, row: Row, field: FieldSpec, comodel: string, list: unknown[], wrong: () => never): void {
  let ids = Array.isArray(row[field.name]) ? [...(row[field.name] as number[])] : [];
  for (const command of list) {
    if (!Array.isArray(command)) wrong();
    const [code, target, payload] = command as [unknown, unknown, unknown];
    switch (code) {
      case 0: {
        const [created] = orm.create(env, comodel, [isRecord(payload) ? payload : {}]);
        if (created !== undefined) ids.push(created);
        break;
      }
      case 1:
        orm.write(env, comodel, [Number(target)], isRecord(payload) ? payload : {});
        break;
      case 2:
        orm.unlink(env, comodel, [Number(target)]);
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
        wrong();
    }
  }
  for (const id of ids) {
    if (Number.isInteger(id)) ensureStubRecord(orm, comodel, id);
    if (!Number.isInteger(id) || !orm.store.has(comodel, id))
      throw databaseViolation(foreignKeyMessage(orm.version, spec, field), {
        kind: "foreign-key",
        loadMessage: foreignKeyMessage(orm.version, spec, field),
        field: field.name,
      });
  }
  orm.store.update(spec.name, row.id, field.name, ids);
}

/**
 * What deleting `targets` of `model` does to the rows pointing at them: refused (RESTRICT),
 * deleted too (CASCADE) or emptied (SET NULL); chatter, activities, followers, attachments and
 * external ids of the deleted records go too.
 */
export function unlinkReferences(orm: Orm, env: Env, model: string, targets: ReadonlySet<number>): void {
  for (const { model: referencing, field } of orm.relations.referencingFields(model)) {
    const key = `${referencing}.${field.name}`;
    for (const row of [...orm.rows(referencing)]) {
      if (field.type === "many2one") {
        const value = row[field.name];
        if (typeof value !== "number" || !targets.has(value) || (referencing === model && targets.has(row.id))) continue;
        if (RESTRICT.has(key)) {
          const referencingSpec = orm.spec(referencing);
          throw databaseViolation(foreignKeyMessage(orm.version, referencingSpec, field), {
            kind: "foreign-key",
            loadMessage: foreignKeyMessage(orm.version, referencingSpec, field),
            field: field.name,
          });
        }
        if (CASCADE.has(key)) orm.unlink(env, referencing, [row.id]);
        else orm.store.update(referencing, row.id, field.name, false);
      } else if (field.type === "many2many") {
        const value = row[field.name];
        if (Array.isArray(value) && value.some((id) => targets.has(id as number))) {
          orm.store.update(
            referencing,
            row.id,
            field.name,
            (value as number[]).filter((id) => !targets.has(id)),
          );
        }
      }
    }
  }
  const messages = new Set(model === "mail.message" ? targets : []);
  for (const [comodel, modelField] of Object.entries(REFERENCE_MODEL_FIELD)) {
    if (comodel === model) continue;
    for (const row of [...orm.rows(comodel)]) {
      if (row[modelField] !== model || typeof row["res_id"] !== "number" || !targets.has(row["res_id"])) continue;
      orm.store.delete(comodel, row.id);
      if (comodel === "mail.message") messages.add(row.id);
    }
  }
  // A message's tracking values go with it (mail.tracking.value.mail_message_id: ON DELETE CASCADE).
  for (const value of [...orm.rows("mail.tracking.value")]) {
    if (typeof value["mail_message_id"] === "number" && messages.has(value["mail_message_id"])) orm.store.delete("mail.tracking.value", value.id);
  }
}

/** The templates of these variants that have no other variant (as `search` finds them: archived ones only with active_test false). */
export function templatesLeftWithoutVariants(orm: Orm, env: Env, ids: readonly number[]): number[] {
  const deleting = new Set(ids);
  const templates = new Set<number>();
  for (const id of ids) {
    const template = orm.store.get("product.product", id)?.["product_tmpl_id"];
    if (typeof template === "number" && orm.store.has("product.template", template)) templates.add(template);
  }
  const archivedCount = env.context["active_test"] === false;
  for (const variant of orm.rows("product.product")) {
    if (deleting.has(variant.id) || (!archivedCount && variant["active"] === false)) continue;
    if (typeof variant["product_tmpl_id"] === "number") templates.delete(variant["product_tmpl_id"]);
  }
  return [...templates];
}

/**
 * Values Odoo set itself, told apart from what the migration got wrong: a contact's address that
 * Odoo copied from its company, a contact's VAT or industry that came from its commercial entity
 * (compiler/catalog/synced-fields.ts, the facts FM410 warns with), a due date Odoo filled in for
 * an invoice the mapping gave none. `flitmap diff` reads, with the records it compares, what
 * decides each of these (the parent, the type, the commercial entity) and the source records'
 * values, and counts a value as set by Odoo only when the rule applies to that record and the
 * value is the one the rule gives; anything else stays a difference.
 */
import { filledByOdoo, syncedFieldsOf, type SyncedFieldsFact } from "../../compiler/catalog/index.js";
import type { OdooClient, OdooRecord } from "../odoo/index.js";

/** A value read as Odoo gives it: many2one as its id, empty as false. */
function plain(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "string") return value[0];
  if (value === "" || value === null || value === undefined) return false;
  return value;
}

function isSet(value: unknown): boolean {
  const read = plain(value);
  return read !== false && read !== 0;
}

export class OdooDerivations {
  readonly #client: OdooClient;
  /** Per fact, the source records of the chunk being compared, by id. */
  readonly #sources = new Map<SyncedFieldsFact, Map<number, OdooRecord>>();

  constructor(client: OdooClient) {
    this.#client = client;
  }

  /** What else to read with records of `model` whose `fields` are compared: what decides each rule. */
  extraFields(model: string, fields: readonly string[]): string[] {
    const extra = new Set<string>();
    for (const fact of syncedFieldsOf(model)) {
      if (!fact.fields.some((field) => fields.includes(field))) continue;
      for (const name of [fact.trigger, fact.decidedBy, fact.sourceField]) if (!fields.includes(name)) extra.add(name);
    }
    return [...extra];
  }

  /** Reads the source records the rules need for these records (one read per rule). */
  async prepare(model: string, fields: readonly string[], records: readonly OdooRecord[]): Promise<void> {
    this.#sources.clear();
    for (const fact of syncedFieldsOf(model)) {
      const compared = fact.fields.filter((field) => fields.includes(field));
      if (compared.length === 0) continue;
      const ids = [...new Set(records.map((record) => plain(record[fact.sourceField])).filter((id): id is number => typeof id === "number"))];
      const sources = ids.length === 0 ? [] : await this.#client.read(model, ids, fact.onlyWhenSourceHasAny ? [...fact.fields] : compared);
      this.#sources.set(fact, new Map(sources.map((source) => [source.id, source])));
    }
  }

  /** Why Odoo holds `held` in `field` of `record` when the mapping gave `cell`, if Odoo set it by its own rules. */
  explain(model: string, record: OdooRecord, field: string, cell: string, held: unknown): string | undefined {
    const filled = filledByOdoo(model, field);
    if (filled !== undefined && cell === "" && isSet(held)) return filled.how;
    for (const fact of syncedFieldsOf(model)) {
      if (!fact.fields.includes(field) || !isSet(record[fact.trigger])) continue;
      const read = plain(record[fact.decidedBy]);
      // An empty selection reads false: Odoo's default then decides (a partner's type is "contact").
      const decision = read === false && typeof fact.decidedByDefault === "string" ? fact.decidedByDefault : read;
      if (!fact.copiesWhen.some((value) => value === decision)) continue;
      const sourceId = plain(record[fact.sourceField]);
      const source = typeof sourceId === "number" ? this.#sources.get(fact)?.get(sourceId) : undefined;
      if (source === undefined || source.id === record.id) continue;
      if (fact.onlyWhenSourceHasAny && !fact.fields.some((name) => isSet(source[name]))) continue;
      if (JSON.stringify(plain(source[field])) === JSON.stringify(plain(held))) return `${fact.source}: ${fact.trigger} is set and ${fact.condition}`;
    }
    return undefined;
  }
}

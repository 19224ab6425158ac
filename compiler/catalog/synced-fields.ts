/**
 * Fields Odoo rewrites on its own after a write, curated from recordings of real servers: a value
 * a migration writes there is replaced, so the compiler warns before it is lost: res.partner copies
 * its parent's address onto a child whose type is "contact" (the default).
 */

export interface SyncedFieldsFact {
  readonly model: string;
  /** The field whose value makes Odoo overwrite the others. */
  readonly trigger: string;
  readonly fields: readonly string[];
  /** What Odoo copies in, in words. */
  readonly source: string;
  /** When it happens, in words. */
  readonly condition: string;
  /** The field whose value decides whether it happens. */
  readonly decidedBy: string;
  readonly evidence: readonly string[];
}

const RECORDED_SERIES = ["17.0", "18.0", "19.0"] as const;

export const SYNCED_FIELDS: readonly SyncedFieldsFact[] = [
  {
    model: "res.partner",
    trigger: "parent_id",
    fields: ["street", "street2", "zip", "city", "state_id", "country_id"],
    source: "the parent's address",
    condition: 'its type is "contact" (the default)',
    decidedBy: "type",
    evidence: RECORDED_SERIES.flatMap((serie) => [`test/fixtures/odoo/${serie}/wire/create_partner_list`, `test/fixtures/odoo/${serie}/wire/search_read_partner`]),
  },
];

export function syncedFieldsOf(model: string): SyncedFieldsFact[] {
  return SYNCED_FIELDS.filter((fact) => fact.model === model);
}

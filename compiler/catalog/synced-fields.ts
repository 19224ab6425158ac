/**
 * Fields Odoo rewrites on its own after a create or a write, from other records, and fields it
 * fills when they are written empty: a value a migration writes there is replaced, so the compiler
 * warns before it is lost (FM410), `flitmap diff` shows what Odoo put there as set by Odoo rather
 * than as a migration error, and the test double does the same as the real server. Curated from Odoo's res.partner (`_fields_sync`,
 * `_address_fields`, `_commercial_fields` of base, account and product, 17.0 to 19.0) and checked
 * against whole runs recorded on real servers (test/fixtures/odoo/<serie>/runs).
 */

export interface SyncedFieldsFact {
  readonly model: string;
  /** The field whose value makes Odoo copy the others in (on create, and on each write of it). */
  readonly trigger: string;
  /** The fields Odoo copies in (those the version's schema has). */
  readonly fields: readonly string[];
  /** The field that names the record the values come from: the trigger's record, or the commercial entity. */
  readonly sourceField: string;
  /** What Odoo copies in, in words. */
  readonly source: string;
  /** When it happens, in words. */
  readonly condition: string;
  /** The field whose value decides whether it happens. */
  readonly decidedBy: string;
  /** The values of `decidedBy` for which Odoo copies. */
  readonly copiesWhen: readonly (string | boolean)[];
  /** The value `decidedBy` has when nothing is written (Odoo's default). */
  readonly decidedByDefault: string | boolean;
  /** Odoo copies only when the source has at least one of the fields set (else the record keeps its own). */
  readonly onlyWhenSourceHasAny: boolean;
  /** How a mapping keeps its own values, in words (for FM410's message). */
  readonly keep: string;
  readonly evidence: readonly string[];
}

const RECORDED_SERIES = ["17.0", "18.0", "19.0"] as const;

/** res.partner's `_address_fields()` (base: ADDRESS_FIELDS), the same in 17.0, 18.0 and 19.0. */
export const PARTNER_ADDRESS_FIELDS: readonly string[] = ["street", "street2", "zip", "city", "state_id", "country_id"];

/**
 * res.partner's `_commercial_fields()` with base (vat, company_registry, industry_id), account
 * (receivable and payable accounts, fiscal position, payment terms, credit and debit limits, 17.0's
 * last_time_entries_checked) and product (pricelist) installed; a version's schema lacks some
 * (19.0 has no debit_limit).
 */
export const PARTNER_COMMERCIAL_FIELDS: readonly string[] = [
  "vat",
  "company_registry",
  "industry_id",
  "debit_limit",
  "credit_limit",
  "property_account_payable_id",
  "property_account_receivable_id",
  "property_account_position_id",
  "property_payment_term_id",
  "property_supplier_payment_term_id",
  "property_product_pricelist",
  "last_time_entries_checked",
];

export const SYNCED_FIELDS: readonly SyncedFieldsFact[] = [
  {
    model: "res.partner",
    trigger: "parent_id",
    fields: PARTNER_ADDRESS_FIELDS,
    sourceField: "parent_id",
    source: "the parent's address",
    condition: 'its type is "contact" (the default) and the parent has an address',
    decidedBy: "type",
    copiesWhen: ["contact"],
    decidedByDefault: "contact",
    onlyWhenSourceHasAny: true,
    keep: 'write the address only for rows without a parent (`street <- if <the parent_id value> is empty then ...`), or give rows with a parent another type ("other", "invoice", "delivery") to keep theirs',
    evidence: RECORDED_SERIES.flatMap((serie) => [
      `test/fixtures/odoo/${serie}/wire/create_partner_list`,
      `test/fixtures/odoo/${serie}/wire/search_read_partner`,
      `test/fixtures/odoo/${serie}/runs/perfectbooks.json.gz`,
    ]),
  },
  {
    model: "res.partner",
    trigger: "parent_id",
    fields: PARTNER_COMMERCIAL_FIELDS,
    sourceField: "commercial_partner_id",
    source: "its company's (its commercial entity's)",
    condition: "it is not a company itself",
    decidedBy: "is_company",
    copiesWhen: [false],
    decidedByDefault: false,
    onlyWhenSourceHasAny: false,
    keep: "write these on the company: Odoo gives every contact of a company the company's",
    // 18.0 and 19.0 write a company's written commercial fields on its contacts on every write of
    // the company (their write_date changes when the company is given a parent); 17.0 only when
    // one of them is written.
    evidence: ["18.0", "19.0"].map((serie) => `test/fixtures/odoo/${serie}/runs/perfectbooks.json.gz`),
  },
];

export function syncedFieldsOf(model: string): SyncedFieldsFact[] {
  return SYNCED_FIELDS.filter((fact) => fact.model === model);
}

/** A field Odoo fills itself when a record is written without a value for it. */
export interface FilledByOdoo {
  readonly model: string;
  readonly field: string;
  /** With what, in words. */
  readonly how: string;
  readonly evidence: readonly string[];
}

export const FILLED_BY_ODOO: readonly FilledByOdoo[] = [
  {
    model: "account.move",
    field: "invoice_date_due",
    how: "the due date its payment term gives, or today (account.move's _compute_invoice_date_due)",
    evidence: RECORDED_SERIES.map((serie) => `test/fixtures/odoo/${serie}/runs/perfectview.json.gz`),
  },
];

export function filledByOdoo(model: string, field: string): FilledByOdoo | undefined {
  return FILLED_BY_ODOO.find((fact) => fact.model === model && fact.field === field);
}

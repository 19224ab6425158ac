/**
 * Fields Odoo renamed or removed, so that "did you mean" can name the successor first and say
 * since when. Each entry is proven by the shipped catalogs (test/compiler/catalog checks that
 * `from` is absent from every shipped serie at or after `since` and `to` is present there),
 * except planned_revenue, renamed in 14.0, before the oldest recording.
 */
import { compareSeries } from "./series.js";

export interface FieldChange {
  readonly model: string;
  readonly from: string;
  /** The field to use instead; absent when Odoo dropped the field without a successor. */
  readonly to?: string;
  /** The first serie without `from`. */
  readonly since: string;
  readonly note: string;
}

export const FIELD_CHANGES: readonly FieldChange[] = [
  { model: "crm.lead", from: "planned_revenue", to: "expected_revenue", since: "14.0", note: "renamed in Odoo 14.0" },
  {
    model: "product.template",
    from: "detailed_type",
    to: "type",
    since: "18.0",
    note: "merged into type in Odoo 18.0 (consu, service, combo)",
  },
  { model: "account.move", from: "payment_id", to: "origin_payment_id", since: "18.0", note: "renamed in Odoo 18.0" },
  {
    model: "account.move",
    from: "reversal_move_id",
    to: "reversal_move_ids",
    since: "18.0",
    note: "became a one2many in Odoo 18.0",
  },
  {
    model: "account.move",
    from: "to_check",
    to: "checked",
    since: "18.0",
    note: "replaced in Odoo 18.0 by checked, with the opposite meaning (true = reviewed)",
  },
  { model: "res.users", from: "groups_id", to: "group_ids", since: "19.0", note: "renamed in Odoo 19.0" },
  {
    model: "crm.stage",
    from: "team_id",
    to: "team_ids",
    since: "19.0",
    note: "a stage belongs to several teams since Odoo 19.0 (many2many)",
  },
  {
    model: "res.partner",
    from: "mobile",
    to: "phone",
    since: "19.0",
    note: "removed in Odoo 19.0, which keeps one phone number per contact",
  },
  {
    model: "crm.lead",
    from: "mobile",
    to: "phone",
    since: "19.0",
    note: "removed in Odoo 19.0, which keeps one phone number per lead",
  },
  { model: "res.partner", from: "title", since: "19.0", note: "removed in Odoo 19.0 with the res.partner.title model" },
  { model: "crm.lead", from: "title", since: "19.0", note: "removed in Odoo 19.0 with the res.partner.title model" },
];

/** What became of `model.field` in `serie`, if Odoo renamed or removed it at or before that serie. */
export function fieldChange(model: string, field: string, serie: string): FieldChange | undefined {
  return FIELD_CHANGES.find((change) => change.model === model && change.from === field && compareSeries(change.since, serie) <= 0);
}

/**
 * Required fields Odoo fills itself when a record is created, by a stored compute (fields_get
 * marks them required and shows no default, so without this list every sale order would be
 * reported as missing its invoice address). Curated from Odoo's sources (17.0 to 19.0); a schema
 * pulled with fields_get's `depends` attribute can tell the same for any field.
 */
export interface ComputedOnCreate {
  readonly model: string;
  readonly field: string;
  /** Fields the value is computed from; empty when Odoo always computes it. */
  readonly from: readonly string[];
  readonly note: string;
}

export const COMPUTED_ON_CREATE: readonly ComputedOnCreate[] = [
  { model: "sale.order", field: "partner_invoice_id", from: ["partner_id"], note: "the customer's invoice address, computed from partner_id" },
  { model: "sale.order", field: "partner_shipping_id", from: ["partner_id"], note: "the customer's delivery address, computed from partner_id" },
  { model: "sale.order.line", field: "name", from: ["product_id"], note: "the product's sales description, computed from product_id" },
  // Both computes give 0 to a line without a product (a section or a note), so Odoo always fills them.
  { model: "sale.order.line", field: "price_unit", from: [], note: "the pricelist price of product_id, 0 without one" },
  { model: "sale.order.line", field: "customer_lead", from: [], note: "the product's lead time, 0 without one" },
  // crm_lead.py's _compute_name (17.0 to 19.0): "<partner>'s opportunity" when no name is given.
  { model: "crm.lead", field: "name", from: ["partner_id"], note: "the customer's name and \"'s opportunity\", computed from partner_id" },
  // Records Odoo makes itself when the create names none: a template's first variant, the record
  // an _inherits parent holds, a team's mail alias (fields_get says required, with no default).
  { model: "product.template", field: "product_variant_ids", from: [], note: "the template's variant, made by Odoo" },
  { model: "product.product", field: "product_variant_ids", from: [], note: "the variant itself, made by Odoo" },
  { model: "product.product", field: "product_tmpl_id", from: [], note: "the variant's template, made by Odoo from its fields" },
  { model: "res.users", field: "partner_id", from: [], note: "the user's partner, made by Odoo from its name and e-mail" },
  { model: "res.company", field: "partner_id", from: [], note: "the company's partner, made by Odoo from its name and address" },
  { model: "crm.team", field: "alias_id", from: [], note: "the team's mail alias, made by Odoo" },
  { model: "crm.team", field: "alias_model_id", from: [], note: "the model of the team's mail alias, set by Odoo" },
  // 18.0's product.template._compute_uom_po_id: the sales unit, uom_id, which has a default.
  { model: "product.template", field: "uom_po_id", from: [], note: "the purchase unit, the sales unit unless said otherwise" },
  { model: "product.product", field: "uom_po_id", from: [], note: "the purchase unit, the sales unit unless said otherwise" },
  { model: "account.move", field: "journal_id", from: [], note: "the default journal of the move type" },
  { model: "account.move", field: "date", from: [], note: "the invoice date, or today" },
  { model: "account.move", field: "currency_id", from: [], note: "the journal's or the company's currency" },
  { model: "account.move.line", field: "currency_id", from: [], note: "the move's currency" },
  { model: "account.move.line", field: "display_type", from: [], note: "a product line unless said otherwise" },
];

export function computedOnCreate(model: string, field: string): ComputedOnCreate | undefined {
  return COMPUTED_ON_CREATE.find((entry) => entry.model === model && entry.field === field);
}

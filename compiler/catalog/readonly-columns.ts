/**
 * Fields Odoo shows read-only in its forms but stores as plain columns, so that the API writes
 * them (fields_get says `readonly` and `store`, which a stored compute says too). Curated from
 * Odoo's sources (17.0 to 19.0), where each is declared `readonly=True` without `compute`.
 */
export interface ReadonlyColumn {
  readonly model: string;
  readonly field: string;
  readonly note: string;
}

export const READONLY_COLUMNS: readonly ReadonlyColumn[] = [
  { model: "crm.lead", field: "date_closed", note: "set when a lead is won or lost; a plain column" },
  { model: "ir.attachment", field: "res_model", note: "the model of the record the file belongs to; a plain column" },
  { model: "ir.attachment", field: "res_id", note: "the id of the record the file belongs to; a plain column" },
  { model: "ir.attachment", field: "mimetype", note: "guessed from the content when not given; a plain column" },
  { model: "mail.activity", field: "date_done", note: "when the activity was marked done; a plain column" },
  { model: "account.move", field: "move_type", note: "the kind of entry (out_invoice, in_invoice, ...), set when it is created; a plain column" },
  { model: "account.move", field: "invoice_origin", note: "the document the invoice comes from (a sales order's name); a plain column" },
];

export function readonlyColumn(model: string, field: string): ReadonlyColumn | undefined {
  return READONLY_COLUMNS.find((entry) => entry.model === model && entry.field === field);
}

/**
 * The other side of the ambiguity: stored fields Odoo computes without an inverse, so that a value
 * written is overwritten at once (fields_get says `readonly` and `store` for them too). Curated
 * from Odoo's sources (17.0 to 19.0), where each is declared with `compute=` and `store=True`.
 */
export interface StoredCompute {
  readonly model: string;
  readonly field: string;
  /** What Odoo computes it from, and what to do instead of writing it. */
  readonly note: string;
}

export const STORED_COMPUTES: readonly StoredCompute[] = [
  {
    model: "account.move",
    field: "payment_state",
    note: "from the payments reconciled with the invoice: keep the source's status in a custom field, and register the payments in Odoo",
  },
  { model: "account.move", field: "amount_untaxed", note: "from the invoice lines: write the lines" },
  { model: "account.move", field: "amount_total", note: "from the invoice lines and their taxes: write the lines" },
  { model: "sale.order", field: "amount_untaxed", note: "from the order lines: write the lines" },
  { model: "sale.order", field: "amount_total", note: "from the order lines and their taxes: write the lines" },
];

export function storedCompute(model: string, field: string): StoredCompute | undefined {
  return STORED_COMPUTES.find((entry) => entry.model === model && entry.field === field);
}

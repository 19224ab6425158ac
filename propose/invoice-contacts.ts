/**
 * A person's yes/no column saying invoices go to them (`Számlaértesítő` I/N, `Invoice contact`
 * yes/no): Odoo sends a partner's invoices to its contact of type "invoice", so the flag is the
 * contact's type. Read by the header's words, in the lexicon's languages. Pure.
 */
import { assign, type BuildState, type TargetContext } from "./build-state.js";

/** A header of these words alone: whether a firm invoices electronically (`e-Fatura`) is no person's role. */
const INVOICE_WORDS: ReadonlySet<string> = new Set(["invoice", "contact", "person", "recipient", "email"]);

export function invoiceContacts(state: BuildState, context: TargetContext): void {
  if (context.model.name !== "res.partner" || context.model.fields["type"] === undefined || context.taken.has("type")) return;
  // Only a file of people: an organisation's own type is no contact's.
  if (context.entity.profile.kind !== "person") return;
  const flag = context.columns.find(
    (column) =>
      !context.used.has(column.path) &&
      column.reference === undefined &&
      column.profile.guess.type === "boolean" &&
      column.profile.words.includes("invoice") &&
      column.profile.words.every((word) => INVOICE_WORDS.has(word)),
  );
  if (flag === undefined) return;
  assign(state, context, "type", `if ${flag.path} then "invoice" else "contact"`, [flag], 0.8, "invoices are sent to this person: Odoo's invoice address");
}

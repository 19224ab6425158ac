/**
 * Bank accounts written in a partner file's column (an IBAN beside the address): Odoo keeps them
 * as `res.partner.bank` records of the partner, not as a field of it, so such a map becomes a
 * split into the partner and its account. Found by the values (IBANs whose check digits are
 * right), whatever the header says. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import type { BuildState, MappedEntity } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { alias } from "./entity-models.js";
import type { BodyLine, TargetProposal } from "./proposal.js";

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** An International Bank Account Number, spaces allowed, its check digits right (ISO 13616: mod 97 = 1). */
export function isIban(value: string): boolean {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  if (!IBAN.test(compact)) return false;
  const digits = `${compact.slice(4)}${compact.slice(0, 4)}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** Filled cells needed, and the share of them that must be IBANs (a typo or two is reported at run time). */
const ENOUGH_ACCOUNTS = 3;
const IBAN_SHARE = 0.9;

/** The column of a partner map holding bank accounts, when the target Odoo has them as records. */
export function bankAccountColumn(state: BuildState, entity: MappedEntity): ColumnProfile | undefined {
  if (entity.model !== "res.partner" || entity.split !== undefined || entity.contacts !== undefined || entity.usesFallback || findModel(state.schema, "res.partner.bank") === undefined)
    return undefined;
  return entity.profile.columns.find((column) => {
    if (column.guess.type !== "text" || entity.profile.key.includes(column.name)) return false;
    const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
    return filled.length >= ENOUGH_ACCOUNTS && filled.filter(isIban).length >= filled.length * IBAN_SHARE;
  });
}

/** The partner's account, made when the row has one: `bank: res.partner.bank when iban is present`. */
export function bankAccountTarget(state: BuildState, entity: MappedEntity, column: ColumnProfile, partnerAlias: string): TargetProposal {
  const accounts = column.values.filter((value) => isIban(value)).length;
  state.log.add(entity.profile.name, column.name, { kind: "field", model: "res.partner.bank", field: "acc_number", confidence: 0.9 });
  const body: BodyLine[] = [
    {
      kind: "assign",
      field: "acc_number",
      operator: "<-",
      expression: `${column.name} | trim`,
      columns: [column.name],
      comment: `90%: ${accounts} of its values are IBANs: Odoo keeps a partner's bank account as a record of its own`,
    },
    { kind: "assign", field: "partner_id", operator: "<-", expression: `ref ${partnerAlias}`, columns: [], comment: "the partner of the same row" },
  ];
  return { header: `${alias(state, "bank")}: res.partner.bank when ${column.name} is present`, body };
}

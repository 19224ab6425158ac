/**
 * A file of bank accounts: one column of IBANs (written whole, in groups of four or in small
 * letters, a mistyped one now and then) beside a link to the partner holding each. Odoo keeps them
 * as `res.partner.bank` records of their partner, whatever the file or its headers are called.
 * Pure.
 */
import { ibanCheckDigitsRight } from "../runtime/source/identifiers.js";
import type { ColumnProfile } from "./entities.js";
import { namesRows, type ReferenceProfile } from "./references.js";

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Filled cells needed, and the share of them that must be IBANs with their check digits right. */
const ENOUGH_ACCOUNTS = 3;
const IBAN_SHARE = 0.9;

function isIban(value: string): boolean {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return IBAN.test(compact) && ibanCheckDigitsRight(compact);
}

/** The column of IBANs, when nine in ten of its filled values are. */
export function ibanColumn(columns: readonly ColumnProfile[]): ColumnProfile | undefined {
  return columns.find((column) => {
    if (column.guess.type !== "text") return false;
    const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
    return filled.length >= ENOUGH_ACCOUNTS && filled.filter(isIban).length >= filled.length * IBAN_SHARE;
  });
}

/**
 * Bank accounts: a column of IBANs and a link to another file's records (their holder), and
 * nothing a partner's file has (a name for each row, e-mails, phones): a register of firms with
 * an IBAN column is the firms' (bank-accounts.ts splits their accounts off).
 */
export function accountFileKind(
  columns: readonly ColumnProfile[],
  references: readonly ReferenceProfile[],
  self: string,
): { kind: "bank_account"; evidence: string } | undefined {
  const ibans = ibanColumn(columns);
  const holder = references.find((reference) => reference.entity !== self && reference.separator === undefined);
  if (ibans === undefined || holder === undefined) return undefined;
  const partnerLike = columns.some(
    (column) => column !== ibans && (namesRows(column, 0.9) || column.guess.type === "email" || column.guess.type === "phone" || column.guess.type === "url"),
  );
  if (partnerLike) return undefined;
  return { kind: "bank_account", evidence: `its ${ibans.header} are IBANs, each row's holder a ${holder.entity} by ${columns.find((column) => column.name === holder.column)?.header ?? holder.column}` };
}

/**
 * Bank accounts written in a partner file's column (an IBAN beside the address): Odoo keeps them
 * as `res.partner.bank` records of the partner, not as a field of it, so such a map becomes a
 * split into the partner and its account. Found by the values (IBANs whose check digits are
 * right, or account numbers that are IBANs without their country code), whatever the header says.
 * Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import { ibanCheckDigitsRight, ibanLength } from "../runtime/source/identifiers.js";
import type { BuildState, MappedEntity } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { domesticAccountCountry, domesticAccounts, isDomesticAccount } from "./domestic-accounts.js";
import { alias } from "./entity-models.js";
import type { BodyLine, TargetProposal } from "./proposal.js";

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** An International Bank Account Number, spaces allowed, its check digits right (ISO 13616: mod 97 = 1). */
export function isIban(value: string): boolean {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return IBAN.test(compact) && ibanCheckDigitsRight(compact);
}

/**
 * An IBAN's shape alone: a country's code, two digits and as many characters as that country's
 * IBANs have, whatever its check digits say (a mistyped one is still the partner's account).
 */
function ibanShaped(value: string): boolean {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return IBAN.test(compact) && compact.length === ibanLength(compact.slice(0, 2));
}

/**
 * The countries whose account numbers are digits alone: an account written without its country
 * code (a Polish NRB is the IBAN after `PL`) is that country's IBAN length, less two, in digits.
 */
const DIGIT_ACCOUNT_COUNTRIES = [
  "PL",
  "HU",
  "CZ",
  "SK",
  "SI",
  "HR",
  "RS",
  "BA",
  "ME",
  "MK",
  "DE",
  "AT",
  "BE",
  "ES",
  "PT",
  "DK",
  "FI",
  "NO",
  "SE",
  "EE",
  "LT",
  "LU",
  "IS",
  "TR",
  "IL",
];

/**
 * The country whose code makes a column's account numbers IBANs (`61 1090 1014 0000 0712 1981
 * 2874` with PL): nine in ten of its values, their check digits right with it. Only one country's
 * code fits given check digits, so the values say which.
 */
export function accountCountry(values: readonly string[]): string | undefined {
  const filled = values.map((value) => value.replace(/\s+/g, "")).filter((value) => value !== "");
  if (filled.length < ENOUGH_ACCOUNTS || !filled.every((value) => /^\d+$/.test(value))) return undefined;
  return DIGIT_ACCOUNT_COUNTRIES.find(
    (country) => filled.filter((value) => value.length === (ibanLength(country) ?? 0) - 2 && isIban(`${country}${value}`)).length >= filled.length * IBAN_SHARE,
  );
}

/**
 * A domestic account number in the GIRO form Hungarian banks print, two or three groups of eight
 * digits (`11773016-12345678`, `10400157-12345678-00000000`): no IBAN, but an account all the same,
 * kept as written.
 */
const GIRO = /^\d{8}-\d{8}(?:-\d{8})?$/;

function isGiro(value: string): boolean {
  return GIRO.test(value.trim());
}

/** Filled cells needed, and the share of them that must be IBANs (a typo or two is reported at run time). */
const ENOUGH_ACCOUNTS = 3;
const IBAN_SHARE = 0.9;

/** The column of a partner map holding bank accounts, when the target Odoo has them as records. */
export function bankAccountColumn(state: BuildState, entity: MappedEntity): ColumnProfile | undefined {
  if (
    entity.model !== "res.partner" ||
    entity.split !== undefined ||
    entity.contacts !== undefined ||
    entity.usesFallback ||
    findModel(state.schema, "res.partner.bank") === undefined
  )
    return undefined;
  return entity.profile.columns.find((column) => {
    if (column.guess.type !== "text" || entity.profile.key.includes(column.name)) return false;
    const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
    if (filled.length < ENOUGH_ACCOUNTS) return false;
    // A column its header calls IBAN needs only the shape: check digits an export never checked are reported at run time.
    const valid = column.words.includes("iban") ? ibanShaped : isIban;
    return (
      filled.filter(valid).length >= filled.length * IBAN_SHARE ||
      filled.filter(isGiro).length >= filled.length * IBAN_SHARE ||
      domesticAccounts(filled) ||
      accountCountry(filled) !== undefined
    );
  });
}

/** The partner's account, made when the row has one: `bank: res.partner.bank when iban is present`. */
export function bankAccountTarget(state: BuildState, entity: MappedEntity, column: ColumnProfile, partnerAlias: string): TargetProposal {
  const country = accountCountry(column.values);
  const accounts = column.values.filter((value) => (country === undefined ? isIban(value) : isIban(`${country}${value.replace(/\s+/g, "")}`))).length;
  state.log.add(entity.profile.name, column.name, { kind: "field", model: "res.partner.bank", field: "acc_number", confidence: 0.9 });
  const own = "Odoo keeps a partner's bank account as a record of its own";
  const misdigited = country === undefined ? column.values.filter((value) => ibanShaped(value) && !isIban(value)).length : 0;
  const shaped = misdigited === 0 ? "" : `; ${misdigited} more have an IBAN's shape and wrong check digits, which its header calls IBANs all the same`;
  const giro = country === undefined && accounts === 0 ? column.values.filter(isGiro).length : 0;
  const domestic = country === undefined && accounts === 0 && giro === 0 ? column.values.filter(isDomesticAccount).length : 0;
  const domesticCountry = domesticAccountCountry(column.values);
  // A domestic account is made its IBAN; one failing its check is reported and kept as written.
  const expression =
    domestic > 0
      ? `${column.name} | iban("${domesticCountry}", "flag") ?? ${column.name} | trim`
      : country === undefined
        ? `${column.name} | trim`
        : `\`${country}{${column.name} | replace(" ", "")}\``;
  const reading =
    domestic > 0
      ? `${domestic} of its values are ${domesticCountry === "CZ" ? "Czech" : "Slovak"} account numbers (prefix-number/bank), made IBANs`
      : giro > 0
      ? `${giro} of its values are domestic account numbers, groups of eight digits`
      : country === undefined
        ? `${accounts} of its values are IBANs${shaped}`
        : `${accounts} of its values are IBANs once ${country} is put before them, as Odoo reads them`;
  const body: BodyLine[] = [
    { kind: "assign", field: "acc_number", operator: "<-", expression, columns: [column.name], comment: `90%: ${reading}: ${own}` },
    { kind: "assign", field: "partner_id", operator: "<-", expression: `ref ${partnerAlias}`, columns: [], comment: "the partner of the same row" },
  ];
  return { header: `${alias(state, "bank")}: res.partner.bank when ${column.name} is present`, body };
}

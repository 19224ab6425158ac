/**
 * Companies two systems both hold: an accounting register and a CRM beside it, whose companies
 * are partly the register's again (the same business ID or VAT number, written with or without
 * its dashes and country letters, or the same name but for case, accents and punctuation). A
 * specialist makes each company once: the CRM's row of one the register holds is skipped, and the
 * CRM's people, deals and activities naming it are linked to the register's partner. Told from
 * the values: a key the second file shares with the first on a good share of its rows. Pure.
 */
import { looseKey } from "../runtime/source/match-keys.js";
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { holdsIdentifiers } from "./tax-ids.js";
import { filledValues } from "./value-shapes.js";

/** How a unique column compares the values on both sides (`unique match digits`, `match loose`). */
export type SharedMatch = "digits" | "loose";

/** A column of the second file whose values are the first's, compared by `match`. */
export interface SharedKey {
  readonly heldColumn: string;
  readonly holderColumn: string;
  readonly match: SharedMatch;
  /** The second file's rows (in the sample) whose value the first holds. */
  readonly found: number;
}

/** A second file of companies (`held`) whose rows the first (`holder`) partly holds, and the keys that tell them. */
export interface SharedCompanies {
  readonly held: EntityProfile;
  readonly holder: EntityProfile;
  /** The identifier first (a business ID tells a firm whatever its name's spelling), then the name. */
  readonly keys: readonly SharedKey[];
}

/** The share of the second file's rows a key must find in the first: a CRM holding a few of the register's customers by chance is no copy of it. */
const SHARE = 0.2;
const LEAST = 3;

function digitsKey(value: string): string {
  return value.replace(/\D+/g, "");
}

/**
 * A column of identifiers: business IDs, VAT and tax numbers, seven digits at least, with few
 * letters (a country's `FI`, `HU`); not phone numbers, unless their shape and check digits say
 * they are tax or registration numbers.
 */
function holdsNumbers(column: ColumnProfile): boolean {
  if (column.group !== undefined || !["text", "phone", "integer"].includes(column.guess.type)) return false;
  const filled = filledValues(column.values);
  if (filled.length < LEAST) return false;
  const numbers = filled.filter((value) => {
    const digits = digitsKey(value).length;
    return digits >= 7 && digits <= 14 && value.replace(/[^\p{L}]/gu, "").length <= 3;
  });
  if (numbers.length < filled.length * 0.9) return false;
  return column.guess.type !== "phone" || holdsIdentifiers(column.values);
}

function keyOf(value: string, match: SharedMatch): string {
  return match === "digits" ? digitsKey(value) : looseKey(value);
}

/** How many of the second file's rows hold a value of the first's column, compared by `match`. */
function rowsFound(held: ColumnProfile, holder: ColumnProfile, match: SharedMatch): number {
  const holderKeys = new Set(holder.values.map((value) => keyOf(value, match)).filter((key) => key !== ""));
  return held.values.filter((value) => {
    const key = keyOf(value, match);
    return key !== "" && holderKeys.has(key);
  }).length;
}

function enough(found: number, held: EntityProfile): boolean {
  return found >= LEAST && found >= held.sampledRows * SHARE;
}

/** The identifier column pair sharing the most values, when it shares enough. */
function sharedIdentifier(held: EntityProfile, holder: EntityProfile): SharedKey | undefined {
  let best: SharedKey | undefined;
  for (const heldColumn of held.columns.filter(holdsNumbers)) {
    for (const holderColumn of holder.columns.filter(holdsNumbers)) {
      const found = rowsFound(heldColumn, holderColumn, "digits");
      if (best === undefined || found > best.found) best = { heldColumn: heldColumn.name, holderColumn: holderColumn.name, match: "digits", found };
    }
  }
  return best !== undefined && enough(best.found, held) ? best : undefined;
}

/**
 * The keys by which the first file holds the second's companies, given the columns naming each
 * file's rows: an identifier both hold, and the names; none when neither finds a good share of
 * the second file's rows in the first.
 */
export function sharedKeys(held: EntityProfile, holder: EntityProfile, names: { readonly held: string; readonly holder: string }): SharedKey[] {
  if (held.sampledRows === 0) return [];
  const identifier = sharedIdentifier(held, holder);
  const heldNames = held.columns.find((column) => column.name === names.held);
  const holderNames = holder.columns.find((column) => column.name === names.holder);
  const found = heldNames === undefined || holderNames === undefined ? 0 : rowsFound(heldNames, holderNames, "loose");
  const byName: SharedKey | undefined = found === 0 ? undefined : { heldColumn: names.held, holderColumn: names.holder, match: "loose", found };
  if (identifier === undefined && (byName === undefined || !enough(byName.found, held))) return [];
  return [identifier, byName].filter((key): key is SharedKey => key !== undefined);
}

/**
 * Czech and Slovak bank accounts written the domestic way (`19-2000145399/0800`: a prefix, the
 * number, the bank code): the digits and dashes of a phone number, but no phone, told by the
 * weights the two countries check a prefix and a number by. Pure.
 */
import { readIban } from "../runtime/source/identifiers.js";

/** The domestic form; a number of six digits or more, so that a German `0211/4711` stays a phone. */
const DOMESTIC = /^(?:\d{1,6}\s*-\s*)?\d{6,10}\s*\/\s*(\d{4})$/;

/** Filled cells needed, and the share of them that must be accounts (a mistyped one is reported at run time). */
const ENOUGH = 3;
const SHARE = 0.9;

/** A domestic account whose prefix and number pass their checks (the same in both countries). */
export function isDomesticAccount(value: string): boolean {
  return DOMESTIC.test(value.trim()) && readIban(value, "CZ").ok;
}

/** Whether a column's values are domestic accounts: nine in ten of them, three at least. */
export function domesticAccounts(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  return filled.length >= ENOUGH && filled.filter(isDomesticAccount).length >= filled.length * SHARE;
}

/** The bank codes of Slovakia's banks (Národná banka Slovenska's list); the others are Czech. */
const SLOVAK_BANK_CODES: ReadonlySet<string> = new Set([
  "0200",
  "0720",
  "0900",
  "1100",
  "1111",
  "3000",
  "3100",
  "5200",
  "5600",
  "5900",
  "6500",
  "7300",
  "7500",
  "7930",
  "8050",
  "8100",
  "8120",
  "8130",
  "8160",
  "8170",
  "8180",
  "8191",
  "8330",
  "8360",
  "8420",
  "8430",
]);

/** Which country's IBANs the accounts are: Slovak when most of their bank codes are Slovak banks'. */
export function domesticAccountCountry(values: readonly string[]): "CZ" | "SK" {
  const codes = values.flatMap((value) => {
    const match = DOMESTIC.exec(value.trim());
    return match === null ? [] : [match[1] ?? ""];
  });
  return codes.filter((code) => SLOVAK_BANK_CODES.has(code)).length * 2 > codes.length ? "SK" : "CZ";
}

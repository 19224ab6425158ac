import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLocaleNumber, parseMoney, type DecimalSeparator } from "../../../runtime/source/numbers.js";
import { currencyCodes } from "../../../runtime/source/currencies.js";

/** Writes a number the way an export would: grouped thousands, the given decimal separator. */
function write(integer: number, cents: number, decimal: DecimalSeparator, group: string): string {
  const digits = String(integer);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${groups.join(group)}${decimal}${String(cents).padStart(2, "0")}`;
}

describe("parseLocaleNumber", () => {
  it("reads back any grouped amount in both conventions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (integer, cents, dutch) => {
        const decimal: DecimalSeparator = dutch ? "," : ".";
        const group = dutch ? "." : ",";
        const expected = Number(`${integer}.${String(cents).padStart(2, "0")}`);
        expect(parseLocaleNumber(write(integer, cents, decimal, group), decimal)).toEqual({ ok: true, value: expected });
        expect(parseLocaleNumber(`-${write(integer, cents, decimal, "\u00A0")}`, decimal)).toEqual({ ok: true, value: expected === 0 ? 0 : -expected });
      }),
    );
  });

  it("needs groups of exactly three digits", () => {
    expect(parseLocaleNumber("1.23,5", ",").ok).toBe(false);
    expect(parseLocaleNumber("12.3456", ",").ok).toBe(false);
    expect(parseLocaleNumber("1.234 567", ",").ok).toBe(false);
    expect(parseLocaleNumber("1'234.50", ".")).toEqual({ ok: true, value: 1234.5 });
  });

  it("reads exponents and leading decimal separators", () => {
    expect(parseLocaleNumber("1.5E+03", ".")).toEqual({ ok: true, value: 1500 });
    expect(parseLocaleNumber(",5", ",")).toEqual({ ok: true, value: 0.5 });
    expect(parseLocaleNumber("\u22125", ".")).toEqual({ ok: true, value: -5 });
  });

  it("refuses two signs", () => {
    expect(parseLocaleNumber("(-5)", ".")).toEqual({ ok: false, reason: "'(-5)' is not a number: it has more than one sign" });
    expect(parseLocaleNumber("-5-", ".")).toEqual({ ok: false, reason: "'-5-' is not a number: it has more than one sign" });
  });
});

describe("parseMoney", () => {
  it("reports the currency it found", () => {
    expect(parseMoney("£1,234.50", ".")).toEqual({ ok: true, value: 1234.5, currency: "GBP" });
    expect(parseMoney("1.234,50 EUR", ",")).toEqual({ ok: true, value: 1234.5, currency: "EUR" });
    expect(parseMoney("1.234,50", ",")).toEqual({ ok: true, value: 1234.5, currency: null });
  });

  it("compares symbols and codes as the same currency", () => {
    expect(currencyCodes("£")).toEqual(["GBP"]);
    expect(currencyCodes("eur")).toEqual(["EUR"]);
    expect(parseMoney("EUR 5,00", ",", "€")).toEqual({ ok: true, value: 5, currency: "EUR" });
    expect(parseMoney("€ 5,00", ",", "GBP")).toEqual({ ok: false, reason: "'€ 5,00' is in EUR, but this column's amounts are in GBP" });
  });

  it("refuses two currency symbols", () => {
    expect(parseMoney("€ 5,00 €", ",")).toEqual({ ok: false, reason: "'€ 5,00 €' is not an amount: it has more than one currency symbol" });
  });
});

describe("parseMoney: currency words and signs beyond the common symbols", () => {
  it("reads amounts with a currency word or sign before or after them, and space thousands", () => {
    const read = (text: string, decimal: DecimalSeparator = ","): unknown => parseMoney(text, decimal);
    expect(read("1 250,00 kr")).toEqual({ ok: true, value: 1250, currency: "kr" });
    expect(read("1 250,00 zł")).toEqual({ ok: true, value: 1250, currency: "PLN" });
    expect(read("R$ 1.234,56")).toEqual({ ok: true, value: 1234.56, currency: "BRL" });
    expect(read("€ 1.234,56")).toEqual({ ok: true, value: 1234.56, currency: "EUR" });
    expect(read("1.234,56 €")).toEqual({ ok: true, value: 1234.56, currency: "EUR" });
    expect(read("1\u00A0250,00\u00A0kr")).toEqual({ ok: true, value: 1250, currency: "kr" });
    expect(read("1\u202F250,00 Kč")).toEqual({ ok: true, value: 1250, currency: "CZK" });
    expect(read("Fr. 1'250.50", ".")).toEqual({ ok: true, value: 1250.5, currency: "CHF" });
    expect(read("US$ 5.00", ".")).toEqual({ ok: true, value: 5, currency: "USD" });
  });

  it("reads `12,-` as a whole amount, not as minus twelve; `12,00-` stays negative", () => {
    expect(parseMoney("€ 1.250,-", ",")).toEqual({ ok: true, value: 1250, currency: "EUR" });
    expect(parseLocaleNumber("12,--", ",")).toEqual({ ok: true, value: 12 });
    expect(parseLocaleNumber("12,00-", ",")).toEqual({ ok: true, value: -12 });
  });

  it("takes a sign of several currencies as agreeing with any of them, and names them when it does not", () => {
    expect(currencyCodes("kr")).toEqual(["SEK", "NOK", "DKK", "ISK"]);
    expect(parseMoney("1 250,00 kr", ",", "SEK")).toEqual({ ok: true, value: 1250, currency: "kr" });
    expect(parseMoney("1 250,00 kr", ",", "kr")).toEqual({ ok: true, value: 1250, currency: "kr" });
    expect(parseMoney("1 250,00 kr", ",", "EUR")).toEqual({
      ok: false,
      reason: "'1 250,00 kr' is in kr (SEK, NOK, DKK or ISK), but this column's amounts are in EUR",
    });
    expect(parseMoney("R$ 10,00", ",", "€")).toEqual({ ok: false, reason: "'R$ 10,00' is in BRL, but this column's amounts are in EUR" });
  });

  it("still refuses what is not an amount", () => {
    expect(parseMoney("1 250,00 krone kr", ",").ok).toBe(false);
    expect(parseMoney("R$ 1.234,56 €", ",")).toEqual({ ok: false, reason: "'R$ 1.234,56 €' is not an amount: it has more than one currency symbol" });
    expect(parseMoney("kr", ",").ok).toBe(false);
  });
});

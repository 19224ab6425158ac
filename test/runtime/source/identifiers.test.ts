/**
 * IBANs and VAT numbers as exports type them, checked against numbers published as valid (the
 * IBAN registry's examples; python-stdnum's documented examples for each country's VAT number),
 * each also mistyped by one digit.
 */
import { describe, expect, it } from "vitest";
import { readIban, readVat } from "../../../runtime/source/identifiers.js";

/** The number with its last digit changed (a Dutch number's before its branch suffix, which no check covers). */
function mistyped(text: string): string {
  const suffix = /B\d\d$/.exec(text);
  const index = suffix === null ? text.search(/\d(?=\D*$)/) : suffix.index - 1;
  const digit = Number(text.charAt(index));
  return `${text.slice(0, index)}${(digit + 1) % 10}${text.slice(index + 1)}`;
}

describe("readIban", () => {
  it.each([
    ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"],
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000"],
    ["nl91abna0417164300", "NL91ABNA0417164300"],
    ["FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"],
    ["PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874"],
  ])("writes %s as %s, and refuses it mistyped", (written, iban) => {
    expect(readIban(written, undefined)).toEqual({ ok: true, value: iban });
    expect(readIban(mistyped(written), undefined)).toEqual({
      ok: false,
      reason: `'${mistyped(written)}' is not an IBAN: its check digits do not match (a mistyped digit)`,
    });
  });

  it("takes Poland's NRB (the IBAN without PL) when the country is given, and only then", () => {
    expect(readIban("61 1090 1014 0000 0712 1981 2874", "PL")).toEqual({ ok: true, value: "PL61109010140000071219812874" });
    expect(readIban("61 1090 1014 0000 0712 1981 2874", undefined).ok).toBe(false);
    // A German account number is not an IBAN without its letters: it is not made into one.
    expect(readIban("0532013000", "DE").ok).toBe(false);
  });

  it("says what is wrong: the length for the country, an unknown country", () => {
    expect(readIban("DE89 3704 0044 0532 0130", undefined)).toEqual({
      ok: false,
      reason: "'DE89 3704 0044 0532 0130' is not an IBAN: DE IBANs have 22 characters, not 20",
    });
    expect(readIban("QQ89370400440532013000", undefined)).toEqual({
      ok: false,
      reason: "'QQ89370400440532013000' is not an IBAN: no country uses IBANs starting QQ",
    });
  });
});

describe("readVat", () => {
  it.each([
    ["PL 8567346215", undefined, "PL8567346215"],
    ["856-734-62-15", "PL", "PL8567346215"],
    ["DE 136,695 976", undefined, "DE136695976"],
    ["IT 00743110157", undefined, "IT00743110157"],
    ["0403019261", "BE", "BE0403019261"],
    ["PT 501 964 843", undefined, "PT501964843"],
    ["DK 13585628", undefined, "DK13585628"],
    ["NL004495445B01", undefined, "NL004495445B01"],
    ["Fr 40 303 265 045", undefined, "FR40303265045"],
    ["GR 094259216", undefined, "EL094259216"],
    ["FI 2077 4740", undefined, "FI20774740"],
    ["LU 150 274 42", undefined, "LU15027442"],
    ["HR33392005961", undefined, "HR33392005961"],
    ["HU-12892312", undefined, "HU12892312"],
    ["RO 185 472 90", undefined, "RO18547290"],
    ["18547290", "RO", "RO18547290"],
  ])("writes %s (country %s) as %s, and refuses it mistyped", (written, country, vat) => {
    expect(readVat(written.replace(",", ""), country)).toEqual({ ok: true, value: vat });
    const wrong = mistyped(written.replace(",", ""));
    expect(readVat(wrong, country)).toMatchObject({ ok: false, reason: expect.stringMatching(/check digit does not match/) });
  });

  it("checks a Swedish number's organisation number by Luhn, before its 01", () => {
    expect(readVat("SE 556188840401", undefined)).toEqual({ ok: true, value: "SE556188840401" });
    expect(readVat("SE 556188840501", undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/check digit does not match/) });
  });

  it("reads Hungary's domestic tax number as the VAT number it holds, and checks its digit", () => {
    expect(readVat("12892312-2-41", "HU")).toEqual({ ok: true, value: "HU12892312" });
    expect(readVat("HU 12892312-1-13", undefined)).toEqual({ ok: true, value: "HU12892312" });
    expect(readVat("12892313-2-41", "HU")).toMatchObject({ ok: false, reason: expect.stringMatching(/check digit does not match/) });
    expect(readVat("12892312-7-41", "HU")).toEqual({ ok: false, reason: "'12892312-7-41' is not a HU VAT number: its form is wrong" });
  });

  it("checks the form of countries whose check digit it does not compute, and keeps a prefix given in the value", () => {
    expect(readVat("ATU13585627", "PL")).toEqual({ ok: true, value: "ATU13585627" });
    expect(readVat("GR 094259216", undefined)).toEqual({ ok: true, value: "EL094259216" });
    expect(readVat("CHE-123.456.788 MWST", undefined)).toEqual({ ok: true, value: "CHE123456788MWST" });
    expect(readVat("123.456.788", "CH")).toEqual({ ok: true, value: "CHE123456788" });
    expect(readVat("ATU1358562", undefined)).toEqual({ ok: false, reason: "'ATU1358562' is not a AT VAT number: its form is wrong" });
  });

  it("needs a country for a number written without one", () => {
    expect(readVat("8567346215", undefined)).toEqual({ ok: false, reason: `'8567346215' has no country prefix and no country was given (vat("PL"))` });
    expect(readVat("QQ8567346215", undefined)).toEqual({
      ok: false,
      reason: "'QQ8567346215' is not a VAT number: QQ is not a country whose VAT numbers are known",
    });
  });
});

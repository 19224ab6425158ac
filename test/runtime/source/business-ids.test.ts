/**
 * National business IDs as exports type them, checked against numbers published as valid
 * (python-stdnum's documented examples for each country), each also mistyped by one digit.
 */
import { describe, expect, it } from "vitest";
import { readBusinessId } from "../../../runtime/source/business-ids.js";

describe("readBusinessId", () => {
  it.each([
    ["FI", "2077474-0", "2077474-0", "2077474-1"],
    ["FI", "FI20774740", "2077474-0", "FI20774741"],
    ["FI", "20774740", "2077474-0", "20774741"],
    ["SE", "123456-7897", "123456-7897", "123456-7898"],
    ["SE", "SE123456789701", "123456-7897", "SE123456789801"],
    ["NO", "988 077 917", "988077917", "988 077 918"],
    ["NO", "NO 988077917 MVA", "988077917", "NO 988077918 MVA"],
    ["DK", "13 58 56 28", "13585628", "13 58 56 29"],
    ["BE", "BE 0403.019.261", "0403.019.261", "BE 0403.019.262"],
    ["BE", "403019261", "0403.019.261", "403019262"],
    ["PL", "856-734-62-15", "8567346215", "856-734-62-16"],
    ["IT", "00743110157", "00743110157", "00743110158"],
    ["PT", "501 964 843", "501964843", "501 964 844"],
    // Hungary's last two digits are the county, which no check covers: the VAT number's own is mistyped.
    ["HU", "12892312-2-41", "12892312-2-41", "12892313-2-41"],
    // Romania's CUI, with or without RO, from two digits to ten.
    ["RO", " RO 185 472 90", "18547290", "185 472 91"],
    ["RO", "ro19", "19", "18"],
  ])("reads the %s ID %s as %s, and refuses %s", (country, written, printed, mistyped) => {
    expect(readBusinessId(written, country)).toEqual({ ok: true, value: printed });
    expect(readBusinessId(mistyped, country)).toEqual({ ok: false, reason: expect.stringContaining("its check digit does not match") });
  });

  it("says what is wrong with a value of the wrong form, and with a country it does not know", () => {
    expect(readBusinessId("1234", "FI")).toEqual({ ok: false, reason: "'1234' is not a business ID of FI (Y-tunnus): its form is wrong" });
    expect(readBusinessId("1234567-8", "EE")).toEqual({ ok: false, reason: expect.stringContaining("there is no business ID of EE that the reader knows") });
  });

  it("refuses a Y-tunnus whose remainder leaves no check digit", () => {
    // 1000000: 7 x 1 = 7, remainder 7, check 4; 1000004 is right, and no digit makes a remainder of 1 right.
    expect(readBusinessId("1000000-4", "FI")).toEqual({ ok: true, value: "1000000-4" });
    expect(readBusinessId("0000010-0", "FI").ok).toBe(false);
  });
});

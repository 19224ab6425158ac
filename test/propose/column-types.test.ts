import { describe, expect, it } from "vitest";
import { declaredType, groupThousands, guessColumnType, placeholderModifier, readStep } from "../../propose/column-types.js";

function dates(count: number, format: (day: number, month: number) => string): string[] {
  return Array.from({ length: count }, (_, index) => format((index % 28) + 1, (index % 12) + 1));
}

const pad = (value: number): string => String(value).padStart(2, "0");

describe("guessColumnType", () => {
  it("reads the issue's example: 998 dates and 2 blanks", () => {
    const values = [...dates(998, (day, month) => `${pad(day)}-${pad(month)}-2025`), "", "  "];
    const guess = guessColumnType(values);
    expect(guess).toMatchObject({ type: "date", pattern: "dd-MM-yyyy", total: 1000, blank: 2, parsed: 998, failed: 0 });
    expect(guess.evidence).toBe("998 of 1,000 values parse as dd-MM-yyyy; 2 blank");
  });

  it("reads Hungarian days, closed with a dot and written with spaces as Windows writes them", () => {
    expect(guessColumnType(dates(30, (day, month) => `2024.${pad(month)}.${pad(day)}.`))).toMatchObject({ type: "date", pattern: "yyyy.MM.dd.", failed: 0 });
    expect(guessColumnType(dates(30, (day, month) => `2025. ${pad(month)}. ${pad(day)}.`))).toMatchObject({ type: "date", pattern: "yyyy. MM. dd.", failed: 0 });
    expect(guessColumnType(dates(30, (day, month) => `2025.${pad(month)}.${pad(day)}. 10:30`))).toMatchObject({ type: "datetime", pattern: "yyyy.MM.dd. HH:mm" });
  });

  it("reads phone numbers written grouped, with their country code, and without spaces, as phones, not whole numbers", () => {
    expect(guessColumnType(["+420 603 123 456", "603123456", "542 123 456", "+420 516 125 385", "777232595", "", "731 859 072"])).toMatchObject({ type: "phone" });
    // Amounts in groups differ in size and carry no country code.
    expect(guessColumnType(["1 250 000 000", "125000000", "2 300 000 000"]).type).not.toBe("phone");
  });

  it("reads Czech and Slovak days and moments, a space after each dot and the day, month and hour unpadded", () => {
    expect(guessColumnType(dates(30, (day, month) => `${day}. ${month}. 2025`))).toMatchObject({ type: "date", pattern: "d. M. yyyy", failed: 0 });
    expect(guessColumnType(dates(30, (day, month) => `${day}. ${month}. 2025 ${month % 10}:05`))).toMatchObject({ type: "datetime", pattern: "d. M. yyyy HH:mm", failed: 0 });
  });

  it("proposes the majority format, names the outliers, and reads such a column as text converted with a flag", () => {
    const values = [...dates(40, (day, month) => `${pad(day)}/${pad(month)}/2024`), "2024-05-17", "31/02/2024", "", "29/02/2023"];
    const guess = guessColumnType(values);
    // ISO dates read in any source.
    expect(guess).toMatchObject({ type: "date", pattern: "dd/MM/yyyy", total: 44, blank: 1, parsed: 41, failed: 2, failures: ["31/02/2024", "29/02/2023"] });
    expect([declaredType(guess), readStep(guess)]).toEqual(["text", 'date("dd/MM/yyyy", "flag")']);
    expect(guess.evidence).toBe(
      "41 of 44 values parse as dd/MM/yyyy; 1 blank; 2 do not ('31/02/2024', '29/02/2023'), so it is declared text: where the map converts it, on_invalid \"flag\" leaves a bad value's field empty and reports it",
    );
  });

  it("tells placeholders for no value from outliers, and declares them on the column (empty when)", () => {
    const values = [...dates(30, (day, month) => `${pad(day)}.${pad(month)}.2024`), "00.00.0000", "TBC", "00.00.0000", "31.02.2024"];
    const guess = guessColumnType(values);
    expect(guess).toMatchObject({ type: "date", pattern: "dd.MM.yyyy", parsed: 30, failed: 1, failures: ["31.02.2024"] });
    expect(guess.placeholders).toEqual([
      { value: "00.00.0000", count: 2 },
      { value: "TBC", count: 1 },
    ]);
    expect(guess.evidence).toBe(
      "30 of 34 values parse as dd.MM.yyyy; 3 are '00.00.0000', 'TBC', written for no value: declared with `empty when`, they are read as blank; 1 do not ('31.02.2024'), so it is declared text: where the map converts it, on_invalid \"flag\" leaves a bad value's field empty and reports it",
    );
    expect([declaredType(guess), readStep(guess), placeholderModifier(guess)]).toEqual([
      "text",
      'date("dd.MM.yyyy", "flag")',
      'empty when "00.00.0000", "TBC"',
    ]);
    // Placeholders alone: the column keeps its type, and every other value reads.
    const amounts = guessColumnType(["1.250,00", "k.A.", "300,50", "k.A.", "12.000,00"]);
    expect(amounts).toMatchObject({ type: "decimal", decimal: ",", failed: 0, placeholders: [{ value: "k.A.", count: 2 }] });
    expect([declaredType(amounts), readStep(amounts), placeholderModifier(amounts)]).toEqual(["decimal", undefined, 'empty when "k.A."']);
    // A column of dates and "0000-00-00" is a column of dates, not of phone numbers.
    expect(guessColumnType(["0000-00-00", "2024-05-01", "0000-00-00", "2024-06-11"])).toMatchObject({ type: "date", pattern: "yyyy-MM-dd" });
    // In a text column a placeholder is a value like the others.
    const text = guessColumnType(["Acme Ltd", "-", "Bolt plc"]);
    expect([text.type, declaredType(text), placeholderModifier(text)]).toEqual(["text", "text", ""]);
  });

  it("keeps dates with one impossible day as dates, although digits and slashes also read as a phone number", () => {
    const values = [...dates(20, (day, month) => `${pad(day)}/${pad(month)}/2025`), "31/02/2024"];
    expect(guessColumnType(values)).toMatchObject({ type: "date", pattern: "dd/MM/yyyy", failed: 1, failures: ["31/02/2024"] });
  });

  it("lists an ambiguous day-month order as an alternative and takes the day first", () => {
    expect(guessColumnType(["01/02/2024", "03/04/2024", "11/12/2024"])).toMatchObject({ type: "date", pattern: "dd/MM/yyyy", alternatives: ["MM/dd/yyyy"] });
    expect(guessColumnType(["01/02/2024", "03/04/2024", "11/12/2024"]).evidence).toBe("3 of 3 values parse as dd/MM/yyyy; also fits MM/dd/yyyy");
    expect(guessColumnType(["12/31/2024", "01/15/2025"])).toMatchObject({ type: "date", pattern: "MM/dd/yyyy", alternatives: [] });
  });

  it("detects date-times with and without seconds, and ISO 8601", () => {
    expect(guessColumnType(["10/09/2018 12:59", "30/11/2018 16:02", ""])).toMatchObject({ type: "datetime", pattern: "dd/MM/yyyy HH:mm", blank: 1 });
    expect(guessColumnType(["2024-03-01 10:00:15", "2024-03-02 23:59:59"])).toMatchObject({ type: "datetime", pattern: "yyyy-MM-dd HH:mm:ss" });
    const iso = guessColumnType(["2024-03-01T10:00:00Z", "2024-03-02T11:30:00+01:00"]);
    expect(iso.type).toBe("datetime");
    expect(iso.pattern).toBeUndefined();
    expect(iso.evidence).toBe("2 of 2 values parse as ISO 8601 date-times");
  });

  it("tells a decimal comma from a decimal point, and money by its currency", () => {
    expect(guessColumnType(["12.500,00", "5.500,00", "300,00"])).toMatchObject({ type: "decimal", decimal: "," });
    expect(guessColumnType(["1,234.50", "12.5", "300"])).toMatchObject({ type: "decimal", decimal: "." });
    const pounds = guessColumnType(["£339,000.00", "", "£1,250.50"]);
    expect(pounds).toMatchObject({ type: "money", decimal: ".", currency: "GBP" });
    expect(pounds.evidence).toBe("2 of 3 values parse as amounts in GBP with decimal '.'; 1 blank");
    expect(guessColumnType(["€ 1.234,50", "€ 12,00"])).toMatchObject({ type: "money", decimal: ",", currency: "EUR" });
  });

  it("detects an Italian ERP export's amounts in currency words, dotted dates and times written 9.30", () => {
    expect(guessColumnType(["1\u00A0250,00 kr", "12,00 kr", "", "3\u202F400,50 kr"])).toMatchObject({ type: "money", decimal: ",", currency: "kr" });
    expect(guessColumnType(["1 250,00 zł", "99,99 zł"])).toMatchObject({ type: "money", decimal: ",", currency: "PLN" });
    expect(guessColumnType(["R$ 1.234,56", "R$ 10,00"])).toMatchObject({ type: "money", decimal: ",", currency: "BRL" });
    expect(guessColumnType(["2024.03.09", "2023.12.31"])).toMatchObject({ type: "date", pattern: "yyyy.MM.dd" });
    expect(guessColumnType(["09.03.24", "31.12.99", "01.01.30"])).toMatchObject({ type: "date", pattern: "dd.MM.yy" });
    expect(guessColumnType(["09.03.2024 9.30", "31.12.2023 17.05"])).toMatchObject({ type: "datetime", pattern: "dd.MM.yyyy H.mm" });
  });

  it("reads amounts in a currency's code after them, a few bare numbers among them, as one money column", () => {
    const amounts = Array.from({ length: 16 }, (_, index) => `${12 + index * 7}.500,00 RON`);
    const guess = guessColumnType([...amounts, "279500", "9500", "142000", "N/A", "N/A"]);
    expect(guess).toMatchObject({ type: "money", decimal: ",", failed: 0 });
    expect(guessColumnType(["12.500,00 BGN", "3.000,50 BGN"])).toMatchObject({ type: "money", decimal: "," });
    // Bare numbers alone, or most of a column, are no amounts of money.
    const bareMostly = [...Array.from({ length: 14 }, (_, index) => `${1000 + index * 13}`), "12,50 RON", "13,00 RON"];
    expect(guessColumnType(bareMostly).type).not.toBe("money");
  });

  it("keeps whole numbers with a few bad values, but not when the bad ones are too many", () => {
    const ids = Array.from({ length: 30 }, (_, index) => String(1001 + index * 3));
    const tolerant = guessColumnType([...ids, "abc", "12.5.0"]);
    expect(tolerant).toMatchObject({ type: "integer", parsed: 30, failed: 2, failures: ["abc", "12.5.0"] });
    expect(tolerant.evidence).toBe(
      "30 of 32 values parse as whole numbers; 2 do not ('abc', '12.5.0'), so it is declared text: where the map converts it, on_invalid \"flag\" leaves a bad value's field empty and reports it",
    );
    expect(readStep(tolerant)).toBe('integer("flag")');
    expect(guessColumnType([...ids.slice(0, 8), "abc", "1,2,3", "?x"]).type).toBe("text");
    // Without outliers a column is declared with its type; date-times cannot flag, so theirs reject.
    expect(declaredType(guessColumnType(ids))).toBe("integer");
    expect(readStep({ type: "datetime", pattern: "dd/MM/yyyy HH:mm", failed: 2, placeholders: [] })).toBeUndefined();
  });

  it("wants every value to fit in a short column: one outlier in a few values is too much evidence, a placeholder is none", () => {
    expect(guessColumnType(["12", "40", "twelve"]).type).toBe("text");
    expect(guessColumnType(["12", "40", "n.v.t."])).toMatchObject({ type: "integer", placeholders: [{ value: "n.v.t.", count: 1 }] });
  });

  it("reads yes/no in English and Dutch, but not 0 and 1 alone", () => {
    expect(guessColumnType(["ja", "nee", "ja", ""])).toMatchObject({ type: "boolean", blank: 1 });
    expect(guessColumnType(["ja", "nee", "ja"]).evidence).toBe("3 of 3 values parse as yes/no (ja/nee)");
    expect(guessColumnType(["yes", "no", "Yes"]).type).toBe("boolean");
    expect(guessColumnType(["0", "1", "1"]).type).toBe("integer");
  });

  it("reads yes/no in German and French too, and says which words the source must name", () => {
    expect(guessColumnType(["ja", "nein", "ja"])).toMatchObject({ type: "boolean", booleanWords: { true: ["ja"], false: ["nein"] } });
    expect(guessColumnType(["Oui", "Non", ""])).toMatchObject({ type: "boolean", blank: 1, booleanWords: { true: ["oui"], false: ["non"] } });
    expect(guessColumnType(["Oui", "Non", "Peut-être"]).type).toBe("text");
  });

  it("reads one-letter yes/no flags of Turkish ERPs (E/H) and says which words the source must name", () => {
    expect(guessColumnType(["E", "H", "H", ""])).toMatchObject({ type: "boolean", blank: 1, booleanWords: { true: ["e"], false: ["h"] } });
    expect(guessColumnType(["E", "H", "K"]).type).toBe("text");
  });

  it("reads a column of moments beside days alone (a to-do's time, a task's day) as datetimes in either pattern", () => {
    const values = dates(30, (day, month) => (day % 3 === 0 ? `2025.${pad(month)}.${pad(day)}.` : `2025.${pad(month)}.${pad(day)}. 10:30`));
    expect(guessColumnType(values)).toMatchObject({ type: "datetime", pattern: "yyyy.MM.dd. HH:mm|yyyy.MM.dd.", failed: 0 });
  });

  it("reads moments with the word for o'clock between day and time (Finnish klo, Nordic kl.), a day alone among them", () => {
    expect(guessColumnType(["7.8.2025 klo 14.30", "8.8.2025 klo 9.15", ""])).toMatchObject({ type: "datetime", pattern: "dd.MM.yyyy 'klo' H.mm" });
    expect(guessColumnType(["07.08.2025 kl. 14:30", "08.08.2025 kl. 09:15"])).toMatchObject({ type: "datetime", pattern: "dd.MM.yyyy 'kl.' HH:mm" });
    expect(guessColumnType(["2025-08-07 kl 14.30", "2025-08-08 kl 9.15"])).toMatchObject({ type: "datetime", pattern: "yyyy-MM-dd 'kl' H.mm" });
    // One task's day alone in twenty moments: read as both patterns, not left to a column without a read step.
    const values = dates(20, (day, month) => (day === 9 ? `${day}.${month}.2025` : `${day}.${month}.2025 klo 10.30`));
    expect(guessColumnType(values)).toMatchObject({ type: "datetime", pattern: "dd.MM.yyyy 'klo' H.mm|dd.MM.yyyy", failed: 0 });
  });

  it("reads one-letter yes/no flags of Hungarian invoicing programs (I/N)", () => {
    expect(guessColumnType(["I", "N", "N", ""])).toMatchObject({ type: "boolean", blank: 1, booleanWords: { true: ["i"], false: ["n"] } });
  });

  it("keeps codes of fixed-width digits as text, leading zeros included, but not quantities", () => {
    const registry = guessColumnType(["91018784", "12345678", "", "00456789"]);
    expect(registry).toMatchObject({ type: "text", blank: 1 });
    expect(registry.evidence).toBe("3 of 4 values are 8 digits: a code, kept as text; 1 blank");
    expect(guessColumnType(["125000", "98000", "1250000"]).type).toBe("integer");
    expect(guessColumnType(["06-12345678", "06-90024600"]).type).toBe("phone");
    // Post codes of several lengths, some with a leading zero.
    expect(guessColumnType(["80234", "04066", "1010", "01067"]).type).toBe("text");
    // Finnish e-invoice addresses (OVT codes) of 12 and 16 digits, every one with its leading zeros:
    // no quantity, and no vote for the file's decimal separator.
    expect(guessColumnType(["003738678386", "0037010773920013", "003726690767", "0037132223150002"]).type).toBe("text");
    // More digits than a number holds exactly (a bank account) are a code, zero or not.
    expect(guessColumnType(["1234567890123456", "9876543210987654", "1111222233334444"]).type).toBe("text");
    // A register number is no amount, though `HRB` has the shape of a currency code.
    expect(guessColumnType(["HRB 26762", "HRA 3370", "HRB 24259"]).type).toBe("text");
    expect(guessColumnType(["EUR 1.250,00", "EUR 300,00"])).toMatchObject({ type: "money", currency: "EUR" });
  });

  it("recognises e-mail addresses, phone numbers, web addresses and file paths", () => {
    expect(guessColumnType(["info@example.nl", "Jan@Example.NL"]).type).toBe("email");
    expect(guessColumnType(["0115 496 0012", "+353 1 555 0917", "010-4567890"]).type).toBe("phone");
    // Mobile numbers in groups of digits read as whole numbers with thousands separators, but are none (Czech, Hungarian).
    expect(guessColumnType(["601 234 567", "777 123 456", "+420 603 111 222", "732 555 010"]).type).toBe("phone");
    expect(guessColumnType(["20 123 4567", "30 987 6543", "70 555 0101"]).type).toBe("phone");
    expect(guessColumnType(["1 250 000", "98 000", "12 500 000"]).type).toBe("integer");
    // Post codes of five digits and three (Brazil's CEP) have a phone number's digits and dash, but are none.
    expect(guessColumnType(["13113-338", "13112-905", "20041-036", "14031-098", "01310-100"]).type).toBe("text");
    // A bank account in groups of four has too many digits for a phone number.
    expect(guessColumnType(["61 1090 1014 0000 0712 1981 2874", "27 1140 2004 0000 3602 7654 3210", "10 2030 4050 6070 8090 1020 3040"]).type).not.toBe(
      "phone",
    );
    expect(guessColumnType(["www.example.nl", "https://acme.co.uk"]).type).toBe("url");
    expect(guessColumnType(["bestanden\\50001-offerte.pdf", "bestanden\\50004-garantie.pdf"]).type).toBe("file");
  });

  it("keeps multi-line values and free text as text, with their size", () => {
    const notes = guessColumnType(["Called the client.\nAgreed a fee.", "Waiting for searches."]);
    expect(notes).toMatchObject({ type: "text", multiline: true, maxLength: 32, distinct: 2 });
    expect(guessColumnType(["Construction", "Retail", "", "Retail"]).evidence).toBe("text, 2 distinct values in 4 rows; 1 blank");
  });

  it("says when a column is blank throughout", () => {
    expect(guessColumnType(["", " ", ""])).toMatchObject({ type: "text", blank: 3 });
    expect(guessColumnType(["", " ", ""]).evidence).toBe("all 3 values are blank");
  });
});

describe("groupThousands", () => {
  it("groups digits by three whatever the locale", () => {
    expect([0, 999, 1000, 1234567].map(groupThousands)).toEqual(["0", "999", "1,000", "1,234,567"]);
  });
});

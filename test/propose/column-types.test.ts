import { describe, expect, it } from "vitest";
import { declaredType, groupThousands, guessColumnType, readStep } from "../../propose/column-types.js";

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

  it("proposes the majority format, names the outliers, and reads such a column as text converted with a flag", () => {
    const values = [...dates(40, (day, month) => `${pad(day)}/${pad(month)}/2024`), "2024-05-17", "TBC", "31/02/2024", "", "TBC"];
    const guess = guessColumnType(values);
    expect(guess).toMatchObject({ type: "date", pattern: "dd/MM/yyyy", total: 45, blank: 1, parsed: 41, failed: 3, failures: ["TBC", "31/02/2024"] });
    expect([declaredType(guess), readStep(guess)]).toEqual(["text", 'date("dd/MM/yyyy", "flag")']);
    expect(guess.evidence).toBe(
      "41 of 45 values parse as dd/MM/yyyy; 1 blank; 3 do not ('TBC', '31/02/2024', …), so it is read as text and converted in the map with on_invalid \"flag\": a bad value leaves its field empty and is reported",
    );
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

  it("keeps whole numbers with a few bad values, but not when the bad ones are too many", () => {
    const ids = Array.from({ length: 30 }, (_, index) => String(1001 + index * 3));
    const tolerant = guessColumnType([...ids, "abc", "n/a"]);
    expect(tolerant).toMatchObject({ type: "integer", parsed: 30, failed: 2, failures: ["abc", "n/a"] });
    expect(tolerant.evidence).toBe(
      "30 of 32 values parse as whole numbers; 2 do not ('abc', 'n/a'), so it is read as text and converted in the map with on_invalid \"flag\": a bad value leaves its field empty and is reported",
    );
    expect(readStep(tolerant)).toBe('integer("flag")');
    expect(guessColumnType([...ids.slice(0, 8), "abc", "n/a", "?"]).type).toBe("text");
    // Without outliers a column is declared with its type; date-times cannot flag, so theirs reject.
    expect(declaredType(guessColumnType(ids))).toBe("integer");
    expect(readStep({ type: "datetime", pattern: "dd/MM/yyyy HH:mm", failed: 2 })).toBeUndefined();
  });

  it("wants every value to fit in a short column: one outlier in a few values is too much evidence", () => {
    expect(guessColumnType(["12", "40", "n.v.t."]).type).toBe("text");
  });

  it("reads yes/no in English and Dutch, but not 0 and 1 alone", () => {
    expect(guessColumnType(["ja", "nee", "ja", ""])).toMatchObject({ type: "boolean", blank: 1 });
    expect(guessColumnType(["ja", "nee", "ja"]).evidence).toBe("3 of 3 values parse as yes/no (ja/nee)");
    expect(guessColumnType(["yes", "no", "Yes"]).type).toBe("boolean");
    expect(guessColumnType(["0", "1", "1"]).type).toBe("integer");
  });

  it("keeps codes of fixed-width digits as text, leading zeros included, but not quantities", () => {
    const registry = guessColumnType(["91018784", "12345678", "", "00456789"]);
    expect(registry).toMatchObject({ type: "text", blank: 1 });
    expect(registry.evidence).toBe("3 of 4 values are 8 digits: a code, kept as text; 1 blank");
    expect(guessColumnType(["125000", "98000", "1250000"]).type).toBe("integer");
    expect(guessColumnType(["06-12345678", "06-90024600"]).type).toBe("phone");
  });

  it("recognises e-mail addresses, phone numbers, web addresses and file paths", () => {
    expect(guessColumnType(["info@example.nl", "Jan@Example.NL"]).type).toBe("email");
    expect(guessColumnType(["0115 496 0012", "+353 1 555 0917", "010-4567890"]).type).toBe("phone");
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

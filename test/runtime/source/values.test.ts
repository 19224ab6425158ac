import { describe, expect, it } from "vitest";
import type { ColumnType } from "../../../language/column-types.js";
import { parseCell, valueFormat, valueFormatProblems, type ParsedCell } from "../../../runtime/source/values.js";

const perfectView = valueFormat({
  date: "dd-MM-yyyy",
  datetime: "dd-MM-yyyy HH:mm",
  timezone: "Europe/Amsterdam",
  decimal: ",",
  currency: "€",
});
const perfectBooks = valueFormat({
  date: "dd/MM/yyyy",
  datetime: "dd/MM/yyyy HH:mm",
  timezone: "Europe/London",
  decimal: ".",
  currency: "£",
});

function value(v: string | number | boolean): ParsedCell {
  return { kind: "value", value: v };
}

function invalid(reason: string): ParsedCell {
  return { kind: "invalid", reason };
}

describe("parseCell: blank cells", () => {
  const types: ColumnType[] = ["text", "integer", "decimal", "money", "date", "datetime", "boolean", "email", "phone", "url", "file"];
  it.each(types)("%s: blank and whitespace-only are empty, never false or zero", (type) => {
    expect(parseCell(type, "", perfectView)).toEqual({ kind: "empty" });
    expect(parseCell(type, "  \t\u00A0", perfectView)).toEqual({ kind: "empty" });
  });
});

describe("parseCell: text", () => {
  it("keeps the text exactly, surrounding whitespace and inner newlines included (the mapping's trim decides)", () => {
    expect(parseCell("text", "  Café Zoë ", perfectView)).toEqual(value("  Café Zoë "));
    expect(parseCell("text", "line one\r\nline two", perfectView)).toEqual(value("line one\r\nline two"));
  });
});

describe("parseCell: dates", () => {
  it("reads dd-MM-yyyy and dd/MM/yyyy into Odoo's YYYY-MM-DD", () => {
    expect(parseCell("date", "05-03-2024", perfectView)).toEqual(value("2024-03-05"));
    expect(parseCell("date", "05/03/2024", perfectBooks)).toEqual(value("2024-03-05"));
    expect(parseCell("date", " 5-3-2024 ", perfectView)).toEqual(value("2024-03-05"));
  });

  it("always accepts ISO dates too", () => {
    expect(parseCell("date", "2024-03-05", perfectView)).toEqual(value("2024-03-05"));
  });

  it("rejects a day that does not exist, saying why", () => {
    expect(parseCell("date", "31-02-2024", perfectView)).toEqual(invalid("'31-02-2024' is not a date: February 2024 has 29 days (format dd-MM-yyyy)"));
    expect(parseCell("date", "29-02-2023", perfectView)).toEqual(invalid("'29-02-2023' is not a date: February 2023 has 28 days (format dd-MM-yyyy)"));
    expect(parseCell("date", "12-13-2024", perfectView)).toEqual(invalid("'12-13-2024' is not a date: there is no month 13 (format dd-MM-yyyy)"));
    expect(parseCell("date", "29-02-2024", perfectView)).toEqual(value("2024-02-29"));
  });

  it("rejects a value in another format", () => {
    expect(parseCell("date", "05/03/2024", perfectView)).toEqual(invalid("'05/03/2024' is not a date in the format dd-MM-yyyy"));
    expect(parseCell("date", "gisteren", perfectView)).toEqual(invalid("'gisteren' is not a date in the format dd-MM-yyyy"));
  });

  it("points out a two-digit year under a four-digit pattern, and reads it under a two-digit one", () => {
    expect(parseCell("date", "31-12-24", perfectView)).toEqual(
      invalid("'31-12-24' is not a date in the format dd-MM-yyyy: it has a two-digit year (declare the format dd-MM-yy if the export writes years that way)"),
    );
    const twoDigit = valueFormat({ date: "dd-MM-yy" });
    expect(parseCell("date", "31-12-24", twoDigit)).toEqual(value("2024-12-31"));
    expect(parseCell("date", "01-01-29", twoDigit)).toEqual(value("2029-01-01"));
    expect(parseCell("date", "01-01-30", twoDigit)).toEqual(value("1930-01-01"));
    expect(parseCell("date", "01-01-1975", twoDigit)).toEqual(value("1975-01-01"));
  });

  it("accepts a midnight time in a date column and refuses any other time", () => {
    expect(parseCell("date", "31-12-2024 00:00", perfectView)).toEqual(value("2024-12-31"));
    expect(parseCell("date", "31-12-2024 00:00:00", perfectView)).toEqual(value("2024-12-31"));
    expect(parseCell("date", "31-12-2024 14:30", perfectView)).toEqual(
      invalid("'31-12-2024 14:30' is not a date: it has a time of day, and this column is a date (declare it datetime to keep the time) (format dd-MM-yyyy)"),
    );
  });
});

describe("parseCell: datetimes become UTC", () => {
  it("converts local export times with the zone's offset (summer and winter)", () => {
    expect(parseCell("datetime", "15-06-2024 14:00", perfectView)).toEqual(value("2024-06-15 12:00:00"));
    expect(parseCell("datetime", "15-01-2024 14:00", perfectView)).toEqual(value("2024-01-15 13:00:00"));
    expect(parseCell("datetime", "15/06/2024 14:00", perfectBooks)).toEqual(value("2024-06-15 13:00:00"));
    expect(parseCell("datetime", "15/01/2024 14:00", perfectBooks)).toEqual(value("2024-01-15 14:00:00"));
  });

  it("honours an explicit ISO offset or Z over the declared zone", () => {
    expect(parseCell("datetime", "2024-06-15T14:00:00+05:30", perfectView)).toEqual(value("2024-06-15 08:30:00"));
    expect(parseCell("datetime", "2024-06-15T14:00:00Z", perfectView)).toEqual(value("2024-06-15 14:00:00"));
    expect(parseCell("datetime", "2024-06-15 14:00:59.999", perfectView)).toEqual(value("2024-06-15 12:00:59"));
  });

  it("tries each pattern of A|B in turn: a moment, or a day alone as local midnight", () => {
    const budapest = valueFormat({ date: "yyyy. MM. dd.", datetime: "yyyy.MM.dd. HH:mm|yyyy.MM.dd.", timezone: "Europe/Budapest" });
    expect(parseCell("datetime", "2025.07.21. 10:30", budapest)).toEqual(value("2025-07-21 08:30:00"));
    expect(parseCell("datetime", "2025.07.21.", budapest)).toEqual(value("2025-07-20 22:00:00"));
    expect(parseCell("datetime", "2025.02.30.", budapest)).toEqual(invalid("'2025.02.30.' is not a date and time: February 2025 has 28 days (format yyyy.MM.dd. HH:mm|yyyy.MM.dd.)"));
    const twoWays = valueFormat({ date: "dd/MM/yyyy|yyyy.MM.dd." });
    expect(parseCell("date", "21/07/2025", twoWays)).toEqual(value("2025-07-21"));
    expect(parseCell("date", "2025.07.21.", twoWays)).toEqual(value("2025-07-21"));
    expect(parseCell("date", "21-07-2025", twoWays)).toEqual(invalid("'21-07-2025' is not a date in the format dd/MM/yyyy|yyyy.MM.dd."));
    expect(valueFormatProblems(valueFormat({ date: "dd/MM/yyyy|" }))).toEqual(["date pattern 'dd/MM/yyyy|' has an empty alternative between its '|'"]);
    expect(valueFormatProblems(valueFormat({ date: "dd/MM/yyyy|yyyy-MM-dd HH:mm" }))).toEqual([
      "date pattern 'dd/MM/yyyy|yyyy-MM-dd HH:mm' has a time in it; use it as the datetime pattern",
    ]);
    expect(parseCell("date", "21|07|2025", valueFormat({ date: "dd'|'MM'|'yyyy" }))).toEqual(value("2025-07-21"));
  });

  it("reads a bare date in a datetime column as local midnight", () => {
    expect(parseCell("datetime", "15-06-2024", perfectView)).toEqual(value("2024-06-14 22:00:00"));
  });

  it("resolves clock changes: a skipped time moves forward, a repeated time is the first one", () => {
    // Amsterdam skipped 02:00-03:00 on 31 March 2024 and repeated 02:00-03:00 on 27 October 2024.
    expect(parseCell("datetime", "31-03-2024 02:30", perfectView)).toEqual(value("2024-03-31 01:30:00"));
    expect(parseCell("datetime", "27-10-2024 02:30", perfectView)).toEqual(value("2024-10-27 00:30:00"));
  });

  it("rejects impossible times with the reason", () => {
    expect(parseCell("datetime", "15-06-2024 25:00", perfectView)).toEqual(
      invalid("'15-06-2024 25:00' is not a date and time: there is no hour 25 (format dd-MM-yyyy HH:mm)"),
    );
    expect(parseCell("datetime", "31-02-2024 10:00", perfectView)).toEqual(
      invalid("'31-02-2024 10:00' is not a date and time: February 2024 has 29 days (format dd-MM-yyyy HH:mm)"),
    );
  });

  it("reads 12-hour clocks with AM/PM", () => {
    const format = valueFormat({ datetime: "dd/MM/yyyy h:mm a", timezone: "UTC" });
    expect(parseCell("datetime", "01/02/2024 3:45 PM", format)).toEqual(value("2024-02-01 15:45:00"));
    expect(parseCell("datetime", "01/02/2024 12:05 am", format)).toEqual(value("2024-02-01 00:05:00"));
  });

  it("reads the words other languages write for AM and PM, with or without dots and spaces", () => {
    const format = valueFormat({ datetime: "d/M/yyyy h:mm a", timezone: "UTC" });
    expect(parseCell("datetime", "4/3/2025 4:30 μ.μ.", format)).toEqual(value("2025-03-04 16:30:00"));
    expect(parseCell("datetime", "4/3/2025 11:15 π.μ.", format)).toEqual(value("2025-03-04 11:15:00"));
    expect(parseCell("datetime", "4/3/2025 12:05 ΜΜ", format)).toEqual(value("2025-03-04 12:05:00"));
    expect(parseCell("datetime", "4/3/2025 3:45 p. m.", format)).toEqual(value("2025-03-04 15:45:00"));
    expect(parseCell("datetime", "4/3/2025 9:00 em", format)).toEqual(value("2025-03-04 21:00:00"));
    expect(parseCell("datetime", "4/3/2025 9:00 du.", format)).toEqual(value("2025-03-04 21:00:00"));
    expect(parseCell("datetime", "4/3/2025 9:00 xx", format)).toEqual(invalid("'4/3/2025 9:00 xx' is not a date and time in the format d/M/yyyy h:mm a"));
    const korean = valueFormat({ datetime: "yyyy-MM-dd a h:mm", timezone: "UTC" });
    expect(parseCell("datetime", "2025-03-04 오후 3:10", korean)).toEqual(value("2025-03-04 15:10:00"));
  });
});

describe("parseCell: numbers and money", () => {
  it("reads decimal comma with thousands dots, and decimal point with thousands commas", () => {
    expect(parseCell("decimal", "1.234,50", perfectView)).toEqual(value(1234.5));
    expect(parseCell("decimal", "1.234.567,891", perfectView)).toEqual(value(1234567.891));
    expect(parseCell("decimal", "1,234.50", perfectBooks)).toEqual(value(1234.5));
    expect(parseCell("decimal", "1 234,50", perfectView)).toEqual(value(1234.5));
    expect(parseCell("decimal", "-0,5", perfectView)).toEqual(value(-0.5));
  });

  it("refuses a number written with the other decimal separator instead of misreading it", () => {
    expect(parseCell("decimal", "12,5", perfectBooks)).toEqual(
      invalid("'12,5' is not a number with a decimal point; it looks like it uses a decimal comma, but this column's decimal separator is '.'"),
    );
    expect(parseCell("decimal", "1.5", perfectView)).toEqual(
      invalid("'1.5' is not a number with a decimal comma; it looks like it uses a decimal point, but this column's decimal separator is ','"),
    );
    expect(parseCell("decimal", "1.23.4", perfectView).kind).toBe("invalid");
  });

  it("integers accept grouping and a zero fraction, not a real fraction", () => {
    expect(parseCell("integer", "1.234", perfectView)).toEqual(value(1234));
    expect(parseCell("integer", "12,00", perfectView)).toEqual(value(12));
    expect(parseCell("integer", "12,5", perfectView)).toEqual(invalid("'12,5' is not a whole number"));
  });

  it('reads a percentage as the number before its sign when the column is declared "%", and says how otherwise', () => {
    const percentView = valueFormat({ ...perfectView, percent: true });
    expect(parseCell("decimal", "60%", percentView)).toEqual(value(60));
    expect(parseCell("decimal", " 12,5 % ", percentView)).toEqual(value(12.5));
    expect(parseCell("decimal", "60", percentView)).toEqual(value(60));
    expect(parseCell("integer", "60 %", percentView)).toEqual(value(60));
    // Turkish writes the sign first: "%60", "% 12,5".
    expect(parseCell("integer", "%60", percentView)).toEqual(value(60));
    expect(parseCell("decimal", "% 12,5", percentView)).toEqual(value(12.5));
    expect(parseCell("integer", "%60", perfectBooks)).toEqual(
      invalid("'%60' is a percentage: declare the column `integer \"%\"` to read it as 60, the way Odoo's percentage fields (probability, discount) hold it"),
    );
    expect(parseCell("integer", "12,5 %", percentView)).toEqual(invalid("'12,5' is not a whole number"));
    expect(parseCell("decimal", "veel %", percentView)).toEqual(invalid("'veel' is not a number with a decimal comma"));
    expect(parseCell("decimal", "12,5 %", perfectView)).toEqual(
      invalid(
        "'12,5 %' is a percentage: declare the column `decimal \"%\"` to read it as 12.5, the way Odoo's percentage fields (probability, discount) hold it",
      ),
    );
    expect(parseCell("integer", "60%", perfectBooks)).toEqual(
      invalid("'60%' is a percentage: declare the column `integer \"%\"` to read it as 60, the way Odoo's percentage fields (probability, discount) hold it"),
    );
  });

  it("reads money with symbols and codes, before or after, with negatives in every spelling", () => {
    expect(parseCell("money", "£1,234.50", perfectBooks)).toEqual(value(1234.5));
    expect(parseCell("money", "€ 1.234,50", perfectView)).toEqual(value(1234.5));
    expect(parseCell("money", "1.234,50 €", perfectView)).toEqual(value(1234.5));
    expect(parseCell("money", "EUR -5,00", perfectView)).toEqual(value(-5));
    expect(parseCell("money", "(12.00)", perfectBooks)).toEqual(value(-12));
    expect(parseCell("money", "(£12.00)", perfectBooks)).toEqual(value(-12));
    expect(parseCell("money", "-£12.00", perfectBooks)).toEqual(value(-12));
    expect(parseCell("money", "12.00-", perfectBooks)).toEqual(value(-12));
    expect(parseCell("money", "1234.5", perfectBooks)).toEqual(value(1234.5));
  });

  it("rejects an amount in another currency than the column's", () => {
    expect(parseCell("money", "$5.00", perfectBooks)).toEqual(invalid("'$5.00' is in USD, but this column's amounts are in GBP"));
    expect(parseCell("money", "GBP 5.00", perfectBooks)).toEqual(value(5));
  });

  it("rejects an amount that is not a number", () => {
    expect(parseCell("money", "£ n/a", perfectBooks)).toEqual(invalid("'£ n/a' is not an amount with a decimal point"));
    expect(parseCell("money", "--5", perfectBooks).kind).toBe("invalid");
  });
});

describe("parseCell: booleans", () => {
  it("reads English and Dutch words, case-insensitively", () => {
    for (const word of ["ja", "JA", "Yes", "y", "true", "1", "waar", "x", "J"]) expect(parseCell("boolean", word, perfectView)).toEqual(value(true));
    for (const word of ["nee", "Nee", "no", "N", "false", "0", "onwaar"]) expect(parseCell("boolean", word, perfectView)).toEqual(value(false));
  });

  it("rejects other words and lists the accepted ones", () => {
    const format = valueFormat({ trueWords: ["ja"], falseWords: ["nee"] });
    expect(parseCell("boolean", "misschien", format)).toEqual(invalid("'misschien' is not a yes/no value (expected one of 'ja', 'nee')"));
  });
});

describe("parseCell: emails, phones, urls, files", () => {
  it("trims emails and lower-cases only the domain", () => {
    expect(parseCell("email", "  John.Smith@Example.COM ", perfectBooks)).toEqual(value("John.Smith@example.com"));
    expect(parseCell("email", "mailto:info@bakkerij.nl", perfectView)).toEqual(value("info@bakkerij.nl"));
  });

  it("rejects invalid emails with the reason", () => {
    expect(parseCell("email", "john smith@example.com", perfectBooks)).toEqual(
      invalid("'john smith@example.com' is not an email address: it contains a space"),
    );
    expect(parseCell("email", "john.example.com", perfectBooks)).toEqual(invalid("'john.example.com' is not an email address: it has no @"));
    expect(parseCell("email", "john@@example.com", perfectBooks)).toEqual(invalid("'john@@example.com' is not an email address: it has more than one @"));
    expect(parseCell("email", "john@localhost", perfectBooks)).toEqual(invalid("'john@localhost' is not an email address: the domain 'localhost' has no dot"));
    expect(parseCell("email", "a@x.nl; b@y.nl", perfectView)).toEqual(invalid("'a@x.nl; b@y.nl' holds more than one email address; split them in the mapping"));
    expect(parseCell("email", "john@exa_mple.com", perfectBooks)).toEqual(
      invalid("'john@exa_mple.com' is not an email address: 'exa_mple.com' is not a valid domain"),
    );
  });

  it("collapses whitespace in phone numbers and keeps the + and the grouping", () => {
    expect(parseCell("phone", " +31  20\u00A0123 4567 ", perfectView)).toEqual(value("+31 20 123 4567"));
    expect(parseCell("phone", "020-1234567", perfectView)).toEqual(value("020-1234567"));
    expect(parseCell("phone", "+44 (0)20 7946 0958 ext. 12", perfectBooks)).toEqual(value("+44 (0)20 7946 0958 ext. 12"));
    expect(parseCell("phone", "bel maar", perfectView)).toEqual(invalid("'bel maar' is not a phone number: it contains letters"));
    expect(parseCell("phone", "12", perfectView)).toEqual(invalid("'12' is not a phone number: it has fewer than 3 digits"));
  });

  it("reads a switchboard extension in the word of the export's language and keeps it as written", () => {
    const written = [
      "(19) 3251-4400 ramal 215",
      "+39 02 1234 5678 int. 12",
      "02 1234 5678 interno 12",
      "+49 30 1234567 Durchwahl 12",
      "030 1234567 Dw. 12",
      "030 1234567 App. 12",
      "01 23 45 67 89 poste 12",
      "+34 91 123 45 67 ext. 12",
      "91 123 45 67 extensión 12",
      "08-123 456 78 anknytning 12",
      "08-123 456 78 ankn. 12",
      "22 123 45 67 wew. 12",
      "22 123 45 67 lok. 12",
      "020 555 0101 toestel 12",
      "0 (224) 411 23 45 - dahili 112",
      "0212 555 12 34 Dah. 12",
      "(06 79) 894-597 mellék 112",
      "+36 1 234 5678 mellék: 112",
      "06-30/123-4567 m. 12",
      "+420 221 234 567 kl. 12",
      "221 234 567 linka 12",
      "2310 555123 εσωτ. 12",
    ];
    for (const text of written) expect(parseCell("phone", text, perfectView)).toEqual(value(text));
    expect(parseCell("phone", "(19) 3251-4400  RAMAL  215", perfectView)).toEqual(value("(19) 3251-4400 RAMAL 215"));
    expect(parseCell("phone", "3251-4400 ramal", perfectView)).toEqual(invalid("'3251-4400 ramal' is not a phone number: it contains letters"));
    expect(parseCell("phone", "3251-4400 chame 215", perfectView)).toEqual(invalid("'3251-4400 chame 215' is not a phone number: it contains letters"));
  });

  it("adds http:// to web addresses without a scheme and validates the host", () => {
    expect(parseCell("url", " www.bakkerij.nl/contact ", perfectView)).toEqual(value("http://www.bakkerij.nl/contact"));
    expect(parseCell("url", "https://example.co.uk", perfectBooks)).toEqual(value("https://example.co.uk"));
    expect(parseCell("url", "bakkerij", perfectView)).toEqual(invalid("'bakkerij' is not a web address: 'bakkerij' is not a valid host name"));
    expect(parseCell("url", "ftp://files.example.com", perfectView)).toEqual(invalid("'ftp://files.example.com' is not a web address: it uses 'ftp://'"));
    expect(parseCell("url", "mailto:info@x.nl", perfectView)).toEqual(invalid("'mailto:info@x.nl' is not a web address (it is a 'mailto:' link)"));
  });

  it("keeps a file path as written (trimmed)", () => {
    expect(parseCell("file", " docs\\contract 12.pdf ", perfectView)).toEqual(value("docs\\contract 12.pdf"));
  });
});

describe("valueFormatProblems", () => {
  it("accepts the defaults and the two source systems' formats", () => {
    expect(valueFormatProblems(valueFormat())).toEqual([]);
    expect(valueFormatProblems(perfectView)).toEqual([]);
    expect(valueFormatProblems(perfectBooks)).toEqual([]);
  });

  it("names a bad pattern, an unknown zone and clashing words", () => {
    expect(valueFormatProblems(valueFormat({ date: "dd-MMM-yyyy", timezone: "Europe/Amsterdm", trueWords: ["ja"], falseWords: ["JA"] }))).toEqual([
      "date pattern 'dd-MMM-yyyy': 'MMM' is not a pattern token (use M or MM)",
      "'Europe/Amsterdm' is not a known time zone (use an IANA name such as Europe/Amsterdam)",
      "'ja' is both a true and a false word",
    ]);
    expect(valueFormatProblems(valueFormat({ date: "dd-MM" }))).toEqual(["date pattern 'dd-MM' needs a day, a month and a year (for example dd-MM-yyyy)"]);
  });
});

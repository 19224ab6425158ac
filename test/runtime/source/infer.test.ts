import { describe, expect, it } from "vitest";
import { datePatternsMatchingAll, datetimePatternsMatchingAll, decimalSeparatorsMatchingAll, inferColumn } from "../../../runtime/source/infer.js";

describe("datePatternsMatchingAll", () => {
  it("lists every pattern that reads all values, so ambiguity is visible", () => {
    expect(datePatternsMatchingAll(["05/03/2024", "11/12/2024", ""])).toEqual(["dd/MM/yyyy", "MM/dd/yyyy", "dd/MM/yy", "MM/dd/yy"]);
    expect(datePatternsMatchingAll(["05/03/2024", "31/12/2024"])).toEqual(["dd/MM/yyyy", "dd/MM/yy"]);
    expect(datePatternsMatchingAll(["05-03-2024", "31-02-2024"])).toEqual([]);
    expect(datePatternsMatchingAll(["", "  "])).toEqual([]);
  });

  it("takes a custom candidate list", () => {
    expect(datePatternsMatchingAll(["2024.03.05"], ["yyyy.MM.dd", "dd.MM.yyyy"])).toEqual(["yyyy.MM.dd"]);
  });
});

describe("datetimePatternsMatchingAll", () => {
  it("finds date-and-time patterns and ISO 8601", () => {
    expect(datetimePatternsMatchingAll(["15-06-2024 14:00", "31-12-2024 23:59"])).toEqual(["dd-MM-yyyy HH:mm", "dd-MM-yy HH:mm"]);
    expect(datetimePatternsMatchingAll(["2024-06-15T14:00:00Z"])).toEqual(["ISO 8601"]);
  });
});

describe("decimalSeparatorsMatchingAll", () => {
  it("says which separators read every value", () => {
    expect(decimalSeparatorsMatchingAll(["1.234,50", "12,5"])).toEqual([","]);
    expect(decimalSeparatorsMatchingAll(["1,234.50", "12.5"])).toEqual(["."]);
    expect(decimalSeparatorsMatchingAll(["1.234", "5"])).toEqual([".", ","]);
    expect(decimalSeparatorsMatchingAll(["£1,234.50"], "money")).toEqual(["."]);
  });
});

describe("inferColumn", () => {
  it("proposes types and formats for the messy columns of both source systems", () => {
    expect(inferColumn(["05-03-2024", "31-12-2024", ""])).toMatchObject({
      type: "date",
      format: { date: "dd-MM-yyyy" },
      alternatives: ["dd-MM-yy"],
      nonBlank: 2,
      blank: 1,
    });
    expect(inferColumn(["€ 1.234,50", "12,00"])).toMatchObject({ type: "money", format: { decimal: ",", currency: "EUR" } });
    expect(inferColumn(["£1,234.50", "(12.00)"])).toMatchObject({ type: "money", format: { decimal: ".", currency: "GBP" } });
    expect(inferColumn(["1.250", "3", "12"])).toMatchObject({ type: "integer", format: { decimal: "," } });
    expect(inferColumn(["12,5", "3,25"])).toMatchObject({ type: "decimal", format: { decimal: "," }, alternatives: [] });
    expect(inferColumn(["ja", "nee", "Ja"])).toMatchObject({ type: "boolean" });
    expect(inferColumn(["a@b.nl", " INFO@X.COM "])).toMatchObject({ type: "email" });
    expect(inferColumn(["www.a.nl", "https://b.com/x"])).toMatchObject({ type: "url" });
    expect(inferColumn(["+31 20 123 4567", "0612345678"])).toMatchObject({ type: "phone" });
    expect(inferColumn(["docs/a.pdf", "docs\\b.docx"])).toMatchObject({ type: "file" });
    expect(inferColumn(["15-06-2024 14:00"])).toMatchObject({ type: "datetime", format: { datetime: "dd-MM-yyyy HH:mm" } });
    expect(inferColumn(["Bakkerij", "Café Zoë"])).toMatchObject({ type: "text", distinct: 2 });
    expect(inferColumn(["", ""])).toMatchObject({ type: "text", nonBlank: 0, blank: 2 });
  });
});

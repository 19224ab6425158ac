import { describe, expect, it } from "vitest";
import { conceptWords, identifierOf, sameWord, similarity, singular } from "../../propose/words.js";
import { groupFiles, type ExportFile } from "../../propose/export.js";
import { countValues, matchValues, recordOptions, selectionOptions, valueSimilarity } from "../../propose/value-tables.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";

describe("conceptWords", () => {
  it("translates Dutch headers, splitting compounds", () => {
    expect(conceptWords("Telefoonnummer")).toEqual(["phone"]);
    expect(conceptWords("Bedrijfsnaam")).toEqual(["company", "name"]);
    expect(conceptWords("Verwachte afsluitdatum")).toEqual(["expected", "close", "date"]);
    expect(conceptWords("Relatienummer")).toEqual(["relation", "number"]);
    expect(conceptWords("Gespreksnummer")).toEqual(["thread", "number"]);
    expect(conceptWords("Geïnteresseerd in")).toEqual(["interest"]);
    expect(conceptWords("Aangemaakt op")).toEqual(["created"]);
  });

  it("folds the letters accent stripping does not reach (ł, ø, æ)", () => {
    expect(identifierOf("Kanał", "column")).toBe("kanal");
    expect(conceptWords("Źródło")).toEqual(["source"]);
    expect(identifierOf("Første kontakt", "column")).toBe("forste_kontakt");
  });

  it("folds Turkish capitals with and without their dots, and the dotless ı, to one spelling", () => {
    expect(identifierOf("Kısa Adı", "column")).toBe("kisa_adi");
    expect(identifierOf("KISA ADI", "column")).toBe("kisa_adi");
    expect(identifierOf("İLÇE", "column")).toBe("ilce");
    expect(conceptWords("CARİ KODU")).toEqual(conceptWords("Cari Kodu"));
    expect(conceptWords("Açılış Tarihi")).toEqual(conceptWords("ACILIS TARIHI"));
  });

  it("keeps the letters of other scripts, Greek capitals without accents and final sigma as ordinary spelling", () => {
    expect(conceptWords("ΕΠΩΝΥΜΙΑ")).toEqual(["company", "name"]);
    expect(conceptWords("Επωνυμία")).toEqual(["company", "name"]);
    expect(conceptWords("Α.Φ.Μ.")).toEqual(["vat"]);
    expect(conceptWords("ΠΕΛΑΤΕΣ")).toEqual(conceptWords("πελάτες"));
    expect(identifierOf("Επωνυμία", "column")).toBe("eponymia");
    expect(identifierOf("Τηλέφωνο 2", "column")).toBe("tilefono_2");
  });

  it("reads a header of one language's article alone as another language's word", () => {
    // Turkish İl (province) is Italian il, which drops from a longer header.
    expect(conceptWords("İl")).toEqual(["city"]);
    expect(conceptWords("Il cliente")).toEqual(["customer"]);
  });

  it("brings English synonyms and phrases to one word", () => {
    expect(conceptWords("E-mail address")).toEqual(["email"]);
    expect(conceptWords("Postcode")).toEqual(["zip"]);
    expect(conceptWords("Zip Code")).toEqual(["zip"]);
    expect(conceptWords("Job Title")).toEqual(["job"]);
    expect(conceptWords("Last Modified")).toEqual(["modified"]);
    expect(conceptWords("Owner Email")).toEqual(["owner", "email"]);
    expect(conceptWords("dealScore")).toEqual(["deal", "score"]);
    expect(conceptWords("Kans (%)")).toEqual(["probability", "percent"]);
  });

  it("translates German and French headers, German compounds split", () => {
    expect(conceptWords("Firmenname")).toEqual(["company", "name"]);
    expect(conceptWords("Konzernmutter")).toEqual(["group", "parent"]);
    expect(conceptWords("Telefon Durchwahl")).toEqual(["phone", "direct", "phone"]);
    expect(conceptWords("Straße")).toEqual(["street"]);
    expect(conceptWords("Erwarteter Abschluss")).toEqual(["expected", "close"]);
    expect(conceptWords("Raison sociale")).toEqual(["company", "name"]);
    expect(conceptWords("Date de signature prévue")).toEqual(["date", "close", "expected"]);
    expect(conceptWords("Secteur d'activité")).toEqual(["industry"]);
    expect(conceptWords("Montant HT")).toEqual(["amount"]);
  });

  it("keeps words it does not know, singular, so that they match nothing by accident", () => {
    expect(conceptWords("Yrityksen nimi")).toEqual(["yrityksen", "nimi"]);
    expect(conceptWords("Companies")).toEqual(["company"]);
    expect(singular("addresses")).toBe("address");
    expect(singular("status")).toBe("status");
  });
});

describe("similarity", () => {
  it("is 1 for the same concept and weighs words about a value's form lightly", () => {
    expect(similarity(["phone"], ["phone"])).toBe(1);
    expect(similarity(["owner", "email"], ["owner"])).toBeCloseTo(2 / 2.5, 5);
    expect(similarity(["relation", "number"], ["relation"])).toBeCloseTo(2 / 2.3, 5);
    expect(similarity(["firmenbezeichnung"], ["name"])).toBe(0);
  });

  it("takes words differing by a neutral ending as one, but not customer for custom", () => {
    expect(sameWord("transport", "transportation")).toBe(true);
    expect(sameWord("finance", "financial")).toBe(true);
    expect(sameWord("custom", "customer")).toBe(false);
    expect(sameWord("ort", "order")).toBe(false);
  });
});

describe("identifierOf", () => {
  it("makes a .flitmap name of any header", () => {
    expect(identifierOf("Geïnteresseerd in", "c")).toBe("geinteresseerd_in");
    expect(identifierOf("Kans (%)", "c")).toBe("kans");
    expect(identifierOf("KvK-nummer", "c")).toBe("kvk_nummer");
    expect(identifierOf("2nd Phone", "c")).toBe("c_2nd_phone");
    expect(identifierOf("Required", "c")).toBe("required_value");
    expect(identifierOf("If", "c")).toBe("if_value");
    expect(identifierOf("%%%", "column_3")).toBe("column_3");
  });
});

function file(path: string): ExportFile {
  return { path, encoding: "utf-8", encodingNote: null, bom: false, delimiter: ",", headers: ["a"], rows: [], rowCount: 0 };
}

describe("groupFiles", () => {
  it("reads chunks as one glob, a single numbered file too, and names entities in English", () => {
    const groups = groupFiles(
      [
        "relaties_002.csv",
        "relaties_001.csv",
        "relaties_010.csv",
        "facturen_001.csv",
        "contacts.csv",
        "contact_companies.csv",
        "offerteregels_001.csv",
        "export/deals-1.csv",
      ].map(file),
    );
    expect(groups.map((group) => [group.name, group.pattern, group.files.map((member) => member.path)])).toEqual([
      ["ContactCompany", "contact_companies.csv", ["contact_companies.csv"]],
      ["Contact", "contacts.csv", ["contacts.csv"]],
      ["Deal", "export/deals-*.csv", ["export/deals-1.csv"]],
      ["Invoice", "facturen_*.csv", ["facturen_001.csv"]],
      ["QuoteLine", "offerteregels_*.csv", ["offerteregels_001.csv"]],
      ["Relation", "relaties_*.csv", ["relaties_001.csv", "relaties_002.csv", "relaties_010.csv"]],
    ]);
  });
});

describe("value tables", () => {
  const schema = loadShippedCatalog("17.0");

  it("matches pick-list values to Odoo records in English and Dutch", () => {
    const industries = recordOptions(schema.references["res.partner.industry"] ?? []);
    const matches = matchValues(countValues(["Bouw", "Zorg", "Retail", "Property", "Legal Services", "Bouw"]), industries);
    expect(matches.map((match) => [match.value, match.count, match.option?.label ?? null, Number(match.confidence.toFixed(2))])).toEqual([
      ["Bouw", 2, "Construction", 0.95],
      ["Legal Services", 1, null, 0],
      ["Property", 1, "Real Estate", 0.95],
      ["Retail", 1, "Wholesale/Retail", 0.85],
      ["Zorg", 1, "Health/Social", 0.95],
    ]);
  });

  it("matches countries by name or code, titles by their shortcut, stages contained in a value", () => {
    const countries = recordOptions(schema.references["res.country"] ?? []);
    expect(matchValues(countValues(["Nederland", "BE", "United Kingdom"]), countries).map((match) => match.option?.xmlid)).toEqual([
      "base.be",
      "base.nl",
      "base.uk",
    ]);
    const titles = recordOptions(schema.references["res.partner.title"] ?? []);
    expect(valueSimilarity("Mr", titles.find((option) => option.label === "Mister") ?? titles[0]!)).toBe(1);
    const stages = recordOptions(schema.references["crm.stage"] ?? []);
    expect(matchValues(countValues(["Closed Won", "Gewonnen", "Fell Through"]), stages).map((match) => [match.value, match.option?.label ?? null])).toEqual([
      ["Closed Won", "Won"],
      ["Fell Through", null],
      ["Gewonnen", "Won"],
    ]);
  });

  it("matches selection keys by label, and leaves unknown values unmatched", () => {
    const priority = selectionOptions(schema.models["crm.lead"]?.fields["priority"]?.selection ?? []);
    expect(matchValues(countValues(["Hoog", "Normaal", "hot"]), priority).map((match) => [match.value, match.option?.key ?? null])).toEqual([
      ["Hoog", "2"],
      ["Normaal", "1"],
      ["hot", null],
    ]);
  });
});

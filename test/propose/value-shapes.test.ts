import { describe, expect, it } from "vitest";
import { booleanWords, defaultBooleanWords, findPlaceholders, isPlaceholder, valueList } from "../../propose/value-shapes.js";

describe("placeholders", () => {
  it("knows what exports write for no value, in several languages and shapes", () => {
    for (const value of ["TBC", "n.v.t.", "k.A.", "n.c.", "N/A", "-", "--", "?", "0000-00-00", "00.00.0000", "00/00/0000", "0000-00-00 00:00", "unbekannt"]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of ["0", "2024-05-01", "NA1 2AB", "Acme", "n.v.t. 12", "tbc-2"]) expect(isPlaceholder(value), value).toBe(false);
  });

  it("knows them in the lexicon's other languages: not available, none, unknown, unassigned", () => {
    for (const value of ["N/D", "n.d.", "s/d", "Nessuno", "Ingen", "brak", "Desconhecido", "Okänd", "Sin asignar", "Non assegnato", "neuvedeno", "Neuvedené", "nezadáno"]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of ["Nord", "Sandra", "Inga", "Brakel"]) expect(isPlaceholder(value), value).toBe(false);
  });

  it("counts them, most frequent first", () => {
    expect(findPlaceholders(["12", "k.A.", "-", "k.A.", "30"])).toEqual([
      { value: "k.A.", count: 2 },
      { value: "-", count: 1 },
    ]);
  });
});

describe("booleanWords", () => {
  it("reads yes/no words of any language the exports come in, both answers present", () => {
    expect(booleanWords(["ja", "nein", "Ja"])).toEqual({ true: ["ja"], false: ["nein"] });
    expect(booleanWords(["Oui", "Non"])).toEqual({ true: ["oui"], false: ["non"] });
    expect(booleanWords(["ja", "ja"])).toBeUndefined();
    expect(booleanWords(["ja", "nein", "vielleicht"])).toBeUndefined();
    expect(defaultBooleanWords({ true: ["y"], false: ["n"] })).toBe(true);
    expect(defaultBooleanWords({ true: ["ja"], false: ["nein"] })).toBe(false);
  });

  it("reads one-letter and accented answers, keeping the accent the reader compares", () => {
    expect(booleanWords(["S", "N", "s"])).toEqual({ true: ["s"], false: ["n"] });
    // One letter's meaning hangs on the other: Finnish K/E (kyllä/ei), Turkish E/H (evet/hayır).
    expect(booleanWords(["E", "K", "E"])).toEqual({ true: ["k"], false: ["e"] });
    expect(booleanWords(["E", "H"])).toEqual({ true: ["e"], false: ["h"] });
    // Czech and Slovak A/N (ano/ne), as accounting programs write flags.
    expect(booleanWords(["N", "A", "N"])).toEqual({ true: ["a"], false: ["n"] });
    expect(booleanWords(["A", "B"])).toBeUndefined();
    expect(booleanWords(["Sì", "No"])).toEqual({ true: ["sì"], false: ["no"] });
    expect(booleanWords(["Sim", "Não"])).toEqual({ true: ["sim"], false: ["não"] });
    expect(booleanWords(["Tak", "Nie"])).toEqual({ true: ["tak"], false: ["nie"] });
    expect(booleanWords(["Ja", "Nej"])).toEqual({ true: ["ja"], false: ["nej"] });
    expect(booleanWords(["Kyllä", "Ei"])).toEqual({ true: ["kyllä"], false: ["ei"] });
    expect(booleanWords(["Ano", "Ne"])).toEqual({ true: ["ano"], false: ["ne"] });
    expect(defaultBooleanWords({ true: ["ja"], false: ["nein"] })).toBe(false);
  });
});

describe("valueList", () => {
  it("finds cells listing several repeated values", () => {
    const tags = ["Top-Kunde, Newsletter", "Newsletter", "Messekontakt", "Top-Kunde", "Rahmenvertrag, Messekontakt", "Newsletter, Top-Kunde"];
    expect(valueList(tags, ";")).toMatchObject({ separator: ",", multiple: 3 });
    expect(valueList(["Acme Ltd|Bolt plc", "Crane LLP", "Delta Ltd|Acme Ltd", "Bolt plc|Crane LLP"], ",")).toMatchObject({ separator: "|", multiple: 3 });
    const interests = ["Solar / Heat pumps", "Insulation", "Heat pumps / Insulation", "Solar", "Solar / Insulation / Heat pumps"];
    expect(valueList(interests, ";")).toMatchObject({ separator: " / ", multiple: 3 });
    // A slash without spaces is part of a value.
    expect(valueList(["Wholesale/Retail", "Media/Publishing", "Wholesale/Retail", "Media"], ";")).toBeUndefined();
  });

  it("does not take names written surname first, sentences or amounts for lists", () => {
    expect(valueList(["Vogel, Klaus", "Becker, Sabine", "Vogel, Klaus", "Becker, Sabine"], ";")).toBeUndefined();
    const notes = ["Call back, then send the offer.", "Customer on holiday, call again later.", "Budget approved.", "Call back, then send the offer."];
    expect(valueList(notes, ";")).toBeUndefined();
    expect(valueList(["1,50", "2,75", "3,00", "12,50"], ";")).toBeUndefined();
    // Pick-list labels holding the separator (`Feira / Evento`), each part in no other value, are no list.
    const origins = [
      "Feira / Evento",
      "Site",
      "Hospital / Clínica",
      "Indicação",
      "Feira / Evento",
      "Site",
      "Hospital / Clínica",
      "Site",
      "Feira / Evento",
      "Indicação",
    ];
    expect(valueList(origins, ";")).toBeUndefined();
    // The delimiter itself is no separator within a cell.
    expect(valueList(["a;b", "b;c", "c", "a;c"], ";")).toBeUndefined();
  });

  it("takes a title made of fields, one sort of value first and another after it, for no list", () => {
    // The work, then the town: each part repeats across cells, but never in the other place.
    const titles = [
      "Latausasemat, Tampere",
      "Sähköurakka, Tampere",
      "Latausasemat, Orivesi",
      "Huoltosopimus",
      "Kuntotarkastus, Helsinki",
      "Sähköurakka, Pirkkala",
      "Kuntotarkastus, Tampere",
      "Latausasemat, Helsinki",
      "Huoltosopimus",
    ];
    expect(valueList(titles, ";")).toBeUndefined();
    // A list's items stand first in one cell and after another there.
    const services = ["Huolto, LVI", "LVI, Aurinkopaneelit", "Sähköasennus, Huolto", "LVI", "Aurinkopaneelit, Sähköasennus", "Huolto"];
    expect(valueList(services, ";")).toMatchObject({ separator: "," });
  });
});

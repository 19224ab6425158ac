/**
 * The lexicon's languages beyond English, Dutch, German and French (propose/languages/): general
 * CRM words of each, read from headers written for this test, not from any export family.
 */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../propose/languages/index.js";
import { conceptWords } from "../../propose/words.js";

describe("the lexicon's further languages", () => {
  it.each([
    ["es", "Correo electrónico", ["email"]],
    ["es", "Razón social", ["company", "name"]],
    ["es", "Fecha de vencimiento", ["date", "deadline"]],
    ["it", "Ragione sociale", ["company", "name"]],
    ["it", "Cognome", ["last"]],
    ["it", "Data scadenza", ["date", "deadline"]],
    ["pt", "Telemóvel", ["mobile"]],
    ["pt", "Data de nascimento", ["birthday"]],
    ["sv", "Förnamn", ["first"]],
    ["sv", "Sannolikhet", ["probability"]],
    ["sv", "Gatuadress", ["street"]],
    ["sv", "Stängningsdatum", ["close", "date"]],
    ["sv", "Ämne", ["subject"]],
    ["da", "Efternavn", ["last"]],
    // A customer's reference on an invoice is the person there to talk to; ours, the seller.
    ["da", "Deres reference", ["contact", "person"]],
    ["da", "Vores reference", ["owner"]],
    ["da", "Kreditgrænse", ["credit", "limit"]],
    ["da", "Tabsårsag", ["lost", "reason"]],
    ["da", "Leveringsadresse", ["delivery", "street"]],
    ["nb", "Deres referanse", ["contact", "person"]],
    ["nb", "Org.nr", ["registry"]],
    ["nb", "Sluttet", ["inactive"]],
    ["nb", "Poststed", ["city"]],
    ["pl", "Województwo", ["state"]],
    ["pl", "Kod pocztowy", ["zip"]],
    ["pl", "Pełna nazwa", ["company", "name"]],
    ["pl", "Kod kontrahenta", ["code", "customer"]],
    ["pl", "Limit kredytowy", ["credit", "limit"]],
    ["cs", "Příjmení", ["last"]],
    ["cs", "Obchodní jméno", ["company", "name"]],
    ["cs", "PSČ", ["zip"]],
    ["cs", "Pravděpodobnost", ["probability"]],
    ["cs", "Důvod prohry", ["lost", "reason"]],
    ["cs", "Předpokládané uzavření", ["expected", "close"]],
    ["cs", "Kontaktní osoba", ["contact", "person"]],
    ["cs", "IČ", ["registry"]],
    ["cs", "Nadřízená", ["parent"]],
    ["cs", "Mateřská firma", ["parent"]],
    ["cs", "Obor", ["industry"]],
    ["cs", "Datum zal.", ["created"]],
    ["cs", "Obchodníci", ["owner"]],
    ["tr", "CARİ ÜNVANI", ["company", "name"]],
    ["tr", "Vergi Dairesi", ["tax", "office"]],
    ["tr", "VERGİ NO", ["vat"]],
    ["tr", "İlçe", ["district"]],
    ["tr", "Posta Kodu", ["zip"]],
    ["tr", "Cep Telefonu", ["mobile"]],
    ["tr", "Satış Temsilcisi", ["owner"]],
    ["tr", "Ödeme Vadesi", ["payment", "term"]],
    ["tr", "Tahmini Kapanış Tarihi", ["expected", "close", "date"]],
    ["tr", "Kayıp Nedeni", ["lost", "reason"]],
    ["el", "Διακριτικός τίτλος", ["trade", "name"]],
    ["el", "Δ.Ο.Υ.", ["tax", "office"]],
    ["el", "Τ.Κ.", ["zip"]],
    ["el", "ΝΟΜΟΣ", ["state"]],
    ["el", "Κινητό τηλέφωνο", ["mobile"]],
    ["el", "Πιστωτικό όριο", ["credit", "limit"]],
    ["el", "Ημ/νία εγγραφής", ["created"]],
    ["el", "Λόγος απώλειας", ["lost", "reason"]],
    ["el", "Πιθανότητα", ["probability"]],
    ["el", "Προθεσμία", ["deadline"]],
    ["el", "Υπεύθυνος", ["owner"]],
    ["hu", "Cégjegyzékszám", ["registry"]],
    ["hu", "Hitelkeret", ["credit", "limit"]],
    ["hu", "Irányítószám", ["zip"]],
    ["hu", "Üzletkötő", ["owner"]],
    ["hu", "Valószínűség", ["probability"]],
    ["hu", "Várható zárás", ["expected", "close"]],
    ["hu", "Elvesztés oka", ["lost", "reason"]],
    ["hu", "Szállító", ["supplier"]],
    ["hu", "Címkék", ["tag"]],
    ["hu", "Határidő", ["deadline"]],
    ["fi", "Myyjä", ["owner"]],
    ["fi", "Emoyhtiö", ["parent"]],
    ["fi", "Toimiala", ["industry"]],
    ["fi", "Lähde", ["source"]],
    ["fi", "Titteli", ["job"]],
    ["fi", "Laskutus", ["invoice"]],
    ["fi", "Myyntimahdollisuus", ["opportunity"]],
    ["fi", "Yhteyshenkilö", ["contact", "person"]],
    ["ro", "Județ", ["state"]],
    ["ro", "Localitate", ["city"]],
    ["ro", "Nr. Reg. Com.", ["registry"]],
    ["ro", "Cod CAEN", ["industry"]],
    ["ro", "Furnizor", ["supplier"]],
    ["ro", "Agent", ["owner"]],
    ["ro", "Persoană de contact", ["contact", "person"]],
    ["ro", "Termen de plată", ["payment", "term"]],
    ["ro", "Data estimată închiderii", ["date", "expected", "close"]],
    ["ro", "Motiv pierdere", ["lost", "reason"]],
  ])("%s: %s", (_language, header, words) => {
    expect(conceptWords(header)).toEqual(words);
  });

  it("reads the values of pick-lists too: salutations, stages, industries", () => {
    expect(conceptWords("Sig.ra")).toEqual(["madam"]);
    expect(conceptWords("Dott.")).toEqual(["doctor"]);
    expect(conceptWords("Qualificata")).toEqual(["qualified"]);
    expect(conceptWords("Edilizia")).toEqual(["construction"]);
    expect(conceptWords("Pani")).toEqual(["madam"]);
    expect(conceptWords("Slečna")).toEqual(["miss"]);
    expect(conceptWords("Hanım")).toEqual(["madam"]);
    expect(conceptWords("Kazanıldı")).toEqual(["won"]);
    expect(conceptWords("Κερδήθηκε")).toEqual(["won"]);
    expect(conceptWords("Elveszett")).toEqual(["lost"]);
    expect(conceptWords("Személyes találkozó")).toEqual(["meeting"]);
    // A Romanian agenda's kinds and states, with the comma below or the older cedilla alike.
    expect(conceptWords("Întâlnire")).toEqual(["meeting"]);
    expect(conceptWords("Sarcină")).toEqual(["task"]);
    expect(conceptWords("Şedinţă")).toEqual(["meeting"]);
    expect(conceptWords("Ședință")).toEqual(["meeting"]);
    expect(conceptWords("Anulată")).toEqual(["cancelled"]);
    expect(conceptWords("Planificată")).toEqual(["planned"]);
    // A record's title: a person's salutation, a deal's name (both fields list the word).
    expect(conceptWords("Título")).toEqual(["title"]);
  });

  it("reads a Spanish or Portuguese plural in -es through its singular", () => {
    expect(conceptWords("reuniones")).toEqual(["meeting"]);
    expect(conceptWords("oportunidades")).toEqual(["opportunity"]);
  });

  it("keeps the core lexicon's meaning where a language spells a word alike", () => {
    // Danish `by` is a town; in English headers it names who did something.
    expect(conceptWords("Created By")).toEqual(["created", "by"]);
    expect(conceptWords("Responsable")).toEqual(["owner"]);
  });

  it("holds each language in one data file with its own code", () => {
    const codes = LANGUAGES.map((language) => language.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const language of LANGUAGES) expect(Object.keys(language.words).length).toBeGreaterThan(30);
  });
});

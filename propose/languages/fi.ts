/**
 * Finnish: the words of an agenda's values, its kinds of activity and their states (`Puhelu`,
 * `Tapaaminen`, `Työmaakäynti`, `Valmis`), which say what a row is whatever the headers say, and
 * the headers of accounting programs' customer registers and web CRMs (`Myyjä`, `Emoyhtiö`,
 * `Toimiala`, `Lähde`). Compound words are listed whole, as Finnish writes them (`työmaakäynti`, a
 * site visit; `myyntimahdollisuus`, a sales opportunity), and plurals, which name files. Folded
 * as words.ts folds them: ä as a, ö as o. Pure data.
 */
import type { Language } from "./language.js";

export const FINNISH: Language = {
  code: "fi",
  words: {
    // kinds of activity
    aktiviteetti: "activity",
    aktiviteetit: "activity",
    puhelu: "call",
    puhelinsoitto: "call",
    soitto: "call",
    tapaaminen: "meeting",
    palaveri: "meeting",
    kokous: "meeting",
    neuvottelu: "meeting",
    kaynti: "visit",
    asiakaskaynti: "visit",
    tyomaakaynti: "visit",
    kohdekaynti: "visit",
    sahkoposti: "email",
    tehtava: "task",
    muistutus: "reminder",
    muistiinpano: "note",
    kirje: "letter",
    tekstiviesti: "sms",
    // plurals, as files of them are named (`tehtavat.csv`)
    puhelut: "call",
    soitot: "call",
    tapaamiset: "meeting",
    palaverit: "meeting",
    kokoukset: "meeting",
    kaynnit: "visit",
    tehtavat: "task",
    muistutukset: "reminder",
    muistiinpanot: "note",
    // their states
    valmis: "done",
    tehty: "done",
    suoritettu: "done",
    avoin: "open",
    peruttu: "cancelled",
    peruutettu: "cancelled",
    // the owner: the salesperson (myyjä), the one responsible; a file of them (`myyjat.txt`)
    myyja: "owner",
    myyjat: "owner",
    vastuuhenkilo: "owner",
    // a group parent (emoyhtiö, the parent company), an industry, where a lead came from
    emoyhtio: "parent",
    toimiala: "industry",
    lahde: "source",
    // a person's job title (titteli, nimike), and a contact that invoices go to (laskutus: invoicing)
    titteli: "job",
    nimike: "job",
    laskutus: "invoice",
    // a contact person (of a customer, of a deal)
    yhteyshenkilo: "contact person",
    yhteyshenkilot: "contact person",
    // opportunities
    myyntimahdollisuus: "opportunity",
    myyntimahdollisuudet: "opportunity",
  },
  stopwords: [],
};

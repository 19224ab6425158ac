/**
 * Finnish: the words of an agenda's values, its kinds of activity and their states (`Puhelu`,
 * `Tapaaminen`, `Työmaakäynti`, `Valmis`), which say what a row is whatever the headers say. Its
 * header vocabulary is not here yet. Compound words are listed whole, as Finnish writes them
 * (`työmaakäynti`, a site visit), and plurals, which name files. Pure data.
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
  },
  stopwords: [],
};

/**
 * The words of the Anagrafe family (anagrafe.ts): the people, places, products and codes of a
 * window and door maker near Bergamo, as its Italian ERP holds them.
 */

export const ANAGRAFE_FIRM = { name: "Infissi Valbrembo S.r.l.", domain: "infissivalbrembo.it" } as const;

/** The sales agents (agenti.csv) who are the firm's Odoo users. */
export const AGENTS = [
  { code: "AG01", first: "Davide", last: "Rota" },
  { code: "AG02", first: "Chiara", last: "Locatelli" },
  { code: "AG03", first: "Marco", last: "Pesenti" },
  { code: "AG04", first: "Elisa", last: "Gritti" },
] as const;
/** An agent who has left (no Odoo user), and an outside agency working on commission (none either). */
export const FORMER_AGENT = { code: "AG05", first: "Paolo", last: "Carminati" } as const;
export const AGENCY = { code: "AG07", name: "Agenzia Orobica di Ghisleni & C. S.a.s.", email: "info@agenziaorobica.it" } as const;

export const FIRST_MALE = [
  "Giuseppe",
  "Marco",
  "Luca",
  "Andrea",
  "Francesco",
  "Alessandro",
  "Matteo",
  "Stefano",
  "Giovanni",
  "Roberto",
  "Mario",
  "Gianluca",
  "Pierluigi",
  "Gian Battista",
] as const;
export const FIRST_FEMALE = [
  "Francesca",
  "Sara",
  "Giulia",
  "Elena",
  "Laura",
  "Silvia",
  "Valentina",
  "Paola",
  "Roberta",
  "Federica",
  "Maria Grazia",
  "Anna",
  "Nicoletta",
] as const;
export const SURNAMES = [
  "Bonfanti",
  "Brembilla",
  "Cattaneo",
  "Ghisleni",
  "Mazzoleni",
  "Milesi",
  "Pezzotta",
  "Ravasio",
  "Salvi",
  "Belotti",
  "Previtali",
  "Zanchi",
  "Ferrari",
  "Colombo",
  "Bianchi",
  "Villa",
  "Sala",
  "Fumagalli",
  "Arnoldi",
  "Capelli",
  "Cortinovis",
  "D'Adda",
  "Lazzaroni",
  "Vitali",
] as const;

export const COMPANY_WORDS = ["Edil", "Costruzioni", "Immobiliare", "Impresa", "Serramenti", "Ristrutturazioni", "Termoidraulica", "Progetti"] as const;
export const COMPANY_TAILS = ["Orobica", "Val Seriana", "Bergamasca", "Le Valli", "Isola", "Brianza", "Lario", "Alta Valle"] as const;
export const LEGAL_FORMS = [
  ["S.r.l.", 6],
  ["S.p.A.", 1],
  ["S.n.c.", 2],
  ["S.a.s.", 2],
  ["S.r.l.s.", 1],
] as const;
export const STUDIO_TITLES = ["Arch.", "Ing.", "Geom."] as const;

export interface Place {
  readonly city: string;
  readonly cap: string;
  readonly province: string;
  readonly country: string;
  readonly phone: string;
}
export const PLACES: readonly Place[] = [
  { city: "Bergamo", cap: "24121", province: "BG", country: "IT", phone: "035" },
  { city: "Bergamo", cap: "24125", province: "BG", country: "IT", phone: "035" },
  { city: "Treviglio", cap: "24047", province: "BG", country: "IT", phone: "0363" },
  { city: "Seriate", cap: "24068", province: "BG", country: "IT", phone: "035" },
  { city: "Dalmine", cap: "24044", province: "BG", country: "IT", phone: "035" },
  { city: "Almenno San Bartolomeo", cap: "24030", province: "BG", country: "IT", phone: "035" },
  { city: "Lecco", cap: "23900", province: "LC", country: "IT", phone: "0341" },
  { city: "Monza", cap: "20900", province: "MB", country: "IT", phone: "039" },
  { city: "Milano", cap: "20121", province: "MI", country: "IT", phone: "02" },
  { city: "Brescia", cap: "25121", province: "BS", country: "IT", phone: "030" },
  { city: "Como", cap: "22100", province: "CO", country: "IT", phone: "031" },
  { city: "Sondrio", cap: "23100", province: "SO", country: "IT", phone: "0342" },
];
/** Abroad, the province is "EE" (estero). */
export const FOREIGN_PLACES: readonly Place[] = [
  { city: "Lugano", cap: "6900", province: "EE", country: "CH", phone: "+41 91" },
  { city: "San Marino", cap: "47890", province: "EE", country: "SM", phone: "+378 0549" },
  { city: "München", cap: "80331", province: "EE", country: "DE", phone: "+49 89" },
];
export const STREETS = [
  "Via Roma",
  "Via Garibaldi",
  "Via Papa Giovanni XXIII",
  "Viale Vittorio Emanuele II",
  "Via dell'Industria",
  "Via Bergamo",
  "Piazza Pontida",
  "Via Marconi",
] as const;

export const CATEGORIES = [
  ["RIV", "Rivenditore"],
  ["IMP", "Impresa edile"],
  ["PRG", "Progettista / studio tecnico"],
  ["AMM", "Amministratore di condominio"],
  ["PRI", "Privato"],
  ["ENT", "Ente pubblico"],
  ["SER", "Serramentista posatore"],
] as const;

/** Payment terms by the ERP's codes: RD rimessa diretta, BB bonifico, RB ricevuta bancaria. */
export const PAYMENT_CODES = [
  ["RD", 3],
  ["BB30", 3],
  ["RB30", 4],
  ["RB60", 3],
  ["RB30-60", 2],
] as const;

export const REMARKS = [
  "Consegna solo con sponda idraulica.",
  "Chiede sempre il DURC prima dell'ordine.",
  "Pagatore puntuale.",
  "Cantiere aperto fino a fine anno.",
  "Referente amministrativo diverso dal tecnico: mandare le fatture in amministrazione.",
] as const;
export const ROLES = ["Titolare", "Direttore tecnico", "Ufficio acquisti", "Amministrazione", "Capocantiere", "Geometra di cantiere", "Segreteria"] as const;
/** Forms of address, with the professional titles Italian business letters use. */
export const TITLES_MALE = [
  ["Sig.", 6],
  ["Dott.", 1],
  ["Ing.", 1],
  ["Arch.", 1],
  ["Geom.", 2],
] as const;
export const TITLES_FEMALE = [
  ["Sig.ra", 6],
  ["Dott.ssa", 1],
  ["Ing.", 1],
  ["Arch.", 1],
  ["Geom.", 1],
] as const;

export interface Product {
  readonly code: string;
  readonly name: string;
  readonly price: number;
  readonly unit: "pz" | "h" | "ml";
}
/** The catalogue the firm's Odoo already holds (odoo-seed.json), by internal reference. */
export const PRODUCTS: readonly Product[] = [
  { code: "FN-PVC-1A", name: "Finestra PVC 1 anta 60x120", price: 320, unit: "pz" },
  { code: "FN-PVC-2A", name: "Finestra PVC 2 ante 120x140", price: 540, unit: "pz" },
  { code: "FN-ALL-2A", name: "Finestra alluminio taglio termico 2 ante", price: 890, unit: "pz" },
  { code: "FN-LEG-2A", name: "Finestra legno-alluminio 2 ante", price: 1180, unit: "pz" },
  { code: "PF-PVC-2A", name: "Portafinestra PVC 2 ante 140x220", price: 960, unit: "pz" },
  { code: "SC-ALZ", name: "Alzante scorrevole HST 300x230", price: 3450, unit: "pz" },
  { code: "PR-BLI", name: "Porta blindata classe 3", price: 1290, unit: "pz" },
  { code: "PI-LAC", name: "Porta interna laccata bianca", price: 310, unit: "pz" },
  { code: "PE-ALL", name: "Persiana alluminio 2 ante", price: 420, unit: "pz" },
  { code: "TA-MOT", name: "Tapparella motorizzata", price: 380, unit: "pz" },
  { code: "ZA-VER", name: "Zanzariera verticale", price: 95, unit: "pz" },
  { code: "CT-MON", name: "Controtelaio monoblocco", price: 48, unit: "ml" },
  { code: "POSA", name: "Posa in opera", price: 42, unit: "h" },
];
/** A range the firm no longer sells: its quotes still name it, Odoo has no such product. */
export const RETIRED_PRODUCT: Product = { code: "FN-PVC-70", name: "Finestra PVC serie 70 (fuori produzione)", price: 460, unit: "pz" };
export const NOTE_LINES = [
  "Prezzi IVA esclusa. Trasporto compreso.",
  "Smaltimento dei vecchi serramenti a carico del cliente.",
  "Misure da verificare in sede di sopralluogo.",
  "Detrazione fiscale: la pratica ENEA è compresa nel prezzo.",
] as const;
/** Cascading discounts as the ERP writes them: "10+5" is 10% and then 5% off. */
export const DISCOUNTS = [
  ["", 10],
  ["5", 3],
  ["10", 3],
  ["15", 1],
  ["10+5", 2],
  ["20+10", 1],
] as const;
export const QUOTE_SUBJECTS = [
  "Sostituzione serramenti",
  "Fornitura e posa finestre",
  "Serramenti nuova costruzione",
  "Porte interne e blindata",
  "Oscuranti e zanzariere",
] as const;
export const QUOTE_NOTES = [
  "Il cliente valuta anche il legno-alluminio.",
  "Offerta rivista dopo il sopralluogo.",
  "Chiede tempi di consegna entro aprile.",
  "In attesa dell'approvazione dell'assemblea condominiale.",
] as const;
export const QUOTE_STATES = [
  ["Bozza", 2],
  ["Inviata", 5],
  ["Accettata", 4],
  ["Rifiutata", 2],
  ["Scaduta", 2],
] as const;

export const AGENDA_KINDS = [
  ["Telefonata", 5],
  ["Sopralluogo", 3],
  ["Appuntamento", 2],
  ["E-mail", 3],
  ["Promemoria", 2],
] as const;
export const AGENDA_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Telefonata: ["Richiamare per l'offerta", "Sollecito pagamento", "Conferma data di posa", "Chiedere misure"],
  Sopralluogo: ["Sopralluogo per rilievo misure", "Verifica cantiere", "Sopralluogo post-posa"],
  Appuntamento: ["Appuntamento in showroom", "Presentazione campionario"],
  "E-mail": ["Inviare listino", "Inviare schede tecniche", "Inviare offerta aggiornata"],
  Promemoria: ["Preparare offerta", "Controllare ordine al fornitore", "Aggiornare anagrafica"],
};
export const OUTCOMES = [
  "Interessato, attende l'offerta.",
  "Non risponde, riprovare.",
  "Misure prese.",
  "Confermato.",
  "Rimandato alla settimana prossima.",
] as const;
/** Minutes an appointment lasts. */
export const DURATIONS = [30, 45, 60, 90, 120] as const;

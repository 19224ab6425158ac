/**
 * Dutch vocabulary for PerfectView exports. Every character here exists in Windows-1252, so any
 * chunk can be written in either encoding.
 */

export const NL_FIRST_NAMES = [
  "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Jesse", "Bram", "Thijs", "Ruben",
  "Sander", "Jeroen", "Bas", "Pieter", "Willem", "Joost", "Maarten", "Koen", "Sjoerd", "Gert-Jan",
  "Jan", "Kees", "Henk", "Wim", "Erik", "Marco", "Dennis", "René", "André", "Noël",
  "Emma", "Julia", "Sophie", "Anna", "Tess", "Sara", "Fleur", "Lotte", "Eva", "Lisa",
  "Anouk", "Sanne", "Femke", "Marloes", "Ingrid", "Annemiek", "Els", "Marieke", "Petra", "Wilma",
  "Joëlle", "Chloë", "Zoë", "Daniëlle", "Loïs", "Inés", "Mohamed", "Fatima", "Yasmina", "Özlem",
] as const;

/** Surnames with their tussenvoegsel (prefix), which sorts separately in Dutch address books. */
export const NL_LAST_NAMES = [
  "de Vries", "Jansen", "van den Berg", "Bakker", "van Dijk", "de Jong", "Visser", "Smit", "Meijer", "de Boer",
  "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
  "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
  "van der Veen", "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra",
  "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "de Jonge", "Kuipers",
  "Postma", "Martens", "Vink", "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "Smeets",
  "van 't Hof", "Çelik", "Yilmaz", "El Amrani", "Brinkhuis", "Hoogendoorn", "Ter Horst", "Oudshoorn", "Kroeze", "Beukema",
] as const;

export interface NlTown {
  readonly city: string;
  readonly postcodeFrom: number;
  readonly postcodeTo: number;
  /** Area code without the leading 0 for +31 notation, e.g. "20". */
  readonly area: string;
}

export const NL_TOWNS: readonly NlTown[] = [
  { city: "Amsterdam", postcodeFrom: 1011, postcodeTo: 1109, area: "20" },
  { city: "Rotterdam", postcodeFrom: 3011, postcodeTo: 3089, area: "10" },
  { city: "'s-Gravenhage", postcodeFrom: 2491, postcodeTo: 2599, area: "70" },
  { city: "Utrecht", postcodeFrom: 3511, postcodeTo: 3585, area: "30" },
  { city: "Eindhoven", postcodeFrom: 5611, postcodeTo: 5658, area: "40" },
  { city: "Groningen", postcodeFrom: 9711, postcodeTo: 9747, area: "50" },
  { city: "Tilburg", postcodeFrom: 5011, postcodeTo: 5049, area: "13" },
  { city: "Almere", postcodeFrom: 1311, postcodeTo: 1363, area: "36" },
  { city: "Breda", postcodeFrom: 4811, postcodeTo: 4839, area: "76" },
  { city: "Nijmegen", postcodeFrom: 6511, postcodeTo: 6546, area: "24" },
  { city: "Arnhem", postcodeFrom: 6811, postcodeTo: 6846, area: "26" },
  { city: "Haarlem", postcodeFrom: 2011, postcodeTo: 2037, area: "23" },
  { city: "Zwolle", postcodeFrom: 8011, postcodeTo: 8043, area: "38" },
  { city: "Leiden", postcodeFrom: 2311, postcodeTo: 2334, area: "71" },
  { city: "Maastricht", postcodeFrom: 6211, postcodeTo: 6229, area: "43" },
  { city: "'s-Hertogenbosch", postcodeFrom: 5211, postcodeTo: 5248, area: "73" },
  { city: "Delft", postcodeFrom: 2611, postcodeTo: 2629, area: "15" },
  { city: "Enschede", postcodeFrom: 7511, postcodeTo: 7548, area: "53" },
  { city: "Apeldoorn", postcodeFrom: 7311, postcodeTo: 7339, area: "55" },
  { city: "Leeuwarden", postcodeFrom: 8911, postcodeTo: 8939, area: "58" },
];

export const BE_TOWNS = [
  { city: "Antwerpen", postcode: "2000" },
  { city: "Gent", postcode: "9000" },
  { city: "Brugge", postcode: "8000" },
] as const;

export const NL_STREETS = [
  "Hoofdstraat", "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Julianalaan", "Beatrixstraat",
  "Wilhelminastraat", "Schoolstraat", "Industrieweg", "Nieuwstraat", "Marktplein", "Prinsengracht",
  "Keizersgracht", "Havenstraat", "Parallelweg", "Burgemeester de Withstraat", "Koningin Emmaplein",
  "Europalaan", "Handelskade", "Zuiderdiep", "Oude Gracht", "Bedrijvenpark Noord", "Laan van Vollenhove",
] as const;

/** Postcode letters: "SA", "SD" and "SS" are never issued. */
export function nlPostcodeLetters(first: number, second: number): string {
  const letters = "ABCEGHJKLMNPRTVWXZ";
  const a = letters[first % letters.length] ?? "A";
  let b = letters[second % letters.length] ?? "B";
  if (a === "S" && (b === "A" || b === "D" || b === "S")) b = "B";
  return `${a}${b}`;
}

export const NL_COMPANY_WORDS = [
  "Installatietechniek", "Bouw", "Advies", "Logistiek", "Transport", "Automatisering", "Schoonmaak",
  "Techniek", "Groothandel", "Metaalbewerking", "Zorg", "Vastgoed", "Kozijnen", "Elektro", "Catering",
  "Architecten", "Accountants", "Drukkerij", "Verhuur", "Tuinen",
] as const;

export const NL_PLACE_WORDS = [
  "Noordzee", "Rijnmond", "Veluwe", "Delta", "Polder", "Kempen", "Twente", "Waddenzee", "Amstel", "Maasland",
  "Zuidas", "Hollandia", "Oranje", "De Hoeksteen", "Zonnehof", "Coöperatie Het Groene Hart",
] as const;

export const NL_LEGAL_FORMS = ["B.V.", "B.V.", "B.V.", "N.V.", "V.O.F.", "& Zn. B.V.", "Holding B.V."] as const;

export const PV_ROLES = ["Directeur/CEO", "Verkoopmanager", "Contactpersoon facturen", "Inkoper", "Office manager", "Projectleider", "Eigenaar"] as const;

export const PV_BRANCHES = ["Bouw", "Zorg", "Onderwijs", "Detailhandel", "Horeca", "ICT", "Industrie", "Overheid", "Logistiek", "Zakelijke dienstverlening"] as const;

export const PV_INTERESTS = ["Warmtepompen", "Zonnepanelen", "Onderhoud", "Klimaatbeheersing", "Advies"] as const;

export const NL_PERSONAL_DOMAINS = ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.com", "outlook.com", "xs4all.nl", "planet.nl"] as const;

export const PV_ACTIVITY_SUBJECTS = {
  Telefoongesprek: ["Terugbellen over offerte", "Nabellen storing", "Afspraak inplannen", "Vraag over factuur"],
  "E-mail": ["Offerte nagestuurd", "Bevestiging afspraak", "Informatie warmtepomp", "Onderhoudsrapport verstuurd"],
  Afspraak: ["Kennismakingsgesprek", "Opname op locatie", "Oplevering installatie", "Jaarlijkse evaluatie"],
  Taak: ["Offerte uitwerken", "Materiaal bestellen", "Planning monteurs bijwerken", "Garantieaanvraag indienen"],
} as const;

export const PV_SENTENCES = [
  "Klant belde over de storing aan de cv-ketel.",
  "Monteur is op dinsdag langs geweest.",
  "Offerte is besproken, klant wil nog een tweede prijsopgave.",
  "Graag terugbellen vóór 17:00 uur.",
  "Afspraak verzet op verzoek van de klant.",
  "Factuur is verstuurd; klant vraagt om betaling in twee termijnen.",
  'Klant noemt het "dringend": de verwarming doet het niet.',
  "Onderdeel is besteld, levertijd ongeveer één week.",
  "Situatie ter plaatse opgenomen, foto's in het dossier.",
  "Contract voor jaarlijks onderhoud getekend retour ontvangen.",
  "Prijs € 1.250,- excl. btw afgesproken.",
  "Collega's van de financiële afdeling zijn geïnformeerd.",
] as const;

export const PV_CASE_SUBJECTS = [
  "Storing cv-ketel", "Warmtepomp maakt geluid", "Lekkage bij radiator", "Thermostaat reageert niet",
  "Klacht over monteur", "Vraag over onderhoudscontract", "Factuur klopt niet", "Zonnepanelen leveren te weinig",
] as const;

export const PV_LEAD_TOPICS = [
  "Warmtepomp voor kantoorpand", "Vervanging cv-ketels", "Zonnepanelen op bedrijfshal", "Onderhoudscontract installaties",
  "Airco voor serverruimte", "Verduurzaming woningen", "Nieuwbouwproject installaties", "Laadpalen parkeerterrein",
] as const;

export const PV_DOCUMENT_NAMES = [
  ["Offerte ondertekend.pdf", "pdf"],
  ["Onderhoudsrapport.pdf", "pdf"],
  ["Plattegrond begane grond.png", "png"],
  ["Foto situatie.png", "png"],
  ["Notulen overleg.txt", "txt"],
  ["Overeenkomst café.pdf", "pdf"],
  ["Garantiebewijs.pdf", "pdf"],
] as const;

export interface PvProduct {
  readonly code: string;
  readonly name: string;
  /** Cents, excluding VAT. */
  readonly price: number;
  readonly vat: 21 | 9;
}

export const PV_PRODUCTS: readonly PvProduct[] = [
  { code: "CV-HR28", name: "Cv-ketel HR 28 kW", price: 189500, vat: 21 },
  { code: "CV-HR36", name: "Cv-ketel HR 36 kW combi", price: 224900, vat: 21 },
  { code: "WP-LW08", name: "Warmtepomp lucht/water 8 kW", price: 749000, vat: 21 },
  { code: "WP-LW12", name: "Warmtepomp lucht/water 12 kW", price: 925000, vat: 21 },
  { code: "WP-HYB4", name: "Hybride warmtepomp 4 kW", price: 395000, vat: 21 },
  { code: "ZP-410", name: "Zonnepaneel 410 Wp", price: 18900, vat: 21 },
  { code: "OMV-5K", name: "Omvormer 5 kW", price: 129500, vat: 21 },
  { code: "AIR-35", name: "Airco split-unit 3,5 kW", price: 164900, vat: 21 },
  { code: "TH-SLIM", name: "Slimme thermostaat", price: 24900, vat: 21 },
  { code: "RAD-6010", name: "Radiator 600×1000 mm", price: 31500, vat: 21 },
  { code: "BOIL-80", name: "Boiler 80 liter", price: 68900, vat: 21 },
  { code: "LP-11K", name: "Laadpaal 11 kW", price: 119500, vat: 21 },
  { code: "ONDH-CV", name: "Onderhoudscontract cv (jaar)", price: 14900, vat: 21 },
  { code: "ONDH-WP", name: "Onderhoudscontract warmtepomp (jaar)", price: 22900, vat: 21 },
  { code: "ARB-MONT", name: "Arbeid monteur (uur)", price: 6750, vat: 21 },
  { code: "ARB-LEER", name: "Arbeid leerling-monteur (uur)", price: 4250, vat: 21 },
  { code: "VOORRIJ", name: "Voorrijkosten", price: 4500, vat: 21 },
  { code: "ADV-EPA", name: "Energieadvies (EPA)", price: 39500, vat: 21 },
  { code: "ISO-SPOUW", name: "Spouwmuurisolatie (m²)", price: 2450, vat: 9 },
  { code: "MAT-DIV", name: "Klein materiaal", price: 1250, vat: 21 },
];

/** Codes of products that no longer exist (absent from the Odoo seed). */
export const PV_RETIRED_PRODUCT_CODES = ["OUD-CV24", "OUD-BOIL50", "X-ACTIE19", "ZP-300"] as const;

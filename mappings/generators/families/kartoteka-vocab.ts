/**
 * The words of the Kartoteka family (kartoteka.ts): the people, places, firms, public bodies and
 * numbers of a heating and plumbing wholesaler near Poznań, as its desktop ERP (the contractor
 * registry, "kartoteka kontrahentów") and its web CRM hold them.
 */
import type { Rng } from "../prng.js";
import { slug } from "./family.js";

export const KARTOTEKA_FIRM = { name: "Instal-Term Sp. z o.o.", domain: "instalterm.pl" } as const;

/**
 * The sales team, who are the firm's Odoo users. `code` is the ERP operator's code, which the
 * registry writes as a contractor's carer (Opiekun); the CRM writes the user's e-mail.
 */
export const SALES_TEAM = [
  { first: "Anna", last: "Nowak", code: "ANOWAK" },
  { first: "Piotr", last: "Wiśniewski", code: "PWISNIEWSKI" },
  { first: "Katarzyna", last: "Wójcik", code: "KWOJCIK" },
  { first: "Tomasz", last: "Kamiński", code: "TKAMINSKI" },
  { first: "Magdalena", last: "Lewandowska", code: "MLEWANDOWSKA" },
] as const;
/** Left the firm in 2025: the ERP still has the operator, Odoo has no such user. */
export const FORMER_SELLER = { first: "Marek", last: "Zieliński", code: "MZIELINSKI" } as const;
/** The ERP's administrator account: a contractor "cared for" by it has nobody. */
export const NOBODY_CODE = "ADMIN";

export interface PolishName {
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
}

const FIRST_FEMALE = [
  "Anna",
  "Maria",
  "Katarzyna",
  "Małgorzata",
  "Agnieszka",
  "Barbara",
  "Ewa",
  "Joanna",
  "Beata",
  "Dorota",
  "Iwona",
  "Monika",
  "Elżbieta",
  "Justyna",
] as const;
const FIRST_MALE = [
  "Jan",
  "Piotr",
  "Krzysztof",
  "Andrzej",
  "Tomasz",
  "Paweł",
  "Michał",
  "Marcin",
  "Grzegorz",
  "Łukasz",
  "Mariusz",
  "Zbigniew",
  "Jerzy",
  "Dariusz",
  "Sławomir",
] as const;
/** Surnames with their feminine form: most -ski/-cki names change, the others do not. */
const SURNAMES: readonly (readonly [string, string])[] = [
  ["Nowak", "Nowak"],
  ["Kowalski", "Kowalska"],
  ["Wiśniewski", "Wiśniewska"],
  ["Wójcik", "Wójcik"],
  ["Kowalczyk", "Kowalczyk"],
  ["Kamiński", "Kamińska"],
  ["Lewandowski", "Lewandowska"],
  ["Szymański", "Szymańska"],
  ["Woźniak", "Woźniak"],
  ["Dąbrowski", "Dąbrowska"],
  ["Kozłowski", "Kozłowska"],
  ["Jankowski", "Jankowska"],
  ["Mazur", "Mazur"],
  ["Kwiatkowski", "Kwiatkowska"],
  ["Krawczyk", "Krawczyk"],
  ["Piotrowski", "Piotrowska"],
  ["Grabowski", "Grabowska"],
  ["Pawłowski", "Pawłowska"],
  ["Michalski", "Michalska"],
  ["Król", "Król"],
  ["Wieczorek", "Wieczorek"],
  ["Jabłoński", "Jabłońska"],
  ["Wróbel", "Wróbel"],
  ["Stępień", "Stępień"],
  ["Nowicki", "Nowicka"],
  ["Górski", "Górska"],
  ["Walczak", "Walczak"],
  ["Sikora", "Sikora"],
  ["Kaczmarek", "Kaczmarek"],
  ["Przybylski", "Przybylska"],
  ["Olejniczak", "Olejniczak"],
  ["Ratajczak", "Ratajczak"],
];

export function polishName(rng: Rng): PolishName {
  const female = rng.chance(0.45);
  const [male, feminine] = rng.pick(SURNAMES);
  return { first: female ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE), last: female ? feminine : male, female };
}

export interface Place {
  readonly town: string;
  /** The first digits of its post codes ("60-", "62-02"), one drawn for each address. */
  readonly zips: readonly string[];
  readonly voivodeship: string;
  readonly area: string;
  readonly streets: readonly string[];
  /** Villages whose post office is in this town: the address is "Dąbrówka 15, 62-070 Dopiewo". */
  readonly villages?: readonly string[];
}

export const PLACES: readonly Place[] = [
  {
    town: "Poznań",
    zips: ["60-", "61-"],
    voivodeship: "wielkopolskie",
    area: "61",
    streets: [
      "ul. Głogowska",
      "ul. Grunwaldzka",
      "ul. Dąbrowskiego",
      "os. Bolesława Chrobrego",
      "ul. Hetmańska",
      "ul. Bukowska",
      "al. Niepodległości",
      "ul. Gdyńska",
      "os. Piastowskie",
    ],
  },
  {
    town: "Swarzędz",
    zips: ["62-02"],
    voivodeship: "wielkopolskie",
    area: "61",
    streets: ["ul. Poznańska", "ul. Rynkowa", "os. Czwartaków", "ul. Rabowicka"],
    villages: ["Jasin", "Gruszczyn"],
  },
  {
    town: "Dopiewo",
    zips: ["62-07"],
    voivodeship: "wielkopolskie",
    area: "61",
    streets: ["ul. Szkolna", "ul. Leśna"],
    villages: ["Dąbrówka", "Skórzewo", "Zakrzewo", "Palędzie"],
  },
  {
    town: "Tarnowo Podgórne",
    zips: ["62-08"],
    voivodeship: "wielkopolskie",
    area: "61",
    streets: ["ul. Poznańska", "ul. Rumiankowa"],
    villages: ["Baranowo", "Przeźmierowo", "Sady"],
  },
  { town: "Luboń", zips: ["62-03"], voivodeship: "wielkopolskie", area: "61", streets: ["ul. Armii Poznań", "ul. Żabikowska", "ul. Sobieskiego"] },
  { town: "Gniezno", zips: ["62-20"], voivodeship: "wielkopolskie", area: "61", streets: ["ul. Wrzesińska", "ul. Kostrzewskiego", "ul. Gdańska"] },
  { town: "Konin", zips: ["62-50", "62-51"], voivodeship: "wielkopolskie", area: "63", streets: ["ul. Przemysłowa", "al. 1 Maja", "ul. Kolejowa"] },
  { town: "Leszno", zips: ["64-10"], voivodeship: "wielkopolskie", area: "65", streets: ["ul. Święciechowska", "ul. Grunwaldzka"] },
  { town: "Wrocław", zips: ["50-", "51-", "53-", "54-"], voivodeship: "dolnośląskie", area: "71", streets: ["ul. Legnicka", "ul. Krakowska", "ul. Ślężna"] },
  { town: "Zielona Góra", zips: ["65-"], voivodeship: "lubuskie", area: "68", streets: ["ul. Botaniczna", "ul. Sulechowska"] },
  { town: "Bydgoszcz", zips: ["85-"], voivodeship: "kujawsko-pomorskie", area: "52", streets: ["ul. Fordońska", "ul. Grunwaldzka"] },
  { town: "Łódź", zips: ["90-", "91-", "92-", "93-"], voivodeship: "łódzkie", area: "42", streets: ["ul. Piotrkowska", "al. Włókniarzy"] },
  {
    town: "Warszawa",
    zips: ["00-", "01-", "02-", "03-"],
    voivodeship: "mazowieckie",
    area: "22",
    streets: ["ul. Marszałkowska", "al. Jerozolimskie", "ul. Puławska"],
  },
  { town: "Katowice", zips: ["40-"], voivodeship: "śląskie", area: "32", streets: ["ul. Chorzowska", "al. Korfantego"] },
  { town: "Szczecin", zips: ["70-", "71-"], voivodeship: "zachodniopomorskie", area: "91", streets: ["ul. Gdańska", "al. Wyzwolenia"] },
];

/** Where the firm sells most: Poznań and the towns around it. */
export const PLACE_WEIGHTS: readonly (readonly [number, number])[] = PLACES.map((place, index) => [index, index === 0 ? 10 : index < 8 ? 3 : 1]);

/** Municipalities (Gmina / Miasto) with the units they pay for, which share their NIP. */
export const MUNICIPALITIES = [
  { name: "Gmina Swarzędz", town: "Swarzędz", locative: "w Swarzędzu" },
  { name: "Gmina Dopiewo", town: "Dopiewo", locative: "w Dopiewie" },
  { name: "Gmina Tarnowo Podgórne", town: "Tarnowo Podgórne", locative: "w Tarnowie Podgórnym" },
  { name: "Miasto Luboń", town: "Luboń", locative: "w Luboniu" },
  { name: "Miasto Gniezno", town: "Gniezno", locative: "w Gnieźnie" },
  { name: "Miasto Konin", town: "Konin", locative: "w Koninie" },
] as const;

/** A municipality's units: schools, nurseries, a sports centre, a water company's office. */
export const UNIT_KINDS = [
  { name: "Szkoła Podstawowa nr {n} {w}", short: "SP {n} {town}", symbol: "SP{n}" },
  { name: "Przedszkole Publiczne nr {n} {w}", short: "Przedszkole {n} {town}", symbol: "PP{n}" },
  { name: "Ośrodek Sportu i Rekreacji {w}", short: "OSiR {town}", symbol: "OSIR" },
  { name: "Zespół Szkół Zawodowych {w}", short: "ZSZ {town}", symbol: "ZSZ" },
] as const;

/** Trade names of installers, builders and developers. */
export const TRADE_WORDS = [
  "Hydro-Bud",
  "Termo-Instal",
  "Instal-Serwis",
  "Term-Pol",
  "Ekoterm",
  "Aqua-Tech",
  "Wod-Kan",
  "Gaz-Instal",
  "Klimat-Pro",
  "Instalbud",
  "Termomax",
  "Grzej-Tech",
  "Pompex",
  "Rem-Bud",
  "Dom-Bud",
  "Inwest-Bud",
  "Mont-Pol",
  "Eko-Energia",
  "Sanitec",
  "Instalex",
  "Marbud",
  "Probud",
  "Bud-Mar",
  "Ciepło-Tech",
  "Wielkopolska Energia",
  "Złota Rączka",
  "Żuraw-Bud",
  "Śląskie Instalacje",
  "Łączność Instal",
  "Źródło Ciepła",
] as const;

export const DEVELOPER_WORDS = [
  "Atrium",
  "Nowe Winogrady",
  "Osiedle Zielone",
  "Rataje Park",
  "Bukowska Residence",
  "Cytadela Apartamenty",
  "Nad Wartą",
  "Malta Park",
  "Sołacz",
] as const;

/** What follows a trade word in a firm's name, when the word alone is taken. */
export const TRADE_TAILS = ["Serwis", "Plus", "Technika", "Instalacje", "Systemy", "Group", "Projekt", "Energia"] as const;

/** The firm types of the registry, each with its legal form. */
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ["Sp. z o.o.", 10],
  ["S.A.", 1],
  ["Sp. j.", 2],
  ["Sp. k.", 1],
  ["Sp. z o.o. Sp. k.", 2],
  ["s.c.", 2],
];

/** A sole trader's business ("jednoosobowa działalność gospodarcza") carries the owner's name. */
export const SOLE_TRADES = [
  "Usługi Hydrauliczne",
  "Instalatorstwo Sanitarne",
  "Zakład Instalacyjny",
  "Usługi Remontowo-Budowlane",
  "Instalacje Grzewcze",
  "Serwis Kotłów Gazowych",
] as const;

/** Suppliers at home and abroad (amounts of the foreign ones are in euro). */
export const SUPPLIERS = [
  { name: "Rurex S.A.", country: "Polska" },
  { name: "Grzejniki Polskie Sp. z o.o.", country: "Polska" },
  { name: "Kotły Ekotherm Sp. z o.o.", country: "Polska" },
  { name: "Armatura Mazowsze Sp. z o.o.", country: "Polska" },
  { name: "Heiztechnik Bauer GmbH", country: "Niemcy" },
  { name: "Armaturen Schmidt GmbH & Co. KG", country: "Niemcy" },
  { name: "Topení Dvořák s.r.o.", country: "Czechy" },
] as const;

/** Customers across the western border, in euro. */
export const FOREIGN_CUSTOMERS = [
  { name: "Haustechnik Weber GmbH", town: "Frankfurt (Oder)", zip: "15230", country: "Niemcy" },
  { name: "Sanitär Krüger GmbH", town: "Görlitz", zip: "02826", country: "Niemcy" },
  { name: "Heizung & Bad Lehmann e.K.", town: "Cottbus", zip: "03046", country: "Niemcy" },
  { name: "Instalace Horák s.r.o.", town: "Liberec", zip: "46001", country: "Czechy" },
  { name: "Wärmetechnik Schulz GmbH", town: "Guben", zip: "03172", country: "Niemcy" },
  { name: "Topenářství Procházka s.r.o.", town: "Náchod", zip: "54701", country: "Czechy" },
] as const;

/** The registry's contractor groups. */
export const GROUPS = {
  installer: "Instalatorzy",
  builder: "Firmy budowlane",
  developer: "Deweloperzy",
  wholesaler: "Hurtownie",
  public: "Sektor publiczny",
  private: "Klienci detaliczni",
  supplier: "Dostawcy",
  foreign: "Eksport",
} as const;

export const ROLES = [
  "Prezes Zarządu",
  "Właściciel",
  "Kierownik budowy",
  "Kierownik robót sanitarnych",
  "Główna księgowa",
  "Specjalista ds. zaopatrzenia",
  "Zaopatrzeniowiec",
  "Dyrektor",
  "Kierownik gospodarczy",
  "Inspektor nadzoru",
  "Projektant",
  "Sekretariat",
] as const;

export const DEPARTMENTS = ["Zarząd", "Zakupy", "Księgowość", "Realizacja", "Administracja", "Dział techniczny"] as const;

export const DEAL_SUBJECTS = [
  "Kotłownia gazowa",
  "Pompy ciepła",
  "Instalacja c.o. i c.w.u.",
  "Wymiana grzejników",
  "Rekuperacja",
  "Dostawa armatury",
  "Modernizacja węzła cieplnego",
  "Ogrzewanie podłogowe",
  "Instalacja wod.-kan.",
  "Termomodernizacja",
] as const;

export const STAGES = ["Kwalifikacja", "Analiza potrzeb", "Oferta", "Negocjacje", "Zamknięcie"] as const;

export const LOSS_REASONS = ["Cena", "Wybrano konkurencję", "Brak budżetu", "Inwestycja wstrzymana", "Przetarg unieważniony"] as const;

export const SOURCES: readonly (readonly [string, number])[] = [
  ["Polecenie", 5],
  ["Strona WWW", 4],
  ["Telefon przychodzący", 3],
  ["Targi Instalacje Poznań", 2],
  ["Przetarg (BZP)", 2],
  ["Stały klient", 6],
];

export const DEAL_TAGS = ["pompy ciepła", "OZE", "fotowoltaika", "przetarg", "duży projekt", "serwis"] as const;

/** The CRM's event types, with what a subject of each looks like. */
export const EVENT_KINDS: readonly (readonly [string, number])[] = [
  ["Telefon", 8],
  ["Spotkanie", 4],
  ["E-mail", 5],
  ["Zadanie", 4],
  ["Notatka", 3],
  ["Wysłanie oferty", 2],
];

export const EVENT_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Telefon: ["Pytanie o termin dostawy", "Ustalenie rabatu", "Przypomnienie o płatności", "Rozmowa z kierownikiem budowy", "Reklamacja zaworu"],
  Spotkanie: ["Prezentacja pomp ciepła", "Spotkanie na budowie", "Omówienie oferty", "Wizyta u klienta", "Odbiór techniczny"],
  "E-mail": ["Wysłano katalog", "Potwierdzenie zamówienia", "Prośba o rysunki", "Przesłano cennik 2026"],
  Zadanie: ["Przygotować ofertę", "Sprawdzić dostępność kotłów", "Wystawić korektę", "Zadzwonić w sprawie płatności"],
  Notatka: ["Klient zainteresowany rekuperacją", "Zmiana osoby decyzyjnej", "Uwagi z rozmowy"],
  "Wysłanie oferty": ["Oferta na kotłownię", "Oferta na armaturę", "Oferta na pompy ciepła"],
};

export const EVENT_NOTES = [
  "Klient prosi o kontakt po 15:00.",
  "Oferta do akceptacji przez zarząd.\nTermin decyzji: koniec miesiąca.",
  "Dostawa na budowę, rozładunek HDS.",
  "Rabat 5% na armaturę uzgodniony z p. Nową.",
  "Przesłać dokumentację techniczną w PDF.",
] as const;

export const INTERNAL_SUBJECTS = ["Inwentaryzacja magazynu", "Szkolenie z nowego cennika", "Przegląd samochodu służbowego"] as const;

export const REMARKS = [
  "Płaci w terminie",
  "Dostawy tylko po 7:00",
  "Wymaga zamówienia na piśmie",
  "Faktury na adres korespondencyjny",
  "Klient strategiczny",
] as const;

export const FREE_MAIL = ["wp.pl", "onet.pl", "o2.pl", "interia.pl", "gmail.com"] as const;

/** `count` random digits. */
export function digits(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => String(rng.int(0, 9))).join("");
}

/** A valid NIP (ten digits, the last a weighted sum modulo 11), as the ten digits. */
export function nip(rng: Rng): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (;;) {
    const body = `${rng.int(1, 9)}${digits(rng, 8)}`;
    const check = [...body].reduce((sum, digit, index) => sum + Number(digit) * (weights[index] ?? 0), 0) % 11;
    if (check < 10) return `${body}${check}`;
  }
}

/** A NIP as the ERP's users typed it: mostly with dashes, sometimes bare, EU VAT payers with PL. */
export function nipAsTyped(rng: Rng, digitsOnly: string): string {
  const style = rng.weighted([
    ["dashed", 7],
    ["bare", 2],
    ["pl", 1],
  ] as const);
  if (style === "bare") return digitsOnly;
  if (style === "pl") return `PL${digitsOnly}`;
  return `${digitsOnly.slice(0, 3)}-${digitsOnly.slice(3, 6)}-${digitsOnly.slice(6, 8)}-${digitsOnly.slice(8)}`;
}

/** A valid nine-digit REGON. */
export function regon(rng: Rng): string {
  const weights = [8, 9, 2, 3, 4, 5, 6, 7];
  const body = `${rng.int(1, 9)}${digits(rng, 7)}`;
  const check = ([...body].reduce((sum, digit, index) => sum + Number(digit) * (weights[index] ?? 0), 0) % 11) % 10;
  return `${body}${check}`;
}

/** A Polish bank account (NRB) with valid check digits, grouped by four as banks print it. */
export function bankAccount(rng: Rng): string {
  const bban = `${pickBank(rng)}${digits(rng, 16)}`;
  const remainder = BigInt(`${bban}252100`) % 97n; // "PL" is 25 21, then 00 for the check digits
  const check = String(98n - remainder).padStart(2, "0");
  const account = `${check}${bban}`;
  return `${account.slice(0, 2)} ${account.slice(2).replace(/(\d{4})(?=\d)/g, "$1 ")}`;
}

function pickBank(rng: Rng): string {
  // Bank sort codes (eight digits with their own check digit), a few of the big banks'.
  return rng.pick(["10901014", "10201055", "11402004", "10501461", "12401747", "16001462"]);
}

/** Lower-case ASCII for addresses and domains, "ł" as "l" (NFD does not take it apart). */
export function plSlug(text: string): string {
  return slug(text.replace(/ł/g, "l").replace(/Ł/g, "L"));
}

/** ASCII upper-case for the ERP's contractor codes (Symbol). */
export function symbolOf(text: string): string {
  return text
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "")
    .slice(0, 12);
}

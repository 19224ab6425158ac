/**
 * The words of the Kundregister family (kundregister.ts): Swedish names, firms, towns, post codes
 * and phone numbers, the Nordic neighbours' addresses and tax numbers, and the vocabulary of a
 * Swedish accounting program's customer register and of the web CRM beside it.
 */
import type { Rng } from "../prng.js";
import { pad } from "./family.js";

export const KUNDREGISTER_FIRM = { name: "Västkust Tryck AB", domain: "vastkusttryck.se" } as const;

export interface SwedishName {
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
}

/** A member of staff: the accounting program and the activity log name them by their signature. */
export interface Seller extends SwedishName {
  readonly signature: string;
}

/** The sales and office staff: Odoo users by their name and e-mail. */
export const STAFF: readonly Seller[] = [
  { first: "Anna", last: "Lindqvist", female: true, signature: "AL" },
  { first: "Mikael", last: "Bergström", female: false, signature: "MB" },
  { first: "Sara", last: "Åkesson", female: true, signature: "SÅ" },
  { first: "Erik", last: "Holmgren", female: false, signature: "EH" },
  { first: "Linnéa", last: "Ekström", female: true, signature: "LE" },
];

/** Retired in 2025: the signature table still lists him (Aktiv Nej), no Odoo user has his name. */
export const FORMER: Seller = { first: "Per-Olof", last: "Sandberg", female: false, signature: "POS" };

const MALE = [
  "Lars",
  "Anders",
  "Johan",
  "Per",
  "Erik",
  "Karl",
  "Magnus",
  "Peter",
  "Jonas",
  "Fredrik",
  "Henrik",
  "Björn",
  "Göran",
  "Nils",
  "Oskar",
  "Mattias",
  "Stefan",
  "Ulf",
  "Håkan",
  "Jörgen",
];
const FEMALE = [
  "Karin",
  "Eva",
  "Maria",
  "Lena",
  "Johanna",
  "Ingrid",
  "Malin",
  "Elin",
  "Sofia",
  "Åsa",
  "Helena",
  "Ulrika",
  "Birgitta",
  "Camilla",
  "Frida",
  "Märta",
  "Emma",
  "Kerstin",
];
const SURNAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Hansson",
  "Bengtsson",
  "Jönsson",
  "Lindberg",
  "Lindström",
  "Lundberg",
  "Sjöberg",
  "Wallin",
  "Engström",
  "Holm",
  "Söderberg",
  "Nyström",
  "Håkansson",
  "Björk",
  "Öberg",
  "Falk",
  "Forsberg",
  "Åberg",
];

export function swedishName(rng: Rng): SwedishName {
  const female = rng.chance(0.5);
  return { first: rng.pick(female ? FEMALE : MALE), last: rng.pick(SURNAMES), female };
}

/** Lower-case ASCII for addresses: "Åkesson" → "akesson", "Per-Olof" → "per-olof". */
export function seSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "");
}

/** The Luhn check digit Swedish organisation and personal identity numbers end in. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    const doubled = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

function randomDigits(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => String(rng.int(0, 9))).join("");
}

/** A Swedish organisation number `NNNNNN-NNNN` starting with the prefix of its legal form. */
export function orgNumber(rng: Rng, prefix: string): string {
  const nine = prefix + randomDigits(rng, 9 - prefix.length);
  const ten = nine + String(luhnDigit(nine));
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

/** A sole trader's personal identity number `YYMMDD-NNNN`: the firm's organisation number. */
export function personalNumber(rng: Rng): string {
  const nine = `${pad(rng.int(45, 99))}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}${randomDigits(rng, 3)}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnDigit(nine)}`;
}

export interface Town {
  /** As a Swedish address writes the post town: in capitals. */
  readonly name: string;
  readonly zip: readonly [number, number];
  readonly area: string;
}

export const TOWNS: readonly (readonly [Town, number])[] = [
  [{ name: "GÖTEBORG", zip: [41101, 41879], area: "031" }, 30],
  [{ name: "MÖLNDAL", zip: [43130, 43169], area: "031" }, 8],
  [{ name: "KUNGSBACKA", zip: [43430, 43499], area: "0300" }, 6],
  [{ name: "KUNGÄLV", zip: [44230, 44298], area: "0303" }, 4],
  [{ name: "ALINGSÅS", zip: [44130, 44195], area: "0322" }, 4],
  [{ name: "BORÅS", zip: [50330, 50764], area: "033" }, 6],
  [{ name: "TROLLHÄTTAN", zip: [46130, 46170], area: "0520" }, 4],
  [{ name: "UDDEVALLA", zip: [45130, 45197], area: "0522" }, 4],
  [{ name: "HALMSTAD", zip: [30230, 30295], area: "035" }, 4],
  [{ name: "STOCKHOLM", zip: [11120, 11860], area: "08" }, 7],
  [{ name: "UPPLANDS VÄSBY", zip: [19430, 19493], area: "08" }, 2],
  [{ name: "MALMÖ", zip: [21115, 21775], area: "040" }, 4],
  [{ name: "JÖNKÖPING", zip: [55305, 55649], area: "036" }, 3],
];

/** Post code and town as Swedish addresses write them: "411 05 GÖTEBORG". */
export function swedishPostal(rng: Rng, town: Town): string {
  const zip = String(rng.int(town.zip[0], town.zip[1]));
  return `${zip.slice(0, 3)} ${zip.slice(3)} ${town.name}`;
}

export const STREETS = [
  "Sockerbruksgatan",
  "Storgatan",
  "Kungsgatan",
  "Industrivägen",
  "Järnvägsgatan",
  "Fabriksgatan",
  "Hantverkaregatan",
  "Åkerivägen",
  "Södra Vägen",
  "Östra Hamngatan",
  "Verkstadsgatan",
  "Mölndalsvägen",
  "Backavägen",
  "Ringvägen",
  "Kvarnbergsgatan",
  "Lilla Torget",
];

export function street(rng: Rng): string {
  return `${rng.pick(STREETS)} ${rng.int(1, 88)}${rng.chance(0.15) ? rng.pick(["A", "B", "C"]) : ""}`;
}

/** A Swedish landline in one of the spellings the register holds: "031-12 34 56", "+46 31 123 45 67". */
export function landline(rng: Rng, area: string): string {
  const local = area.length <= 3 ? `${rng.int(100, 799)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : `${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
  if (rng.chance(0.2)) return `+46 ${area.slice(1)} ${local}`;
  return `${area}-${local}`;
}

export function mobile(rng: Rng): string {
  return `07${rng.pick(["0", "2", "3", "6"])}-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
}

/** A customer in a neighbouring country: its post code with the country's letter, its VAT number, its phone. */
export interface ForeignPlace {
  /** Land, as the register writes it. */
  readonly country: string;
  readonly postal: (rng: Rng) => string;
  readonly vat: (rng: Rng) => string;
  readonly phone: (rng: Rng) => string;
  readonly currency: string;
  readonly suffix: string;
  readonly tld: string;
  /** Words its firms' names start with. */
  readonly stems: readonly string[];
}

/** A number whose weighted digits with its check digit sum to a multiple of 11, drawn until one exists. */
function mod11(rng: Rng, length: number, weights: readonly number[]): string {
  for (;;) {
    const body = randomDigits(rng, length);
    const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return body + String(check);
  }
}

/** Germany's VAT check digit (ISO 7064 MOD 11,10). */
function germanVat(rng: Rng): string {
  const body = String(rng.int(1, 9)) + randomDigits(rng, 7);
  let product = 10;
  for (const digit of body) {
    let sum = (Number(digit) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return `DE${body}${check}`;
}

export const FOREIGN: readonly ForeignPlace[] = [
  {
    country: "Norge",
    postal: (rng) => rng.pick([`N-0${rng.int(150, 680)} OSLO`, `N-1${rng.int(601, 639)} FREDRIKSTAD`]),
    vat: (rng) => `NO${mod11(rng, 8, [3, 2, 7, 6, 5, 4, 3, 2])}MVA`,
    phone: (rng) => `+47 ${rng.int(21, 69)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
    currency: "NOK",
    suffix: "AS",
    stems: ["Nordlys", "Fjord", "Viken"],
    tld: "no",
  },
  {
    country: "Danmark",
    postal: (rng) => rng.pick(["DK-2100 KØBENHAVN Ø", "DK-8000 AARHUS C", "DK-5000 ODENSE C"]),
    vat: (rng) => `DK${mod11(rng, 7, [2, 7, 6, 5, 4, 3, 2])}`,
    phone: (rng) => `+45 ${rng.int(30, 89)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
    currency: "DKK",
    suffix: "ApS",
    stems: ["Øresund", "Jylland", "Kattegat"],
    tld: "dk",
  },
  {
    country: "Finland",
    // Swedes write Finland's towns by their Swedish names.
    postal: (rng) => rng.pick([`FI-00${rng.int(100, 990)} HELSINGFORS`, "FI-65100 VASA", "FI-20100 ÅBO"]),
    vat: (rng) => `FI${mod11(rng, 7, [7, 9, 10, 5, 8, 4, 2])}`,
    phone: (rng) => `+358 ${rng.int(9, 40)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    currency: "EUR",
    suffix: "Oy Ab",
    stems: ["Botnia", "Aura", "Kvarken"],
    tld: "fi",
  },
  {
    country: "Tyskland",
    postal: (rng) => `D-20${rng.int(95, 459)} HAMBURG`,
    vat: germanVat,
    phone: (rng) => `+49 40 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    currency: "EUR",
    suffix: "GmbH",
    stems: ["Hanse", "Alster", "Elbe"],
    tld: "de",
  },
];

/** The trades of a print shop's customers: [word in a firm's name, the register's category]. */
export const TRADES: readonly (readonly [string, string])[] = [
  ["Bygg", "FÖRETAG"],
  ["Fastigheter", "FÖRETAG"],
  ["Reklambyrå", "BYRÅ"],
  ["Kommunikation", "BYRÅ"],
  ["Design", "BYRÅ"],
  ["Konsult", "FÖRETAG"],
  ["Bil", "FÖRETAG"],
  ["Måleri", "FÖRETAG"],
  ["Redovisning", "FÖRETAG"],
  ["El", "FÖRETAG"],
  ["Transport", "FÖRETAG"],
  ["Event", "BYRÅ"],
  ["Tandvård", "FÖRETAG"],
  ["VVS", "FÖRETAG"],
  ["Mekaniska Verkstad", "FÖRETAG"],
  ["Blommor", "BUTIK"],
  ["Bokhandel", "BUTIK"],
  ["Inredning", "BUTIK"],
];

export const PLACE_WORDS = ["Väst", "Nordic", "Hisingen", "Kust", "Göta", "Älv", "Bohus", "Mölndals", "Lerums", "Saltholmens", "Majornas", "Kvarnby"];

export const ASSOCIATIONS = [
  "IK Kongahälla",
  "Föreningen Gamla Majorna",
  "Hisingens Konstförening",
  "Västra Frölunda IF",
  "Göteborgs Körförbund",
  "Lerums Hembygdsförening",
];
export const HOUSING = ["Solrosen", "Kastanjen", "Fyrtornet", "Eken", "Skeppet", "Vallmon", "Ankaret"];
export const MUNICIPALITIES = ["Lerums kommun", "Kungälvs kommun", "Härryda kommun", "Partille kommun", "Ale kommun", "Stenungsunds kommun"];

/** The register's payment terms: days net, or K for cash. */
export const TERMS: readonly (readonly [string, number])[] = [
  ["30", 10],
  ["10", 4],
  ["20", 3],
  ["15", 2],
  ["K", 1],
];

export const INVOICE_METHODS: readonly (readonly [string, number])[] = [
  ["E-post", 8],
  ["Papper", 3],
  ["E-faktura", 2],
];

export const REMARKS = [
  "Vill ha korrektur per e-post före tryck.",
  "Leverans till baksidan, porten på Fabriksgatan.",
  "Faktureras via inköpsordernummer, ange alltid PO.",
  "Kräver förskottsbetalning efter sen betalning 2024.",
  "Ramavtal t.o.m. 2026-12-31.\nPriser enligt prislista B.",
];

export const ROLES = ["VD", "Marknadschef", "Inköpare", "Ekonomiansvarig", "Kommunikatör", "Grafisk formgivare", "Projektledare", "Kontorschef", "Ordförande"];
export const DEPARTMENTS = ["Marknad", "Inköp", "Ekonomi", "Ledning", "Kommunikation"];
/** The CRM's roles of a contact person, several to a cell, comma-separated. */
export const PERSON_ROLES = ["Beslutsfattare", "Inköpare", "Fakturamottagare", "Korrektur", "Nyhetsbrev"];

/** The CRM's phases, numbered as its list sorts them. */
export const PHASES = ["1. Kontakt", "2. Behovsanalys", "3. Offert", "4. Förhandling"] as const;
export const WON = "5. Vunnen";
export const LOST = "0. Förlorad";
export const LOSS_REASONS = ["Pris", "Valde annan leverantör", "Projektet avbrutet", "Leveranstid", "Ingen budget"];
export const PRODUCT_AREAS = ["Trycksaker", "Storformat", "Skyltar", "Profilprodukter", "Förpackningar", "Digitaltryck"];
export const DEAL_SUBJECTS = ["Årsredovisning", "Broschyrer", "Mässmaterial", "Skyltprogram", "Visitkort och brevpapper", "Kataloger", "Rollups", "Julkort"];

/** The activity log's kinds, as the CRM's report writes them, and how often each is logged. */
export const ACTIVITY_KINDS: readonly (readonly [string, number])[] = [
  ["Telefonsamtal", 30],
  ["Möte", 10],
  ["Kundbesök", 8],
  ["E-post", 20],
  ["Att göra", 14],
  ["Anteckning", 10],
];

export const ACTIVITY_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Telefonsamtal: ["Uppföljning offert", "Fråga om leverans", "Ny förfrågan", "Reklamation"],
  Möte: ["Genomgång av skyltprogram", "Årsplanering", "Presentation av nyheter"],
  Kundbesök: ["Besök hos kund", "Provtryck på plats", "Mätning inför skyltar"],
  "E-post": ["Skickat offert", "Skickat korrektur", "Prisfråga"],
  "Att göra": ["Skicka offert", "Ring upp", "Boka möte", "Skicka prover"],
  Anteckning: ["Kunden byter logotyp", "Ny inköpare från maj", "Budget för nästa år"],
};

export const ACTIVITY_NOTES = [
  "Kunden återkommer efter styrelsemötet.",
  "Vill ha pris på 500 och 1000 ex.",
  "Pratade med inköp, ny kontaktperson.",
  "Korrektur godkänt, går till tryck måndag.",
  "Missnöjd med färgåtergivningen på förra ordern.\nKompensation: 10 % på nästa.",
];

export const PROSPECT_SOURCES: readonly (readonly [string, number])[] = [
  ["Mässa", 3],
  ["Webbformulär", 4],
  ["Tips från kund", 2],
  ["Kalla samtal", 2],
];

/** The prospects' states; Blev kund (became a customer) names the customer's number. */
export const PROSPECT_STATES: readonly (readonly [string, number])[] = [
  ["Ny", 4],
  ["Kontaktad", 4],
  ["Kvalificerad", 2],
  ["Ej intressant", 2],
  ["Blev kund", 2],
];

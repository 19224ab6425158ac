/**
 * The words of the Pelatologio family (pelatologio.ts): Greek names (a given name's formal form
 * for the registers, its everyday form for the CRM; a surname's male and female forms), firms of
 * the hospitality trade of Northern Greece, towns with their post codes, area codes, prefectures
 * and tax offices, tax numbers (ΑΦΜ) with their check digit, and the transliteration Greek
 * e-mail addresses are written in.
 */
import type { Rng } from "../prng.js";
import { pad } from "./family.js";

export const PELATOLOGIO_FIRM = { name: "Ψυκτική Βορείου Ελλάδος Α.Ε.", domain: "psyktiki-voreiou.gr" } as const;

/** A given name: [the formal form a register writes, the everyday form people are called by]. */
type GivenName = readonly [formal: string, everyday: string];

const MALE: readonly GivenName[] = [
  ["Γεώργιος", "Γιώργος"],
  ["Νικόλαος", "Νίκος"],
  ["Κωνσταντίνος", "Κώστας"],
  ["Ιωάννης", "Γιάννης"],
  ["Δημήτριος", "Δημήτρης"],
  ["Βασίλειος", "Βασίλης"],
  ["Χρήστος", "Χρήστος"],
  ["Αθανάσιος", "Θανάσης"],
  ["Παναγιώτης", "Παναγιώτης"],
  ["Αντώνιος", "Αντώνης"],
  ["Μιχαήλ", "Μιχάλης"],
  ["Στυλιανός", "Στέλιος"],
  ["Σπυρίδων", "Σπύρος"],
  ["Ελευθέριος", "Λευτέρης"],
  ["Άγγελος", "Άγγελος"],
  ["Ευάγγελος", "Βαγγέλης"],
];

const FEMALE: readonly GivenName[] = [
  ["Μαρία", "Μαρία"],
  ["Ελένη", "Ελένη"],
  ["Αικατερίνη", "Κατερίνα"],
  ["Βασιλική", "Βάσω"],
  ["Σοφία", "Σοφία"],
  ["Αγγελική", "Αγγελική"],
  ["Δήμητρα", "Δήμητρα"],
  ["Γεωργία", "Γεωργία"],
  ["Χριστίνα", "Χριστίνα"],
  ["Ευαγγελία", "Λίτσα"],
  ["Ιωάννα", "Ιωάννα"],
  ["Αναστασία", "Τασούλα"],
  ["Δέσποινα", "Δέσποινα"],
  ["Φωτεινή", "Φωτεινή"],
];

/** A surname: [male form, female form]. */
const SURNAMES: readonly (readonly [string, string])[] = [
  ["Παπαδόπουλος", "Παπαδοπούλου"],
  ["Γεωργίου", "Γεωργίου"],
  ["Νικολάου", "Νικολάου"],
  ["Παπαδημητρίου", "Παπαδημητρίου"],
  ["Ιωαννίδης", "Ιωαννίδου"],
  ["Οικονόμου", "Οικονόμου"],
  ["Καραγιάννης", "Καραγιάννη"],
  ["Βασιλείου", "Βασιλείου"],
  ["Μακρής", "Μακρή"],
  ["Αθανασίου", "Αθανασίου"],
  ["Κωνσταντινίδης", "Κωνσταντινίδου"],
  ["Παπαγεωργίου", "Παπαγεωργίου"],
  ["Χατζηδάκης", "Χατζηδάκη"],
  ["Τσολάκης", "Τσολάκη"],
  ["Αλεξανδρίδης", "Αλεξανδρίδου"],
  ["Σαββίδης", "Σαββίδου"],
  ["Θεοδωρίδης", "Θεοδωρίδου"],
  ["Λαζαρίδης", "Λαζαρίδου"],
  ["Πετρίδης", "Πετρίδου"],
  ["Κυριακίδης", "Κυριακίδου"],
  ["Μαυρίδης", "Μαυρίδου"],
  ["Στεφανίδης", "Στεφανίδου"],
  ["Ζαφειρίου", "Ζαφειρίου"],
  ["Τσιρίδης", "Τσιρίδου"],
  ["Δημόπουλος", "Δημοπούλου"],
  ["Αναστασιάδης", "Αναστασιάδου"],
  ["Μπαλτάς", "Μπαλτά"],
  ["Κουτσούκος", "Κουτσούκου"],
];

/** A father's given name in the genitive, as a sole trader's registered name carries it: "του Ιωάννη". */
const FATHERS = ["Ιωάννη", "Γεωργίου", "Δημητρίου", "Νικολάου", "Κωνσταντίνου", "Αθανασίου", "Βασιλείου", "Χρήστου", "Αντωνίου", "Ευαγγέλου"];

export interface GreekName {
  /** The formal given name (registers, invoices). */
  readonly formal: string;
  /** The given name people use (the CRM). */
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
}

export function greekName(rng: Rng): GreekName {
  const female = rng.chance(0.45);
  const [formal, first] = rng.pick(female ? FEMALE : MALE);
  const [male, feminine] = rng.pick(SURNAMES);
  return { formal, first, last: female ? feminine : male, female };
}

export function fatherName(rng: Rng): string {
  return rng.pick(FATHERS);
}

/**
 * Greek written in capitals, as the ERP keeps every name: no accents (tonos), the diaeresis kept,
 * final sigma as Σ. Latin letters are upper-cased too.
 */
export function greekCaps(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\u0301/g, "")
    .normalize("NFC")
    .toUpperCase();
}

const LATIN: Readonly<Record<string, string>> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

/** Greek in Latin letters as e-mail addresses and domains write it: "Παπαδόπουλος" → "papadopoulos". */
export function greeklish(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ου/g, "ou")
    .replace(/[αε]υ/g, (pair) => `${pair.charAt(0)}v`)
    .replace(/μπ/g, "b");
  return [...plain]
    .map((letter) => LATIN[letter] ?? letter)
    .join("")
    .replace(/[^a-z0-9]+/g, "");
}

/** A member of staff: the ERP keeps them by code, surname first in capitals; the CRM by e-mail. */
export interface Salesperson {
  readonly code: string;
  readonly first: string;
  readonly formal: string;
  readonly last: string;
}

export const STAFF: readonly Salesperson[] = [
  { code: "01", first: "Γιώργος", formal: "Γεώργιος", last: "Παπαδάκης" },
  { code: "02", first: "Ελένη", formal: "Ελένη", last: "Τσακίρη" },
  { code: "03", first: "Κώστας", formal: "Κωνσταντίνος", last: "Λαζαρίδης" },
  { code: "04", first: "Δήμητρα", formal: "Δήμητρα", last: "Βλάχου" },
  { code: "05", first: "Νίκος", formal: "Νικόλαος", last: "Σταυρόπουλος" },
];

/** Left the firm in 2025: the ERP still lists him (Ενεργός Όχι), no Odoo user has his e-mail. */
export const FORMER: Salesperson = { code: "06", first: "Αντώνης", formal: "Αντώνιος", last: "Καλογήρου" };

/** The firm's e-mail address for a member of staff: "g.papadakis@…". */
export function staffEmail(person: Salesperson): string {
  return `${greeklish(person.first).charAt(0)}.${greeklish(person.last)}@${PELATOLOGIO_FIRM.domain}`;
}

export interface Town {
  readonly name: string;
  /** The first three digits of its post codes, and the range of the last two. */
  readonly zip: string;
  readonly zipTo: number;
  readonly area: string;
  /** The prefecture, in the genitive the ERP writes it in ("Νομός Θεσσαλονίκης"). */
  readonly prefecture: string;
  readonly taxOffices: readonly string[];
}

export const TOWNS: readonly (readonly [Town, number])[] = [
  [
    {
      name: "Θεσσαλονίκη",
      zip: "546",
      zipTo: 46,
      area: "2310",
      prefecture: "Θεσσαλονίκης",
      taxOffices: ["Α' Θεσσαλονίκης", "Δ' Θεσσαλονίκης", "Ε' Θεσσαλονίκης", "Ζ' Θεσσαλονίκης"],
    },
    30,
  ],
  [{ name: "Καλαμαριά", zip: "551", zipTo: 34, area: "2310", prefecture: "Θεσσαλονίκης", taxOffices: ["Καλαμαριάς"] }, 8],
  [{ name: "Θέρμη", zip: "570", zipTo: 1, area: "2310", prefecture: "Θεσσαλονίκης", taxOffices: ["Ιωνίας Θεσσαλονίκης"] }, 4],
  [{ name: "Εύοσμος", zip: "562", zipTo: 24, area: "2310", prefecture: "Θεσσαλονίκης", taxOffices: ["Νεάπολης Θεσσαλονίκης"] }, 4],
  [{ name: "Κατερίνη", zip: "601", zipTo: 0, area: "23510", prefecture: "Πιερίας", taxOffices: ["Κατερίνης"] }, 6],
  [{ name: "Σέρρες", zip: "621", zipTo: 25, area: "23210", prefecture: "Σερρών", taxOffices: ["Σερρών"] }, 5],
  [{ name: "Καβάλα", zip: "654", zipTo: 4, area: "2510", prefecture: "Καβάλας", taxOffices: ["Καβάλας"] }, 5],
  [{ name: "Βέροια", zip: "591", zipTo: 32, area: "23310", prefecture: "Ημαθίας", taxOffices: ["Βέροιας"] }, 4],
  [{ name: "Πολύγυρος", zip: "631", zipTo: 0, area: "23710", prefecture: "Χαλκιδικής", taxOffices: ["Πολυγύρου"] }, 3],
  [{ name: "Νέα Μουδανιά", zip: "632", zipTo: 0, area: "23730", prefecture: "Χαλκιδικής", taxOffices: ["Νέων Μουδανιών"] }, 4],
  [{ name: "Κασσάνδρεια", zip: "630", zipTo: 77, area: "23740", prefecture: "Χαλκιδικής", taxOffices: ["Νέων Μουδανιών"] }, 4],
  [{ name: "Κιλκίς", zip: "611", zipTo: 0, area: "23410", prefecture: "Κιλκίς", taxOffices: ["Κιλκίς"] }, 3],
  [{ name: "Λάρισα", zip: "412", zipTo: 22, area: "2410", prefecture: "Λάρισας", taxOffices: ["Α' Λάρισας"] }, 3],
  [{ name: "Αθήνα", zip: "105", zipTo: 64, area: "210", prefecture: "Αττικής", taxOffices: ["Δ' Αθηνών", "ΙΓ' Αθηνών"] }, 3],
];

/** A Greek post code: "546 25", written now and then without its space ("54625"). */
export function greekZip(rng: Rng, town: Town): string {
  const last = town.zipTo === 0 ? pad(rng.pick([0, 0, 0, 1])) : pad(rng.int(Math.max(1, town.zipTo - 14), town.zipTo));
  return rng.chance(0.2) ? `${town.zip}${last}` : `${town.zip} ${last}`;
}

/** A landline of the town's area, ten digits as Greek numbers have: "2310 555123", "2310-555123". */
export function landline(rng: Rng, area: string): string {
  let rest = String(rng.int(2, 9));
  while (area.length + rest.length < 10) rest += String(rng.int(0, 9));
  return `${area}${rng.pick([" ", " ", "-", ""])}${rest}`;
}

export function mobile(rng: Rng): string {
  const digits = `69${rng.pick(["4", "7", "8", "9", "3"])}${rng.int(1000000, 9999999)}`;
  return rng.chance(0.7) ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
}

/** A tax number (ΑΦΜ): nine digits, the last a check digit over the first eight. */
export function afm(rng: Rng, first: string): string {
  let body = first;
  while (body.length < 8) body += String(rng.int(0, 9));
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * 2 ** (8 - index), 0);
  return `${body}${(sum % 11) % 10}`;
}

/** A Cypriot VAT number: eight digits and a check letter. */
export function cyprusVat(rng: Rng): string {
  const body = `${rng.pick(["1", "3"])}${rng.int(1000000, 9999999)}`;
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
  const sum = [...body].reduce((total, digit, index) => total + (index % 2 === 0 ? (odd[Number(digit)] ?? 0) : Number(digit)), 0);
  return `CY${body}${String.fromCharCode(65 + (sum % 26))}`;
}

/** A Bulgarian company's VAT number: nine digits, the last its check digit. */
export function bulgarianVat(rng: Rng): string {
  const body = `${rng.pick(["1", "2"])}${rng.int(10000000, 99999999)}`.slice(0, 8);
  const weigh = (offset: number): number => [...body].reduce((total, digit, index) => total + Number(digit) * (index + offset), 0) % 11;
  let check = weigh(1);
  if (check === 10) check = weigh(3) % 10;
  return `BG${body}${check}`;
}

export const STREETS = [
  "Τσιμισκή",
  "Εγνατίας",
  "Μητροπόλεως",
  "Βασ. Όλγας",
  "Αγίου Δημητρίου",
  "Λαγκαδά",
  "Μοναστηρίου",
  "Δελφών",
  "Κασσάνδρου",
  "Ερμού",
  "Βενιζέλου",
  "25ης Μαρτίου",
  "Παπαναστασίου",
  "Καραολή και Δημητρίου",
  "Γρηγορίου Λαμπράκη",
  "Ανδρέα Παπανδρέου",
  "Κομνηνών",
  "Ολυμπιάδος",
];

/** The hospitality trades the firm sells refrigeration to: [a word for the firm's name, its trade (Επάγγελμα)]. */
export const TRADES: readonly (readonly [string, string])[] = [
  ["Εστίαση", "Εστιατόριο"],
  ["Γεύσεις", "Εστιατόριο"],
  ["Ξενοδοχειακή", "Ξενοδοχείο"],
  ["Τουριστική", "Ξενοδοχείο"],
  ["Catering", "Υπηρεσίες catering"],
  ["Ζαχαροπλαστική", "Ζαχαροπλαστείο"],
  ["Αρτοποιία", "Αρτοποιείο"],
  ["Κρεατεμπορική", "Κρεοπωλείο"],
  ["Τρόφιμα", "Σούπερ μάρκετ"],
  ["Καφεκοπτεία", "Καφετέρια"],
];

export const PLACE_WORDS = ["Βόρειος", "Μακεδονική", "Αιγαίο", "Όλυμπος", "Λευκός Πύργος", "Χαλκιδική", "Βεργίνα", "Ακρόπολις", "Πιερία", "Στρυμόνας"];

/** The trade names a sole trader's shop goes by. */
export const SHOP_NAMES = [
  "Το Στέκι",
  "Ο Μπάρμπας",
  "Αστέρια",
  "Η Γωνιά",
  "Το Λιμανάκι",
  "Ο Πλάτανος",
  "Η Φωλιά",
  "Το Κατώγι",
  "Γλυκές Στιγμές",
  "Ο Φούρνος της Γειτονιάς",
];

export const SHOP_KINDS: Readonly<Record<string, string>> = {
  Εστιατόριο: "Ταβέρνα",
  Ξενοδοχείο: "Ξενώνας",
  "Υπηρεσίες catering": "Catering",
  Ζαχαροπλαστείο: "Ζαχαροπλαστείο",
  Αρτοποιείο: "Φούρνος",
  Κρεοπωλείο: "Κρεοπωλείο",
  "Σούπερ μάρκετ": "Μίνι μάρκετ",
  Καφετέρια: "Καφέ",
};

export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ["Α.Ε.", 4],
  ["Ε.Π.Ε.", 2],
  ["Ι.Κ.Ε.", 4],
];

/** Payment terms as the ERP names them: cash, on credit for so many days, a post-dated cheque. */
export const PAYMENT_TERMS: readonly (readonly [string, number])[] = [
  ["ΜΕΤΡΗΤΟΙΣ", 3],
  ["ΕΠΙ ΠΙΣΤΩΣΕΙ 30", 5],
  ["ΕΠΙ ΠΙΣΤΩΣΕΙ 60", 3],
  ["ΕΠΙ ΠΙΣΤΩΣΕΙ 90", 1],
  ["ΕΠΙΤΑΓΗ 60", 2],
];

export const PRICE_LISTS = ["ΧΟΝΔΡΙΚΗΣ", "HORECA", "ΛΙΑΝΙΚΗΣ"];

export const REMARKS = [
  "Παράδοση μόνο πρωί.",
  "Ζητά τιμολόγιο με email.",
  "Επιταγές μόνο μεταχρονολογημένες έως 60 ημέρες.",
  "Εποχική λειτουργία (Μάιος - Οκτώβριος).",
  "Κλειστό τον Αύγουστο.\nΕπικοινωνία μόνο με κινητό.",
];

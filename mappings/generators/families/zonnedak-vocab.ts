/**
 * Zonnedak's words and numbers: Dutch towns with their post codes and area codes, streets, names
 * with tussenvoegsels, legal forms, and the identifiers a Dutch export holds with their checks:
 * the btw-nummer (`NL123456789B01`, the nine digits' weighted sum with weights 9..2 and -1
 * divisible by 11), the IBAN (mod 97) and the KvK number (eight digits, no check).
 */
import type { Rng } from "../prng.js";
import { pad, type StaffPerson } from "./family.js";

export interface Town {
  readonly zip: number;
  readonly name: string;
  /** The area code without its 0: "33" for Amersfoort. */
  readonly area: string;
}

export const TOWNS: readonly Town[] = [
  { zip: 3811, name: "Amersfoort", area: "33" },
  { zip: 3824, name: "Amersfoort", area: "33" },
  { zip: 3511, name: "Utrecht", area: "30" },
  { zip: 1211, name: "Hilversum", area: "35" },
  { zip: 1017, name: "Amsterdam", area: "20" },
  { zip: 3701, name: "Zeist", area: "30" },
  { zip: 3771, name: "Barneveld", area: "342" },
  { zip: 6711, name: "Ede", area: "318" },
  { zip: 7311, name: "Apeldoorn", area: "55" },
  { zip: 3861, name: "Nijkerk", area: "33" },
  { zip: 3761, name: "Soest", area: "35" },
  { zip: 2511, name: "Den Haag", area: "70" },
  { zip: 3831, name: "Leusden", area: "33" },
  { zip: 3941, name: "Doorn", area: "343" },
];

export const STREETS = [
  "Kerkstraat",
  "Stationsweg",
  "Industrieweg",
  "Dorpsstraat",
  "Utrechtseweg",
  "Molenweg",
  "Hoofdstraat",
  "Prins Hendrikstraat",
  "Laan van Vollenhove",
  "Nijverheidsweg",
  "Zonnebloemstraat",
  "Koningin Julianalaan",
  "Eemweg",
  "Van Asch van Wijckstraat",
];

export interface PersonName {
  readonly first: string;
  /** "van der", "de", "" */
  readonly tussen: string;
  readonly last: string;
}

const FIRST = [
  "Jan",
  "Pieter",
  "Sanne",
  "Daan",
  "Lotte",
  "Bram",
  "Eva",
  "Kees",
  "Anouk",
  "Mohamed",
  "Femke",
  "Ruud",
  "Ingrid",
  "Stijn",
  "Marieke",
  "Youssef",
  "Noor",
  "Wim",
  "Renée",
  "Joëlle",
];
const LAST: readonly (readonly [string, string])[] = [
  ["", "Jansen"],
  ["de", "Vries"],
  ["van den", "Berg"],
  ["", "Bakker"],
  ["van", "Dijk"],
  ["", "Visser"],
  ["", "Smit"],
  ["de", "Boer"],
  ["", "Mulder"],
  ["van der", "Meer"],
  ["", "Hendriks"],
  ["van", "Leeuwen"],
  ["", "Dekker"],
  ["", "Brouwer"],
  ["de", "Wit"],
  ["", "Verhoeven"],
  ["van 't", "Hof"],
  ["", "Çelik"],
  ["", "Peeters"],
  ["ter", "Horst"],
];

export function personName(rng: Rng): PersonName {
  const [tussen, last] = rng.pick(LAST);
  return { first: rng.pick(FIRST), tussen, last };
}

/** "Jan van den Berg". */
export function fullName(person: PersonName | StaffPerson): string {
  return "tussen" in person ? [person.first, person.tussen, person.last].filter((part) => part !== "").join(" ") : `${person.first} ${person.last}`;
}

/** "Van den Berg" as the start of a firm's name (a tussenvoegsel is capitalised there). */
export function surnameFirst(person: PersonName): string {
  if (person.tussen === "") return person.last;
  return `${person.tussen[0]?.toUpperCase() ?? ""}${person.tussen.slice(1)} ${person.last}`;
}

export type Kind = "bv" | "nv" | "vof" | "cv" | "eenmanszaak" | "stichting" | "vereniging" | "particulier";

/** How the CRM's `Rechtsvorm` column writes each kind (a particulier is no organisation there). */
export const LEGAL_FORM: Readonly<Record<Kind, string>> = {
  bv: "B.V.",
  nv: "N.V.",
  vof: "V.O.F.",
  cv: "C.V.",
  eenmanszaak: "Eenmanszaak",
  stichting: "Stichting",
  vereniging: "Vereniging",
  particulier: "",
};

const TRADES = [
  "Installatietechniek",
  "Bouw",
  "Vastgoed",
  "Transport",
  "Agrarisch Bedrijf",
  "Bakkerij",
  "Autobedrijf",
  "Tuincentrum",
  "Kinderopvang",
  "Metaal",
];
const PLACES = ["Eemland", "Gooi", "Vallei", "Heuvelrug", "Veluwe", "Amstel", "Domstad", "Randmeer"];

export interface FirmName {
  /** The accounting program's name, the legal form in it ("Bakker Bouw B.V."). */
  readonly erp: string;
  /** The CRM's name: without the form a B.V., N.V., V.O.F. or C.V. writes after it. */
  readonly crm: string;
}

export function firmName(rng: Rng, kind: Kind, owner: PersonName): FirmName {
  const trade = rng.pick(TRADES);
  const surname = surnameFirst(owner);
  if (kind === "particulier") {
    const title = rng.pick(["Dhr.", "Mevr.", "Fam."]);
    // After a title or an initial the tussenvoegsel keeps its small letter: "Fam. de Vries".
    const family = [owner.tussen, owner.last].filter((part) => part !== "").join(" ");
    const name = title === "Fam." ? `Fam. ${family}` : `${title} ${owner.first[0] ?? ""}. ${family}`;
    return { erp: name, crm: name };
  }
  if (kind === "eenmanszaak") {
    const name = rng.chance(0.5) ? `${rng.pick(["Klussenbedrijf", "Schildersbedrijf", "Hoveniersbedrijf"])} ${surname}` : `${surname} ${trade}`;
    return { erp: name, crm: name };
  }
  if (kind === "stichting") {
    const name = `Stichting ${rng.pick(["Woonzorg", "Kinderopvang", "Sportpark", "Dorpshuis"])} ${rng.pick(PLACES)}`;
    return { erp: name, crm: name };
  }
  if (kind === "vereniging") {
    const name = rng.chance(0.6)
      ? `Vereniging van Eigenaren ${rng.pick(STREETS)} ${rng.int(1, 80)}`
      : `${rng.pick(["Tennisvereniging", "Voetbalvereniging", "Volkstuinvereniging"])} ${rng.pick(PLACES)}`;
    return { erp: name, crm: name };
  }
  const base =
    kind === "nv"
      ? `${rng.pick(PLACES)} Holding`
      : kind === "cv"
        ? `${surname} Beheer`
        : kind === "vof"
          ? `${surname} & Zn.`
          : rng.chance(0.5)
            ? `${surname} ${trade}`
            : `${rng.pick(PLACES)} ${trade}`;
  const form = LEGAL_FORM[kind];
  // A partnership (V.O.F.) is now and then written with its form in front, as on old letterheads.
  const erp = kind === "vof" && rng.chance(0.3) ? `${form} ${base}` : `${base} ${form}`;
  return { erp, crm: base };
}

export function digits(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.int(0, 9));
}

/** A KvK number: eight digits; about one in ten starts with 0. */
export function kvk(rng: Rng): string {
  return [rng.chance(0.1) ? 0 : rng.int(1, 9), ...digits(rng, 7)].join("");
}

const BTW_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];

/** A btw-nummer `NL123456789B01`: the ninth digit is the weighted sum (9..2) of the first eight mod 11. */
export function btw(rng: Rng): string {
  for (;;) {
    const first = [rng.int(0, 9), ...digits(rng, 7)];
    const check = first.reduce((sum, digit, index) => sum + digit * (BTW_WEIGHTS[index] ?? 0), 0) % 11;
    if (check < 10) return `NL${first.join("")}${check}B${pad(rng.int(1, 3))}`;
  }
}

export function btwValid(number: string): boolean {
  const nine = number.slice(2, 11);
  if (!/^\d{9}$/.test(nine)) return false;
  const sum = [...nine].reduce((total, digit, index) => total + Number(digit) * (index < 8 ? (BTW_WEIGHTS[index] ?? 0) : -1), 0);
  return sum % 11 === 0;
}

/** A mistyped number: two neighbouring digits swapped (or the last one off by one) so that its check fails. */
export function mistype(number: string, from: number, valid: (candidate: string) => boolean): string {
  const at = from + 2;
  const swapped = number.slice(0, at) + (number[at + 1] ?? "") + (number[at] ?? "") + number.slice(at + 2);
  if (!valid(swapped)) return swapped;
  const last = from + 6;
  return number.slice(0, last) + String((Number(number[last]) + 1) % 10) + number.slice(last + 1);
}

const BANKS = ["ABNA", "RABO", "INGB", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"];

function mod97(text: string): number {
  const numeric = [...text].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join("");
  let rest = 0;
  for (const char of numeric) rest = (rest * 10 + Number(char)) % 97;
  return rest;
}

export function ibanValid(iban: string): boolean {
  const compact = iban.replaceAll(" ", "");
  return /^NL\d\d[A-Z]{4}\d{10}$/.test(compact) && mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

/** A Dutch IBAN `NL91ABNA0417164300`: its two check digits make it 1 mod 97. */
export function iban(rng: Rng): string {
  const bban = `${rng.pick(BANKS)}${digits(rng, 10).join("")}`;
  return `NL${pad(98 - mod97(`${bban}NL00`))}${bban}`;
}

/** In groups of four, as on a bank card: `NL91 ABNA 0417 1643 00`. */
export function grouped(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

/** A post code: four digits and two letters (never SA, SD or SS), `3811 AB` or `3811AB`. */
export function postcode(rng: Rng, town: Town, spaced: boolean): string {
  const letters = "ABCEGHJKLMNPRTVWXZ";
  const code = `${town.zip + rng.int(0, 4)}`;
  const pair = `${rng.pick([...letters])}${rng.pick([...letters])}`;
  return spaced ? `${code} ${pair}` : `${code}${pair}`;
}

/** A phone number as the Dutch write one: `+31 (0)33 123 4567`, `033-1234567`, or a mobile `06-12345678`. */
export function phone(rng: Rng, town: Town, mobile: boolean): string {
  if (mobile) {
    const number = digits(rng, 8).join("");
    return rng.chance(0.7) ? `06-${number}` : `+31 6 ${number}`;
  }
  const subscriber = [rng.int(2, 9), ...digits(rng, 8 - town.area.length)].join("");
  const form = rng.int(0, 2);
  if (form === 0) return `+31 (0)${town.area} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
  if (form === 1) return `0${town.area}-${subscriber}`;
  return `0${town.area} ${subscriber}`;
}

/** A house number with its addition: `12`, `12-A`, `12 bis`, `12a`. */
export function houseNumber(rng: Rng): string {
  const number = rng.int(1, 180);
  const addition = rng.int(0, 9);
  if (addition === 0) return `${number}-${rng.pick(["A", "B", "C"])}`;
  if (addition === 1) return `${number} bis`;
  if (addition === 2) return `${number}${rng.pick(["a", "b"])}`;
  return String(number);
}

export const STAFF: readonly (StaffPerson & { readonly code: string })[] = [
  { first: "Sanne", last: "de Vries", code: "101" },
  { first: "Joost", last: "van der Berg", code: "102" },
  { first: "Fatima", last: "El Amrani", code: "103" },
  { first: "Thijs", last: "Bakker", code: "104" },
];
/** Has left: no Odoo user has his name. */
export const FORMER: StaffPerson & { readonly code: string } = { first: "Henk", last: "Mulder", code: "099" };

/**
 * Parteneri's words: the firm's staff, Romanian names, counties (judeţe) and Bucharest's sectors
 * with their post codes and registry codes, and the way Romanian programs write fiscal codes (CUI
 * with its check digit, `RO` before it for a VAT payer), personal numbers (CNP), trade registry
 * numbers (J40/1234/2015), IBANs, phones, days and amounts in lei.
 *
 * The old invoicing program writes in Windows-1250, which has no ș and ț (comma below): it writes
 * ş and ţ (cedilla), as Romanian texts did before 2007. `cedilla` turns a name into that spelling.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import { day, groupDigits, pad, slug, type StaffPerson } from "./family.js";

export const FIRM_DOMAIN = "climatech-instal.ro";

/** The day the export was taken. */
export const EXPORT_DAY = day(2026, 11, 27);

export interface Agent extends StaffPerson {
  /** The invoicing program's agent code. */
  readonly code: string;
}

export const STAFF: readonly Agent[] = [
  { code: "AG01", first: "Andrei", last: "Popa" },
  { code: "AG02", first: "Ioana", last: "Stănescu" },
  { code: "AG03", first: "Mihai", last: "Dumitrescu" },
  { code: "AG04", first: "Elena", last: "Mărginean" },
  { code: "AG05", first: "Ștefan", last: "Țurcanu" },
];
/** Left the firm in 2025: no Odoo user has his name or address. */
export const FORMER: Agent = { code: "AG06", first: "Cristian", last: "Vlad" };

export function staffEmail(person: StaffPerson): string {
  return `${slug(person.first)}.${slug(person.last)}@${FIRM_DOMAIN}`;
}

export function fullName(person: StaffPerson): string {
  return `${person.first} ${person.last}`;
}

/** Comma below (ș ț, the correct letters) written as the cedilla (ş ţ) of Windows-1250. */
export function cedilla(text: string): string {
  return text.replaceAll("ș", "ş").replaceAll("ț", "ţ").replaceAll("Ș", "Ş").replaceAll("Ț", "Ţ");
}

const SURNAMES = [
  "Popescu",
  "Ionescu",
  "Popa",
  "Constantin",
  "Stan",
  "Dumitru",
  "Munteanu",
  "Georgescu",
  "Ștefănescu",
  "Niculescu",
  "Răducanu",
  "Țăranu",
  "Mocanu",
  "Lungu",
  "Mihăilescu",
  "Oprea",
  "Vasile",
  "Bălan",
  "Ursu",
  "Moldovan",
  "Șerban",
  "Enache",
];
const MEN = ["Ion", "Andrei", "Alexandru", "Mihai", "Gheorghe", "Vasile", "Florin", "Cătălin", "Răzvan", "Bogdan", "Ștefan", "Dan", "Cosmin"];
const WOMEN = ["Maria", "Elena", "Ioana", "Ana", "Cristina", "Mihaela", "Andreea", "Alina", "Roxana", "Raluca", "Simona", "Gabriela"];

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly woman: boolean;
}

export function romanianPerson(rng: Rng): Person {
  const woman = rng.chance(0.45);
  return { first: rng.pick(woman ? WOMEN : MEN), last: rng.pick(SURNAMES), woman };
}

export interface County {
  /** As the invoicing program lists it, in the old spelling. */
  readonly name: string;
  /** Its abbreviation, which the program writes now and then instead. */
  readonly code: string;
  /** Its number in the trade registry: J40 is Bucharest. */
  readonly registry: string;
  readonly towns: readonly (readonly [string, string])[];
  /** The landline prefix. */
  readonly landline: string;
}

/** Bucharest: a town of six sectors, each with its post codes 0[sector]xxxx. */
export const BUCHAREST: County = { name: "București", code: "B", registry: "40", towns: [["București", "0"]], landline: "021" };

export const COUNTIES: readonly County[] = [
  BUCHAREST,
  BUCHAREST,
  BUCHAREST,
  {
    name: "Ilfov",
    code: "IF",
    registry: "23",
    towns: [
      ["Voluntari", "077190"],
      ["Otopeni", "075100"],
      ["Popești-Leordeni", "077160"],
      ["Chiajna", "077040"],
      ["Bragadiru", "077025"],
    ],
    landline: "021",
  },
  {
    name: "Prahova",
    code: "PH",
    registry: "29",
    towns: [
      ["Ploiești", "100"],
      ["Câmpina", "105600"],
    ],
    landline: "0244",
  },
  { name: "Argeș", code: "AG", registry: "03", towns: [["Pitești", "110"]], landline: "0248" },
  { name: "Dâmbovița", code: "DB", registry: "15", towns: [["Târgoviște", "130"]], landline: "0245" },
  { name: "Giurgiu", code: "GR", registry: "52", towns: [["Giurgiu", "080"]], landline: "0246" },
  { name: "Constanța", code: "CT", registry: "13", towns: [["Constanța", "900"]], landline: "0241" },
  { name: "Brașov", code: "BV", registry: "08", towns: [["Brașov", "500"]], landline: "0268" },
];

export interface Place {
  readonly county: County;
  readonly town: string;
  /** Bucharest's sector (1 to 6), 0 elsewhere. */
  readonly sector: number;
  readonly zip: string;
}

export function place(rng: Rng): Place {
  const county = rng.pick(COUNTIES);
  const [town, zip] = rng.pick(county.towns);
  const sector = county === BUCHAREST ? rng.int(1, 6) : 0;
  const prefix = county === BUCHAREST ? `0${sector}` : zip;
  const rest = 6 - prefix.length;
  return { county, town, sector, zip: rest === 0 ? prefix : `${prefix}${String(rng.int(0, 10 ** rest - 1)).padStart(rest, "0")}` };
}

const STREETS = [
  "Str. Mihai Eminescu",
  "Bd. Unirii",
  "Calea Victoriei",
  "Șos. Pantelimon",
  "Str. Fabricii",
  "Bd. Iuliu Maniu",
  "Calea Moșilor",
  "Str. Gării",
  "Șos. Colentina",
  "Str. Republicii",
  "Bd. Decebal",
  "Aleea Teiului",
];

/** "Str. Mihai Eminescu nr. 12, bl. A3, sc. 2, ap. 14": a block of flats has its block, stair and flat. */
export function street(rng: Rng): string {
  const base = `${rng.pick(STREETS)} nr. ${rng.int(1, 240)}`;
  return rng.chance(0.35) ? `${base}, bl. ${rng.pick(["A", "B", "C", "M", "P"])}${rng.int(1, 20)}, sc. ${rng.int(1, 4)}, ap. ${rng.int(1, 90)}` : base;
}

const CUI_KEY = "753217532";

/** The CUI's check digit: the digits before it, right-aligned on 753217532, summed, times ten, mod 11 (10 is 0). */
export function cuiCheck(body: string): number {
  const padded = body.padStart(9, "0");
  const sum = [...padded].reduce((total, digit, index) => total + Number(digit) * Number(CUI_KEY[index]), 0);
  return ((sum * 10) % 11) % 10;
}

/** A firm's CUI: six to eight digits, the last the check digit. */
export function cui(rng: Rng): string {
  const body = String(rng.int(10 ** rng.int(4, 6), 10 ** 7 - 1));
  return `${body}${cuiCheck(body)}`;
}

/** The same CUI with its check digit mistyped. */
export function mistypedCui(value: string): string {
  return `${value.slice(0, -1)}${(Number(value.slice(-1)) + 4) % 10}`;
}

const CNP_KEY = "279146358279";

/** A person's CNP: sex and century, birth day, county, serial, check digit (10 is 1). */
export function cnp(rng: Rng, person: Person): string {
  const year = rng.int(1955, 1999);
  const body = `${person.woman ? 2 : 1}${pad(year % 100)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}${pad(rng.int(1, 46))}${String(rng.int(1, 999)).padStart(3, "0")}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * Number(CNP_KEY[index]), 0);
  const check = sum % 11;
  return `${body}${check === 10 ? 1 : check}`;
}

/** The trade registry number: J (a company) or F (a sole trader), the county, the serial, the year. */
export function registryNumber(rng: Rng, county: County, letter: "J" | "F", year: number): string {
  // Older papers wrote the year with two digits.
  const written = rng.chance(0.15) ? pad(year % 100) : String(year);
  return `${letter}${county.registry}/${rng.int(1, 25_000)}/${written}`;
}

export const BANKS: readonly (readonly [string, string])[] = [
  ["BTRL", "Banca Transilvania"],
  ["RNCB", "BCR"],
  ["BRDE", "BRD - Groupe Société Générale"],
  ["INGB", "ING Bank"],
  ["RZBR", "Raiffeisen Bank"],
  ["CECE", "CEC Bank"],
  ["TREZ", "Trezoreria Sector 3"],
];

function mod97(text: string): number {
  let rest = 0;
  for (const char of text) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    rest = Number(`${rest}${value}`) % 97;
  }
  return rest;
}

/** A Romanian IBAN: RO, its check digits, the bank's four letters, sixteen digits and letters. */
export function iban(rng: Rng, bank: string): string {
  const account = Array.from({ length: 16 }, (_, index) => (index === 0 && rng.chance(0.3) ? "A" : String(rng.int(0, 9)))).join("");
  const check = 98 - mod97(`${bank}${account}RO00`);
  return `RO${pad(check)}${bank}${account}`;
}

/** The IBAN with two digits swapped, as a clerk copies one wrongly. */
export function mistypedIban(value: string): string {
  return `${value.slice(0, 10)}${value[11] ?? ""}${value[10] ?? ""}${value.slice(12)}`;
}

/** In groups of four, as a bank prints it. */
export function grouped(value: string): string {
  return value.replace(/(.{4})(?!$)/g, "$1 ");
}

/** A phone as Romanians write one: "0721 234 567", "+40 721 234 567", "021 345 67 89". */
export function phone(rng: Rng, county: County, mobile: boolean): string {
  if (!mobile) {
    const rest = String(rng.int(10 ** (9 - county.landline.length), 10 ** (10 - county.landline.length) - 1));
    return county.landline === "021" ? `021 ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}` : `${county.landline} ${rest}`;
  }
  const digits = `7${rng.pick(["2", "4", "5", "6", "8"])}${rng.int(1_000_000, 9_999_999)}`;
  return rng.weighted<string>([
    [`0${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`, 4],
    [`+40 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`, 2],
    [`0${digits}`, 3],
  ]);
}

/** "07.08.2025". */
export function roDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${pad(dayOfMonth)}.${pad(month)}.${year}`;
}

/** "07.08.2025 09:05". */
export function roMoment(days: number, minute: number): string {
  return `${roDay(days)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** An amount from bani: "1.234,56 lei" (the invoicing program) or "1.234,56 RON" (the CRM). */
export function lei(bani: number, word: "lei" | "RON"): string {
  const sign = bani < 0 ? "-" : "";
  const value = Math.abs(bani);
  return `${sign}${groupDigits(Math.floor(value / 100), ".")},${pad(value % 100)} ${word}`;
}

export function mailName(text: string): string {
  return slug(text);
}

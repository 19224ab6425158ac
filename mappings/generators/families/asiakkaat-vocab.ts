/**
 * Asiakkaat's words: the firm's staff, Finnish and Finland-Swedish names, towns of Pirkanmaa (and a
 * few on the Swedish-speaking coast) with their post codes and area codes, and the way Finnish
 * registers write business IDs (Y-tunnus), VAT numbers, e-invoice addresses, IBANs, phones, days,
 * moments and euros.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import { day, groupDigits, pad, slug, type StaffPerson } from "./family.js";

/** The firm whose export this is: an electrical and property maintenance contractor in Tampere. */
export const ASIAKKAAT_FIRM = "Pirkan Talotekniikka Oy";
export const STAFF_DOMAIN = "pirkantalotekniikka.fi";

/** The day the export was taken. */
export const EXPORT_DAY = day(2026, 11, 27);

export interface Seller extends StaffPerson {
  /** The accounting program's salesperson number (Myyjänro). */
  readonly number: string;
}

export const STAFF: readonly Seller[] = [
  { number: "1", first: "Matti", last: "Virtanen" },
  { number: "2", first: "Sanna", last: "Korhonen" },
  { number: "3", first: "Jukka", last: "Mäkinen" },
  { number: "4", first: "Anu", last: "Nieminen" },
  { number: "6", first: "Mikko", last: "Lehtonen" },
  { number: "7", first: "Johanna", last: "Heikkinen" },
  { number: "8", first: "Kristian", last: "Lindqvist" },
];
/** Left the firm in 2025: no Odoo user has his name or address. */
export const FORMER: Seller = { number: "5", first: "Pekka", last: "Järvinen" };

export function staffEmail(person: StaffPerson): string {
  return `${slug(person.first)}.${slug(person.last)}@${STAFF_DOMAIN}`;
}

/** "Matti V.": the CRM shows its users by given name and the initial of their family name. */
export function shortName(person: StaffPerson): string {
  return `${person.first} ${person.last.charAt(0)}.`;
}

export interface Person {
  readonly given: string;
  readonly family: string;
  readonly swedish: boolean;
}

const FINNISH_FAMILY = [
  "Virtanen",
  "Korhonen",
  "Mäkinen",
  "Nieminen",
  "Mäkelä",
  "Hämäläinen",
  "Laine",
  "Heikkinen",
  "Koskinen",
  "Järvinen",
  "Lehtonen",
  "Lehtinen",
  "Saarinen",
  "Salminen",
  "Heinonen",
  "Niemi",
  "Heikkilä",
  "Kinnunen",
  "Salonen",
  "Turunen",
  "Salo",
  "Laitinen",
  "Tuominen",
  "Rantanen",
  "Karjalainen",
  "Jokinen",
  "Mattila",
  "Savolainen",
  "Lahtinen",
  "Ahonen",
  "Kärkkäinen",
  "Hyvönen",
  "Väisänen",
  "Peltonen",
];
const FINNISH_GIVEN = [
  "Matti",
  "Timo",
  "Juha",
  "Mikko",
  "Antti",
  "Jari",
  "Markku",
  "Heikki",
  "Juha-Pekka",
  "Ville",
  "Tuula",
  "Anne",
  "Päivi",
  "Sari",
  "Tiina",
  "Riitta",
  "Minna",
  "Leena",
  "Elina",
  "Aino",
  "Eeva-Liisa",
  "Satu",
  "Henna",
  "Jyrki",
  "Kaisa",
  "Ilkka",
  "Säde",
  "Onni",
];
const SWEDISH_FAMILY = ["Lindholm", "Nyström", "Johansson", "Karlsson", "Ekström", "Holmberg", "Björklund", "Sjöberg", "Wikström", "Åberg"];
const SWEDISH_GIVEN = ["Johan", "Anna-Karin", "Mikael", "Ulla", "Fredrik", "Camilla", "Peter", "Kristina", "Henrik", "Ebba"];

/** A person; one in eight speaks Swedish (Finland is bilingual). */
export function finnishPerson(rng: Rng, swedishChance = 0.12): Person {
  const swedish = rng.chance(swedishChance);
  return swedish
    ? { given: rng.pick(SWEDISH_GIVEN), family: rng.pick(SWEDISH_FAMILY), swedish }
    : { given: rng.pick(FINNISH_GIVEN), family: rng.pick(FINNISH_FAMILY), swedish };
}

/** "Virtanen Matti": the accounting program sorts people by family name, and writes them so. */
export function familyFirst(person: { readonly given: string; readonly family: string }): string {
  return `${person.family} ${person.given}`;
}

export function mailName(text: string): string {
  return slug(text.replace(/ä/gi, "a").replace(/ö/gi, "o").replace(/å/gi, "a"));
}

export interface Town {
  readonly name: string;
  /** The name Finland-Swedish customers and Posti use for a bilingual town ("Vasa"). */
  readonly swedish?: string;
  readonly zips: readonly string[];
  /** The trunk code of its landlines: 03 Tampere, 09 Helsinki. */
  readonly area: string;
  /** The genitive a housing company or a firm is named with: "Tampereen". */
  readonly genitive: string;
}

export const TOWNS: readonly Town[] = [
  { name: "Tampere", zips: ["33100", "33200", "33210", "33500", "33540", "33580", "33720", "33820"], area: "03", genitive: "Tampereen" },
  { name: "Tampere", zips: ["33100", "33180", "33230", "33300", "33400"], area: "03", genitive: "Tampereen" },
  { name: "Nokia", zips: ["37100", "37120"], area: "03", genitive: "Nokian" },
  { name: "Kangasala", zips: ["36200", "36220"], area: "03", genitive: "Kangasalan" },
  { name: "Pirkkala", zips: ["33960"], area: "03", genitive: "Pirkkalan" },
  { name: "Lempäälä", zips: ["37500", "37550"], area: "03", genitive: "Lempäälän" },
  { name: "Ylöjärvi", zips: ["33470", "33480"], area: "03", genitive: "Ylöjärven" },
  { name: "Valkeakoski", zips: ["37600", "37630"], area: "03", genitive: "Valkeakosken" },
  { name: "Orivesi", zips: ["35300"], area: "03", genitive: "Oriveden" },
  { name: "Helsinki", swedish: "Helsingfors", zips: ["00100", "00150", "00520"], area: "09", genitive: "Helsingin" },
  { name: "Turku", swedish: "Åbo", zips: ["20100", "20500"], area: "02", genitive: "Turun" },
];
/** Where the Swedish-speaking customers are. */
export const SWEDISH_TOWNS: readonly Town[] = [
  { name: "Vaasa", swedish: "Vasa", zips: ["65100", "65200"], area: "06", genitive: "Vaasan" },
  { name: "Pietarsaari", swedish: "Jakobstad", zips: ["68600", "68620"], area: "06", genitive: "Pietarsaaren" },
  { name: "Porvoo", swedish: "Borgå", zips: ["06100", "06150"], area: "019", genitive: "Porvoon" },
];

const STREETS = [
  "Hämeenkatu",
  "Satakunnankatu",
  "Pyynikintie",
  "Insinöörinkatu",
  "Hervannan valtaväylä",
  "Teiskontie",
  "Sammonkatu",
  "Kalevan puistotie",
  "Nuolialantie",
  "Koivistontie",
  "Lindforsinkatu",
  "Ratapihankatu",
  "Pispalan valtatie",
  "Sarankulmankatu",
  "Lentokentänkatu",
];
const SWEDISH_STREETS = ["Storgatan", "Skolhusgatan", "Handelsesplanaden", "Strandgatan", "Sandviksgatan", "Runebergsgatan"];

/** "Hämeenkatu 12 B 24": a number, now and then a staircase and a flat. */
export function street(rng: Rng, swedish = false): string {
  const name = rng.pick(swedish ? SWEDISH_STREETS : STREETS);
  const number = rng.int(1, 90);
  const flat = rng.chance(0.3) ? ` ${rng.pick(["A", "B", "C"])} ${rng.int(1, 40)}` : "";
  return `${name} ${number}${flat}`;
}

/** A post box now and then, as firms have their invoices sent: "PL 123". */
export function postBox(rng: Rng): string {
  return `PL ${rng.int(10, 999)}`;
}

/**
 * A Finnish business ID (Y-tunnus) `1234567-8`: seven digits and a check digit, the sum of the
 * digits weighted 7-9-10-5-8-4-2 mod 11 (0 stays 0; a remainder of 1 is never issued).
 */
export function yTunnus(rng: Rng, first: string): string {
  for (;;) {
    const digits = `${first}${pad(rng.int(0, 10 ** (7 - first.length) - 1), 7 - first.length)}`;
    const check = yCheckDigit(digits);
    if (check !== undefined) return `${digits}-${check}`;
  }
}

export function yCheckDigit(seven: string): number | undefined {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...seven].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  const remainder = sum % 11;
  if (remainder === 1) return undefined;
  return remainder === 0 ? 0 : 11 - remainder;
}

/** The VAT number a Y-tunnus gives: `FI` and its eight digits. */
export function vatOf(tunnus: string): string {
  return `FI${tunnus.replace("-", "")}`;
}

/** An e-invoice address (OVT): 0037, the Y-tunnus's digits and now and then a department suffix. */
export function ovt(rng: Rng, tunnus: string): string {
  return `0037${tunnus.replace("-", "")}${rng.chance(0.25) ? pad(rng.int(1, 20), 4) : ""}`;
}

/** The e-invoice operators' IDs (välittäjätunnus): Maventa, OpusCapita, Apix, a bank's BIC. */
export const OPERATORS = ["003721291126", "E204503", "003723327487", "NDEAFIHH", "OKOYFIHH"];

/** A Finnish IBAN (FI, check digits, 14 digits), printed in groups of four: `FI21 1234 5600 0007 85`. */
export function finnishIban(rng: Rng): string {
  const bban = `${rng.pick(["1", "4", "5", "8"])}${pad(rng.int(0, 99_999), 5)}${pad(rng.int(0, 99_999_999), 8)}`;
  // ISO 13616: the BBAN, then F=15 I=18 and 00, mod 97; the check digits are 98 minus the remainder.
  const numeric = `${bban}151800`;
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  const iban = `FI${pad(98 - remainder)}${bban}`;
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

/**
 * A phone as Finns write one: a landline with its trunk code in brackets or not, `(03) 123 4567`,
 * `03 1234 567`; a mobile `040 123 4567`, `050 1234567`; the international form `+358 40 123 4567`.
 */
export function phone(rng: Rng, town: Town, mobile: boolean, international = false): string {
  if (mobile) {
    const prefix = rng.pick(["040", "044", "045", "050", "041", "046"]);
    const digits = String(rng.int(1_000_000, 9_999_999));
    if (international) return `+358 ${prefix.slice(1)} ${digits.slice(0, 3)} ${digits.slice(3)}`;
    return rng.chance(0.6) ? `${prefix} ${digits.slice(0, 3)} ${digits.slice(3)}` : `${prefix} ${digits}`;
  }
  const digits = String(rng.int(2_000_000, 3_999_999));
  if (international) return `+358 ${town.area.slice(1)} ${digits.slice(0, 3)} ${digits.slice(3)}`;
  return rng.weighted<string>([
    [`(${town.area}) ${digits.slice(0, 3)} ${digits.slice(3)}`, 4],
    [`${town.area} ${digits.slice(0, 4)} ${digits.slice(4)}`, 3],
    [`${town.area}-${digits}`, 1],
  ]);
}

/** A day as Finns write it: `15.3.2024`, without leading zeros. */
export function finnishDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${dayOfMonth}.${month}.${year}`;
}

/** A moment as the CRM writes it: `15.3.2024 klo 14.30`. */
export function finnishMoment(days: number, minute: number): string {
  return `${finnishDay(days)} klo ${Math.floor(minute / 60)}.${pad(minute % 60)}`;
}

/** Euros with a decimal comma and a no-break space between thousands: `12 500,00 €`. */
export function euros(cents: number, sign = true): string {
  const text = `${groupDigits(Math.floor(cents / 100), "\u00a0")},${pad(cents % 100)}`;
  return sign ? `${text} €` : text;
}

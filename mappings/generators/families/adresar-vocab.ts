/**
 * Adresář's words: the firm's staff, Czech names with their feminine forms and vocatives, academic
 * titles, towns of South Moravia (and a few beyond) with their post codes, and the way Czech
 * programs write company IDs (IČO with its mod-11 check digit), VAT numbers (DIČ), bank accounts,
 * phones, days, moments and crowns.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import { day, groupDigits, pad, slug, type StaffPerson } from "./family.js";

/** The firm whose export this is: a joinery and kitchen fitter in Brno. */
export const ADRESAR_FIRM = "Dřevodílna Horák s.r.o.";
export const STAFF_DOMAIN = "drevodilna-horak.cz";

/** The day the export was taken. */
export const EXPORT_DAY = day(2026, 11, 30);

export interface Agent extends StaffPerson {
  /** The accounting program's sales agent code (Obch. zást.). */
  readonly code: string;
}

export const STAFF: readonly Agent[] = [
  { code: "JH", first: "Jiří", last: "Horák" },
  { code: "PK", first: "Petra", last: "Kratochvílová" },
  { code: "MS", first: "Martin", last: "Svoboda" },
  { code: "LN", first: "Lucie", last: "Němcová" },
  { code: "TV", first: "Tomáš", last: "Veselý" },
];
/** Left the firm in 2025: no Odoo user has his name or address. */
export const FORMER: Agent = { code: "ZP", first: "Zdeněk", last: "Procházka" };

export function staffEmail(person: StaffPerson): string {
  return `${slug(person.first)}.${slug(person.last)}@${STAFF_DOMAIN}`;
}

export function fullName(person: StaffPerson): string {
  return `${person.first} ${person.last}`;
}

/** A family name: its masculine form, the masculine vocative ("pane Nováku"), the feminine form. */
const SURNAMES: readonly (readonly [string, string, string])[] = [
  ["Novák", "Nováku", "Nováková"],
  ["Dvořák", "Dvořáku", "Dvořáková"],
  ["Černý", "Černý", "Černá"],
  ["Kučera", "Kučero", "Kučerová"],
  ["Pokorný", "Pokorný", "Pokorná"],
  ["Pospíšil", "Pospíšile", "Pospíšilová"],
  ["Hájek", "Hájku", "Hájková"],
  ["Král", "Králi", "Králová"],
  ["Jelínek", "Jelínku", "Jelínková"],
  ["Růžička", "Růžičko", "Růžičková"],
  ["Beneš", "Beneši", "Benešová"],
  ["Fiala", "Fialo", "Fialová"],
  ["Sedláček", "Sedláčku", "Sedláčková"],
  ["Doležal", "Doležale", "Doležalová"],
  ["Zeman", "Zemane", "Zemanová"],
  ["Kolář", "Koláři", "Kolářová"],
  ["Navrátil", "Navrátile", "Navrátilová"],
  ["Čermák", "Čermáku", "Čermáková"],
  ["Urban", "Urbane", "Urbanová"],
  ["Vaněk", "Vaňku", "Vaňková"],
  ["Blažek", "Blažku", "Blažková"],
  ["Kříž", "Kříži", "Křížová"],
  ["Kovář", "Kováři", "Kovářová"],
  ["Bartoš", "Bartoši", "Bartošová"],
  ["Musil", "Musile", "Musilová"],
  ["Šťastný", "Šťastný", "Šťastná"],
  ["Marek", "Marku", "Marková"],
  ["Holub", "Holube", "Holubová"],
  ["Vlček", "Vlčku", "Vlčková"],
  ["Štěpánek", "Štěpánku", "Štěpánková"],
];
const MEN = ["Jan", "Petr", "Pavel", "Jiří", "Josef", "Tomáš", "Martin", "Jaroslav", "Michal", "Lukáš", "Ondřej", "Radek", "Vojtěch", "Zdeněk", "Miroslav"];
const WOMEN = ["Jana", "Eva", "Hana", "Marie", "Lenka", "Kateřina", "Lucie", "Veronika", "Martina", "Tereza", "Alena", "Zuzana", "Petra", "Markéta"];

/** Academic titles before the name, with how a letter addresses their holder ("pane inženýre"). */
const TITLES_BEFORE: readonly (readonly [string, string, string])[] = [
  ["Ing.", "inženýre", "inženýrko"],
  ["Mgr.", "magistře", "magistro"],
  ["Bc.", "", ""],
  ["MUDr.", "doktore", "doktorko"],
  ["JUDr.", "doktore", "doktorko"],
  ["Ing. arch.", "architekte", "architektko"],
];
const TITLES_AFTER = ["Ph.D.", "CSc.", "MBA", "DiS."];

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly woman: boolean;
  /** The title before the name ("Ing."), or "". */
  readonly before: string;
  /** The title after the name ("Ph.D."), or "". */
  readonly after: string;
  /** How a letter greets them: "Vážený pane Nováku", "Vážená paní inženýrko". */
  readonly salutation: string;
}

export function czechPerson(rng: Rng, titled: number): Person {
  const woman = rng.chance(0.45);
  const [masculine, vocative, feminine] = rng.pick(SURNAMES);
  const title = rng.chance(titled) ? rng.pick(TITLES_BEFORE) : undefined;
  const after = title !== undefined && title[0] !== "Bc." && rng.chance(0.25) ? rng.pick(TITLES_AFTER) : "";
  const spoken = title === undefined || title[1] === "" ? (woman ? feminine : vocative) : woman ? title[2] : title[1];
  return {
    first: rng.pick(woman ? WOMEN : MEN),
    last: woman ? feminine : masculine,
    woman,
    before: title?.[0] ?? "",
    after,
    salutation: `${woman ? "Vážená paní" : "Vážený pane"} ${spoken}`,
  };
}

/** "Ing. Jan Novák, Ph.D.": titles written as Czechs write them, the one after behind a comma. */
export function titledName(person: Person): string {
  const name = `${person.before === "" ? "" : `${person.before} `}${person.first} ${person.last}`;
  return person.after === "" ? name : `${name}, ${person.after}`;
}

export interface Town {
  readonly name: string;
  readonly zips: readonly string[];
  /** The area's landline prefix (Brno 54x). */
  readonly landline: string;
}

export const TOWNS: readonly Town[] = [
  { name: "Brno", zips: ["602 00", "612 00", "615 00", "616 00", "621 00", "625 00", "628 00", "635 00", "638 00"], landline: "54" },
  { name: "Brno", zips: ["602 00", "603 00", "614 00", "617 00", "619 00"], landline: "53" },
  { name: "Kuřim", zips: ["664 34"], landline: "541" },
  { name: "Tišnov", zips: ["666 01"], landline: "549" },
  { name: "Šlapanice", zips: ["664 51"], landline: "544" },
  { name: "Modřice", zips: ["664 42"], landline: "547" },
  { name: "Blansko", zips: ["678 01"], landline: "516" },
  { name: "Boskovice", zips: ["680 01"], landline: "516" },
  { name: "Vyškov", zips: ["682 01"], landline: "517" },
  { name: "Slavkov u Brna", zips: ["684 01"], landline: "544" },
  { name: "Rosice", zips: ["665 01"], landline: "546" },
  { name: "Hodonín", zips: ["695 01"], landline: "518" },
  { name: "Břeclav", zips: ["690 02"], landline: "519" },
  { name: "Znojmo", zips: ["669 02"], landline: "515" },
  { name: "Jihlava", zips: ["586 01"], landline: "567" },
  { name: "Olomouc", zips: ["779 00"], landline: "585" },
  { name: "Praha", zips: ["110 00", "140 00", "160 00"], landline: "2" },
];
export const BRNO: Town = { name: "Brno", zips: ["602 00"], landline: "54" };
const STREETS = [
  "Cejl",
  "Lidická",
  "Křenová",
  "Vídeňská",
  "Hybešova",
  "Kounicova",
  "Štefánikova",
  "Palackého",
  "Masarykova",
  "Nádražní",
  "Husova",
  "Komenského",
  "Zahradní",
  "Okružní",
  "Průmyslová",
  "Hlavní",
  "Purkyňova",
  "Tuřanka",
];

/** "Lidická 1879/48": the house's registry number and its number in the street. */
export function street(rng: Rng): string {
  return rng.chance(0.7) ? `${rng.pick(STREETS)} ${rng.int(100, 3200)}/${rng.int(1, 120)}` : `${rng.pick(STREETS)} ${rng.int(1, 250)}`;
}

/** IČO: seven digits weighted 8 to 2, and a check digit (11 − the sum mod 11) mod 10. */
export function icoCheck(seven: string): number {
  const sum = [...seven].reduce((total, digit, index) => total + Number(digit) * (8 - index), 0);
  return (11 - (sum % 11)) % 10;
}

/** A firm's IČO: eight digits, old institutions' with leading zeros. */
export function ico(rng: Rng): string {
  const seven = rng.chance(0.08) ? `00${rng.int(10_000, 99_999)}` : String(rng.int(1_000_000, 9_999_999));
  return `${seven}${icoCheck(seven)}`;
}

/** The same IČO with its last digit mistyped, as someone keyed it into the address book. */
export function mistyped(number: string): string {
  return `${number.slice(0, 7)}${(Number(number.slice(7)) + 3) % 10}`;
}

/** A sole trader's DIČ: CZ and the birth number (ten digits, divisible by 11), not the IČO. */
export function birthNumberDic(rng: Rng, woman: boolean): string {
  const year = rng.int(55, 99);
  const month = rng.int(1, 12) + (woman ? 50 : 0);
  const front = `${pad(year)}${pad(month)}${pad(rng.int(1, 28))}${rng.int(100, 999)}`;
  // The ten digits divisible by 11: the last is the nine's remainder (10 is drawn again).
  const last = Number(front) % 11;
  return last === 10 ? birthNumberDic(rng, woman) : `CZ${front}${last}`;
}

/** A Czech bank account: "19-2000145399/0800", "2801234567/2010". */
export function account(rng: Rng): string {
  const bank = rng.pick(["0800", "0100", "0300", "2010", "0600", "5500", "3030"]);
  const prefix = rng.chance(0.25) ? `${[19, 27, 35][rng.int(19, 35) % 3]}-` : "";
  const drawn = rng.int(100_000, 9_999_999_999);
  // One in about thirty is mistyped, as a clerk mistypes one: written as drawn, its check fails.
  return `${prefix}${drawn % 31 === 0 ? drawn : withCheckDigit(drawn)}/${bank}`;
}

/** The Czech account number nearest below `drawn` whose digits, weighted 6,3,7,9,10,5,8,4,2,1 from the left of ten, sum to a multiple of 11. */
function withCheckDigit(drawn: number): number {
  const weights = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];
  for (let candidate = drawn; candidate > 0; candidate--) {
    const digits = String(candidate).padStart(10, "0");
    if ([...digits].reduce((sum, digit, index) => sum + Number(digit) * (weights[index] ?? 0), 0) % 11 === 0) return candidate;
  }
  return drawn;
}

/** A phone as Czechs write one: "+420 603 123 456", "603123456", "603 123 456", a landline "542 123 456". */
export function phone(rng: Rng, town: Town, mobile: boolean): string {
  const prefix = mobile ? rng.pick(["603", "604", "605", "602", "724", "731", "736", "777", "608"]) : town.landline.padEnd(3, String(rng.int(1, 9)));
  const digits = `${prefix}${rng.int(100_000, 999_999)}`;
  const grouped = `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return rng.weighted<string>([
    [`+420 ${grouped}`, 4],
    [digits, 3],
    [grouped, 3],
  ]);
}

/** The address book's days: "07.08.2025". */
export function erpDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${pad(dayOfMonth)}.${pad(month)}.${year}`;
}

/** The CRM's days: "7. 8. 2025", with spaces after the dots as Czech typography asks. */
export function crmDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${dayOfMonth}. ${month}. ${year}`;
}

/** The CRM's moments: "7. 8. 2025 9:05". */
export function crmMoment(days: number, minute: number): string {
  return `${crmDay(days)} ${Math.floor(minute / 60)}:${pad(minute % 60)}`;
}

/** Crowns from haléře: "12 345,50 Kč", thousands grouped by a no-break space (or, in the CRM, a thin space). */
export function crowns(halere: number, space = "\u00a0"): string {
  return `${groupDigits(Math.floor(halere / 100), space)},${pad(halere % 100)} Kč`;
}

/** Lower-case ASCII for e-mail addresses and domains. */
export function mailName(text: string): string {
  return slug(text);
}

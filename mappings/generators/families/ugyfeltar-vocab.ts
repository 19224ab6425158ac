/**
 * Ügyféltár's words: the firm's staff, Hungarian names (family name first), towns with their post
 * codes and counties, legal forms, streets, and the way Hungarian registers write tax numbers,
 * company registry numbers, bank accounts, days and amounts.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import { day, groupDigits, pad, slug, type StaffPerson } from "./family.js";

/** The firm whose export this is: a heating, cooling and heat pump installer in Kecskemét. */
export const UGYFELTAR_FIRM = "Alföld-Klíma Épületgépészeti Kft.";
export const STAFF_DOMAIN = "alfoldklima.hu";

/** The day the export was taken. */
export const EXPORT_DAY = day(2026, 11, 30);

export interface Salesperson extends StaffPerson {
  /** The desktop program's code: the initials, as Hungarian offices sign ("SZG" for Szabó Gábor). */
  readonly code: string;
}

/** Family name first in `last`, as every Hungarian system writes it; Odoo's users are given name first. */
export const STAFF: readonly Salesperson[] = [
  { code: "KP", first: "Péter", last: "Kovács" },
  { code: "TE", first: "Eszter", last: "Tóth" },
  { code: "SZG", first: "Gábor", last: "Szabó" },
  { code: "NZS", first: "Zsófia", last: "Nagy" },
  { code: "HL", first: "László", last: "Horváth" },
  { code: "VK", first: "Krisztina", last: "Varga" },
];
/** Left the firm in 2025: no Odoo user has his name or address. */
export const FORMER: Salesperson = { code: "MA", first: "Attila", last: "Molnár" };

export function staffEmail(person: StaffPerson): string {
  return `${slug(person.last)}.${slug(person.first)}@${STAFF_DOMAIN}`;
}

/** "Kovács Péter": a Hungarian name as Hungarians write it. */
export function hungarianOrder(person: StaffPerson): string {
  return `${person.last} ${person.first}`;
}

export const FAMILY_NAMES = [
  "Nagy",
  "Kovács",
  "Tóth",
  "Szabó",
  "Horváth",
  "Varga",
  "Kiss",
  "Molnár",
  "Németh",
  "Farkas",
  "Balogh",
  "Papp",
  "Takács",
  "Juhász",
  "Lakatos",
  "Mészáros",
  "Oláh",
  "Simon",
  "Rácz",
  "Fekete",
  "Szilágyi",
  "Török",
  "Fehér",
  "Balázs",
  "Gál",
  "Kis",
  "Szűcs",
  "Kocsis",
  "Orsós",
  "Pintér",
  "Fodor",
  "Szalai",
  "Sipos",
  "Magyar",
  "Lukács",
  "Gulyás",
  "Biró",
  "Király",
  "Lengyel",
  "Katona",
  "Bálint",
  "Fazekas",
  "Sándor",
  "Vörös",
  "Dudás",
  "Bodnár",
  "Hegedűs",
  "Győri",
  "Vincze",
  "Ördög",
];
export const MEN = [
  "László",
  "István",
  "József",
  "János",
  "Zoltán",
  "Sándor",
  "Gábor",
  "Ferenc",
  "Attila",
  "Péter",
  "Tamás",
  "Zsolt",
  "Tibor",
  "András",
  "Csaba",
  "Imre",
  "Lajos",
  "György",
  "Balázs",
  "Gergő",
  "Ádám",
  "Dániel",
  "Márton",
  "Levente",
];
export const WOMEN = [
  "Mária",
  "Erzsébet",
  "Katalin",
  "Éva",
  "Ilona",
  "Anna",
  "Zsuzsanna",
  "Margit",
  "Judit",
  "Ágnes",
  "Andrea",
  "Erika",
  "Krisztina",
  "Eszter",
  "Tímea",
  "Nikolett",
  "Zsófia",
  "Réka",
  "Dóra",
  "Anikó",
  "Orsolya",
  "Boglárka",
];

export interface PersonName {
  readonly family: string;
  readonly given: string;
  /** "dr.", "ifj." (junior), "özv." (widow), or "". */
  readonly prefix: string;
  /** The name as written, family name first: "dr. Nagy Éva", "Szabóné Tóth Anna", "ifj. Kiss János". */
  readonly written: string;
}

/**
 * A Hungarian person, family name first. A married woman often writes her husband's family name
 * with -né before her own name: "Szabóné Tóth Anna" (Anna Tóth, Mrs Szabó), or only the husband's
 * name with -né and her given name: "Szabó Jánosné" (Mrs János Szabó), still common among older
 * women. Doctors (medical and legal) keep "dr." before the name, in lower case.
 */
export function hungarianPerson(rng: Rng): PersonName {
  const woman = rng.chance(0.45);
  const family = rng.pick(FAMILY_NAMES);
  const given = rng.pick(woman ? WOMEN : MEN);
  const prefix = rng.weighted<string>([
    ["", 86],
    ["dr.", 8],
    ["ifj.", woman ? 0 : 4],
    ["id.", woman ? 0 : 2],
  ]);
  let familyWritten = family;
  if (woman && rng.chance(0.3)) {
    const husband = rng.pick(FAMILY_NAMES.filter((name) => name !== family));
    familyWritten = `${husband}né ${family}`;
  }
  const core = `${familyWritten} ${given}`;
  return { family: familyWritten, given, prefix, written: prefix === "" ? core : `${prefix} ${core}` };
}

export interface Town {
  readonly zip: string;
  readonly name: string;
  /** The county (megye); Budapest belongs to none and the register writes "Budapest". */
  readonly county: string;
  /** The county's code in a tax number's last two digits. */
  readonly taxCounty: string;
  /** The landline's area code (1 for Budapest). */
  readonly area: string;
}

export const TOWNS: readonly Town[] = [
  { zip: "6000", name: "Kecskemét", county: "Bács-Kiskun", taxCounty: "03", area: "76" },
  { zip: "6000", name: "Kecskemét", county: "Bács-Kiskun", taxCounty: "03", area: "76" },
  { zip: "6000", name: "Kecskemét", county: "Bács-Kiskun", taxCounty: "03", area: "76" },
  { zip: "6100", name: "Kiskunfélegyháza", county: "Bács-Kiskun", taxCounty: "03", area: "76" },
  { zip: "6200", name: "Kiskőrös", county: "Bács-Kiskun", taxCounty: "03", area: "78" },
  { zip: "6500", name: "Baja", county: "Bács-Kiskun", taxCounty: "03", area: "79" },
  { zip: "6050", name: "Lajosmizse", county: "Bács-Kiskun", taxCounty: "03", area: "76" },
  { zip: "6720", name: "Szeged", county: "Csongrád-Csanád", taxCounty: "06", area: "62" },
  { zip: "6724", name: "Szeged", county: "Csongrád-Csanád", taxCounty: "06", area: "62" },
  { zip: "6800", name: "Hódmezővásárhely", county: "Csongrád-Csanád", taxCounty: "06", area: "62" },
  { zip: "5000", name: "Szolnok", county: "Jász-Nagykun-Szolnok", taxCounty: "16", area: "56" },
  { zip: "2700", name: "Cegléd", county: "Pest", taxCounty: "13", area: "53" },
  { zip: "2100", name: "Gödöllő", county: "Pest", taxCounty: "13", area: "28" },
  { zip: "2030", name: "Érd", county: "Pest", taxCounty: "13", area: "23" },
  { zip: "5600", name: "Békéscsaba", county: "Békés", taxCounty: "04", area: "66" },
  { zip: "8000", name: "Székesfehérvár", county: "Fejér", taxCounty: "07", area: "22" },
  { zip: "1052", name: "Budapest", county: "Budapest", taxCounty: "41", area: "1" },
  { zip: "1117", name: "Budapest", county: "Budapest", taxCounty: "43", area: "1" },
  { zip: "1134", name: "Budapest", county: "Budapest", taxCounty: "41", area: "1" },
  { zip: "1095", name: "Budapest", county: "Budapest", taxCounty: "42", area: "1" },
  { zip: "1139", name: "Budapest", county: "Budapest", taxCounty: "41", area: "1" },
];

const STREET_NAMES = [
  "Kossuth Lajos",
  "Petőfi Sándor",
  "Rákóczi",
  "Szent István",
  "Dózsa György",
  "Ady Endre",
  "Széchenyi",
  "Arany János",
  "Bajcsy-Zsilinszky",
  "Deák Ferenc",
  "Jókai",
  "Béke",
  "Határ",
  "Kandó Kálmán",
  "Szolnoki",
  "Izsáki",
  "Ipar",
  "Mártírok",
  "Nagykőrösi",
  "Váci",
  "Fehérvári",
  "Hungária",
];
const STREET_KINDS: readonly (readonly [string, number])[] = [
  ["utca", 8],
  ["u.", 6],
  ["út", 4],
  ["krt.", 1],
  ["tér", 1],
];

/** "Kossuth Lajos u. 5.", "Rákóczi út 41. 3. em. 4.", "Petőfi Sándor utca 23/B", an industrial site's parcel "Ipari Park, hrsz. 0123/45". */
export function street(rng: Rng): string {
  if (rng.chance(0.06)) return `${rng.pick(["Ipari Park", "Déli Ipartelep", "Külterület"])}, hrsz. ${pad(rng.int(10, 999), 4)}/${rng.int(1, 60)}`;
  const number = `${rng.int(1, 140)}${rng.chance(0.1) ? `/${rng.pick(["A", "B", "C"])}` : "."}`;
  const flat = rng.chance(0.2) ? ` ${rng.chance(0.3) ? "fszt." : `${rng.int(1, 8)}. em.`} ${rng.int(1, 12)}.` : "";
  return `${rng.pick(STREET_NAMES)} ${rng.weighted(STREET_KINDS)} ${number}${flat}`;
}

/** A landline or a mobile, in one of the ways Hungarian offices write them. */
export function phone(rng: Rng, town: Town, mobile: boolean): string {
  const area = mobile ? rng.pick(["20", "30", "70"]) : town.area;
  const long = area === "1";
  const a = long ? String(rng.int(200, 499)) : String(rng.int(100, 999));
  const b = long ? pad(rng.int(0, 9999), 4) : pad(rng.int(0, 999), 3);
  const digits = long || mobile ? `${a}${long ? b : pad(rng.int(0, 9999), 4)}` : `${a}${b}`;
  const [head, tail] = mobile ? [digits.slice(0, 3), digits.slice(3)] : [a, b];
  // A firm's switchboard and the extension, as Hungarian letterheads write it.
  const extension = !mobile && rng.chance(0.08) ? ` ${rng.pick(["mellék", "mellék:"])} ${rng.int(10, 250)}` : "";
  return `${formatPhone(rng, area, head, tail)}${extension}`;
}

function formatPhone(rng: Rng, area: string, head: string, tail: string): string {
  switch (rng.int(0, 3)) {
    case 0:
      return `+36 ${area} ${head} ${tail}`;
    case 1:
      return `06-${area}/${head}-${tail}`;
    case 2:
      return `(06 ${area}) ${head}-${tail}`;
    default:
      return `06 ${area} ${head} ${tail}`;
  }
}

/** The check digit of a Hungarian tax number's first seven digits (weights 9, 7, 3, 1). */
export function taxCheckDigit(seven: string): number {
  const weights = [9, 7, 3, 1, 9, 7, 3];
  const sum = [...seven].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return (10 - (sum % 10)) % 10;
}

/** A tax number's eight-digit core (törzsszám), starting as the kind of taxpayer's do. */
export function taxCore(rng: Rng, first: string): string {
  const seven = `${first}${String(rng.int(0, 10 ** (7 - first.length) - 1)).padStart(7 - first.length, "0")}`;
  return `${seven}${taxCheckDigit(seven)}`;
}

/** `12345678-2-41`: core, VAT code (1 exempt, 2 normal, 3 simplified, 4 group, 5 group member), county. */
export function taxNumber(core: string, vatCode: string, county: string): string {
  return `${core}-${vatCode}-${county}`;
}

/** Cégjegyzékszám: court (01 Budapest, 03 Bács-Kiskun, ...), form (09 Kft., 10 Zrt., 06 Bt., 03 Kkt.), serial. */
export function registryNumber(rng: Rng, court: string, form: string): string {
  return `${court}-${form}-${pad(rng.int(1000, 299_999), 6)}`;
}

/** The court a county's firms are registered at: the county seat's (Budapest's is 01). */
export function registryCourt(town: Town): string {
  const courts: Readonly<Record<string, string>> = {
    Budapest: "01",
    "Bács-Kiskun": "03",
    Békés: "04",
    "Csongrád-Csanád": "06",
    Fejér: "07",
    "Jász-Nagykun-Szolnok": "16",
    Pest: "13",
  };
  return courts[town.county] ?? "13";
}

/** A domestic bank account in the GIRO form: two or three groups of eight digits. */
export function bankAccount(rng: Rng): string {
  const bank = rng.pick(["11773016", "10400157", "11600006", "10700024", "12010611", "10918001", "11736006"]);
  const second = pad(rng.int(0, 99_999_999), 8);
  return rng.chance(0.5) ? `${bank}-${second}` : `${bank}-${second}-${pad(rng.chance(0.8) ? 0 : rng.int(1, 99_999_999), 8)}`;
}

/** The desktop program's day: `2024.03.15.`, with the trailing dot Hungarian writes. */
export function erpDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}.${pad(month)}.${pad(day)}.`;
}

/** The CRM's day: `2024. 03. 15.`, as Hungarian Windows formats it. */
export function crmDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}. ${pad(month)}. ${pad(day)}.`;
}

/** The CRM's moment: `2024.03.15. 14:05`. */
export function crmMoment(days: number, minute: number): string {
  return `${erpDay(days)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** Forints: whole, thousands grouped by a space (a no-break space where Excel wrote it). */
export function forints(whole: number, rng: Rng): string {
  return groupDigits(whole, rng.chance(0.3) ? "\u00a0" : " ");
}

/** Hungarian lower case for e-mail local parts, of the last word: "Szűcs" → "szucs", "Kissné Tóth" → "toth". */
export function mailName(text: string): string {
  return slug((text.split(" ").pop() ?? text).replace(/né$/, ""));
}

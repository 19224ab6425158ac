/**
 * Ügyféltár's desktop invoicing program: the partner register (PARTNER.CSV), the partners' sites
 * (TELEPHELY.CSV), their contact persons (KAPCSOLAT.CSV) and the salespeople (UZLETKOTO.CSV), as
 * the program's "export to Excel" writes them: Windows-1250, `;`, CRLF, quoted where needed,
 * I/N flags, days as `2024.03.15.`.
 */
import type { Rng } from "../prng.js";
import { pad, RowStream, slug, UniqueNames, type FamilyOptions } from "./family.js";
import {
  bankAccount,
  erpDay,
  EXPORT_DAY,
  FORMER,
  forints,
  hungarianOrder,
  hungarianPerson,
  mailName,
  phone,
  registryCourt,
  registryNumber,
  STAFF,
  staffEmail,
  street,
  taxCore,
  taxNumber,
  TOWNS,
  type Salesperson,
  type Town,
} from "./ugyfeltar-vocab.js";

export type PartnerKind = "kft" | "zrt" | "bt" | "kkt" | "ev" | "egyesulet" | "alapitvany" | "tarsashaz" | "onkormanyzat" | "private" | "foreign";

export interface Partner {
  readonly code: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly tax: string;
  readonly town: Town;
  readonly domain: string;
  readonly seller: Salesperson | undefined;
  readonly active: boolean;
}

export const PARTNER_HEADERS = [
  "Kód",
  "Név",
  "Rövid név",
  "Magánszemély",
  "Adószám",
  "Közösségi adószám",
  "Cégjegyzékszám",
  "Irányítószám",
  "Helység",
  "Utca, házszám",
  "Megye",
  "Ország",
  "Telefon",
  "Fax",
  "E-mail",
  "Honlap",
  "Bankszámlaszám",
  "Fizetési mód",
  "Fizetési határidő",
  "Hitelkeret",
  "Vevő",
  "Szállító",
  "Anyavállalat",
  "Üzletkötő",
  "Csoport",
  "Megjegyzés",
  "Felvitel dátuma",
  "Aktív",
];

const PLACES = [
  "Alföld",
  "Tisza",
  "Duna",
  "Homokhát",
  "Kunság",
  "Hírös",
  "Napfény",
  "Puszta",
  "Kiskun",
  "Pannon",
  "Délibáb",
  "Aranyhomok",
  "Bácska",
  "Mátra",
  "Zöldmező",
  "Fehértó",
];
const TRADES: readonly (readonly [string, string])[] = [
  ["Pék", "Sütőipari"],
  ["Agro", "Mezőgazdasági"],
  ["Ház", "Ingatlankezelő"],
  ["Építő", "Építőipari"],
  ["Ker", "Kereskedelmi"],
  ["Hotel", "Vendéglátó"],
  ["Fém", "Fémipari"],
  ["Trans", "Logisztikai"],
  ["Autó", "Autószerviz"],
  ["Med", "Egészségügyi"],
  ["Print", "Nyomdaipari"],
];
const SOCIETIES = ["Horgász Egyesület", "Sportegyesület", "Polgárőr Egyesület", "Nyugdíjas Klub Egyesület", "Vadásztársaság"];
const FOUNDATIONS = ["Napsugár Gyermekotthon Alapítvány", "Segítő Kéz Alapítvány", "Idősek Otthona Alapítvány", "Művészeti Iskola Alapítvány"];
const VILLAGES = [
  "Lajosmizse Város",
  "Ballószög Község",
  "Helvécia Község",
  "Kerekegyháza Város",
  "Ágasegyháza Község",
  "Fülöpháza Község",
  "Kunszállás Község",
  "Jakabszállás Község",
];

const KINDS: readonly (readonly [PartnerKind, number])[] = [
  ["kft", 38],
  ["zrt", 4],
  ["bt", 10],
  ["kkt", 3],
  ["ev", 10],
  ["egyesulet", 3],
  ["alapitvany", 2],
  ["tarsashaz", 8],
  ["onkormanyzat", 3],
  ["private", 17],
  ["foreign", 2],
];

const FOREIGN: readonly (readonly [string, string, string, string, string])[] = [
  ["Weber Haustechnik GmbH", "Ausztria", "1100", "Wien", "ATU"],
  ["Tatra Klima s.r.o.", "Szlovákia", "94901", "Nitra", "SK"],
  ["Termo Vest SRL", "Románia", "300011", "Timișoara", "RO"],
  ["Alpen Wärme GmbH", "Ausztria", "8010", "Graz", "ATU"],
];

function partnerName(rng: Rng, kind: PartnerKind, town: Town, person: ReturnType<typeof hungarianPerson>): { name: string; short: string } {
  const place = rng.pick(PLACES);
  const [stem, trade] = rng.pick(TRADES);
  switch (kind) {
    case "kft":
      return rng.chance(0.5) ? { name: `${place}-${stem} ${trade} Kft.`, short: `${place}-${stem}` } : { name: `${place} ${trade} Kft.`, short: place };
    case "zrt":
      return { name: `${place} ${trade} Zrt.`, short: `${place} Zrt.` };
    case "bt":
      return rng.chance(0.5)
        ? { name: `${person.family} és Társa Bt.`, short: `${person.family} Bt.` }
        : { name: `${place}-${stem} Bt.`, short: `${place}-${stem}` };
    case "kkt":
      return { name: `${person.family} és Fiai ${trade} Kkt.`, short: `${person.family} és Fiai` };
    case "ev":
      return { name: `${person.family} ${person.given} ${rng.pick(["e.v.", "E.V.", "ev.", "egyéni vállalkozó"])}`, short: `${person.family} ${person.given}` };
    case "egyesulet": {
      const society = rng.pick(SOCIETIES);
      return { name: `${town.name}i ${society}`, short: society };
    }
    case "alapitvany":
      return { name: rng.pick(FOUNDATIONS), short: "Alapítvány" };
    case "tarsashaz":
      return { name: `Társasház ${town.name}, ${street(rng).replace(/ \d+\. em\..*| fszt\..*/, "")}`, short: "Társasház" };
    case "onkormanyzat": {
      const village = rng.pick(VILLAGES);
      return { name: `${village} Önkormányzata`, short: village.split(" ")[0] ?? village };
    }
    case "private":
      return { name: person.written, short: "" };
    case "foreign":
      return { name: "", short: "" };
  }
}

function partnerTax(rng: Rng, kind: PartnerKind, town: Town): { tax: string; eu: string; registry: string } {
  const court = registryCourt(town);
  const form: Partial<Record<PartnerKind, string>> = { kft: "09", zrt: "10", bt: "06", kkt: "03" };
  switch (kind) {
    case "kft":
    case "zrt":
    case "bt":
    case "kkt": {
      const core = taxCore(rng, rng.pick(["1", "2"]));
      return {
        tax: taxNumber(core, rng.chance(0.9) ? "2" : "3", kind === "zrt" && rng.chance(0.5) ? "51" : town.taxCounty),
        eu: rng.chance(0.4) ? `HU${core}` : "",
        registry: registryNumber(rng, court, form[kind] ?? "09"),
      };
    }
    case "ev":
      // A sole proprietor's register number (nyilvántartási szám) stands where a firm's registry number does.
      return {
        tax: taxNumber(taxCore(rng, rng.pick(["5", "6", "7"])), rng.pick(["1", "2"]), town.taxCounty),
        eu: "",
        registry: String(rng.int(50_000_000, 59_999_999)),
      };
    case "egyesulet":
    case "alapitvany":
      return { tax: taxNumber(taxCore(rng, "18"), "1", town.taxCounty), eu: "", registry: `${court}-02-${pad(rng.int(1, 9999), 7)}` };
    case "tarsashaz":
      return { tax: taxNumber(taxCore(rng, "2"), "1", town.taxCounty), eu: "", registry: "" };
    case "onkormanyzat":
      return { tax: taxNumber(taxCore(rng, "15"), "2", town.taxCounty), eu: "", registry: "" };
    case "private":
      return { tax: "", eu: "", registry: "" };
    case "foreign":
      return { tax: "", eu: "", registry: "" };
  }
}

const GROUPS: Readonly<Record<PartnerKind, string>> = {
  kft: "Ipari",
  zrt: "Ipari",
  bt: "Viszonteladó",
  kkt: "Ipari",
  ev: "Viszonteladó",
  egyesulet: "Közület",
  alapitvany: "Közület",
  tarsashaz: "Társasház",
  onkormanyzat: "Közület",
  private: "Lakossági",
  foreign: "Export",
};

const REMARKS = [
  "Csak előre utalással!",
  "Kapukód: 1984\nA karbantartó hétköznap 8-16 között van bent.",
  "Számlát a könyvelőnek is küldeni.",
  "Közös képviselő váltás 2025-ben.\nÚj szerződés kell.",
  "Fizetési késedelem 2024-ben, figyelni!",
  "Éves karbantartási szerződés (klíma + hőszivattyú).",
];

function payment(rng: Rng, kind: PartnerKind): [string, string] {
  if (kind === "private") return rng.chance(0.6) ? ["Készpénz", "0"] : [rng.pick(["Átutalás", "Bankkártya"]), rng.pick(["0", "8"])];
  if (kind === "foreign") return ["Átutalás", "30"];
  const method = rng.weighted<string>([
    ["Átutalás", 8],
    ["Készpénz", 1],
    ["Utánvét", 1],
  ]);
  return [method, method === "Átutalás" ? rng.pick(["8", "8", "15", "15", "30", "30", "45"]) : "0"];
}

/** An EU VAT number abroad: Austria's ATU and eight digits, Slovakia's ten digits divisible by 11, Romania's two to ten digits. */
function foreignVat(rng: Rng, prefix: string): string {
  if (prefix === "SK") return `SK${rng.int(181_818_182, 909_090_909) * 11}`;
  return `${prefix}${rng.int(10_000_000, 99_999_999)}`;
}

/** The register's partners, in code order, with a group parent by code now and then. */
export function buildPartners(options: FamilyOptions, count: number): { rows: string[][]; partners: Partner[] } {
  const stream = new RowStream(options.seed, "ugyfeltar.partner");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const partners: Partner[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const kind = index < 6 ? "kft" : rng.weighted(KINDS);
    const foreign = kind === "foreign" ? rng.pick(FOREIGN) : undefined;
    const town = rng.pick(TOWNS);
    const person = hungarianPerson(rng);
    const drawn = partnerName(rng, kind, town, person);
    let fresh = true;
    const name = names.take(
      () => {
        const first = fresh;
        fresh = false;
        return foreign !== undefined ? foreign[0] : first ? drawn.name : partnerName(rng, kind, town, hungarianPerson(rng)).name;
      },
      // A namesake is told apart by the town, a firm by a number before its legal form; anything
      // else by a number in brackets, so that every attempt writes a new name.
      (taken, attempt) => {
        if (kind === "private" && attempt === 5) return `${taken} (${town.name})`;
        const numbered = taken.replace(/ (Kft\.|Bt\.|Zrt\.|Kkt\.)$/, ` ${attempt}. $1`);
        return kind !== "private" && numbered !== taken ? numbered : `${taken.replace(/ \(\d+\)$/, "")} (${attempt})`;
      },
    );
    const code = `P${pad(index * 3 + 101 + rng.int(0, 2), 5)}`;
    const { tax, eu, registry } = foreign === undefined ? partnerTax(rng, kind, town) : { tax: "", eu: foreignVat(rng, foreign[4]), registry: "" };
    const domain =
      kind === "private" || kind === "ev" || kind === "tarsashaz"
        ? ""
        : `${slug(drawn.short || name.split(" ")[0] || "ceg")}.${foreign === undefined ? "hu" : foreign[4] === "ATU" ? "at" : foreign[4].toLowerCase()}`;
    const mailbox =
      domain === ""
        ? `${mailName(person.family)}.${mailName(person.given)}${rng.int(1, 99)}@${rng.pick(["gmail.com", "freemail.hu", "citromail.hu"])}`
        : `${rng.pick(["info", "iroda", "szamla", "titkarsag"])}@${domain}`;
    const seller = kind === "private" && rng.chance(0.5) ? undefined : rng.chance(0.08) ? FORMER : rng.pick(STAFF);
    const active = rng.chance(0.93);
    const [method, days] = payment(rng, kind);
    const parent =
      index > 20 && (kind === "kft" || kind === "bt") && rng.chance(0.12)
        ? partners.filter((other) => other.kind === "kft" || other.kind === "zrt")[rng.int(0, 4)]
        : undefined;
    // Records typed before 2015 were typed in capitals, as the program's first version printed.
    const added = rng.int(EXPORT_DAY - 14 * 365, EXPORT_DAY - 20);
    const written = added < EXPORT_DAY - 11 * 365 && kind !== "private" ? name.toUpperCase() : name;
    rows.push([
      code,
      written,
      drawn.short,
      kind === "private" ? "I" : "N",
      tax,
      eu,
      registry,
      foreign?.[2] ?? town.zip,
      foreign?.[3] ?? town.name,
      foreign === undefined ? street(rng) : `${rng.pick(["Hauptstraße", "Ulica Štúrova", "Strada Mărășești"])} ${rng.int(1, 90)}`,
      foreign === undefined ? town.county : "",
      foreign?.[1] ?? (rng.chance(0.7) ? "Magyarország" : ""),
      rng.chance(0.85) ? phone(rng, town, kind === "private" || kind === "ev") : "",
      rng.chance(0.08) && kind !== "private" ? phone(rng, town, false) : "",
      rng.chance(0.85) ? mailbox : "",
      domain !== "" && rng.chance(0.6) ? `www.${domain}` : "",
      kind !== "private" && rng.chance(0.6) ? bankAccount(rng) : "",
      method,
      days,
      kind === "private" ? "0" : rng.chance(0.4) ? forints(rng.int(1, 60) * 100_000, rng) : "0",
      rng.chance(0.95) ? "I" : "N",
      kind !== "private" && rng.chance(0.08) ? "I" : "N",
      parent?.code ?? "",
      seller?.code ?? "",
      GROUPS[kind],
      rng.chance(0.12) ? rng.pick(REMARKS) : "",
      erpDay(added),
      active ? "I" : "N",
    ]);
    partners.push({ code, name: written, kind, tax, town, domain, seller, active });
  }
  return { rows, partners };
}

export const SITE_HEADERS = ["Partner kód", "Sorszám", "Megnevezés", "Cím", "Telefon", "Kapcsolattartó"];
const SITE_NAMES = ["Üzlet", "Raktár", "Telephely", "Iroda", "Pékség", "Műhely", "Kazánház", "Irodaház"];

/** Sites: numbered within their partner; the address in one cell, post code first: "6000 Kecskemét, Izsáki út 12.". */
export function siteRows(options: FamilyOptions, count: number, partners: readonly Partner[]): string[][] {
  const stream = new RowStream(options.seed, "ugyfeltar.telephely");
  const owners = partners.filter((partner) => partner.kind !== "private" && partner.kind !== "foreign" && partner.kind !== "tarsashaz");
  const numbers = new Map<string, number>();
  const drafts = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const partner = owners[(index * 7 + rng.int(0, 3)) % owners.length] ?? owners[0];
    if (partner === undefined) throw new Error("no partner has sites");
    const town = rng.chance(0.6) ? partner.town : rng.pick(TOWNS);
    return { rng, partner, town };
  }).sort((a, b) => a.partner.code.localeCompare(b.partner.code));
  return drafts.map(({ rng, partner, town }) => {
    const number = (numbers.get(partner.code) ?? 0) + 1;
    numbers.set(partner.code, number);
    const person = rng.chance(0.6) ? hungarianPerson(rng).written : "";
    return [
      partner.code,
      String(number),
      `${rng.pick(SITE_NAMES)}${rng.chance(0.4) ? ` - ${town.name}` : ""}`,
      `${town.zip} ${town.name}, ${street(rng)}`,
      rng.chance(0.6) ? phone(rng, town, false) : "",
      person,
    ];
  });
}

export const CONTACT_HEADERS = ["Partner kód", "Sorszám", "Név", "Beosztás", "Telefon", "Mobil", "E-mail", "Számlaértesítő"];

const ROLES: Readonly<Partial<Record<PartnerKind, readonly string[]>>> = {
  tarsashaz: ["közös képviselő", "számvizsgáló bizottság elnöke", "gondnok"],
  onkormanyzat: ["polgármester", "jegyző", "műszaki ügyintéző"],
  egyesulet: ["elnök", "titkár"],
  alapitvany: ["kuratórium elnöke", "intézményvezető"],
};
const FIRM_ROLES = ["ügyvezető", "tulajdonos", "pénzügyi vezető", "beszerző", "műszaki vezető", "titkárnő", "könyvelő", "üzemvezető"];

/** Contact persons of the register's partners, numbered within each; the first now and then gets the invoices by e-mail. */
export function contactRows(options: FamilyOptions, count: number, partners: readonly Partner[]): string[][] {
  const stream = new RowStream(options.seed, "ugyfeltar.kapcsolat");
  const firms = partners.filter((partner) => partner.kind !== "private");
  const numbers = new Map<string, number>();
  const drafts = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const partner = firms[(index * 5 + rng.int(0, 4)) % firms.length] ?? firms[0];
    if (partner === undefined) throw new Error("no partner has contacts");
    return { rng, partner };
  }).sort((a, b) => a.partner.code.localeCompare(b.partner.code));
  return drafts.map(({ rng, partner }) => {
    const number = (numbers.get(partner.code) ?? 0) + 1;
    numbers.set(partner.code, number);
    const person = hungarianPerson(rng);
    const family = person.family.split(" ").pop() ?? person.family;
    return [
      partner.code,
      String(number),
      person.written,
      rng.chance(0.85) ? rng.pick(ROLES[partner.kind] ?? FIRM_ROLES) : "",
      rng.chance(0.4) ? phone(rng, partner.town, false) : "",
      rng.chance(0.75) ? phone(rng, partner.town, true) : "",
      rng.chance(0.7) ? `${mailName(family)}.${mailName(person.given)}@${partner.domain || rng.pick(["gmail.com", "freemail.hu"])}` : "",
      number === 1 && rng.chance(0.4) ? "I" : "N",
    ];
  });
}

export const SALESPERSON_HEADERS = ["Kód", "Név", "E-mail", "Telefon", "Aktív"];

/** The salespeople: initials as code, family name first; Molnár Attila has left. */
export function salespersonRows(options: FamilyOptions): string[][] {
  const stream = new RowStream(options.seed, "ugyfeltar.uzletkoto");
  const office = TOWNS[0];
  if (office === undefined) throw new Error("no towns");
  return [...STAFF, FORMER].map((person, index) => {
    const rng = stream.row(index);
    return [person.code, hungarianOrder(person), staffEmail(person), phone(rng, office, true), person === FORMER ? "N" : "I"];
  });
}

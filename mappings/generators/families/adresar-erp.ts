/**
 * Adresář's accounting program (in the manner of Pohoda's or Money S3's exports): the address
 * book, its establishments (provozovny), its contact persons and the sales agents, written in
 * Windows-1250 with `;`.
 */
import type { Rng } from "../prng.js";
import { RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import {
  account,
  birthNumberDic,
  BRNO,
  crowns,
  czechPerson,
  erpDay,
  EXPORT_DAY,
  FORMER,
  fullName,
  ico,
  mailName,
  mistyped,
  phone,
  STAFF,
  staffEmail,
  street,
  titledName,
  TOWNS,
  type Agent,
  type Person,
  type Town,
} from "./adresar-vocab.js";

export type AddressKind = "firma" | "spolek" | "osvc" | "soukroma" | "zahranicni";

export interface Address {
  readonly number: string;
  /** The firm's name as the address book has it; a private person's name. */
  readonly name: string;
  readonly kind: AddressKind;
  readonly ico: string;
  /** Its IČO mistyped (the check digit wrong): a specialist refuses the row. */
  readonly bad: boolean;
  readonly town: Town;
  readonly domain: string;
  readonly agent: Agent | undefined;
  readonly active: boolean;
}

export const ADDRESS_HEADERS = [
  "Číslo",
  "Firma",
  "Jméno",
  "IČ",
  "DIČ",
  "Plátce DPH",
  "Ulice",
  "PSČ",
  "Obec",
  "Stát",
  "Tel.",
  "Mobil",
  "E-mail",
  "WWW",
  "Skupina",
  "Splatnost",
  "Kredit",
  "Obch. zást.",
  "Nadřízená",
  "Č. účtu",
  "Neaktivní",
  "Pozn.",
  "Datum zal.",
];

const STEMS = [
  "Stavby",
  "Interiéry",
  "Developer",
  "Reality",
  "Dřevostavby",
  "Projekce",
  "Stavitelství",
  "Bytové domy",
  "Hotel",
  "Restaurace",
  "Kanceláře",
  "Zdravotnické centrum",
];
const PLACES = [
  "Morava",
  "Jih",
  "Vysočina",
  "Brno",
  "Špilberk",
  "Petrov",
  "Pálava",
  "Macocha",
  "Svratka",
  "Svitava",
  "Lužánky",
  "Žabovřesky",
  "Líšeň",
  "Bystrc",
  "Řečkovice",
  "Komín",
];
const SUPPLIES = ["Dřevoobchod", "Kování", "Pracovní desky", "Lamino", "Spotřebiče", "Sklo"];
const CLUBS = ["TJ Sokol", "Spolek přátel", "Mateřské centrum", "SK"];
const TRADES = ["", "", " - Podlahářství", " - Elektroinstalace", " - Instalatérství", " - Malířství"];
const NOTES = [
  "Fakturovat až po předání.",
  "Platí vždy pozdě, hlídat splatnost.",
  "Kuchyně 2024, reklamace dvířek vyřízena.",
  "Pozor: nová adresa od 1. 1.\nStará platí pro doručování do konce roku.",
];
const SLOVAK: Town = { name: "Bratislava", zips: ["811 01", "821 08"], landline: "2" };

export const PARENT_COUNT = 4;

/** One firm in sixty has its IČO mistyped. */
function mistypedAt(index: number): boolean {
  return index % 60 === 37;
}

function legalName(rng: Rng, kind: AddressKind, place: string): string {
  if (kind === "spolek") return `${rng.pick(CLUBS)} ${place}, z.s.`;
  const form = rng.weighted<string>([
    ["s.r.o.", 10],
    ["spol. s r.o.", 3],
    ["a.s.", 2],
    ["v.o.s.", 1],
  ]);
  return `${rng.pick(STEMS)} ${place} ${form}`;
}

interface Drawn {
  readonly address: Address;
  readonly cells: string[];
}

/** The kind of an address book row: firms most, sole traders, private customers, clubs, Slovak firms. */
function kindOf(rng: Rng, index: number): AddressKind {
  if (index < PARENT_COUNT || mistypedAt(index)) return "firma";
  return rng.weighted<AddressKind>([
    ["firma", 12],
    ["osvc", 4],
    ["soukroma", 4],
    ["spolek", 1],
    ["zahranicni", 1],
  ]);
}

function drawAddress(rng: Rng, index: number, names: UniqueNames, parents: readonly Address[]): Drawn {
  const kind = kindOf(rng, index);
  const person: Person = czechPerson(rng, 0.2);
  const supplier = kind === "firma" && rng.chance(0.15);
  const place = rng.pick(PLACES);
  const name = names.take(
    () =>
      kind === "osvc" || kind === "soukroma"
        ? `${person.first} ${person.last}${kind === "osvc" ? rng.pick(TRADES) : ""}`
        : index < PARENT_COUNT
          ? `${rng.pick(STEMS)} ${place} Group a.s.`
          : supplier
            ? `${rng.pick(SUPPLIES)} ${rng.pick(PLACES)} s.r.o.`
            : legalName(rng, kind, rng.pick(PLACES)),
    (taken, attempt) => taken.replace(/ (s\.r\.o\.|a\.s\.|spol\. s r\.o\.|v\.o\.s\.|, z\.s\.)$/, ` ${attempt} $1`).replace(/^(\D+)$/, `$1 (${attempt})`),
  );
  const town = kind === "zahranicni" ? SLOVAK : rng.pick(TOWNS);
  const number = String(1001 + index);
  const registered = kind !== "soukroma";
  const bad = mistypedAt(index);
  const identity = registered ? ico(rng) : "";
  const payer = kind === "firma" ? rng.chance(0.85) : kind === "osvc" ? rng.chance(0.4) : kind === "zahranicni";
  const dic = !payer
    ? ""
    : kind === "osvc"
      ? birthNumberDic(rng, person.woman)
      : kind === "zahranicni"
        ? `SK20${rng.int(10_000_000, 29_999_999)}`
        : `CZ${identity}`;
  const domain = `${mailName(name.split(" ").slice(0, 2).join(""))}.${kind === "zahranicni" ? "sk" : "cz"}`;
  const agent = rng.chance(0.08) ? undefined : rng.chance(0.1) ? FORMER : rng.pick(STAFF);
  const parent = kind === "firma" && !bad && index >= PARENT_COUNT && rng.chance(0.12) ? rng.pick(parents) : undefined;
  const active = !rng.chance(0.05);
  const mail =
    index % 50 === 23
      ? `info.${domain}`
      : rng.chance(0.8)
        ? registered
          ? `${rng.pick(["info", "obchod", "kancelar"])}@${domain}`
          : `${mailName(person.first)}.${mailName(person.last)}@${rng.pick(["seznam.cz", "email.cz", "gmail.com", "centrum.cz"])}`
        : "";
  const founded = EXPORT_DAY - rng.int(30, 12 * 365);
  const group = kind === "zahranicni" ? "ZAH" : supplier ? "DOD" : kind === "soukroma" || kind === "osvc" ? "MO" : "ODB";
  const address: Address = { number, name, kind, ico: identity, bad, town, domain, agent, active };
  return {
    address,
    cells: [
      number,
      kind === "soukroma" ? "" : name,
      kind === "soukroma" ? name : kind === "firma" && rng.chance(0.5) ? titledName(czechPerson(rng, 0.3)) : "",
      bad ? mistyped(identity) : identity,
      dic,
      payer ? "A" : "N",
      street(rng),
      rng.pick(town.zips),
      town.name,
      kind === "zahranicni" ? "SK" : rng.chance(0.7) ? "CZ" : "",
      rng.chance(0.5) ? phone(rng, town, false) : rng.chance(0.3) ? "-" : "",
      rng.chance(0.6) ? phone(rng, town, true) : rng.chance(0.2) ? "neuvedeno" : "",
      mail,
      registered && rng.chance(0.5) ? `www.${domain}` : rng.chance(0.2) ? "-" : "",
      group,
      kind === "soukroma" ? "0" : rng.pick(["14", "14", "30", "7", "21"]),
      kind === "firma" && rng.chance(0.5) ? crowns(rng.int(1, 40) * 2_500_000) : kind === "soukroma" ? "" : crowns(0),
      agent?.code ?? "",
      parent?.number ?? "",
      registered && rng.chance(0.5) ? account(rng) : "",
      active ? "N" : "A",
      rng.chance(0.15) ? rng.pick(NOTES) : rng.chance(0.1) ? "-" : "",
      erpDay(founded),
    ],
  };
}

export function buildAddresses(options: FamilyOptions, count: number): { rows: string[][]; addresses: Address[] } {
  const stream = new RowStream(options.seed, "adresar.adresy");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const addresses: Address[] = [];
  for (let index = 0; index < count; index++) {
    const { address, cells } = drawAddress(stream.row(index), index, names, addresses.slice(0, PARENT_COUNT));
    rows.push(cells);
    addresses.push(address);
  }
  return { rows, addresses };
}

/** Firms and sole traders a contact person or an establishment may belong to (not the one mistyped). */
export function businesses(addresses: readonly Address[]): Address[] {
  return addresses.filter((address) => !address.bad && (address.kind === "firma" || address.kind === "spolek" || address.kind === "osvc"));
}

export const BRANCH_HEADERS = ["Adresa", "Č. prov.", "Název", "Ulice", "PSČ", "Obec", "Kontakt", "Tel."];
const BRANCH_NAMES = ["Provozovna", "Sklad", "Stavba", "Pobočka", "Showroom"];

export function branchRows(options: FamilyOptions, count: number, addresses: readonly Address[]): string[][] {
  const stream = new RowStream(options.seed, "adresar.provozovny");
  const firms = businesses(addresses).filter((address) => address.kind === "firma");
  const next = new Map<string, number>();
  const rows: string[][] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const firm = firms[(index * 5 + rng.int(0, 3)) % firms.length];
    if (firm === undefined) continue;
    const serial = (next.get(firm.number) ?? 0) + 1;
    next.set(firm.number, serial);
    const town = rng.chance(0.6) ? firm.town : rng.pick(TOWNS);
    rows.push([
      firm.number,
      String(serial),
      `${rng.pick(BRANCH_NAMES)} ${town.name}${serial > 1 ? ` ${serial}` : ""}`,
      street(rng),
      rng.pick(town.zips),
      town.name,
      rng.chance(0.6) ? titledName(czechPerson(rng, 0.2)) : "",
      rng.chance(0.7) ? phone(rng, town, true) : "",
    ]);
  }
  return rows;
}

export const PERSON_HEADERS = ["ID", "Adresa", "Titul", "Jméno", "Příjmení", "Titul za", "Funkce", "Tel.", "Mobil", "E-mail", "Hlavní"];
const FUNCTIONS = ["jednatel", "jednatelka", "ředitel", "stavbyvedoucí", "nákupčí", "účetní", "projektant", "majitel", "provozní"];

export function personRows(options: FamilyOptions, count: number, addresses: readonly Address[]): string[][] {
  const stream = new RowStream(options.seed, "adresar.osoby");
  const owners = businesses(addresses).filter((address) => address.kind !== "osvc");
  const main = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const firm = owners[(index * 7 + rng.int(0, 4)) % owners.length] ?? owners[0];
    const person = czechPerson(rng, 0.35);
    const first = firm !== undefined && !main.has(firm.number);
    if (firm !== undefined) main.add(firm.number);
    return [
      String(5001 + index * 3 + rng.int(0, 2)),
      firm?.number ?? "",
      person.before,
      person.first,
      person.last,
      person.after,
      rng.chance(0.8) ? rng.pick(FUNCTIONS) : "",
      rng.chance(0.3) ? phone(rng, firm?.town ?? BRNO, false) : "",
      rng.chance(0.7) ? phone(rng, firm?.town ?? BRNO, true) : "",
      rng.chance(0.75) && firm !== undefined ? `${mailName(person.first)}.${mailName(person.last)}@${firm.domain}` : "",
      first ? "A" : "N",
    ];
  });
}

export const AGENT_HEADERS = ["Zkratka", "Jméno a příjmení", "E-mail", "Aktivní", "Počet adres"];

/** The sales agents, with how many addresses each looks after in this export. */
export function agentRows(addresses: readonly Address[]): string[][] {
  return [...STAFF, FORMER].map((agent) => [
    agent.code,
    fullName(agent),
    agent === FORMER ? "" : staffEmail(agent),
    agent === FORMER ? "N" : "A",
    String(addresses.filter((address) => address.agent === agent).length),
  ]);
}

/**
 * Parteneri's invoicing program (in the manner of an old Windows invoicing and stock program):
 * the partners, their delegates, their bank accounts, their delivery points and the sales agents,
 * written in Windows-1250 with `;`, ş and ţ with the cedilla, headers without diacritics.
 */
import type { Rng } from "../prng.js";
import { RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import {
  BANKS,
  BUCHAREST,
  cedilla,
  cnp,
  cui,
  EXPORT_DAY,
  FORMER,
  fullName,
  grouped,
  iban,
  lei,
  mailName,
  mistypedCui,
  mistypedIban,
  phone,
  place,
  registryNumber,
  roDay,
  romanianPerson,
  STAFF,
  staffEmail,
  street,
  type Agent,
  type Place,
} from "./parteneri-vocab.js";

export type PartnerKind = "srl" | "sa" | "pfa" | "ii" | "asociatie" | "fizica";

export interface Partner {
  readonly code: string;
  /** As the CRM writes it: "Alfa Construct SRL", with ș and ț. */
  readonly crmName: string;
  readonly kind: PartnerKind;
  /** The CUI's digits (the right ones, even where the program has them mistyped). */
  readonly cui: string;
  readonly bad: boolean;
  readonly place: Place;
  readonly domain: string;
  readonly agent: Agent | undefined;
  readonly active: boolean;
  readonly supplier: boolean;
}

export const PARTNER_HEADERS = [
  "Cod",
  "Denumire",
  "Tip",
  "Cod fiscal",
  "Nr. Reg. Com.",
  "Platitor TVA",
  "Adresa",
  "Localitate",
  "Judet",
  "Cod postal",
  "Tara",
  "Telefon",
  "Email",
  "Site web",
  "Persoana contact",
  "Termen plata",
  "Plafon credit",
  "Sold",
  "Agent",
  "Grup",
  "Cod CAEN",
  "Client",
  "Furnizor",
  "Inactiv",
  "Observatii",
  "Data adaugarii",
];

const ROOTS = ["Alfa", "Vector", "Carpați", "Dacia", "Delta", "Nord", "Meridian", "Orizont", "Titan", "Soliditas", "Arcada", "Bucegi", "Dunărea", "Ceahlău"];
const TRADES = ["Construct", "Instal", "Impex", "Invest", "Residence", "Prod", "Serv", "Med", "Hotel", "Logistic", "Development"];
const SUPPLIES = ["Termo Distribuție", "Clima Trade", "Ventil Tehnic", "Frigo Parts", "Țevi și Fitinguri"];
const CAEN: Readonly<Record<string, readonly string[]>> = {
  Construct: ["4120", "4399"],
  Instal: ["4322", "4321"],
  Impex: ["4690", "4674"],
  Invest: ["6810", "6820"],
  Residence: ["6820", "4110"],
  Prod: ["2511", "1610"],
  Serv: ["8121", "7022"],
  Med: ["8622", "8610"],
  Hotel: ["5510"],
  Logistic: ["5210", "4941"],
  Development: ["4110", "6810"],
};
const NOTES = [
  "Factura se trimite si pe email.",
  "Plateste cu intarziere, verificati soldul.",
  "Contract mentenanta anual, revizie in martie.",
  "Atentie: sediu nou din 2025.\nAdresa veche ramane punct de lucru.",
];

/** The first partners are holdings: the group parents of companies entered after them. */
export const HOLDINGS = 3;

/** One partner in forty-five has its CUI mistyped. */
function mistypedAt(index: number): boolean {
  return index % 45 === 29;
}

function kindOf(rng: Rng, index: number): PartnerKind {
  if (index < HOLDINGS) return "sa";
  if (mistypedAt(index)) return "srl";
  return rng.weighted<PartnerKind>([
    ["srl", 12],
    ["sa", 2],
    ["pfa", 3],
    ["ii", 1],
    ["asociatie", 2],
    ["fizica", 4],
  ]);
}

/** The name as the CRM writes it (comma below, "SRL"), and the trade it says. */
function drawName(rng: Rng, kind: PartnerKind, supplier: boolean, holding: boolean): { readonly name: string; readonly trade: string } {
  const person = romanianPerson(rng);
  const trade = rng.pick(TRADES);
  switch (kind) {
    case "srl":
      return supplier ? { name: `${rng.pick(SUPPLIES)} SRL`, trade: "Impex" } : { name: `${rng.pick(ROOTS)} ${trade} SRL`, trade };
    case "sa":
      return holding ? { name: `${rng.pick(ROOTS)} Holding SA`, trade: "Invest" } : { name: `${rng.pick(ROOTS)} ${trade} SA`, trade };
    case "pfa":
      return { name: `${person.last} ${person.first} PFA`, trade: "Instal" };
    case "ii":
      return { name: `${person.last} ${person.first} II`, trade: "Serv" };
    case "asociatie":
      return { name: `Asociația de Proprietari Bloc ${rng.pick(["M", "C", "G", "P"])}${rng.int(1, 40)}`, trade: "" };
    case "fizica":
      return { name: `${person.last} ${person.first}`, trade: "" };
  }
}

/** As the invoicing program wrote it: the cedilla, and old companies as "S.C. Alfa Construct S.R.L.". */
function erpName(name: string, old: boolean): string {
  const written = cedilla(name);
  if (!old) return written;
  return `S.C. ${written.replace(/ SRL$/, " S.R.L.").replace(/ SA$/, " S.A.")}`;
}

function fiscalCode(rng: Rng, kind: PartnerKind, value: string, payer: boolean): string {
  if (kind === "fizica") return rng.chance(0.5) ? cnp(rng, romanianPerson(rng)) : rng.chance(0.5) ? "-" : "";
  if (!payer) return value;
  return rng.weighted<string>([
    [`RO${value}`, 7],
    [`RO ${value}`, 2],
    [`ro${value}`, 1],
  ]);
}

interface Drawn {
  readonly partner: Partner;
  readonly cells: string[];
}

function drawPartner(rng: Rng, index: number, names: UniqueNames): Drawn {
  const kind = kindOf(rng, index);
  const supplier = kind === "srl" && rng.chance(0.12);
  let trade = "";
  const crmName = names.take(
    () => {
      const drawn = drawName(rng, kind, supplier, index < HOLDINGS);
      trade = drawn.trade;
      return drawn.name;
    },
    (taken, attempt) => taken.replace(/ (SRL|SA|PFA|II)$/, ` ${attempt} $1`).replace(/(\d+)$/, `$1${"ABCDEFGH"[attempt] ?? "Z"}`),
  );
  const where = place(rng);
  const added = EXPORT_DAY - rng.int(20, 16 * 365);
  const old = (kind === "srl" || kind === "sa") && added < EXPORT_DAY - 10 * 365 && rng.chance(0.7);
  const registered = kind !== "fizica";
  const value = registered ? cui(rng) : "";
  const bad = mistypedAt(index);
  const payer = kind === "srl" || kind === "sa" ? rng.chance(0.85) : kind === "pfa" ? rng.chance(0.3) : false;
  const domain = `${mailName(crmName.split(" ").slice(0, 2).join(""))}.ro`;
  const agent = rng.chance(0.08) ? undefined : rng.chance(0.1) ? FORMER : rng.pick(STAFF);
  const active = !rng.chance(0.06);
  // A company of a group: its parent by code.
  const group =
    (kind === "srl" || kind === "sa") && index >= HOLDINGS && !mistypedAt(index) && rng.chance(0.15) ? `P${String(rng.int(1, HOLDINGS)).padStart(4, "0")}` : "";
  const year = Number(roDay(added).slice(6));
  const person = romanianPerson(rng);
  const partner: Partner = { code: `P${String(index + 1).padStart(4, "0")}`, crmName, kind, cui: value, bad, place: where, domain, agent, active, supplier };
  const mailbox = registered
    ? `${rng.pick(["office", "contact", "achizitii", "facturare"])}@${domain}`
    : `${crmName.split(" ").map(mailName).join(".")}@${rng.pick(["yahoo.com", "gmail.com"])}`;
  const mail =
    index % 50 === 23 ? mailbox.replace("@", ".") : rng.chance(0.1) && registered ? `${mailbox}; facturi@${domain}` : rng.chance(0.85) ? mailbox : "";
  const sectorTown =
    where.county === BUCHAREST ? rng.pick([`București Sector ${where.sector}`, `Sector ${where.sector}`, `București, Sectorul ${where.sector}`]) : where.town;
  const county = rng.chance(0.2) ? where.county.code : where.county === BUCHAREST && rng.chance(0.4) ? "Municipiul București" : where.county.name;
  const credit = kind === "srl" || kind === "sa" ? (rng.chance(0.5) ? lei(rng.int(1, 30) * 500_000, "lei") : lei(0, "lei")) : "";
  return {
    partner,
    cells: [
      partner.code,
      kind === "fizica" ? cedilla(crmName).toUpperCase() : erpName(crmName, old),
      kind === "fizica" ? "PF" : "PJ",
      fiscalCode(rng, kind, bad ? mistypedCui(value) : value, payer),
      kind === "srl" || kind === "sa"
        ? registryNumber(rng, where.county, "J", Math.max(1991, year - rng.int(0, 5)))
        : kind === "pfa" || kind === "ii"
          ? registryNumber(rng, where.county, "F", year)
          : kind === "asociatie"
            ? "-"
            : "",
      payer ? "Da" : "Nu",
      cedilla(street(rng)),
      cedilla(sectorTown),
      cedilla(county),
      rng.chance(0.8) ? where.zip : "",
      rng.pick(["RO", "România", "", "ROMANIA"]),
      rng.chance(0.6) ? phone(rng, where.county, rng.chance(0.5)) : rng.chance(0.3) ? "-" : "",
      mail,
      registered && rng.chance(0.4) ? `www.${domain}` : rng.chance(0.15) ? "nespecificat" : "",
      registered && kind !== "asociatie" && rng.chance(0.5)
        ? cedilla(`${rng.chance(0.3) ? "Ing. " : ""}${person.last} ${person.first}`)
        : kind === "asociatie" && rng.chance(0.7)
          ? cedilla(`Administrator ${person.last} ${person.first}`)
          : "",
      kind === "fizica" ? "0" : rng.pick(["15", "30", "30", "45", "60", "0"]),
      credit,
      rng.chance(0.3) ? "" : lei(rng.int(-50_000, 4_000_000), "lei"),
      agent?.code ?? "",
      group,
      trade !== "" && rng.chance(0.8) ? rng.pick(CAEN[trade] ?? ["4322"]) : "",
      supplier ? "Nu" : "Da",
      supplier ? "Da" : "Nu",
      active ? "Nu" : "Da",
      rng.chance(0.15) ? rng.pick(NOTES) : rng.chance(0.1) ? "-" : "",
      roDay(added),
    ],
  };
}

export function buildPartners(options: FamilyOptions, count: number): { rows: string[][]; partners: Partner[] } {
  const stream = new RowStream(options.seed, "parteneri.parteneri");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const partners: Partner[] = [];
  for (let index = 0; index < count; index++) {
    const { partner, cells } = drawPartner(stream.row(index), index, names);
    rows.push(cells);
    partners.push(partner);
  }
  return { rows, partners };
}

/** Firms a delegate, an account or a delivery point may belong to (not the one mistyped). */
export function firms(partners: readonly Partner[]): Partner[] {
  return partners.filter((partner) => !partner.bad && partner.kind !== "fizica");
}

export const DELEGATE_HEADERS = ["Cod partener", "Nume delegat", "CI seria", "CI numar", "Eliberat de", "Mijloc transport", "Telefon", "Implicit"];

/** The people who collect goods for a partner: an invoice prints their identity card and the car. */
export function delegateRows(options: FamilyOptions, count: number, partners: readonly Partner[]): string[][] {
  const stream = new RowStream(options.seed, "parteneri.delegati");
  const owners = firms(partners);
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const firm = owners[(index * 5 + rng.int(0, 3)) % owners.length] ?? owners[0];
    const person = romanianPerson(rng);
    const first = firm !== undefined && !seen.has(firm.code);
    if (firm !== undefined) seen.add(firm.code);
    const county = firm?.place.county ?? BUCHAREST;
    return [
      firm?.code ?? "",
      cedilla(`${person.last} ${person.first}`).toUpperCase(),
      rng.chance(0.9) ? rng.pick(["RX", "RT", "RD", "PH", "AZ", "KX", "IF"]) : "",
      rng.chance(0.9) ? String(rng.int(100_000, 999_999)) : "",
      rng.chance(0.7) ? cedilla(county === BUCHAREST ? `SPCEP Sector ${rng.int(1, 6)}` : `SPCLEP ${county.towns[0]?.[0] ?? ""}`) : "",
      rng.chance(0.6) ? `${county.code} ${rng.int(10, 99)} ${rng.pick(["ABC", "XYZ", "TRM", "KLM", "VNT"])}` : rng.chance(0.3) ? "-" : "",
      rng.chance(0.7) ? phone(rng, county, true) : "",
      first ? "Da" : "Nu",
    ];
  });
}

export const ACCOUNT_HEADERS = ["Cod partener", "IBAN", "Banca", "Moneda", "Principal"];

export function accountRows(options: FamilyOptions, count: number, partners: readonly Partner[]): string[][] {
  const stream = new RowStream(options.seed, "parteneri.conturi");
  const owners = partners.filter((partner) => !partner.bad && partner.kind !== "fizica" && partner.active);
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const firm = owners[(index * 3 + rng.int(0, 2)) % owners.length] ?? owners[0];
    const [code, bank] = firm?.kind === "asociatie" && rng.chance(0.3) ? (BANKS[6] ?? ["TREZ", "Trezoreria"]) : rng.pick(BANKS.slice(0, 6));
    const number = iban(rng, code);
    const written = index % 25 === 11 ? mistypedIban(number) : number;
    const first = firm !== undefined && !seen.has(firm.code);
    if (firm !== undefined) seen.add(firm.code);
    return [
      firm?.code ?? "",
      rng.weighted<string>([
        [written, 5],
        [grouped(written), 3],
        [grouped(written).toLowerCase(), 1],
      ]),
      rng.chance(0.85) ? bank : "",
      first || rng.chance(0.7) ? "RON" : "EUR",
      first ? "Da" : "Nu",
    ];
  });
}

export const POINT_HEADERS = ["Cod partener", "Nr.", "Denumire punct", "Adresa", "Localitate", "Judet", "Persoana contact", "Telefon"];
const POINT_NAMES = ["Șantier", "Depozit", "Punct de lucru", "Sediu secundar", "Bloc"];

/** Delivery points and building sites, numbered within their partner. */
export function pointRows(options: FamilyOptions, count: number, partners: readonly Partner[]): string[][] {
  const stream = new RowStream(options.seed, "parteneri.puncte");
  const owners = firms(partners).filter((partner) => partner.kind === "srl" || partner.kind === "sa");
  const next = new Map<string, number>();
  const rows: string[][] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const firm = owners[(index * 7 + rng.int(0, 3)) % owners.length];
    if (firm === undefined) continue;
    const serial = (next.get(firm.code) ?? 0) + 1;
    next.set(firm.code, serial);
    const where = rng.chance(0.5) ? firm.place : place(rng);
    const person = romanianPerson(rng);
    rows.push([
      firm.code,
      String(serial),
      cedilla(`${rng.pick(POINT_NAMES)} ${where.county === BUCHAREST ? `Sector ${where.sector}` : where.town}${serial > 1 ? ` ${serial}` : ""}`),
      cedilla(street(rng)),
      cedilla(where.county === BUCHAREST ? `București Sector ${where.sector}` : where.town),
      cedilla(rng.chance(0.2) ? where.county.code : where.county.name),
      rng.chance(0.6) ? cedilla(`${person.last} ${person.first}`) : "",
      rng.chance(0.7) ? phone(rng, where.county, true) : "",
    ]);
  }
  return rows;
}

export const AGENT_HEADERS = ["Cod agent", "Nume", "Email", "Activ", "Nr. parteneri"];

/** The agents, with how many partners each looks after in this export. */
export function agentRows(partners: readonly Partner[]): string[][] {
  return [...STAFF, FORMER].map((agent) => [
    agent.code,
    cedilla(fullName(agent)),
    agent === FORMER ? "" : staffEmail(agent),
    agent === FORMER ? "Nu" : "Da",
    String(partners.filter((partner) => partner.agent === agent).length),
  ]);
}

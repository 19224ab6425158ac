/**
 * Ügyféltár ("customer store"): the export of Alföld-Klíma Épületgépészeti Kft., a heating,
 * cooling and heat pump installer in Kecskemét that serves firms, condominiums (társasházak),
 * municipalities and households of the Great Plain and Budapest: the partner register, sites,
 * contact persons and salespeople of its desktop invoicing program, and the companies, contacts,
 * sales and to-dos of the Hungarian web CRM its sales staff use beside it. The tenth hold-out
 * family of `flitmap init`, written without reading the proposer, its tests or its output.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | PARTNER.CSV | 25% of --rows | the register by code (`P00123`): Kft., Zrt., Bt., Kkt., sole proprietors (e.v.), associations, foundations, condominiums named by their address, municipalities, private persons (family name first: "Szabóné Tóth Anna", "dr. Kiss Éva"), a few firms abroad; tax number `12345678-2-41`, EU VAT `HU12345678`, registry number `03-09-123456`; the address in four columns with the county; I/N flags; `Anyavállalat` the parent's **code**; `Üzletkötő` the salesperson's **initials** ("SZG"); amounts `1 500 000` (spaces, some no-break); names typed before 2015 in capitals |
 * | TELEPHELY.CSV | 8% | sites, numbered within their partner; **the address in one cell, post code first**: "6000 Kecskemét, Izsáki út 12. 2. em. 5." |
 * | KAPCSOLAT.CSV | 20% | the register's contact persons, numbered within their partner, one name column, family name first |
 * | UZLETKOTO.CSV | the staff | salespeople: initials, name family name first, e-mail; Molnár Attila has left |
 * | cegek.csv | 15% | the CRM's companies: ERP customers (by the same name, now and then without the legal form's dot, the tax number written with or without dashes, or not at all) and prospects; `Anyavállalat` the parent **by name**; tags `,`-separated; `Felelős` the owner **by name, family name first** |
 * | kapcsolattartok.csv | 20% | the CRM's contacts: prefix, family name and given name apart; the company by name and by its CRM id; Hírlevél Igen/Nem |
 * | ertekesitesek.csv | 15% (a few deleted) | sales (deals) by company **name** and contact by **full name**; Hungarian stages; `Összeg` "2 450 000 Ft" or "12 500 EUR"; `Valószínűség` "60%"; days `2024. 03. 15.` |
 * | teendok.csv | 25% | to-dos: calls, meetings, site surveys, e-mails, tasks (a few about a sale deleted before the export); due `2024.03.15. 14:05`, a task now and then on a day alone (`2024.03.15.`); `Kész` Igen/Nem; about a sale (by id), a company (by name) or a contact (by id) |
 *
 * The desktop program writes Windows-1250, `;`, quoted only where needed, CRLF. The CRM writes
 * UTF-8 without a byte order mark, `,`, quoted where needed, LF.
 */
import type { Rng } from "../prng.js";
import { draftsByDay, pad, RowStream, someOf, UniqueNames, workMoment, type FamilyExport, type FamilyOptions, type SeedUser, YearSerials } from "./family.js";
import {
  buildPartners,
  CONTACT_HEADERS,
  contactRows,
  PARTNER_HEADERS,
  salespersonRows,
  SALESPERSON_HEADERS,
  SITE_HEADERS,
  siteRows,
  type Partner,
} from "./ugyfeltar-erp.js";
import {
  crmDay,
  crmMoment,
  erpDay,
  EXPORT_DAY,
  FORMER,
  forints,
  hungarianOrder,
  hungarianPerson,
  mailName,
  phone,
  STAFF,
  staffEmail,
  street,
  taxCore,
  taxNumber,
  TOWNS,
  type Salesperson,
  type Town,
} from "./ugyfeltar-vocab.js";

/** The owner as the CRM writes it: family name first, now and then without accents (typed on a phone). */
function owner(rng: Rng, seller: Salesperson | undefined, when: number): string {
  if (rng.chance(0.04)) return "";
  const person = seller ?? (when < EXPORT_DAY - 400 && rng.chance(0.1) ? FORMER : rng.pick(STAFF));
  const name = hungarianOrder(person);
  return rng.chance(0.1) ? name.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : name;
}

interface Company {
  readonly id: string;
  readonly name: string;
  readonly town: Town;
  readonly domain: string;
  readonly partner: Partner | undefined;
}

const COMPANY_HEADERS = [
  "Azonosító",
  "Cégnév",
  "Adószám",
  "Anyavállalat",
  "Iparág",
  "Létszám",
  "Weboldal",
  "E-mail",
  "Telefon",
  "Irányítószám",
  "Település",
  "Cím",
  "Címkék",
  "Felelős",
  "Létrehozva",
];
const INDUSTRIES = ["Vendéglátás", "Ingatlankezelés", "Mezőgazdaság", "Kereskedelem", "Gyártás", "Közszféra", "Egészségügy", "Oktatás"];
const SIZES = ["1-9 fő", "10-49 fő", "50-249 fő", "250+ fő"];
const TAGS = ["Hőszivattyú", "Klíma", "Karbantartási szerződés", "Pályázat", "Napelem", "VIP", "Visszahívni"];
const PROSPECT_PLACES = ["Bugac", "Kadafalva", "Katonatelep", "Hetényegyháza", "Szentkirály", "Tiszakécske", "Nagykőrös", "Kunszentmiklós"];
const PROSPECT_TRADES = [
  "Panzió Kft.",
  "Tésztagyártó Kft.",
  "Borászat Kft.",
  "Fogászat Bt.",
  "Csarnok Kft.",
  "Kertészet Bt.",
  "Iskola Alapítvány",
  "Lakópark Társasház",
];

/** Writes an ERP tax number as a CRM user typed it: as printed, without dashes, or left out. */
function typedTax(rng: Rng, tax: string): string {
  if (tax === "") return "";
  return rng.weighted<string>([
    [tax, 7],
    [tax.replaceAll("-", ""), 2],
    ["", 1],
  ]);
}

function buildCompanies(options: FamilyOptions, count: number, partners: readonly Partner[]): { rows: string[][]; companies: Company[] } {
  const stream = new RowStream(options.seed, "ugyfeltar.cegek");
  const customers = partners.filter((partner) => partner.active && partner.kind !== "private" && partner.kind !== "foreign");
  const names = new UniqueNames();
  for (const partner of partners)
    names.take(
      () => partner.name,
      () => partner.name,
    );
  const chosen = new Set<Partner>();
  const rows: string[][] = [];
  const companies: Company[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const candidate = rng.chance(0.55) ? customers[(index * 11 + rng.int(0, 5)) % customers.length] : undefined;
    const partner = candidate !== undefined && !chosen.has(candidate) ? candidate : undefined;
    if (partner !== undefined) chosen.add(partner);
    const town = partner?.town ?? rng.pick(TOWNS);
    // The CRM user copied an ERP customer's name from an invoice, in ordinary case.
    const name =
      partner === undefined
        ? names.take(
            () => `${rng.pick(PROSPECT_PLACES)} ${rng.pick(PROSPECT_TRADES)}`,
            (taken, attempt) => `${taken.replace(/ (Kft\.|Bt\.|Alapítvány|Társasház)$/, "")} ${attempt} ${taken.split(" ").pop() ?? ""}`,
          )
        : partner.name === partner.name.toUpperCase()
          ? partner.name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => `${space}${letter.toUpperCase()}`)
          : partner.name;
    // Now and then typed without the legal form's dot: "Kunság Logisztikai Kft".
    const typed = partner !== undefined && /(Kft|Bt|Zrt)\.$/.test(name) && rng.chance(0.15) ? name.slice(0, -1) : name;
    const domain = partner?.domain || `${mailName(name.split(" ")[0] ?? "ceg")}${rng.int(1, 9)}.hu`;
    const parent = index > 10 && rng.chance(0.08) ? companies.filter((company) => company.partner === undefined)[rng.int(0, 3)] : undefined;
    const created = workMoment(rng, EXPORT_DAY - 4 * 365, EXPORT_DAY - 10);
    const id = String(20_000 + index * 4 + rng.int(0, 3));
    rows.push([
      id,
      typed,
      partner === undefined ? (rng.chance(0.4) ? taxNumber(taxCore(rng, rng.pick(["1", "2"])), "2", town.taxCounty) : "") : typedTax(rng, partner.tax),
      parent?.name ?? "",
      rng.chance(0.8) ? rng.pick(INDUSTRIES) : "",
      rng.chance(0.6) ? rng.pick(SIZES) : "",
      rng.chance(0.5) ? `https://www.${domain}` : "",
      rng.chance(0.7) ? `info@${domain}` : "",
      rng.chance(0.7) ? phone(rng, town, false) : "",
      town.zip,
      town.name,
      street(rng),
      rng.chance(0.5) ? someOf(rng, TAGS, 3).join(", ") : "",
      owner(rng, partner?.seller, created.days),
      crmMoment(created.days, created.minute),
    ]);
    companies.push({ id, name: typed, town, domain, partner });
  }
  return { rows, companies };
}

interface Contact {
  readonly id: string;
  /** As the CRM shows it: "dr. Nagy Éva", "Szabóné Tóth Anna". */
  readonly written: string;
  readonly company: Company | undefined;
}

const PERSON_HEADERS = [
  "Azonosító",
  "Előtag",
  "Vezetéknév",
  "Keresztnév",
  "Cég",
  "Cég azonosító",
  "Beosztás",
  "E-mail",
  "Mobil",
  "Telefon",
  "Hírlevél",
  "Megjegyzés",
  "Felelős",
];
const CRM_ROLES = ["ügyvezető", "tulajdonos", "közös képviselő", "beszerző", "műszaki vezető", "gondnok", "pénzügyes"];

function buildContacts(options: FamilyOptions, count: number, companies: readonly Company[]): { rows: string[][]; contacts: Contact[] } {
  const stream = new RowStream(options.seed, "ugyfeltar.kapcsolattartok");
  const rows: string[][] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const person = hungarianPerson(rng);
    // Households asking for a heat pump have no company.
    const company = rng.chance(0.8) ? companies[(index * 3 + rng.int(0, 2)) % companies.length] : undefined;
    const town = company?.town ?? rng.pick(TOWNS);
    const family = person.family.split(" ").pop() ?? person.family;
    const id = String(30_000 + index);
    rows.push([
      id,
      person.prefix,
      person.family,
      person.given,
      company?.name ?? "",
      company?.id ?? "",
      company !== undefined && rng.chance(0.7) ? rng.pick(CRM_ROLES) : "",
      rng.chance(0.8) ? `${mailName(family)}.${mailName(person.given)}@${company?.domain ?? rng.pick(["gmail.com", "freemail.hu", "t-online.hu"])}` : "",
      rng.chance(0.8) ? phone(rng, town, true) : "",
      rng.chance(0.3) ? phone(rng, town, false) : "",
      rng.chance(0.35) ? "Igen" : "Nem",
      rng.chance(0.15) ? rng.pick(["Délelőtt hívható.", "Csak e-mailben!", "A férje dönt.\nHétvégén nem hívható."]) : "",
      owner(rng, company?.partner?.seller, EXPORT_DAY - rng.int(0, 900)),
    ]);
    contacts.push({ id, written: person.written, company });
  }
  return { rows, contacts };
}

interface Sale {
  readonly id: string;
  readonly created: number;
  /** Deleted before the export: its to-dos are left behind. */
  readonly deleted: boolean;
}

const SALE_HEADERS = [
  "Azonosító",
  "Megnevezés",
  "Cég",
  "Kapcsolattartó",
  "Státusz",
  "Összeg",
  "Valószínűség",
  "Várható zárás",
  "Lezárva",
  "Elvesztés oka",
  "Forrás",
  "Termékek",
  "Felelős",
  "Leírás",
  "Létrehozva",
];
const OPEN_STAGES = ["Új érdeklődő", "Helyszíni felmérés", "Ajánlat kiküldve", "Tárgyalás", "Szüneteltetve"] as const;
const SUBJECTS = [
  "Hőszivattyú telepítés",
  "Klímarendszer",
  "Kazáncsere",
  "Karbantartási szerződés",
  "Padlófűtés",
  "Légtechnika",
  "Fűtéskorszerűsítés (pályázat)",
];
const LOSS_REASONS = ["Drága", "Versenytárs", "Nem nyert a pályázat", "Elhalasztották"];
const SOURCES = ["Ajánlás", "Weboldal", "Facebook", "Kiállítás", "Meglévő ügyfél"];
const PRODUCTS = ["Hőszivattyú", "Split klíma", "Multi klíma", "Kondenzációs kazán", "Padlófűtés", "Karbantartás"];

function saleRow(rng: Rng, id: string, created: number, company: Company | undefined, contact: Contact | undefined): string[] {
  const stage =
    created > EXPORT_DAY - 40
      ? rng.pick(OPEN_STAGES)
      : rng.weighted<string>([...OPEN_STAGES.map((name) => [name, 1] as const), ["Megrendelve", 4], ["Elveszett", 3]]);
  const open = OPEN_STAGES.indexOf(stage as (typeof OPEN_STAGES)[number]);
  const probability = stage === "Megrendelve" ? 100 : stage === "Elveszett" ? 0 : ([10, 30, 50, 70, 20][open] ?? 10);
  const closed = open < 0 ? Math.min(EXPORT_DAY - 1, created + rng.int(7, 150)) : undefined;
  // Firms abroad and a few large jobs are quoted in euros.
  const euro = company !== undefined && rng.chance(0.08);
  const amount = euro ? `${forints(rng.int(3, 90) * 500, rng)} EUR` : `${forints(rng.int(4, 400) * 50_000, rng)} Ft`;
  return [
    id,
    `${rng.pick(SUBJECTS)}${company === undefined ? "" : ` - ${company.town.name}`}`,
    company?.name ?? "",
    contact?.written ?? "",
    stage,
    rng.chance(0.05) ? "" : amount,
    `${probability}%`,
    rng.chance(0.1) ? "" : crmDay(created + rng.int(20, 180)),
    closed === undefined ? "" : crmDay(closed),
    stage === "Elveszett" ? rng.pick(LOSS_REASONS) : "",
    rng.chance(0.8) ? rng.pick(SOURCES) : "",
    rng.chance(0.7) ? someOf(rng, PRODUCTS, 2).join("; ") : "",
    owner(rng, company?.partner?.seller, created),
    rng.chance(0.3)
      ? rng.pick(["Bruttó ár, ÁFA-val.", "Két változatban kérték:\n- hőszivattyú\n- kondenzációs kazán", "Otthonfelújítási támogatásra vár."])
      : "",
    crmMoment(created, rng.int(8 * 60, 17 * 60)),
  ];
}

function buildSales(options: FamilyOptions, count: number, companies: readonly Company[], contacts: readonly Contact[]): { rows: string[][]; sales: Sale[] } {
  const stream = new RowStream(options.seed, "ugyfeltar.ertekesitesek");
  const households = contacts.filter((contact) => contact.company === undefined);
  const rows: string[][] = [];
  const sales: Sale[] = [];
  const serials = new YearSerials();
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 2 * 365, EXPORT_DAY - 2))) {
    const { year, serial } = serials.next(created);
    const household = rng.chance(0.2) && households.length > 0 ? rng.pick(households) : undefined;
    const company = household === undefined ? rng.pick(companies) : undefined;
    const theirs = contacts.filter((contact) => contact.company !== undefined && contact.company === company);
    const contact = household ?? (theirs.length > 0 && rng.chance(0.7) ? rng.pick(theirs) : undefined);
    const id = `ÉRT-${year}-${pad(serial, 4)}`;
    const row = saleRow(rng, id, created, company, contact);
    // A sale deleted before the export leaves a gap in the numbering, and its to-dos behind.
    const deleted = sales.length === 0 || rng.chance(0.03);
    if (!deleted) rows.push(row);
    sales.push({ id, created, deleted });
  }
  return { rows, sales };
}

const TODO_HEADERS = ["Azonosító", "Típus", "Tárgy", "Leírás", "Határidő", "Időtartam (perc)", "Kész", "Értékesítés", "Cég", "Kapcsolattartó", "Felelős"];
const TODO_KINDS: readonly (readonly [string, number])[] = [
  ["Telefonhívás", 9],
  ["Személyes találkozó", 4],
  ["Helyszíni felmérés", 3],
  ["E-mail", 4],
  ["Feladat", 5],
];
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  Telefonhívás: ["Visszahívás ajánlat ügyében", "Időpont egyeztetés", "Panasz: nem fűt a hőszivattyú", "Karbantartás emlékeztető"],
  "Személyes találkozó": ["Ajánlat bemutatása", "Szerződéskötés", "Közgyűlés (társasház)"],
  "Helyszíni felmérés": ["Kazánház felmérése", "Klíma kültéri egység helye", "Hőszivattyú méretezés"],
  "E-mail": ["Ajánlat kiküldése", "Pályázati dokumentumok", "Számla másolat"],
  Feladat: ["Ajánlat elkészítése", "Anyagrendelés", "Garanciális ügyintézés"],
};

function buildTodos(options: FamilyOptions, count: number, companies: readonly Company[], contacts: readonly Contact[], sales: readonly Sale[]): string[][] {
  const stream = new RowStream(options.seed, "ugyfeltar.teendok");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, EXPORT_DAY - 500, EXPORT_DAY + 40);
    const minute = Math.floor(moment.minute / 15) * 15;
    const kind = rng.weighted(TODO_KINDS);
    const roll = rng.float();
    const earlier = sales.filter((sale) => sale.created <= moment.days);
    const kept = earlier.filter((sale) => !sale.deleted);
    const gone = earlier.filter((sale) => sale.deleted);
    const sale = roll < 0.45 && kept.length > 0 ? (gone.length > 0 && rng.chance(0.06) ? rng.pick(gone) : rng.pick(kept)) : undefined;
    const contact = sale === undefined && roll >= 0.45 && roll < 0.62 ? rng.pick(contacts) : undefined;
    const company = sale === undefined && contact === undefined && roll < 0.95 ? rng.pick(companies) : (contact?.company ?? undefined);
    const internal = sale === undefined && contact === undefined && company === undefined;
    const past = moment.days < EXPORT_DAY;
    const done = past ? rng.chance(0.85) : false;
    const length =
      kind === "Személyes találkozó" || kind === "Helyszíni felmérés" ? rng.pick([30, 45, 60, 90, 120]) : kind === "Telefonhívás" ? rng.int(1, 4) * 5 : 0;
    return {
      order: moment.days * 1440 + minute,
      cells: [
        kind,
        internal ? rng.pick(["Heti értékesítési megbeszélés", "CRM oktatás", "Raktárleltár"]) : rng.pick(TOPICS[kind] ?? ["Egyeztetés"]),
        !internal && rng.chance(0.35)
          ? rng.pick([
              "Árajánlatot kér két változatban.",
              "Januárban újra keresni.",
              "A kültéri egység zajos.\nSzerelőt kér jövő hétre.",
              "Megrendelte, előleg 30%.",
            ])
          : "",
        // A task is due on a day; the CRM writes it without a time.
        kind === "Feladat" && rng.chance(0.6) ? erpDay(moment.days) : crmMoment(moment.days, minute),
        length === 0 ? "" : String(length),
        done ? "Igen" : "Nem",
        sale?.id ?? "",
        company?.name ?? "",
        contact?.id ?? "",
        owner(rng, undefined, moment.days),
      ],
    };
  }).sort((a, b) => a.order - b.order);
  return entries.map((entry, index) => [String(70_001 + index), ...entry.cells]);
}

export function generateUgyfeltar(options: FamilyOptions): FamilyExport {
  const { rows: partnerRows, partners } = buildPartners(options, Math.max(40, Math.round(options.rows * 0.25)));
  const sites = siteRows(options, Math.max(8, Math.round(options.rows * 0.08)), partners);
  const erpContacts = contactRows(options, Math.max(20, Math.round(options.rows * 0.2)), partners);
  const { rows: companyRows, companies } = buildCompanies(options, Math.max(20, Math.round(options.rows * 0.15)), partners);
  const { rows: personRows, contacts } = buildContacts(options, Math.max(20, Math.round(options.rows * 0.2)), companies);
  const { rows: saleRows, sales } = buildSales(options, Math.max(15, Math.round(options.rows * 0.15)), companies, contacts);
  const todos = buildTodos(options, Math.max(30, Math.round(options.rows * 0.25)), companies, contacts, sales);
  // Odoo's users were set up given name first, as Odoo's forms ask.
  const users: SeedUser[] = STAFF.map((member) => ({ login: staffEmail(member), name: `${member.first} ${member.last}`, email: staffEmail(member) }));
  const erp = { delimiter: ";", encoding: "windows-1250", bom: false, newline: "\r\n", quoteAll: false } as const;
  return {
    system: "ugyfeltar",
    dialect: { delimiter: ",", encoding: "utf-8", bom: false, newline: "\n", quoteAll: false },
    tables: [
      { file: "PARTNER.CSV", headers: PARTNER_HEADERS, rows: partnerRows, dialect: erp },
      { file: "TELEPHELY.CSV", headers: SITE_HEADERS, rows: sites, dialect: erp },
      { file: "KAPCSOLAT.CSV", headers: CONTACT_HEADERS, rows: erpContacts, dialect: erp },
      { file: "UZLETKOTO.CSV", headers: SALESPERSON_HEADERS, rows: salespersonRows(options), dialect: erp },
      { file: "cegek.csv", headers: COMPANY_HEADERS, rows: companyRows },
      { file: "kapcsolattartok.csv", headers: PERSON_HEADERS, rows: personRows },
      { file: "ertekesitesek.csv", headers: SALE_HEADERS, rows: saleRows },
      { file: "teendok.csv", headers: TODO_HEADERS, rows: todos },
    ],
    users,
  };
}

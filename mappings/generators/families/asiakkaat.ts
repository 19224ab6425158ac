/**
 * Asiakkaat ("customers"): the export of Pirkan Talotekniikka Oy, an electrical and property
 * maintenance contractor in Tampere that serves housing companies (asunto-osakeyhtiöt), firms,
 * municipalities and households of Pirkanmaa, and a few Swedish-speaking customers on the coast:
 * the customer register, delivery addresses, contact persons and salespeople of its desktop
 * accounting program, and the companies, people, opportunities and activities of the web CRM its
 * sales staff use beside it. The eleventh hold-out family of `flitmap init`, written without
 * reading the proposer, its tests or its output.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | asiakasrekisteri.txt | 24% of --rows | the register by number (1004): Oy, Oyj, Ky, Ay, Tmi, ry, osuuskunta, As Oy / Asunto Oy / Kiinteistö Oy, Oy Ab and Bostads Ab, municipalities, private persons **family name first** ("Virtanen Matti"), firms abroad; Y-tunnus `1234567-8` with its check digit, ALV-tunnus `FI12345678`; **post code and post office in one cell, the office in capitals** ("33100 TAMPERE", "65100 VASA", "SE-41103 GÖTEBORG"); `Nimen jatko` a c/o line; e-invoice address and operator; IBAN in groups of four; `Luottoraja` `5 000,00`; `Myyjä` the salesperson's **number**; `Emoyhtiö` the parent's **number**; `Passiivinen` K/E (an inverted flag) |
 * | toimitusosoitteet.txt | 7% | delivery addresses numbered within their customer, the address in four columns |
 * | yhteyshenkilot.txt | 18% | contact persons: no number, one name column family name first; `Laskutus` K/E |
 * | myyjat.txt | the staff | salespeople by number, family name first; Pekka Järvinen (5) has left |
 * | yritykset.csv | 14% | the CRM's companies: register customers again (the Y-tunnus as printed, as a VAT number `FI12345678`, or left out; a housing company's form written another way, "Asunto Oy" for "As Oy") and prospects; `Emoyhtiö` the parent **by name**; `Vastuuhenkilö` the owner as **"Matti V."** |
 * | henkilot.csv | 18% | the CRM's people, **given name first in two columns**; the company by name; Kieli Suomi/Ruotsi/Englanti; Markkinointilupa Kyllä/Ei |
 * | myyntimahdollisuudet.csv | 13% (a few deleted) | opportunities by company **name** and contact by **full name**; stages; `Todennäköisyys` "40 %"; `Arvo` "12 500,00 €" |
 * | aktiviteetit.csv | 22% | calls, meetings, site visits, e-mails, tasks, notes; `Alkaa` `15.3.2024 klo 14.30`, a task now and then on a day alone; `Kesto` in words ("1 h 30 min"); Valmis/Avoin/Peruttu; about an opportunity (by id), a company (by name) or a person (by full name) |
 *
 * The accounting program writes ISO-8859-15, tab-separated, quoted only where needed, CRLF. The
 * CRM writes UTF-8 with a byte order mark, `;` (for Finnish Excel, whose decimal is a comma),
 * every value quoted, LF.
 */
import type { Rng } from "../prng.js";
import { draftsByDay, RowStream, someOf, UniqueNames, workMoment, type FamilyExport, type FamilyOptions, type SeedUser } from "./family.js";
import {
  buildCustomers,
  CONTACT_HEADERS,
  contactRows,
  CUSTOMER_HEADERS,
  DELIVERY_HEADERS,
  deliveryRows,
  SELLER_HEADERS,
  sellerRows,
  type Customer,
} from "./asiakkaat-reskontra.js";
import {
  euros,
  EXPORT_DAY,
  finnishDay,
  finnishMoment,
  finnishPerson,
  FORMER,
  mailName,
  phone,
  shortName,
  STAFF,
  staffEmail,
  street,
  TOWNS,
  vatOf,
  yTunnus,
  type Seller,
  type Town,
} from "./asiakkaat-vocab.js";

/** The owner as the CRM shows its users: "Matti V."; nobody now and then, the one who left on old records. */
function owner(rng: Rng, seller: Seller | undefined, when: number): string {
  if (rng.chance(0.04)) return "";
  const person = seller ?? (when < EXPORT_DAY - 500 && rng.chance(0.12) ? FORMER : rng.pick(STAFF));
  return shortName(person);
}

interface Company {
  readonly id: string;
  readonly name: string;
  readonly town: Town;
  readonly domain: string;
  readonly customer: Customer | undefined;
}

const COMPANY_HEADERS = [
  "ID",
  "Nimi",
  "Y-tunnus",
  "Toimiala",
  "Henkilöstö",
  "Liikevaihto",
  "Verkkosivu",
  "Puhelin",
  "Katuosoite",
  "Postinumero",
  "Kaupunki",
  "Emoyhtiö",
  "Asiakkuus",
  "Tunnisteet",
  "Vastuuhenkilö",
  "Luotu",
];
const INDUSTRIES = ["Rakentaminen", "Kiinteistöala", "Teollisuus", "Kauppa", "Majoitus ja ravitsemus", "Julkinen hallinto", "Terveyspalvelut", "Kuljetus"];
const SIZES = ["1–9", "10–49", "50–249", "250+"];
const TAGS = ["Huoltosopimus", "Sähköurakka", "Aurinkopaneelit", "Latausasemat", "VIP", "Kilpailutus"];
const PROSPECTS = ["Sähkötalo", "Kiinteistöpalvelu", "Logistiikka", "Hotelli", "Kauppakeskus", "Rakennuttajat", "Leipomo", "Kuntosali"];
const PROSPECT_PLACES = ["Ruoveden", "Pälkäneen", "Mänttä-Vilppulan", "Sastamalan", "Akaan", "Hämeenkyrön", "Vesilahden", "Juupajoen"];

/** A register customer's Y-tunnus as a CRM user typed it: as printed, as its VAT number, or left out. */
function typedTunnus(rng: Rng, tunnus: string): string {
  return rng.weighted<string>([
    [tunnus, 13],
    [vatOf(tunnus), 3],
    ["", 4],
  ]);
}

/** A housing company's legal form as the other system writes it: "As Oy" is "Asunto Oy" and back. */
function otherForm(name: string): string {
  if (name.startsWith("As Oy ")) return `Asunto Oy ${name.slice(6)}`;
  if (name.startsWith("Asunto Oy ")) return `As Oy ${name.slice(10)}`;
  if (name.startsWith("Koy ")) return `Kiinteistö Oy ${name.slice(4)}`;
  return name;
}

function buildCompanies(options: FamilyOptions, count: number, customers: readonly Customer[]): { rows: string[][]; companies: Company[] } {
  const stream = new RowStream(options.seed, "asiakkaat.yritykset");
  const candidates = customers.filter((customer) => customer.active && customer.kind !== "yksityinen" && customer.kind !== "ulkomainen");
  const names = new UniqueNames();
  for (const customer of customers)
    names.take(
      () => customer.name,
      () => customer.name,
    );
  const chosen = new Set<Customer>();
  const rows: string[][] = [];
  const companies: Company[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const candidate = rng.chance(0.55) ? candidates[(index * 11 + rng.int(0, 5)) % candidates.length] : undefined;
    const customer = candidate !== undefined && !chosen.has(candidate) ? candidate : undefined;
    if (customer !== undefined) chosen.add(customer);
    const town = customer?.town ?? rng.pick(TOWNS);
    const tunnus = customer === undefined ? (rng.chance(0.4) ? yTunnus(rng, rng.pick(["2", "3"])) : "") : typedTunnus(rng, customer.tunnus);
    // A housing company's form written the other way only where the Y-tunnus tells it.
    const name =
      customer === undefined
        ? names.take(
            () => `${rng.pick(PROSPECT_PLACES)} ${rng.pick(PROSPECTS)} Oy`,
            (taken, attempt) => `${taken.replace(/ Oy$/, "")} ${attempt} Oy`,
          )
        : tunnus !== "" && rng.chance(0.5)
          ? otherForm(customer.name)
          : customer.name;
    const domain = customer?.domain || `${mailName(name.split(" ")[1] ?? "yritys")}${rng.int(1, 9)}.fi`;
    const parent = index > 10 && rng.chance(0.12) ? companies.filter((company) => company.customer === undefined)[rng.int(0, 3)] : undefined;
    const created = workMoment(rng, EXPORT_DAY - 4 * 365, EXPORT_DAY - 10);
    const id = String(200_100 + index * 7 + rng.int(0, 6));
    const kind = customer === undefined ? (rng.chance(0.08) ? "Kumppani" : "Prospekti") : "Asiakas";
    rows.push([
      id,
      name,
      tunnus,
      rng.chance(0.8) ? rng.pick(INDUSTRIES) : "",
      rng.chance(0.6) ? rng.pick(SIZES) : "",
      rng.chance(0.4) ? euros(rng.int(1, 400) * 5_000_000) : "",
      rng.chance(0.5) ? (rng.chance(0.5) ? `https://${domain}` : `www.${domain}`) : "",
      rng.chance(0.7) ? phone(rng, town, rng.chance(0.3), true) : "",
      street(rng, customer?.swedish ?? false),
      rng.pick(town.zips),
      customer?.swedish === true ? (town.swedish ?? town.name) : town.name,
      parent?.name ?? "",
      kind,
      rng.chance(0.5) ? someOf(rng, TAGS, 3).join(", ") : "",
      owner(rng, customer?.seller, created.days),
      finnishMoment(created.days, created.minute),
    ]);
    companies.push({ id, name, town, domain, customer });
  }
  return { rows, companies };
}

interface Contact {
  readonly id: string;
  /** Given name first, as the CRM shows it. */
  readonly full: string;
  readonly company: Company | undefined;
}

const PERSON_HEADERS = [
  "ID",
  "Etunimi",
  "Sukunimi",
  "Yritys",
  "Titteli",
  "Sähköposti",
  "Matkapuhelin",
  "Puhelin",
  "Kieli",
  "Markkinointilupa",
  "Vastuuhenkilö",
  "Luotu",
];
const TITLES = ["Toimitusjohtaja", "Isännöitsijä", "Hallituksen pj.", "Kiinteistöpäällikkö", "Ostopäällikkö", "Huoltomies", "VD", "Disponent"];

function buildContacts(options: FamilyOptions, count: number, companies: readonly Company[]): { rows: string[][]; contacts: Contact[] } {
  const stream = new RowStream(options.seed, "asiakkaat.henkilot");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    // Households asking for a charging point or a renovation have no company.
    const company = rng.chance(0.8) ? companies[(index * 3 + rng.int(0, 2)) % companies.length] : undefined;
    const swedish = company?.customer?.swedish ?? false;
    // Full names are unique: the opportunities and activities name people by them.
    let person = finnishPerson(rng, swedish ? 0.9 : 0.08);
    const draw = (): string => {
      person = finnishPerson(rng, swedish ? 0.9 : 0.08);
      return `${person.given} ${person.family}`;
    };
    const full = names.take(draw, draw);
    const town = company?.town ?? rng.pick(TOWNS);
    const created = workMoment(rng, EXPORT_DAY - 3 * 365, EXPORT_DAY - 5);
    const id = String(300_001 + index);
    rows.push([
      id,
      person.given,
      person.family,
      company?.name ?? "",
      company !== undefined && rng.chance(0.7) ? rng.pick(TITLES) : "",
      rng.chance(0.8) ? `${mailName(person.given)}.${mailName(person.family)}@${company?.domain ?? rng.pick(["gmail.com", "outlook.com", "elisanet.fi"])}` : "",
      rng.chance(0.85) ? phone(rng, town, true, true) : "",
      rng.chance(0.2) ? phone(rng, town, false, true) : "",
      person.swedish ? "Ruotsi" : rng.chance(0.03) ? "Englanti" : "Suomi",
      rng.chance(0.4) ? "Kyllä" : "Ei",
      owner(rng, company?.customer?.seller, created.days),
      finnishMoment(created.days, created.minute),
    ]);
    contacts.push({ id, full, company });
  }
  return { rows, contacts };
}

interface Opportunity {
  readonly id: string;
  readonly created: number;
  readonly company: Company | undefined;
  readonly contact: Contact | undefined;
  /** Deleted before the export: its activities are left behind. */
  readonly deleted: boolean;
}

const OPPORTUNITY_HEADERS = [
  "ID",
  "Otsikko",
  "Yritys",
  "Yhteyshenkilö",
  "Vaihe",
  "Todennäköisyys",
  "Arvo",
  "Arvioitu päättymispäivä",
  "Suljettu",
  "Häviön syy",
  "Lähde",
  "Palvelut",
  "Vastuuhenkilö",
  "Kuvaus",
  "Luotu",
];
const OPEN_STAGES: readonly (readonly [string, number])[] = [
  ["Liidi", 10],
  ["Kartoitus", 25],
  ["Tarjous lähetetty", 50],
  ["Neuvottelu", 75],
];
const SUBJECTS = ["Sähköurakka", "Huoltosopimus", "Latausasemat", "Aurinkovoimala", "LVI-saneeraus", "Valaistuksen uusiminen", "Kuntotarkastus"];
const LOSS_REASONS = ["Hinta", "Kilpailija", "Hanke siirtyi", "Ei vastausta"];
const SOURCES = ["Suositus", "Verkkosivut", "Hilma-kilpailutus", "Messut", "Nykyinen asiakas"];
const SERVICES = ["Sähköasennus", "Huolto", "Latausasema", "Aurinkopaneelit", "LVI"];

function opportunityRow(rng: Rng, id: string, created: number, company: Company | undefined, contact: Contact | undefined): string[] {
  const stage =
    created > EXPORT_DAY - 40
      ? rng.pick(OPEN_STAGES)[0]
      : rng.weighted<string>([...OPEN_STAGES.map(([name]) => [name, 1] as const), ["Voitettu", 4], ["Hävitty", 3]]);
  const open = OPEN_STAGES.find(([name]) => name === stage);
  const probability = stage === "Voitettu" ? 100 : stage === "Hävitty" ? 0 : (open?.[1] ?? 10);
  const closed = open === undefined ? Math.min(EXPORT_DAY - 1, created + rng.int(7, 150)) : undefined;
  return [
    id,
    `${rng.pick(SUBJECTS)}${company === undefined ? "" : `, ${company.town.name}`}`,
    company?.name ?? "",
    contact?.full ?? "",
    stage,
    `${probability} %`,
    rng.chance(0.06) ? "" : euros(rng.int(2, 900) * 25_000 + rng.pick([0, 0, 50, 2_550])),
    rng.chance(0.1) ? "" : finnishDay(created + rng.int(20, 180)),
    closed === undefined ? "" : finnishDay(closed),
    stage === "Hävitty" ? rng.pick(LOSS_REASONS) : "",
    rng.chance(0.8) ? rng.pick(SOURCES) : "",
    rng.chance(0.7) ? someOf(rng, SERVICES, 2).join(", ") : "",
    owner(rng, company?.customer?.seller, created),
    rng.chance(0.3) ? rng.pick(["Hinta sis. alv 25,5 %.", "Kaksi vaihtoehtoa:\n- 11 kW\n- 22 kW", "Odottaa yhtiökokouksen päätöstä."]) : "",
    finnishMoment(created, rng.int(8 * 60, 17 * 60)),
  ];
}

function buildOpportunities(
  options: FamilyOptions,
  count: number,
  companies: readonly Company[],
  contacts: readonly Contact[],
): { rows: string[][]; opportunities: Opportunity[] } {
  const stream = new RowStream(options.seed, "asiakkaat.myynti");
  const households = contacts.filter((contact) => contact.company === undefined);
  const rows: string[][] = [];
  const opportunities: Opportunity[] = [];
  let serial = 4_100;
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 2 * 365, EXPORT_DAY - 2))) {
    serial += rng.int(1, 3);
    const household = rng.chance(0.2) && households.length > 0 ? rng.pick(households) : undefined;
    const company = household === undefined ? rng.pick(companies) : undefined;
    const theirs = contacts.filter((contact) => contact.company !== undefined && contact.company === company);
    const contact = household ?? (theirs.length > 0 && rng.chance(0.7) ? rng.pick(theirs) : undefined);
    const id = String(serial);
    const row = opportunityRow(rng, id, created, company, contact);
    // An opportunity deleted before the export leaves its activities behind.
    const deleted = opportunities.length === 0 || rng.chance(0.03);
    if (!deleted) rows.push(row);
    opportunities.push({ id, created, company, contact, deleted });
  }
  return { rows, opportunities };
}

const ACTIVITY_HEADERS = ["ID", "Tyyppi", "Aihe", "Kuvaus", "Alkaa", "Kesto", "Tila", "Myyntimahdollisuus", "Yritys", "Henkilö", "Vastuuhenkilö"];
const KINDS: readonly (readonly [string, number])[] = [
  ["Puhelu", 8],
  ["Tapaaminen", 4],
  ["Työmaakäynti", 3],
  ["Sähköposti", 3],
  ["Tehtävä", 5],
  ["Muistiinpano", 3],
];
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  Puhelu: ["Soitto tarjouksesta", "Ajanvaraus", "Vikailmoitus: sulake palaa", "Huoltomuistutus"],
  Tapaaminen: ["Tarjouksen esittely", "Sopimuksen allekirjoitus", "Yhtiökokous"],
  Työmaakäynti: ["Sähköpääkeskuksen kartoitus", "Latausasemien paikat", "Kuntotarkastus"],
  Sähköposti: ["Tarjous lähetetty", "Lisätietopyyntö", "Laskukopio"],
  Tehtävä: ["Tarjouksen laskenta", "Tarvikkeiden tilaus", "Takuuasia"],
  Muistiinpano: ["Asiakas harkitsee", "Hallitus päättää keväällä", "Kilpailija tarjosi halvemmalla"],
};

/** A length as the CRM writes it: "45 min", "1 h", "1 h 30 min". */
function lengthText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function buildActivities(
  options: FamilyOptions,
  count: number,
  companies: readonly Company[],
  contacts: readonly Contact[],
  opportunities: readonly Opportunity[],
): string[][] {
  const stream = new RowStream(options.seed, "asiakkaat.aktiviteetit");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, EXPORT_DAY - 500, EXPORT_DAY + 40);
    const minute = Math.floor(moment.minute / 15) * 15;
    const kind = rng.weighted(KINDS);
    const roll = rng.float();
    const earlier = opportunities.filter((item) => item.created <= moment.days);
    const kept = earlier.filter((item) => !item.deleted);
    const gone = earlier.filter((item) => item.deleted);
    const opportunity = roll < 0.45 && kept.length > 0 ? (gone.length > 0 && rng.chance(0.05) ? rng.pick(gone) : rng.pick(kept)) : undefined;
    const contact = opportunity === undefined && roll >= 0.45 && roll < 0.62 ? rng.pick(contacts) : undefined;
    const company = opportunity === undefined && contact === undefined && roll < 0.95 ? rng.pick(companies) : (contact?.company ?? undefined);
    const internal = opportunity === undefined && contact === undefined && company === undefined;
    const past = moment.days < EXPORT_DAY;
    const meeting = kind === "Tapaaminen" || kind === "Työmaakäynti";
    const state =
      kind === "Muistiinpano"
        ? "Valmis"
        : past
          ? rng.weighted<string>([["Valmis", 17], ["Avoin", 2], ...(meeting ? ([["Peruttu", 2]] as const) : [])])
          : "Avoin";
    const length = meeting ? rng.pick([30, 45, 60, 90, 120]) : kind === "Puhelu" ? rng.int(1, 4) * 5 : 0;
    return {
      order: moment.days * 1440 + minute,
      cells: [
        kind,
        internal ? rng.pick(["Viikkopalaveri", "CRM-koulutus", "Varaston inventaario"]) : rng.pick(TOPICS[kind] ?? ["Yhteydenotto"]),
        !internal && rng.chance(0.35)
          ? rng.pick([
              "Pyytää tarjouksen kahtena vaihtoehtona.",
              "Soita uudelleen tammikuussa.",
              "Keskus vanha, vaihdettava.\nKuvat liitteenä.",
              "Hyväksyi tarjouksen, ennakko 30 %.",
            ])
          : "",
        // A task is due on a day; the CRM writes it without a time.
        kind === "Tehtävä" && rng.chance(0.6) ? finnishDay(moment.days) : finnishMoment(moment.days, minute),
        length === 0 ? "" : lengthText(length),
        state,
        opportunity?.id ?? "",
        // The company by name: the opportunity's own, where it has one.
        (opportunity?.company ?? company)?.name ?? "",
        (opportunity?.contact ?? contact)?.full ?? "",
        owner(rng, undefined, moment.days),
      ],
    };
  }).sort((a, b) => a.order - b.order);
  return entries.map((entry, index) => [String(900_001 + index), ...entry.cells]);
}

export function generateAsiakkaat(options: FamilyOptions): FamilyExport {
  const { rows: customerRows, customers } = buildCustomers(options, Math.max(40, Math.round(options.rows * 0.24)));
  const deliveries = deliveryRows(options, Math.max(8, Math.round(options.rows * 0.07)), customers);
  const registerContacts = contactRows(options, Math.max(20, Math.round(options.rows * 0.18)), customers);
  const { rows: companyRows, companies } = buildCompanies(options, Math.max(20, Math.round(options.rows * 0.14)), customers);
  const { rows: personRows, contacts } = buildContacts(options, Math.max(20, Math.round(options.rows * 0.18)), companies);
  const { rows: opportunityRows, opportunities } = buildOpportunities(options, Math.max(15, Math.round(options.rows * 0.13)), companies, contacts);
  const activities = buildActivities(options, Math.max(30, Math.round(options.rows * 0.22)), companies, contacts, opportunities);
  // Odoo's users were set up given name first, their login the e-mail address.
  const users: SeedUser[] = STAFF.map((member) => ({ login: staffEmail(member), name: `${member.first} ${member.last}`, email: staffEmail(member) }));
  const desktop = { delimiter: "\t", encoding: "iso-8859-15", bom: false, newline: "\r\n", quoteAll: false } as const;
  return {
    system: "asiakkaat",
    dialect: { delimiter: ";", encoding: "utf-8", bom: true, newline: "\n", quoteAll: true },
    tables: [
      { file: "asiakasrekisteri.txt", headers: CUSTOMER_HEADERS, rows: customerRows, dialect: desktop },
      { file: "toimitusosoitteet.txt", headers: DELIVERY_HEADERS, rows: deliveries, dialect: desktop },
      { file: "yhteyshenkilot.txt", headers: CONTACT_HEADERS, rows: registerContacts, dialect: desktop },
      { file: "myyjat.txt", headers: SELLER_HEADERS, rows: sellerRows(options), dialect: desktop },
      { file: "yritykset.csv", headers: COMPANY_HEADERS, rows: companyRows },
      { file: "henkilot.csv", headers: PERSON_HEADERS, rows: personRows },
      { file: "myyntimahdollisuudet.csv", headers: OPPORTUNITY_HEADERS, rows: opportunityRows },
      { file: "aktiviteetit.csv", headers: ACTIVITY_HEADERS, rows: activities },
    ],
    users,
  };
}

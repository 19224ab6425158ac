/**
 * Kundregister: the export of a print shop in Gothenburg (Västkust Tryck AB): the customer
 * register ("kundregister") and signature table of its accounting program, and the contact
 * people, prospects, deals and activity log of the web CRM its sales staff use beside it. The
 * eighth hold-out family of `flitmap init`, written without reading the proposer, its tests or
 * its output: Swedish headers and values, organisation numbers (`556123-4567`, a sole trader's
 * personal identity number), post code and town in one cell the Swedish way ("411 05
 * GÖTEBORG", "N-0150 OSLO" abroad), private customers written surname first ("Svensson,
 * Karin"), staff by signature ("AL"), by name, or as the CRM shortens them ("Anna L.").
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | Kundregister.csv | 35% of --rows | the accounting program's customers, sorted by `Kundnr`: limited companies (AB), partnerships (HB/KB), sole traders (their personal identity number as `Org.nr`), housing and other associations, municipalities, private persons (`Kundtyp` Privatperson, "Efternamn, Förnamn"), customers in Norway, Denmark, Finland and Germany (their own VAT numbers, `Valuta` NOK/DKK/EUR); `Moderbolag` the group parent **by name**; `Vår referens` the seller's signature; `Er referens` the customer's contact; `E-post faktura` the invoicing address; a delivery address in two more columns; `Inaktiv` Ja/Nej |
 * | Saljare.csv | the staff | the accounting program's signature table: `Signatur`, `Namn`, `E-post`, `Aktiv` (the one who retired: Nej) |
 * | Kontaktpersoner.csv | 35% | the CRM's contact people by customer number (`Kundnr`; none for a few), first and last name apart, `Roller` comma-separated, `Nyhetsbrev` Ja/Nej, a GDPR consent day, `Ansvarig` the user's full name, `Slutat` Ja when they have left the customer |
 * | Prospekt.csv | 10% | firms the CRM holds that are no customers (yet): `Status` Ny … Ej intressant, or Blev kund with the customer's number; `Ansvarig` as the CRM shortens users ("Anna L."); `Nästa kontakt` a day |
 * | Affarer.csv | 20% | deals `24-0117` by customer **name** as the register writes it (now and then without its "AB"), or a prospect's name, and a contact person's full name; `Fas` "1. Kontakt" … "5. Vunnen", "0. Förlorad"; `Värde` "125 000 kr"; `Sannolikhet` "60 %"; `Produktområden` " / "-separated |
 * | Aktiviteter.txt | 50% | the CRM's activity report saved from Excel as "Unicode text": calls, meetings, visits, e-mails, to-dos, notes; `Datum` and `Tid` apart, `Varaktighet` h:mm, `Utförd` X or blank (the done flag), `Kundnr`, the contact by full name, `Affärsnr`, `Sign` the signature; internal ones name no customer |
 *
 * The accounting program writes Windows-1252, `;`, quoted only where needed, CRLF, ISO dates with
 * `0000-00-00` for a customer never invoiced, amounts as `12 345,50`, "-" for no phone, Ja/Nej.
 * The CRM's files are UTF-8 with a byte order mark, `;`, LF, ISO dates and times in Swedish time,
 * amounts with no-break spaces and "kr"; the activity report is UTF-16LE with a byte order mark,
 * tab-separated, CRLF. The seller Per-Olof Sandberg (POS) has retired: no Odoo user has his name.
 */
import {
  dayText,
  draftsByDay,
  pad,
  RowStream,
  someOf,
  UniqueNames,
  workMoment,
  YearSerials,
  type FamilyExport,
  type FamilyOptions,
  type SeedUser,
} from "./family.js";
import { civilFromDays, type Moment } from "../formats.js";
import type { Rng } from "../prng.js";
import { buildCustomers, CUSTOMER_HEADERS, EXPORT_DAY, type Customer } from "./kundregister-kunder.js";
import {
  ACTIVITY_KINDS,
  ACTIVITY_NOTES,
  ACTIVITY_SUBJECTS,
  DEAL_SUBJECTS,
  DEPARTMENTS,
  FORMER,
  KUNDREGISTER_FIRM,
  landline,
  LOSS_REASONS,
  LOST,
  mobile,
  PERSON_ROLES,
  PHASES,
  PLACE_WORDS,
  PRODUCT_AREAS,
  PROSPECT_SOURCES,
  PROSPECT_STATES,
  ROLES,
  seSlug,
  STAFF,
  swedishName,
  TOWNS,
  TRADES,
  WON,
  orgNumber,
  type Seller,
} from "./kundregister-vocab.js";

const NO_BREAK = "\u00a0";

function fullName(person: { readonly first: string; readonly last: string }): string {
  return `${person.first} ${person.last}`;
}

/** As the CRM's lists shorten a user: "Anna L.". */
function shortName(person: Seller): string {
  return `${person.first} ${person.last.charAt(0)}.`;
}

function isoMoment(moment: Moment): string {
  return `${dayText(moment.days, "yyyy-MM-dd")} ${pad(Math.floor(moment.minute / 60))}:${pad(moment.minute % 60)}`;
}

/** The CRM's owner of a record: the customer's seller, else anyone of the staff; the one who retired on old records. */
function owner(rng: Rng, customer: Customer | undefined, when: number): Seller {
  if (when < EXPORT_DAY - 300 && rng.chance(0.1)) return FORMER;
  return customer?.seller ?? rng.pick(STAFF);
}

function title(town: string): string {
  return town
    .toLowerCase()
    .split(" ")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

interface Person {
  readonly name: string;
  readonly customer: Customer | undefined;
}

const PERSON_HEADERS = [
  "Person-ID",
  "Förnamn",
  "Efternamn",
  "Kundnr",
  "Företag",
  "Befattning",
  "Avdelning",
  "Direkttelefon",
  "Mobil",
  "E-post",
  "Roller",
  "Nyhetsbrev",
  "GDPR-samtycke",
  "Ansvarig",
  "Slutat",
  "Anteckning",
  "Senast ändrad",
];

function buildPeople(options: FamilyOptions, count: number, customers: readonly Customer[]): { rows: string[][]; people: Person[] } {
  const stream = new RowStream(options.seed, "kundregister.personer");
  const firms = customers.filter((customer) => customer.kind !== "private");
  const rows: string[][] = [];
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const person = swedishName(rng);
    // Freelancers and the like: people the CRM holds with no customer.
    const customer = rng.chance(0.08) ? undefined : rng.pick(firms);
    const changed = workMoment(rng, EXPORT_DAY - 4 * 365, EXPORT_DAY - 1);
    const domain = customer?.domain ?? rng.pick(["gmail.com", "outlook.com"]);
    const area = customer?.town?.area ?? "031";
    const newsletter = rng.chance(0.4);
    rows.push([
      String(10_000 + index * 3 + rng.int(0, 2)),
      person.first,
      person.last,
      customer?.number ?? "",
      customer?.name ?? "",
      rng.chance(0.75) ? rng.pick(ROLES) : "",
      rng.chance(0.4) ? rng.pick(DEPARTMENTS) : "",
      rng.chance(0.45) ? landline(rng, area) : "",
      rng.chance(0.75) ? mobile(rng) : "",
      rng.chance(0.85) ? `${seSlug(person.first)}.${seSlug(person.last)}@${domain}` : "",
      rng.chance(0.5) ? someOf(rng, PERSON_ROLES, 3).join(", ") : "",
      newsletter ? "Ja" : "Nej",
      newsletter && rng.chance(0.8) ? dayText(rng.int(changed.days - 400, changed.days), "yyyy-MM-dd") : "",
      rng.chance(0.06) ? "" : fullName(owner(rng, customer, changed.days)),
      rng.chance(0.05) ? "Ja" : "Nej",
      rng.chance(0.1) ? rng.pick(["Föredrar telefon.", "Semester hela juli.", "Skicka inga utskick per post."]) : "",
      isoMoment(changed),
    ]);
    people.push({ name: fullName(person), customer });
  }
  return { rows, people };
}

interface Prospect {
  readonly name: string;
  readonly state: string;
}

const PROSPECT_HEADERS = [
  "Prospekt-ID",
  "Företagsnamn",
  "Org.nr",
  "Kontaktperson",
  "Titel",
  "Telefon",
  "E-post",
  "Ort",
  "Källa",
  "Status",
  "Kundnr",
  "Ansvarig",
  "Nästa kontakt",
  "Anteckning",
  "Skapad",
];

function buildProspects(options: FamilyOptions, count: number, customers: readonly Customer[]): { rows: string[][]; prospects: Prospect[] } {
  const stream = new RowStream(options.seed, "kundregister.prospekt");
  const rows: string[][] = [];
  const prospects: Prospect[] = [];
  const names = new UniqueNames();
  for (const customer of customers)
    names.take(
      () => customer.name,
      () => customer.name,
    );
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const state = rng.weighted(PROSPECT_STATES);
    const became = state === "Blev kund" ? rng.pick(customers.filter((customer) => customer.kind === "ab")) : undefined;
    const town = rng.weighted(TOWNS);
    const name =
      became?.name ??
      names.take(
        () => `${rng.pick(PLACE_WORDS)} ${rng.pick(TRADES)[0]} AB`,
        (taken) => taken.replace(/ AB$/, ` i ${title(town.name)} AB`),
      );
    const contact = rng.chance(0.8) ? swedishName(rng) : undefined;
    const created = rng.int(EXPORT_DAY - 700, EXPORT_DAY - 5);
    const open = state !== "Ej intressant" && state !== "Blev kund";
    const domain = seSlug(name.replace(/ AB$/, "")) + ".se";
    rows.push([
      `PR-${pad(index + 1, 4)}`,
      name,
      rng.chance(0.4) ? orgNumber(rng, "559") : "",
      contact === undefined ? "" : fullName(contact),
      contact !== undefined && rng.chance(0.6) ? rng.pick(ROLES) : "",
      rng.chance(0.7) ? landline(rng, town.area) : "",
      contact !== undefined && rng.chance(0.6) ? `${seSlug(contact.first)}@${domain}` : rng.chance(0.4) ? `info@${domain}` : "",
      title(town.name),
      rng.weighted(PROSPECT_SOURCES),
      state,
      became?.number ?? "",
      shortName(created < EXPORT_DAY - 300 && rng.chance(0.1) ? FORMER : rng.pick(STAFF)),
      open && rng.chance(0.5) ? dayText(EXPORT_DAY + rng.int(1, 40), "yyyy-MM-dd") : "",
      rng.chance(0.25)
        ? rng.pick(["Träffade på Scandinavian Print Expo.", "Har avtal med konkurrent till hösten.", "Intresserad av skyltar till nya kontoret."])
        : "",
      dayText(created, "yyyy-MM-dd"),
    ]);
    prospects.push({ name, state });
  }
  return { rows, prospects };
}

interface Deal {
  readonly number: string;
  readonly customer: Customer | undefined;
  readonly person: string;
  readonly created: number;
}

const DEAL_HEADERS = [
  "Affärsnr",
  "Benämning",
  "Kund",
  "Kontaktperson",
  "Fas",
  "Värde",
  "Sannolikhet",
  "Förväntat avslut",
  "Avslutad",
  "Förlustorsak",
  "Produktområden",
  "Ansvarig",
  "Skapad",
  "Beskrivning",
];

function dealRow(rng: Rng, deal: Deal, customerName: string): string[] {
  const recent = deal.created > EXPORT_DAY - 60;
  const phase = recent ? rng.pick(PHASES) : rng.weighted<string>([...PHASES.map((name) => [name, 1] as const), [WON, 4], [LOST, 3]]);
  const probability = phase === WON ? 100 : phase === LOST ? 0 : ([10, 25, 50, 75][PHASES.indexOf(phase as (typeof PHASES)[number])] ?? 10);
  const closed = phase === WON || phase === LOST ? Math.min(EXPORT_DAY - 1, deal.created + rng.int(5, 90)) : undefined;
  const value = rng.int(3, 400) * 500;
  return [
    deal.number,
    `${rng.pick(DEAL_SUBJECTS)} ${civilFromDays(deal.created).year}`,
    customerName,
    deal.person,
    phase,
    rng.chance(0.05) ? "" : `${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK)} kr`,
    `${probability} %`,
    rng.chance(0.1) ? "" : dayText(deal.created + rng.int(14, 120), "yyyy-MM-dd"),
    closed === undefined ? "" : dayText(closed, "yyyy-MM-dd"),
    phase === LOST ? rng.pick(LOSS_REASONS) : "",
    rng.chance(0.8) ? someOf(rng, PRODUCT_AREAS, 3).join(" / ") : "",
    shortName(owner(rng, deal.customer, deal.created)),
    dayText(deal.created, "yyyy-MM-dd"),
    rng.chance(0.25) ? rng.pick(["Offert skickad i två alternativ.", "Kunden vill ha leverans före mässan.", "Pris exkl. moms.\nFrakt tillkommer."]) : "",
  ];
}

function buildDeals(
  options: FamilyOptions,
  count: number,
  customers: readonly Customer[],
  people: readonly Person[],
  prospects: readonly Prospect[],
): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "kundregister.affarer");
  const active = customers.filter((customer) => !customer.inactive);
  const qualified = prospects.filter((prospect) => prospect.state === "Kvalificerad" || prospect.state === "Kontaktad");
  const serials = new YearSerials();
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 2 * 365, EXPORT_DAY - 2))) {
    const { year, serial } = serials.next(created);
    const prospect = qualified.length > 0 && rng.chance(0.1) ? rng.pick(qualified) : undefined;
    const customer = prospect === undefined ? rng.pick(active) : undefined;
    // Typed by hand now and then: the customer's name without its "AB".
    const name =
      prospect?.name ?? (customer !== undefined && customer.kind === "ab" && rng.chance(0.06) ? customer.name.replace(/ AB$/, "") : (customer?.name ?? ""));
    const theirs = people.filter((person) => customer !== undefined && person.customer === customer);
    const person = theirs.length > 0 && rng.chance(0.6) ? rng.pick(theirs).name : "";
    const deal: Deal = { number: `${String(year).slice(2)}-${pad(serial, 4)}`, customer, person, created };
    rows.push(dealRow(rng, deal, name));
    deals.push(deal);
  }
  return { rows, deals };
}

const ACTIVITY_HEADERS = ["Löpnr", "Datum", "Tid", "Typ", "Rubrik", "Anteckning", "Kundnr", "Kontakt", "Affärsnr", "Varaktighet", "Utförd", "Sign"];

/** What an activity is about: [customer number, contact's full name, deal number]. */
function activityTarget(rng: Rng, customers: readonly Customer[], people: readonly Person[], deals: readonly Deal[], when: number): [string, string, string] {
  const roll = rng.float();
  if (roll < 0.06) return ["", "", ""];
  const open = deals.filter((deal) => deal.created <= when && deal.customer !== undefined);
  if (roll < 0.35 && open.length > 0) {
    const deal = rng.pick(open);
    return [deal.customer?.number ?? "", deal.person, deal.number];
  }
  const customer = rng.pick(customers.filter((candidate) => !candidate.inactive));
  const theirs = people.filter((person) => person.customer === customer);
  return [customer.number, theirs.length > 0 && rng.chance(0.5) ? rng.pick(theirs).name : "", ""];
}

function duration(rng: Rng, kind: string): string {
  if (kind === "Möte" || kind === "Kundbesök") {
    const minutes = rng.pick([30, 45, 60, 90, 120, 150]);
    return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
  }
  return kind === "Telefonsamtal" ? `0:${pad(rng.int(2, 40))}` : "";
}

function buildActivities(options: FamilyOptions, count: number, customers: readonly Customer[], people: readonly Person[], deals: readonly Deal[]): string[][] {
  const stream = new RowStream(options.seed, "kundregister.aktiviteter");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, EXPORT_DAY - 600, EXPORT_DAY + 40);
    const start = { days: moment.days, minute: Math.floor(moment.minute / 15) * 15 };
    const kind = rng.weighted(ACTIVITY_KINDS);
    const [customer, person, deal] = activityTarget(rng, customers, people, deals, start.days);
    const past = start.days < EXPORT_DAY;
    const done = kind === "Anteckning" || (past && rng.chance(0.88));
    const timed = kind !== "Att göra" && kind !== "Anteckning" ? true : rng.chance(0.3);
    const user = start.days < EXPORT_DAY - 300 && rng.chance(0.1) ? FORMER : rng.pick(STAFF);
    return {
      start,
      cells: [
        dayText(start.days, "yyyy-MM-dd"),
        timed ? `${pad(Math.floor(start.minute / 60))}:${pad(start.minute % 60)}` : "",
        kind,
        customer === "" ? rng.pick(["Säljmöte", "Planering vecka", "Utbildning i CRM"]) : rng.pick(ACTIVITY_SUBJECTS[kind] ?? ["Samtal"]),
        kind === "Anteckning" || rng.chance(0.4) ? rng.pick(ACTIVITY_NOTES) : "",
        customer,
        person,
        deal,
        duration(rng, kind),
        done ? "X" : "",
        user.signature,
      ],
    };
  }).sort((a, b) => a.start.days - b.start.days || a.start.minute - b.start.minute);
  return entries.map((entry, index) => [String(88_000 + index), ...entry.cells]);
}

const SELLER_HEADERS = ["Signatur", "Namn", "E-post", "Telefon", "Aktiv"];

/** The signature table: the staff with their direct lines on the switchboard, the one who retired last. */
function sellerRows(options: FamilyOptions): string[][] {
  const stream = new RowStream(options.seed, "kundregister.saljare");
  return [...STAFF, FORMER].map((person, index) => [
    person.signature,
    fullName(person),
    `${seSlug(person.first)}.${seSlug(person.last)}@${KUNDREGISTER_FIRM.domain}`,
    `031-701 ${stream.row(index).int(20, 69)} ${pad(10 + index * 7)}`,
    person === FORMER ? "Nej" : "Ja",
  ]);
}

export const KUNDREGISTER_HEADERS = {
  kunder: CUSTOMER_HEADERS,
  saljare: SELLER_HEADERS,
  personer: PERSON_HEADERS,
  prospekt: PROSPECT_HEADERS,
  affarer: DEAL_HEADERS,
  aktiviteter: ACTIVITY_HEADERS,
} as const;

export function generateKundregister(options: FamilyOptions): FamilyExport {
  const { rows: customerRows, customers } = buildCustomers(options, Math.max(40, Math.round(options.rows * 0.35)));
  const { rows: peopleRows, people } = buildPeople(options, Math.max(30, Math.round(options.rows * 0.35)), customers);
  const { rows: prospectRows, prospects } = buildProspects(options, Math.max(10, Math.round(options.rows * 0.1)), customers);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(20, Math.round(options.rows * 0.2)), customers, people, prospects);
  const activities = buildActivities(options, Math.max(40, Math.round(options.rows * 0.5)), customers, people, deals);
  const users: SeedUser[] = STAFF.map((member) => {
    const login = `${seSlug(member.first)}.${seSlug(member.last)}@${KUNDREGISTER_FIRM.domain}`;
    return { login, name: fullName(member), email: login };
  });
  const accounting = { delimiter: ";", encoding: "windows-1252", bom: false, newline: "\r\n", quoteAll: false } as const;
  return {
    system: "kundregister",
    // The web CRM's files: UTF-8 with a byte order mark, `;`, LF.
    dialect: { delimiter: ";", encoding: "utf-8", bom: true, newline: "\n", quoteAll: false },
    tables: [
      { file: "Kundregister.csv", headers: CUSTOMER_HEADERS, rows: customerRows, dialect: accounting },
      { file: "Saljare.csv", headers: SELLER_HEADERS, rows: sellerRows(options), dialect: accounting },
      { file: "Kontaktpersoner.csv", headers: PERSON_HEADERS, rows: peopleRows },
      { file: "Prospekt.csv", headers: PROSPECT_HEADERS, rows: prospectRows },
      { file: "Affarer.csv", headers: DEAL_HEADERS, rows: dealRows },
      {
        file: "Aktiviteter.txt",
        headers: ACTIVITY_HEADERS,
        rows: activities,
        // The activity report, saved from Excel as "Unicode text".
        dialect: { delimiter: "\t", encoding: "utf-16le", bom: true, newline: "\r\n", quoteAll: false },
      },
    ],
    users,
  };
}

/**
 * Zonnedak: the export of Zonnedak Installaties B.V., a firm in Amersfoort that installs solar
 * panels, home batteries, heat pumps and charging points for households, housing associations
 * (VvE's), foundations and firms in the middle of the Netherlands: the relations (debiteuren) and
 * contact persons of its accounting program (in the manner of Exact Online), and the
 * organisations, persons, deals (verkoopkansen) and activities of the web CRM (in the manner of
 * Teamleader) its advisers use beside it. The fifteenth hold-out family of `flitmap init`, written
 * without reading the proposer, its tests or its output.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | relaties.csv | 20% of --rows | relations by code: B.V., N.V., V.O.F. (`V.O.F. Jansen & Zn.` or `Jansen & Zn. V.O.F.`), C.V., eenmanszaak, Stichting, Vereniging (VvE), households (`Fam. de Vries`, `Dhr. P. van Dijk`); **`KvK-nummer` eight digits; `Btw-nummer` `NL123456789B01` with its mod-11 check (one in twenty-five mistyped), now and then `NL 1234.56.789.B01`**; **`Straat` with the house number in it or apart in `Huisnummer` (`12`, `12-A`, `12 bis`)**; **`Adresregel 2` `t.a.v. …`**; **post codes `3811 AB` and `3811AB`**; phones `+31 (0)33 123 4567`, `033-1234567`, `06-12345678`; **IBAN with its mod-97, grouped or not, one in thirty mistyped**; **`Vertegenwoordiger` by code (`101`), `099` for one who has left**; `Kredietlimiet` `€ 25.000,00`; `Geblokkeerd` J/N; `Aangemaakt` `07-08-2025` or `7-8-2025`; a delivery address (`Afleveradres`, `Afl. postcode`, `Afl. plaats`); `n.v.t.` and `-` for nothing |
 * | contactpersonen.csv | 15% | a relation's contact persons: **`Tussenvoegsel` apart**, `Aanhef` Dhr./Mevr., `Hoofdcontact` J/N |
 * | organisaties.csv | 15% | the CRM's organisations: the firms again, **their name without the legal form, which is in `Rechtsvorm`**, a branch's head office by name in `Moederorganisatie`, the KvK number sometimes spaced `1234 5678` or without its leading 0, and prospects and suppliers; `Adres` with the house number; `Accountmanager` by full name; `Aangemaakt op` `7-8-2025 09:05` |
 * | personen.csv | 15% | the CRM's persons: under an organisation (**some the accounting program's contact persons again, by the same e-mail**) or private (households considering panels) |
 * | verkoopkansen.csv | 14% | deals: **`Organisatie` an ID, some of an organisation deleted before the export**, or a private `Persoon`; `Waarde` `1234.56`; `Kans` `40%`; days `7-8-2025`; `Status` Open/Gewonnen/Verloren with `Reden verlies` |
 * | activiteiten.csv | 20% | Bellen, Afspraak, Taak, E-mail about a deal, an organisation or a person: `Start`/`Eind` `7-8-2025 09:05`; **`Status` Gepland/Voltooid/Geannuleerd (cancelled meetings)** |
 *
 * The accounting program writes Windows-1252, `;`, CRLF; the CRM writes UTF-8 with a byte order
 * mark, `,`, LF, amounts with a decimal point.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import {
  amountText,
  day,
  pad,
  RowStream,
  slug,
  staffUsers,
  UniqueNames,
  workMoment,
  type FamilyDialect,
  type FamilyExport,
  type FamilyOptions,
} from "./family.js";
import {
  btw,
  btwValid,
  firmName,
  FORMER,
  fullName,
  grouped,
  houseNumber,
  iban,
  ibanValid,
  kvk,
  LEGAL_FORM,
  mistype,
  personName,
  phone,
  postcode,
  STAFF,
  STREETS,
  TOWNS,
  type Kind,
  type PersonName,
  type Town,
} from "./zonnedak-vocab.js";

const ERP: FamilyDialect = { delimiter: ";", encoding: "windows-1252", bom: false, newline: "\r\n", quoteAll: false };
const CRM: FamilyDialect = { delimiter: ",", encoding: "utf-8", bom: true, newline: "\n", quoteAll: false };
const EXPORT_DAY = day(2026, 11, 30);

/** `07-08-2025`, or `7-8-2025` as older rows were keyed in. */
function erpDay(days: number, short: boolean): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return short ? `${dayOfMonth}-${month}-${year}` : `${pad(dayOfMonth)}-${pad(month)}-${year}`;
}

/** The CRM's `7-8-2025`, with the time `7-8-2025 09:05`. */
function crmDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${dayOfMonth}-${month}-${year}`;
}

function crmMoment(days: number, minute: number): string {
  return `${crmDay(days)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

interface Relation {
  readonly code: string;
  readonly kind: Kind;
  readonly names: { readonly erp: string; readonly crm: string };
  readonly kvk: string;
  readonly btw: string;
  readonly town: Town;
  readonly domain: string;
  readonly seller: (typeof STAFF)[number];
}

export const RELATION_HEADERS = [
  "Relatiecode",
  "Naam",
  "KvK-nummer",
  "Btw-nummer",
  "Straat",
  "Huisnummer",
  "Adresregel 2",
  "Postcode",
  "Plaats",
  "Telefoon",
  "E-mail",
  "IBAN",
  "Vertegenwoordiger",
  "Kredietlimiet",
  "Geblokkeerd",
  "Aangemaakt",
  "Afleveradres",
  "Afl. postcode",
  "Afl. plaats",
];

const KINDS: readonly Kind[] = [
  "bv",
  "bv",
  "bv",
  "nv",
  "vof",
  "cv",
  "eenmanszaak",
  "eenmanszaak",
  "stichting",
  "vereniging",
  "vereniging",
  "particulier",
  "particulier",
  "particulier",
];

/** As the accounting program writes a btw-nummer: compact, or spaced with dots; a few mistyped. */
function writtenBtw(rng: Rng, number: string): string {
  const typed = rng.chance(1 / 25) ? mistype(number, 2, btwValid) : number;
  return rng.chance(0.15) ? `NL ${typed.slice(2, 6)}.${typed.slice(6, 8)}.${typed.slice(8, 11)}.${typed.slice(11)}` : typed;
}

function addressCells(rng: Rng): [string, string] {
  const street = rng.pick(STREETS);
  const number = houseNumber(rng);
  // One row in three has the number in the street, as it was typed before the column existed.
  return rng.chance(1 / 3) ? [`${street} ${number}`, ""] : [street, number];
}

function relationRow(rng: Rng, relation: Relation, attention: PersonName): string[] {
  const business = relation.kind !== "particulier";
  const [street, number] = addressCells(rng);
  const account = rng.chance(0.75) ? iban(rng) : "";
  const typedIban = account !== "" && rng.chance(1 / 30) ? mistype(account, 8, ibanValid) : account;
  const seller = relation.seller.code;
  const delivery = business && rng.chance(0.25) ? rng.pick(TOWNS) : undefined;
  return [
    relation.code,
    relation.names.erp,
    relation.kvk === "" ? (business ? "" : rng.pick(["", "-", "n.v.t."])) : relation.kvk,
    relation.btw === "" ? (business ? "" : rng.pick(["", "n.v.t."])) : writtenBtw(rng, relation.btw),
    street,
    number,
    business && rng.chance(0.25)
      ? rng.pick([
          "t.a.v. Crediteurenadministratie",
          `t.a.v. ${rng.pick(["dhr.", "mevr."])} ${attention.first[0] ?? ""}. ${[attention.tussen, attention.last].filter((part) => part !== "").join(" ")}`,
          "T.a.v. de penningmeester",
        ])
      : rng.chance(0.06)
        ? rng.pick(["Unit 4", "2e verdieping", "Bedrijvenpark De Wieken"])
        : "",
    postcode(rng, relation.town, rng.chance(0.5)),
    relation.town.name,
    rng.chance(0.85) ? phone(rng, relation.town, !business && rng.chance(0.6)) : "",
    business
      ? `${rng.pick(["info", "administratie", "facturen"])}@${relation.domain}`
      : rng.chance(0.7)
        ? `${slug(relation.names.erp)}@${rng.pick(["gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl"])}`
        : "",
    rng.chance(0.4) ? grouped(typedIban) : typedIban,
    rng.chance(0.05) ? "" : seller,
    business ? `€ ${amountText(rng.int(1, 30) * 250_000, ".", ",")}` : rng.pick(["", "n.v.t."]),
    rng.chance(0.04) ? "J" : "N",
    erpDay(rng.int(EXPORT_DAY - 8 * 365, EXPORT_DAY - 20), rng.chance(0.3)),
    delivery === undefined ? "" : `${rng.pick(STREETS)} ${houseNumber(rng)}`,
    delivery === undefined ? "" : postcode(rng, delivery, rng.chance(0.5)),
    delivery?.name ?? "",
  ];
}

function buildRelations(options: FamilyOptions, count: number): { rows: string[][]; relations: Relation[] } {
  const stream = new RowStream(options.seed, "zonnedak.relaties");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const relations: Relation[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const kind = rng.pick(KINDS);
    const owner = personName(rng);
    // Unique by the CRM's name, which the ERP's holds: two firms the CRM cannot tell apart would be one.
    let drawn = firmName(rng, kind, owner);
    const taken = names.take(
      () => (drawn = firmName(rng, kind, personName(rng))).crm,
      (name, attempt) => `${name} ${attempt}`,
    );
    const named = taken === drawn.crm ? drawn : { erp: drawn.erp.replace(drawn.crm, taken), crm: taken };
    const business = kind !== "particulier";
    const relation: Relation = {
      code: String(20_001 + index),
      kind,
      names: named,
      kvk: business && rng.chance(0.92) ? kvk(rng) : "",
      btw: business && kind !== "vereniging" && rng.chance(0.9) ? btw(rng) : "",
      town: rng.pick(TOWNS),
      domain: `${slug(named.crm).slice(0, 20)}.nl`,
      seller: rng.chance(0.08) ? FORMER : rng.pick(STAFF),
    };
    relations.push(relation);
    rows.push(relationRow(rng, relation, personName(rng)));
  }
  return { rows, relations };
}

interface Contact {
  readonly relation: Relation;
  readonly person: PersonName;
  readonly email: string;
}

export const CONTACT_HEADERS = ["Relatiecode", "Volgnr", "Aanhef", "Voornaam", "Tussenvoegsel", "Achternaam", "Functie", "Telefoon", "E-mail", "Hoofdcontact"];

function buildContacts(options: FamilyOptions, count: number, relations: readonly Relation[]): { rows: string[][]; contacts: Contact[] } {
  const firms = relations.filter((relation) => relation.kind !== "particulier");
  const stream = new RowStream(options.seed, "zonnedak.contactpersonen");
  const serials = new Map<string, number>();
  const rows: string[][] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const relation = firms[(index * 3 + rng.int(0, 2)) % firms.length];
    if (relation === undefined) continue;
    const serial = (serials.get(relation.code) ?? 0) + 1;
    serials.set(relation.code, serial);
    const person = personName(rng);
    const email = rng.chance(0.85) ? `${slug(person.first)}.${slug(`${person.tussen}${person.last}`)}@${relation.domain}` : "";
    contacts.push({ relation, person, email });
    rows.push([
      relation.code,
      String(serial),
      rng.chance(0.8) ? rng.pick(["Dhr.", "Mevr."]) : "",
      person.first,
      person.tussen,
      person.last,
      rng.pick(["Directeur", "Eigenaar", "Facilitair manager", "Penningmeester", "Inkoper", "Bestuurslid", "-"]),
      rng.chance(0.7) ? phone(rng, relation.town, rng.chance(0.5)) : "",
      email,
      serial === 1 ? "J" : "N",
    ]);
  }
  return { rows, contacts };
}

interface Organisation {
  readonly id: string;
  /** As the CRM names it, for a branch that names its head office. */
  readonly name: string;
  readonly deleted: boolean;
  readonly relation?: Relation;
}

export const ORGANISATION_HEADERS = [
  "ID",
  "Naam",
  "Rechtsvorm",
  "KvK",
  "Btw-nummer",
  "Adres",
  "Postcode",
  "Plaats",
  "Telefoon",
  "Website",
  "E-mail",
  "Type relatie",
  "Moederorganisatie",
  "Accountmanager",
  "Aangemaakt op",
];

/** As the CRM's users typed a KvK number: bare, spaced, or without its leading 0 (a spreadsheet took it). */
function crmKvk(rng: Rng, number: string): string {
  if (number.startsWith("0")) return number.slice(1);
  return rng.chance(0.3) ? `${number.slice(0, 4)} ${number.slice(4)}` : number;
}

const PROSPECT_KINDS: readonly Kind[] = ["bv", "bv", "eenmanszaak", "stichting", "vereniging"];

function organisationRow(rng: Rng, id: string, relation: Relation | undefined, prospect: { name: string; kind: Kind }, parent: string): string[] {
  const town = relation?.town ?? rng.pick(TOWNS);
  const kind = relation?.kind ?? prospect.kind;
  const name = relation?.names.crm ?? prospect.name;
  const site = slug(name).slice(0, 20);
  const owner = relation !== undefined && relation.seller !== FORMER ? relation.seller : rng.pick(STAFF);
  const when = workMoment(rng, EXPORT_DAY - 4 * 365, EXPORT_DAY - 5);
  return [
    id,
    name,
    rng.chance(0.9) ? LEGAL_FORM[kind] : "",
    relation !== undefined && relation.kvk !== "" && rng.chance(0.75) ? crmKvk(rng, relation.kvk) : "",
    relation !== undefined && relation.btw !== "" && rng.chance(0.4) ? relation.btw : "",
    `${rng.pick(STREETS)} ${houseNumber(rng)}`,
    postcode(rng, town, rng.chance(0.8)),
    town.name,
    rng.chance(0.6) ? phone(rng, town, false) : "",
    rng.chance(0.6) ? rng.pick([`www.${site}.nl`, `https://${site}.nl`, `https://www.${site}.nl/`]) : "",
    rng.chance(0.5) ? `info@${site}.nl` : "",
    relation !== undefined ? "Klant" : rng.chance(0.15) ? "Leverancier" : "Prospect",
    parent,
    rng.chance(0.05) ? "" : fullName(owner),
    crmMoment(when.days, when.minute),
  ];
}

function buildOrganisations(options: FamilyOptions, count: number, relations: readonly Relation[]): { rows: string[][]; organisations: Organisation[] } {
  const stream = new RowStream(options.seed, "zonnedak.organisaties");
  const firms = relations.filter((relation) => relation.kind !== "particulier");
  const names = new UniqueNames();
  for (const relation of firms)
    names.take(
      () => relation.names.crm,
      (name, attempt) => `${name} ${attempt}`,
    );
  const used = new Set<Relation>();
  const rows: string[][] = [];
  const organisations: Organisation[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const candidate = rng.chance(0.6) ? firms[(index * 7) % firms.length] : undefined;
    const relation = candidate !== undefined && !used.has(candidate) ? candidate : undefined;
    if (relation !== undefined) used.add(relation);
    const kind = rng.pick(PROSPECT_KINDS);
    const prospect = {
      kind,
      name: names.take(
        () => firmName(rng, kind, personName(rng)).crm,
        (name, attempt) => `${name} ${attempt}`,
      ),
    };
    const deleted = relation === undefined && (organisations.every((organisation) => !organisation.deleted) || rng.chance(0.07));
    const id = String(4_100 + index * 3 + rng.int(0, 2));
    const name = relation?.names.crm ?? prospect.name;
    // A branch (vestiging) names its head office, an organisation entered before it.
    const earlier = organisations.filter((organisation) => !organisation.deleted);
    const parent =
      !deleted && earlier.length > 3 && rng.chance(relation === undefined ? 0.35 : 0.08) ? (earlier[rng.int(0, earlier.length - 1)]?.name ?? "") : "";
    organisations.push(relation === undefined ? { id, name, deleted } : { id, name, deleted, relation });
    if (!deleted) rows.push(organisationRow(rng, id, relation, prospect, parent));
  }
  return { rows, organisations };
}

interface Person {
  readonly id: string;
  readonly organisation?: Organisation;
}

export const PERSON_HEADERS = ["ID", "Voornaam", "Tussenvoegsel", "Achternaam", "Organisatie", "Functie", "E-mail", "Telefoon", "Mobiel", "Nieuwsbrief"];

function buildPersons(
  options: FamilyOptions,
  count: number,
  organisations: readonly Organisation[],
  contacts: readonly Contact[],
): { rows: string[][]; persons: Person[] } {
  const stream = new RowStream(options.seed, "zonnedak.personen");
  const live = organisations.filter((organisation) => !organisation.deleted);
  const rows: string[][] = [];
  const persons: Person[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const id = String(8_001 + index);
    const organisation = rng.chance(0.6) ? rng.pick(live) : undefined;
    // The accounting program's contact person again, with the e-mail both systems hold.
    const known =
      organisation?.relation === undefined ? undefined : contacts.find((contact) => contact.relation === organisation.relation && contact.email !== "");
    const again = known !== undefined && rng.chance(0.6) ? known : undefined;
    const person = again?.person ?? personName(rng);
    const town = organisation?.relation?.town ?? rng.pick(TOWNS);
    const email =
      again !== undefined
        ? rng.chance(0.3)
          ? again.email.toUpperCase()
          : again.email
        : rng.chance(0.75)
          ? `${slug(person.first)}${rng.int(1, 99)}@${organisation === undefined ? rng.pick(["gmail.com", "hotmail.com", "ziggo.nl"]) : "mail.nl"}`
          : "";
    persons.push(organisation === undefined ? { id } : { id, organisation });
    rows.push([
      id,
      person.first,
      person.tussen,
      person.last,
      organisation?.id ?? "",
      organisation === undefined ? "" : rng.pick(["Directeur", "Facilitair manager", "Bestuurslid", "Adviseur", ""]),
      email,
      rng.chance(0.4) ? phone(rng, town, false) : "",
      rng.chance(0.6) ? phone(rng, town, true) : "",
      rng.chance(0.35) ? "Ja" : "Nee",
    ]);
  }
  return { rows, persons };
}

interface Deal {
  readonly id: string;
  readonly organisation?: Organisation;
  readonly person?: Person;
}

export const DEAL_HEADERS = [
  "ID",
  "Titel",
  "Organisatie",
  "Persoon",
  "Fase",
  "Waarde",
  "Kans",
  "Verwachte sluitdatum",
  "Bron",
  "Verantwoordelijke",
  "Aantal panelen",
  "Status",
  "Reden verlies",
];
const PHASES = ["Aanvraag", "Schouwing", "Offerte verstuurd", "Onderhandeling"];
const JOBS = ["Zonnepanelen", "Thuisbatterij", "Warmtepomp", "Laadpaal", "Zonnepanelen + omvormer"];

function dealRow(rng: Rng, deal: Deal): string[] {
  const status = rng.pick(["Open", "Open", "Open", "Gewonnen", "Verloren"]);
  const job = rng.pick(JOBS);
  const panels = job.startsWith("Zonnepanelen") ? String(rng.int(6, deal.organisation === undefined ? 24 : 400)) : rng.pick(["", "-"]);
  const value = rng.int(deal.organisation === undefined ? 400 : 1_500, deal.organisation === undefined ? 2_500 : 30_000) * 1_000 + rng.pick([0, 0, 50]);
  const probability = status === "Gewonnen" ? 100 : status === "Verloren" ? 0 : rng.pick([10, 25, 40, 60, 80]);
  return [
    deal.id,
    `${job}${panels !== "" && panels !== "-" ? ` (${panels} st.)` : ""}`,
    deal.organisation?.id ?? "",
    deal.person?.id ?? "",
    status === "Open" ? rng.pick(PHASES) : rng.pick(["Offerte verstuurd", "Onderhandeling"]),
    rng.chance(0.9) ? `${Math.floor(value / 100)}.${pad(value % 100)}` : "",
    `${probability}%`,
    crmDay(rng.int(EXPORT_DAY - 250, EXPORT_DAY + 150)),
    rng.pick(["Website", "Doorverwijzing", "Beurs", "Bestaande klant", "n.v.t."]),
    rng.chance(0.04) ? "" : fullName(rng.chance(0.05) ? FORMER : rng.pick(STAFF)),
    panels,
    status,
    status === "Verloren" ? rng.pick(["Te duur", "Gekozen voor concurrent", "Dak ongeschikt", "Geen subsidie"]) : "",
  ];
}

function buildDeals(
  options: FamilyOptions,
  count: number,
  organisations: readonly Organisation[],
  persons: readonly Person[],
): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "zonnedak.verkoopkansen");
  const deleted = organisations.filter((organisation) => organisation.deleted);
  const live = organisations.filter((organisation) => !organisation.deleted);
  const privates = persons.filter((person) => person.organisation === undefined);
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const id = String(5_001 + index);
    let deal: Deal;
    if (index % 16 === 7 && deleted.length > 0) deal = { id, organisation: rng.pick(deleted) };
    else if (rng.chance(0.4) && privates.length > 0) deal = { id, person: rng.pick(privates) };
    else {
      const organisation = rng.pick(live);
      const staff = persons.filter((person) => person.organisation === organisation);
      const person = staff.length > 0 && rng.chance(0.5) ? rng.pick(staff) : undefined;
      deal = person === undefined ? { id, organisation } : { id, organisation, person };
    }
    deals.push(deal);
    rows.push(dealRow(rng, deal));
  }
  return { rows, deals };
}

export const ACTIVITY_HEADERS = [
  "ID",
  "Type",
  "Onderwerp",
  "Start",
  "Eind",
  "Status",
  "Verkoopkans",
  "Organisatie",
  "Persoon",
  "Toegewezen aan",
  "Omschrijving",
];
const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Bellen: ["Terugbellen over offerte", "Nabellen subsidie", "Opvolging schouwing"],
  Afspraak: ["Schouwing dak", "Adviesgesprek", "Oplevering installatie"],
  Taak: ["Offerte opstellen", "Netbeheerder aanmelden", "Dakplan tekenen"],
  "E-mail": ["Offerte verstuurd", "Bevestiging afspraak", "Garantiebewijs"],
};

function activityRows(
  options: FamilyOptions,
  count: number,
  deals: readonly Deal[],
  organisations: readonly Organisation[],
  persons: readonly Person[],
): string[][] {
  const stream = new RowStream(options.seed, "zonnedak.activiteiten");
  const live = deals.filter((deal) => deal.organisation?.deleted !== true);
  const alive = organisations.filter((organisation) => !organisation.deleted);
  return stream.rows(count, (rng, index) => {
    const type = rng.pick(["Bellen", "Bellen", "Afspraak", "Afspraak", "Taak", "E-mail"]);
    const when = workMoment(rng, EXPORT_DAY - 300, EXPORT_DAY + 60);
    const start = Math.floor(when.minute / 15) * 15;
    const past = when.days < EXPORT_DAY;
    const status = rng.chance(type === "Afspraak" ? 0.2 : 0.05) ? "Geannuleerd" : past ? "Voltooid" : "Gepland";
    const about = rng.int(0, 9);
    const deal = about < 5 ? rng.pick(live) : undefined;
    const organisation = deal?.organisation ?? (about < 8 ? rng.pick(alive) : undefined);
    const person = deal?.person ?? (about === 8 ? rng.pick(persons) : undefined);
    const length = rng.pick([30, 60, 90, 120]);
    return [
      String(90_001 + index),
      type,
      rng.pick(SUBJECTS[type] ?? ["Overleg"]),
      crmMoment(when.days, start),
      type === "Afspraak" ? crmMoment(when.days, Math.min(start + length, 23 * 60 + 45)) : "",
      status,
      deal?.id ?? "",
      organisation?.id ?? "",
      person?.id ?? "",
      fullName(rng.chance(0.05) ? FORMER : rng.pick(STAFF)),
      rng.chance(0.35)
        ? rng.pick([
            "Klant niet thuis, nieuwe afspraak maken",
            "Dak op het zuiden, 35° helling",
            "Wil eerst subsidie (ISDE) weten",
            "Meterkast moet vervangen\nEigen elektricien",
          ])
        : "",
    ];
  });
}

export function generateZonnedak(options: FamilyOptions): FamilyExport {
  const share = (part: number): number => Math.max(8, Math.round(options.rows * part));
  const { rows: relationRows, relations } = buildRelations(options, share(0.2));
  const { rows: contactRows, contacts } = buildContacts(options, share(0.15), relations);
  const { rows: organisationRows, organisations } = buildOrganisations(options, share(0.15), relations);
  const { rows: personRows, persons } = buildPersons(options, share(0.15), organisations, contacts);
  const { rows: dealRows, deals } = buildDeals(options, share(0.14), organisations, persons);
  return {
    system: "Exact Online-style accounting and a Teamleader-style web CRM (Dutch)",
    dialect: CRM,
    tables: [
      { file: "relaties.csv", headers: RELATION_HEADERS, rows: relationRows, dialect: ERP },
      { file: "contactpersonen.csv", headers: CONTACT_HEADERS, rows: contactRows, dialect: ERP },
      { file: "organisaties.csv", headers: ORGANISATION_HEADERS, rows: organisationRows },
      { file: "personen.csv", headers: PERSON_HEADERS, rows: personRows },
      { file: "verkoopkansen.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "activiteiten.csv", headers: ACTIVITY_HEADERS, rows: activityRows(options, share(0.2), deals, organisations, persons) },
    ],
    users: staffUsers(STAFF, "zonnedak.nl"),
  };
}

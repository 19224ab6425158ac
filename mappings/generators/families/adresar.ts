/**
 * Adresář ("address book"): the export of Dřevodílna Horák s.r.o., a joinery and kitchen fitter
 * in Brno that makes kitchens, built-in wardrobes, stairs and office furniture for developers,
 * builders, hotels, restaurants, offices and households of South Moravia: the address book,
 * establishments, contact persons and sales agents of its accounting program, and the firms,
 * contact persons, deals (obchodní případy) and activities of the web CRM its salespeople use
 * beside it. The twelfth hold-out family of `flitmap init`, written without reading the proposer,
 * its tests or its output.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | adresar.csv | 22% of --rows | the address book by number (1001): firms `s.r.o.`, `spol. s r.o.`, `a.s.`, `v.o.s.`, clubs `z.s.`, four holdings `… Group a.s.` that are group parents (`Nadřízená`, by number), sole traders (OSVČ: a person's name as the firm), **private persons with `Firma` blank and their name in `Jméno`** (which for a firm is its contact person, titles and all), Slovak firms; **`IČ` eight digits with the mod-11 check digit** (one in sixty mistyped), **`DIČ` `CZ` and the IČO, a sole trader's `CZ` and the birth number, blank for a non-payer**, `Plátce DPH` A/N; `PSČ` `602 00`; phones `+420 603 123 456`, `603123456`, `542 123 456`; placeholders `-` and `neuvedeno`; `Skupina` ODB/DOD/MO/ZAH; `Splatnost` days; `Kredit` `50 000,00 Kč` with a no-break space; `Obch. zást.` the agent's code; `Č. účtu` `19-2000145399/0800`; `Neaktivní` A/N; `Datum zal.` `07.08.2025`; one e-mail in fifty without its @ |
 * | provozovny.csv | 6% | establishments numbered within their firm |
 * | osoby.csv | 15% | contact persons with their titles before and after the name apart, `Hlavní` A/N |
 * | obchodnici.csv | the staff | sales agents by code; Zdeněk Procházka (ZP) has left, without an e-mail |
 * | firmy.csv | 14% | the CRM's firms: the address book's customers again, **by name, the legal form now and then spaced as the law writes it (`s. r. o.`, `a. s.`)**, the IČO given or not; prospects, architects' studios (partners) and their parents by name; a few prospects deleted before the export |
 * | kontakty.csv | 17% | the CRM's people: **`Oslovení` the salutation in the vocative (`Vážený pane Nováku`, `Vážená paní inženýrko`)**, titles apart, the firm by name, `Ano`/`Ne`; one e-mail in forty-five without its @ |
 * | obchodni_pripady.csv | 13% | deals `OP-2025-0012`, the firm by name (**a few a firm deleted before the export**), the contact by full name (**now and then with titles: `Ing. Jan Novák, Ph.D.`**); stages; `40 %`; `185 400,00 Kč` with a no-break or a thin space; days `7. 8. 2025` |
 * | aktivity.csv | 22% | calls, meetings, site measurements, e-mails, tasks: `7. 8. 2025 9:05` (a task now and then on a day alone), `Trvání` `45 min`, `1 hod`, `1,5 hod`, `Hotovo` Ano/Ne; about a deal, a contact (by full name) or a firm (by name) |
 *
 * The accounting program writes Windows-1250, `;`, quoted only where needed, CRLF. The CRM writes
 * UTF-8 with a byte order mark, `,`, quoted where needed, LF.
 */
import type { Rng } from "../prng.js";
import { draftsByDay, RowStream, someOf, UniqueNames, workMoment, YearSerials, type FamilyExport, type FamilyOptions, type SeedUser } from "./family.js";
import {
  ADDRESS_HEADERS,
  AGENT_HEADERS,
  agentRows,
  BRANCH_HEADERS,
  branchRows,
  buildAddresses,
  businesses,
  PERSON_HEADERS,
  personRows,
  type Address,
} from "./adresar-erp.js";
import {
  crmDay,
  crmMoment,
  crowns,
  czechPerson,
  EXPORT_DAY,
  FORMER,
  fullName,
  ico,
  mailName,
  phone,
  STAFF,
  staffEmail,
  street,
  titledName,
  TOWNS,
  type Agent,
  type Town,
} from "./adresar-vocab.js";

/** The owner as the CRM shows its users, by full name; nobody now and then, the one who left on old records. */
function owner(rng: Rng, agent: Agent | undefined, when: number): string {
  if (rng.chance(0.05)) return "";
  const person = agent ?? (when < EXPORT_DAY - 500 && rng.chance(0.15) ? FORMER : rng.pick(STAFF));
  return fullName(person);
}

interface Firm {
  readonly id: string;
  readonly name: string;
  readonly town: Town;
  readonly domain: string;
  readonly address: Address | undefined;
  /** Deleted before the export: deals still name it. */
  readonly deleted: boolean;
}

const FIRM_HEADERS = [
  "ID",
  "Název",
  "IČO",
  "Obor",
  "Web",
  "Telefon",
  "Ulice",
  "Město",
  "PSČ",
  "Typ firmy",
  "Mateřská firma",
  "Štítky",
  "Vlastník",
  "Vytvořeno",
];
const INDUSTRIES = ["Stavebnictví", "Developerská činnost", "Gastronomie", "Ubytování", "Kanceláře", "Školství", "Zdravotnictví", "Architektura", "Obchod"];
const TAGS = ["Kuchyně", "Vestavěné skříně", "Schodiště", "Dveře", "Kancelářský nábytek", "VIP"];
const PROSPECTS = ["Rezidence", "Apartmány", "Bistro", "Penzion", "Ordinace", "Kavárna", "Vinařství", "Stavební firma"];
const STUDIOS = ["Architektonické studio", "Ateliér", "Interiérový design"];
const PLACES = ["Pod Špilberkem", "Na Kraví hoře", "U Svratky", "Lesná", "Kohoutovice", "Slatina", "Jundrov", "Mikulov", "Pálava", "Lednice"];

/** The legal form as the law spaces it ("s. r. o."), where the address book writes "s.r.o.". */
function spacedForm(name: string): string {
  return name
    .replace(/ s\.r\.o\.$/, " s. r. o.")
    .replace(/ spol\. s r\.o\.$/, " spol. s r. o.")
    .replace(/ a\.s\.$/, " a. s.")
    .replace(/ v\.o\.s\.$/, " v. o. s.");
}

function firmName(rng: Rng, names: UniqueNames, partner: boolean): string {
  return names.take(
    () =>
      partner ? `${rng.pick(STUDIOS)} ${rng.pick(PLACES)} s.r.o.` : `${rng.pick(PROSPECTS)} ${rng.pick(PLACES)} ${rng.pick(["s.r.o.", "s. r. o.", "a.s."])}`,
    (taken, attempt) => taken.replace(/ (s\.r\.o\.|s\. r\. o\.|a\.s\.)$/, ` ${attempt} $1`),
  );
}

function buildFirms(options: FamilyOptions, count: number, addresses: readonly Address[]): { rows: string[][]; firms: Firm[] } {
  const stream = new RowStream(options.seed, "adresar.firmy");
  const candidates = businesses(addresses).filter((address) => address.active && address.kind !== "osvc");
  const names = new UniqueNames();
  for (const address of addresses)
    names.take(
      () => address.name,
      () => address.name,
    );
  const chosen = new Set<Address>();
  const rows: string[][] = [];
  const firms: Firm[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const candidate = rng.chance(0.55) ? candidates[(index * 7 + rng.int(0, 4)) % candidates.length] : undefined;
    const address = candidate !== undefined && !chosen.has(candidate) ? candidate : undefined;
    if (address !== undefined) chosen.add(address);
    const partner = address === undefined && rng.chance(0.15);
    const name = address === undefined ? firmName(rng, names, partner) : rng.chance(0.4) ? spacedForm(address.name) : address.name;
    const town = address?.town ?? rng.pick(TOWNS);
    const domain = address?.domain ?? `${mailName(name.split(" ").slice(0, 2).join(""))}.cz`;
    const deleted = address === undefined && (firms.every((firm) => !firm.deleted) || rng.chance(0.04));
    const earlier = firms.filter((firm) => firm.address === undefined && !firm.deleted);
    const parent = address === undefined && !deleted && earlier.length > 3 && rng.chance(0.15) ? earlier[rng.int(0, 3)] : undefined;
    const created = workMoment(rng, EXPORT_DAY - 4 * 365, EXPORT_DAY - 10);
    const row = [
      String(40_100 + index * 3 + rng.int(0, 2)),
      name,
      address !== undefined ? (rng.chance(0.5) ? address.ico : "") : rng.chance(0.3) ? ico(rng) : "",
      rng.chance(0.8) ? (partner ? "Architektura" : rng.pick(INDUSTRIES)) : "",
      rng.chance(0.5) ? (rng.chance(0.5) ? `https://www.${domain}` : domain) : "",
      rng.chance(0.7) ? phone(rng, town, rng.chance(0.5)) : "",
      street(rng),
      town.name,
      rng.pick(town.zips),
      address !== undefined ? "Zákazník" : partner ? "Partner" : "Potenciální zákazník",
      parent?.name ?? "",
      rng.chance(0.5) ? someOf(rng, TAGS, 3).join(", ") : "",
      owner(rng, address?.agent === FORMER ? undefined : address?.agent, created.days),
      crmMoment(created.days, created.minute),
    ];
    if (!deleted) rows.push(row);
    firms.push({ id: row[0] ?? "", name, town, domain, address, deleted });
  }
  return { rows, firms };
}

interface Contact {
  readonly id: string;
  /** Without titles, as the CRM names people elsewhere. */
  readonly full: string;
  readonly titled: string;
  readonly firm: Firm | undefined;
}

const CONTACT_HEADERS = [
  "ID",
  "Oslovení",
  "Titul před",
  "Jméno",
  "Příjmení",
  "Titul za",
  "Firma",
  "Pozice",
  "E-mail",
  "Telefon",
  "Souhlas s newsletterem",
  "Vlastník",
];
const POSITIONS = ["Jednatel", "Ředitel", "Stavbyvedoucí", "Architekt", "Provozní", "Nákup", "Majitel"];

function buildContacts(options: FamilyOptions, count: number, firms: readonly Firm[]): { rows: string[][]; contacts: Contact[] } {
  const stream = new RowStream(options.seed, "adresar.kontakty");
  const living = firms.filter((firm) => !firm.deleted);
  const names = new UniqueNames();
  const rows: string[][] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    // Households ordering a kitchen have no firm.
    const firm = rng.chance(0.8) ? living[(index * 3 + rng.int(0, 2)) % living.length] : undefined;
    let person = czechPerson(rng, 0.3);
    const draw = (): string => {
      person = czechPerson(rng, 0.3);
      return `${person.first} ${person.last}`;
    };
    const full = names.take(draw, draw);
    const mailbox = `${mailName(person.first)}.${mailName(person.last)}`;
    const host = firm?.domain ?? rng.pick(["seznam.cz", "email.cz", "gmail.com"]);
    const id = String(70_001 + index);
    rows.push([
      id,
      rng.chance(0.85) ? person.salutation : "",
      person.before,
      person.first,
      person.last,
      person.after,
      firm?.name ?? "",
      firm !== undefined && rng.chance(0.7) ? rng.pick(POSITIONS) : "",
      index % 45 === 17 ? `${mailbox}.${host}` : rng.chance(0.85) ? `${mailbox}@${host}` : "",
      rng.chance(0.85) ? phone(rng, firm?.town ?? rng.pick(TOWNS), true) : "",
      rng.chance(0.4) ? "Ano" : "Ne",
      owner(rng, firm?.address?.agent === FORMER ? undefined : firm?.address?.agent, EXPORT_DAY - rng.int(5, 3 * 365)),
    ]);
    contacts.push({ id, full, titled: titledName(person), firm });
  }
  return { rows, contacts };
}

interface Deal {
  readonly id: string;
  readonly created: number;
  readonly firm: Firm | undefined;
  readonly contact: Contact | undefined;
}

const DEAL_HEADERS = [
  "ID",
  "Název",
  "Firma",
  "Kontaktní osoba",
  "Fáze",
  "Pravděpodobnost",
  "Hodnota",
  "Předpokládané uzavření",
  "Důvod prohry",
  "Zdroj",
  "Vlastník",
  "Popis",
  "Vytvořeno",
];
const OPEN_STAGES: readonly (readonly [string, number])[] = [
  ["Poptávka", 10],
  ["Zaměření", 25],
  ["Nabídka odeslána", 50],
  ["Vyjednávání", 75],
];
const SUBJECTS = ["Kuchyňská linka", "Vestavěné skříně", "Schodiště dub", "Interiérové dveře", "Vybavení kanceláří", "Recepce", "Bar a obklady"];
const LOSS_REASONS = ["Cena", "Termín", "Konkurence", "Odloženo"];
const SOURCES = ["Doporučení", "Web", "Veletrh Mobitex", "Architekt", "Stávající zákazník", "neuvedeno"];

function dealRow(rng: Rng, id: string, created: number, firm: Firm | undefined, contact: Contact | undefined): string[] {
  const stage =
    created > EXPORT_DAY - 40
      ? rng.pick(OPEN_STAGES)[0]
      : rng.weighted<string>([...OPEN_STAGES.map(([name]) => [name, 1] as const), ["Vyhráno", 4], ["Prohráno", 3]]);
  const open = OPEN_STAGES.find(([name]) => name === stage);
  const probability = stage === "Vyhráno" ? 100 : stage === "Prohráno" ? 0 : (open?.[1] ?? 10);
  return [
    id,
    `${rng.pick(SUBJECTS)}${firm === undefined ? "" : `, ${firm.town.name}`}`,
    firm?.name ?? "",
    // A titled person is written with the titles more often than not.
    contact === undefined ? "" : rng.chance(0.6) ? contact.titled : contact.full,
    stage,
    `${probability} %`,
    rng.chance(0.05) ? "" : crowns(rng.int(4, 600) * 250_000 + rng.pick([0, 0, 50, 40_000]), rng.chance(0.5) ? "\u2009" : "\u00a0"),
    rng.chance(0.1) ? "" : crmDay(created + rng.int(20, 180)),
    stage === "Prohráno" ? rng.pick(LOSS_REASONS) : "",
    rng.chance(0.85) ? rng.pick(SOURCES) : "",
    owner(rng, firm?.address?.agent === FORMER ? undefined : firm?.address?.agent, created),
    rng.chance(0.3) ? rng.pick(["Dub masiv, lak mat.", "Dvě varianty:\n- lamino\n- dýha", "Čeká na schválení investorem."]) : "",
    crmMoment(created, rng.int(8 * 60, 17 * 60)),
  ];
}

function buildDeals(options: FamilyOptions, count: number, firms: readonly Firm[], contacts: readonly Contact[]): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "adresar.pripady");
  const households = contacts.filter((contact) => contact.firm === undefined);
  const gone = firms.filter((firm) => firm.deleted);
  const serials = new YearSerials();
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 2 * 365, EXPORT_DAY - 2))) {
    const { year, serial } = serials.next(created);
    const id = `OP-${year}-${String(serial).padStart(4, "0")}`;
    // A deal of a prospect deleted before the export still names it.
    const orphan = gone.length > 0 && (rows.length === 3 || rng.chance(0.03));
    const household = !orphan && rng.chance(0.2) && households.length > 0 ? rng.pick(households) : undefined;
    const firm = orphan ? rng.pick(gone) : household === undefined ? rng.pick(firms.filter((item) => !item.deleted)) : undefined;
    const theirs = contacts.filter((contact) => contact.firm !== undefined && contact.firm === firm);
    const contact = household ?? (theirs.length > 0 && rng.chance(0.7) ? rng.pick(theirs) : undefined);
    rows.push(dealRow(rng, id, created, firm, contact));
    if (!orphan) deals.push({ id, created, firm, contact });
  }
  return { rows, deals };
}

const ACTIVITY_HEADERS = ["ID", "Typ", "Předmět", "Popis", "Začátek", "Trvání", "Hotovo", "Obchodní případ", "Firma", "Kontakt", "Vlastník"];
const KINDS: readonly (readonly [string, number])[] = [
  ["Telefonát", 8],
  ["Schůzka", 4],
  ["Zaměření", 3],
  ["E-mail", 3],
  ["Úkol", 5],
];
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  Telefonát: ["Dotaz na termín montáže", "Upřesnění rozměrů", "Reklamace dvířek", "Připomenutí zálohy"],
  Schůzka: ["Prezentace návrhu", "Výběr materiálů ve showroomu", "Podpis smlouvy"],
  Zaměření: ["Zaměření kuchyně", "Zaměření schodiště", "Kontrolní zaměření po omítkách"],
  "E-mail": ["Zaslání nabídky", "Vizualizace", "Kopie faktury"],
  Úkol: ["Nacenit varianty", "Objednat kování", "Vystavit zálohovou fakturu"],
};

/** A length as the CRM writes it: "45 min", "1 hod", "1 hod 30 min", "1,5 hod". */
function lengthText(rng: Rng, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 30 && rng.chance(0.5)) return `${hours},5 hod`;
  return rest === 0 ? `${hours} hod` : `${hours} hod ${rest} min`;
}

function activityCells(
  rng: Rng,
  moment: { days: number; minute: number },
  firms: readonly Firm[],
  contacts: readonly Contact[],
  deals: readonly Deal[],
): string[] {
  const kind = rng.weighted(KINDS);
  const roll = rng.float();
  const earlier = deals.filter((deal) => deal.created <= moment.days);
  const deal = roll < 0.45 && earlier.length > 0 ? rng.pick(earlier) : undefined;
  const contact = deal === undefined && roll >= 0.45 && roll < 0.62 ? rng.pick(contacts) : undefined;
  const firm = deal === undefined && contact === undefined && roll < 0.95 ? rng.pick(firms) : contact?.firm;
  const internal = deal === undefined && contact === undefined && firm === undefined;
  const past = moment.days < EXPORT_DAY;
  const meeting = kind === "Schůzka" || kind === "Zaměření";
  const length = meeting ? rng.pick([30, 45, 60, 90, 120]) : kind === "Telefonát" ? rng.int(1, 4) * 5 : 0;
  return [
    kind,
    internal ? rng.pick(["Porada dílny", "Inventura skladu", "Školení CNC"]) : rng.pick(TOPICS[kind] ?? ["Kontakt"]),
    !internal && rng.chance(0.3)
      ? rng.pick(["Chce dvě varianty barev.", "Volat po 15. hodině.", "Staré rozvody, nutná úprava.\nFoto v příloze.", "Souhlasí s nabídkou, záloha 50 %."])
      : "",
    kind === "Úkol" && rng.chance(0.6) ? crmDay(moment.days) : crmMoment(moment.days, moment.minute),
    length === 0 ? "" : lengthText(rng, length),
    past ? (rng.chance(0.85) ? "Ano" : "Ne") : "Ne",
    deal?.id ?? "",
    (deal?.firm ?? firm)?.name ?? "",
    (deal?.contact ?? contact)?.full ?? "",
    owner(rng, undefined, moment.days),
  ];
}

function buildActivities(options: FamilyOptions, count: number, firms: readonly Firm[], contacts: readonly Contact[], deals: readonly Deal[]): string[][] {
  const stream = new RowStream(options.seed, "adresar.aktivity");
  const living = firms.filter((firm) => !firm.deleted);
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const drawn = workMoment(rng, EXPORT_DAY - 500, EXPORT_DAY + 40);
    const moment = { days: drawn.days, minute: Math.floor(drawn.minute / 15) * 15 };
    return { order: moment.days * 1440 + moment.minute, cells: activityCells(rng, moment, living, contacts, deals) };
  }).sort((a, b) => a.order - b.order);
  return entries.map((entry, index) => [String(810_001 + index), ...entry.cells]);
}

export function generateAdresar(options: FamilyOptions): FamilyExport {
  const { rows: addressRows, addresses } = buildAddresses(options, Math.max(60, Math.round(options.rows * 0.22)));
  const branches = branchRows(options, Math.max(8, Math.round(options.rows * 0.06)), addresses);
  const people = personRows(options, Math.max(20, Math.round(options.rows * 0.15)), addresses);
  const { rows: firmRows, firms } = buildFirms(options, Math.max(20, Math.round(options.rows * 0.14)), addresses);
  const { rows: contactRows, contacts } = buildContacts(options, Math.max(20, Math.round(options.rows * 0.17)), firms);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(15, Math.round(options.rows * 0.13)), firms, contacts);
  const activities = buildActivities(options, Math.max(30, Math.round(options.rows * 0.22)), firms, contacts, deals);
  const users: SeedUser[] = STAFF.map((member) => ({ login: staffEmail(member), name: fullName(member), email: staffEmail(member) }));
  const accounting = { delimiter: ";", encoding: "windows-1250", bom: false, newline: "\r\n", quoteAll: false } as const;
  return {
    system: "adresar",
    dialect: { delimiter: ",", encoding: "utf-8", bom: true, newline: "\n", quoteAll: false },
    tables: [
      { file: "adresar.csv", headers: ADDRESS_HEADERS, rows: addressRows, dialect: accounting },
      { file: "provozovny.csv", headers: BRANCH_HEADERS, rows: branches, dialect: accounting },
      { file: "osoby.csv", headers: PERSON_HEADERS, rows: people, dialect: accounting },
      { file: "obchodnici.csv", headers: AGENT_HEADERS, rows: agentRows(addresses), dialect: accounting },
      { file: "firmy.csv", headers: FIRM_HEADERS, rows: firmRows },
      { file: "kontakty.csv", headers: CONTACT_HEADERS, rows: contactRows },
      { file: "obchodni_pripady.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "aktivity.csv", headers: ACTIVITY_HEADERS, rows: activities },
    ],
    users,
  };
}

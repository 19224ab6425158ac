/**
 * Kartoteka: the export of a heating and plumbing wholesaler near Poznań (Instal-Term Sp. z o.o.):
 * the contractor registry of its desktop ERP ("kartoteka kontrahentów") and the contact people,
 * sales opportunities and events of the web CRM that works beside it. The sixth hold-out family of
 * `flitmap init`, written without reading the proposer, its tests or its output: Polish headers,
 * NIP and REGON numbers, Polish addresses (street, house and flat number, a village's post office
 * in another town), amounts as `12 500,00`, `T`/`N` in the ERP and `Tak`/`Nie` in the CRM.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | kontrahenci.csv | 35% of --rows | the ERP's registry, sorted by `Symbol` (its code): firms, sole traders (their name in `Imię`/`Nazwisko`), private customers (`Osoba fizyczna` T, `Nazwa` surname first), municipalities and the schools they pay for (a unit names its payer's Symbol in `Płatnik` and carries the payer's NIP), branches (`Płatnik` their head office), suppliers and customers abroad; `Opiekun` the ERP operator's code ("ANOWAK", "ADMIN" for nobody); a copy of a firm put out of use ("NIE UŻYWAĆ ...", same NIP, `Nieaktywny` T); a correspondence address in three `Koresp.` columns |
 * | crm_osoby.csv | 35% | contact people by their contractor's `Kod kontrahenta`; `Zwrot` Pan/Pani; a consent under the GDPR (RODO) with its date; a few entered twice (same name and e-mail, a later ID); `Właściciel` the user's e-mail |
 * | crm_szanse.csv | 25% | opportunities `SZ/2025/0142` by contractor code and person ID; `Status` Otwarta / Wygrana / Przegrana / Wstrzymana; `Wartość` in `Waluta` (PLN, or EUR abroad with the NBP rate in `Kurs`); "b.d." (no data) in value and date |
 * | crm_zdarzenia.csv | 55% | calls, meetings (start and end), e-mails, tasks (a `Termin`), notes and quotes sent; `Status` Wykonane / Do zrobienia / Anulowane; the contractor by its short name (`Nazwa`), the person by full name, the opportunity by number; internal events name neither |
 *
 * The registry is Windows-1250 (Central European), `;`, quoted only where needed, CRLF, ISO dates:
 * the code page Polish desktop software writes. The CRM's files are UTF-8 with a byte order mark,
 * `,`-separated with decimal commas (so every amount is quoted), LF, `dd.MM.yyyy HH:mm` in Warsaw
 * time. Placeholders: "brak" (none) in the registry's phones and e-mails, "-" in the CRM's phones,
 * "b.d." in the opportunities. The operator MZIELINSKI (Marek Zieliński) has left: no Odoo user
 * has his name or e-mail. A few people, opportunities and events name a contractor deleted before
 * the export; a few e-mail addresses are mistyped ("biuro@firma,pl").
 */
import {
  dayText,
  draftsByDay,
  momentText,
  pad,
  RowStream,
  someOf,
  workMoment,
  YearSerials,
  type FamilyExport,
  type FamilyOptions,
  type SeedUser,
} from "./family.js";
import type { Rng } from "../prng.js";
import { buildRegistry, EXPORT_DAY, mobile, plAmount, REGISTRY_HEADERS, type Contractor } from "./kartoteka-registry.js";
import {
  DEAL_SUBJECTS,
  DEAL_TAGS,
  DEPARTMENTS,
  digits,
  EVENT_KINDS,
  EVENT_NOTES,
  EVENT_SUBJECTS,
  FORMER_SELLER,
  FREE_MAIL,
  INTERNAL_SUBJECTS,
  KARTOTEKA_FIRM,
  LOSS_REASONS,
  NOBODY_CODE,
  plSlug,
  polishName,
  ROLES,
  SALES_TEAM,
  SOURCES,
  STAGES,
  type PolishName,
} from "./kartoteka-vocab.js";

/** Contractors deleted from the ERP before the export, which the CRM still names. */
const DELETED = [
  { symbol: "ELMAR", short: "Elmar Instalacje" },
  { symbol: "TERMOTECH-K", short: "Termotech Konin" },
] as const;

function userEmail(person: { readonly first: string; readonly last: string }): string {
  return `${plSlug(person.first).slice(0, 1)}.${plSlug(person.last)}@${KARTOTEKA_FIRM.domain}`;
}

/** The CRM's owner of a record: the contractor's carer, or anyone of the team when it has none. */
function ownerEmail(rng: Rng, code: string): string {
  const member = [...SALES_TEAM, FORMER_SELLER].find((candidate) => candidate.code === code);
  return userEmail(code === NOBODY_CODE || member === undefined ? rng.pick(SALES_TEAM) : member);
}

interface Person {
  readonly id: string;
  readonly name: PolishName;
  readonly contractor: Contractor | undefined;
}

const PEOPLE_HEADERS = [
  "ID",
  "Kod kontrahenta",
  "Zwrot",
  "Imię",
  "Nazwisko",
  "Stanowisko",
  "Dział",
  "Telefon",
  "Telefon komórkowy",
  "E-mail",
  "Zgoda RODO",
  "Data zgody RODO",
  "Właściciel",
  "Utworzono",
  "Notatka",
];

function personEmail(rng: Rng, name: PolishName, contractor: Contractor | undefined): string {
  if (rng.chance(0.12)) return "";
  const local = `${plSlug(name.first)}.${plSlug(name.last)}`;
  const domain = contractor === undefined || contractor.kind === "sole" ? rng.pick(FREE_MAIL) : contractor.domain;
  const roll = rng.float();
  if (roll < 0.02) return `${local}@${domain.replace(/\.([a-z]+)$/, ",$1")}`;
  if (roll < 0.035) return `${local}(at)${domain}`;
  return `${local}@${domain}`;
}

function buildPeople(options: FamilyOptions, count: number, contractors: readonly Contractor[]): { rows: string[][]; people: Person[] } {
  const stream = new RowStream(options.seed, "kartoteka.osoby");
  const withPeople = contractors.filter((contractor) => contractor.hasPeople);
  const rows: string[][] = [];
  const people: Person[] = [];
  /** The rows with a well-formed e-mail, which a second entry of the same person can copy. */
  const withEmail: number[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const id = String(40_112 + index * 3 + rng.int(0, 2));
    const created = workMoment(rng, day2017(), EXPORT_DAY - 1);
    const copiedAt = index > 20 && withEmail.length > 0 && rng.chance(0.04) ? rng.pick(withEmail) : undefined;
    const copied = copiedAt === undefined ? undefined : rows[copiedAt];
    const original = copiedAt === undefined ? undefined : people[copiedAt];
    if (copied !== undefined && original !== undefined) {
      // Entered twice: the same person, company and e-mail, another phone, a later ID.
      rows.push([id, ...copied.slice(1, 7), rng.chance(0.5) ? "-" : mobile(rng), mobile(rng), ...copied.slice(9, 13), momentText(created, "dd.MM.yyyy"), ""]);
      people.push({ id, name: original.name, contractor: original.contractor });
      continue;
    }
    const deleted = rng.chance(0.03) ? rng.pick(DELETED) : undefined;
    const contractor = deleted === undefined ? rng.pick(withPeople) : undefined;
    const name = polishName(rng);
    const consent = rng.weighted([
      ["Tak", 5],
      ["Nie", 2],
      ["", 3],
    ] as const);
    rows.push([
      id,
      contractor?.symbol ?? deleted?.symbol ?? "",
      name.female ? "Pani" : "Pan",
      name.first,
      name.last,
      rng.chance(0.85) ? rng.pick(ROLES) : "",
      rng.chance(0.5) ? rng.pick(DEPARTMENTS) : "",
      rng.chance(0.15)
        ? "-"
        : rng.chance(0.5)
          ? `+48 61 ${digits(rng, 3)} ${digits(rng, 2)} ${digits(rng, 2)}${rng.chance(0.4) ? ` wew. ${rng.int(10, 250)}` : ""}`
          : "",
      rng.chance(0.75) ? mobile(rng) : "",
      personEmail(rng, name, contractor),
      consent,
      consent === "Tak" ? dayText(rng.int(created.days, EXPORT_DAY - 1), "dd.MM.yyyy") : "",
      ownerEmail(rng, contractor?.owner ?? NOBODY_CODE),
      momentText(created, "dd.MM.yyyy"),
      rng.chance(0.15) ? rng.pick(["Decyduje o zakupach", "Preferuje kontakt mailowy", "Urlop w sierpniu", "Dzwonić na komórkę"]) : "",
    ]);
    if (/^[^@]+@[^@,]+$/.test(rows[rows.length - 1]?.[9] ?? "")) withEmail.push(rows.length - 1);
    people.push({ id, name, contractor });
  }
  return { rows, people };
}

function day2017(): number {
  return EXPORT_DAY - 9 * 365;
}

interface Deal {
  readonly number: string;
  readonly contractor: Contractor | undefined;
  readonly person: Person | undefined;
  readonly created: number;
}

const DEAL_HEADERS = [
  "Numer",
  "Nazwa",
  "Kod kontrahenta",
  "ID osoby",
  "Etap",
  "Status",
  "Prawdopodobieństwo [%]",
  "Wartość",
  "Waluta",
  "Kurs",
  "Data utworzenia",
  "Planowane zamknięcie",
  "Data zamknięcia",
  "Powód przegranej",
  "Źródło",
  "Właściciel",
  "Tagi",
  "Opis",
];

function dealRow(rng: Rng, deal: Deal, client: string, owner: string): string[] {
  const status =
    deal.created > EXPORT_DAY - 60
      ? "Otwarta"
      : rng.weighted([
          ["Otwarta", 3],
          ["Wygrana", 3],
          ["Przegrana", 2],
          ["Wstrzymana", 1],
        ] as const);
  const stageIndex = status === "Wygrana" ? STAGES.length - 1 : rng.int(0, STAGES.length - 2);
  const probability = status === "Wygrana" ? 100 : status === "Przegrana" ? 0 : ([10, 25, 50, 75, 90][stageIndex] ?? 50);
  const euro = deal.contractor?.foreign === true;
  const closed = status === "Wygrana" || status === "Przegrana" ? Math.min(EXPORT_DAY - 1, deal.created + rng.int(10, 150)) : undefined;
  return [
    deal.number,
    `${rng.pick(DEAL_SUBJECTS)} - ${client}`,
    deal.contractor?.symbol ?? rng.pick(DELETED).symbol,
    deal.person?.id ?? "",
    STAGES[stageIndex] ?? "",
    status,
    String(probability),
    rng.chance(0.04) ? "b.d." : plAmount(euro ? rng.int(20, 900) * 10_000 : rng.int(10, 3_000) * 10_000 + rng.int(0, 99)),
    euro ? "EUR" : "PLN",
    euro ? `4,${rng.int(1800, 3500)}` : "",
    dayText(deal.created, "dd.MM.yyyy"),
    rng.chance(0.08) ? "b.d." : dayText(deal.created + rng.int(20, 160), "dd.MM.yyyy"),
    closed === undefined ? "" : dayText(closed, "dd.MM.yyyy"),
    status === "Przegrana" ? rng.pick(LOSS_REASONS) : "",
    rng.weighted(SOURCES),
    owner,
    rng.chance(0.4) ? someOf(rng, DEAL_TAGS, 2).join(", ") : "",
    rng.chance(0.3)
      ? rng.pick(["Etap I inwestycji, etap II w 2027.", "Klient porównuje z ofertą konkurencji.", "Wymagana gwarancja 5 lat.\nDostawa na budowę."])
      : "",
  ];
}

function buildDeals(options: FamilyOptions, count: number, contractors: readonly Contractor[], people: readonly Person[]): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "kartoteka.szanse");
  const customers = contractors.filter((contractor) => contractor.kind !== "supplier");
  const serials = new YearSerials();
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 3 * 365, EXPORT_DAY - 2))) {
    const { year, serial } = serials.next(created);
    const contractor = rng.chance(0.02) ? undefined : rng.pick(customers);
    const colleagues = people.filter((person) => contractor !== undefined && person.contractor === contractor);
    const person = colleagues.length > 0 && rng.chance(0.55) ? rng.pick(colleagues) : undefined;
    const deal: Deal = { number: `SZ/${year}/${pad(serial, 4)}`, contractor, person, created };
    const owner = ownerEmail(rng, contractor !== undefined && rng.chance(0.8) ? contractor.owner : NOBODY_CODE);
    rows.push(dealRow(rng, deal, contractor?.short.replace(/^NIE UŻYWAĆ /, "") ?? "Elmar Instalacje", owner));
    deals.push(deal);
  }
  return { rows, deals };
}

const EVENT_HEADERS = ["ID", "Typ", "Temat", "Opis", "Początek", "Koniec", "Termin", "Status", "Kontrahent", "Osoba", "Szansa", "Przypisany do"];

/** What an event is about: [contractor's short name, person's full name, opportunity number]. */
function eventTarget(rng: Rng, contractors: readonly Contractor[], people: readonly Person[], deals: readonly Deal[], when: number): [string, string, string] {
  const open = deals.filter((deal) => deal.created <= when && deal.contractor !== undefined);
  const roll = rng.float();
  if (roll < 0.05) return ["", "", ""];
  if (roll < 0.07) return [rng.pick(DELETED).short, "", ""];
  if (roll < 0.47 && open.length > 0) {
    const deal = rng.pick(open);
    const person = deal.person ?? undefined;
    return [deal.contractor?.short ?? "", person === undefined ? "" : `${person.name.first} ${person.name.last}`, deal.number];
  }
  const contractor = rng.pick(contractors.filter((candidate) => candidate.kind !== "duplicate"));
  const theirs = people.filter((person) => person.contractor === contractor);
  const person = theirs.length > 0 && rng.chance(0.5) ? rng.pick(theirs) : undefined;
  return [contractor.short, person === undefined ? "" : `${person.name.first} ${person.name.last}`, ""];
}

function buildEvents(options: FamilyOptions, count: number, contractors: readonly Contractor[], people: readonly Person[], deals: readonly Deal[]): string[][] {
  const stream = new RowStream(options.seed, "kartoteka.zdarzenia");
  const formerUntil = EXPORT_DAY - 270;
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, EXPORT_DAY - 800, EXPORT_DAY + 40);
    const start = { days: moment.days, minute: Math.floor(moment.minute / 15) * 15 };
    const kind = rng.weighted(EVENT_KINDS);
    const [contractor, person, deal] = eventTarget(rng, contractors, people, deals, moment.days);
    const internal = contractor === "" && deal === "";
    const status =
      kind === "Notatka"
        ? "Wykonane"
        : start.days >= EXPORT_DAY
          ? "Do zrobienia"
          : rng.weighted([
              ["Wykonane", 85],
              ["Do zrobienia", 9],
              ["Anulowane", 6],
            ] as const);
    const end = kind === "Spotkanie" ? { days: start.days, minute: Math.min(start.minute + rng.pick([30, 60, 90, 120]), 20 * 60) } : undefined;
    const user = start.days < formerUntil && rng.chance(0.1) ? FORMER_SELLER : rng.pick(SALES_TEAM);
    return {
      start,
      cells: [
        kind,
        internal ? rng.pick(INTERNAL_SUBJECTS) : rng.pick(EVENT_SUBJECTS[kind] ?? ["Kontakt"]),
        kind === "Notatka" || rng.chance(0.4) ? rng.pick(EVENT_NOTES) : "",
        momentText(start, "dd.MM.yyyy"),
        end === undefined ? "" : momentText(end, "dd.MM.yyyy"),
        kind === "Zadanie" || kind === "Wysłanie oferty" ? dayText(start.days + rng.int(0, 10), "dd.MM.yyyy") : "",
        status,
        contractor,
        person,
        deal,
        userEmail(user),
      ],
    };
  }).sort((a, b) => a.start.days - b.start.days || a.start.minute - b.start.minute);
  return entries.map((entry, index) => [String(81_000 + index * 2 + (index % 3 === 0 ? 1 : 0)), ...entry.cells]);
}

export const KARTOTEKA_HEADERS = { kontrahenci: REGISTRY_HEADERS, osoby: PEOPLE_HEADERS, szanse: DEAL_HEADERS, zdarzenia: EVENT_HEADERS } as const;

export function generateKartoteka(options: FamilyOptions): FamilyExport {
  const { rows: registryRows, contractors } = buildRegistry(options, Math.max(40, Math.round(options.rows * 0.35)));
  const { rows: peopleRows, people } = buildPeople(options, Math.max(30, Math.round(options.rows * 0.35)), contractors);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(30, Math.round(options.rows * 0.25)), contractors, people);
  const events = buildEvents(options, Math.max(40, Math.round(options.rows * 0.55)), contractors, people, deals);
  const users: SeedUser[] = SALES_TEAM.map((member) => ({ login: userEmail(member), name: `${member.first} ${member.last}`, email: userEmail(member) }));
  return {
    system: "kartoteka",
    // The web CRM's files: UTF-8 with a byte order mark (for Excel), `,` although amounts have decimal commas.
    dialect: { delimiter: ",", encoding: "utf-8", bom: true, newline: "\n", quoteAll: false },
    tables: [
      {
        file: "kontrahenci.csv",
        headers: REGISTRY_HEADERS,
        rows: registryRows,
        // The desktop ERP writes the Windows code page of Central Europe.
        dialect: { delimiter: ";", encoding: "windows-1250", bom: false, newline: "\r\n", quoteAll: false },
      },
      { file: "crm_osoby.csv", headers: PEOPLE_HEADERS, rows: peopleRows },
      { file: "crm_szanse.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "crm_zdarzenia.csv", headers: EVENT_HEADERS, rows: events },
    ],
    users,
  };
}

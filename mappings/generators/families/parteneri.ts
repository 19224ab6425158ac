/**
 * Parteneri ("partners"): the export of Climatech Instal SRL, an HVAC installer in Bucharest
 * (Sector 3) that fits air conditioning, heat pumps, boilers and ventilation and services them
 * under yearly contracts, for developers, builders, hotels, clinics, homeowners' associations and
 * households of Bucharest, Ilfov and the counties around: the partners, delegates, bank accounts,
 * delivery points and agents of its old invoicing program, and the contact persons, opportunities
 * and activities of the sales spreadsheet-turned-CRM its salespeople keep. The thirteenth
 * hold-out family of `flitmap init`, written without reading the proposer, its tests or its output.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | parteneri.csv | 22% of --rows | partners by code (P0001): companies `SRL`, `SA` (old ones `S.C. ALFA CONSTRUCT S.R.L.`), sole traders `PFA` and `II` under the owner's name surname first, homeowners' associations, **private persons in capitals surname first (`POPESCU ION`), their CNP in `Cod fiscal` now and then**; **`Cod fiscal` the CUI with its check digit, `RO` before it for a VAT payer (`RO12345678`, `RO 12345678`, `ro12345678`), bare for a non-payer; one in forty-five mistyped**; `Nr. Reg. Com.` `J40/1234/2015` (`F` for a sole trader, the year with two digits now and then, `-` for an association); **Bucharest as `București Sector 3`, `Sector 3` or `București, Sectorul 3`, the county as `București`, `Municipiul București` or its code `B`**; ş/ţ with the cedilla; phones `0721 234 567`, `+40 721 234 567`, `021 345 67 89`; **two e-mails in one cell now and then**, one in fifty without its @; placeholders `-` and `nespecificat`; `Termen plata` days; `Plafon credit` and `Sold` `1.234,56 lei`; `Agent` by code; `Cod CAEN`; `Client`/`Furnizor`/`Inactiv` Da/Nu; days `07.08.2025` |
 * | delegati.csv | 12% | the delegates who collect goods: name in capitals surname first, identity card series and number, issued by, the car's plate |
 * | conturi.csv | 10% | bank accounts: IBAN written whole, in groups of four or in lower case; one in twenty-five with two digits swapped; RON or EUR |
 * | puncte_livrare.csv | 6% | delivery points and building sites numbered within their partner |
 * | agenti.csv | the staff | agents by code, with how many partners each has; Cristian Vlad (AG06) has left, without an e-mail |
 * | persoane_contact.csv | 14% | the CRM's people: their company by name with ș and ț and `SRL`, its CUI now and then; prospects' people; private customers |
 * | oportunitati.csv | 14% | opportunities: the partner by code, else by CUI, else by name; prospects' by name alone; **a few a partner deleted from the invoicing program (its code in no row)**; `12.500,00 RON`; `40%`; stages; days |
 * | activitati.csv | 24% | calls, meetings, offers sent, tasks and e-mails: done, planned or cancelled; `1 oră`, `1,5 ore`, `30 min`; about an opportunity, a person or a company |
 *
 * The invoicing program writes Windows-1250, `;`, quoted only where needed, CRLF. The CRM writes
 * UTF-8 with a byte order mark, `,`, quoted where needed, LF, and `N/A` for nothing.
 */
import type { Rng } from "../prng.js";
import { draftsByDay, RowStream, UniqueNames, workMoment, type FamilyExport, type FamilyOptions, type SeedUser } from "./family.js";
import {
  ACCOUNT_HEADERS,
  accountRows,
  AGENT_HEADERS,
  agentRows,
  buildPartners,
  DELEGATE_HEADERS,
  delegateRows,
  PARTNER_HEADERS,
  POINT_HEADERS,
  pointRows,
  type Partner,
} from "./parteneri-erp.js";
import {
  EXPORT_DAY,
  FORMER,
  fullName,
  lei,
  mailName,
  phone,
  place,
  roDay,
  roMoment,
  romanianPerson,
  STAFF,
  staffEmail,
  type Agent,
} from "./parteneri-vocab.js";

/** The owner as the CRM writes its users, by full name; nobody now and then, the one who left on old records. */
function owner(rng: Rng, agent: Agent | undefined, when: number): string {
  if (rng.chance(0.05)) return "";
  const person = agent ?? (when < EXPORT_DAY - 500 && rng.chance(0.15) ? FORMER : rng.pick(STAFF));
  return fullName(person);
}

/** A company the CRM names: the invoicing program's partner, or a prospect it lacks. */
interface Company {
  readonly name: string;
  readonly partner: Partner | undefined;
}

const PROSPECTS = [
  "Nova Residence",
  "Green Office Park",
  "Hotel Lacul Morii",
  "Clinica Sf. Maria",
  "Vila Snagov",
  "Rin Business Center",
  "Școala Primară Sf. Andrei",
  "Cartier Latin Residence",
];

function prospects(): Company[] {
  return PROSPECTS.map((name) => ({ name: `${name} SRL`, partner: undefined }));
}

function cuiAsWritten(rng: Rng, partner: Partner): string {
  return rng.chance(0.5) ? `RO${partner.cui}` : partner.cui;
}

interface Contact {
  readonly id: string;
  readonly full: string;
  readonly company: Company | undefined;
}

const CONTACT_HEADERS = ["ID", "Prenume", "Nume", "Companie", "CUI companie", "Funcție", "Telefon", "Email", "Acord GDPR", "Responsabil", "Creat la"];
const FUNCTIONS = ["Administrator", "Director tehnic", "Achiziții", "Diriginte de șantier", "Contabil-șef", "Director general", "Administrator bloc"];

function buildContacts(options: FamilyOptions, count: number, companies: readonly Company[]): { rows: string[][]; contacts: Contact[] } {
  const stream = new RowStream(options.seed, "parteneri.persoane");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const company = rng.chance(0.88) ? companies[(index * 3 + rng.int(0, 2)) % companies.length] : undefined;
    let person = romanianPerson(rng);
    const draw = (): string => {
      person = romanianPerson(rng);
      return `${person.first} ${person.last}`;
    };
    const full = names.take(draw, draw);
    const mailbox = `${mailName(person.first)}.${mailName(person.last)}`;
    const host =
      company?.partner?.domain ??
      (company === undefined ? rng.pick(["yahoo.com", "gmail.com"]) : `${mailName(company.name.split(" ").slice(0, 2).join(""))}.ro`);
    const created = workMoment(rng, EXPORT_DAY - 3 * 365, EXPORT_DAY - 5);
    const id = `C-${1001 + index}`;
    rows.push([
      id,
      person.first,
      person.last,
      company?.name ?? "",
      company?.partner !== undefined && rng.chance(0.4) ? cuiAsWritten(rng, company.partner) : "",
      company !== undefined && rng.chance(0.7) ? rng.pick(FUNCTIONS) : "",
      rng.chance(0.85) ? phone(rng, company?.partner?.place.county ?? place(rng).county, true) : "N/A",
      index % 40 === 17 ? `${mailbox}.${host}` : rng.chance(0.85) ? `${mailbox}@${host}` : "",
      rng.chance(0.6) ? "Da" : "Nu",
      owner(rng, company?.partner?.agent === FORMER ? undefined : company?.partner?.agent, created.days),
      roMoment(created.days, created.minute),
    ]);
    contacts.push({ id, full, company });
  }
  return { rows, contacts };
}

interface Deal {
  readonly id: string;
  readonly created: number;
  readonly company: Company | undefined;
  readonly contact: Contact | undefined;
}

const DEAL_HEADERS = [
  "ID",
  "Titlu",
  "Cod client",
  "Companie",
  "CUI",
  "Persoană de contact",
  "Etapă",
  "Probabilitate",
  "Valoare",
  "Data estimată închidere",
  "Sursă",
  "Responsabil",
  "Motiv pierdere",
  "Creat la",
  "Note",
];
const OPEN_STAGES: readonly (readonly [string, number])[] = [
  ["Nou", 10],
  ["Calificat", 25],
  ["Ofertă trimisă", 50],
  ["Negociere", 75],
];
const SUBJECTS = [
  "Climatizare birouri etaj 3",
  "Centrală termică și calorifere",
  "Sistem VRF hotel",
  "Mentenanță anuală chillere",
  "Ventilație cu recuperare de căldură",
  "Pompă de căldură vilă",
  "Înlocuire coloane bloc",
];
const LOSS_REASONS = ["Preț prea mare", "A ales concurența", "Amânat", "Fără buget"];
const SOURCES = ["Recomandare", "Site web", "Facebook", "Târg Construct Expo", "Client existent", "N/A"];

function dealRow(rng: Rng, id: string, created: number, company: Company | undefined, contact: Contact | undefined, deleted: string): string[] {
  const stage =
    created > EXPORT_DAY - 40
      ? rng.pick(OPEN_STAGES)[0]
      : rng.weighted<string>([...OPEN_STAGES.map(([name]) => [name, 1] as const), ["Câștigat", 4], ["Pierdut", 3]]);
  const probability = stage === "Câștigat" ? 100 : stage === "Pierdut" ? 0 : (OPEN_STAGES.find(([name]) => name === stage)?.[1] ?? 10);
  const partner = company?.partner;
  const byCode = deleted !== "" || (partner !== undefined && rng.chance(0.5));
  const amount = rng.int(8, 900) * 50_000 + rng.pick([0, 0, 25_050]);
  return [
    id,
    rng.pick(SUBJECTS),
    deleted !== "" ? deleted : byCode ? (partner?.code ?? "") : "",
    company?.name ?? "",
    partner !== undefined && !byCode && rng.chance(0.6) ? cuiAsWritten(rng, partner) : "",
    contact?.full ?? "",
    stage,
    `${probability}%`,
    rng.chance(0.05) ? "N/A" : rng.chance(0.15) ? String(Math.floor(amount / 100)) : lei(amount, "RON"),
    rng.chance(0.1) ? "" : roDay(created + rng.int(20, 180)),
    rng.chance(0.85) ? rng.pick(SOURCES) : "",
    owner(rng, partner?.agent === FORMER ? undefined : partner?.agent, created),
    stage === "Pierdut" ? rng.pick(LOSS_REASONS) : "",
    roMoment(created, rng.int(8 * 60, 17 * 60)),
    rng.chance(0.3) ? rng.pick(["Vizită tehnică făcută.", "Două variante:\n- Daikin\n- Mitsubishi", "Așteaptă aprobarea asociației."]) : "",
  ];
}

function buildDeals(
  options: FamilyOptions,
  count: number,
  companies: readonly Company[],
  contacts: readonly Contact[],
  partners: number,
): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "parteneri.oportunitati");
  const households = contacts.filter((contact) => contact.company === undefined);
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 2 * 365, EXPORT_DAY - 2))) {
    const id = `OP-${String(rows.length + 1).padStart(4, "0")}`;
    // A partner deleted from the invoicing program: its code is in no row.
    const deleted = rows.length === 3 || rng.chance(0.03) ? `P${String(partners + rng.int(1, 40)).padStart(4, "0")}` : "";
    const household = deleted === "" && rng.chance(0.15) && households.length > 0 ? rng.pick(households) : undefined;
    const company =
      deleted !== ""
        ? { name: `${rng.pick(["Omega", "Sigma", "Atlas"])} Construct SRL`, partner: undefined }
        : household === undefined
          ? rng.pick(companies)
          : undefined;
    const theirs = contacts.filter((contact) => contact.company !== undefined && contact.company === company);
    const contact = household ?? (theirs.length > 0 && rng.chance(0.7) ? rng.pick(theirs) : undefined);
    rows.push(dealRow(rng, id, created, company, contact, deleted));
    if (deleted === "") deals.push({ id, created, company, contact });
  }
  return { rows, deals };
}

const ACTIVITY_HEADERS = ["ID", "Tip", "Subiect", "Data", "Durată", "Stare", "Oportunitate", "Companie", "Persoană", "Responsabil", "Note"];
const KINDS: readonly (readonly [string, number])[] = [
  ["Apel", 8],
  ["Întâlnire", 4],
  ["Ofertă trimisă", 3],
  ["Email", 2],
  ["Sarcină", 5],
];
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  Apel: ["Confirmare programare montaj", "Întrebare despre garanție", "Reclamație zgomot unitate exterioară", "Amintire plată avans"],
  Întâlnire: ["Vizită tehnică la fața locului", "Prezentare ofertă", "Semnare contract"],
  "Ofertă trimisă": ["Ofertă climatizare", "Ofertă mentenanță", "Ofertă revizuită"],
  Email: ["Trimis fișe tehnice", "Copie factură", "Program revizii"],
  Sarcină: ["Calcul necesar termic", "Comandă unități interioare", "Emite factură avans"],
};

/** A length as the CRM writes it: "10 min", "1 oră", "1,5 ore", "2 ore". */
function lengthText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes === 60) return "1 oră";
  return minutes % 60 === 0 ? `${minutes / 60} ore` : `${String(minutes / 60).replace(".", ",")} ore`;
}

function activityCells(
  rng: Rng,
  moment: { days: number; minute: number },
  companies: readonly Company[],
  contacts: readonly Contact[],
  deals: readonly Deal[],
): string[] {
  const kind = rng.weighted(KINDS);
  const roll = rng.float();
  const earlier = deals.filter((deal) => deal.created <= moment.days);
  const deal = roll < 0.45 && earlier.length > 0 ? rng.pick(earlier) : undefined;
  const contact = deal === undefined && roll >= 0.45 && roll < 0.62 ? rng.pick(contacts) : undefined;
  const company = deal === undefined && contact === undefined && roll < 0.95 ? rng.pick(companies) : contact?.company;
  const internal = deal === undefined && contact === undefined && company === undefined;
  const past = moment.days < EXPORT_DAY;
  const state = past
    ? rng.weighted<string>([
        ["Finalizată", 80],
        ["Anulată", 12],
        ["Planificată", 8],
      ])
    : rng.chance(0.1)
      ? "Anulată"
      : "Planificată";
  const length = kind === "Întâlnire" ? rng.pick([30, 60, 90, 120]) : kind === "Apel" ? rng.int(1, 4) * 5 : 0;
  return [
    kind,
    internal ? rng.pick(["Ședință echipă montaj", "Inventar depozit", "Instruire F-gaz"]) : rng.pick(TOPICS[kind] ?? ["Contact"]),
    kind === "Sarcină" && rng.chance(0.6) ? roDay(moment.days) : roMoment(moment.days, moment.minute),
    length === 0 ? "" : lengthText(length),
    kind === "Ofertă trimisă" && past ? "Finalizată" : state,
    deal?.id ?? "",
    (deal?.company ?? company)?.name ?? "",
    (deal?.contact ?? contact)?.full ?? "",
    owner(rng, undefined, moment.days),
    !internal && rng.chance(0.3)
      ? rng.pick([
          "Clientul vrea două variante.",
          "Sunați după ora 15.",
          "Instalație veche, trebuie înlocuită.\nPoze atașate.",
          "De acord cu oferta, avans 30%.",
        ])
      : "",
  ];
}

function buildActivities(
  options: FamilyOptions,
  count: number,
  companies: readonly Company[],
  contacts: readonly Contact[],
  deals: readonly Deal[],
): string[][] {
  const stream = new RowStream(options.seed, "parteneri.activitati");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const drawn = workMoment(rng, EXPORT_DAY - 500, EXPORT_DAY + 40);
    const moment = { days: drawn.days, minute: Math.floor(drawn.minute / 15) * 15 };
    return { order: moment.days * 1440 + moment.minute, cells: activityCells(rng, moment, companies, contacts, deals) };
  }).sort((a, b) => a.order - b.order);
  return entries.map((entry, index) => [`A-${String(index + 1).padStart(5, "0")}`, ...entry.cells]);
}

export function generateParteneri(options: FamilyOptions): FamilyExport {
  const { rows: partnerRows, partners } = buildPartners(options, Math.max(60, Math.round(options.rows * 0.22)));
  const delegates = delegateRows(options, Math.max(10, Math.round(options.rows * 0.12)), partners);
  const accounts = accountRows(options, Math.max(10, Math.round(options.rows * 0.1)), partners);
  const points = pointRows(options, Math.max(8, Math.round(options.rows * 0.06)), partners);
  const customers = partners.filter((partner) => !partner.bad && partner.active && !partner.supplier && partner.kind !== "fizica");
  const companies: Company[] = [...customers.map((partner) => ({ name: partner.crmName, partner })), ...prospects()];
  const { rows: contactRows, contacts } = buildContacts(options, Math.max(20, Math.round(options.rows * 0.14)), companies);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(15, Math.round(options.rows * 0.14)), companies, contacts, partners.length);
  const activities = buildActivities(options, Math.max(30, Math.round(options.rows * 0.24)), companies, contacts, deals);
  const users: SeedUser[] = STAFF.map((member) => ({ login: staffEmail(member), name: fullName(member), email: staffEmail(member) }));
  const invoicing = { delimiter: ";", encoding: "windows-1250", bom: false, newline: "\r\n", quoteAll: false } as const;
  return {
    system: "parteneri",
    dialect: { delimiter: ",", encoding: "utf-8", bom: true, newline: "\n", quoteAll: false },
    tables: [
      { file: "parteneri.csv", headers: PARTNER_HEADERS, rows: partnerRows, dialect: invoicing },
      { file: "delegati.csv", headers: DELEGATE_HEADERS, rows: delegates, dialect: invoicing },
      { file: "conturi.csv", headers: ACCOUNT_HEADERS, rows: accounts, dialect: invoicing },
      { file: "puncte_livrare.csv", headers: POINT_HEADERS, rows: points, dialect: invoicing },
      { file: "agenti.csv", headers: AGENT_HEADERS, rows: agentRows(partners), dialect: invoicing },
      { file: "persoane_contact.csv", headers: CONTACT_HEADERS, rows: contactRows },
      { file: "oportunitati.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "activitati.csv", headers: ACTIVITY_HEADERS, rows: activities },
    ],
    users,
  };
}

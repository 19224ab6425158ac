/**
 * Anagrafe: the export of the small Italian ERP of a window and door maker near Bergamo (Infissi
 * Valbrembo S.r.l.): its customer registry (anagrafica clienti), contacts, quotes with their
 * lines, and the agenda. The fourth hold-out family of `flitmap init`, written without reading
 * the proposer or its output: Italian headers, `;`-separated UTF-8 with a byte order mark and
 * CRLF (Excel's "CSV UTF-8" in an Italian locale), `dd/MM/yyyy` dates, times as `9.30`, decimal
 * commas (thousands dots only in totals), `Sì`/`No`.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | clienti.csv | 30% of --rows | the registry: companies, sole traders, private persons and public bodies, told apart by `Tipo soggetto`; `Cognome`/`Nome` are filled for sole traders too; `Sede principale` is a branch's head office, by `Codice`; `Agente` an agent's code (agenti.csv); `Categorie` a `,`-separated list of codes (categorie.csv); `Pagamento` a payment code; `IBAN` the customer's bank account; `Prov.` "EE" abroad |
 * | categorie.csv | 7 | the customer categories: code, description, how many customers have it |
 * | agenti.csv | 6 | the sales agents: code, name ("Rota Davide"), e-mail; one has left, one is an outside agency |
 * | contatti.csv | about 30% | the people at a customer, keyed by the customer's code and a number |
 * | offerte.csv | 15% | quotes numbered `2025/0042`, by customer code; `Validità` "00/00/0000" when open-ended; `Imponibile` the total before VAT |
 * | offerte_righe.csv | 2-6 a quote | quote lines numbered 10, 20, 30; a line without an article is a text line; `Sconto` a cascade such as "10+5" |
 * | agenda_2024.csv, agenda_2025.csv, agenda_2026.csv | 30%, by year | calls, site surveys, showroom appointments, e-mails and reminders, with the time they start (`9.30`) and, for appointments, end; `Cliente` is the customer's Ragione sociale (not its code), `Operatore` the user as "ROTA DAVIDE" or "SEGRETERIA", `Stato` Da fare / Eseguito / Annullato |
 *
 * Placeholders: "n.d." (non disponibile) in phones, "00/00/0000" in dates, "EE" as the province
 * of a customer abroad. The agent AG05 (Paolo Carminati) has left, AG07 is an outside agency: no
 * Odoo user has their e-mail. A few contacts belong to a customer deleted before the export, a
 * few quotes name such a customer, and some quote lines an article no longer sold.
 */
import type { Rng } from "../prng.js";
import {
  AGENCY,
  AGENDA_KINDS,
  AGENDA_SUBJECTS,
  AGENTS,
  ANAGRAFE_FIRM,
  CATEGORIES,
  COMPANY_TAILS,
  COMPANY_WORDS,
  DISCOUNTS,
  DURATIONS,
  FIRST_FEMALE,
  FIRST_MALE,
  FOREIGN_PLACES,
  FORMER_AGENT,
  LEGAL_FORMS,
  NOTE_LINES,
  OUTCOMES,
  PAYMENT_CODES,
  PLACES,
  PRODUCTS,
  QUOTE_NOTES,
  QUOTE_STATES,
  QUOTE_SUBJECTS,
  REMARKS,
  RETIRED_PRODUCT,
  ROLES,
  STREETS,
  STUDIO_TITLES,
  SURNAMES,
  TITLES_FEMALE,
  TITLES_MALE,
  type Place,
} from "./anagrafe-vocab.js";
import { anagrafeIban, codiceFiscale, partitaIva, sdiCode, type Person } from "./anagrafe-codes.js";
import {
  amountText,
  day,
  dayText,
  draftsByDay,
  momentText,
  pad,
  RowStream,
  slug,
  someOf,
  staffUsers,
  UniqueNames,
  workMoment,
  YearSerials,
  type FamilyExport,
  type FamilyOptions,
} from "./family.js";
import { civilFromDays } from "../formats.js";

const EXPORT_DAY = day(2026, 3, 13);
const HISTORY_START = day(2014, 2, 3);
const AGENDA_START = day(2024, 1, 8);

type Kind = "Società" | "Ditta individuale" | "Persona fisica" | "Ente pubblico";

/** A customer other files point to. */
interface Customer {
  readonly code: string;
  readonly name: string;
  readonly kind: Kind;
  readonly agent: string;
  readonly categories: readonly string[];
  readonly vat: string;
  readonly fiscalCode: string;
  readonly place: Place;
}

function person(rng: Rng): Person {
  const female = rng.chance(0.45);
  return { first: female ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE), last: rng.pick(SURNAMES), female };
}

function phone(rng: Rng, prefix: string): string {
  if (prefix.startsWith("+")) return `${prefix} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
  const digits = String(rng.int(0, 10 ** (10 - prefix.length) - 1)).padStart(10 - prefix.length, "0");
  return rng.chance(0.4) ? `${prefix}/${digits}` : `${prefix} ${digits}`;
}

function mobile(rng: Rng): string {
  const number = `3${rng.int(20, 49)} ${rng.int(1_000_000, 9_999_999)}`;
  return rng.chance(0.2) ? `+39 ${number}` : number;
}

function agentCode(rng: Rng, kind: Kind): string {
  if (rng.chance(kind === "Persona fisica" ? 0.2 : 0.06)) return "";
  if (rng.chance(0.06)) return FORMER_AGENT.code;
  if (rng.chance(0.08)) return AGENCY.code;
  return rng.pick(AGENTS).code;
}

function categoriesOf(rng: Rng, kind: Kind): string[] {
  if (kind === "Persona fisica") return ["PRI"];
  if (kind === "Ente pubblico") return ["ENT"];
  const chosen = kind === "Ditta individuale" ? someOf(rng, ["PRG", "SER", "RIV"], 1) : someOf(rng, ["IMP", "RIV", "SER", "AMM"], 2);
  // A category deleted from the table, still on a few customers.
  return rng.chance(0.03) ? [...chosen, "EXP"] : chosen;
}

function kindName(rng: Rng, kind: Kind, owner: Person, place: Place): string {
  if (kind === "Persona fisica") return `${owner.last} ${owner.first}`;
  if (kind === "Ente pubblico") return rng.chance(0.8) ? `Comune di ${place.city}` : `Istituto Comprensivo di ${place.city}`;
  if (kind === "Ditta individuale")
    return rng.chance(0.5) ? `${rng.pick(STUDIO_TITLES)} ${owner.last} ${owner.first}` : `Serramenti ${owner.last} di ${owner.last} ${owner.first}`;
  const core = rng.chance(0.6) ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(SURNAMES)}` : `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_TAILS)}`;
  return `${core} ${rng.weighted(LEGAL_FORMS)}`;
}

function customerRow(rng: Rng, customer: Customer, owner: Person | undefined, headOffice: string): string[] {
  const { kind, place } = customer;
  const business = kind !== "Persona fisica";
  const domain = `${slug(customer.name.split(" ").slice(0, 2).join(""))}.it`;
  const email = business
    ? rng.chance(0.85)
      ? `${rng.pick(["info", "amministrazione", "ufficiotecnico"])}@${domain}`
      : ""
    : owner !== undefined && rng.chance(0.7)
      ? `${slug(owner.first)}.${slug(owner.last)}@${rng.pick(["gmail.com", "libero.it", "alice.it"])}`
      : "";
  const iban = business && rng.chance(0.4) ? anagrafeIban(rng) : "";
  const modified = workMoment(rng, HISTORY_START + 400, EXPORT_DAY - 1);
  return [
    customer.code,
    customer.name,
    kind,
    owner === undefined || !(kind === "Persona fisica" || kind === "Ditta individuale") ? "" : owner.last,
    owner === undefined || !(kind === "Persona fisica" || kind === "Ditta individuale") ? "" : owner.first,
    customer.vat,
    customer.fiscalCode,
    `${rng.pick(STREETS)}, ${rng.int(1, 120)}${rng.chance(0.1) ? "/A" : ""}`,
    place.cap,
    place.city,
    place.province,
    place.country,
    rng.chance(0.08) ? "n.d." : business || rng.chance(0.3) ? phone(rng, place.phone) : "",
    email,
    business && kind !== "Ente pubblico" && rng.chance(0.7)
      ? `${slug(customer.name.split(" ").slice(0, 2).join(""))}@${rng.pick(["pec.it", "legalmail.it"])}`
      : "",
    sdiCode(rng, kind === "Persona fisica" ? "person" : kind === "Ente pubblico" ? "public" : place.country === "IT" ? "company" : "abroad"),
    customer.agent,
    customer.categories.join(","),
    kind === "Persona fisica" ? "RD" : rng.weighted(PAYMENT_CODES),
    iban,
    headOffice,
    rng.chance(0.06) ? "Sì" : "No",
    rng.chance(0.8) ? "" : `${rng.pick(REMARKS)}${rng.chance(0.3) ? `\r\n${rng.pick(REMARKS)}` : ""}`,
    `${momentText(modified, "yyyy-MM-dd")}:${pad(rng.int(0, 59))}`,
  ];
}

function buildCustomers(options: FamilyOptions, count: number): { rows: string[][]; customers: Customer[] } {
  const stream = new RowStream(options.seed, "anagrafe.clienti");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const customers: Customer[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const code = pad(101 + index * 3 + (index % 2), 6);
    const heads = customers.filter((customer) => customer.kind === "Società" && !customer.name.includes(" - Filiale di "));
    const head = index >= 20 && rng.chance(0.1) ? rng.pick(heads.slice(0, 60)) : undefined;
    const kind: Kind =
      head !== undefined
        ? "Società"
        : rng.weighted<Kind>([
            ["Società", 50],
            ["Ditta individuale", 14],
            ["Persona fisica", 28],
            ["Ente pubblico", 5],
          ]);
    const place = kind === "Società" && rng.chance(0.07) ? rng.pick(FOREIGN_PLACES) : rng.pick(PLACES);
    const owner = kind === "Persona fisica" || kind === "Ditta individuale" ? person(rng) : undefined;
    const name =
      head !== undefined
        ? names.take(
            () => `${head.name} - Filiale di ${place.city}`,
            (taken, attempt) => `${taken} ${attempt}`,
          )
        : names.take(
            () => kindName(rng, kind, owner ?? person(rng), place),
            (taken, attempt) => (kind === "Persona fisica" ? `${taken} (${attempt})` : `${taken} - ${attempt}`),
          );
    // A branch shares its head office's VAT number and tax code.
    const vat = head?.vat ?? (kind === "Persona fisica" ? "" : partitaIva(rng, place.country));
    const fiscalCode =
      head?.fiscalCode ??
      (owner !== undefined ? codiceFiscale(rng, owner) : place.country === "IT" ? (kind === "Ente pubblico" ? `8${vat.slice(1)}` : vat) : "");
    const customer: Customer = {
      code,
      name,
      kind,
      agent: head?.agent ?? agentCode(rng, kind),
      categories: head?.categories ?? categoriesOf(rng, kind),
      vat,
      fiscalCode,
      place,
    };
    rows.push(customerRow(rng, customer, owner, head?.code ?? ""));
    customers.push(customer);
  }
  return { rows, customers };
}

function buildContacts(options: FamilyOptions, customers: readonly Customer[]): string[][] {
  const stream = new RowStream(options.seed, "anagrafe.contatti");
  const rows: string[][] = [];
  customers.forEach((customer, index) => {
    if (customer.kind === "Persona fisica") return;
    const rng = stream.row(index);
    // A customer deleted before the export left its contacts behind, under its old code.
    const code = rng.chance(0.02) ? pad(900_001 + index, 6) : customer.code;
    const count =
      customer.kind === "Ditta individuale"
        ? rng.int(0, 1)
        : rng.weighted([
            [0, 2],
            [1, 3],
            [2, 3],
            [3, 2],
          ] as const);
    for (let number = 1; number <= count; number++) {
      const someone = person(rng);
      const domain = `${slug(customer.name.split(" ").slice(0, 2).join(""))}.it`;
      rows.push([
        code,
        String(number),
        rng.chance(0.05) ? "" : rng.weighted(someone.female ? TITLES_FEMALE : TITLES_MALE),
        someone.last,
        someone.first,
        rng.pick(ROLES),
        rng.chance(0.5) ? `${phone(rng, customer.place.phone)}${rng.chance(0.3) ? ` int. ${rng.int(10, 59)}` : ""}` : "",
        rng.chance(0.6) ? mobile(rng) : "",
        rng.chance(0.75) ? `${slug(someone.first).charAt(0)}.${slug(someone.last)}@${domain}` : "",
      ]);
    }
  });
  return rows;
}

interface Quote {
  readonly number: string;
  readonly issued: number;
  readonly customer: Customer | undefined;
  readonly row: string[];
  readonly lines: string[][];
}

function euroCents(amount: number): string {
  return amountText(amount, "", ",");
}

/** Cents after the cascade of discounts "10+5": 10% off, then 5% off what is left. */
function discounted(cents: number, cascade: string): number {
  return cascade === "" ? cents : Math.round(cascade.split("+").reduce((value, step) => value * (1 - Number(step) / 100), cents));
}

function quoteLines(rng: Rng, number: string, vatRate: string): { lines: string[][]; total: number } {
  const lines: string[][] = [];
  let total = 0;
  const products = rng.int(1, 5);
  for (let index = 0; index < products; index++) {
    const product = rng.chance(0.04) ? RETIRED_PRODUCT : rng.pick(PRODUCTS);
    const quantity = product.unit === "pz" ? rng.int(1, 12) : product.unit === "ml" ? rng.int(10, 60) : rng.int(4, 24);
    const price = Math.round(product.price * (0.9 + rng.int(0, 20) / 100) * 100);
    const discount = rng.weighted(DISCOUNTS);
    total += discounted(quantity * price, discount);
    lines.push([number, String((index + 1) * 10), product.code, product.name, product.unit, `${quantity},00`, euroCents(price), discount, vatRate]);
  }
  if (rng.chance(0.4)) lines.push([number, String((products + 1) * 10), "", rng.pick(NOTE_LINES), "", "", "", "", ""]);
  return { lines, total };
}

function buildQuotes(options: FamilyOptions, count: number, customers: readonly Customer[]): Quote[] {
  const stream = new RowStream(options.seed, "anagrafe.offerte");
  const serials = new YearSerials();
  return draftsByDay(stream, count, (rng) => workMoment(rng, HISTORY_START + 3000, EXPORT_DAY - 3).days).map(({ rng, day: issued }) => {
    const { year, serial: sequence } = serials.next(issued);
    const number = `${year}/${pad(sequence * 3 + rng.int(0, 2), 4)}`;
    const customer = rng.chance(0.02) ? undefined : rng.pick(customers);
    const { lines, total } = quoteLines(rng, number, customer?.kind === "Persona fisica" ? "10" : "22");
    const state = issued > EXPORT_DAY - 20 && rng.chance(0.5) ? "Bozza" : rng.weighted(QUOTE_STATES);
    const row = [
      number,
      dayText(issued, "dd/MM/yyyy"),
      customer?.code ?? pad(950_000 + sequence, 6),
      `${rng.pick(QUOTE_SUBJECTS)} - ${customer?.kind === "Persona fisica" ? `abitazione a ${customer.place.city}` : (customer?.name ?? "cantiere")}`,
      state,
      rng.chance(0.15) ? "00/00/0000" : dayText(issued + rng.pick([30, 60, 90]), "dd/MM/yyyy"),
      customer?.agent === "" || customer === undefined ? rng.pick(AGENTS).code : customer.agent,
      amountText(total, ".", ","),
      rng.chance(0.6) ? "" : rng.pick(QUOTE_NOTES),
    ];
    return { number, issued, customer, row, lines };
  });
}

/** A time of day as the agenda writes it: "9.30", "14.00". */
function clockText(minute: number): string {
  return `${Math.floor(minute / 60)}.${pad(minute % 60)}`;
}

const OPERATORS = AGENTS.map((agent) => `${agent.last} ${agent.first}`.toUpperCase());

function operator(rng: Rng, when: number): string {
  if (rng.chance(0.15)) return "SEGRETERIA";
  if (when < day(2025, 6, 1) && rng.chance(0.08)) return `${FORMER_AGENT.last} ${FORMER_AGENT.first}`.toUpperCase();
  return rng.pick(OPERATORS);
}

function agendaState(rng: Rng, when: number): string {
  if (when < EXPORT_DAY)
    return rng.weighted([
      ["Eseguito", 85],
      ["Da fare", 8],
      ["Annullato", 7],
    ] as const);
  return rng.chance(0.05) ? "Annullato" : "Da fare";
}

function buildAgenda(options: FamilyOptions, count: number, customers: readonly Customer[], quotes: readonly Quote[]): Map<number, string[][]> {
  const stream = new RowStream(options.seed, "anagrafe.agenda");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, AGENDA_START, EXPORT_DAY + 60);
    // An entry about a quote follows it, within a year.
    const recent = quotes.filter((quote) => quote.issued <= moment.days && quote.issued > moment.days - 365);
    const quote = recent.length > 0 && rng.chance(0.4) ? rng.pick(recent) : undefined;
    const customer = quote?.customer ?? rng.pick(customers);
    const kind = rng.weighted(AGENDA_KINDS);
    const appointment = kind === "Sopralluogo" || kind === "Appuntamento";
    const timed = appointment || rng.chance(0.6);
    const state = agendaState(rng, moment.days);
    const start = Math.floor(moment.minute / 15) * 15;
    return {
      days: moment.days,
      cells: [
        dayText(moment.days, "dd/MM/yyyy"),
        timed ? clockText(start) : "",
        appointment ? clockText(start + rng.pick(DURATIONS)) : "",
        kind,
        rng.pick(AGENDA_SUBJECTS[kind] ?? ["Promemoria"]),
        customer.name,
        quote?.customer === undefined ? "" : quote.number,
        operator(rng, moment.days),
        state,
        state === "Eseguito" && rng.chance(0.7) ? rng.pick(OUTCOMES) : "",
      ],
    };
  }).sort((a, b) => a.days - b.days);
  const byYear = new Map<number, string[][]>();
  entries.forEach((entry, index) => {
    const year = civilFromDays(entry.days).year;
    byYear.set(year, [...(byYear.get(year) ?? []), [String(70_001 + index), ...entry.cells]]);
  });
  return byYear;
}

function agentRows(options: FamilyOptions): string[][] {
  const rng = new RowStream(options.seed, "anagrafe.agenti").row(0);
  const commission = (): string => `${rng.int(3, 8)},${rng.pick(["00", "50"])}`;
  const staff = AGENTS.map((agent, index) => [
    agent.code,
    `${agent.last} ${agent.first}`,
    // The ERP keeps e-mails as typed; Odoo matches them ignoring case.
    index === 1 ? `${agent.first}.${agent.last}@InfissiValbrembo.it` : `${slug(agent.first)}.${slug(agent.last)}@${ANAGRAFE_FIRM.domain}`,
    commission(),
    "Sì",
  ]);
  return [
    ...staff,
    [
      FORMER_AGENT.code,
      `${FORMER_AGENT.last} ${FORMER_AGENT.first}`,
      `${slug(FORMER_AGENT.first)}.${slug(FORMER_AGENT.last)}@${ANAGRAFE_FIRM.domain}`,
      commission(),
      "No",
    ],
    ["AG06", "Bonfanti Gianluca", "", commission(), "No"],
    [AGENCY.code, AGENCY.name, AGENCY.email, commission(), "Sì"],
  ];
}

export const ANAGRAFE_HEADERS = {
  clienti: [
    "Codice",
    "Ragione sociale",
    "Tipo soggetto",
    "Cognome",
    "Nome",
    "Partita IVA",
    "Codice fiscale",
    "Indirizzo",
    "CAP",
    "Località",
    "Prov.",
    "Nazione",
    "Telefono",
    "E-mail",
    "PEC",
    "Codice SDI",
    "Agente",
    "Categorie",
    "Pagamento",
    "IBAN",
    "Sede principale",
    "Obsoleto",
    "Note",
    "Ultima modifica",
  ],
  categorie: ["Codice", "Descrizione", "Nr. clienti"],
  agenti: ["Codice", "Nominativo", "E-mail", "Provvigione %", "Attivo"],
  contatti: ["Cod. cliente", "Nr.", "Titolo", "Cognome", "Nome", "Ruolo", "Telefono", "Cellulare", "E-mail"],
  offerte: ["Nr. offerta", "Data", "Cod. cliente", "Oggetto", "Stato", "Validità", "Agente", "Imponibile", "Note"],
  righe: ["Nr. offerta", "Riga", "Cod. articolo", "Descrizione", "U.M.", "Quantità", "Prezzo unitario", "Sconto", "IVA %"],
  agenda: ["ID", "Data", "Ora inizio", "Ora fine", "Tipo", "Oggetto", "Cliente", "Nr. offerta", "Operatore", "Stato", "Esito"],
} as const;

export function generateAnagrafe(options: FamilyOptions): FamilyExport {
  const { rows: customerRows, customers } = buildCustomers(options, Math.max(40, Math.round(options.rows * 0.3)));
  const quotes = buildQuotes(options, Math.max(10, Math.round(options.rows * 0.15)), customers);
  const agenda = buildAgenda(options, Math.max(20, Math.round(options.rows * 0.3)), customers, quotes);
  const categoryRows = CATEGORIES.map(([code, label]) => [code, label, String(customers.filter((customer) => customer.categories.includes(code)).length)]);
  return {
    system: "anagrafe",
    dialect: { delimiter: ";", encoding: "utf-8", bom: true, newline: "\r\n", quoteAll: false },
    tables: [
      { file: "clienti.csv", headers: ANAGRAFE_HEADERS.clienti, rows: customerRows },
      { file: "categorie.csv", headers: ANAGRAFE_HEADERS.categorie, rows: categoryRows },
      { file: "agenti.csv", headers: ANAGRAFE_HEADERS.agenti, rows: agentRows(options) },
      { file: "contatti.csv", headers: ANAGRAFE_HEADERS.contatti, rows: buildContacts(options, customers) },
      { file: "offerte.csv", headers: ANAGRAFE_HEADERS.offerte, rows: quotes.map((quote) => quote.row) },
      { file: "offerte_righe.csv", headers: ANAGRAFE_HEADERS.righe, rows: quotes.flatMap((quote) => quote.lines) },
      ...[...agenda.entries()].map(([year, rows]) => ({ file: `agenda_${year}.csv`, headers: ANAGRAFE_HEADERS.agenda, rows })),
    ],
    users: staffUsers(AGENTS, ANAGRAFE_FIRM.domain),
    products: PRODUCTS.map((product) => ({ default_code: product.code, name: product.name, list_price: product.price })),
  };
}

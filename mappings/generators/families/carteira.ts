/**
 * Carteira: the export of the sales CRM of a cleaning-supplies distributor in Campinas (SP),
 * Higiclean Distribuidora: its portfolio of companies (carteira de clientes) with their contact
 * people in repeated columns, private customers and company people, deals in two funnels, and
 * the activity report. A hold-out family of `flitmap init`, written without reading the proposer,
 * its tests or its output: Brazilian Portuguese headers, `dd/MM/yyyy` dates, amounts as
 * `R$ 1.234,56` (with a no-break space after the sign, as the CRM formats money), percentages as
 * `60%`, CNPJ `12.345.678/0001-95` and CPF `123.456.789-09`, `Sim`/`Não`.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | empresas.csv | 30% of --rows | companies, one row each, with up to three contact people in `Contato N - ...` columns (a birthday as `dd/MM`, no year); `Nome fantasia` is required, `Razão social` often blank; a branch names its head office by CNPJ in `Matriz` and shares its legal name and often its trade name; `Responsável` the owner's full name as the CRM writes it, a deactivated one as "Marcos Vieira (inativo)"; `Etiquetas` `, `-separated; `E-mail` sometimes two addresses `; `-separated; `Inscrição estadual` "ISENTO" for exempt bodies |
 * | pessoas.csv | 25% | private customers (with a CPF) and people at a company, which they name by its `Nome fantasia` |
 * | negocios.csv | 30% | deals `NEG-001042` in the funnels Vendas and Licitações with their own stages, by company ID and person ID; `Valor` in reais, `Probabilidade` "60%", `Produtos` `; `-separated with quantities "(x12)", `Qualificação` 1 to 5 stars |
 * | atividades.csv | 60% | the activity report, saved from Excel: Windows-1252 with `;` and unquoted (the rest of the export is UTF-8 with every value quoted); date and time in two columns; the company by its `Nome fantasia`, the person by name, the deal by code; the user as "Ana Paula F." |
 *
 * Phones as `(19) 3251-4400`, a switchboard's extension as "ramal 215". Placeholders: "Não
 * informado" in phones, revenue and head count, "00/00/0000" for an unknown birth date. A seller
 * has left (no Odoo user has the name); one seller's name is written without its accents. A few
 * activities name a company deleted before the export, and a few deals its ID.
 */
import type { Rng } from "../prng.js";
import {
  ACTIVITY_KINDS,
  ACTIVITY_NOTES,
  ACTIVITY_SUBJECTS,
  CARTEIRA_FIRM,
  cnpj,
  cnpjRoot,
  COMPLEMENTS,
  cpf,
  DEAL_TITLES,
  FIRST_FEMALE,
  FIRST_MALE,
  FORMER_SELLER,
  FUNNELS,
  HEADCOUNTS,
  inscricaoEstadual,
  LEGAL_SUFFIXES,
  LOSS_REASONS,
  ORIGINS,
  PLACES,
  PRODUCTS,
  REMARKS,
  ROLES,
  SEGMENTS,
  SELLERS,
  STREET_KINDS,
  STREET_NAMES,
  SURNAMES,
  TAGS,
  TRADE_WORDS,
  type Place,
  type Segment,
} from "./carteira-vocab.js";
import {
  amountText,
  day,
  dayText,
  pad,
  RowStream,
  slug,
  someOf,
  staffMember,
  staffUsers,
  UniqueNames,
  workMoment,
  type FamilyExport,
  type FamilyOptions,
  type StaffPerson,
  type StaffRoster,
} from "./family.js";
import { civilFromDays, type Moment } from "../formats.js";

const EXPORT_DAY = day(2026, 2, 27);
const HISTORY_START = day(2017, 3, 6);
const NOT_GIVEN = "Não informado";
/** Companies deleted before the export, still named by a few activities. */
const DELETED_COMPANIES = ["Padaria Estrela Dalva", "Lanchonete Ponto Certo"] as const;

/** How the CRM writes a seller's name in the owner columns. */
function crmName(person: StaffPerson): string {
  return [...SELLERS, FORMER_SELLER].find((seller) => seller.first === person.first && seller.last === person.last)?.crm ?? `${person.first} ${person.last}`;
}

const OWNERS: StaffRoster = { staff: SELLERS, former: FORMER_SELLER, formerChance: 0.08, unassignedChance: 0.05, unassigned: "" };

interface Company {
  readonly id: string;
  readonly trade: string;
  readonly segment: Segment;
  readonly place: Place;
  readonly domain: string;
  readonly owner: string;
  readonly cnpjRoot: string;
  readonly cnpj: string;
  readonly legalName: string;
  readonly contacts: readonly string[];
}

interface Person {
  readonly id: string;
  readonly name: string;
  readonly company: Company | undefined;
}

function personName(rng: Rng): { first: string; last: string; full: string } {
  const first = rng.chance(0.5) ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE);
  const last = rng.pick(SURNAMES);
  const middle = rng.chance(0.4) ? `${rng.pick(SURNAMES)} ` : "";
  return { first, last, full: `${first} ${middle}${last}` };
}

function digits(rng: Rng, count: number): string {
  return String(rng.int(0, 10 ** count - 1)).padStart(count, "0");
}

function landline(rng: Rng, place: Place): string {
  return `(${place.ddd}) 3${digits(rng, 3)}-${digits(rng, 4)}`;
}

/** A company's switchboard, now and then with an extension ("ramal"). */
function officePhone(rng: Rng, place: Place): string {
  return `${landline(rng, place)}${rng.chance(0.12) ? ` ramal ${rng.int(201, 260)}` : ""}`;
}

function mobile(rng: Rng, place: Place): string {
  return `(${place.ddd}) 9${rng.int(6, 9)}${digits(rng, 3)}-${digits(rng, 4)}`;
}

/** Reais as the CRM formats money: `R$ 1.234,56` with a no-break space. */
function reais(cents: number): string {
  return `R$\u00a0${amountText(cents, ".", ",")}`;
}

function dateTime(moment: Moment): string {
  return `${dayText(moment.days, "dd/MM/yyyy")} ${pad(Math.floor(moment.minute / 60))}:${pad(moment.minute % 60)}`;
}

function address(rng: Rng, place: Place): string[] {
  const cep = `${place.cep}${digits(rng, 5 - place.cep.length)}-${digits(rng, 3)}`;
  return [
    `${rng.weighted(STREET_KINDS)} ${rng.pick(STREET_NAMES)}`,
    rng.chance(0.06) ? "S/N" : String(rng.int(12, 4200)),
    rng.chance(0.3) ? rng.pick(COMPLEMENTS) : "",
    rng.pick(place.districts),
    place.city,
    place.uf,
    cep,
  ];
}

function legalName(rng: Rng, segment: Segment, trade: string): string {
  if (segment === "Condomínio" || segment === "Órgão público") return trade;
  if (rng.chance(0.15)) return "";
  const activity: Record<Segment, string> = {
    Supermercado: "Comércio de Alimentos",
    "Hospital / Clínica": "Serviços Médicos",
    Indústria: "Indústria e Comércio",
    Condomínio: "",
    "Restaurante / Bar": "Restaurante",
    Escola: "Serviços Educacionais",
    "Órgão público": "",
    Hotel: "Hotelaria",
    Facilities: "Serviços de Limpeza",
  };
  return `${trade} ${activity[segment]} ${rng.weighted(LEGAL_SUFFIXES)}`;
}

function contactColumns(rng: Rng, company: { domain: string; place: Place }, count: number): { cells: string[]; names: string[] } {
  const cells: string[] = [];
  const names: string[] = [];
  for (let slot = 1; slot <= 3; slot++) {
    if (slot > count) {
      cells.push("", "", "", "", "");
      continue;
    }
    const someone = personName(rng);
    names.push(someone.full);
    cells.push(
      someone.full,
      rng.chance(0.85) ? rng.pick(ROLES) : "",
      rng.chance(0.7) ? `${slug(someone.first.split(" ")[0] ?? someone.first)}.${slug(someone.last)}@${company.domain}` : "",
      rng.chance(0.6) ? mobile(rng, company.place) : "",
      rng.chance(0.3) ? `${pad(rng.int(1, 28))}/${pad(rng.int(1, 12))}` : "",
    );
  }
  return { cells, names };
}

function tradeName(rng: Rng, segment: Segment, place: Place): string {
  const word = rng.pick(TRADE_WORDS[segment]);
  if (segment === "Órgão público") return `${word} ${place.city === "Rio de Janeiro" ? "do" : "de"} ${place.city}`;
  return rng.chance(0.5) ? word : `${word} ${rng.pick(place.districts)}`;
}

function companyRow(rng: Rng, company: Company, head: Company | undefined, inscricao: string): { cells: string[]; contacts: string[] } {
  const email = rng.chance(0.1)
    ? ""
    : rng.chance(0.15)
      ? `compras@${company.domain}; financeiro@${company.domain}`
      : `${rng.pick(["contato", "compras", "adm"])}@${company.domain}`;
  const contacts = contactColumns(
    rng,
    company,
    rng.weighted([
      [0, 2],
      [1, 4],
      [2, 3],
      [3, 2],
    ] as const),
  );
  const created = workMoment(rng, HISTORY_START, EXPORT_DAY - 30);
  const cells = [
    company.id,
    company.legalName,
    company.trade,
    company.cnpj,
    inscricao,
    company.segment,
    head?.cnpj ?? "",
    ...address(rng, company.place),
    rng.chance(0.05) ? NOT_GIVEN : officePhone(rng, company.place),
    rng.chance(0.5) ? mobile(rng, company.place) : "",
    email,
    rng.chance(0.5) ? `www.${company.domain}` : "",
    company.owner,
    rng.chance(0.7) ? someOf(rng, TAGS, 3).join(", ") : "",
    rng.chance(0.4) ? NOT_GIVEN : reais(rng.int(20, 4000) * 5_000_000),
    rng.chance(0.25) ? NOT_GIVEN : rng.pick(HEADCOUNTS),
    rng.chance(0.6) ? reais(rng.int(1, 60) * 100_000) : "",
    rng.chance(0.6) ? dayText(rng.int(created.days, EXPORT_DAY - 10), "dd/MM/yyyy") : "",
    rng.chance(0.08) ? "Não" : "Sim",
    rng.chance(0.8) ? "" : `${rng.pick(REMARKS)}${rng.chance(0.3) ? `\r\n${rng.pick(REMARKS)}` : ""}`,
    ...contacts.cells,
    dateTime(created),
    dateTime(workMoment(rng, created.days + 1, EXPORT_DAY - 1)),
  ];
  return { cells, contacts: contacts.names };
}

function buildCompanies(options: FamilyOptions, count: number): { rows: string[][]; companies: Company[] } {
  const stream = new RowStream(options.seed, "carteira.empresas");
  const trades = new UniqueNames();
  const rows: string[][] = [];
  const companies: Company[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const heads = companies.filter((company) => company.cnpj.includes("/0001-"));
    const head = index >= 15 && heads.length > 0 && rng.chance(0.08) ? rng.pick(heads) : undefined;
    const segment = head?.segment ?? rng.weighted(SEGMENTS);
    const place = rng.pick(PLACES);
    // A branch keeps its head office's trade name more often than not: the CRM's name links are then ambiguous.
    const trade =
      head !== undefined && rng.chance(0.6)
        ? head.trade
        : trades.take(
            () => (head !== undefined ? `${head.trade} - Unidade ${place.city}` : tradeName(rng, segment, place)),
            (taken, attempt) => `${taken} - Loja ${attempt}`,
          );
    const domain =
      segment === "Órgão público"
        ? `${slug(place.city)}.${place.uf.toLowerCase()}.gov.br`
        : `${slug(trade.split(" - ")[0]?.split(" ").slice(-2).join("") ?? trade)}.com.br`;
    const root = head?.cnpjRoot ?? cnpjRoot(rng);
    const branches = head === undefined ? 1 : companies.filter((company) => company.cnpjRoot === root).length + 1;
    const exempt = segment === "Condomínio" || segment === "Órgão público" || segment === "Facilities";
    const company: Company = {
      id: String(10_250 + index * 7 + rng.int(0, 5)),
      trade,
      segment,
      place,
      domain,
      owner: head?.owner ?? staffMember(rng, OWNERS, crmName),
      cnpjRoot: root,
      cnpj: head === undefined && rng.chance(0.05) ? "" : cnpj(root, branches),
      legalName: head?.legalName ?? legalName(rng, segment, trade),
      contacts: [],
    };
    const inscricao = exempt ? "ISENTO" : rng.chance(0.1) ? "" : inscricaoEstadual(rng, place.uf);
    const { cells, contacts } = companyRow(rng, company, head, inscricao);
    rows.push(cells);
    companies.push({ ...company, contacts });
  }
  return { rows, companies };
}

function buildPeople(options: FamilyOptions, count: number, companies: readonly Company[]): { rows: string[][]; people: Person[] } {
  const stream = new RowStream(options.seed, "carteira.pessoas");
  const rows: string[][] = [];
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const company = rng.chance(0.45) ? rng.pick(companies) : undefined;
    const someone = personName(rng);
    const place = company?.place ?? rng.pick(PLACES);
    const email =
      company !== undefined
        ? `${slug(someone.first.split(" ")[0] ?? someone.first)}.${slug(someone.last)}@${company.domain}`
        : `${slug(someone.first)}${slug(someone.last)}${rng.int(1, 99)}@${rng.pick(["gmail.com", "hotmail.com", "uol.com.br", "bol.com.br", "yahoo.com.br"])}`;
    const born = day(rng.int(1955, 2001), rng.int(1, 12), rng.int(1, 28));
    const id = String(5_000 + index * 3 + rng.int(0, 2));
    rows.push([
      id,
      someone.full,
      company === undefined ? (rng.chance(0.7) ? cpf(rng) : "") : rng.chance(0.2) ? cpf(rng) : "",
      company?.trade ?? "",
      company === undefined ? "" : rng.pick(ROLES),
      rng.chance(0.15) ? "" : email,
      rng.chance(0.3) ? landline(rng, place) : "",
      rng.chance(0.8) ? mobile(rng, place) : "",
      rng.chance(0.1) ? "00/00/0000" : rng.chance(0.45) ? dayText(born, "dd/MM/yyyy") : "",
      place.city,
      place.uf,
      company?.owner ?? staffMember(rng, OWNERS, crmName),
      rng.chance(0.15) ? someOf(rng, ["Cliente ativo", "Revenda", "Inadimplente"], 2).join(", ") : "",
      rng.chance(0.35) ? "Sim" : "Não",
      dateTime(workMoment(rng, HISTORY_START, EXPORT_DAY - 1)),
    ]);
    people.push({ id, name: someone.full, company });
  }
  return { rows, people };
}

interface Deal {
  readonly code: string;
  readonly company: Company | undefined;
  readonly person: Person | undefined;
  readonly created: number;
}

function products(rng: Rng): string {
  return someOf(rng, PRODUCTS, 3)
    .map((product) => `${product} (x${rng.int(1, 40)})`)
    .join("; ");
}

function dealRow(rng: Rng, deal: Deal, owner: string, created: Moment): string[] {
  const { company, person } = deal;
  const funnel: keyof typeof FUNNELS =
    company !== undefined && (company.segment === "Órgão público" || (company.segment === "Hospital / Clínica" && rng.chance(0.4))) ? "Licitações" : "Vendas";
  const stages: readonly string[] = FUNNELS[funnel];
  const status =
    created.days > EXPORT_DAY - 45
      ? "Em andamento"
      : rng.weighted([
          ["Em andamento", 4],
          ["Ganho", 3],
          ["Perdido", 2],
        ] as const);
  // A won deal stands in the funnel's last stage; an open one never does.
  const stageIndex = status === "Ganho" ? stages.length - 1 : rng.int(0, status === "Perdido" ? stages.length - 1 : stages.length - 2);
  const stage = stages[stageIndex] ?? "";
  const probability = status === "Ganho" ? 100 : status === "Perdido" ? 0 : ([10, 20, 40, 60, 80][stageIndex] ?? 50);
  const closed = status === "Em andamento" ? undefined : Math.min(EXPORT_DAY - 1, created.days + rng.int(5, 120));
  const client = company?.trade ?? person?.name ?? "Cliente";
  return [
    deal.code,
    `${rng.pick(DEAL_TITLES)} - ${client}`,
    company?.id ?? (person === undefined ? String(90_001 + rng.int(0, 900)) : ""),
    person?.id ?? "",
    funnel,
    stage,
    status,
    status === "Perdido"
      ? funnel === "Licitações" && rng.chance(0.4)
        ? "Licitação cancelada"
        : rng.pick(LOSS_REASONS.filter((reason) => reason !== "Licitação cancelada"))
      : "",
    rng.chance(0.03) ? reais(0) : reais(rng.int(8, 900) * 5_000 + rng.int(0, 99)),
    rng.chance(0.35) ? "Mensal" : "Única",
    `${probability}%`,
    rng.chance(0.1) ? "" : dayText(created.days + rng.int(15, 150), "dd/MM/yyyy"),
    dateTime(created),
    closed === undefined ? "" : dayText(closed, "dd/MM/yyyy"),
    owner,
    products(rng),
    rng.weighted(ORIGINS),
    rng.chance(0.3) ? "" : String(rng.int(1, 5)),
  ];
}

function buildDeals(options: FamilyOptions, count: number, companies: readonly Company[], people: readonly Person[]): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "carteira.negocios");
  const drafts = Array.from({ length: count }, (_, index) => ({ index, rng: stream.row(index) }));
  const rows: string[][] = [];
  const deals: Deal[] = [];
  const created = drafts.map(({ rng }) => workMoment(rng, HISTORY_START + 900, EXPORT_DAY - 2)).map((moment, index) => ({ moment, index }));
  created.sort((a, b) => a.moment.days - b.moment.days || a.index - b.index);
  created.forEach(({ moment, index }, order) => {
    const rng = drafts[index]?.rng ?? stream.row(index);
    const privates = people.filter((person) => person.company === undefined);
    const kind = rng.weighted([
      ["company", 76],
      ["private", 22],
      ["deleted", 2],
    ] as const);
    const company = kind === "company" ? rng.pick(companies) : undefined;
    const colleagues = people.filter((person) => company !== undefined && person.company === company);
    const person = kind === "private" ? rng.pick(privates) : colleagues.length > 0 && rng.chance(0.4) ? rng.pick(colleagues) : undefined;
    const deal: Deal = { code: `NEG-${pad(1_000 + order * 2 + rng.int(0, 1), 6)}`, company, person, created: moment.days };
    const owner = company?.owner !== undefined && company.owner !== "" && rng.chance(0.8) ? company.owner : staffMember(rng, OWNERS, crmName);
    rows.push(dealRow(rng, deal, owner, moment));
    deals.push(deal);
  });
  return { rows, deals };
}

/** Who an activity is about: a deal, a company (and one of its people), or a private person. */
function activityTarget(rng: Rng, companies: readonly Company[], people: readonly Person[], deals: readonly Deal[], when: number): [string, string, string] {
  const open = deals.filter((deal) => deal.created <= when);
  const roll = rng.float();
  if (roll < 0.02) return [rng.pick(DELETED_COMPANIES), "", ""];
  if (roll < 0.42 && open.length > 0) {
    const deal = rng.pick(open);
    return [deal.company?.trade ?? "", deal.person?.name ?? "", deal.code];
  }
  if (roll < 0.85) {
    const company = rng.pick(companies);
    return [company.trade, company.contacts.length > 0 && rng.chance(0.6) ? rng.pick(company.contacts) : "", ""];
  }
  return ["", rng.pick(people.filter((person) => person.company === undefined)).name, ""];
}

function buildActivities(options: FamilyOptions, count: number, companies: readonly Company[], people: readonly Person[], deals: readonly Deal[]): string[][] {
  const stream = new RowStream(options.seed, "carteira.atividades");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, day(2023, 1, 9), EXPORT_DAY + 45);
    const kind = rng.weighted(ACTIVITY_KINDS);
    const timed = kind === "Reunião" || kind === "Visita" || rng.chance(0.5);
    const done = kind === "Nota" || (moment.days < EXPORT_DAY && rng.chance(0.88));
    const user = moment.days < day(2025, 5, 1) && rng.chance(0.08) ? FORMER_SELLER.short : rng.pick(SELLERS).short;
    const [company, contact, deal] = activityTarget(rng, companies, people, deals, moment.days);
    const start = Math.floor(moment.minute / 15) * 15;
    return {
      moment,
      cells: [
        dayText(moment.days, "dd/MM/yyyy"),
        timed ? `${pad(Math.floor(start / 60))}:${pad(start % 60)}` : "",
        kind,
        rng.pick(ACTIVITY_SUBJECTS[kind]),
        kind === "Nota" || rng.chance(0.5) ? rng.pick(ACTIVITY_NOTES).replace("\n", "\r\n") : "",
        done ? "Sim" : "Não",
        user,
        company,
        contact,
        deal,
      ],
    };
  }).sort((a, b) => a.moment.days - b.moment.days || a.moment.minute - b.moment.minute);
  return entries.map((entry, index) => [String(310_000 + index * 4 + (civilFromDays(entry.moment.days).day % 3)), ...entry.cells]);
}

const CONTACT_HEADERS = [1, 2, 3].flatMap((slot) => ["Nome", "Cargo", "E-mail", "Celular", "Aniversário"].map((part) => `Contato ${slot} - ${part}`));

export const CARTEIRA_HEADERS = {
  empresas: [
    "ID",
    "Razão social",
    "Nome fantasia",
    "CNPJ",
    "Inscrição estadual",
    "Segmento",
    "Matriz",
    "Logradouro",
    "Número",
    "Complemento",
    "Bairro",
    "Cidade",
    "UF",
    "CEP",
    "Telefone",
    "Celular/WhatsApp",
    "E-mail",
    "Site",
    "Responsável",
    "Etiquetas",
    "Faturamento anual",
    "Nº de funcionários",
    "Limite de crédito",
    "Cliente desde",
    "Ativo",
    "Observações",
    ...CONTACT_HEADERS,
    "Data de cadastro",
    "Última atualização",
  ],
  pessoas: [
    "ID",
    "Nome",
    "CPF",
    "Empresa",
    "Cargo",
    "E-mail",
    "Telefone",
    "Celular",
    "Data de nascimento",
    "Cidade",
    "UF",
    "Responsável",
    "Etiquetas",
    "Aceita e-mail marketing",
    "Data de cadastro",
  ],
  negocios: [
    "Código",
    "Título",
    "Empresa ID",
    "Pessoa ID",
    "Funil",
    "Etapa",
    "Status",
    "Motivo de perda",
    "Valor",
    "Recorrência",
    "Probabilidade",
    "Previsão de fechamento",
    "Data de criação",
    "Data de fechamento",
    "Responsável",
    "Produtos",
    "Origem",
    "Qualificação",
  ],
  atividades: ["ID", "Data", "Hora", "Tipo", "Assunto", "Descrição", "Concluída", "Usuário", "Empresa", "Contato", "Negócio"],
} as const;

export function generateCarteira(options: FamilyOptions): FamilyExport {
  const { rows: companyRows, companies } = buildCompanies(options, Math.max(40, Math.round(options.rows * 0.3)));
  const { rows: peopleRows, people } = buildPeople(options, Math.max(30, Math.round(options.rows * 0.25)), companies);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(30, Math.round(options.rows * 0.3)), companies, people);
  const activities = buildActivities(options, Math.max(40, Math.round(options.rows * 0.6)), companies, people, deals);
  return {
    system: "carteira",
    dialect: { delimiter: ";", encoding: "utf-8", bom: false, newline: "\r\n", quoteAll: true },
    tables: [
      { file: "empresas.csv", headers: CARTEIRA_HEADERS.empresas, rows: companyRows },
      { file: "pessoas.csv", headers: CARTEIRA_HEADERS.pessoas, rows: peopleRows },
      { file: "negocios.csv", headers: CARTEIRA_HEADERS.negocios, rows: dealRows },
      {
        file: "atividades.csv",
        headers: CARTEIRA_HEADERS.atividades,
        rows: activities,
        // The activity report is saved from Excel, not exported by the CRM.
        dialect: { delimiter: ";", encoding: "windows-1252", bom: false, newline: "\r\n", quoteAll: false },
      },
    ],
    users: staffUsers(SELLERS, CARTEIRA_FIRM.domain),
  };
}

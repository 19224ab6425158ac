/**
 * Perfect Books export generator: UK comma CSV, UTF-8 (three files with a BOM), CRLF records,
 * `dd/MM/yyyy` dates and `£1,234.50` amounts. See EXPORTS.md for every file and column.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { blankValue, badValue, dangleOneOf, multiline, replaceWith, strayWhitespace } from "./appliers.js";
import { fileSlug, makePdf, makePng, makeText, MIME_TYPES, type AttachmentKind } from "./attachments.js";
import {
  emailSlug,
  idOf,
  laterMoment,
  missingId,
  officeMoment,
  prepareOutDir,
  ratesOf,
  splitRows,
  validateRows,
  writeEntityRows,
  type GenerateOptions,
  type GenerationSummary,
} from "./common.js";
import { CsvFile, type CsvDialect, type WrittenFile } from "./csv-sink.js";
import { DefectLog, DefectSchedule, EntityDefects, type DefectRate, type DefectSpec, type EntitySummary } from "./defects.js";
import { daysFromCivil, formatDate, formatDateTime, formatPounds, UK_BAD_DATES, UK_BAD_NUMBERS, type Moment } from "./formats.js";
import { ColumnIndex, headersOf, RowDraft, type FileLayout } from "./layout.js";
import {
  PB_ATTACHMENTS,
  PB_COMPANIES,
  PB_CONTACT_COMPANIES,
  PB_CONTACTS,
  PB_DEALS,
  PB_NOTES,
  PB_PIPELINES,
  PB_PROPERTIES,
  PB_TASKS,
  PB_WORKFLOWS,
} from "./perfectbooks-layout.js";
import { Rng } from "./prng.js";
import {
  IRISH_TOWNS,
  PB_ATTACHMENT_NAMES,
  PB_DEAL_TOPICS,
  PB_INDUSTRIES,
  PB_JOB_TITLES,
  PB_LINK_ROLES,
  PB_NOTE_SENTENCES,
  PB_PRACTICE_AREAS,
  PB_TASK_SUBJECTS,
  UK_BUILDINGS,
  UK_COMPANY_WORDS,
  UK_FEMALE_FIRST_NAMES,
  UK_FEMALE_SALUTATIONS,
  UK_LAST_NAMES,
  UK_LEGAL_FORMS,
  UK_MALE_FIRST_NAMES,
  UK_MALE_SALUTATIONS,
  UK_PERSONAL_DOMAINS,
  UK_PLACE_WORDS,
  UK_STREETS,
  UK_TOWNS,
  ukPostcode,
} from "./vocab-uk.js";

export const PB_SYSTEM = "perfectbooks";
/** The firm whose export this is; its staff own the records. */
export const PB_FIRM = { name: "Harrington & Cole LLP", domain: "harringtoncole.co.uk" } as const;
export const PB_EXPORT_DAY = daysFromCivil(2026, 3, 31);
const HISTORY_START = daysFromCivil(2016, 1, 4);
const ID_BASE = 1001;

const DIALECT: CsvDialect = { delimiter: ",", recordSeparator: "\r\n", innerNewline: "\n", quoteAll: false };
/** Files written with a UTF-8 byte order mark (the "Excel" export buttons of Perfect Books). */
export const PB_BOM_FILES: ReadonlySet<string> = new Set(["companies.csv", "contacts.csv", "deals.csv"]);

/** What share of --rows each independent entity gets; links are extra (about 1.0 per contact). */
export const PB_SHARES = [
  ["Company", 0.12],
  ["Contact", 0.25],
  ["Deal", 0.15],
  ["Note", 0.18],
  ["Attachment", 0.03],
  ["Task", 0.27],
] as const;

type PbEntity = (typeof PB_SHARES)[number][0];
type ParentType = "Contact" | "Company" | "Deal" | "Note";

export const PB_MULTI_COMPANY_EVERY = 12;
const NO_COMPANY_RATE = 0.1;

const STAGES = [
  { pipeline: "Sales Pipeline", stage: "New Enquiry", sequence: 10, probability: 10, won: false, lost: false, folded: false, weight: 18 },
  { pipeline: "Sales Pipeline", stage: "Initial Consultation", sequence: 20, probability: 25, won: false, lost: false, folded: false, weight: 14 },
  { pipeline: "Sales Pipeline", stage: "Proposal Sent", sequence: 30, probability: 50, won: false, lost: false, folded: false, weight: 12 },
  { pipeline: "Sales Pipeline", stage: "Negotiation", sequence: 40, probability: 75, won: false, lost: false, folded: false, weight: 8 },
  { pipeline: "Sales Pipeline", stage: "Closed Won", sequence: 50, probability: 100, won: true, lost: false, folded: false, weight: 16 },
  { pipeline: "Sales Pipeline", stage: "Closed Lost", sequence: 60, probability: 0, won: false, lost: true, folded: true, weight: 10 },
  { pipeline: "Conveyancing", stage: "Instruction Received", sequence: 10, probability: 20, won: false, lost: false, folded: false, weight: 6 },
  { pipeline: "Conveyancing", stage: "Searches & Enquiries", sequence: 20, probability: 40, won: false, lost: false, folded: false, weight: 5 },
  { pipeline: "Conveyancing", stage: "Exchange of Contracts", sequence: 30, probability: 80, won: false, lost: false, folded: false, weight: 3 },
  { pipeline: "Conveyancing", stage: "Completed", sequence: 40, probability: 100, won: true, lost: false, folded: false, weight: 5 },
  { pipeline: "Conveyancing", stage: "Fell Through", sequence: 50, probability: 0, won: false, lost: true, folded: true, weight: 3 },
] as const;

type Stage = (typeof STAGES)[number];

const PROPERTIES = [
  ["company", "vat_number", "VAT Number", "text", "", "no"],
  ["company", "client_since", "Client Since", "date", "", "no"],
  ["company", "practice_area", "Practice Area", "picklist", PB_PRACTICE_AREAS.join(";"), "no"],
  ["company", "retainer_agreed", "Retainer Agreed", "yesno", "", "no"],
  ["contact", "marketing_opt_in", "Marketing Opt-In", "yesno", "", "no"],
  ["contact", "preferred_contact_method", "Preferred Contact Method", "picklist", "Email;Phone;Post", "no"],
  ["deal", "deal_score", "Deal Score", "number", "", "no"],
  ["deal", "hot_rating", "Hot Rating", "picklist", "hot;warm;cold", "no"],
  ["deal", "stage_entered", "Stage Entered", "datetime", "", "no"],
  ["deal", "qualification", "Qualification", "picklist", "Unqualified;Qualified", "yes"],
] as const;

const WORKFLOWS = [
  ["Chase unsigned engagement letters", "deal", "Stage changed", 'Stage = "Proposal Sent" AND Amount > £10,000.00', "Create task: Call client | Notify owner", "yes"],
  ["Welcome new client", "company", "Record created", 'Retainer Agreed = "yes"', "Send email template: Welcome pack | Create task: Book onboarding meeting", "yes"],
  ["Assign conveyancing team", "deal", "Record created", 'Pipeline = "Conveyancing"', "Set owner: round robin (conveyancing team)", "yes"],
  ["Overdue task reminder", "task", "Due date passed", 'Status = "Open"', "Notify owner | Notify owner's manager after 3 days", "yes"],
  ["Lost deal survey", "deal", "Stage changed", 'Stage IN ("Closed Lost", "Fell Through")', "Send email template: Feedback survey", "no"],
  ["GDPR review", "contact", "Scheduled, monthly", 'Last Modified < today - 6 years AND Marketing Opt-In = "no"', "Add to list: Retention review", "yes"],
] as const;

/** Reads a generator choice as a `yes`/`no` cell. */
function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

interface Person {
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
}

function person(rng: Rng): Person {
  const female = rng.chance(0.5);
  return { first: rng.pick(female ? UK_FEMALE_FIRST_NAMES : UK_MALE_FIRST_NAMES), last: rng.pick(UK_LAST_NAMES), female };
}

export interface PbUser {
  readonly name: string;
  readonly email: string;
}

/** Staff of the firm: `count` current users (in the Odoo seed) and `former` who have left. */
export function pbUsers(base: Rng, count: number, former: number): { current: PbUser[]; former: PbUser[] } {
  const seen = new Set<string>();
  const make = (stream: string, howMany: number): PbUser[] => {
    const users: PbUser[] = [];
    for (let i = 0; users.length < howMany; i++) {
      const someone = person(base.fork(Rng.streamId(stream), i));
      let local = `${emailSlug(someone.first)}.${emailSlug(someone.last)}`;
      for (let n = 2; seen.has(local); n++) local = `${emailSlug(someone.first)}.${emailSlug(someone.last)}${n}`;
      seen.add(local);
      users.push({ name: `${someone.first} ${someone.last}`, email: `${local}@${PB_FIRM.domain}` });
    }
    return users;
  };
  const current = make("pb:users", count);
  return { current, former: make("pb:former-users", former) };
}

interface Address {
  readonly line1: string;
  readonly city: string;
  readonly county: string;
  readonly postcode: string;
  readonly country: string;
  readonly phone: string;
}

function address(rng: Rng): Address {
  const line1 = `${rng.int(1, 240)} ${rng.pick(UK_STREETS)}`;
  const digits = String(rng.int(0, 999)).padStart(3, "0");
  if (rng.chance(0.04)) {
    const town = rng.pick(IRISH_TOWNS);
    const chars = "ACDEFHKNPRTVWXY0123456789";
    let unique = "";
    for (let i = 0; i < 4; i++) unique += chars[rng.int(0, chars.length - 1)];
    return { line1, city: town.city, county: town.county, postcode: `${rng.pick(town.eircodes)} ${unique}`, country: "Ireland", phone: `+353 1 555 0${digits}` };
  }
  const town = rng.pick(UK_TOWNS);
  const postcode = ukPostcode(rng.pick(town.areas), rng.int(1, 20), rng.int(1, 9), rng.int(0, 99), rng.int(0, 99));
  return { line1, city: town.city, county: town.county, postcode, country: "United Kingdom", phone: `${town.phonePrefix}${digits}` };
}

interface CompanyCore {
  readonly name: string;
  readonly domain: string;
  readonly parentIndex: number | null;
}

interface ContactCore {
  readonly person: Person;
  readonly primaryCompany: number | null;
}

/** The state of one generation run: sizes, people, and pure per-record facts. */
export class PerfectBooksRun {
  readonly base: Rng;
  readonly counts: Record<PbEntity, number>;
  readonly users: PbUser[];
  readonly formerUsers: PbUser[];
  readonly multiCompany: DefectSchedule;
  private readonly companyStream = Rng.streamId("pb:company-core");
  private readonly contactStream = Rng.streamId("pb:contact-core");

  constructor(readonly options: GenerateOptions) {
    this.base = Rng.fromSeed(`${PB_SYSTEM}:${options.seed}`);
    this.counts = splitRows(options.rows, PB_SHARES);
    const userCount = Math.min(300, Math.max(6, Math.round(options.rows / 3000)));
    const staff = pbUsers(this.base, userCount, Math.min(60, Math.max(3, Math.round(userCount / 5))));
    this.users = staff.current;
    this.formerUsers = staff.former;
    this.multiCompany = new DefectSchedule(
      this.base.fork(Rng.streamId("schedule:ContactCompany:multi_company_contact"), 0),
      PB_MULTI_COMPANY_EVERY,
      this.counts.Contact,
    );
  }

  companyCore(index: number): CompanyCore {
    const rng = this.base.fork(this.companyStream, index);
    const a = rng.pick(UK_LAST_NAMES);
    const pattern = rng.int(0, 3);
    let stem: string;
    let form: string;
    if (pattern === 0) {
      stem = `${a} & ${rng.pick(UK_LAST_NAMES)}`;
      form = rng.pick(["LLP", "Ltd", "Limited"]);
    } else if (pattern === 1) {
      stem = `${rng.pick(UK_PLACE_WORDS)} ${rng.pick(UK_COMPANY_WORDS)}`;
      form = rng.pick(UK_LEGAL_FORMS);
    } else {
      stem = `${a} ${rng.pick(UK_COMPANY_WORDS)}`;
      form = rng.pick(UK_LEGAL_FORMS);
    }
    const tld = rng.pick([".co.uk", ".co.uk", ".com", ".uk"]);
    const parentIndex = index > 0 && rng.chance(0.1) ? rng.int(Math.max(0, index - 40), index - 1) : null;
    return { name: `${stem} ${form}`, domain: `${emailSlug(stem)}${tld}`, parentIndex };
  }

  contactCore(index: number): ContactCore {
    const rng = this.base.fork(this.contactStream, index);
    const who = person(rng);
    const alone = rng.chance(NO_COMPANY_RATE) && !this.multiCompany.isScheduled(index);
    const primaryCompany = alone ? null : rng.int(0, this.counts.Company - 1);
    return { person: who, primaryCompany };
  }

  id(index: number): string {
    return String(idOf(ID_BASE, index));
  }

  missing(entity: PbEntity, rng: Rng): string {
    return String(missingId(ID_BASE, this.counts[entity], rng));
  }

  owner(rng: Rng): string {
    return rng.pick(this.users).email;
  }

  unknownOwner(rng: Rng): string {
    return rng.pick(this.formerUsers).email;
  }

  parentOf(rng: Rng, weights: readonly (readonly [ParentType, number])[]): [ParentType, string] {
    const type = rng.weighted(weights.filter(([name]) => this.counts[name] > 0));
    return [type, this.id(rng.int(0, this.counts[type] - 1))];
  }
}

const stamp = (moment: Moment): string => formatDateTime(moment.days, moment.minute, "/");

function sentences(rng: Rng, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.pick(PB_NOTE_SENTENCES));
  return out;
}

/** Every defect kind Perfect Books rows can carry, in application order per entity. */
export function perfectBooksDefectSpecs(run: PerfectBooksRun): Record<"Company" | "Contact" | "ContactCompany" | "Deal" | "Note" | "Attachment" | "Task", DefectSpec[]> {
  const ownerDangle = (entity: string, column: string, every: number): DefectSpec => ({
    kind: "unknown_owner",
    entity,
    columns: [column],
    every,
    appearance: "email of a former member of staff: a valid address that matches no user in odoo-seed.json",
    apply: replaceWith(column, (rng) => run.unknownOwner(rng)),
  });
  const parentDangle = (entity: string, every: number): DefectSpec => ({
    kind: "dangling_reference",
    entity,
    columns: ["Parent ID"],
    every,
    appearance: "Parent ID is a number in an id gap: no record of the Parent Type has it (a deleted record)",
    apply: dangleOneOf(
      ["Parent ID"],
      (rng, _column, draft) => run.missing(draft.get("Parent Type") as PbEntity, rng),
      (_column, draft) => draft.get("Parent Type"),
    ),
  });
  return {
    Company: [
      { kind: "blank_required", entity: "Company", columns: ["Company Name"], every: 40, appearance: "Company Name is empty", apply: blankValue(["Company Name"]) },
      {
        kind: "quoted_newline",
        entity: "Company",
        columns: ["Address Line 1"],
        every: 40,
        appearance: 'Address Line 1 holds two lines ("Unit 4\\n14 High Street"), quoted',
        apply: multiline("Address Line 1", (rng, draft) => [`Unit ${rng.int(1, 12)}`, draft.get("Address Line 1")], "\n"),
      },
      {
        kind: "stray_whitespace",
        entity: "Company",
        columns: ["Company Name", "City", "Address Line 1"],
        every: 25,
        appearance: "a leading space, a trailing space, both (one leading, two trailing), or a doubled inner space",
        apply: strayWhitespace(["Company Name", "City", "Address Line 1"]),
      },
      { kind: "bad_number", entity: "Company", columns: ["Employees", "Annual Revenue"], every: 45, appearance: `one of ${UK_BAD_NUMBERS.map((v) => `\`${v}\``).join(", ")}`, apply: badValue(["Employees", "Annual Revenue"], UK_BAD_NUMBERS) },
      { kind: "bad_date", entity: "Company", columns: ["Client Since"], every: 50, appearance: `one of ${UK_BAD_DATES.map((v) => `\`${v}\``).join(", ")}`, apply: badValue(["Client Since"], UK_BAD_DATES) },
      ownerDangle("Company", "Owner Email", 30),
      {
        kind: "dangling_reference",
        entity: "Company",
        columns: ["Parent Company ID"],
        every: 60,
        appearance: "Parent Company ID is a number in an id gap (a deleted company)",
        apply: replaceWith("Parent Company ID", (rng) => run.missing("Company", rng), () => ({ target: "Company" })),
      },
    ],
    Contact: [
      { kind: "blank_required", entity: "Contact", columns: ["Last Name"], every: 60, appearance: "Last Name is empty", apply: blankValue(["Last Name"]) },
      {
        kind: "stray_whitespace",
        entity: "Contact",
        columns: ["First Name", "Last Name", "Email", "Job Title"],
        every: 20,
        appearance: "a leading space, a trailing space, both, or a doubled inner space",
        apply: strayWhitespace(["First Name", "Last Name", "Email", "Job Title"]),
      },
      ownerDangle("Contact", "Owner Email", 30),
    ],
    ContactCompany: [
      {
        kind: "dangling_reference",
        entity: "ContactCompany",
        columns: ["Company ID"],
        every: 70,
        appearance: "Company ID is a number in an id gap (a deleted company); counted per link row",
        apply: replaceWith("Company ID", (rng) => run.missing("Company", rng), () => ({ target: "Company" })),
      },
    ],
    Deal: [
      { kind: "blank_required", entity: "Deal", columns: ["Deal Name"], every: 40, appearance: "Deal Name is empty", apply: blankValue(["Deal Name"]) },
      { kind: "stray_whitespace", entity: "Deal", columns: ["Deal Name"], every: 30, appearance: "a leading space, a trailing space, both, or a doubled inner space", apply: strayWhitespace(["Deal Name"]) },
      { kind: "bad_number", entity: "Deal", columns: ["Amount", "Probability", "deal_score"], every: 30, appearance: `one of ${UK_BAD_NUMBERS.map((v) => `\`${v}\``).join(", ")}`, apply: badValue(["Amount", "Probability", "deal_score"], UK_BAD_NUMBERS) },
      { kind: "bad_date", entity: "Deal", columns: ["Close Date"], every: 40, appearance: `one of ${UK_BAD_DATES.map((v) => `\`${v}\``).join(", ")}`, apply: badValue(["Close Date"], UK_BAD_DATES) },
      ownerDangle("Deal", "Owner Email", 25),
      {
        kind: "dangling_reference",
        entity: "Deal",
        columns: ["Contact ID", "Company ID"],
        every: 40,
        appearance: "Contact ID or Company ID (whichever is filled; one of them at random if both) is a number in an id gap",
        apply: dangleOneOf(["Contact ID", "Company ID"], (rng, header) => run.missing(header === "Contact ID" ? "Contact" : "Company", rng), (header) => (header === "Contact ID" ? "Contact" : "Company")),
      },
    ],
    Note: [
      {
        kind: "quoted_newline",
        entity: "Note",
        columns: ["Body"],
        every: 3,
        appearance: "Body spans 2 to 4 lines (LF) inside a quoted field",
        apply: multiline("Body", (rng) => sentences(rng, rng.int(2, 4)), "\n"),
      },
      parentDangle("Note", 40),
      ownerDangle("Note", "Author Email", 30),
    ],
    Attachment: [
      parentDangle("Attachment", 50),
      {
        kind: "missing_file",
        entity: "Attachment",
        columns: ["Path"],
        every: 50,
        appearance: "the row is complete but no file exists at Path",
        apply: (draft) => {
          draft.lock("Path");
          return { column: "Path" };
        },
      },
    ],
    Task: [
      { kind: "stray_whitespace", entity: "Task", columns: ["Subject"], every: 40, appearance: "a leading space, a trailing space, both, or a doubled inner space", apply: strayWhitespace(["Subject"]) },
      { kind: "bad_date", entity: "Task", columns: ["Due Date"], every: 40, appearance: `one of ${UK_BAD_DATES.map((v) => `\`${v}\``).join(", ")}`, apply: badValue(["Due Date"], UK_BAD_DATES) },
      ownerDangle("Task", "Owner Email", 30),
      parentDangle("Task", 50),
    ],
  };
}

/** Defect kinds that are not a change to one cell, documented with the cell-level ones. */
export const PB_STRUCTURAL_RATES: readonly DefectRate[] = [
  {
    kind: "multi_company_contact",
    entity: "ContactCompany",
    columns: ["Contact ID"],
    every: PB_MULTI_COMPANY_EVERY,
    appearance: "1 contact in 12 has 2 or 3 link rows (one primary) instead of 1; listed once per contact, at its first link row, with key = Contact ID",
  },
];

/** All defect rates of Perfect Books, for the manifest and EXPORTS.md. */
export function perfectBooksRates(rows = 1000): DefectRate[] {
  const run = new PerfectBooksRun({ rows, seed: "docs", outDir: "" });
  return [...Object.values(perfectBooksDefectSpecs(run)).flatMap(ratesOf), ...PB_STRUCTURAL_RATES];
}

/** Names the Perfect Books generator writes into its folder (for --overwrite). */
export function isPerfectBooksOutput(name: string): boolean {
  return /^[a-z_]+\.csv$/.test(name) || name === "defects.json" || name === "odoo-seed.json" || name === "files";
}

export function generatePerfectBooks(options: GenerateOptions & { readonly overwrite?: boolean }): GenerationSummary {
  validateRows(options.rows);
  const run = new PerfectBooksRun(options);
  const { counts, base } = run;
  const outDir = options.outDir;
  prepareOutDir(outDir, options.overwrite === true, isPerfectBooksOutput);
  mkdirSync(join(outDir, "files"), { recursive: true });

  const specs = perfectBooksDefectSpecs(run);
  const log = new DefectLog(join(outDir, "defects.json"), {
    system: PB_SYSTEM,
    generator: "flitmap mappings/generators 1",
    seed: options.seed,
    rows: options.rows,
    chunkSize: null,
    exportedAt: "2026-03-31T17:45",
    timezone: "Europe/London",
  });
  const written: WrittenFile[] = [];
  const entities: Record<string, EntitySummary> = {};
  const open = (layout: FileLayout): CsvFile =>
    new CsvFile(join(outDir, layout.file), layout.file, headersOf(layout), {
      entity: layout.entity,
      dialect: DIALECT,
      encoding: "utf-8",
      bom: PB_BOM_FILES.has(layout.file),
    });
  const finish = (file: CsvFile): void => {
    const summary = file.close();
    written.push(summary);
    entities[summary.entity] = { files: [summary.path], records: summary.rows, rows: summary.rows };
  };
  const sinkOf = (file: CsvFile) => ({ writeRow: (values: readonly string[]) => file.writeRow(values) });

  // Companies
  const companies = open(PB_COMPANIES);
  writeEntityRows({
    layout: PB_COMPANIES,
    count: counts.Company,
    base,
    sink: sinkOf(companies),
    log,
    defects: new EntityDefects(specs.Company, base, counts.Company),
    build: (index, rng, draft) => {
      const core = run.companyCore(index);
      const place = address(rng);
      const created = officeMoment(rng, HISTORY_START, PB_EXPORT_DAY - 10);
      const employees = rng.logInt(1, 5000);
      draft.set("Company ID", run.id(index));
      draft.set("Company Name", core.name);
      draft.set("Domain", core.domain);
      draft.set("Industry", rng.chance(0.9) ? rng.pick(PB_INDUSTRIES) : "");
      draft.set("Employees", rng.chance(0.9) ? String(employees) : "");
      draft.set("Annual Revenue", rng.chance(0.8) ? formatPounds(employees * rng.int(40, 160) * 100_000) : "");
      draft.set("Phone", place.phone);
      draft.set("Address Line 1", place.line1);
      draft.set("Address Line 2", rng.chance(0.3) ? rng.pick(UK_BUILDINGS) : "");
      draft.set("City", place.city);
      draft.set("County", place.county);
      draft.set("Postcode", place.postcode);
      draft.set("Country", place.country);
      draft.set("Owner Email", rng.chance(0.95) ? run.owner(rng) : "");
      draft.set("Parent Company ID", core.parentIndex === null ? "" : run.id(core.parentIndex));
      draft.set("VAT Number", rng.chance(0.6) ? `GB${rng.int(100_000_000, 999_999_999)}` : "");
      draft.set("Client Since", rng.chance(0.7) ? formatDate(created.days - rng.int(0, 1500), "/") : "");
      draft.set("Practice Area", rng.chance(0.8) ? rng.pick(PB_PRACTICE_AREAS) : "");
      draft.set("Retainer Agreed", yesNo(rng.chance(0.25)));
      draft.set("Created", stamp(created));
      draft.set("Last Modified", stamp(laterMoment(rng, created, PB_EXPORT_DAY)));
    },
  });
  finish(companies);

  // Contacts, with their company links streamed to the link file alongside.
  const contacts = open(PB_CONTACTS);
  const links = open(PB_CONTACT_COMPANIES);
  const linkDefects = new EntityDefects(specs.ContactCompany, base, Math.floor(counts.Contact * 0.85));
  const linkColumns = new ColumnIndex(PB_CONTACT_COMPANIES);
  let linkIndex = 0;
  const linkStream = Rng.streamId("ContactCompany");
  writeEntityRows({
    layout: PB_CONTACTS,
    count: counts.Contact,
    base,
    sink: sinkOf(contacts),
    log,
    defects: new EntityDefects(specs.Contact, base, counts.Contact),
    build: (index, rng, draft) => {
      const core = run.contactCore(index);
      const { first, last, female } = core.person;
      const company = core.primaryCompany === null ? null : run.companyCore(core.primaryCompany);
      const domain = company === null ? rng.pick(UK_PERSONAL_DOMAINS) : company.domain;
      const local = company === null ? `${emailSlug(first)}.${emailSlug(last)}${rng.int(1, 99)}` : `${emailSlug(first)}.${emailSlug(last)}`;
      const withAddress = company === null || rng.chance(0.2);
      const place = address(rng);
      const created = officeMoment(rng, HISTORY_START, PB_EXPORT_DAY - 5);
      draft.set("Contact ID", run.id(index));
      draft.set("Salutation", rng.chance(0.7) ? rng.pick(female ? UK_FEMALE_SALUTATIONS : UK_MALE_SALUTATIONS) : "");
      draft.set("First Name", first);
      draft.set("Last Name", last);
      draft.set("Email", `${local}@${domain}`);
      draft.set("Phone", rng.chance(0.6) ? place.phone : "");
      draft.set("Mobile", rng.chance(0.7) ? `07700 900${String(rng.int(0, 999)).padStart(3, "0")}` : "");
      draft.set("Job Title", company !== null && rng.chance(0.85) ? rng.pick(PB_JOB_TITLES) : "");
      draft.set("Address Line 1", withAddress ? place.line1 : "");
      draft.set("City", withAddress ? place.city : "");
      draft.set("Postcode", withAddress ? place.postcode : "");
      draft.set("Country", withAddress ? place.country : "");
      draft.set("Owner Email", rng.chance(0.9) ? run.owner(rng) : "");
      draft.set("Marketing Opt-In", yesNo(rng.chance(0.4)));
      draft.set("Preferred Contact Method", rng.chance(0.6) ? rng.pick(["Email", "Phone", "Post"]) : "");
      draft.set("Created", stamp(created));
      draft.set("Last Modified", stamp(laterMoment(rng, created, PB_EXPORT_DAY)));
    },
    afterWrite: (index) => {
      const core = run.contactCore(index);
      if (core.primaryCompany === null) return;
      const rng = base.fork(linkStream, index);
      const companiesOfContact = [core.primaryCompany];
      const multi = run.multiCompany.isScheduled(index) && counts.Company >= 3;
      if (multi) {
        const extra = rng.int(1, 2);
        while (companiesOfContact.length < 1 + extra) {
          const other = rng.int(0, counts.Company - 1);
          if (!companiesOfContact.includes(other)) companiesOfContact.push(other);
        }
      }
      const ordered = [...companiesOfContact].sort((x, y) => x - y);
      let first: { line: number; row: number } | null = null;
      for (const companyIndex of ordered) {
        const draft = new RowDraft(linkColumns);
        draft.set("Contact ID", run.id(index));
        draft.set("Company ID", run.id(companyIndex));
        draft.set("Is Primary", yesNo(companyIndex === core.primaryCompany));
        draft.set("Role", rng.pick(PB_LINK_ROLES));
        const applied = linkDefects.applyTo(linkIndex, draft, rng);
        linkIndex++;
        const key = `${draft.get("Contact ID")}/${draft.get("Company ID")}`;
        const position = links.writeRow(draft.values);
        log.recordApplied("ContactCompany", position, key, applied, draft);
        first ??= position;
      }
      if (multi && first !== null) {
        log.record({
          kind: "multi_company_contact",
          entity: "ContactCompany",
          file: PB_CONTACT_COMPANIES.file,
          line: first.line,
          row: first.row,
          key: run.id(index),
          column: "Contact ID",
          value: run.id(index),
          detail: { companies: ordered.length },
        });
      }
    },
  });
  finish(contacts);
  {
    const summary = links.close();
    written.push(summary);
    entities.ContactCompany = { files: [summary.path], records: summary.rows, rows: summary.rows };
  }

  // Deals
  const deals = open(PB_DEALS);
  writeEntityRows({
    layout: PB_DEALS,
    count: counts.Deal,
    base,
    sink: sinkOf(deals),
    log,
    defects: new EntityDefects(specs.Deal, base, counts.Deal),
    build: (index, rng, draft) => {
      const contactIndex = rng.chance(0.85) ? rng.int(0, counts.Contact - 1) : null;
      const contact = contactIndex === null ? null : run.contactCore(contactIndex);
      let companyIndex: number | null = null;
      if (contact !== null && contact.primaryCompany !== null) companyIndex = rng.chance(0.9) ? contact.primaryCompany : null;
      else if (contact === null || rng.chance(0.3)) companyIndex = rng.int(0, counts.Company - 1);
      const stage: Stage = rng.weighted(STAGES.map((s) => [s, s.weight] as const));
      const topic = rng.pick(PB_DEAL_TOPICS);
      const client = companyIndex !== null ? run.companyCore(companyIndex).name : contact === null ? "Private client" : `${contact.person.first} ${contact.person.last}`;
      const created = officeMoment(rng, daysFromCivil(2022, 1, 3), PB_EXPORT_DAY - 2);
      const entered = laterMoment(rng, created, PB_EXPORT_DAY);
      const modified = laterMoment(rng, entered, PB_EXPORT_DAY);
      const closed = stage.won || stage.lost;
      const pounds = rng.logInt(250, 250_000);
      const pence = rng.chance(0.7) ? Math.round(pounds / 50) * 5000 : pounds * 100 + rng.int(0, 99);
      const score = rng.int(0, 100);
      const firstStage = stage.sequence === 10;
      draft.set("Deal ID", run.id(index));
      draft.set("Deal Name", stage.pipeline === "Conveyancing" ? `${client} – Purchase of ${rng.int(1, 240)} ${rng.pick(UK_STREETS)}` : `${client} – ${topic}`);
      draft.set("Amount", formatPounds(pence));
      draft.set("Pipeline", stage.pipeline);
      draft.set("Stage", stage.stage);
      draft.set("Probability", String(stage.probability));
      draft.set("Close Date", formatDate(closed ? entered.days : PB_EXPORT_DAY + rng.int(7, 240), "/"));
      draft.set("Owner Email", rng.chance(0.95) ? run.owner(rng) : "");
      draft.set("Contact ID", contactIndex === null ? "" : run.id(contactIndex));
      draft.set("Company ID", companyIndex === null ? "" : run.id(companyIndex));
      draft.set("deal_score", rng.chance(0.85) ? String(score) : "");
      draft.set("hot_rating", rng.chance(0.9) ? (score >= 70 ? "hot" : score >= 40 ? "warm" : "cold") : "");
      draft.set("Stage Entered", stamp(entered));
      draft.set("Qualification", firstStage && rng.chance(0.6) ? "Unqualified" : "Qualified");
      draft.set("Created", stamp(created));
      draft.set("Last Modified", stamp(modified));
    },
  });
  finish(deals);

  // Pipelines, properties and workflows: fixed definitions.
  const pipelines = open(PB_PIPELINES);
  for (const s of STAGES) {
    pipelines.writeRow([s.pipeline, s.stage, String(s.sequence), String(s.probability), yesNo(s.won), yesNo(s.lost), yesNo(s.folded)]);
  }
  finish(pipelines);
  const properties = open(PB_PROPERTIES);
  for (const row of PROPERTIES) properties.writeRow(row);
  finish(properties);

  // Notes
  const notes = open(PB_NOTES);
  writeEntityRows({
    layout: PB_NOTES,
    count: counts.Note,
    base,
    sink: sinkOf(notes),
    log,
    defects: new EntityDefects(specs.Note, base, counts.Note),
    build: (index, rng, draft) => {
      const [type, parentId] = run.parentOf(rng, [["Contact", 35], ["Company", 25], ["Deal", 40]]);
      draft.set("Note ID", run.id(index));
      draft.set("Parent Type", type);
      draft.set("Parent ID", parentId);
      draft.set("Body", sentences(rng, rng.int(1, 3)).join(" "));
      draft.set("Author Email", run.owner(rng));
      draft.set("Created", stamp(officeMoment(rng, daysFromCivil(2019, 1, 7), PB_EXPORT_DAY)));
    },
  });
  finish(notes);

  // Attachments and their files
  const attachments = open(PB_ATTACHMENTS);
  let attachmentFiles = 0;
  let content: Buffer = Buffer.alloc(0);
  writeEntityRows({
    layout: PB_ATTACHMENTS,
    count: counts.Attachment,
    base,
    sink: sinkOf(attachments),
    log,
    defects: new EntityDefects(specs.Attachment, base, counts.Attachment),
    build: (index, rng, draft) => {
      const [type, parentId] = run.parentOf(rng, [["Contact", 25], ["Company", 20], ["Deal", 35], ["Note", 20]]);
      const [name, kind] = rng.pick(PB_ATTACHMENT_NAMES);
      const id = run.id(index);
      content = attachmentContent(kind as AttachmentKind, name, id, type, parentId, rng);
      draft.set("Attachment ID", id);
      draft.set("Parent Type", type);
      draft.set("Parent ID", parentId);
      draft.set("File Name", name);
      draft.set("Path", `files/${id}-${fileSlug(name)}`);
      draft.set("Content Type", MIME_TYPES[kind as AttachmentKind]);
      draft.set("Size", String(content.length));
      draft.set("Uploaded", stamp(officeMoment(rng, daysFromCivil(2019, 1, 7), PB_EXPORT_DAY)));
    },
    afterWrite: (_index, draft, applied) => {
      if (applied.some((defect) => defect.kind === "missing_file")) return;
      writeFileSync(join(outDir, draft.get("Path")), content);
      attachmentFiles++;
    },
  });
  finish(attachments);

  // Tasks
  const tasks = open(PB_TASKS);
  writeEntityRows({
    layout: PB_TASKS,
    count: counts.Task,
    base,
    sink: sinkOf(tasks),
    log,
    defects: new EntityDefects(specs.Task, base, counts.Task),
    build: (index, rng, draft) => {
      const type = rng.weighted([["Call", 35], ["Meeting", 20], ["Email", 25], ["To-do", 20]] as const);
      const [parentType, parentId] = run.parentOf(rng, [["Contact", 40], ["Company", 20], ["Deal", 40]]);
      const created = officeMoment(rng, daysFromCivil(2021, 1, 4), PB_EXPORT_DAY - 1);
      const due = created.days + rng.int(0, 30);
      const done = due < PB_EXPORT_DAY ? rng.chance(0.85) : rng.chance(0.05);
      draft.set("Task ID", run.id(index));
      draft.set("Type", type);
      draft.set("Subject", rng.pick(PB_TASK_SUBJECTS[type]));
      draft.set("Due Date", formatDate(due, "/"));
      draft.set("Owner Email", run.owner(rng));
      draft.set("Parent Type", parentType);
      draft.set("Parent ID", parentId);
      draft.set("Status", done ? "Done" : "Open");
      draft.set("Completed At", done ? stamp(laterMoment(rng, created, Math.min(PB_EXPORT_DAY, due + 3))) : "");
      draft.set("Created", stamp(created));
    },
  });
  finish(tasks);

  const workflows = open(PB_WORKFLOWS);
  for (const row of WORKFLOWS) workflows.writeRow(row);
  finish(workflows);

  writeFileSync(
    join(outDir, "odoo-seed.json"),
    `${JSON.stringify({ users: run.users.map((user) => ({ login: user.email, email: user.email, name: user.name, active: true })), products: [] }, null, 2)}\n`,
  );

  const rates = [...Object.values(specs).flatMap(ratesOf), ...PB_STRUCTURAL_RATES];
  const defectCounts = log.counts();
  log.close(rates, entities, written);
  return { system: PB_SYSTEM, outDir, files: written, entities, defectCounts, attachmentFiles };
}

function attachmentContent(kind: AttachmentKind, name: string, id: string, parentType: string, parentId: string, rng: Rng): Buffer {
  if (kind === "pdf") {
    return makePdf(name.replace(/\.pdf$/, ""), [`${PB_FIRM.name}`, `Attachment ${id} on ${parentType} ${parentId}`, ...sentences(rng, 2)]);
  }
  if (kind === "png") return makePng(24, 24, rng.nextUint32());
  return makeText([`Attachment ${id} on ${parentType} ${parentId}`, ...sentences(rng, rng.int(2, 4))], "\n");
}

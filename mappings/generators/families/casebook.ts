/**
 * Casebook: the practice-management export of an English law firm (Hartley Osei Solicitors),
 * which links its records by name rather than by id. One of the export families `flitmap init`
 * is measured on (docs/init.md): English headers, comma-separated, UTF-8, LF, `dd/MM/yyyy` dates
 * (the diary's in ISO, from another table of the same system), amounts in pounds.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | organisations.csv | 20% of --rows | clients and contacts' employers; `Group Parent` names the parent by its name, `Fee Earner` the partner in charge as "A. Hartley", `Tags` a `|`-separated list |
 * | people.csv | 35% | people; `Organisations` is a `|`-separated list of the names of the organisations they work for (the first is their employer); `Direct Dial` their own line |
 * | matters.csv | 20% | matters (the firm's opportunities); `Client` is an organisation's name, `Estimated Fees` the expected revenue, `Expected Completion` the expected date |
 * | diary.csv | 25% | diary entries on a matter; `Due` the deadline ("0000-00-00" when none), `Done` Y/N |
 *
 * Placeholders: "TBC" in dates and amounts, "N/A" and "-" in phone numbers, "0000-00-00" in the
 * diary's dates. One fee earner (G. Fenwick) has left: no Odoo user has his name.
 */
import type { Rng } from "../prng.js";
import {
  amountText,
  day,
  dayText,
  momentText,
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
} from "./family.js";

export const CASEBOOK_FIRM = { name: "Hartley Osei Solicitors", domain: "hartleyosei.co.uk" } as const;

const STAFF = [
  { first: "Alice", last: "Hartley" },
  { first: "Benedict", last: "Osei" },
  { first: "Catherine", last: "Lowe" },
  { first: "Daniel", last: "Price" },
  { first: "Eleanor", last: "Shaw" },
] as const;
const FORMER_STAFF = { first: "Gareth", last: "Fenwick" } as const;

const FIRST_MALE = ["Oliver", "George", "Harry", "James", "William", "Thomas", "Richard", "Paul", "Andrew", "Simon", "Graham", "Rhys", "Rajesh"] as const;
const FIRST_FEMALE = ["Olivia", "Amelia", "Emily", "Sophie", "Charlotte", "Sarah", "Claire", "Helen", "Rachel", "Fiona", "Priya", "Siobhan", "Niamh"] as const;
const LAST = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Davies",
  "Evans",
  "Wilson",
  "Roberts",
  "Walker",
  "Wright",
  "Hughes",
  "Green",
  "Hall",
  "Clarke",
  "Patel",
  "Turner",
  "Cooper",
  "Morris",
  "King",
  "Baker",
  "Morgan",
  "Bennett",
  "Griffiths",
  "Fletcher",
  "O'Brien",
  "MacLeod",
  "Pemberton",
] as const;
const PLACES = ["Thames", "Pennine", "Mersey", "Cotswold", "Severn", "Albion", "Chiltern", "Northgate", "Kingfisher", "Oakwood", "Brunel", "Wessex"] as const;
const TRADES = [
  "Property",
  "Builders",
  "Engineering",
  "Logistics",
  "Software",
  "Estates",
  "Motors",
  "Dental",
  "Foods",
  "Care",
  "Holdings",
  "Developments",
] as const;
const FORMS = ["Ltd", "Ltd", "Limited", "LLP", "plc"] as const;
const TOWNS = [
  { city: "London", area: "EC", phone: "020 7946 0" },
  { city: "Manchester", area: "M", phone: "0161 496 0" },
  { city: "Leeds", area: "LS", phone: "0113 496 0" },
  { city: "Bristol", area: "BS", phone: "0117 496 0" },
  { city: "Birmingham", area: "B", phone: "0121 496 0" },
  { city: "York", area: "YO", phone: "01632 960" },
] as const;
const STREETS = ["High Street", "Station Road", "King Street", "Park Road", "Bridge Street", "Chancery Lane", "Fleet Street", "Bedford Row"] as const;
const BUILDINGS = ["Suite 2, Chancery House", "Unit 4, Riverside Park", "First Floor, Kings Court", "2nd Floor, Merchant House"] as const;
const SECTORS = ["Property & Construction", "Retail", "Manufacturing", "Technology", "Healthcare", "Hospitality", "Financial Services", "Charity"] as const;
const TAGS = ["Key Client", "Referral Partner", "Pro Bono", "Newsletter", "Conflict Check"] as const;
const JOBS = ["Managing Director", "Finance Director", "Office Manager", "Company Secretary", "Head of HR", "Legal Counsel", "Director", "Owner"] as const;
const STAGES = [
  ["Enquiry", 3],
  ["Instructed", 3],
  ["In Progress", 3],
  ["Completed", 3],
  ["Not Proceeding", 1],
] as const;
const WORK_TYPES = ["Conveyancing", "Commercial Lease", "Employment", "Litigation", "Probate", "Corporate"] as const;
const ENTRY_TYPES = [
  ["Call", 4],
  ["Meeting", 2],
  ["Email", 3],
  ["Task", 3],
] as const;
const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  Call: ["Call client re completion date", "Chase signed engagement letter", "Call other side's solicitors", "Update client on progress"],
  Meeting: ["Initial consultation", "Meeting to sign documents", "Case review", "Mediation session"],
  Email: ["Send draft contract", "Email search results", "Send completion statement", "Confirm instructions"],
  Task: ["Prepare bundle", "File at Land Registry", "Review title documents", "Draft witness statement"],
};
const NOTES = [
  "Prefers contact by email.",
  "Long-standing client of the firm.",
  "Conflict check cleared.",
  "Pays on 60-day terms.",
  "Introduced by a referral partner.",
] as const;

const EXPORT_DAY = day(2026, 3, 13);
const HISTORY_START = day(2015, 4, 6);

function feeEarner(rng: Rng): string {
  return staffMember(
    rng,
    { staff: STAFF, former: FORMER_STAFF, formerChance: 0.07, unassignedChance: 0.04 },
    (person) => `${person.first.charAt(0)}. ${person.last}`,
  );
}

function pounds(rng: Rng, from: number, to: number): string {
  return `£${amountText(rng.int(from, to) * 500, ",", ".")}`;
}

function organisationName(rng: Rng): string {
  return `${rng.pick(PLACES)} ${rng.pick(TRADES)} ${rng.pick(FORMS)}`;
}

function buildOrganisations(options: FamilyOptions, count: number): { rows: string[][]; names: string[] } {
  const unique = new UniqueNames();
  const names: string[] = [];
  const rows = new RowStream(options.seed, "casebook.organisations").rows(count, (rng, index) => {
    const name = unique.take(
      () => organisationName(rng),
      (taken, attempt) => `${taken.replace(/ (Ltd|Limited|LLP|plc)$/, "")} (${rng.pick(TOWNS).city}) ${attempt} Ltd`,
    );
    const town = rng.pick(TOWNS);
    const domain = `${slug(name.split(" ").slice(0, 2).join(""))}.co.uk`;
    const parent =
      index >= 6 && rng.chance(0.17) ? (rng.chance(0.1) ? `${rng.pick(PLACES)} Group plc` : (names[rng.int(0, Math.min(index - 1, 20))] ?? "")) : "";
    const street = `${rng.int(1, 200)} ${rng.pick(STREETS)}`;
    const row = [
      `ORG${pad(40 + index * 3, 4)}`,
      name,
      parent,
      rng.pick(SECTORS),
      rng.chance(0.05) ? "N/A" : `${town.phone}${rng.int(100, 999)}`,
      rng.chance(0.2) ? "" : `www.${domain}`,
      rng.chance(0.3) ? `${rng.pick(BUILDINGS)}\n${street}` : street,
      town.city,
      `${town.area}${rng.int(1, 20)} ${rng.int(1, 9)}${rng.pick(["AB", "DF", "HJ", "LN", "QR", "TW"])}`,
      rng.chance(0.92) ? "United Kingdom" : "Ireland",
      feeEarner(rng),
      rng.chance(0.12) ? "TBC" : dayText(workMoment(rng, HISTORY_START, EXPORT_DAY - 30).days, "dd/MM/yyyy"),
      rng.chance(0.15) ? "TBC" : pounds(rng, 100, 12000),
      rng.chance(0.5) ? "" : someOf(rng, TAGS, 2).join("|"),
      rng.chance(0.6) ? "" : rng.pick(NOTES),
    ];
    names.push(name);
    return row;
  });
  return { rows, names };
}

function buildPeople(options: FamilyOptions, count: number, organisations: readonly string[]): string[][] {
  return new RowStream(options.seed, "casebook.people").rows(count, (rng, index) => {
    const female = rng.chance(0.5);
    const first = female ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE);
    const last = rng.pick(LAST);
    const employer = organisations[index % organisations.length] ?? "";
    const others = rng.chance(0.2) ? someOf(rng, organisations, 2).filter((name) => name !== employer) : [];
    const works = rng.chance(0.08) ? [] : [employer, ...others];
    const town = rng.pick(TOWNS);
    const title = female
      ? rng.weighted<string>([
          ["Mrs", 3],
          ["Ms", 4],
          ["Miss", 1],
          ["Dr", 1],
        ])
      : rng.weighted<string>([
          ["Mr", 6],
          ["Dr", 1],
        ]);
    return [
      `P-${pad(600 + index * 2, 5)}`,
      rng.chance(0.03) ? "" : title,
      first,
      last,
      works.join("|"),
      works.length === 0 ? "" : rng.pick(JOBS),
      works.length === 0 || rng.chance(0.25) ? (rng.chance(0.2) ? "-" : "") : `${town.phone}${rng.int(100, 999)}`,
      rng.chance(0.4) ? "" : `07700 900${rng.int(100, 999)}`,
      `${slug(first)}.${slug(last)}@${works.length === 0 ? rng.pick(["gmail.com", "btinternet.com", "outlook.com"]) : `${slug(employer.split(" ").slice(0, 2).join(""))}.co.uk`}`,
      rng.chance(0.15) ? "Y" : "N",
      momentText(workMoment(rng, HISTORY_START + 200, EXPORT_DAY), "dd/MM/yyyy"),
    ];
  });
}

function buildMatters(options: FamilyOptions, count: number, organisations: readonly string[]): string[][] {
  return new RowStream(options.seed, "casebook.matters").rows(count, (rng, index) => {
    const opened = workMoment(rng, HISTORY_START + 300, EXPORT_DAY - 10).days;
    const work = rng.pick(WORK_TYPES);
    const client = rng.pick(organisations);
    const year = String(2016 + (index % 10)).slice(2);
    return [
      `M${year}/${pad(index + 1, 4)}`,
      `${work}: ${client.replace(/ (Ltd|Limited|LLP|plc)$/, "")}`,
      client,
      feeEarner(rng),
      rng.weighted(STAGES),
      rng.chance(0.12) ? "TBC" : pounds(rng, 150, 20000),
      rng.chance(0.15) ? "TBC" : dayText(opened + rng.int(30, 400), "dd/MM/yyyy"),
      work,
      dayText(opened, "dd/MM/yyyy"),
    ];
  });
}

function buildDiary(options: FamilyOptions, count: number, matters: readonly string[][]): string[][] {
  return new RowStream(options.seed, "casebook.diary").rows(count, (rng, index) => {
    const matter = rng.pick(matters);
    const kind = rng.weighted(ENTRY_TYPES);
    const due = workMoment(rng, HISTORY_START + 400, EXPORT_DAY + 50).days;
    const done = due < EXPORT_DAY - 2 ? rng.chance(0.85) : rng.chance(0.05);
    return [
      String(9000 + index * 5),
      matter[0] ?? "",
      kind,
      rng.pick(DESCRIPTIONS[kind] ?? ["Task"]),
      rng.chance(0.06) ? "0000-00-00" : dayText(due, "yyyy-MM-dd"),
      done ? "Y" : "N",
      done ? dayText(due + rng.int(-2, 3), "yyyy-MM-dd") : "0000-00-00",
      feeEarner(rng),
    ];
  });
}

export const CASEBOOK_HEADERS = {
  organisations: [
    "Org No.",
    "Organisation",
    "Group Parent",
    "Sector",
    "Switchboard",
    "Website",
    "Address",
    "Town",
    "Postcode",
    "Country",
    "Fee Earner",
    "Client Since",
    "Est. Annual Fees",
    "Tags",
    "Notes",
  ],
  people: ["Ref", "Title", "Forename", "Surname", "Organisations", "Job Title", "Direct Dial", "Mobile", "Email", "Do Not Mail", "Last Updated"],
  matters: ["Matter Ref", "Matter", "Client", "Fee Earner", "Stage", "Estimated Fees", "Expected Completion", "Work Type", "Opened"],
  diary: ["Entry No.", "Matter Ref", "Type", "Description", "Due", "Done", "Completed", "Assigned To"],
} as const;

export function generateCasebook(options: FamilyOptions): FamilyExport {
  const { rows: organisationRows, names } = buildOrganisations(options, Math.max(20, Math.round(options.rows * 0.2)));
  const matterRows = buildMatters(options, Math.round(options.rows * 0.2), names);
  return {
    system: "casebook",
    dialect: { delimiter: ",", encoding: "utf-8", bom: false, newline: "\n", quoteAll: false },
    tables: [
      { file: "organisations.csv", headers: CASEBOOK_HEADERS.organisations, rows: organisationRows },
      { file: "people.csv", headers: CASEBOOK_HEADERS.people, rows: buildPeople(options, Math.round(options.rows * 0.35), names) },
      { file: "matters.csv", headers: CASEBOOK_HEADERS.matters, rows: matterRows },
      { file: "diary.csv", headers: CASEBOOK_HEADERS.diary, rows: buildDiary(options, Math.round(options.rows * 0.25), matterRows) },
    ],
    users: staffUsers(STAFF, CASEBOOK_FIRM.domain),
  };
}

/**
 * Pipelane: the CRM export of a US software firm (Northbeam Analytics Inc.), laid out as the big
 * SaaS CRMs export their reports. The fourth export family `flitmap init` is measured on, written
 * after the proposer's tuning was done, as a second hold-out (docs/init.md): American English,
 * comma-separated, UTF-8, CRLF, `MM/dd/yyyy` dates, `MM/dd/yyyy h:mm a` date-times, plain numbers
 * for amounts, `true`/`false`.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | accounts.csv | 20% of --rows | companies; `Parent Account` names the parent by its name, `Account Owner` is a user's full name |
 * | contacts.csv | 35% | people; `Account Name` names their company (not its id), `Title` is the job title, `Salutation` the form of address |
 * | opportunities.csv | 20% | opportunities of an account (by id) and often a contact; `Amount` blank when unknown |
 * | tasks.csv | 25% | tasks; `Related To ID` holds an opportunity's or an account's id (which one, only the id says), `Status` Completed when done, `Due Date` blank when none |
 *
 * One owner (Tyler Brooks) has left: no Odoo user has his name.
 */
import type { Rng } from "../prng.js";
import {
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
} from "./family.js";
import type { Moment } from "../formats.js";

export const PIPELANE_FIRM = { name: "Northbeam Analytics Inc.", domain: "northbeam.io" } as const;

const STAFF = [
  { first: "Jordan", last: "Reyes" },
  { first: "Priya", last: "Natarajan" },
  { first: "Marcus", last: "Webb" },
  { first: "Hannah", last: "Cole" },
  { first: "Diego", last: "Alvarez" },
] as const;
const FORMER_STAFF = { first: "Tyler", last: "Brooks" } as const;

const FIRST = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "Michael",
  "Jennifer",
  "David",
  "Linda",
  "Kevin",
  "Ashley",
  "Brian",
  "Emily",
  "Carlos",
  "Mei",
  "Aaron",
  "Grace",
] as const;
const LAST = [
  "Johnson",
  "Miller",
  "Garcia",
  "Rodriguez",
  "Martinez",
  "Anderson",
  "Thompson",
  "Nguyen",
  "Kim",
  "Lopez",
  "Wright",
  "Scott",
  "Hill",
  "Adams",
  "Baker",
  "Rivera",
] as const;
const WORDS = [
  "Summit",
  "Bluewater",
  "Ironclad",
  "Redwood",
  "Brightpath",
  "Keystone",
  "Lakeshore",
  "Cobalt",
  "Evergreen",
  "Northstar",
  "Granite",
  "Silverline",
] as const;
const TRADES = ["Health", "Logistics", "Systems", "Foods", "Capital", "Labs", "Networks", "Manufacturing", "Retail Group", "Energy"] as const;
const FORMS = ["Inc.", "LLC", "Corp.", "Co."] as const;
const CITIES = [
  { city: "San Francisco", state: "CA", zip: "941", area: "415" },
  { city: "New York", state: "NY", zip: "100", area: "212" },
  { city: "Boston", state: "MA", zip: "021", area: "617" },
  { city: "Austin", state: "TX", zip: "787", area: "512" },
  { city: "Chicago", state: "IL", zip: "606", area: "312" },
  { city: "Seattle", state: "WA", zip: "981", area: "206" },
  { city: "Newark", state: "NJ", zip: "071", area: "973" },
] as const;
const CANADA = [
  { city: "Toronto", state: "ON", zip: "M5V 2T6", area: "416" },
  { city: "Vancouver", state: "BC", zip: "V6B 1A1", area: "604" },
] as const;
const STREETS = ["Market Street", "Main Street", "Broadway", "Congress Avenue", "Pine Street", "Harbor Drive", "Lake Shore Drive"] as const;
const INDUSTRIES = ["Technology", "Healthcare", "Financial Services", "Manufacturing", "Retail", "Education", "Nonprofit"] as const;
const ACCOUNT_TYPES = ["Customer", "Prospect", "Partner", "Other"] as const;
const SALUTATIONS_F = ["Ms.", "Ms.", "Mrs.", "Dr."] as const;
const SALUTATIONS_M = ["Mr.", "Mr.", "Mr.", "Dr.", "Prof."] as const;
const TITLES = ["VP of Operations", "Chief Financial Officer", "IT Director", "Procurement Manager", "Head of Data", "CEO", "Office Manager"] as const;
const DEPARTMENTS = ["Finance", "IT", "Operations", "Executive", "Procurement", "Marketing"] as const;
const STAGES = [
  ["Prospecting", 3],
  ["Qualification", 2],
  ["Needs Analysis", 2],
  ["Proposal/Price Quote", 2],
  ["Negotiation/Review", 2],
  ["Closed Won", 3],
  ["Closed Lost", 2],
] as const;
const STAGE_PROBABILITY: Readonly<Record<string, number>> = {
  Prospecting: 10,
  Qualification: 20,
  "Needs Analysis": 30,
  "Proposal/Price Quote": 60,
  "Negotiation/Review": 80,
  "Closed Won": 100,
  "Closed Lost": 0,
};
const LEAD_SOURCES = ["Web", "Trade Show", "Partner Referral", "Cold Call", "Advertisement"] as const;
const PRODUCTS = ["Analytics Suite", "Data Pipeline", "Dashboards", "Support Plan", "Onboarding"] as const;
const NEXT_STEPS = ["Send proposal", "Schedule demo", "Security review", "Legal review", "Follow up call", ""] as const;
const TASK_TYPES = [
  ["Call", 4],
  ["Email", 3],
  ["Meeting", 2],
  ["To Do", 2],
] as const;
const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Call: ["Discovery call", "Pricing call", "Check-in call"],
  Email: ["Send case study", "Send contract", "Email follow-up"],
  Meeting: ["Product demo", "Quarterly business review", "Kickoff meeting"],
  "To Do": ["Prepare quote", "Update forecast", "Review requirements"],
};
const COMMENTS = ["Left voicemail.", "Customer asked for a discount.", "Decision expected next month.", "Waiting on security questionnaire."] as const;

const EXPORT_DAY = day(2026, 2, 10);
const HISTORY_START = day(2018, 1, 8);

function owner(rng: Rng): string {
  return staffMember(rng, { staff: STAFF, former: FORMER_STAFF, formerChance: 0.07, unassignedChance: 0.03 }, (person) => `${person.first} ${person.last}`);
}

/** `MM/dd/yyyy`, as US exports write dates. */
function usDate(days: number): string {
  const [year, month, dayOfMonth] = dayText(days, "yyyy-MM-dd").split("-");
  return `${month}/${dayOfMonth}/${year}`;
}

/** `MM/dd/yyyy h:mm a`. */
function usMoment(moment: Moment): string {
  const hour = Math.floor(moment.minute / 60);
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${usDate(moment.days)} ${twelve}:${pad(moment.minute % 60)} ${hour < 12 ? "AM" : "PM"}`;
}

/** An 18-character record id with the object's prefix (`001` accounts, `003` contacts, `006` opportunities, `00T` tasks). */
function recordId(prefix: string, index: number): string {
  return `${prefix}5g00000${pad(index * 7 + 1000, 5)}AAJ`.slice(0, 18);
}

interface Account {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
}

function buildAccounts(options: FamilyOptions, count: number): { rows: string[][]; accounts: Account[] } {
  const names = new UniqueNames();
  const accounts: Account[] = [];
  const rows = new RowStream(options.seed, "pipelane.accounts").rows(count, (rng, index) => {
    const name = names.take(
      () => `${rng.pick(WORDS)} ${rng.pick(TRADES)} ${rng.pick(FORMS)}`,
      (taken, attempt) => `${taken.replace(/ (Inc\.|LLC|Corp\.|Co\.)$/, "")} ${attempt} LLC`,
    );
    const domain = `${slug(name.split(" ").slice(0, 2).join(""))}.com`;
    const canadian = rng.chance(0.1);
    const place = canadian ? rng.pick(CANADA) : rng.pick(CITIES);
    const zip = canadian ? place.zip : `${place.zip}${pad(rng.int(1, 99))}`;
    const parent = index >= 8 && rng.chance(0.15) ? (accounts[rng.int(0, Math.min(index - 1, 25))]?.name ?? "") : "";
    const created = workMoment(rng, HISTORY_START, EXPORT_DAY - 100);
    const employees = rng.logInt(5, 20000);
    const id = recordId("001", index);
    const row = [
      id,
      name,
      parent,
      owner(rng),
      rng.pick(ACCOUNT_TYPES),
      rng.pick(INDUSTRIES),
      `${rng.int(10, 2400)} ${rng.pick(STREETS)}${rng.chance(0.2) ? `\nSuite ${rng.int(100, 900)}` : ""}`,
      place.city,
      place.state,
      zip,
      canadian ? "Canada" : "United States",
      `(${place.area}) 555-0${rng.int(100, 199)}`,
      rng.chance(0.2) ? "" : domain,
      rng.chance(0.3) ? "" : String(employees * rng.int(50, 400) * 1000),
      String(employees),
      rng.chance(0.6) ? "" : rng.pick(COMMENTS),
      usMoment(created),
      usMoment(workMoment(rng, created.days + 1, EXPORT_DAY)),
    ];
    accounts.push({ id, name, domain });
    return row;
  });
  return { rows, accounts };
}

function buildContacts(options: FamilyOptions, count: number, accounts: readonly Account[]): { rows: string[][]; byAccount: Map<string, string[]> } {
  const stream = new RowStream(options.seed, "pipelane.contacts");
  const rows: string[][] = [];
  const byAccount = new Map<string, string[]>();
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const account = accounts[index % accounts.length] ?? accounts[0];
    if (account === undefined) break;
    const female = rng.chance(0.5);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const id = recordId("003", index);
    rows.push([
      id,
      account.name,
      rng.chance(0.1) ? "" : female ? rng.pick(SALUTATIONS_F) : rng.pick(SALUTATIONS_M),
      first,
      last,
      rng.pick(TITLES),
      rng.pick(DEPARTMENTS),
      rng.chance(0.3) ? "" : `(${rng.int(200, 989)}) 555-0${rng.int(100, 199)}`,
      rng.chance(0.5) ? "" : `(${rng.int(200, 989)}) 555-0${rng.int(100, 199)}`,
      `${slug(first)}.${slug(last)}@${account.domain}`,
      rng.chance(0.12) ? "true" : "false",
      rng.chance(0.7) ? "" : usDate(day(rng.int(1960, 1998), rng.int(1, 12), rng.int(1, 28))),
      owner(rng),
    ]);
    byAccount.set(account.id, [...(byAccount.get(account.id) ?? []), id]);
  }
  return { rows, byAccount };
}

function buildOpportunities(options: FamilyOptions, count: number, accounts: readonly Account[], byAccount: ReadonlyMap<string, string[]>): string[][] {
  return new RowStream(options.seed, "pipelane.opportunities").rows(count, (rng, index) => {
    const account = rng.pick(accounts);
    const contacts = byAccount.get(account.id) ?? [];
    const stage = rng.weighted(STAGES);
    const created = workMoment(rng, HISTORY_START + 200, EXPORT_DAY - 20);
    return [
      recordId("006", index),
      `${account.name.split(" ")[0] ?? "New"} - ${someOf(rng, PRODUCTS, 2).join(" + ")}`,
      account.id,
      contacts.length > 0 && rng.chance(0.6) ? rng.pick(contacts) : "",
      stage,
      rng.chance(0.08) ? "" : String(rng.int(5, 400) * 500),
      String(STAGE_PROBABILITY[stage] ?? 0),
      usDate(created.days + rng.int(20, 180)),
      rng.pick(LEAD_SOURCES),
      rng.chance(0.6) ? "New Business" : "Existing Business",
      rng.pick(NEXT_STEPS),
      owner(rng),
      usMoment(created),
    ];
  });
}

function buildTasks(options: FamilyOptions, count: number, accounts: readonly Account[], opportunities: readonly string[][]): string[][] {
  return new RowStream(options.seed, "pipelane.tasks").rows(count, (rng, index) => {
    const type = rng.weighted(TASK_TYPES);
    const due = workMoment(rng, HISTORY_START + 300, EXPORT_DAY + 40).days;
    const done = due < EXPORT_DAY ? rng.chance(0.8) : rng.chance(0.05);
    const status = done ? "Completed" : rng.pick(["Not Started", "In Progress", "Deferred"]);
    const related = rng.chance(0.6) ? (rng.pick(opportunities)[0] ?? "") : rng.pick(accounts).id;
    return [
      recordId("00T", index),
      rng.pick(SUBJECTS[type] ?? ["Task"]),
      type,
      rng.chance(0.1) ? "" : usDate(due),
      status,
      rng.pick(["High", "Normal", "Normal", "Low"]),
      owner(rng),
      related,
      rng.chance(0.5) ? "" : rng.pick(COMMENTS),
    ];
  });
}

export const PIPELANE_HEADERS = {
  accounts: [
    "Account ID",
    "Account Name",
    "Parent Account",
    "Account Owner",
    "Type",
    "Industry",
    "Billing Street",
    "Billing City",
    "Billing State/Province",
    "Billing Zip/Postal Code",
    "Billing Country",
    "Phone",
    "Website",
    "Annual Revenue",
    "Employees",
    "Description",
    "Created Date",
    "Last Modified Date",
  ],
  contacts: [
    "Contact ID",
    "Account Name",
    "Salutation",
    "First Name",
    "Last Name",
    "Title",
    "Department",
    "Phone",
    "Mobile",
    "Email",
    "Email Opt Out",
    "Birthdate",
    "Contact Owner",
  ],
  opportunities: [
    "Opportunity ID",
    "Opportunity Name",
    "Account ID",
    "Contact ID",
    "Stage",
    "Amount",
    "Probability (%)",
    "Close Date",
    "Lead Source",
    "Type",
    "Next Step",
    "Opportunity Owner",
    "Created Date",
  ],
  tasks: ["Activity ID", "Subject", "Type", "Due Date", "Status", "Priority", "Assigned To", "Related To ID", "Comments"],
} as const;

export function generatePipelane(options: FamilyOptions): FamilyExport {
  const { rows: accountRows, accounts } = buildAccounts(options, Math.max(20, Math.round(options.rows * 0.2)));
  const { rows: contactRows, byAccount } = buildContacts(options, Math.round(options.rows * 0.35), accounts);
  const opportunityRows = buildOpportunities(options, Math.round(options.rows * 0.2), accounts, byAccount);
  return {
    system: "pipelane",
    dialect: { delimiter: ",", encoding: "utf-8", bom: false, newline: "\r\n", quoteAll: false },
    tables: [
      { file: "accounts.csv", headers: PIPELANE_HEADERS.accounts, rows: accountRows },
      { file: "contacts.csv", headers: PIPELANE_HEADERS.contacts, rows: contactRows },
      { file: "opportunities.csv", headers: PIPELANE_HEADERS.opportunities, rows: opportunityRows },
      { file: "tasks.csv", headers: PIPELANE_HEADERS.tasks, rows: buildTasks(options, Math.round(options.rows * 0.25), accounts, opportunityRows) },
    ],
    users: staffUsers(STAFF, PIPELANE_FIRM.domain),
  };
}

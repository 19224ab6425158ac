/**
 * Pelatologio ("customer register"): the export of a refrigeration and professional kitchen
 * supplier in Thessaloniki (Ψυκτική Βορείου Ελλάδος Α.Ε.): the customer register, customer
 * branches and salespeople of its commercial ERP, and the contacts, opportunities and activities
 * of the cloud CRM its sales staff use beside it. The ninth hold-out family of `flitmap init`,
 * written without reading the proposer, its tests or its output: Greek headers and values, the
 * ERP's names in capitals without accents ("ΓΕΥΣΕΙΣ ΤΟΥ ΒΟΡΡΑ Ι.Κ.Ε.") where the CRM writes them
 * in ordinary spelling ("Γεύσεις του Βορρά Ι.Κ.Ε."), tax numbers (ΑΦΜ) with their tax office
 * (ΔΟΥ), sole traders registered surname first with their father's name, and the CRM's times on
 * the Greek twelve-hour clock ("14/3/2025 4:30 μ.μ.").
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | PELATES.CSV | 35% of --rows | the ERP's customers by code (`30.00.0123`, retail `30.01.…`): companies (Α.Ε., Ε.Π.Ε., Ι.Κ.Ε.), partnerships (Ο.Ε., Ε.Ε.), sole traders ("ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ ΤΟΥ ΙΩΑΝΝΗ"), private buyers (surname first), customers in Cyprus and Bulgaria; `Κεντρικό` the head office's **code**; `Πωλητής` a salesperson's code ("00" the head office); `E-mail` now and then two addresses; `Ενεργός` Ναι/Όχι |
 * | YPOKAT.CSV | 15% | customers' branches and delivery points, keyed by customer code and number within it |
 * | PWLHTES.CSV | the staff | salespeople: code, surname and formal given name in capitals, e-mail; the one who left: Ενεργός Όχι |
 * | epafes.csv | 35% | the CRM's contacts: given name and surname apart, the company **by name in ordinary spelling** and its ERP code (blank for prospects' people), a name day (`Γιορτή` "23/4"), tags `;`-separated, the owner **by e-mail** |
 * | efkairies.csv | 20% | opportunities `ΕΥΚ-0123` by account **name** (a customer, or a prospect the ERP lacks) and contact by full name; `Ποσό` "12.500,00 €", `Πιθανότητα` "60%" |
 * | energeies.csv | 50% | activities related to an opportunity, a contact or an account (`Σχετίζεται με` and `Σχετική εγγραφή`); `Έναρξη` and `Λήξη` on the twelve-hour clock with π.μ./μ.μ., `Προθεσμία` a day; `Κατάσταση` Ολοκληρώθηκε … Ακυρώθηκε |
 *
 * The ERP writes Windows-1253, `;`, quoted only where needed, CRLF, `dd/MM/yyyy`, amounts as
 * `1.234,56`, Ναι/Όχι. The CRM's files are UTF-8 without a byte order mark, `,`, every value
 * quoted, CRLF, days as `d/M/yyyy` without leading zeros. The salesperson Αντώνης Καλογήρου (06)
 * has left: no Odoo user has his e-mail.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import { amountText, draftsByDay, pad, RowStream, someOf, UniqueNames, workMoment, type FamilyExport, type FamilyOptions, type SeedUser } from "./family.js";
import {
  branchRows,
  BRANCH_HEADERS,
  buildCustomers,
  CUSTOMER_HEADERS,
  EXPORT_DAY,
  salespersonRows,
  SALESPERSON_HEADERS,
  type Customer,
} from "./pelatologio-erp.js";
import {
  FORMER,
  greeklish,
  greekName,
  landline,
  mobile,
  PELATOLOGIO_FIRM,
  PLACE_WORDS,
  STAFF,
  staffEmail,
  TRADES,
  type Salesperson,
} from "./pelatologio-vocab.js";

/** A CRM day: `d/M/yyyy`, no leading zeros. */
function crmDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${day}/${month}/${year}`;
}

/** A CRM time as Greek Windows writes it: `d/M/yyyy h:mm π.μ.` (midnight to noon) or `μ.μ.`. */
function crmMoment(days: number, minute: number): string {
  const hour = Math.floor(minute / 60);
  return `${crmDay(days)} ${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute % 60)} ${hour < 12 ? "π.μ." : "μ.μ."}`;
}

function ownerEmail(rng: Rng, customer: Customer | undefined, when: number): string {
  const person: Salesperson = when < EXPORT_DAY - 300 && rng.chance(0.1) ? FORMER : (customer?.seller ?? rng.pick(STAFF));
  return staffEmail(person);
}

/** Firms the CRM holds that the ERP does not (yet): their people, deals and calls. */
function prospectFirms(options: FamilyOptions, count: number, customers: readonly Customer[]): string[] {
  const stream = new RowStream(options.seed, "pelatologio.prospects");
  const names = new UniqueNames();
  for (const customer of customers)
    names.take(
      () => customer.name,
      () => customer.name,
    );
  return Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    return names.take(
      () => `${rng.pick(PLACE_WORDS)} ${rng.pick(TRADES)[0]} ${rng.pick(["Ι.Κ.Ε.", "Α.Ε.", "Ο.Ε."])}`,
      (taken, attempt) => `${taken.replace(/ ([^ ]+)$/, "")} ${attempt + 1} ${taken.split(" ").pop() ?? ""}`,
    );
  });
}

interface Contact {
  readonly id: string;
  readonly name: string;
  /** The account: an ERP customer, a prospect firm by name, or nothing. */
  readonly customer: Customer | undefined;
  readonly firm: string;
}

const CONTACT_HEADERS = [
  "ID",
  "Όνομα",
  "Επώνυμο",
  "Εταιρεία",
  "Κωδικός ERP",
  "Θέση",
  "Τηλέφωνο",
  "Κινητό",
  "Email",
  "Γιορτή",
  "Ετικέτες",
  "Συγκατάθεση GDPR",
  "Υπεύθυνος",
  "Τελευταία ενημέρωση",
];

const ROLES = ["Ιδιοκτήτης", "Διευθυντής", "Σεφ", "Υπεύθυνος αγορών", "Υπεύθυνη λογιστηρίου", "Υπεύθυνος συντήρησης", "F&B Manager"];
const TAGS = ["VIP", "Newsletter", "Εποχικός", "Αποφασίζει", "Τεχνικός"];
/** Name days of the commonest names (day/month: no year, every year). */
const NAME_DAYS: Readonly<Record<string, string>> = {
  Γιώργος: "23/4",
  Γεωργία: "23/4",
  Νίκος: "6/12",
  Κώστας: "21/5",
  Ελένη: "21/5",
  Γιάννης: "7/1",
  Ιωάννα: "7/1",
  Δημήτρης: "26/10",
  Δήμητρα: "26/10",
  Μαρία: "15/8",
  Κατερίνα: "25/11",
  Βασίλης: "1/1",
  Βάσω: "1/1",
  Χρήστος: "25/12",
  Χριστίνα: "24/7",
  Σοφία: "17/9",
  Παναγιώτης: "15/8",
};

function buildContacts(
  options: FamilyOptions,
  count: number,
  customers: readonly Customer[],
  prospects: readonly string[],
): { rows: string[][]; contacts: Contact[] } {
  const stream = new RowStream(options.seed, "pelatologio.epafes");
  const businesses = customers.filter((customer) => customer.kind !== "private");
  const rows: string[][] = [];
  const contacts: Contact[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const person = greekName(rng);
    const roll = rng.float();
    const customer = roll < 0.84 ? rng.pick(businesses) : undefined;
    const firm = customer?.name ?? (roll < 0.95 ? rng.pick(prospects) : "");
    const changed = workMoment(rng, EXPORT_DAY - 3 * 365, EXPORT_DAY - 1);
    const domain = customer?.domain || (firm === "" ? rng.pick(["gmail.com", "yahoo.gr"]) : `${greeklish(firm.split(" ")[0] ?? "").slice(0, 12)}.gr`);
    const id = String(1000 + index * 2 + rng.int(0, 1));
    rows.push([
      id,
      person.first,
      person.last,
      firm,
      customer?.code ?? "",
      rng.chance(0.7) ? rng.pick(ROLES) : "",
      rng.chance(0.4) ? landline(rng, customer?.town?.area ?? "2310") : "",
      rng.chance(0.8) ? mobile(rng) : "",
      rng.chance(0.8) ? `${greeklish(person.first).charAt(0)}.${greeklish(person.last)}@${domain}` : "",
      rng.chance(0.5) ? (NAME_DAYS[person.first] ?? "") : "",
      rng.chance(0.45) ? someOf(rng, TAGS, 2).join("; ") : "",
      rng.chance(0.55) ? "Ναι" : "Όχι",
      rng.chance(0.05) ? "" : ownerEmail(rng, customer, changed.days),
      crmMoment(changed.days, changed.minute),
    ]);
    contacts.push({ id, name: `${person.first} ${person.last}`, customer, firm });
  }
  return { rows, contacts };
}

interface Deal {
  readonly number: string;
  readonly account: string;
  readonly created: number;
}

const DEAL_HEADERS = [
  "Αριθμός",
  "Τίτλος",
  "Λογαριασμός",
  "Επαφή",
  "Στάδιο",
  "Ποσό",
  "Πιθανότητα",
  "Αναμενόμενο κλείσιμο",
  "Ημ/νία κλεισίματος",
  "Λόγος απώλειας",
  "Πηγή",
  "Προϊόντα",
  "Υπεύθυνος",
  "Περιγραφή",
  "Δημιουργήθηκε",
];

const OPEN_STAGES = ["Νέα", "Επικοινωνία", "Αυτοψία", "Προσφορά", "Διαπραγμάτευση"] as const;
const PRODUCTS = ["Ψυκτικοί θάλαμοι", "Βιτρίνες", "Ψυγεία πάγκου", "Παγομηχανές", "Καταψύκτες", "Συντήρηση"];
const SUBJECTS = [
  "Ψυκτικός θάλαμος",
  "Ανακαίνιση κουζίνας",
  "Βιτρίνες ζαχαροπλαστικής",
  "Σύμβαση συντήρησης",
  "Παγομηχανή μπαρ",
  "Εξοπλισμός νέου καταστήματος",
];
const LOSS_REASONS = ["Τιμή", "Επέλεξε ανταγωνιστή", "Ακύρωση έργου", "Χρόνος παράδοσης"];
const SOURCES = ["Σύσταση", "Έκθεση HORECA", "Ιστοσελίδα", "Τηλεφωνική επαφή", "Υφιστάμενος πελάτης"];

function dealRow(rng: Rng, number: string, created: number, account: string, contact: string, customer: Customer | undefined): string[] {
  const stage =
    created > EXPORT_DAY - 50
      ? rng.pick(OPEN_STAGES)
      : rng.weighted<string>([...OPEN_STAGES.map((name) => [name, 1] as const), ["Κερδήθηκε", 4], ["Χάθηκε", 3]]);
  const open = OPEN_STAGES.indexOf(stage as (typeof OPEN_STAGES)[number]);
  const probability = stage === "Κερδήθηκε" ? 100 : stage === "Χάθηκε" ? 0 : ([10, 20, 40, 60, 80][open] ?? 10);
  const closed = open < 0 ? Math.min(EXPORT_DAY - 1, created + rng.int(7, 120)) : undefined;
  return [
    number,
    `${rng.pick(SUBJECTS)} ${civilFromDays(created).year}`,
    account,
    contact,
    stage,
    rng.chance(0.05) ? "" : `${amountText(rng.int(8, 600) * 10_000, ".", ",")} €`,
    `${probability}%`,
    rng.chance(0.1) ? "" : crmDay(created + rng.int(20, 150)),
    closed === undefined ? "" : crmDay(closed),
    stage === "Χάθηκε" ? rng.pick(LOSS_REASONS) : "",
    rng.chance(0.8) ? rng.pick(SOURCES) : "",
    rng.chance(0.75) ? someOf(rng, PRODUCTS, 3).join("; ") : "",
    ownerEmail(rng, customer, created),
    rng.chance(0.3) ? rng.pick(["Τιμές χωρίς ΦΠΑ.", "Θέλει παράδοση πριν το Πάσχα.", "Προσφορά σε δύο εκδοχές.\nΜε και χωρίς εγκατάσταση."]) : "",
    crmDay(created),
  ];
}

function buildDeals(
  options: FamilyOptions,
  count: number,
  customers: readonly Customer[],
  contacts: readonly Contact[],
  prospects: readonly string[],
): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "pelatologio.efkairies");
  const active = customers.filter((customer) => customer.active && customer.kind !== "private");
  let serial = 0;
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 2 * 365, EXPORT_DAY - 2))) {
    serial += 1;
    const customer = rng.chance(0.85) ? rng.pick(active) : undefined;
    const account = customer?.name ?? rng.pick(prospects);
    const theirs = contacts.filter((contact) => contact.firm === account);
    const contact = theirs.length > 0 && rng.chance(0.65) ? rng.pick(theirs).name : "";
    const number = `ΕΥΚ-${pad(serial, 4)}`;
    rows.push(dealRow(rng, number, created, account, contact, customer));
    deals.push({ number, account, created });
  }
  return { rows, deals };
}

const ACTIVITY_HEADERS = [
  "ID",
  "Τύπος",
  "Θέμα",
  "Περιγραφή",
  "Κατάσταση",
  "Προτεραιότητα",
  "Έναρξη",
  "Λήξη",
  "Προθεσμία",
  "Σχετίζεται με",
  "Σχετική εγγραφή",
  "Λογαριασμός",
  "Υπεύθυνος",
];

const KINDS: readonly (readonly [string, number])[] = [
  ["Τηλεφώνημα", 9],
  ["Συνάντηση", 4],
  ["Αυτοψία", 3],
  ["Email", 4],
  ["Εργασία", 5],
  ["Σημείωση", 3],
];
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  Τηλεφώνημα: ["Ενημέρωση για προσφορά", "Follow-up", "Παράπονο για θερμοκρασία θαλάμου", "Ραντεβού αυτοψίας"],
  Συνάντηση: ["Παρουσίαση προϊόντων", "Διαπραγμάτευση τιμών", "Συνάντηση με ιδιοκτήτη"],
  Αυτοψία: ["Αυτοψία χώρου κουζίνας", "Μέτρηση για ψυκτικό θάλαμο", "Έλεγχος εγκατάστασης"],
  Email: ["Αποστολή προσφοράς", "Αποστολή τεχνικών φυλλαδίων", "Επιβεβαίωση παραγγελίας"],
  Εργασία: ["Ετοιμασία προσφοράς", "Παραγγελία ανταλλακτικών", "Έλεγχος υπολοίπου"],
  Σημείωση: ["Σημείωση επίσκεψης", "Αλλαγή υπευθύνου αγορών", "Κλειστά για ανακαίνιση"],
};

/** What an activity is about: [related type, related record, account]. */
function related(rng: Rng, contacts: readonly Contact[], deals: readonly Deal[], customers: readonly Customer[], when: number): [string, string, string] {
  const roll = rng.float();
  if (roll < 0.05) return ["", "", ""];
  const open = deals.filter((deal) => deal.created <= when);
  if (roll < 0.4 && open.length > 0) {
    const deal = rng.pick(open);
    return ["Ευκαιρία", deal.number, deal.account];
  }
  if (roll < 0.7) {
    const contact = rng.pick(contacts);
    return ["Επαφή", contact.id, contact.firm];
  }
  const customer = rng.pick(customers.filter((candidate) => candidate.active && candidate.kind !== "private"));
  return ["Λογαριασμός", customer.name, customer.name];
}

function buildActivities(
  options: FamilyOptions,
  count: number,
  customers: readonly Customer[],
  contacts: readonly Contact[],
  deals: readonly Deal[],
): string[][] {
  const stream = new RowStream(options.seed, "pelatologio.energeies");
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, EXPORT_DAY - 540, EXPORT_DAY + 30);
    const minute = Math.floor(moment.minute / 15) * 15;
    const kind = rng.weighted(KINDS);
    const [type, record, account] = related(rng, contacts, deals, customers, moment.days);
    const past = moment.days < EXPORT_DAY;
    const status =
      kind === "Σημείωση"
        ? "Ολοκληρώθηκε"
        : past
          ? rng.weighted<string>([
              ["Ολοκληρώθηκε", 85],
              ["Ακυρώθηκε", 5],
              ["Σε αναμονή", 10],
            ])
          : rng.pick(["Σε αναμονή", "Σε εξέλιξη"]);
    const length = kind === "Συνάντηση" || kind === "Αυτοψία" ? rng.pick([30, 45, 60, 90, 120]) : kind === "Τηλεφώνημα" ? rng.int(1, 6) * 5 : 0;
    const task = kind === "Εργασία";
    return {
      order: moment.days * 1440 + minute,
      cells: [
        kind,
        type === "" ? rng.pick(["Εσωτερική σύσκεψη πωλήσεων", "Εκπαίδευση στο CRM", "Προγραμματισμός εβδομάδας"]) : rng.pick(TOPICS[kind] ?? ["Επικοινωνία"]),
        kind === "Σημείωση" || rng.chance(0.4)
          ? rng.pick([
              "Ζήτησε νέα προσφορά με έκπτωση.",
              "Θα επανέλθει μετά τις γιορτές.",
              "Ο θάλαμος δεν κρατά θερμοκρασία.\nΧρειάζεται τεχνικό.",
              "Συμφωνήθηκε παράδοση σε 3 εβδομάδες.",
            ])
          : "",
        status,
        rng.weighted<string>([
          ["Κανονική", 6],
          ["Υψηλή", 2],
          ["Χαμηλή", 2],
        ]),
        task ? "" : crmMoment(moment.days, minute),
        length === 0 ? "" : crmMoment(moment.days, minute + length),
        task ? crmDay(moment.days) : "",
        type,
        record,
        account,
        staffEmail(moment.days < EXPORT_DAY - 300 && rng.chance(0.1) ? FORMER : rng.pick(STAFF)),
      ],
    };
  }).sort((a, b) => a.order - b.order);
  return entries.map((entry, index) => [String(50_001 + index), ...entry.cells]);
}

export const PELATOLOGIO_HEADERS = {
  pelates: CUSTOMER_HEADERS,
  ypokat: BRANCH_HEADERS,
  pwlhtes: SALESPERSON_HEADERS,
  epafes: CONTACT_HEADERS,
  efkairies: DEAL_HEADERS,
  energeies: ACTIVITY_HEADERS,
} as const;

export function generatePelatologio(options: FamilyOptions): FamilyExport {
  const { rows: customerRows, customers } = buildCustomers(options, Math.max(40, Math.round(options.rows * 0.35)));
  const branches = branchRows(options, Math.max(10, Math.round(options.rows * 0.15)), customers);
  const prospects = prospectFirms(options, Math.max(8, Math.round(options.rows * 0.05)), customers);
  const { rows: contactRows, contacts } = buildContacts(options, Math.max(30, Math.round(options.rows * 0.35)), customers, prospects);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(20, Math.round(options.rows * 0.2)), customers, contacts, prospects);
  const activities = buildActivities(options, Math.max(40, Math.round(options.rows * 0.5)), customers, contacts, deals);
  const users: SeedUser[] = STAFF.map((member) => ({ login: staffEmail(member), name: `${member.first} ${member.last}`, email: staffEmail(member) }));
  const erp = { delimiter: ";", encoding: "windows-1253", bom: false, newline: "\r\n", quoteAll: false } as const;
  return {
    system: "pelatologio",
    // The cloud CRM's files: UTF-8 without a byte order mark, `,`, every value quoted.
    dialect: { delimiter: ",", encoding: "utf-8", bom: false, newline: "\r\n", quoteAll: true },
    tables: [
      { file: "PELATES.CSV", headers: CUSTOMER_HEADERS, rows: customerRows, dialect: erp },
      { file: "YPOKAT.CSV", headers: BRANCH_HEADERS, rows: branches, dialect: erp },
      { file: "PWLHTES.CSV", headers: SALESPERSON_HEADERS, rows: salespersonRows(options), dialect: erp },
      { file: "epafes.csv", headers: CONTACT_HEADERS, rows: contactRows },
      { file: "efkairies.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "energeies.csv", headers: ACTIVITY_HEADERS, rows: activities },
    ],
    users,
  };
}

export { PELATOLOGIO_FIRM };

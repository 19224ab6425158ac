/**
 * Debitorer ("debtors"): the export of Anlægsgartner Holm ApS, a garden and landscaping firm in
 * Roskilde that lays out and keeps the gardens of housing associations, municipalities, firms and
 * households on Zealand: the debtors, contact persons and delivery addresses of its accounting
 * program (in the manner of e-conomic or Dinero), and the companies, deals (salgsmuligheder) and
 * activities of the web CRM its salespeople use beside it. The fourteenth hold-out family of
 * `flitmap init`, written without reading the proposer, its tests or its output.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | debitorer.csv | 20% of --rows | debtors by number: ApS, A/S, I/S, IVS, sole traders (enkeltmandsvirksomhed), housing associations, municipalities with their **EAN (13 digits)**, households with no CVR; **`CVR-nr.` eight digits with the mod-11 check (weights 2 7 6 5 4 3 2 1), one in thirty mistyped**; **`Postnr. og by` `2100 København Ø` in one cell**; phones `+45 12 34 56 78` and `12345678`; `Kreditmaksimum` `25.000,00 kr.`; days `07-08-2025`; `Spærret` Ja/Nej; old names with `aa` for å |
 * | kontaktpersoner.csv | 15% | contact persons of a debtor, `Modtager faktura` Ja/Nej |
 * | leveringsadresser.csv | 6% | delivery addresses (the sites) numbered within their debtor, post code and town apart |
 * | virksomheder.csv | 15% | the CRM's companies: the debtors again **by CVR written `DK12345678`, `12 34 56 78` or bare**, prospects without one |
 * | salgsmuligheder.csv | 14% | deals: the company by name (**a few of a company deleted before the export**), `DKK 1.234,56`, `40 %`, days `7. 8. 2025` |
 * | aktiviteter.csv | 22% | calls (opkald), meetings (møder, **some cancelled: aflyst**) and tasks (opgaver) about a deal or a company: `7. 8. 2025 09:05`, `Varighed` minutes, `Status` Udført/Planlagt/Aflyst |
 *
 * The accounting program writes Windows-1252, `;`, CRLF; the CRM writes UTF-8, `,`, LF.
 */
import { civilFromDays } from "../formats.js";
import type { Rng } from "../prng.js";
import {
  amountText,
  day,
  groupDigits,
  pad,
  RowStream,
  slug,
  staffUsers,
  UniqueNames,
  workMoment,
  type FamilyDialect,
  type FamilyExport,
  type FamilyOptions,
  type StaffPerson,
} from "./family.js";

const ERP: FamilyDialect = { delimiter: ";", encoding: "windows-1252", bom: false, newline: "\r\n", quoteAll: false };
const CRM: FamilyDialect = { delimiter: ",", encoding: "utf-8", bom: false, newline: "\n", quoteAll: false };
const EXPORT_DAY = day(2026, 11, 30);

const STAFF: readonly StaffPerson[] = [
  { first: "Mette", last: "Søndergaard" },
  { first: "Jens", last: "Holm" },
  { first: "Søren", last: "Kjær" },
  { first: "Anne", last: "Bæk" },
];
const FORMER: StaffPerson = { first: "Poul", last: "Aagaard" };

interface Town {
  readonly zip: string;
  readonly name: string;
}
const TOWNS: readonly Town[] = [
  { zip: "4000", name: "Roskilde" },
  { zip: "2100", name: "København Ø" },
  { zip: "2200", name: "København N" },
  { zip: "2500", name: "Valby" },
  { zip: "2600", name: "Glostrup" },
  { zip: "2630", name: "Taastrup" },
  { zip: "2750", name: "Ballerup" },
  { zip: "3400", name: "Hillerød" },
  { zip: "4100", name: "Ringsted" },
  { zip: "4600", name: "Køge" },
  { zip: "2970", name: "Hørsholm" },
  { zip: "4300", name: "Holbæk" },
];
const STREETS = [
  "Algade",
  "Køgevej",
  "Hovedgaden",
  "Skovvej",
  "Ringstedgade",
  "Strandvejen",
  "Bøgevej",
  "Åvej",
  "Ågade",
  "Møllevej",
  "Præstevej",
  "Kirkestræde",
];
const FIRST = [
  "Lars",
  "Hanne",
  "Peter",
  "Birgitte",
  "Mads",
  "Camilla",
  "Rasmus",
  "Lone",
  "Jørgen",
  "Signe",
  "Anders",
  "Kirsten",
  "Thomas",
  "Mia",
  "Niels",
  "Åse",
];
const LAST = [
  "Nielsen",
  "Jensen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Madsen",
  "Østergaard",
  "Kristensen",
  "Aagaard",
  "Bach",
  "Frølund",
];
const TRADES = ["Tømrer", "VVS", "Ejendomsservice", "Revision", "Bageri", "Tandlæge", "Bilforhandler", "Kro", "Maskinfabrik", "Blomster"];
const PLACES = ["Roskilde", "Himmelev", "Trekroner", "Svogerslev", "Gadstrup", "Viby", "Aabyhøj", "Aalsgaarde", "Tune", "Jyllinge", "Osted", "Lejre"];
const FORMS = ["ApS", "A/S", "I/S", "IVS", ""];

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** A CVR number: eight digits whose weighted sum (2 7 6 5 4 3 2 1) is divisible by 11. */
function cvr(rng: Rng): string {
  for (;;) {
    const digits = [rng.int(1, 9), ...Array.from({ length: 6 }, () => rng.int(0, 9))];
    const sum = digits.reduce((total, digit, index) => total + digit * (CVR_WEIGHTS[index] ?? 0), 0);
    const last = (11 - (sum % 11)) % 11;
    if (last < 10) return [...digits, last].join("");
  }
}

/** A mistyped CVR: two neighbouring digits swapped, or the last one off by one. */
function mistyped(number: string): string {
  const swapped = number.slice(0, 3) + number[4] + number[3] + number.slice(5);
  if (swapped !== number && checkCvr(swapped) === false) return swapped;
  return number.slice(0, 7) + String((Number(number[7]) + 1) % 10);
}

function checkCvr(number: string): boolean {
  return [...number].reduce((total, digit, index) => total + Number(digit) * (CVR_WEIGHTS[index] ?? 0), 0) % 11 === 0;
}

/** As the CRM's users typed it: `DK12345678`, `12 34 56 78` or bare. */
function crmCvr(rng: Rng, number: string): string {
  const form = rng.int(0, 2);
  if (form === 0) return `DK${number}`;
  if (form === 1) return number.replace(/(\d\d)(?=\d)/g, "$1 ");
  return number;
}

/** A public customer's EAN (GLN) for electronic invoices: 5798 and nine digits with the GS1 check digit. */
function ean(rng: Rng): string {
  const digits = [5, 7, 9, 8, ...Array.from({ length: 8 }, () => rng.int(0, 9))];
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join("");
}

function phone(rng: Rng): string {
  const digits = String(rng.int(20_000_000, 99_999_999));
  return rng.chance(0.5) ? `+45 ${digits.replace(/(\d\d)(?=\d)/g, "$1 ")}` : digits;
}

/** The accounting program's way: `07-08-2025`. */
function erpDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${pad(dayOfMonth)}-${pad(month)}-${year}`;
}

/** The CRM's way: `7. 8. 2025`. */
function crmDay(days: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(days);
  return `${dayOfMonth}. ${month}. ${year}`;
}

function fullName(person: StaffPerson): string {
  return `${person.first} ${person.last}`;
}

type Kind = "company" | "sole" | "association" | "municipality" | "household";

interface Debtor {
  readonly number: string;
  readonly name: string;
  readonly kind: Kind;
  readonly cvr: string;
  readonly town: Town;
  readonly domain: string;
  readonly seller: StaffPerson;
}

export const DEBTOR_HEADERS = [
  "Kundenr.",
  "Navn",
  "CVR-nr.",
  "EAN-nr.",
  "Adresse",
  "Postnr. og by",
  "Land",
  "Telefon",
  "Mobil",
  "E-mail",
  "Betalingsbetingelse",
  "Kreditmaksimum",
  "Sælger",
  "Spærret",
  "Oprettet",
  "Bemærkning",
];
const TERMS = ["Netto 8 dage", "Netto 14 dage", "Netto 30 dage", "Løbende måned + 30 dage", "Kontant"];

function debtorName(rng: Rng, kind: Kind, person: string): string {
  if (kind === "household") return person;
  if (kind === "sole") return `${person.split(" ")[0]}s ${rng.pick(TRADES)}`;
  if (kind === "association") return `Andelsboligforeningen ${rng.pick(STREETS)} ${rng.int(1, 40)}`;
  if (kind === "municipality") return `${rng.pick(["Roskilde", "Lejre", "Køge", "Greve"])} Kommune, ${rng.pick(["Vej og Park", "Skoler", "Ejendomme"])}`;
  const form = rng.pick(FORMS);
  return `${rng.pick(PLACES)} ${rng.pick(TRADES)}${form === "" ? "" : ` ${form}`}`;
}

function buildDebtors(options: FamilyOptions, count: number): { rows: string[][]; debtors: Debtor[] } {
  const stream = new RowStream(options.seed, "debitorer.debitorer");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const debtors: Debtor[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const kind: Kind = rng.pick(["company", "company", "company", "sole", "association", "municipality", "household", "household"]);
    const person = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const name = names.take(
      () => debtorName(rng, kind, `${rng.pick(FIRST)} ${rng.pick(LAST)}`),
      (taken, attempt) => `${taken} ${attempt}`,
    );
    const number = kind === "household" || kind === "association" ? "" : cvr(rng);
    const town = rng.pick(TOWNS);
    const domain = `${slug(name.split(",")[0] ?? name).slice(0, 18)}.dk`;
    const seller = rng.chance(0.08) ? FORMER : rng.pick(STAFF);
    const written = number !== "" && rng.chance(1 / 30) ? mistyped(number) : number;
    debtors.push({ number: String(10_001 + index), name, kind, cvr: number, town, domain, seller });
    rows.push([
      String(10_001 + index),
      name,
      written,
      kind === "municipality" ? ean(rng) : "",
      `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
      `${town.zip} ${town.name}`,
      rng.chance(0.95) ? "Danmark" : "",
      rng.chance(0.85) ? phone(rng) : "",
      rng.chance(0.4) ? phone(rng) : "",
      kind === "household"
        ? rng.chance(0.6)
          ? `${slug(person)}@${rng.pick(["gmail.com", "mail.dk", "outlook.dk"])}`
          : ""
        : `${rng.pick(["info", "regnskab", "post"])}@${domain}`,
      kind === "municipality" ? "Løbende måned + 30 dage" : rng.pick(TERMS),
      kind === "household" ? "" : `${amountText(rng.int(1, 20) * 500_000, ".", ",")} kr.`,
      `${seller.first[0]}${seller.last[0]}`.toUpperCase(),
      rng.chance(0.05) ? "Ja" : "Nej",
      erpDay(rng.int(EXPORT_DAY - 6 * 365, EXPORT_DAY - 30)),
      rng.chance(0.15) ? rng.pick(["Nøgle i postkassen", "Ring før besøg", "Hund i haven"]) : "",
    ]);
  }
  return { rows, debtors };
}

export const CONTACT_HEADERS = ["Kundenr.", "Nr.", "Navn", "Stilling", "Telefon", "E-mail", "Modtager faktura"];

function contactRows(options: FamilyOptions, count: number, debtors: readonly Debtor[]): string[][] {
  const firms = debtors.filter((debtor) => debtor.kind !== "household");
  const stream = new RowStream(options.seed, "debitorer.kontakter");
  const seen = new Map<string, number>();
  return stream.rows(count, (rng, index) => {
    const debtor = firms[(index * 5 + rng.int(0, 3)) % firms.length];
    if (debtor === undefined) return [];
    const serial = (seen.get(debtor.number) ?? 0) + 1;
    seen.set(debtor.number, serial);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    return [
      debtor.number,
      String(serial),
      `${first} ${last}`,
      rng.pick(["Direktør", "Bogholder", "Driftsleder", "Formand", "Indkøber", ""]),
      rng.chance(0.7) ? phone(rng) : "",
      rng.chance(0.8) ? `${slug(first)}@${debtor.domain}` : "",
      rng.chance(0.3) ? "Ja" : "Nej",
    ];
  });
}

export const DELIVERY_HEADERS = ["Kundenr.", "Lev.nr.", "Navn", "Adresse", "Postnr.", "By"];

function deliveryRows(options: FamilyOptions, count: number, debtors: readonly Debtor[]): string[][] {
  const sites = debtors.filter((debtor) => debtor.kind === "association" || debtor.kind === "municipality" || debtor.kind === "company");
  const stream = new RowStream(options.seed, "debitorer.levering");
  const seen = new Map<string, number>();
  return stream.rows(count, (rng, index) => {
    const debtor = sites[(index * 3 + rng.int(0, 2)) % sites.length];
    if (debtor === undefined) return [];
    const serial = (seen.get(debtor.number) ?? 0) + 1;
    seen.set(debtor.number, serial);
    const town = rng.pick(TOWNS);
    return [
      debtor.number,
      String(serial),
      rng.pick(["Gården", "Skolen", "Legepladsen", "Parkeringspladsen", "Grønningen"]) + ` ${serial}`,
      `${rng.pick(STREETS)} ${rng.int(1, 90)}`,
      town.zip,
      town.name,
    ];
  });
}

interface Company {
  readonly id: string;
  readonly name: string;
  readonly deleted: boolean;
  /** Not a debtor: a group of prospects names its parent company. */
  readonly prospect: boolean;
}

export const COMPANY_HEADERS = [
  "ID",
  "Navn",
  "CVR",
  "Branche",
  "Hjemmeside",
  "Telefon",
  "E-mail",
  "Adresse",
  "Postnr.",
  "By",
  "Moderselskab",
  "Ejer",
  "Nyhedsbrev",
  "Oprettet",
];
const INDUSTRIES = ["Boligforening", "Offentlig", "Erhverv", "Privat", "Detail"];

function buildCompanies(options: FamilyOptions, count: number, debtors: readonly Debtor[]): { rows: string[][]; companies: Company[] } {
  const stream = new RowStream(options.seed, "debitorer.virksomheder");
  const firms = debtors.filter((debtor) => debtor.kind !== "household");
  const names = new UniqueNames();
  for (const debtor of debtors)
    names.take(
      () => debtor.name,
      () => debtor.name,
    );
  const used = new Set<Debtor>();
  const rows: string[][] = [];
  const companies: Company[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const candidate = rng.chance(0.6) ? firms[(index * 7) % firms.length] : undefined;
    const debtor = candidate !== undefined && !used.has(candidate) ? candidate : undefined;
    if (debtor !== undefined) used.add(debtor);
    const name =
      debtor?.name ??
      names.take(
        () => `${rng.pick(PLACES)} ${rng.pick(TRADES)} ${rng.pick(["ApS", "A/S"])}`,
        (taken, attempt) => `${taken.replace(/ (ApS|A\/S)$/, "")} ${attempt} ApS`,
      );
    const deleted = debtor === undefined && (companies.every((company) => !company.deleted) || rng.chance(0.06));
    const id = String(300_000 + index * 7 + rng.int(0, 6));
    const earlier = companies.filter((company) => !company.deleted && company.prospect);
    const parent = debtor === undefined && !deleted && earlier.length > 3 && rng.chance(0.3) ? earlier[rng.int(0, 3)] : undefined;
    companies.push({ id, name, deleted, prospect: debtor === undefined });
    if (deleted) continue;
    const town = debtor?.town ?? rng.pick(TOWNS);
    const owner = rng.chance(0.05) ? "" : fullName(debtor !== undefined && debtor.seller !== FORMER ? debtor.seller : rng.pick(STAFF));
    rows.push([
      id,
      name,
      debtor !== undefined && debtor.cvr !== "" && rng.chance(0.8) ? crmCvr(rng, debtor.cvr) : "",
      rng.pick(INDUSTRIES),
      rng.chance(0.5) ? `www.${slug(name).slice(0, 18)}.dk` : "",
      rng.chance(0.6) ? phone(rng) : "",
      rng.chance(0.5) ? `kontakt@${slug(name).slice(0, 18)}.dk` : "",
      `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
      town.zip,
      town.name,
      parent?.name ?? "",
      owner,
      rng.chance(0.4) ? "Ja" : "Nej",
      crmDay(rng.int(EXPORT_DAY - 3 * 365, EXPORT_DAY - 10)),
    ]);
  }
  return { rows, companies };
}

interface Deal {
  readonly id: string;
  readonly company: Company;
}

export const DEAL_HEADERS = [
  "ID",
  "Titel",
  "Virksomhed",
  "Kontaktperson",
  "Fase",
  "Sandsynlighed",
  "Værdi",
  "Forventet lukning",
  "Kilde",
  "Ejer",
  "Beskrivelse",
];
const STAGES = ["Ny", "Besigtigelse", "Tilbud sendt", "Forhandling", "Vundet", "Tabt"];
const JOBS = ["Ny belægning", "Hækklipning, sæson", "Anlæg af have", "Vintertjeneste", "Træfældning", "Græsslåning, årsaftale", "Regnbed"];

function buildDeals(options: FamilyOptions, count: number, companies: readonly Company[]): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "debitorer.salg");
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const deleted = companies.filter((company) => company.deleted);
    const company = index % 17 === 5 && deleted.length > 0 ? rng.pick(deleted) : rng.pick(companies.filter((candidate) => !candidate.deleted));
    const id = `S-${1000 + index}`;
    deals.push({ id, company });
    const stage = rng.pick(STAGES);
    rows.push([
      id,
      `${rng.pick(JOBS)}, ${company.name.split(" ")[0] ?? ""}`,
      company.name,
      rng.chance(0.7) ? `${rng.pick(FIRST)} ${rng.pick(LAST)}` : "",
      stage,
      `${stage === "Vundet" ? 100 : stage === "Tabt" ? 0 : rng.pick([10, 25, 40, 60, 80])} %`,
      `DKK ${amountText(rng.int(50, 4000) * 1000 + rng.pick([0, 50]) * 100, ".", ",")}`,
      crmDay(rng.int(EXPORT_DAY - 200, EXPORT_DAY + 200)),
      rng.chance(0.8) ? rng.pick(["Hjemmeside", "Anbefaling", "Messe", "Eksisterende kunde"]) : "",
      rng.chance(0.05) ? "" : fullName(rng.pick(STAFF)),
      rng.chance(0.3) ? `Ca. ${groupDigits(rng.int(100, 3000), ".")} m²\nKunden ønsker tilbud på ${rng.pick(["sten", "græs", "beplantning"])}` : "",
    ]);
  }
  return { rows, deals };
}

export const ACTIVITY_HEADERS = ["ID", "Type", "Emne", "Tidspunkt", "Varighed (min)", "Status", "Salgsmulighed", "Virksomhed", "Ejer", "Beskrivelse"];

function activityRows(options: FamilyOptions, count: number, deals: readonly Deal[], companies: readonly Company[]): string[][] {
  const stream = new RowStream(options.seed, "debitorer.aktiviteter");
  const live = deals.filter((deal) => !deal.company.deleted);
  const alive = companies.filter((company) => !company.deleted);
  return stream.rows(count, (rng, index) => {
    const type = rng.pick(["Opkald", "Opkald", "Møde", "Opgave"]);
    const when = workMoment(rng, EXPORT_DAY - 300, EXPORT_DAY + 60);
    const past = when.days < EXPORT_DAY;
    const status = type === "Møde" && rng.chance(0.2) ? "Aflyst" : past ? "Udført" : "Planlagt";
    const deal = rng.chance(0.6) ? rng.pick(live) : undefined;
    const company = deal?.company ?? (rng.chance(0.9) ? rng.pick(alive) : undefined);
    const { year, month, day: dayOfMonth } = civilFromDays(when.days);
    const minute = Math.floor(when.minute / 15) * 15;
    return [
      String(70_000 + index),
      type,
      `${type === "Møde" ? "Besigtigelse" : type === "Opkald" ? "Opfølgning" : "Send tilbud"}${company === undefined ? " (internt)" : ""}`,
      `${dayOfMonth}. ${month}. ${year} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
      type === "Opgave" ? "" : String(rng.pick([15, 30, 45, 60, 90])),
      status,
      deal?.id ?? "",
      company?.name ?? "",
      fullName(rng.chance(0.05) ? FORMER : rng.pick(STAFF)),
      rng.chance(0.3) ? rng.pick(["Kunden var ikke hjemme", "Aftalt ny dato", "Ønsker pris på hæk og belægning"]) : "",
    ];
  });
}

export function generateDebitorer(options: FamilyOptions): FamilyExport {
  const share = (part: number): number => Math.max(8, Math.round(options.rows * part));
  const { rows: debtorRows, debtors } = buildDebtors(options, share(0.2));
  const { rows: companyRows, companies } = buildCompanies(options, share(0.15), debtors);
  const { rows: dealRows, deals } = buildDeals(options, share(0.14), companies);
  return {
    system: "e-conomic-style accounting and a web CRM (Danish)",
    dialect: CRM,
    tables: [
      { file: "debitorer.csv", headers: DEBTOR_HEADERS, rows: debtorRows, dialect: ERP },
      { file: "kontaktpersoner.csv", headers: CONTACT_HEADERS, rows: contactRows(options, share(0.15), debtors), dialect: ERP },
      { file: "leveringsadresser.csv", headers: DELIVERY_HEADERS, rows: deliveryRows(options, share(0.06), debtors), dialect: ERP },
      { file: "virksomheder.csv", headers: COMPANY_HEADERS, rows: companyRows },
      { file: "salgsmuligheder.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "aktiviteter.csv", headers: ACTIVITY_HEADERS, rows: activityRows(options, share(0.22), deals, companies) },
    ],
    users: staffUsers(STAFF, "holm-have.dk"),
  };
}

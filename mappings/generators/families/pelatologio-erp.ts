/**
 * The commercial ERP's files of the Pelatologio family (pelatologio.ts): the customer register
 * (`PELATES.CSV`), its customers' branches (`YPOKAT.CSV`) and the salespeople (`PWLHTES.CSV`),
 * every name in capitals without accents, as Greek ERPs keep them.
 */
import { amountText, day, dayText, pad, RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import type { Rng } from "../prng.js";
import {
  afm,
  bulgarianVat,
  cyprusVat,
  fatherName,
  FORMER,
  greekCaps,
  greeklish,
  greekName,
  greekZip,
  landline,
  LEGAL_FORMS,
  mobile,
  PAYMENT_TERMS,
  PLACE_WORDS,
  PRICE_LISTS,
  REMARKS,
  SHOP_KINDS,
  SHOP_NAMES,
  STAFF,
  staffEmail,
  STREETS,
  TOWNS,
  TRADES,
  type Salesperson,
  type Town,
} from "./pelatologio-vocab.js";

export const EXPORT_DAY = day(2026, 2, 16);
const HISTORY_START = day(2006, 9, 1);

export type CustomerKind = "company" | "partnership" | "sole" | "private" | "foreign";

/** A customer the CRM's files name: by its code, or by its name as the CRM writes it (accented). */
export interface Customer {
  readonly code: string;
  /** The name in ordinary Greek spelling, as the CRM's accounts hold it. */
  readonly name: string;
  readonly kind: CustomerKind;
  readonly domain: string;
  readonly town: Town | undefined;
  readonly seller: Salesperson | undefined;
  readonly active: boolean;
}

export const CUSTOMER_HEADERS = [
  "Κωδικός",
  "Επωνυμία",
  "Διακριτικός τίτλος",
  "Επάγγελμα",
  "Α.Φ.Μ.",
  "Δ.Ο.Υ.",
  "Διεύθυνση",
  "Τ.Κ.",
  "Πόλη",
  "Νομός",
  "Χώρα",
  "Τηλέφωνο 1",
  "Τηλέφωνο 2",
  "Κινητό",
  "Fax",
  "E-mail",
  "Web site",
  "Κατηγορία",
  "Πωλητής",
  "Κεντρικό",
  "Τρόπος πληρωμής",
  "Τιμοκατάλογος",
  "Έκπτωση %",
  "Πιστωτικό όριο",
  "Υπόλοιπο",
  "Ενεργός",
  "Παρατηρήσεις",
  "Ημ/νία εγγραφής",
];

interface Draft {
  readonly kind: CustomerKind;
  /** In ordinary spelling; the ERP writes it in capitals. */
  readonly name: string;
  readonly tradeName: string;
  readonly trade: string;
  readonly vat: string;
  readonly domain: string;
  readonly country: string;
}

function companyName(rng: Rng, kind: CustomerKind, word: string): string {
  if (kind === "partnership") {
    const owner = greekName(rng);
    return rng.chance(0.5)
      ? `Αφοί ${rng.pick(["Γεωργίου", "Νικολάου", "Οικονόμου", "Βασιλείου", "Αθανασίου"])} Ο.Ε.`
      : `${owner.last} ${owner.formal.charAt(0)}. & Σια ${rng.pick(["Ο.Ε.", "Ε.Ε."])}`;
  }
  return `${rng.pick(PLACE_WORDS)} ${word} ${rng.weighted(LEGAL_FORMS)}`;
}

function draftCustomer(rng: Rng, names: UniqueNames): Draft {
  const roll = rng.float();
  const [word, trade] = rng.pick(TRADES);
  const shop = `${SHOP_KINDS[trade] ?? "Κατάστημα"} ${rng.pick(SHOP_NAMES)}`;
  if (roll < 0.96 && roll >= 0.9) {
    // A private buyer of a fridge or a display case: surname first, as the ERP writes people.
    const person = greekName(rng);
    const name = names.take(
      () => `${person.last} ${person.formal}`,
      // A namesake is told apart by the father's name, as Greek registers do.
      (taken) => `${taken} του ${fatherName(rng)}`,
    );
    return { kind: "private", name, tradeName: "", trade: "", vat: rng.chance(0.3) ? afm(rng, rng.pick(["0", "1"])) : "", domain: "", country: "" };
  }
  if (roll >= 0.96) {
    const cyprus = rng.chance(0.7);
    const name = names.take(
      () => (cyprus ? `${rng.pick(PLACE_WORDS)} ${word} Λτδ` : `${rng.pick(["Balkan", "Struma", "Pirin", "Rila"])} Foods EOOD`),
      (taken, attempt) => `${taken} ${attempt}`,
    );
    return {
      kind: "foreign",
      name,
      tradeName: "",
      trade,
      vat: cyprus ? cyprusVat(rng) : bulgarianVat(rng),
      domain: `${greeklish(name.split(" ")[0] ?? "") || "balkan"}.${cyprus ? "com.cy" : "bg"}`,
      country: cyprus ? "Κύπρος" : "Βουλγαρία",
    };
  }
  if (roll < 0.3) {
    // A sole trader is registered under the owner's name, surname first, with the father's name.
    const owner = greekName(rng);
    const name = names.take(
      () => `${owner.last} ${owner.formal} του ${fatherName(rng)}`,
      (taken) => `${taken} ${rng.pick(["Α", "Β"])}`,
    );
    return { kind: "sole", name, tradeName: shop, trade, vat: afm(rng, "1"), domain: `${greeklish(owner.last)}.gr`, country: "" };
  }
  const kind: CustomerKind = roll < 0.45 ? "partnership" : "company";
  const name = names.take(
    () => companyName(rng, kind, word),
    (taken, attempt) => taken.replace(/ ([^ ]+)$/, ` ${PLACE_WORDS[attempt % PLACE_WORDS.length] ?? "Νέα"} $1`),
  );
  const stem = name.replace(/ (Α\.Ε\.|Ε\.Π\.Ε\.|Ι\.Κ\.Ε\.|Ο\.Ε\.|Ε\.Ε\.)$/, "");
  return {
    kind,
    name,
    tradeName: rng.chance(0.5) ? shop : "",
    trade,
    vat: afm(rng, kind === "company" ? "09" : "8"),
    domain: `${greeklish(stem).slice(0, 18)}.gr`,
    country: "",
  };
}

function emails(rng: Rng, draft: Draft): string {
  if (draft.kind === "private")
    return rng.chance(0.4) ? `${greeklish(draft.name.split(" ")[0] ?? "")}${rng.int(10, 99)}@${rng.pick(["gmail.com", "yahoo.gr", "hotmail.com"])}` : "";
  if (!rng.chance(0.85)) return "";
  const main = `${rng.pick(["info", "info", "office", "sales"])}@${draft.domain}`;
  // The ERP has one e-mail field: the accounts office's address goes into it too.
  return rng.chance(0.2) ? `${main}; ${rng.pick(["logistirio", "accounts"])}@${draft.domain}` : main;
}

function address(rng: Rng): string {
  return `${greekCaps(rng.pick(STREETS))} ${rng.int(1, 180)}`;
}

function place(rng: Rng, draft: Draft): { readonly town: Town | undefined; readonly cells: readonly string[] } {
  if (draft.kind === "foreign") {
    const cyprus = draft.country === "Κύπρος";
    return {
      town: undefined,
      cells: [
        cyprus ? `${greekCaps(rng.pick(["Μακαρίου", "Αρχ. Κυπριανού", "Γρίβα Διγενή"]))} ${rng.int(1, 90)}` : `BUL. VITOSHA ${rng.int(1, 120)}`,
        cyprus ? String(rng.pick([1065, 1075, 3036, 3105, 6015])) : "1000",
        cyprus ? rng.pick(["ΛΕΥΚΩΣΙΑ", "ΛΕΜΕΣΟΣ", "ΛΑΡΝΑΚΑ"]) : "SOFIA",
        "",
        greekCaps(draft.country),
      ],
    };
  }
  const town = rng.weighted(TOWNS);
  return { town, cells: [address(rng), greekZip(rng, town), greekCaps(town.name), greekCaps(town.prefecture), "ΕΛΛΑΔΑ"] };
}

function sellerOf(rng: Rng, kind: CustomerKind): { readonly code: string; readonly seller: Salesperson | undefined } {
  // The head office's own customers ("00" ΕΔΡΑ): walk-in buyers and accounts nobody looks after.
  if (kind === "private" || rng.chance(0.06)) return { code: "00", seller: undefined };
  if (rng.chance(0.08)) return { code: FORMER.code, seller: undefined };
  const seller = rng.pick(STAFF);
  return { code: seller.code, seller };
}

function customerRow(
  rng: Rng,
  code: string,
  draft: Draft,
  parent: string,
  sellerCode: string,
  town: Town | undefined,
  placeCells: readonly string[],
  active: boolean,
): string[] {
  const business = draft.kind !== "private";
  const greek = draft.kind !== "foreign";
  const area = town?.area ?? "2310";
  const balance = rng.chance(0.5) ? 0 : rng.int(-80_000, 2_500_000);
  return [
    code,
    greekCaps(draft.name),
    greekCaps(draft.tradeName),
    greekCaps(draft.trade),
    draft.vat,
    greek && draft.vat !== ""
      ? draft.kind === "company" && town?.area === "2310"
        ? "ΦΑΕ ΘΕΣΣΑΛΟΝΙΚΗΣ"
        : greekCaps(rng.pick(town?.taxOffices ?? ["Α' Θεσσαλονίκης"]))
      : "",
    ...placeCells,
    greek
      ? business || rng.chance(0.3)
        ? landline(rng, area)
        : ""
      : draft.country === "Κύπρος"
        ? `+357 ${rng.pick(["22", "25", "24"])} ${rng.int(100000, 999999)}`
        : `+359 2 ${rng.int(1000000, 9999999)}`,
    business && greek && rng.chance(0.3) ? landline(rng, area) : "",
    !business || draft.kind === "sole" || rng.chance(0.35) ? mobile(rng) : "",
    business && greek && rng.chance(0.25) ? landline(rng, area) : "",
    emails(rng, draft),
    business && rng.chance(0.4) ? `www.${draft.domain}` : "",
    business
      ? rng.weighted<string>([
          ["ΧΟΝΔΡΙΚΗ", 5],
          ["HORECA", 4],
          ["ΑΛΥΣΙΔΑ", parent === "" ? 0 : 30],
        ])
      : "ΛΙΑΝΙΚΗ",
    sellerCode,
    parent,
    business ? rng.weighted(PAYMENT_TERMS) : "ΜΕΤΡΗΤΟΙΣ",
    business ? rng.pick(PRICE_LISTS.slice(0, 2)) : "ΛΙΑΝΙΚΗΣ",
    amountText(rng.chance(0.7) ? 0 : rng.pick([300, 500, 1000, 1500]), ".", ","),
    business ? amountText(rng.int(0, 30) * 100_000, ".", ",") : "0,00",
    `${balance < 0 ? "-" : ""}${amountText(Math.abs(balance), ".", ",")}`,
    active ? "Ναι" : "Όχι",
    rng.chance(0.12) ? rng.pick(REMARKS) : "",
    dayText(rng.int(HISTORY_START, EXPORT_DAY - 20), "dd/MM/yyyy"),
  ];
}

/** The register's rows in code order, and the customers the CRM's files name. */
export function buildCustomers(options: FamilyOptions, count: number): { readonly rows: string[][]; readonly customers: Customer[] } {
  const stream = new RowStream(options.seed, "pelatologio.pelates");
  const names = new UniqueNames();
  const heads: string[] = [];
  const rows: string[][] = [];
  const customers: Customer[] = [];
  let serial = 0;
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    serial += rng.int(1, 4);
    // 30.00.xxxx: account 30 of the Greek chart of accounts is the customers'; 30.01 the retail ones.
    const draft = draftCustomer(rng, names);
    const code = `30.0${draft.kind === "private" ? 1 : 0}.${pad(serial, 4)}`;
    // A chain's or a hotel group's outlets are customers of their own, under the head office's code.
    const parent = (draft.kind === "company" || draft.kind === "sole") && heads.length > 0 && rng.chance(0.14) ? rng.pick(heads) : "";
    if (draft.kind === "company" && heads.length < 10 && rng.chance(0.25)) heads.push(code);
    const { code: sellerCode, seller } = sellerOf(rng, draft.kind);
    const active = rng.chance(0.92);
    const { town, cells } = place(rng, draft);
    rows.push(customerRow(rng, code, draft, parent, sellerCode, town, cells, active));
    customers.push({ code, name: draft.name, kind: draft.kind, domain: draft.domain, town, seller, active });
  }
  return { rows, customers };
}

export const BRANCH_HEADERS = ["Κωδ. πελάτη", "Α/Α", "Περιγραφή", "Διεύθυνση", "Τ.Κ.", "Πόλη", "Τηλέφωνο", "Υπεύθυνος", "Ενεργό"];

/** The branches and delivery points of a customer, numbered 1, 2, ... within it. */
export function branchRows(options: FamilyOptions, count: number, customers: readonly Customer[]): string[][] {
  const stream = new RowStream(options.seed, "pelatologio.ypokat");
  const owners = customers.filter((customer) => customer.kind === "company" || customer.kind === "partnership" || customer.kind === "sole");
  const rows: string[][] = [];
  const numbers = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const customer = rng.pick(owners);
    const number = (numbers.get(customer.code) ?? 0) + 1;
    numbers.set(customer.code, number);
    const town = rng.weighted(TOWNS);
    const person = rng.chance(0.6) ? greekName(rng) : undefined;
    rows.push([
      customer.code,
      String(number),
      greekCaps(rng.pick([`Κατάστημα ${town.name}`, "Αποθήκη", `Υποκατάστημα ${town.name}`, "Κεντρική κουζίνα", `Ξενοδοχείο ${town.name}`])),
      address(rng),
      greekZip(rng, town),
      greekCaps(town.name),
      rng.chance(0.7) ? landline(rng, town.area) : "",
      person === undefined ? "" : greekCaps(`${person.last} ${person.formal}`),
      rng.chance(0.9) ? "Ναι" : "Όχι",
    ]);
  }
  return rows.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? "") || Number(a[1]) - Number(b[1]));
}

export const SALESPERSON_HEADERS = ["Κωδικός", "Επώνυμο", "Όνομα", "E-mail", "Κινητό", "Ενεργός"];

/** The salespeople: surname and formal given name in capitals; "00" is the head office itself. */
export function salespersonRows(options: FamilyOptions): string[][] {
  const stream = new RowStream(options.seed, "pelatologio.pwlhtes");
  return [
    ["00", "ΕΔΡΑ", "", "", "", "Ναι"],
    ...[...STAFF, FORMER].map((person, index) => [
      person.code,
      greekCaps(person.last),
      greekCaps(person.formal),
      staffEmail(person),
      mobile(stream.row(index)),
      person === FORMER ? "Όχι" : "Ναι",
    ]),
  ];
}

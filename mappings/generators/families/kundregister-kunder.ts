/**
 * The customer register of the Kundregister family (kundregister.ts): `Kundregister.csv` as the
 * accounting program writes it, one row a customer, sorted by its number, and the customers the
 * CRM's files name.
 */
import { amountText, day, dayText, groupDigits, RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import type { Rng } from "../prng.js";
import {
  ASSOCIATIONS,
  FOREIGN,
  FORMER,
  HOUSING,
  INVOICE_METHODS,
  landline,
  mobile,
  MUNICIPALITIES,
  orgNumber,
  personalNumber,
  PLACE_WORDS,
  REMARKS,
  seSlug,
  STAFF,
  street,
  swedishName,
  swedishPostal,
  TERMS,
  TOWNS,
  TRADES,
  type ForeignPlace,
  type Seller,
  type Town,
} from "./kundregister-vocab.js";

export const EXPORT_DAY = day(2026, 1, 19);
const HISTORY_START = day(2008, 3, 1);
/** The accounting program's "no date", written where a customer was never invoiced. */
const NO_DATE = "0000-00-00";

export type CustomerKind = "ab" | "hb" | "sole" | "association" | "municipality" | "private" | "foreign" | "subsidiary";

/** A customer other files point to. */
export interface Customer {
  readonly number: string;
  /** Namn, as the register writes it: the CRM's deals name customers by it. */
  readonly name: string;
  readonly kind: CustomerKind;
  readonly domain: string;
  readonly town: Town | undefined;
  /** The seller the customer belongs to, when one still works here. */
  readonly seller: Seller | undefined;
  readonly inactive: boolean;
}

export const CUSTOMER_HEADERS = [
  "Kundnr",
  "Namn",
  "Kundtyp",
  "Org.nr",
  "Momsreg.nr",
  "Utdelningsadress",
  "Adress 2",
  "Postadress",
  "Land",
  "Telefon",
  "Mobil",
  "Fax",
  "E-post",
  "E-post faktura",
  "Hemsida",
  "Vår referens",
  "Er referens",
  "Kundkategori",
  "Moderbolag",
  "Betalningsvillkor",
  "Valuta",
  "Kreditgräns",
  "Rabatt %",
  "Fakturasätt",
  "Leveransadress",
  "Lev. postadress",
  "Saldo",
  "Senaste faktura",
  "Inaktiv",
  "Anteckning",
  "Skapad",
];

/** "SE556123456701", written now and then with the organisation number's dash and spaces. */
function swedishVat(rng: Rng, org: string): string {
  const digits = org.replace("-", "");
  return rng.chance(0.2) ? `SE ${org} 01` : `SE${digits}01`;
}

/** The signature of the customer's seller: nobody now and then, the one who retired sometimes. */
function sellerOf(rng: Rng): { readonly text: string; readonly seller: Seller | undefined } {
  if (rng.chance(0.06)) return { text: "", seller: undefined };
  if (rng.chance(0.08)) return { text: FORMER.signature, seller: undefined };
  const seller = rng.pick(STAFF);
  return { text: seller.signature, seller };
}

interface Draft {
  readonly kind: CustomerKind;
  readonly name: string;
  readonly org: string;
  readonly vat: string;
  readonly category: string;
  readonly domain: string;
  readonly parent: string;
  readonly reference: string;
  readonly foreign: ForeignPlace | undefined;
}

function companyDraft(rng: Rng, kind: CustomerKind, names: UniqueNames, parents: readonly string[]): Draft {
  const [trade, category] = rng.pick(TRADES);
  const contact = rng.chance(0.55) ? swedishName(rng) : undefined;
  const reference = contact === undefined ? "" : `${contact.first} ${contact.last}`;
  const base = { org: "", vat: "", category, parent: "", reference, foreign: undefined };
  const vary = (name: string, attempt: number): string => name.replace(/ (AB|HB|KB)$/, ` ${PLACE_WORDS[attempt % PLACE_WORDS.length] ?? "Väst"} $1`);
  if (kind === "subsidiary" && parents.length > 0) {
    const parent = rng.pick(parents);
    const name = names.take(() => parent.replace(/ AB$/, ` ${rng.pick(["Väst", "Syd", "Service", "Fastigheter"])} AB`), vary);
    const org = orgNumber(rng, "559");
    return { ...base, kind, name, org, vat: swedishVat(rng, org), domain: seSlug(parent.replace(/ AB$/, "")) + ".se", parent };
  }
  if (kind === "hb") {
    const name = names.take(() => `${swedishName(rng).last} & ${swedishName(rng).last} ${rng.pick(["HB", "KB"])}`, vary);
    const org = orgNumber(rng, "969");
    return { ...base, kind, name, org, vat: swedishVat(rng, org), domain: seSlug(name.split(" ")[0] ?? "hb") + "hb.se" };
  }
  if (kind === "sole") {
    const owner = swedishName(rng);
    const name = names.take(
      () => (rng.chance(0.5) ? `${owner.first} ${owner.last} ${trade}` : `${owner.last}s ${trade}`),
      (name) => `${name} i ${rng.pick(PLACE_WORDS)}`,
    );
    const org = personalNumber(rng);
    return {
      ...base,
      kind,
      name,
      org,
      vat: rng.chance(0.7) ? swedishVat(rng, org) : "",
      domain: seSlug(owner.last + trade) + ".se",
      reference: `${owner.first} ${owner.last}`,
    };
  }
  const name = names.take(() => (rng.chance(0.6) ? `${swedishName(rng).last}s ${trade} AB` : `${rng.pick(PLACE_WORDS)} ${trade} AB`), vary);
  const org = orgNumber(rng, rng.pick(["556", "559"]));
  return { ...base, kind: "ab", name, org, vat: swedishVat(rng, org), domain: seSlug(name.replace(/ AB$/, "")) + ".se" };
}

function draftCustomer(rng: Rng, names: UniqueNames, parents: readonly string[]): Draft {
  const roll = rng.float();
  if (roll < 0.6) return companyDraft(rng, "ab", names, parents);
  if (roll < 0.66) return companyDraft(rng, "hb", names, parents);
  if (roll < 0.76) return companyDraft(rng, "sole", names, parents);
  if (roll < 0.81) return companyDraft(rng, parents.length > 0 ? "subsidiary" : "ab", names, parents);
  if (roll < 0.86) {
    const housing = rng.chance(0.5);
    const name = names.take(
      () => (housing ? `Brf ${rng.pick(HOUSING)}` : rng.pick(ASSOCIATIONS)),
      (name, attempt) => `${name} ${attempt}`,
    );
    return {
      kind: "association",
      name,
      org: orgNumber(rng, housing ? "769" : "802"),
      vat: "",
      category: "FÖRENING",
      domain: seSlug(name) + ".se",
      parent: "",
      reference: "",
      foreign: undefined,
    };
  }
  if (roll < 0.89) {
    const name = names.take(
      () => rng.pick(MUNICIPALITIES),
      (name, attempt) => `${name} ${["Kultur", "Skola", "Teknik"][attempt % 3] ?? ""}`.trim(),
    );
    const org = orgNumber(rng, "212000");
    return {
      kind: "municipality",
      name,
      org,
      vat: `SE${org.replace("-", "")}01`,
      category: "OFFENTLIG",
      domain: seSlug((name.split(" ")[0] ?? "").replace(/s$/, "")) + ".se",
      parent: "",
      reference: "",
      foreign: undefined,
    };
  }
  if (roll < 0.96) {
    // The register writes a private customer surname first: "Svensson, Karin".
    const person = swedishName(rng);
    const name = names.take(
      () => `${person.last}, ${person.first}`,
      // A namesake is told apart by a middle initial, as a clerk would.
      (name, attempt) => `${name} ${"MEKLJ".charAt(attempt % 5)}.`,
    );
    return { kind: "private", name, org: "", vat: "", category: "PRIVAT", domain: "gmail.com", parent: "", reference: "", foreign: undefined };
  }
  const foreign = rng.pick(FOREIGN);
  const name = names.take(
    () => `${rng.pick(foreign.stems)} ${rng.pick(TRADES)[0]} ${foreign.suffix}`,
    (name, attempt) => `${name} ${attempt}`,
  );
  return {
    kind: "foreign",
    name,
    org: "",
    vat: foreign.vat(rng),
    category: "FÖRETAG",
    domain: `${seSlug(name.split(" ")[0] ?? "")}.${foreign.tld}`,
    parent: "",
    reference: "",
    foreign,
  };
}

function email(rng: Rng, draft: Draft): string {
  if (draft.kind === "private") {
    const [last, first] = draft.name.split(", ");
    return rng.chance(0.7) ? `${seSlug(first ?? "")}.${seSlug(last ?? "")}@${rng.pick(["gmail.com", "hotmail.com", "telia.com"])}` : "";
  }
  return rng.chance(0.85) ? `${rng.pick(["info", "info", "kontakt", "order"])}@${draft.domain}` : "";
}

function customerRow(rng: Rng, number: string, draft: Draft, seller: string, inactive: boolean): string[] {
  const town = draft.foreign === undefined ? rng.weighted(TOWNS) : undefined;
  const phone = draft.foreign?.phone(rng) ?? (town !== undefined && (draft.kind !== "private" || rng.chance(0.3)) ? landline(rng, town.area) : "-");
  const delivery = draft.kind !== "private" && draft.foreign === undefined && rng.chance(0.12);
  const currency = draft.foreign?.currency ?? "SEK";
  const created = rng.int(HISTORY_START, EXPORT_DAY - 30);
  const invoiced = rng.chance(0.15) ? NO_DATE : dayText(rng.int(Math.max(created, EXPORT_DAY - 900), EXPORT_DAY - 1), "yyyy-MM-dd");
  const balance = rng.chance(0.55) ? 0 : rng.int(-50_000, 4_000_000);
  const company = draft.kind !== "private";
  return [
    number,
    draft.name,
    company ? "Företag" : "Privatperson",
    draft.org,
    draft.vat,
    street(rng),
    company && rng.chance(0.15) ? rng.pick([`Box ${rng.int(10, 9999)}`, "c/o Ekonomiavdelningen", `Plan ${rng.int(2, 6)}`]) : "",
    draft.foreign?.postal(rng) ?? (town === undefined ? "" : swedishPostal(rng, town)),
    draft.foreign?.country ?? "",
    phone,
    rng.chance(draft.kind === "private" || draft.kind === "sole" ? 0.8 : 0.3) ? mobile(rng) : "-",
    company && rng.chance(0.1) && town !== undefined ? landline(rng, town.area) : "-",
    email(rng, draft),
    company && rng.chance(0.35) ? `${rng.pick(["faktura", "ekonomi", "invoice"])}@${draft.domain}` : "",
    company && rng.chance(0.6) ? `www.${draft.domain}` : "",
    seller,
    draft.reference,
    draft.category,
    draft.parent,
    draft.kind === "municipality" ? "30" : draft.kind === "private" ? "K" : rng.weighted(TERMS),
    currency,
    company && rng.chance(0.6) ? groupDigits(rng.int(1, 40) * 5_000, " ") : "0",
    rng.chance(0.3) ? rng.pick(["5", "10", "2,5", "7,5"]) : "0",
    draft.kind === "municipality" ? "E-faktura" : rng.weighted(INVOICE_METHODS),
    delivery ? street(rng) : "",
    delivery && town !== undefined ? swedishPostal(rng, town) : "",
    `${balance < 0 ? "-" : ""}${amountText(Math.abs(balance), " ", ",")}`,
    invoiced,
    inactive ? "Ja" : "Nej",
    rng.chance(0.15) ? rng.pick(REMARKS) : "",
    dayText(created, "yyyy-MM-dd"),
  ];
}

/** The register's rows, sorted by customer number, and the customers other files name. */
export function buildCustomers(options: FamilyOptions, count: number): { readonly rows: string[][]; readonly customers: Customer[] } {
  const stream = new RowStream(options.seed, "kundregister.kunder");
  const names = new UniqueNames();
  const parents: string[] = [];
  const rows: string[][] = [];
  const customers: Customer[] = [];
  let number = 1000;
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    number += rng.int(1, 3);
    const draft = draftCustomer(rng, names, parents);
    if (draft.kind === "ab" && parents.length < 12 && rng.chance(0.3)) parents.push(draft.name);
    const { text, seller } = sellerOf(rng);
    const inactive = rng.chance(0.08);
    const row = customerRow(rng, String(number), draft, text, inactive);
    rows.push(row);
    const town = TOWNS.map(([candidate]) => candidate).find((candidate) => (row[7] ?? "").endsWith(` ${candidate.name}`));
    customers.push({ number: String(number), name: draft.name, kind: draft.kind, domain: draft.domain, town, seller, inactive });
  }
  return { rows, customers };
}

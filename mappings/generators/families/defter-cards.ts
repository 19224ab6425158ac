/**
 * The account cards of the Defter family (defter.ts): `CARI_KARTLAR.csv` as the desktop ERP
 * writes it, one row a current account ("cari hesap"), sorted by its code, and the accounts the
 * CRM's files name.
 */
import { amountText, day, dayText, RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import type { Rng } from "../prng.js";
import {
  address,
  digits,
  FOREIGN_CUSTOMERS,
  FORMER_SELLER,
  gsm,
  iban,
  landline,
  LEGAL_FORMS,
  PROVINCES,
  REMARKS,
  SALES_TEAM,
  SUPPLIERS,
  TERMS,
  TRADE_PREFIXES,
  TRADES,
  trSlug,
  trUpper,
  turkishName,
  type Province,
  type TurkishName,
} from "./defter-vocab.js";

export const EXPORT_DAY = day(2026, 2, 16);
const HISTORY_START = day(2009, 9, 1);
/** The ERP's "no date": its database's first day, written where a date was never set. */
const NO_DATE = "01.01.1900";

export type AccountKind = "firm" | "branch" | "sole" | "individual" | "supplier" | "foreign" | "old";

/** An account other files point to. */
export interface Account {
  readonly code: string;
  /** Kısa Adı: the name the CRM knows the account by. */
  readonly short: string;
  readonly kind: AccountKind;
  readonly domain: string;
  /** The seller the account belongs to, when it has one who is still with the firm. */
  readonly seller: TurkishName | undefined;
  /** Döviz Türü: TL, or the USD or EUR the account is kept in. */
  readonly currency: string;
}

export const CARD_HEADERS = [
  "Cari Kodu",
  "Ünvanı",
  "Kısa Adı",
  "Cari Tipi",
  "Şahıs Şirketi",
  "Adı",
  "Soyadı",
  "Vergi Dairesi",
  "Vergi No",
  "TC Kimlik No",
  "Adres 1",
  "Adres 2",
  "İlçe",
  "İl",
  "Posta Kodu",
  "Ülke",
  "Telefon 1",
  "Telefon 2",
  "Faks",
  "GSM",
  "E-Posta",
  "Web",
  "Yetkili",
  "Satış Temsilcisi",
  "Özel Kod",
  "Bağlı Cari",
  "Ödeme Vadesi",
  "Döviz Türü",
  "Risk Limiti",
  "İskonto %",
  "Bakiye",
  "B/A",
  "e-Fatura",
  "IBAN",
  "Açılış Tarihi",
  "Son Satış Tarihi",
  "Durumu",
  "Açıklama",
];

/** A valid T.C. identity number: eleven digits, the last two check digits. */
function tcKimlik(rng: Rng): string {
  const d = [rng.int(1, 9), ...Array.from({ length: 8 }, () => rng.int(0, 9))];
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((sum, digit) => sum + digit, 0) + tenth) % 10;
  return [...d, tenth, eleventh].join("");
}

function trAmount(cents: number): string {
  return amountText(cents, ".", ",");
}

/** The seller a card names, in Turkish capitals: nobody now and then, the one who has left sometimes. */
function sellerOf(rng: Rng): { readonly text: string; readonly seller: TurkishName | undefined } {
  if (rng.chance(0.07)) return { text: "", seller: undefined };
  if (rng.chance(0.08)) return { text: trUpper(`${FORMER_SELLER.first} ${FORMER_SELLER.last}`), seller: undefined };
  const seller = rng.pick(SALES_TEAM);
  return { text: trUpper(`${seller.first} ${seller.last}`), seller };
}

/** The contact the card names: a full name, "Ahmet Bey" / "Ayşe Hanım", or the accounts department. */
function yetkili(rng: Rng): string {
  if (rng.chance(0.4)) return "";
  const person = turkishName(rng);
  const roll = rng.float();
  if (roll < 0.5) return `${person.first} ${person.last}`;
  if (roll < 0.85) return `${person.first} ${person.female ? "Hanım" : "Bey"}`;
  return "Muhasebe";
}

function province(rng: Rng): Province {
  return rng.weighted(PROVINCES.map((candidate) => [candidate, candidate.weight] as const));
}

/** The İl and İlçe as the ERP holds them: in capitals, in the case typed by another clerk now and then. */
function placeCells(rng: Rng, place: Province): readonly [string, string] {
  const district = rng.pick(place.districts);
  return rng.chance(0.85) ? [trUpper(district), trUpper(place.il)] : [district, place.il];
}

interface CardParts {
  readonly kind: AccountKind;
  readonly code: string;
  readonly title: string;
  readonly short: string;
  readonly type: string;
  readonly person?: TurkishName;
  readonly taxOffice: string;
  readonly vkn: string;
  readonly tckn: string;
  readonly place?: Province;
  readonly abroad?: { readonly country: string; readonly city: string; readonly zip: string; readonly currency: string };
  readonly yetkili: string;
  readonly seller: string;
  readonly sector: string;
  readonly parent: string;
  readonly currency: string;
  readonly passive: boolean;
  readonly remark: string;
  readonly domain: string;
}

function cardRow(rng: Rng, parts: CardParts): string[] {
  const place = parts.place ?? PROVINCES[0];
  const [ilce, il] = parts.abroad !== undefined || place === undefined ? [parts.abroad?.city ?? "", ""] : placeCells(rng, place);
  const [line1, line2] = parts.abroad !== undefined ? [`${rng.pick(["Nizami", "Rustaveli", "Gulan", "Aachener"])} Str. ${rng.int(1, 90)}`, ""] : address(rng);
  const area = place?.area ?? "224";
  const phone = (chance: number): string => (rng.chance(chance) ? landline(rng, area) : rng.chance(0.3) ? "-" : "");
  const emails =
    parts.domain === ""
      ? rng.chance(0.4)
        ? `${trSlug(parts.person?.first ?? "info")}${rng.int(1, 99)}@${rng.pick(["gmail.com", "hotmail.com", "yandex.com"])}`
        : "YOK"
      : rng.chance(0.2)
        ? `info@${parts.domain};muhasebe@${parts.domain}`
        : rng.chance(0.03)
          ? `ınfo@${parts.domain}`
          : rng.chance(0.03)
            ? `info@${parts.domain}.`
            : `info@${parts.domain}`;
  const opened = rng.int(HISTORY_START, EXPORT_DAY - 30);
  const lastSale = parts.type === "Satıcı" || rng.chance(0.15) ? NO_DATE : dayText(rng.int(Math.max(opened, EXPORT_DAY - 700), EXPORT_DAY - 1), "dd.MM.yyyy");
  const limit = parts.kind === "individual" || parts.type === "Satıcı" || rng.chance(0.3) ? 0 : rng.int(5, 300) * 1_000_000;
  const balance = rng.int(0, 80_000_000);
  return [
    parts.code,
    parts.title,
    parts.short,
    parts.type,
    parts.person === undefined ? "H" : "E",
    parts.person?.first ?? "",
    parts.person?.last ?? "",
    parts.taxOffice,
    parts.vkn,
    parts.tckn,
    line1,
    line2,
    ilce,
    il,
    parts.abroad?.zip ?? `${place?.zip ?? "16"}${digits(rng, 3)}`,
    parts.abroad?.country ?? (rng.chance(0.3) ? "TÜRKİYE" : ""),
    phone(parts.kind === "individual" ? 0.1 : 0.9),
    phone(0.25),
    parts.kind === "individual" ? "" : phone(0.35),
    rng.chance(parts.person === undefined ? 0.3 : 0.8) ? gsm(rng) : "",
    emails,
    parts.domain !== "" && rng.chance(0.6) ? `www.${parts.domain}` : "",
    parts.yetkili,
    parts.seller,
    parts.sector,
    parts.parent,
    rng.weighted(TERMS),
    parts.currency,
    trAmount(limit),
    parts.kind === "individual" ? "0" : rng.pick(["0", "0", "5", "7,5", "10", "12"]),
    trAmount(balance),
    balance === 0 ? "" : rng.chance(0.8) ? "B" : "A",
    parts.kind === "individual" ? "H" : rng.chance(0.75) ? "E" : "H",
    rng.chance(parts.type === "Satıcı" ? 0.9 : 0.25) ? iban(rng) : "",
    dayText(opened, "dd.MM.yyyy"),
    lastSale,
    parts.passive ? "Pasif" : "Aktif",
    parts.remark !== "" ? parts.remark : rng.chance(0.15) ? rng.pick(REMARKS) : "",
  ];
}

function firmParts(rng: Rng, names: UniqueNames, code: string): CardParts {
  const trade = rng.pick(TRADES);
  const owner = turkishName(rng);
  const short = names.take(
    () => `${rng.chance(0.5) ? owner.last : rng.pick(TRADE_PREFIXES)} ${trade.word}`,
    (name, attempt) => `${name} ${["", "", "Grup", "Proje", "Teknik", "Mühendislik"][attempt] ?? attempt}`,
  );
  const form = rng.weighted(LEGAL_FORMS.map((candidate) => [candidate, candidate.weight] as const));
  const place = province(rng);
  const seller = sellerOf(rng);
  return {
    kind: "firm",
    code,
    title: trUpper(`${short.replace(trade.word, trade.long)} ${rng.chance(0.85) ? form.long : form.short}`)
      .replace("SANAYİ SANAYİ", "SANAYİ")
      .replace("SANAYİ SAN.", "SAN."),
    short,
    type: rng.chance(0.9) ? "Alıcı" : "Alıcı + Satıcı",
    taxOffice: trUpper(rng.pick(place.taxOffices)),
    vkn: digits(rng, 10).replace(/^0/, "1"),
    tckn: "",
    place,
    yetkili: yetkili(rng),
    seller: seller.text,
    sector: trade.sector,
    parent: "",
    currency: rng.chance(0.06) ? rng.pick(["USD", "EUR"]) : "TL",
    passive: rng.chance(0.04),
    remark: "",
    domain: `${trSlug(short)}.com.tr`,
  };
}

function soleParts(rng: Rng, names: UniqueNames, code: string, individual: boolean): CardParts {
  const person = turkishName(rng);
  const trade = rng.pick(TRADES.filter((candidate) => candidate.sector === "TESİSATÇI" || candidate.sector === "BAYİ"));
  const full = `${person.first} ${person.last}`;
  const short = names.take(
    () => (individual ? full : `${person.last} ${trade.word}`),
    (name, attempt) => `${name} ${attempt}`,
  );
  const place = province(rng);
  return {
    kind: individual ? "individual" : "sole",
    code,
    title: individual ? trUpper(full) : rng.chance(0.5) ? trUpper(`${short} - ${full}`) : trUpper(`${full} - ${short}`),
    short,
    type: "Alıcı",
    person,
    taxOffice: individual ? "" : trUpper(rng.pick(place.taxOffices)),
    vkn: "",
    tckn: tcKimlik(rng),
    place,
    yetkili: "",
    seller: sellerOf(rng).text,
    sector: individual ? "BİREYSEL" : trade.sector,
    parent: "",
    currency: "TL",
    passive: false,
    remark: "",
    domain: "",
  };
}

/** What a card has not, unless it says otherwise: no TCKN, no head office, in use, no remark. */
const PLAIN = { tckn: "", parent: "", passive: false, remark: "" } as const;

function supplierParts(rng: Rng, supplier: (typeof SUPPLIERS)[number], index: number): CardParts {
  const place = PROVINCES.find((candidate) => candidate.il === supplier.il);
  return {
    ...PLAIN,
    kind: "supplier",
    code: `320.01.${String(index + 1).padStart(4, "0")}`,
    title: supplier.title,
    short: supplier.short,
    type: "Satıcı",
    taxOffice: "BÜYÜK MÜKELLEFLER",
    vkn: digits(rng, 10).replace(/^0/, "1"),
    ...(place === undefined ? {} : { place }),
    yetkili: rng.chance(0.5) ? "Muhasebe" : "",
    seller: "",
    sector: "TEDARİKÇİ",
    currency: "TL",
    domain: `${trSlug(supplier.short)}.com.tr`,
  };
}

function foreignParts(rng: Rng, customer: (typeof FOREIGN_CUSTOMERS)[number], index: number): CardParts {
  return {
    ...PLAIN,
    kind: "foreign",
    code: `120.02.${String(index + 1).padStart(4, "0")}`,
    title: customer.title,
    short: customer.short,
    type: "Alıcı",
    taxOffice: "",
    vkn: digits(rng, 9),
    abroad: customer,
    yetkili: yetkili(rng),
    seller: sellerOf(rng).text,
    sector: "PROJE",
    currency: customer.currency,
    domain: `${trSlug(customer.short)}.com`,
  };
}

/** Builds the cards and the accounts they stand for, in code order. */
export function buildCards(options: FamilyOptions, count: number): { readonly rows: string[][]; readonly accounts: Account[] } {
  const stream = new RowStream(options.seed, "defter.cari");
  const names = new UniqueNames();
  const drafts: CardParts[] = [];
  let domestic = 0;
  const nextCode = (): string => `120.01.${String(++domestic).padStart(4, "0")}`;
  SUPPLIERS.forEach((supplier, index) => {
    names.take(
      () => supplier.short,
      (name) => name,
    );
    drafts.push(supplierParts(stream.row(10_000 + index), supplier, index));
  });
  FOREIGN_CUSTOMERS.forEach((customer, index) => {
    names.take(
      () => customer.short,
      (name) => name,
    );
    drafts.push(foreignParts(stream.row(20_000 + index), customer, index));
  });
  const domesticCount = count - drafts.length;
  for (let index = 0; drafts.length < count && index < domesticCount * 2; index++) {
    const rng = stream.row(index);
    const roll = rng.float();
    const firms = drafts.filter((draft) => draft.kind === "firm" && !draft.passive);
    if (roll < 0.08 && firms.length > 5) {
      // A branch (şube) of a firm: its own address, the head office's tax number, linked by code.
      const head = rng.pick(firms);
      const place = province(rng);
      const short = names.take(
        () => `${head.short} ${place.il}`,
        (name, attempt) => `${name} ${attempt}`,
      );
      drafts.push({
        ...head,
        kind: "branch",
        code: nextCode(),
        title: `${head.title} ${trUpper(place.il)} ŞUBESİ`,
        short,
        place,
        parent: head.code,
        yetkili: yetkili(rng),
        passive: false,
      });
    } else if (roll < 0.12 && firms.length > 5) {
      // The firm's old card, kept when a new one was opened for it (a new title, a merger): the old
      // code, the same tax number, "(ESKİ)" after the short name; the firm goes on under a new code.
      const candidates = firms.filter((firm) => !drafts.some((draft) => draft.parent === firm.code));
      const current = candidates.length > 0 ? rng.pick(candidates) : firmParts(rng, names, nextCode());
      const short = names.take(
        () => `${current.short} (ESKİ)`,
        (name, attempt) => `${name} ${attempt}`,
      );
      const renewed = { ...current, code: nextCode() };
      const at = drafts.indexOf(current);
      if (at >= 0) drafts[at] = renewed;
      else drafts.push(renewed);
      drafts.push({ ...current, kind: "old", short, passive: true, remark: `Kullanmayın, yeni kart: ${renewed.code}` });
    } else if (roll < 0.22) drafts.push(soleParts(rng, names, nextCode(), false));
    else if (roll < 0.3) drafts.push(soleParts(rng, names, nextCode(), true));
    else drafts.push(firmParts(rng, names, nextCode()));
  }
  const sorted = [...drafts].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows = sorted.map((draft) => cardRow(stream.row(50_000 + Number(draft.code.replace(/\D/g, ""))), draft));
  const accounts = sorted.map((draft): Account => {
    const seller = SALES_TEAM.find((member) => trUpper(`${member.first} ${member.last}`) === draft.seller);
    return { code: draft.code, short: draft.short, kind: draft.kind, domain: draft.domain, seller, currency: draft.currency };
  });
  return { rows, accounts };
}

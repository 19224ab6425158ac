/**
 * Defter: the export of a heating and air-conditioning distributor in Bursa (Marmara Isı
 * Sistemleri San. ve Tic. Ltd. Şti.): the current-account cards ("cari hesap kartları") of its
 * desktop ERP and the contacts, opportunities and activities of the web CRM its sales team uses
 * beside it. The seventh hold-out family of `flitmap init`, written without reading the proposer,
 * its tests or its output: Turkish headers and values, tax numbers (VKN) and identity numbers
 * (TCKN), Turkish addresses (neighbourhood, street, number and flat; district and province), the
 * ERP's titles and sellers in Turkish capitals ("ŞEBNEM IŞIK", "DİYARBAKIR"), `E`/`H` in the ERP
 * and `Evet`/`Hayır` in the CRM.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | CARI_KARTLAR.csv | 35% of --rows | the ERP's cards, sorted by `Cari Kodu` (120.01.xxxx customers at home, 120.02 abroad, 320.01 suppliers): limited and joint-stock companies (the legal title in capitals in `Ünvanı`, the name the CRM uses in `Kısa Adı`), sole traders (`Şahıs Şirketi` E, the owner in `Adı`/`Soyadı`, a TCKN instead of a VKN), private customers (`Özel Kod` BİREYSEL), branches (`Bağlı Cari` their head office's code, the same VKN), old cards kept when a firm got a new one (`(ESKİ)`, `Pasif`, same VKN); `Yetkili` the contact as a name, "Ahmet Bey", or "Muhasebe"; `Satış Temsilcisi` the seller's name in capitals |
 * | crm_kisiler.csv | 35% | contact people by their firm's short name (`Firma`; a prospect the ERP does not have yet; none for a few); `Ad Soyad` in one column (in capitals now and then); `Hitap` Bey/Hanım; a KVKK (data protection) consent with its date; a birthday as day and month ("14 Mart"); `Sorumlu` the user's name; `;`-separated tags |
 * | crm_firsatlar.csv | 20% | opportunities `FRS-2025-0142` by firm short name and person's full name; `Aşama` Yeni … Kazanıldı / Kaybedildi; `Tutar` in `Para Birimi` (TRY, USD, EUR) and the CRM's own conversion `Tutar (TRY)`; `Olasılık` written the Turkish way, "%60" |
 * | crm_aktiviteler.csv | 50% | calls, visits, meetings (a duration in minutes), e-mails, tasks (a `Son Tarih`), notes; `Durum` Tamamlandı / Planlandı / İptal Edildi; the firm by short name as typed on the phone app (in capitals now and then), the person by full name, the opportunity by number; internal ones name none |
 *
 * The ERP writes Windows-1254 (Turkish), `;`, quoted only where needed, CRLF, `dd.MM.yyyy` with
 * `01.01.1900` for a date never set, amounts as `1.250.000,00`, "-" and "YOK" (none) in phones
 * and e-mails. The CRM's files are UTF-8 without a byte order mark, `,`, every value but a blank
 * one quoted, LF, ISO dates and times (`2025-03-14 09:30`) in Istanbul time, amounts as
 * `125000.50`. The seller HAKAN AYDIN has left: no Odoo user has his name. A few e-mail addresses
 * are mistyped ("ınfo@", a trailing dot).
 */
import { dayText, draftsByDay, pad, RowStream, someOf, workMoment, YearSerials, type FamilyExport, type FamilyOptions, type SeedUser } from "./family.js";
import type { Moment } from "../formats.js";
import type { Rng } from "../prng.js";
import { buildCards, CARD_HEADERS, EXPORT_DAY, type Account } from "./defter-cards.js";
import {
  ACTIVITY_KINDS,
  ACTIVITY_NOTES,
  ACTIVITY_SUBJECTS,
  DEAL_SUBJECTS,
  DEFTER_FIRM,
  DEPARTMENTS,
  FORMER_SELLER,
  gsm,
  INTERNAL_SUBJECTS,
  landline,
  LOSS_REASONS,
  MONTHS,
  PERSON_TAGS,
  ROLES,
  SALES_TEAM,
  SOURCES,
  STAGES,
  TRADE_PREFIXES,
  TRADES,
  trSlug,
  trUpper,
  turkishName,
  type TurkishName,
} from "./defter-vocab.js";

function iso(moment: Moment): string {
  return `${dayText(moment.days, "yyyy-MM-dd")} ${pad(Math.floor(moment.minute / 60))}:${pad(moment.minute % 60)}`;
}

function fullName(person: TurkishName): string {
  return `${person.first} ${person.last}`;
}

/** The CRM's owner of a record: the account's seller, else anyone of the team; the one who left on old records. */
function owner(rng: Rng, account: Account | undefined, when: number): string {
  if (when < EXPORT_DAY - 330 && rng.chance(0.1)) return fullName(FORMER_SELLER);
  return fullName(account?.seller ?? rng.pick(SALES_TEAM));
}

interface Person {
  readonly id: string;
  readonly name: string;
  /** The firm's short name as the CRM holds it, "" for none. */
  readonly firm: string;
  readonly account: Account | undefined;
}

const PEOPLE_HEADERS = [
  "Kişi ID",
  "Ad Soyad",
  "Hitap",
  "Firma",
  "Unvan",
  "Departman",
  "Cep Telefonu",
  "İş Telefonu",
  "E-posta",
  "KVKK Onayı",
  "KVKK Onay Tarihi",
  "Doğum Günü",
  "Sorumlu",
  "Etiketler",
  "Notlar",
  "Oluşturma Tarihi",
];

/** Firms the CRM holds that the ERP has no card for yet: prospects. */
function prospectName(rng: Rng): string {
  return `${rng.pick(TRADE_PREFIXES)} ${rng.pick(TRADES).word} Aday`.replace(" Aday", rng.pick([" Proje", " Grup", " Yapı", ""]));
}

function buildPeople(options: FamilyOptions, count: number, accounts: readonly Account[]): { rows: string[][]; people: Person[] } {
  const stream = new RowStream(options.seed, "defter.kisiler");
  const firms = accounts.filter((account) => account.kind === "firm" || account.kind === "branch" || account.kind === "foreign" || account.kind === "supplier");
  const rows: string[][] = [];
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const person = turkishName(rng);
    const roll = rng.float();
    const account = roll < 0.09 ? undefined : rng.pick(firms);
    const firm = account?.short ?? (roll < 0.025 ? "" : prospectName(rng));
    const created = workMoment(rng, EXPORT_DAY - 6 * 365, EXPORT_DAY - 1);
    const domain = account?.domain ?? (firm === "" ? "gmail.com" : `${trSlug(firm)}.com.tr`);
    const consent = rng.weighted([
      ["Evet", 5],
      ["Hayır", 2],
      ["", 3],
    ] as const);
    const name = rng.chance(0.05) ? trUpper(fullName(person)) : fullName(person);
    rows.push([
      String(2_000 + index * 7 + rng.int(0, 6)),
      name,
      rng.chance(0.7) ? (person.female ? "Hanım" : "Bey") : "",
      firm,
      rng.chance(0.8) ? rng.pick(ROLES) : "",
      rng.chance(0.5) ? rng.pick(DEPARTMENTS) : "",
      rng.chance(0.8) ? gsm(rng) : "",
      rng.chance(0.5) ? `${landline(rng, "224")}${rng.chance(0.5) ? ` - dahili ${rng.int(100, 399)}` : ""}` : "",
      rng.chance(0.85) ? `${trSlug(person.first)}.${trSlug(person.last)}@${domain}` : "",
      consent,
      consent === "Evet" ? dayText(rng.int(created.days, EXPORT_DAY - 1), "yyyy-MM-dd") : "",
      rng.chance(0.3) ? `${rng.int(1, 28)} ${rng.pick(MONTHS)}` : "",
      rng.chance(0.05) ? "" : owner(rng, account, created.days),
      rng.chance(0.35) ? someOf(rng, PERSON_TAGS, 2).join(";") : "",
      rng.chance(0.12) ? rng.pick(["Bayramlarda tebrik gönderilir.", "Sadece e-posta ile iletişim.", "Öğleden sonra aranmalı."]) : "",
      iso(created),
    ]);
    people.push({ id: rows[rows.length - 1]?.[0] ?? "", name, firm, account });
  }
  return { rows, people };
}

interface Deal {
  readonly number: string;
  readonly firm: string;
  readonly person: string;
  readonly created: number;
}

const DEAL_HEADERS = [
  "Fırsat No",
  "Fırsat Adı",
  "Firma",
  "İlgili Kişi",
  "Aşama",
  "Tutar",
  "Para Birimi",
  "Tutar (TRY)",
  "Olasılık",
  "Tahmini Kapanış",
  "Kapanış Tarihi",
  "Kayıp Nedeni",
  "Kaynak",
  "Sorumlu",
  "Açıklama",
];

const RATES: Readonly<Record<string, readonly [number, number]>> = { USD: [2_800, 4_300], EUR: [3_000, 4_700] };

function dealRow(rng: Rng, deal: Deal, account: Account | undefined): string[] {
  const stage =
    deal.created > EXPORT_DAY - 60 ? rng.pick(STAGES) : rng.weighted([...STAGES.map((name) => [name, 1] as const), ["Kazanıldı", 4], ["Kaybedildi", 3]]);
  const probability = stage === "Kazanıldı" ? 100 : stage === "Kaybedildi" ? 0 : ([10, 30, 50, 70][STAGES.indexOf(stage as (typeof STAGES)[number])] ?? 20);
  const currency = account !== undefined && account.currency !== "TL" ? account.currency : rng.chance(0.12) ? rng.pick(["USD", "EUR"]) : "TRY";
  const amount = currency === "TRY" ? rng.int(20, 4_000) * 5_000 : rng.int(5, 400) * 500;
  const [low, high] = RATES[currency] ?? [100, 100];
  const converted = Math.round(amount * rng.int(low, high)) / 100;
  const closed = stage === "Kazanıldı" || stage === "Kaybedildi" ? Math.min(EXPORT_DAY - 1, deal.created + rng.int(7, 120)) : undefined;
  const unknown = rng.chance(0.05);
  return [
    deal.number,
    `${rng.pick(DEAL_SUBJECTS)} - ${deal.firm || "Bireysel"}`,
    deal.firm,
    deal.person,
    stage,
    unknown ? "" : amount.toFixed(2),
    currency,
    unknown ? "" : converted.toFixed(2),
    `%${probability}`,
    rng.chance(0.08) ? "" : dayText(deal.created + rng.int(15, 150), "yyyy-MM-dd"),
    closed === undefined ? "" : dayText(closed, "yyyy-MM-dd"),
    stage === "Kaybedildi" ? rng.pick(LOSS_REASONS) : "",
    rng.weighted(SOURCES),
    owner(rng, account, deal.created),
    rng.chance(0.3)
      ? rng.pick(["Proje iki etaplı, ikinci etap 2027'de.", "Müşteri rakip teklifle karşılaştırıyor.", "Montaj dahil fiyat istendi.\nKDV hariç."])
      : "",
  ];
}

function buildDeals(options: FamilyOptions, count: number, people: readonly Person[], accounts: readonly Account[]): { rows: string[][]; deals: Deal[] } {
  const stream = new RowStream(options.seed, "defter.firsatlar");
  const customers = accounts.filter((account) => account.kind !== "supplier" && account.kind !== "old");
  const serials = new YearSerials();
  const rows: string[][] = [];
  const deals: Deal[] = [];
  for (const { rng, day: created } of draftsByDay(stream, count, (rng) => rng.int(EXPORT_DAY - 3 * 365, EXPORT_DAY - 2))) {
    const { year, serial } = serials.next(created);
    // A prospect's opportunity names the firm the CRM holds; most name a customer of the ERP.
    const prospect = rng.chance(0.12) ? rng.pick(people.filter((person) => person.account === undefined && person.firm !== "")) : undefined;
    const account = prospect === undefined ? rng.pick(customers) : undefined;
    const firm = prospect?.firm ?? account?.short ?? "";
    const theirs = people.filter((person) => person.firm === firm && firm !== "");
    const person = theirs.length > 0 && rng.chance(0.6) ? rng.pick(theirs).name : "";
    const deal: Deal = { number: `FRS-${year}-${pad(serial, 4)}`, firm, person, created };
    rows.push(dealRow(rng, deal, account));
    deals.push(deal);
  }
  return { rows, deals };
}

const ACTIVITY_HEADERS = ["Aktivite ID", "Tür", "Konu", "Açıklama", "Başlangıç", "Süre (dk)", "Son Tarih", "Durum", "Firma", "Kişi", "Fırsat No", "Atanan"];

/** What an activity is about: [firm as typed, person's full name, opportunity number]. */
function activityTarget(rng: Rng, accounts: readonly Account[], people: readonly Person[], deals: readonly Deal[], when: number): [string, string, string] {
  const roll = rng.float();
  if (roll < 0.05) return ["", "", ""];
  const open = deals.filter((deal) => deal.created <= when);
  if (roll < 0.4 && open.length > 0) {
    const deal = rng.pick(open);
    return [deal.firm, deal.person, deal.number];
  }
  const account = rng.pick(accounts.filter((candidate) => candidate.kind !== "old" && candidate.kind !== "supplier"));
  const theirs = people.filter((person) => person.account === account);
  const person = theirs.length > 0 && rng.chance(0.5) ? rng.pick(theirs).name : "";
  // Typed on the phone app: in capitals now and then, the Turkish way.
  const firm = rng.chance(0.04) ? trUpper(account.short) : account.short;
  return [firm, person, ""];
}

function buildActivities(options: FamilyOptions, count: number, accounts: readonly Account[], people: readonly Person[], deals: readonly Deal[]): string[][] {
  const stream = new RowStream(options.seed, "defter.aktiviteler");
  const leftOn = EXPORT_DAY - 330;
  const entries = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const moment = workMoment(rng, EXPORT_DAY - 720, EXPORT_DAY + 45);
    const start = { days: moment.days, minute: Math.floor(moment.minute / 15) * 15 };
    const kind = rng.weighted(ACTIVITY_KINDS);
    const [firm, person, deal] = activityTarget(rng, accounts, people, deals, moment.days);
    const internal = firm === "" && deal === "";
    const state =
      kind === "Not"
        ? "Tamamlandı"
        : start.days >= EXPORT_DAY
          ? "Planlandı"
          : rng.weighted([
              ["Tamamlandı", 84],
              ["Planlandı", 9],
              ["İptal Edildi", 7],
            ] as const);
    const timed = kind === "Ziyaret" || kind === "Toplantı";
    const user = start.days < leftOn && rng.chance(0.1) ? FORMER_SELLER : rng.pick(SALES_TEAM);
    return {
      start,
      cells: [
        kind,
        internal ? rng.pick(INTERNAL_SUBJECTS) : rng.pick(ACTIVITY_SUBJECTS[kind] ?? ["Görüşme"]),
        kind === "Not" || rng.chance(0.4) ? rng.pick(ACTIVITY_NOTES) : "",
        iso(start),
        timed ? String(rng.pick([30, 45, 60, 90, 120])) : kind === "Telefon" ? String(rng.int(2, 25)) : "",
        kind === "Görev" ? dayText(start.days + rng.int(0, 14), "yyyy-MM-dd") : "",
        state,
        firm,
        person,
        deal,
        fullName(user),
      ],
    };
  }).sort((a, b) => a.start.days - b.start.days || a.start.minute - b.start.minute);
  return entries.map((entry, index) => [String(510_000 + index * 4 + (index % 3)), ...entry.cells]);
}

export const DEFTER_HEADERS = { cari: CARD_HEADERS, kisiler: PEOPLE_HEADERS, firsatlar: DEAL_HEADERS, aktiviteler: ACTIVITY_HEADERS } as const;

export function generateDefter(options: FamilyOptions): FamilyExport {
  const { rows: cardRows, accounts } = buildCards(options, Math.max(40, Math.round(options.rows * 0.35)));
  const { rows: peopleRows, people } = buildPeople(options, Math.max(30, Math.round(options.rows * 0.35)), accounts);
  const { rows: dealRows, deals } = buildDeals(options, Math.max(20, Math.round(options.rows * 0.2)), people, accounts);
  const activities = buildActivities(options, Math.max(40, Math.round(options.rows * 0.5)), accounts, people, deals);
  const users: SeedUser[] = SALES_TEAM.map((member) => {
    const login = `${trSlug(member.first)}.${trSlug(member.last)}@${DEFTER_FIRM.domain}`;
    return { login, name: fullName(member), email: login };
  });
  return {
    system: "defter",
    // The web CRM's files: UTF-8, `,`, every value but a blank one quoted, LF.
    dialect: { delimiter: ",", encoding: "utf-8", bom: false, newline: "\n", quoteAll: true },
    tables: [
      {
        file: "CARI_KARTLAR.csv",
        headers: CARD_HEADERS,
        rows: cardRows,
        // The desktop ERP writes the Windows code page of Turkish.
        dialect: { delimiter: ";", encoding: "windows-1254", bom: false, newline: "\r\n", quoteAll: false },
      },
      { file: "crm_kisiler.csv", headers: PEOPLE_HEADERS, rows: peopleRows },
      { file: "crm_firsatlar.csv", headers: DEAL_HEADERS, rows: dealRows },
      { file: "crm_aktiviteler.csv", headers: ACTIVITY_HEADERS, rows: activities },
    ],
    users,
  };
}

/**
 * The contractor registry of the Kartoteka family (kartoteka.ts): `kontrahenci.csv` as the
 * desktop ERP writes it, one row a contractor, sorted by its code (Symbol), and the contractors
 * the CRM's files point to.
 */
import { amountText, day, dayText, RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import type { Rng } from "../prng.js";
import {
  bankAccount,
  DEVELOPER_WORDS,
  digits,
  FOREIGN_CUSTOMERS,
  FORMER_SELLER,
  FREE_MAIL,
  GROUPS,
  LEGAL_FORMS,
  MUNICIPALITIES,
  NOBODY_CODE,
  nip,
  nipAsTyped,
  PLACE_WEIGHTS,
  PLACES,
  plSlug,
  polishName,
  regon,
  REMARKS,
  SALES_TEAM,
  SOLE_TRADES,
  SUPPLIERS,
  symbolOf,
  TRADE_TAILS,
  TRADE_WORDS,
  UNIT_KINDS,
  type Place,
  type PolishName,
} from "./kartoteka-vocab.js";

export const EXPORT_DAY = day(2026, 3, 2);
const HISTORY_START = day(2011, 5, 16);

export type ContractorKind =
  "firm" | "developer" | "wholesaler" | "sole" | "private" | "municipality" | "unit" | "branch" | "supplier" | "foreign" | "duplicate";

/** A contractor other files point to. */
export interface Contractor {
  readonly symbol: string;
  /** The short name (Nazwa): what the CRM shows and its event list names. */
  readonly short: string;
  readonly kind: ContractorKind;
  readonly owner: string;
  readonly domain: string;
  readonly foreign: boolean;
  /** A contractor the CRM keeps people for (not a private customer, not a duplicate). */
  readonly hasPeople: boolean;
}

/** What a registry row is made of before it is written. */
interface Draft {
  readonly contractor: Contractor;
  readonly full: string;
  readonly owner?: PolishName;
  readonly nipText: string;
  readonly payer: string;
  readonly place: Place | undefined;
  readonly village: string | undefined;
  readonly foreignAddress?: { readonly town: string; readonly zip: string; readonly country: string };
  readonly inactive: boolean;
  readonly remark: string;
}

const HEADERS = [
  "Symbol",
  "Nazwa",
  "Pełna nazwa",
  "Osoba fizyczna",
  "Imię",
  "Nazwisko",
  "NIP",
  "REGON",
  "Rodzaj",
  "Grupa",
  "Ulica",
  "Nr domu",
  "Nr lokalu",
  "Kod pocztowy",
  "Miejscowość",
  "Poczta",
  "Województwo",
  "Kraj",
  "Telefon",
  "E-mail",
  "WWW",
  "Opiekun",
  "Płatnik",
  "Forma płatności",
  "Termin płatności",
  "Limit kredytowy",
  "Rabat (%)",
  "Nr rachunku",
  "Saldo",
  "Ostatnia sprzedaż",
  "Zablokowany",
  "Nieaktywny",
  "Uwagi",
  "Data dodania",
  "Koresp. ulica",
  "Koresp. kod pocztowy",
  "Koresp. miejscowość",
] as const;
export const REGISTRY_HEADERS: readonly string[] = HEADERS;

/** An amount as the ERP writes it: spaces between thousands, a decimal comma, no currency. */
export function plAmount(cents: number): string {
  return `${cents < 0 ? "-" : ""}${amountText(Math.abs(cents), " ", ",")}`;
}

/** A post code "NN-NNN" that starts as the place's do. */
function postCode(rng: Rng, prefix: string): string {
  let code = prefix;
  while (code.replace("-", "").length < 5) code += code.length === 2 ? `-${rng.int(0, 9)}` : String(rng.int(0, 9));
  return code.length === 5 && !code.includes("-") ? `${code.slice(0, 2)}-${code.slice(2)}` : code;
}

function landline(rng: Rng, area: string): string {
  const number = `${rng.int(2, 8)}${digits(rng, 6)}`;
  return rng.weighted([
    [`${area} ${number.slice(0, 3)} ${number.slice(3, 5)} ${number.slice(5)}`, 5],
    [`(${area}) ${number.slice(0, 3)}-${number.slice(3, 5)}-${number.slice(5)}`, 2],
    [`+48 ${area} ${number.slice(0, 3)} ${number.slice(3, 5)} ${number.slice(5)}`, 2],
  ] as const);
}

function foreignPhone(rng: Rng, draft: Draft): string {
  return draft.foreignAddress?.country === "Czechy"
    ? `+420 ${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`
    : `+49 ${rng.int(300, 399)} ${digits(rng, 7)}`;
}

export function mobile(rng: Rng): string {
  const number = `${rng.pick(["50", "51", "53", "60", "66", "69", "72", "79", "88"])}${digits(rng, 7)}`;
  const grouped = `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
  return rng.chance(0.25) ? `+48 ${grouped}` : grouped;
}

function ownerCode(rng: Rng): string {
  if (rng.chance(0.08)) return NOBODY_CODE;
  if (rng.chance(0.08)) return FORMER_SELLER.code;
  return rng.pick(SALES_TEAM).code;
}

/** The registry's e-mail, now and then mistyped, a placeholder, or two addresses. */
function registryEmail(rng: Rng, draft: Draft): string {
  const { contractor, owner } = draft;
  if (rng.chance(0.1)) return "";
  if (rng.chance(0.03)) return "brak";
  const address =
    contractor.kind === "private" && owner !== undefined
      ? `${plSlug(owner.first)}.${plSlug(owner.last)}@${rng.pick(FREE_MAIL)}`
      : `${rng.pick(["biuro", "sekretariat", "kontakt", "zamowienia"])}@${contractor.domain}`;
  const roll = rng.float();
  if (roll < 0.025) return address.replace(/\.([a-z]+)$/, ",$1"); // "biuro@hydrobud,pl"
  if (roll < 0.04) return address.replace("@", "."); // no @ at all
  if (contractor.kind === "municipality" && rng.chance(0.5)) return `${address}; faktury@${contractor.domain}`;
  return address;
}

function addressCells(rng: Rng, draft: Draft): string[] {
  if (draft.foreignAddress !== undefined) {
    const street = rng.pick(
      draft.foreignAddress.country === "Czechy" ? ["Průmyslová", "Nádražní", "Tovární"] : ["Karl-Marx-Straße", "Bahnhofstraße", "Lindenallee"],
    );
    return [
      street,
      String(rng.int(1, 90)),
      "",
      draft.foreignAddress.zip,
      draft.foreignAddress.town,
      draft.foreignAddress.town,
      "",
      draft.foreignAddress.country,
    ];
  }
  const place = draft.place ?? PLACES[0];
  if (place === undefined) throw new Error("no places");
  const number = `${rng.int(1, 240)}${rng.chance(0.1) ? rng.pick(["A", "B", "C"]) : ""}`;
  const flat = draft.village === undefined && rng.chance(0.3) ? String(rng.int(1, 60)) : "";
  const voivodeship = rng.chance(0.05) ? "" : rng.chance(0.1) ? place.voivodeship.toUpperCase() : place.voivodeship;
  // Domestic rows leave the country blank as often as not: the ERP means Poland.
  const country = rng.chance(0.3) ? "" : "Polska";
  return [
    draft.village === undefined ? rng.pick(place.streets) : "",
    number,
    flat,
    postCode(rng, rng.pick(place.zips)),
    draft.village ?? place.town,
    place.town,
    voivodeship,
    country,
  ];
}

function paymentCells(rng: Rng, kind: ContractorKind): string[] {
  if (kind === "private") return [rng.chance(0.8) ? "gotówka" : "przelew", "0"];
  if (rng.chance(0.05)) return ["pobranie", "0"];
  const days =
    kind === "municipality" || kind === "unit"
      ? 30
      : rng.weighted([
          [14, 8],
          [7, 2],
          [21, 2],
          [30, 5],
          [45, 1],
          [60, 1],
        ] as const);
  return ["przelew", String(days)];
}

function registryRow(rng: Rng, draft: Draft): string[] {
  const { contractor, owner } = draft;
  const { kind } = contractor;
  const business = kind !== "private";
  const person = kind === "private" || kind === "sole";
  const created = rng.int(HISTORY_START, EXPORT_DAY - 20);
  const lastSale = business || rng.chance(0.5) ? (rng.chance(0.75) ? dayText(rng.int(created, EXPORT_DAY - 1), "yyyy-MM-dd") : "") : "";
  const correspondence =
    (kind === "firm" || kind === "municipality" || kind === "developer") && rng.chance(0.15)
      ? [rng.chance(0.3) ? `skr. poczt. ${rng.int(10, 299)}` : `ul. Mickiewicza ${rng.int(1, 60)}/${rng.int(1, 12)}`, postCode(rng, "61-"), "Poznań"]
      : ["", "", ""];
  const area = draft.place?.area ?? "61";
  return [
    contractor.symbol,
    contractor.short,
    draft.full,
    kind === "private" ? "T" : "N",
    person && owner !== undefined ? owner.first : "",
    person && owner !== undefined ? owner.last : "",
    draft.nipText,
    business && !contractor.foreign && kind !== "duplicate" && rng.chance(0.7) ? regon(rng) : "",
    kind === "supplier" ? "Dostawca" : kind === "wholesaler" ? "Odbiorca/Dostawca" : "Odbiorca",
    GROUPS[groupOf(kind)],
    ...addressCells(rng, draft),
    rng.chance(0.05) ? "brak" : rng.chance(0.1) ? "" : contractor.foreign ? foreignPhone(rng, draft) : kind === "private" ? mobile(rng) : landline(rng, area),
    registryEmail(rng, draft),
    business && kind !== "unit" && rng.chance(0.45) ? `www.${contractor.domain}` : "",
    contractor.owner,
    draft.payer,
    ...paymentCells(rng, kind),
    business && rng.chance(0.45) ? plAmount(rng.int(1, 40) * 500_000) : "",
    business && rng.chance(0.5) ? plAmount(rng.pick([200, 300, 500, 750, 1000, 1250])) : "",
    business && kind !== "unit" && !contractor.foreign && rng.chance(0.4) ? bankAccount(rng) : "",
    plAmount(rng.chance(0.5) ? 0 : rng.int(-80_000, 2_500_000)),
    lastSale,
    rng.chance(0.04) ? "T" : "N",
    draft.inactive ? "T" : "N",
    draft.remark !== "" ? draft.remark : rng.chance(0.18) ? remarks(rng) : "",
    dayText(created, "yyyy-MM-dd"),
    ...correspondence,
  ];
}

/** One remark, or two on two lines. */
function remarks(rng: Rng): string {
  const first = rng.pick(REMARKS);
  const second = rng.pick(REMARKS);
  return rng.chance(0.25) && second !== first ? `${first}\r\n${second}` : first;
}

function groupOf(kind: ContractorKind): keyof typeof GROUPS {
  switch (kind) {
    case "firm":
    case "duplicate":
    case "branch":
      return "builder";
    case "sole":
      return "installer";
    case "municipality":
    case "unit":
      return "public";
    default:
      return kind;
  }
}

/** Codes and names taken so far: the ERP refuses a second contractor with either. */
class RegistryNames {
  readonly symbols = new Set<string>();
  readonly shorts = new UniqueNames();
  readonly nips = new Set<string>();

  /** The code, or the code and a number: a copy's code keeps its original's as a prefix, so sorts after it. */
  symbol(base: string): string {
    let symbol = base;
    for (let attempt = 2; this.symbols.has(symbol); attempt++) symbol = `${base}${attempt}`;
    this.symbols.add(symbol);
    return symbol;
  }

  nip(rng: Rng): string {
    let value = nip(rng);
    while (this.nips.has(value)) value = nip(rng);
    this.nips.add(value);
    return value;
  }
}

function tradeDraft(rng: Rng, names: RegistryNames, kind: "firm" | "developer" | "wholesaler"): Draft {
  const placeIndex = rng.weighted(PLACE_WEIGHTS);
  const place = PLACES[placeIndex];
  const word = (): string => {
    if (kind === "developer") return `${rng.pick(DEVELOPER_WORDS)} Development`;
    const trade = rng.pick(TRADE_WORDS);
    const named = rng.chance(0.5) ? trade : rng.chance(0.5) ? `${trade} ${rng.pick(TRADE_TAILS)}` : `${trade} ${polishName(rng).last}`;
    return kind === "wholesaler" ? `Hurtownia ${named}` : named;
  };
  const short = names.shorts.take(word, (taken, attempt) => (attempt === 5 ? `${taken} ${place?.town ?? ""}` : `${taken} ${attempt - 4}`));
  const form = rng.weighted(LEGAL_FORMS);
  const partner = (): string => {
    const name = polishName(rng);
    return `${name.first} ${name.last}`;
  };
  const partners = form === "s.c." ? ` ${partner()}, ${partner()}` : "";
  const prefix = kind === "firm" && rng.chance(0.35) ? "Przedsiębiorstwo Instalacyjne " : "";
  const full = `${prefix}${short} ${form}${partners}`;
  const village = place?.villages !== undefined && rng.chance(0.3) ? rng.pick(place.villages) : undefined;
  const digitsOnly = names.nip(rng);
  return {
    contractor: { symbol: names.symbol(symbolOf(short)), short, kind, owner: ownerCode(rng), domain: `${plSlug(short)}.pl`, foreign: false, hasPeople: true },
    full,
    nipText: nipAsTyped(rng, digitsOnly),
    payer: "",
    place,
    village,
    inactive: rng.chance(0.04),
    remark: "",
  };
}

function personDraft(rng: Rng, names: RegistryNames, kind: "sole" | "private"): Draft {
  const owner = polishName(rng);
  const place = PLACES[rng.weighted(PLACE_WEIGHTS)];
  const village = place?.villages !== undefined && rng.chance(0.4) ? rng.pick(place.villages) : undefined;
  const trade = rng.pick(SOLE_TRADES);
  const short = names.shorts.take(
    () => (kind === "private" ? `${owner.last} ${owner.first}` : `${trade} ${owner.last}`),
    (taken, attempt) => `${taken} (${place?.town ?? attempt})`,
  );
  return {
    contractor: {
      symbol: names.symbol(`${symbolOf(owner.last)}-${symbolOf(owner.first).slice(0, 1)}`),
      short,
      kind,
      owner: ownerCode(rng),
      domain: kind === "sole" ? `${plSlug(trade.split(" ")[0] ?? trade)}-${plSlug(owner.last)}.pl` : rng.pick(FREE_MAIL),
      foreign: false,
      hasPeople: kind === "sole",
    },
    full: kind === "private" ? `${owner.last} ${owner.first}` : `${trade} ${owner.first} ${owner.last}`,
    owner,
    nipText: kind === "sole" ? nipAsTyped(rng, names.nip(rng)) : "",
    payer: "",
    place,
    village,
    inactive: kind === "sole" && rng.chance(0.04),
    remark: "",
  };
}

/** The `index`th supplier or customer abroad (each is in the registry once). */
function abroadDraft(rng: Rng, names: RegistryNames, kind: "supplier" | "foreign", index: number): Draft {
  const supplier = SUPPLIERS[index];
  const customer = FOREIGN_CUSTOMERS[index];
  const name = kind === "supplier" ? (supplier?.name ?? "Rurex S.A.") : (customer?.name ?? "Haustechnik Weber GmbH");
  const country = kind === "supplier" ? (supplier?.country ?? "Polska") : (customer?.country ?? "Niemcy");
  const short = names.shorts.take(
    () => name.replace(/ (Sp\. z o\.o\.|S\.A\.|GmbH.*|s\.r\.o\.|e\.K\.)$/, ""),
    (taken, attempt) => `${taken} ${attempt}`,
  );
  const abroad = country !== "Polska";
  const taxId = abroad ? `${country === "Niemcy" ? "DE" : "CZ"}${digits(rng, country === "Niemcy" ? 9 : 8)}` : nipAsTyped(rng, names.nip(rng));
  return {
    contractor: {
      symbol: names.symbol(symbolOf(short)),
      short,
      kind,
      owner: ownerCode(rng),
      domain: `${plSlug(short)}.${abroad ? (country === "Niemcy" ? "de" : "cz") : "pl"}`,
      foreign: abroad,
      hasPeople: true,
    },
    full: name,
    nipText: taxId,
    payer: "",
    place: abroad ? undefined : PLACES[rng.weighted(PLACE_WEIGHTS)],
    village: undefined,
    ...(abroad
      ? {
          foreignAddress:
            kind === "foreign" && customer !== undefined
              ? customer
              : { town: country === "Niemcy" ? "Dresden" : "Brno", zip: country === "Niemcy" ? "01067" : "60200", country },
        }
      : {}),
    inactive: false,
    remark: "",
  };
}

/** A municipality and the units it pays for: they share its NIP and name it as their payer. */
function municipalityDrafts(rng: Rng, names: RegistryNames, index: number): Draft[] {
  const municipality = MUNICIPALITIES[index % MUNICIPALITIES.length];
  if (municipality === undefined) return [];
  const place = PLACES.find((candidate) => candidate.town === municipality.town);
  const digitsOnly = names.nip(rng);
  // Public bodies type their NIP with dashes, the ERP copies it onto each unit.
  const nipText = `${digitsOnly.slice(0, 3)}-${digitsOnly.slice(3, 6)}-${digitsOnly.slice(6, 8)}-${digitsOnly.slice(8)}`;
  const townCode = symbolOf(municipality.town).slice(0, 8);
  const head: Draft = {
    contractor: {
      symbol: names.symbol(`${municipality.name.startsWith("Miasto") ? "UM" : "UG"}-${townCode}`),
      short: names.shorts.take(
        () => municipality.name,
        (taken, attempt) => `${taken} ${attempt}`,
      ),
      kind: "municipality",
      owner: rng.pick(SALES_TEAM).code,
      domain: `${plSlug(municipality.town)}.pl`,
      foreign: false,
      hasPeople: true,
    },
    full: municipality.name,
    nipText,
    payer: "",
    place,
    village: undefined,
    inactive: false,
    remark: "",
  };
  const units: Draft[] = [];
  const count = rng.int(1, 3);
  for (let unit = 0; unit < count; unit++) {
    const kind = UNIT_KINDS[(index + unit) % UNIT_KINDS.length];
    if (kind === undefined) continue;
    const number = String(rng.int(1, 6));
    const fill = (text: string): string => text.replace("{n}", number).replace("{w}", municipality.locative).replace("{town}", municipality.town);
    units.push({
      contractor: {
        symbol: names.symbol(`${fill(kind.symbol)}-${townCode}`),
        short: names.shorts.take(
          () => fill(kind.short),
          (taken, attempt) => `${taken} (${attempt})`,
        ),
        kind: "unit",
        owner: head.contractor.owner,
        domain: `${plSlug(fill(kind.symbol))}.${plSlug(municipality.town)}.pl`,
        foreign: false,
        hasPeople: true,
      },
      full: fill(kind.name),
      nipText,
      payer: head.contractor.symbol,
      place,
      village: undefined,
      inactive: false,
      remark: "",
    });
  }
  return [head, ...units];
}

function branchDraft(rng: Rng, names: RegistryNames, head: Draft): Draft {
  const place = PLACES.filter((candidate) => candidate.town !== head.place?.town)[rng.int(0, PLACES.length - 2)] ?? PLACES[1];
  const town = place?.town ?? "Wrocław";
  return {
    ...head,
    contractor: {
      ...head.contractor,
      kind: "branch",
      symbol: names.symbol(`${head.contractor.symbol.slice(0, 9)}-${symbolOf(town).slice(0, 3)}`),
      short: names.shorts.take(
        () => `${head.contractor.short} Oddział ${town}`,
        (taken, attempt) => `${taken} ${attempt}`,
      ),
    },
    full: `${head.full} - Oddział ${town}`,
    payer: head.contractor.symbol,
    place,
    village: undefined,
    inactive: false,
    remark: "",
  };
}

/** A copy of a firm made by mistake and put out of use: same NIP, "NIE UŻYWAĆ" before its name. */
function duplicateDraft(names: RegistryNames, original: Draft): Draft {
  return {
    ...original,
    contractor: {
      ...original.contractor,
      kind: "duplicate",
      symbol: names.symbol(`${original.contractor.symbol}2`),
      short: names.shorts.take(
        () => `NIE UŻYWAĆ ${original.contractor.short}`,
        (taken, attempt) => `${taken} ${attempt}`,
      ),
      hasPeople: false,
    },
    inactive: true,
    remark: `Duplikat - używać ${original.contractor.symbol}`,
  };
}

type DraftKind = "firm" | "developer" | "wholesaler" | "sole" | "private" | "supplier" | "foreign" | "branch" | "duplicate";

/** The registry's contractors in the order they were entered, each with the generator that writes its row. */
function drafts(options: FamilyOptions, count: number): { readonly draft: Draft; readonly rng: Rng }[] {
  const stream = new RowStream(options.seed, "kartoteka.kontrahenci");
  const names = new RegistryNames();
  const made: { draft: Draft; rng: Rng }[] = [];
  const firms: Draft[] = [];
  const municipalities = Math.min(MUNICIPALITIES.length, 1 + Math.floor(count / 35));
  const abroad = { supplier: 0, foreign: 0 };
  for (let index = 0; made.length < count; index++) {
    const rng = stream.row(index);
    const next: Draft[] = [];
    if (index % 30 === 7 && index / 30 < municipalities) next.push(...municipalityDrafts(rng, names, Math.floor(index / 30)));
    else {
      const drawn = rng.weighted<DraftKind>([
        ["firm", 34],
        ["developer", 5],
        ["wholesaler", 3],
        ["sole", 18],
        ["private", 16],
        ["supplier", 4],
        ["foreign", 3],
        ["branch", firms.length > 8 ? 4 : 0],
        ["duplicate", firms.length > 8 ? 2 : 0],
      ]);
      // Each supplier and customer abroad is in the registry once; past them, a firm.
      const kind =
        (drawn === "supplier" && abroad.supplier >= SUPPLIERS.length) || (drawn === "foreign" && abroad.foreign >= FOREIGN_CUSTOMERS.length) ? "firm" : drawn;
      if (kind === "firm" || kind === "developer" || kind === "wholesaler") next.push(tradeDraft(rng, names, kind));
      else if (kind === "sole" || kind === "private") next.push(personDraft(rng, names, kind));
      else if (kind === "supplier" || kind === "foreign") next.push(abroadDraft(rng, names, kind, abroad[kind]++));
      else {
        const original = rng.pick(firms);
        next.push(kind === "branch" ? branchDraft(rng, names, original) : duplicateDraft(names, original));
      }
    }
    for (const draft of next) {
      made.push({ draft, rng });
      if (draft.contractor.kind === "firm" && !draft.inactive) firms.push(draft);
    }
  }
  return made;
}

/** kontrahenci.csv, sorted by Symbol as the ERP lists its registry, and the contractors. */
export function buildRegistry(options: FamilyOptions, count: number): { rows: string[][]; contractors: Contractor[] } {
  const made = drafts(options, count);
  const rows = made.map(({ draft, rng }) => ({ symbol: draft.contractor.symbol, cells: registryRow(rng, draft) }));
  rows.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  return { rows: rows.map((row) => row.cells), contractors: made.map(({ draft }) => draft.contractor) };
}

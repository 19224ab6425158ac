/**
 * PerfectView export generator: semicolon CSV in chunks of at most 1,000 rows with overlapping
 * chunk edges, Windows-1252 with some UTF-8 chunks, CRLF, Dutch headers, `1.234,50` amounts and
 * `dd-MM-yyyy` dates. See EXPORTS.md for every file and column.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { badValue, blankValue, dangleOneOf, multiline, replaceWith, strayWhitespace } from "./appliers.js";
import { fileSlug, makePdf, makePng, makeText, MIME_TYPES, type AttachmentKind } from "./attachments.js";
import { ChunkedSink, MAX_OVERLAP } from "./chunked-sink.js";
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
import type { CsvDialect, WrittenFile } from "./csv-sink.js";
import { DefectLog, EntityDefects, type AppliedWithKind, type DefectRate, type DefectSpec, type EntitySummary } from "./defects.js";
import { daysFromCivil, formatDate, formatDateTime, formatDutchDecimal, formatEuros, NL_BAD_DATES, NL_BAD_NUMBERS, type Moment } from "./formats.js";
import { ColumnIndex, RowDraft, type FileLayout } from "./layout.js";
import {
  PV_ACTIVITIES,
  PV_CASES,
  PV_CUSTOM_FIELDS,
  PV_DOCUMENTS,
  PV_INVOICE_LINES,
  PV_INVOICES,
  PV_LEADS,
  PV_MESSAGES,
  PV_QUOTE_LINES,
  PV_QUOTES,
  PV_RELATIONS,
  PV_USERS,
  PV_WORKFLOWS,
} from "./perfectview-layout.js";
import { Rng } from "./prng.js";
import {
  BE_TOWNS,
  NL_COMPANY_WORDS,
  NL_FIRST_NAMES,
  NL_LAST_NAMES,
  NL_LEGAL_FORMS,
  NL_PERSONAL_DOMAINS,
  NL_PLACE_WORDS,
  NL_STREETS,
  NL_TOWNS,
  nlPostcodeLetters,
  PV_ACTIVITY_SUBJECTS,
  PV_BRANCHES,
  PV_CASE_SUBJECTS,
  PV_DOCUMENT_NAMES,
  PV_INTERESTS,
  PV_LEAD_TOPICS,
  PV_PRODUCTS,
  PV_RETIRED_PRODUCT_CODES,
  PV_ROLES,
  PV_SENTENCES,
  type PvProduct,
} from "./vocab-nl.js";

export const PV_SYSTEM = "perfectview";
export const PV_FIRM = { name: "Van Dijk Installatietechniek B.V.", domain: "vandijk-installatie.nl" } as const;
export const PV_EXPORT_DAY = daysFromCivil(2026, 3, 31);
const HISTORY_START = daysFromCivil(2015, 1, 5);
export const PV_DEFAULT_CHUNK_SIZE = 1000;
export const PV_MIN_CHUNK_SIZE = 10;

const DIALECT: CsvDialect = { delimiter: ";", recordSeparator: "\r\n", innerNewline: "\r\n", quoteAll: true };

/** What share of --rows each independent entity gets; quote and invoice lines are extra. */
export const PV_SHARES = [
  ["Relation", 0.24],
  ["Activity", 0.22],
  ["Lead", 0.1],
  ["Case", 0.08],
  ["Document", 0.03],
  ["Quote", 0.06],
  ["Invoice", 0.08],
  ["Message", 0.19],
] as const;

type PvEntity = (typeof PV_SHARES)[number][0];

const BASES: Readonly<Record<PvEntity, number>> = {
  Relation: 10001,
  Activity: 200001,
  Lead: 30001,
  Case: 40001,
  Document: 50001,
  Quote: 20001,
  Invoice: 100001,
  Message: 600001,
};

const QUOTE_LINES_MAX = 5;
const INVOICE_LINES_MAX = 4;

const CUSTOM_FIELDS = [
  ["Relatie", "klantnummer", "Klantnummer", "Tekst", "", "nee"],
  ["Relatie", "lid_sinds", "Lid sinds", "Datum", "", "nee"],
  ["Relatie", "geinteresseerd_in", "Geïnteresseerd in", "Keuzelijst", PV_INTERESTS.join("|"), "nee"],
  ["Relatie", "nieuwsbrief", "Nieuwsbrief", "Ja/nee", "", "ja"],
  ["Lead", "bron", "Bron", "Keuzelijst", "Website|Beurs|Telefonisch|Via relatie|LinkedIn|Nieuwsbrief|Google Ads", "nee"],
  ["Zaak", "soort", "Soort", "Keuzelijst", "Vraag|Klacht|Storing|Wijzigingsverzoek", "ja"],
] as const;

const WORKFLOWS = [
  ["Herinnering offerte", "Offerte", "Status gewijzigd", 'Status = "Verstuurd"; Geldig tot < vandaag + 7', "Taak aanmaken voor eigenaar | E-mail naar relatie", "ja"],
  ["Nieuwe storing", "Zaak", "Zaak aangemaakt", 'Soort = "Storing"; Prioriteit IN ("Hoog", "Urgent")', "Sms naar planning | Behandelaar = dienstdoende monteur", "ja"],
  ["Betalingsherinnering", "Factuur", "Dagelijks 08:00", 'Status = "open"; Vervaldatum < vandaag', "E-mail herinnering naar relatie | Taak voor administratie na 14 dagen", "ja"],
  ["Welkom nieuwe klant", "Relatie", "Relatiesoort gewijzigd", 'Relatiesoort = "Klant"', "Welkomstbrief versturen | Klantnummer toekennen", "ja"],
  ["Lead opvolgen", "Lead", "Lead aangemaakt", 'Bron = "Beurs"', "Telefoongesprek plannen binnen 2 dagen", "nee"],
] as const;

const SIGN_OFF = "Met vriendelijke groet,";
const jaNee = (value: boolean): string => (value ? "ja" : "nee");
const stamp = (moment: Moment): string => formatDateTime(moment.days, moment.minute, "-");
const day = (days: number): string => formatDate(days, "-");

interface NlPerson {
  readonly first: string;
  readonly last: string;
}

function nlPerson(rng: Rng): NlPerson {
  return { first: rng.pick(NL_FIRST_NAMES), last: rng.pick(NL_LAST_NAMES) };
}

const fullName = (who: NlPerson): string => `${who.first} ${who.last}`;
const personLocal = (who: NlPerson): string => `${emailSlug(who.first)}.${emailSlug(who.last)}`;
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export interface PvUser {
  readonly login: string;
  readonly name: string;
  readonly email: string;
  readonly active: boolean;
  readonly role: string;
}

/** Every 6th user is inactive; `former` users were deleted from PerfectView altogether. */
export function pvUsers(base: Rng, count: number, former: number): { users: PvUser[]; former: PvUser[] } {
  const seenLogin = new Set<string>();
  const make = (stream: string, howMany: number, isFormer: boolean): PvUser[] => {
    const users: PvUser[] = [];
    for (let i = 0; users.length < howMany; i++) {
      const who = nlPerson(base.fork(Rng.streamId(stream), i));
      const initial = emailSlug(who.first).charAt(0);
      let login = `${initial}${emailSlug(who.last)}`;
      let local = `${initial}.${emailSlug(who.last)}`;
      for (let n = 2; seenLogin.has(login); n++) {
        login = `${initial}${emailSlug(who.last)}${n}`;
        local = `${initial}.${emailSlug(who.last)}${n}`;
      }
      seenLogin.add(login);
      const index = users.length;
      users.push({
        login,
        name: fullName(who),
        email: `${local}@${PV_FIRM.domain}`,
        active: isFormer ? false : index % 6 !== 5,
        role: index === 0 ? "Beheerder" : ["Verkoop", "Planning", "Monteur", "Administratie"][index % 4] ?? "Verkoop",
      });
    }
    return users;
  };
  return { users: make("pv:users", count, false), former: make("pv:former-users", former, true) };
}

interface Place {
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  readonly country: string;
  readonly phone: string;
}

function place(rng: Rng): Place {
  const street = `${rng.pick(NL_STREETS)} ${rng.int(1, 180)}${rng.chance(0.15) ? rng.pick(["a", "b", "-II", " bis"]) : ""}`;
  if (rng.chance(0.04)) {
    const town = rng.pick(BE_TOWNS);
    return { street, postcode: town.postcode, city: town.city, country: "België", phone: `+32 3 ${rng.int(200, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}` };
  }
  const town = rng.pick(NL_TOWNS);
  const postcode = `${rng.int(town.postcodeFrom, town.postcodeTo)} ${nlPostcodeLetters(rng.int(0, 99), rng.int(0, 99))}`;
  const digits = String(rng.int(1_000_000, 9_999_999));
  const phone = rng.chance(0.7) ? `0${town.area}-${digits}` : `+31 ${town.area} ${digits.slice(0, 3)} ${digits.slice(3)}`;
  return { street, postcode, city: town.city, country: "Nederland", phone };
}

const mobile = (rng: Rng): string => `06-${rng.int(10_000_000, 99_999_999)}`;

interface RelationCore {
  readonly companyName: string;
  readonly domain: string;
  readonly persons: readonly NlPerson[];
}

export class PerfectViewRun {
  readonly base: Rng;
  readonly counts: Record<PvEntity, number>;
  readonly users: PvUser[];
  readonly activeUsers: PvUser[];
  readonly inactiveUsers: PvUser[];
  readonly formerUsers: PvUser[];
  private readonly relationStream = Rng.streamId("pv:relation-core");

  constructor(readonly options: GenerateOptions) {
    this.base = Rng.fromSeed(`${PV_SYSTEM}:${options.seed}`);
    this.counts = splitRows(options.rows, PV_SHARES);
    const userCount = Math.min(400, Math.max(8, Math.round(options.rows / 2500)));
    const staff = pvUsers(this.base, userCount, Math.min(80, Math.max(3, Math.round(userCount / 5))));
    this.users = staff.users;
    this.activeUsers = staff.users.filter((user) => user.active);
    this.inactiveUsers = staff.users.filter((user) => !user.active);
    this.formerUsers = staff.former;
  }

  relationCore(index: number): RelationCore {
    const rng = this.base.fork(this.relationStream, index);
    const pattern = rng.int(0, 5);
    let stem: string;
    let name: string;
    if (pattern <= 1) {
      stem = `${capitalise(rng.pick(NL_LAST_NAMES))} ${rng.pick(NL_COMPANY_WORDS)}`;
      name = `${stem} ${rng.pick(NL_LEGAL_FORMS)}`;
    } else if (pattern <= 3) {
      stem = `${rng.pick(NL_PLACE_WORDS)} ${rng.pick(NL_COMPANY_WORDS)}`;
      name = `${stem} ${rng.pick(NL_LEGAL_FORMS)}`;
    } else if (pattern === 4) {
      stem = capitalise(rng.pick(NL_LAST_NAMES));
      name = `${stem} & Zn. B.V.`;
    } else {
      stem = `${rng.pick(NL_PLACE_WORDS)} ${rng.pick(["Zorg", "Wonen", "Onderwijs"])}`;
      name = rng.chance(0.5) ? `Stichting ${stem}` : `Coöperatie ${stem} U.A.`;
    }
    return { companyName: name, domain: `${emailSlug(stem)}.nl`, persons: [nlPerson(rng), nlPerson(rng), nlPerson(rng)] };
  }

  id(entity: PvEntity, index: number): string {
    const number = idOf(BASES[entity], index);
    return entity === "Quote" ? `OF${number}` : entity === "Invoice" ? `F${number}` : String(number);
  }

  missing(entity: PvEntity, rng: Rng): string {
    return String(missingId(BASES[entity], this.counts[entity], rng));
  }

  randomId(entity: PvEntity, rng: Rng): string {
    return this.id(entity, rng.int(0, this.counts[entity] - 1));
  }

  optionalId(entity: PvEntity, rng: Rng, probability: number): string {
    return this.counts[entity] > 0 && rng.chance(probability) ? this.randomId(entity, rng) : "";
  }

  owner(rng: Rng): string {
    return rng.pick(this.activeUsers).email;
  }
}

function paragraph(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(rng.pick(PV_SENTENCES));
  return out.join(" ");
}

function personGroup(draft: RowDraft, n: number, who: NlPerson | null, role: string, domain: string, rng: Rng): void {
  draft.set(`Contactpersoon ${n}`, who === null ? "" : fullName(who));
  draft.set(`Functie ${n}`, who === null ? "" : role);
  draft.set(`E-mail ${n}`, who === null ? "" : `${personLocal(who)}@${domain}`);
  draft.set(`Telefoon ${n}`, who !== null && rng.chance(0.7) ? mobile(rng) : "");
}

const PERSON_COLUMNS = [1, 2, 3].flatMap((n) => [`Contactpersoon ${n}`, `Functie ${n}`, `E-mail ${n}`, `Telefoon ${n}`]);
const COMPANY_COLUMNS = ["Bedrijfsnaam", "Website", "KvK-nummer", "BTW-nummer", "Branche"];

type SpecGroups = Record<"Relation" | "Activity" | "Lead" | "Case" | "Document" | "Quote" | "QuoteLine" | "Invoice" | "InvoiceLine" | "Message", DefectSpec[]>;

export function perfectViewDefectSpecs(run: PerfectViewRun): SpecGroups {
  const badDates = `one of ${NL_BAD_DATES.map((v) => `\`${v}\``).join(", ")}`;
  const badNumbers = `one of ${NL_BAD_NUMBERS.map((v) => `\`${v}\``).join(", ")}`;
  const owners = (entity: string, column: string, unknownEvery: number, inactiveEvery: number): DefectSpec[] => [
    {
      kind: "unknown_owner",
      entity,
      columns: [column],
      every: unknownEvery,
      appearance: "e-mail of a deleted user: in neither gebruikers_NNN.csv nor odoo-seed.json",
      apply: replaceWith(column, (rng) => rng.pick(run.formerUsers).email),
    },
    {
      kind: "inactive_owner",
      entity,
      columns: [column],
      every: inactiveEvery,
      appearance: "e-mail of a user with Actief = nee (in odoo-seed.json with active false)",
      apply: replaceWith(column, (rng) => rng.pick(run.inactiveUsers).email),
    },
  ];
  const dangle = (entity: string, every: number): DefectSpec => ({
    kind: "dangling_reference",
    entity,
    columns: ["Relatienummer"],
    every,
    appearance: "Relatienummer is a number in a gap: no relation has it (a deleted relation)",
    apply: replaceWith("Relatienummer", (rng) => run.missing("Relation", rng), () => ({ target: "Relation" })),
  });
  const multi = (entity: string, column: string, every: number): DefectSpec => ({
    kind: "quoted_newline",
    entity,
    columns: [column],
    every,
    appearance: `${column} spans 2 to 4 lines (CRLF inside the quoted field)`,
    apply: multiline(column, (rng) => {
      const lines: string[] = [];
      const count = rng.int(2, 4);
      for (let i = 0; i < count; i++) lines.push(rng.pick(PV_SENTENCES));
      return lines;
    }, "\r\n"),
  });
  const blank = (entity: string, column: string, every: number): DefectSpec => ({
    kind: "blank_required",
    entity,
    columns: [column],
    every,
    appearance: `${column} is empty`,
    apply: blankValue([column]),
  });
  const unknownProduct = (entity: string, every: number): DefectSpec => ({
    kind: "unknown_product",
    entity,
    columns: ["Productcode"],
    every,
    appearance: `a retired product code (${PV_RETIRED_PRODUCT_CODES.join(", ")}) absent from odoo-seed.json products`,
    apply: replaceWith("Productcode", (rng) => rng.pick(PV_RETIRED_PRODUCT_CODES)),
  });
  return {
    Relation: [
      {
        kind: "company_only_relation",
        entity: "Relation",
        columns: PERSON_COLUMNS,
        every: 15,
        appearance: "all twelve person columns are empty: an organisation without contact persons",
        apply: (draft) => {
          if (!PERSON_COLUMNS.every((header) => draft.isFree(header))) return null;
          for (const header of PERSON_COLUMNS) draft.corrupt(header, "");
          return { column: "Contactpersoon 1" };
        },
      },
      {
        kind: "person_only_relation",
        entity: "Relation",
        columns: COMPANY_COLUMNS,
        every: 12,
        appearance: "Bedrijfsnaam, Website, KvK-nummer, BTW-nummer and Branche are empty; one person with a personal e-mail (also in E-mailadres), home address",
        apply: (draft, rng) => {
          if (![...COMPANY_COLUMNS, ...PERSON_COLUMNS, "E-mailadres"].every((header) => draft.isFree(header))) return null;
          for (const header of COMPANY_COLUMNS) draft.corrupt(header, "");
          const email = `${emailSlug(draft.get("Contactpersoon 1").replaceAll(" ", "."))}${rng.int(1, 99)}@${rng.pick(NL_PERSONAL_DOMAINS)}`;
          draft.corrupt("E-mailadres", email);
          draft.corrupt("Functie 1", "Eigenaar");
          draft.corrupt("E-mail 1", email);
          for (const header of PERSON_COLUMNS.slice(4)) draft.corrupt(header, "");
          draft.lock("Contactpersoon 1");
          draft.lock("Telefoon 1");
          return { column: "Bedrijfsnaam" };
        },
      },
      {
        kind: "same_role_trio",
        entity: "Relation",
        columns: ["Functie 1", "Functie 2", "Functie 3"],
        every: 25,
        appearance: "three contact persons with the same Functie",
        apply: (draft, rng) => {
          if (!PERSON_COLUMNS.every((header) => draft.isFree(header))) return null;
          const role = rng.pick(["Contactpersoon facturen", "Verkoopmanager", "Projectleider"] as const);
          const domain = (draft.get("Website") || "www.onbekend.nl").replace(/^www\./, "");
          for (const n of [2, 3]) {
            if (draft.get(`Contactpersoon ${n}`) === "") personGroup(draft, n, nlPerson(rng), role, domain, rng);
          }
          for (const n of [1, 2, 3]) draft.set(`Functie ${n}`, role);
          for (const header of PERSON_COLUMNS) draft.lock(header);
          return { column: "Functie 1", detail: { role } };
        },
      },
      {
        kind: "quoted_newline",
        entity: "Relation",
        columns: ["Bezoekadres"],
        every: 50,
        appearance: 'Bezoekadres holds two lines, street and a floor or unit ("Kerkstraat 12\r\n2e verdieping"), CRLF inside the quoted field',
        apply: multiline("Bezoekadres", (rng, draft) => [draft.get("Bezoekadres"), rng.pick(["2e verdieping", "Begane grond", "Unit 3", "Achteringang", "t.a.v. de administratie"])], "\r\n"),
      },
      {
        kind: "stray_whitespace",
        entity: "Relation",
        columns: ["Bedrijfsnaam", "Plaats", "Contactpersoon 1", "E-mailadres"],
        every: 20,
        appearance: "a leading space, a trailing space, both (one leading, two trailing), or a doubled inner space",
        apply: strayWhitespace(["Bedrijfsnaam", "Plaats", "Contactpersoon 1", "E-mailadres"]),
      },
      { kind: "bad_date", entity: "Relation", columns: ["Lid sinds"], every: 40, appearance: badDates, apply: badValue(["Lid sinds"], NL_BAD_DATES) },
      ...owners("Relation", "Accountmanager", 30, 40),
    ],
    Activity: [
      blank("Activity", "Onderwerp", 50),
      multi("Activity", "Omschrijving", 4),
      {
        kind: "stray_whitespace",
        entity: "Activity",
        columns: ["Onderwerp"],
        every: 40,
        appearance: "a leading space, a trailing space, both, or a doubled inner space",
        apply: strayWhitespace(["Onderwerp"]),
      },
      { kind: "bad_date", entity: "Activity", columns: ["Deadline"], every: 40, appearance: badDates, apply: badValue(["Deadline"], NL_BAD_DATES) },
      dangle("Activity", 50),
      ...owners("Activity", "Medewerker", 30, 45),
    ],
    Lead: [
      blank("Lead", "Omschrijving", 40),
      { kind: "bad_number", entity: "Lead", columns: ["Verwachte omzet", "Kans (%)"], every: 30, appearance: badNumbers, apply: badValue(["Verwachte omzet", "Kans (%)"], NL_BAD_NUMBERS) },
      { kind: "bad_date", entity: "Lead", columns: ["Verwachte afsluitdatum"], every: 40, appearance: badDates, apply: badValue(["Verwachte afsluitdatum"], NL_BAD_DATES) },
      dangle("Lead", 60),
      ...owners("Lead", "Eigenaar", 30, 50),
    ],
    Case: [blank("Case", "Onderwerp", 40), multi("Case", "Omschrijving", 2), dangle("Case", 60), ...owners("Case", "Behandelaar", 35, 50)],
    Document: [
      dangle("Document", 40),
      {
        kind: "missing_file",
        entity: "Document",
        columns: ["Pad"],
        every: 50,
        appearance: "the row is complete but no file exists at Pad",
        apply: (draft) => {
          draft.lock("Pad");
          return { column: "Pad" };
        },
      },
    ],
    Quote: [
      { kind: "bad_date", entity: "Quote", columns: ["Geldig tot"], every: 50, appearance: badDates, apply: badValue(["Geldig tot"], NL_BAD_DATES) },
      ...owners("Quote", "Eigenaar", 40, 60),
    ],
    QuoteLine: [
      unknownProduct("QuoteLine", 30),
      {
        kind: "bad_number",
        entity: "QuoteLine",
        columns: ["Aantal", "Prijs per stuk", "Korting (%)"],
        every: 60,
        appearance: badNumbers,
        apply: badValue(["Aantal", "Prijs per stuk", "Korting (%)"], NL_BAD_NUMBERS),
      },
    ],
    Invoice: [
      {
        kind: "paid_invoice",
        entity: "Invoice",
        columns: ["Status"],
        every: 2,
        appearance: "Status `betaald`: Odoo computes payment_state and will not take it as a value",
        apply: replaceWith("Status", () => "betaald"),
      },
      { kind: "bad_date", entity: "Invoice", columns: ["Vervaldatum"], every: 60, appearance: badDates, apply: badValue(["Vervaldatum"], NL_BAD_DATES) },
    ],
    InvoiceLine: [unknownProduct("InvoiceLine", 60)],
    Message: [
      {
        kind: "quoted_newline",
        entity: "Message",
        columns: ["Inhoud"],
        every: 2,
        appearance: "Inhoud is laid out as an e-mail: greeting, blank line, text, blank line, sign-off and name on their own lines (CRLF inside the quoted field)",
        apply: (draft) => {
          if (!draft.isFree("Inhoud")) return null;
          const body = draft.get("Inhoud");
          const greetingEnd = body.indexOf(", ") + 1;
          const signOff = body.lastIndexOf(` ${SIGN_OFF} `);
          const laidOut = [body.slice(0, greetingEnd), "", body.slice(greetingEnd + 1, signOff), "", SIGN_OFF, body.slice(signOff + SIGN_OFF.length + 2)].join("\r\n");
          draft.corrupt("Inhoud", laidOut);
          return { column: "Inhoud", detail: { lines: 6 } };
        },
      },
      dangle("Message", 50),
    ],
  };
}

/** Kinds injected per chunk boundary or per file rather than per cell. */
export function perfectViewStructuralRates(chunkSize = PV_DEFAULT_CHUNK_SIZE): DefectRate[] {
  return [
    {
      kind: "duplicate_key",
      entity: "*",
      columns: ["key"],
      every: 1,
      appearance: `every chunk after the first of every file starts with the last 1 to ${MAX_OVERLAP} rows of the previous chunk (chunks hold at most ${chunkSize} rows, repeats included); each repeat has, with probability 1/2, a later Gewijzigd op (detail.newer); listed per repeated row, in the later chunk, with detail.firstFile and detail.firstLine`,
    },
    {
      kind: "mixed_encoding",
      entity: "*",
      columns: [],
      every: 3,
      appearance: "chunks 2, 5, 8, ... of every file are UTF-8 without BOM, the others Windows-1252; listed per UTF-8 file with line, row and key null",
    },
  ];
}

export function perfectViewRates(rows = 1000, chunkSize = PV_DEFAULT_CHUNK_SIZE): DefectRate[] {
  const run = new PerfectViewRun({ rows, seed: "docs", outDir: "" });
  return [...Object.values(perfectViewDefectSpecs(run)).flatMap(ratesOf), ...perfectViewStructuralRates(chunkSize)];
}

export function isPerfectViewOutput(name: string): boolean {
  return /^[a-z_]+_\d{3,}\.csv$/.test(name) || name === "defects.json" || name === "odoo-seed.json" || name === "bestanden";
}

interface LineItem {
  readonly product: PvProduct;
  readonly quantity: number;
  readonly discount: number;
  readonly net: number;
  readonly vat: number;
}

/** Lines of a quote or invoice: a pure function of the parent, so totals are known before writing. */
function lineItems(rng: Rng, max: number): LineItem[] {
  const count = rng.int(1, max);
  const items: LineItem[] = [];
  for (let i = 0; i < count; i++) {
    const product = rng.pick(PV_PRODUCTS);
    const hourly = product.code.startsWith("ARB-");
    const quantity = hourly ? rng.int(1, 16) * 50 : product.code === "ZP-410" ? rng.int(6, 40) * 100 : rng.int(1, 3) * 100;
    const discount = rng.chance(0.7) ? 0 : rng.pick([500, 750, 1000, 1500]);
    const gross = Math.round((product.price * quantity) / 100);
    const net = Math.round((gross * (10000 - discount)) / 10000);
    items.push({ product, quantity, discount, net, vat: Math.round((net * product.vat) / 100) });
  }
  return items;
}

export function generatePerfectView(options: GenerateOptions & { readonly overwrite?: boolean }): GenerationSummary {
  validateRows(options.rows);
  const chunkSize = options.chunkSize ?? PV_DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < PV_MIN_CHUNK_SIZE) throw new RangeError(`--chunk-size must be an integer of at least ${PV_MIN_CHUNK_SIZE}, got ${chunkSize}`);
  const run = new PerfectViewRun(options);
  const { counts, base } = run;
  const outDir = options.outDir;
  prepareOutDir(outDir, options.overwrite === true, isPerfectViewOutput);
  mkdirSync(join(outDir, "bestanden"), { recursive: true });

  const specs = perfectViewDefectSpecs(run);
  const log = new DefectLog(join(outDir, "defects.json"), {
    system: PV_SYSTEM,
    generator: "flitmap mappings/generators 1",
    seed: options.seed,
    rows: options.rows,
    chunkSize,
    exportedAt: "2026-03-31T17:45",
    timezone: "Europe/Amsterdam",
  });
  const written: WrittenFile[] = [];
  const entities: Record<string, EntitySummary> = {};
  const sink = (layout: FileLayout, maxRows: number): ChunkedSink =>
    new ChunkedSink({
      outDir,
      layout,
      dialect: DIALECT,
      chunkSize,
      maxRows,
      rng: base.fork(Rng.streamId(`chunks:${layout.entity}`), 0),
      log,
      lastDay: PV_EXPORT_DAY,
    });
  const finish = (layout: FileLayout, chunked: ChunkedSink): void => {
    const result = chunked.close();
    written.push(...result.files);
    entities[layout.entity] = { files: result.files.map((file) => file.path), records: result.records, rows: result.rows };
  };
  const entityRows = (
    layout: FileLayout,
    entity: PvEntity,
    groupSpecs: readonly DefectSpec[],
    build: (index: number, rng: Rng, draft: RowDraft) => void,
    afterWrite?: (index: number, draft: RowDraft, applied: readonly AppliedWithKind[]) => void,
  ): void => {
    const chunked = sink(layout, counts[entity]);
    writeEntityRows({ layout, count: counts[entity], base, sink: chunked, log, defects: new EntityDefects(groupSpecs, base, counts[entity]), build, ...(afterWrite === undefined ? {} : { afterWrite }) });
    finish(layout, chunked);
  };

  // Users and custom field definitions first: they are what the other files refer to.
  const users = sink(PV_USERS, run.users.length);
  for (const user of run.users) users.writeRow([user.login, user.name, user.email, jaNee(user.active), user.role], user.login);
  finish(PV_USERS, users);
  const customFields = sink(PV_CUSTOM_FIELDS, CUSTOM_FIELDS.length);
  for (const row of CUSTOM_FIELDS) customFields.writeRow(row, `${row[0]}/${row[1]}`);
  finish(PV_CUSTOM_FIELDS, customFields);

  entityRows(PV_RELATIONS, "Relation", specs.Relation, (index, rng, draft) => {
    const core = run.relationCore(index);
    const where = place(rng);
    const created = officeMoment(rng, HISTORY_START, PV_EXPORT_DAY - 10);
    const kind = rng.weighted([["Klant", 60], ["Prospect", 25], ["Leverancier", 8], ["Partner", 7]] as const);
    const personCount = rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
    const roles = [...PV_ROLES];
    draft.set("Relatienummer", run.id("Relation", index));
    draft.set("Bedrijfsnaam", core.companyName);
    draft.set("Relatiesoort", kind);
    draft.set("Bezoekadres", where.street);
    draft.set("Postcode", where.postcode);
    draft.set("Plaats", where.city);
    draft.set("Land", where.country);
    draft.set("Telefoonnummer", where.phone);
    draft.set("E-mailadres", rng.chance(0.85) ? `${rng.pick(["info", "info", "administratie", "contact"])}@${core.domain}` : "");
    draft.set("Website", `www.${core.domain}`);
    draft.set("KvK-nummer", String(rng.int(10_000_000, 99_999_999)));
    draft.set("BTW-nummer", rng.chance(0.8) ? `NL${rng.int(100_000_000, 999_999_999)}B01` : "");
    draft.set("Branche", rng.chance(0.85) ? rng.pick(PV_BRANCHES) : "");
    draft.set("Accountmanager", rng.chance(0.92) ? run.owner(rng) : "");
    draft.set("Klantnummer", kind === "Klant" ? `K${10000 + index}` : "");
    draft.set("Lid sinds", kind === "Klant" ? day(created.days - rng.int(0, 2000)) : "");
    draft.set("Geïnteresseerd in", rng.chance(0.6) ? rng.pick(PV_INTERESTS) : "");
    draft.set("Nieuwsbrief", jaNee(rng.chance(0.45)));
    for (let n = 1; n <= 3; n++) {
      const role = roles.splice(rng.int(0, roles.length - 1), 1)[0] ?? "Contactpersoon facturen";
      personGroup(draft, n, n <= personCount ? (core.persons[n - 1] ?? null) : null, role, core.domain, rng);
    }
    draft.set("Aangemaakt op", stamp(created));
    draft.set("Gewijzigd op", stamp(laterMoment(rng, created, PV_EXPORT_DAY)));
  });

  entityRows(PV_ACTIVITIES, "Activity", specs.Activity, (index, rng, draft) => {
    const kind = rng.weighted([["Telefoongesprek", 35], ["E-mail", 25], ["Afspraak", 20], ["Taak", 20]] as const);
    const planned = officeMoment(rng, daysFromCivil(2020, 1, 6), PV_EXPORT_DAY + 30);
    const done = planned.days < PV_EXPORT_DAY && rng.chance(0.85);
    draft.set("Activiteitnummer", run.id("Activity", index));
    draft.set("Relatienummer", run.randomId("Relation", rng));
    draft.set("Leadnummer", run.optionalId("Lead", rng, 0.3));
    draft.set("Soort", kind);
    draft.set("Onderwerp", rng.pick(PV_ACTIVITY_SUBJECTS[kind]));
    draft.set("Omschrijving", paragraph(rng, rng.int(1, 2)));
    draft.set("Datum", stamp(planned));
    draft.set("Deadline", day(planned.days + rng.int(0, 7)));
    draft.set("Medewerker", run.owner(rng));
    draft.set("Status", done ? "Afgerond" : "Open");
    draft.set("Afgerond op", done ? stamp(laterMoment(rng, planned, Math.min(PV_EXPORT_DAY, planned.days + 2))) : "");
    draft.set("Gewijzigd op", stamp(done ? laterMoment(rng, planned, PV_EXPORT_DAY) : officeMoment(rng, planned.days - 14, Math.min(planned.days, PV_EXPORT_DAY))));
  });

  entityRows(PV_LEADS, "Lead", specs.Lead, (index, rng, draft) => {
    const status = rng.weighted([["Nieuw", 25], ["Gekwalificeerd", 20], ["Offerte uitgebracht", 18], ["Onderhandeling", 10], ["Gewonnen", 15], ["Verloren", 12]] as const);
    const chance = { Nieuw: 10, Gekwalificeerd: 30, "Offerte uitgebracht": 50, Onderhandeling: 70, Gewonnen: 100, Verloren: 0 }[status];
    const created = officeMoment(rng, daysFromCivil(2022, 1, 3), PV_EXPORT_DAY - 3);
    const closed = status === "Gewonnen" || status === "Verloren";
    draft.set("Leadnummer", run.id("Lead", index));
    draft.set("Relatienummer", run.randomId("Relation", rng));
    draft.set("Omschrijving", rng.pick(PV_LEAD_TOPICS));
    draft.set("Status", status);
    draft.set("Bron", rng.chance(0.85) ? rng.pick(["Website", "Beurs", "Telefonisch", "Via relatie", "LinkedIn", "Nieuwsbrief", "Google Ads"]) : "");
    draft.set("Verwachte omzet", formatEuros(rng.logInt(5, 2500) * 10000));
    draft.set("Kans (%)", String(chance));
    draft.set("Verwachte afsluitdatum", day(closed ? created.days + rng.int(10, 120) : PV_EXPORT_DAY + rng.int(7, 200)));
    draft.set("Eigenaar", run.owner(rng));
    draft.set("Aangemaakt op", stamp(created));
    draft.set("Gewijzigd op", stamp(laterMoment(rng, created, PV_EXPORT_DAY)));
  });

  entityRows(PV_CASES, "Case", specs.Case, (index, rng, draft) => {
    const status = rng.weighted([["Nieuw", 10], ["In behandeling", 20], ["Wacht op klant", 10], ["Opgelost", 30], ["Gesloten", 30]] as const);
    const reported = officeMoment(rng, daysFromCivil(2021, 1, 4), PV_EXPORT_DAY - 1);
    const solved = status === "Opgelost" || status === "Gesloten" ? laterMoment(rng, reported, Math.min(PV_EXPORT_DAY, reported.days + 20)) : null;
    draft.set("Zaaknummer", run.id("Case", index));
    draft.set("Relatienummer", run.randomId("Relation", rng));
    draft.set("Onderwerp", rng.pick(PV_CASE_SUBJECTS));
    draft.set("Omschrijving", paragraph(rng, rng.int(1, 2)));
    draft.set("Status", status);
    draft.set("Prioriteit", rng.weighted([["Laag", 20], ["Normaal", 50], ["Hoog", 22], ["Urgent", 8]] as const));
    draft.set("Soort", rng.weighted([["Vraag", 30], ["Klacht", 15], ["Storing", 45], ["Wijzigingsverzoek", 10]] as const));
    draft.set("Behandelaar", run.owner(rng));
    draft.set("Gemeld op", stamp(reported));
    draft.set("Opgelost op", solved === null ? "" : stamp(solved));
    draft.set("Gewijzigd op", stamp(laterMoment(rng, solved ?? reported, PV_EXPORT_DAY)));
  });

  let attachmentFiles = 0;
  let content: Buffer = Buffer.alloc(0);
  entityRows(
    PV_DOCUMENTS,
    "Document",
    specs.Document,
    (index, rng, draft) => {
      const [name, kind] = rng.pick(PV_DOCUMENT_NAMES);
      const id = run.id("Document", index);
      const relation = run.randomId("Relation", rng);
      content = documentContent(kind as AttachmentKind, name, id, relation, rng);
      draft.set("Documentnummer", id);
      draft.set("Relatienummer", relation);
      draft.set("Leadnummer", run.optionalId("Lead", rng, 0.25));
      draft.set("Bestandsnaam", name);
      draft.set("Pad", `bestanden\\${id}-${fileSlug(name)}`);
      draft.set("Omschrijving", rng.chance(0.6) ? name.replace(/\.[a-z]+$/, "") : "");
      draft.set("Bestandstype", MIME_TYPES[kind as AttachmentKind]);
      draft.set("Grootte (bytes)", String(content.length));
      draft.set("Aangemaakt op", stamp(officeMoment(rng, daysFromCivil(2019, 1, 7), PV_EXPORT_DAY)));
    },
    (_index, draft, applied) => {
      if (applied.some((defect) => defect.kind === "missing_file")) return;
      writeFileSync(join(outDir, ...draft.get("Pad").split("\\")), content);
      attachmentFiles++;
    },
  );

  // Quotes and invoices, each with its lines streamed to a second chunked file.
  const withLines = (
    header: FileLayout,
    lines: FileLayout,
    entity: "Quote" | "Invoice",
    maxLines: number,
    headerSpecs: readonly DefectSpec[],
    lineSpecs: readonly DefectSpec[],
    build: (index: number, rng: Rng, draft: RowDraft, items: readonly LineItem[]) => void,
  ): void => {
    const lineSink = sink(lines, counts[entity] * maxLines);
    const lineColumns = new ColumnIndex(lines);
    const lineDefects = new EntityDefects(lineSpecs, base, Math.floor((counts[entity] * (maxLines + 1)) / 2));
    const itemStream = Rng.streamId(`${entity}:items`);
    let lineIndex = 0;
    entityRows(
      header,
      entity,
      headerSpecs,
      (index, rng, draft) => build(index, rng, draft, lineItems(base.fork(itemStream, index), maxLines)),
      (index, draft) => {
        const itemRng = base.fork(itemStream, index);
        const items = lineItems(itemRng, maxLines);
        const parent = draft.get(header.key[0] ?? "");
        items.forEach((item, at) => {
          const line = new RowDraft(lineColumns);
          line.set(lines.key[0] ?? "", parent);
          line.set("Regelnummer", String(at + 1));
          line.set("Productcode", item.product.code);
          line.set("Omschrijving", item.product.name);
          line.set("Aantal", formatDutchDecimal(item.quantity));
          line.set("Prijs per stuk", formatEuros(item.product.price));
          line.set("Korting (%)", formatDutchDecimal(item.discount));
          line.set("BTW (%)", String(item.product.vat));
          const applied = lineDefects.applyTo(lineIndex, line, itemRng);
          lineIndex++;
          const key = `${parent}/${at + 1}`;
          const position = lineSink.writeRow(line.values, key);
          log.recordApplied(lines.entity, position, key, applied, line);
        });
      },
    );
    finish(lines, lineSink);
  };

  withLines(PV_QUOTES, PV_QUOTE_LINES, "Quote", QUOTE_LINES_MAX, specs.Quote, specs.QuoteLine, (index, rng, draft, items) => {
    const dated = officeMoment(rng, daysFromCivil(2021, 1, 4), PV_EXPORT_DAY - 1);
    draft.set("Offertenummer", run.id("Quote", index));
    draft.set("Relatienummer", run.randomId("Relation", rng));
    draft.set("Leadnummer", run.optionalId("Lead", rng, 0.5));
    draft.set("Omschrijving", `Offerte ${rng.pick(PV_LEAD_TOPICS).toLowerCase()}`);
    draft.set("Offertedatum", day(dated.days));
    draft.set("Geldig tot", day(dated.days + 30));
    draft.set("Status", rng.weighted([["Concept", 10], ["Verstuurd", 35], ["Geaccepteerd", 35], ["Afgewezen", 20]] as const));
    draft.set("Totaal excl. BTW", formatEuros(items.reduce((sum, item) => sum + item.net, 0)));
    draft.set("Valuta", "EUR");
    draft.set("Eigenaar", run.owner(rng));
    draft.set("Gewijzigd op", stamp(laterMoment(rng, dated, PV_EXPORT_DAY)));
  });

  withLines(PV_INVOICES, PV_INVOICE_LINES, "Invoice", INVOICE_LINES_MAX, specs.Invoice, specs.InvoiceLine, (index, rng, draft, items) => {
    const dated = officeMoment(rng, daysFromCivil(2021, 1, 4), PV_EXPORT_DAY - 1);
    const net = items.reduce((sum, item) => sum + item.net, 0);
    const vat = items.reduce((sum, item) => sum + item.vat, 0);
    draft.set("Factuurnummer", run.id("Invoice", index));
    draft.set("Relatienummer", run.randomId("Relation", rng));
    draft.set("Offertenummer", run.optionalId("Quote", rng, 0.3));
    draft.set("Factuurdatum", day(dated.days));
    draft.set("Vervaldatum", day(dated.days + 30));
    draft.set("Status", rng.chance(0.75) ? "open" : "geannuleerd");
    draft.set("Totaal excl. BTW", formatEuros(net));
    draft.set("BTW-bedrag", formatEuros(vat));
    draft.set("Totaal incl. BTW", formatEuros(net + vat));
    draft.set("Valuta", "EUR");
    draft.set("Gewijzigd op", stamp(laterMoment(rng, dated, PV_EXPORT_DAY)));
  });

  // Communication history: threads of 1 to 4 messages, generated in order.
  let thread: { id: string; relation: number; subject: string; left: number; at: Moment; lead: string; caseId: string } | null = null;
  entityRows(PV_MESSAGES, "Message", specs.Message, (index, rng, draft) => {
    if (thread === null || thread.left === 0) {
      const relation = rng.int(0, counts.Relation - 1);
      const onCase = counts.Case > 0 && rng.chance(0.3);
      thread = {
        id: run.id("Message", index),
        relation,
        subject: onCase ? rng.pick(PV_CASE_SUBJECTS) : rng.pick(PV_LEAD_TOPICS),
        left: rng.int(1, 4),
        at: officeMoment(rng, daysFromCivil(2020, 1, 6), PV_EXPORT_DAY - 5),
        lead: onCase ? "" : run.optionalId("Lead", rng, 0.4),
        caseId: onCase ? run.randomId("Case", rng) : "",
      };
    }
    const reply = thread.id !== run.id("Message", index);
    const core = run.relationCore(thread.relation);
    const contact = core.persons[0] ?? nlPerson(rng);
    const contactEmail = `${personLocal(contact)}@${core.domain}`;
    const user = rng.pick(run.activeUsers);
    const inbound = reply ? rng.chance(0.5) : rng.chance(0.6);
    thread.at = reply ? laterMoment(rng, thread.at, PV_EXPORT_DAY) : thread.at;
    thread.left--;
    const greeting = `Beste ${inbound ? (user.name.split(" ")[0] ?? "") : contact.first},`;
    draft.set("Berichtnummer", run.id("Message", index));
    draft.set("Gespreksnummer", thread.id);
    draft.set("Relatienummer", run.id("Relation", thread.relation));
    draft.set("Leadnummer", thread.lead);
    draft.set("Zaaknummer", thread.caseId);
    draft.set("Datum", stamp(thread.at));
    draft.set("Richting", inbound ? "Inkomend" : "Uitgaand");
    draft.set("Van", inbound ? contactEmail : user.email);
    draft.set("Aan", inbound ? user.email : contactEmail);
    draft.set("CC", rng.chance(0.15) ? `administratie@${PV_FIRM.domain}` : "");
    draft.set("Onderwerp", reply ? `RE: ${thread.subject}` : thread.subject);
    draft.set("Inhoud", `${greeting} ${paragraph(rng, rng.int(1, 3))} ${SIGN_OFF} ${inbound ? fullName(contact) : user.name}`);
  });

  const workflows = sink(PV_WORKFLOWS, WORKFLOWS.length);
  for (const row of WORKFLOWS) workflows.writeRow(row, row[0]);
  finish(PV_WORKFLOWS, workflows);

  const seed = {
    users: run.users.map((user) => ({ login: user.email, email: user.email, name: user.name, active: user.active })),
    products: PV_PRODUCTS.map((product) => ({ default_code: product.code, name: product.name, list_price: product.price / 100 })),
  };
  writeFileSync(join(outDir, "odoo-seed.json"), `${JSON.stringify(seed, null, 2)}\n`);

  const rates = [...Object.values(specs).flatMap(ratesOf), ...perfectViewStructuralRates(chunkSize)];
  const defectCounts = log.counts();
  log.close(rates, entities, written);
  return { system: PV_SYSTEM, outDir, files: written, entities, defectCounts, attachmentFiles };
}

function documentContent(kind: AttachmentKind, name: string, id: string, relation: string, rng: Rng): Buffer {
  if (kind === "pdf") return makePdf(name.replace(/\.pdf$/, ""), [PV_FIRM.name, `Document ${id}, relatie ${relation}`, paragraph(rng, 1)]);
  if (kind === "png") return makePng(24, 24, rng.nextUint32());
  return makeText([`Document ${id}, relatie ${relation}`, paragraph(rng, 1), paragraph(rng, 1)], "\r\n");
}

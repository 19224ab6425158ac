/**
 * Kundenwerk: the CRM export of a German machine builder (Hansen Anlagenbau GmbH). One of the
 * export families `flitmap init` is measured on (docs/init.md): German headers, `;`-separated,
 * Windows-1252, CRLF, `dd.MM.yyyy` dates, decimal commas with thousands dots, `ja`/`nein`.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | firmen.csv | 20% of --rows | companies; `Konzernmutter` names the group parent by its name (a few name a firm that is not in the export), `Betreuer` is the account manager as "K. Vogel", `Merkmale` a comma-separated list |
 * | ansprechpartner.csv | 35% | people of a firm, by `Firmen-Nr`; `Telefon Durchwahl` is the direct dial, `Geburtstag` is "00.00.0000" when unknown |
 * | verkaufschancen.csv | 20% | opportunities of a firm and, often, a person; `Volumen` in euros ("k.A." when unknown), `Erwarteter Abschluss` the expected date |
 * | aufgaben.csv | 25% | tasks on an opportunity or a firm; `Erledigt` ja/nein, `Fällig am` the deadline ("00.00.0000" when none was set) |
 *
 * Placeholders: "k.A." (keine Angabe) in numbers, "00.00.0000" in dates, "-" in phone numbers.
 * One account manager (H. Brandt) has left: no Odoo user has her name.
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

export const KUNDENWERK_FIRM = { name: "Hansen Anlagenbau GmbH", domain: "hansen-anlagenbau.de" } as const;

const STAFF = [
  { first: "Klaus", last: "Vogel" },
  { first: "Sabine", last: "Becker" },
  { first: "Jürgen", last: "Hoffmann" },
  { first: "Petra", last: "Krüger" },
  { first: "Markus", last: "Schäfer" },
] as const;
/** An account manager who has left: her name is in the export, not among Odoo's users. */
const FORMER_STAFF = { first: "Heike", last: "Brandt" } as const;

const FIRST_MALE = [
  "Thomas",
  "Michael",
  "Andreas",
  "Stefan",
  "Frank",
  "Christian",
  "Martin",
  "Uwe",
  "Ralf",
  "Jan",
  "Tobias",
  "Lukas",
  "Jörg",
  "Dieter",
] as const;
const FIRST_FEMALE = [
  "Sabine",
  "Claudia",
  "Anja",
  "Susanne",
  "Nicole",
  "Katrin",
  "Julia",
  "Monika",
  "Andrea",
  "Birgit",
  "Lena",
  "Jana",
  "Ursula",
  "Doris",
] as const;
const LAST = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Schulz",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Hartmann",
  "Lange",
  "Werner",
  "Krause",
  "Lehmann",
  "Köhler",
  "Maier",
  "Huber",
  "Kaiser",
  "Fuchs",
] as const;
const COMPANY_STEMS = [
  "Rheinmetall",
  "Nordtech",
  "Alpenland",
  "Elbe",
  "Bergmann",
  "Südwerk",
  "Isar",
  "Hanse",
  "Weser",
  "Taunus",
  "Spree",
  "Donau",
  "Kraft",
  "Stahl",
  "Präzision",
  "Fördertechnik",
  "Antriebe",
  "Kunststoff",
  "Logistik",
  "Automation",
  "Hydraulik",
  "Elektro",
  "Werkzeug",
  "Verpackung",
] as const;
const LEGAL_FORMS = ["GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG", "e.K."] as const;
const TOWNS = [
  { city: "Berlin", zip: 10, area: "030" },
  { city: "Hamburg", zip: 20, area: "040" },
  { city: "München", zip: 80, area: "089" },
  { city: "Köln", zip: 50, area: "0221" },
  { city: "Frankfurt am Main", zip: 60, area: "069" },
  { city: "Stuttgart", zip: 70, area: "0711" },
  { city: "Düsseldorf", zip: 40, area: "0211" },
  { city: "Leipzig", zip: 4, area: "0341" },
  { city: "Dresden", zip: 1, area: "0351" },
  { city: "Nürnberg", zip: 90, area: "0911" },
] as const;
const FOREIGN_TOWNS = [
  { city: "Wien", zip: "1010", country: "Österreich", area: "+43 1" },
  { city: "Graz", zip: "8010", country: "Österreich", area: "+43 316" },
  { city: "Zürich", zip: "8001", country: "Schweiz", area: "+41 44" },
] as const;
const STREETS = [
  "Hauptstraße",
  "Bahnhofstraße",
  "Industriestraße",
  "Gewerbering",
  "Am Hafen",
  "Lindenallee",
  "Schillerstraße",
  "Mühlenweg",
  "Goethestraße",
] as const;
const BRANCHES = ["Maschinenbau", "Handel", "Bauwesen", "IT-Dienstleistungen", "Gesundheitswesen", "Logistik", "Lebensmittel", "Beratung"] as const;
const FEATURES = ["Top-Kunde", "Newsletter", "Messekontakt", "Rahmenvertrag"] as const;
const STATUSES = [
  ["Kunde", 5],
  ["Interessent", 4],
  ["Ehemaliger Kunde", 1],
] as const;
const POSITIONS = [
  "Geschäftsführer",
  "Einkaufsleiter",
  "Technischer Leiter",
  "Vertriebsleiter",
  "Buchhaltung",
  "Projektleiter",
  "Assistenz der Geschäftsführung",
] as const;
const DEPARTMENTS = ["Einkauf", "Vertrieb", "Geschäftsleitung", "Buchhaltung", "Technik", "Produktion"] as const;
const PHASES = [
  ["Erstkontakt", 3],
  ["Bedarfsanalyse", 2],
  ["Angebot", 3],
  ["Verhandlung", 2],
  ["Gewonnen", 3],
  ["Verloren", 2],
] as const;
const PHASE_CHANCE: Readonly<Record<string, number>> = { Erstkontakt: 10, Bedarfsanalyse: 25, Angebot: 50, Verhandlung: 75, Gewonnen: 100, Verloren: 0 };
const SOURCES = ["Messe", "Empfehlung", "Website", "Kaltakquise", "Bestandskunde"] as const;
const LOST_REASONS = ["Preis zu hoch", "Wettbewerber", "Kein Budget", "Projekt gestoppt"] as const;
const PRODUCTS = ["Förderanlage", "Verpackungslinie", "Wartungsvertrag", "Steuerungs-Upgrade", "Ersatzteilpaket", "Schulung"] as const;
const TASK_KINDS = [
  ["Anruf", 4],
  ["Termin", 2],
  ["E-Mail", 3],
  ["Aufgabe", 3],
] as const;
const TASK_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Anruf: ["Rückruf wegen Angebot", "Nachfassen Angebot", "Termin vereinbaren", "Bedarf klären"],
  Termin: ["Vorführung vor Ort", "Besuch im Werk", "Abnahme der Anlage", "Jahresgespräch"],
  "E-Mail": ["Unterlagen senden", "Referenzliste schicken", "Preisliste senden", "Protokoll versenden"],
  Aufgabe: ["Angebot erstellen", "Zeichnung prüfen", "Liefertermin klären", "Vertrag vorbereiten"],
};
const NOTES = [
  "Kunde wünscht Lieferung bis Quartalsende.",
  "Ansprechpartner ist im Urlaub, danach erneut melden.",
  "Preisvorstellung liegt unter unserem Angebot.",
  "Wettbewerber hat bereits angeboten.",
  "Budget ist freigegeben.",
  "Technische Details mit der Konstruktion abstimmen.",
] as const;

const EXPORT_DAY = day(2026, 2, 27);
const HISTORY_START = day(2017, 1, 2);
const PLACEHOLDER_NUMBER = "k.A.";
const PLACEHOLDER_DATE = "00.00.0000";

function staffName(person: { readonly first: string; readonly last: string }): string {
  return `${person.first.charAt(0)}. ${person.last}`;
}

function owner(rng: Rng): string {
  return staffMember(rng, { staff: STAFF, former: FORMER_STAFF, formerChance: 0.08, unassignedChance: 0.04 }, staffName);
}

interface Firm {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  readonly town: { readonly city: string; readonly area: string };
}

function firmName(rng: Rng): string {
  const stem = rng.pick(COMPANY_STEMS);
  return rng.chance(0.3) ? `${rng.pick(LAST)} ${stem} ${rng.pick(LEGAL_FORMS)}` : `${stem} ${rng.pick(LAST)} ${rng.pick(LEGAL_FORMS)}`;
}

function buildFirms(options: FamilyOptions, count: number): { rows: string[][]; firms: Firm[] } {
  const names = new UniqueNames();
  const firms: Firm[] = [];
  const rows = new RowStream(options.seed, "kundenwerk.firmen").rows(count, (rng, index) => {
    const name = names.take(
      () => firmName(rng),
      (taken, attempt) => `${taken.replace(/ (GmbH.*|AG|KG|e\.K\.)$/, "")} ${rng.pick(TOWNS).city} ${attempt} GmbH`,
    );
    const domain = `${slug(name.split(" ").slice(0, 2).join(""))}.${rng.chance(0.8) ? "de" : "com"}`;
    const foreign = rng.chance(0.12) ? rng.pick(FOREIGN_TOWNS) : undefined;
    const german = rng.pick(TOWNS);
    const town = foreign === undefined ? { city: german.city, area: german.area } : { city: foreign.city, area: foreign.area };
    const zip = foreign === undefined ? pad(german.zip * 1000 + rng.int(1, 999), 5) : foreign.zip;
    const id = `F-${10000 + index * 7}`;
    // A group parent is an earlier firm, by name; a few name a holding that is not in the export.
    let parent = "";
    if (index >= 8 && rng.chance(0.18)) {
      parent = rng.chance(0.1) ? `${rng.pick(LAST)} Holding AG` : (firms[rng.int(0, Math.min(index - 1, 30))]?.name ?? "");
    }
    const created = workMoment(rng, HISTORY_START, EXPORT_DAY - 200);
    const changed = workMoment(rng, created.days + 1, EXPORT_DAY);
    const employees = rng.logInt(3, 4000);
    const row = [
      id,
      name,
      parent,
      `${rng.pick(STREETS)} ${rng.int(1, 140)}`,
      zip,
      town.city,
      foreign?.country ?? "Deutschland",
      rng.chance(0.05) ? "-" : `${town.area} ${rng.int(100000, 9999999)}`,
      rng.chance(0.1) ? "" : `info@${domain}`,
      rng.chance(0.15) ? "" : `www.${domain}`,
      rng.pick(BRANCHES),
      rng.chance(0.2) ? "" : `DE${rng.int(100000000, 999999999)}`,
      rng.chance(0.3) ? "" : `${rng.chance(0.8) ? "HRB" : "HRA"} ${rng.int(1000, 99999)}`,
      rng.chance(0.08) ? PLACEHOLDER_NUMBER : String(employees),
      rng.chance(0.1) ? PLACEHOLDER_NUMBER : amountText(employees * rng.int(80_000, 250_000) * 100, ".", ","),
      rng.chance(0.45) ? "" : someOf(rng, FEATURES, 2).join(", "),
      owner(rng),
      rng.weighted(STATUSES),
      momentText(created, "dd.MM.yyyy"),
      momentText(changed, "dd.MM.yyyy"),
    ];
    firms.push({ id, name, domain, town });
    return row;
  });
  return { rows, firms };
}

interface Person {
  readonly id: string;
  readonly firm: Firm;
}

function buildPeople(options: FamilyOptions, count: number, firms: readonly Firm[]): { rows: string[][]; people: Person[] } {
  const stream = new RowStream(options.seed, "kundenwerk.ansprechpartner");
  const rows: string[][] = [];
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const firm = firms[index < firms.length ? index : rng.int(0, firms.length - 1)] ?? firms[0];
    if (firm === undefined) break;
    const female = rng.chance(0.5);
    const first = female ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE);
    const last = rng.pick(LAST);
    const id = `AP${pad(20001 + index * 3, 6)}`;
    const birthday = rng.chance(0.55) ? PLACEHOLDER_DATE : dayText(day(rng.int(1955, 1998), rng.int(1, 12), rng.int(1, 28)), "dd.MM.yyyy");
    rows.push([
      id,
      firm.id,
      rng.chance(0.04) ? "" : female ? "Frau" : "Herr",
      rng.chance(0.1) ? (rng.chance(0.2) ? "Prof. Dr." : "Dr.") : "",
      first,
      last,
      rng.pick(POSITIONS),
      rng.pick(DEPARTMENTS),
      rng.chance(0.06) ? "-" : `${firm.town.area} ${rng.int(100000, 999999)}-${rng.int(10, 299)}`,
      rng.chance(0.45) ? "" : `0${rng.pick(["151", "160", "170", "171", "176"])} ${rng.int(1000000, 9999999)}`,
      `${slug(first)}.${slug(last)}@${firm.domain}`,
      rng.chance(0.4) ? "ja" : "nein",
      birthday,
      momentText(workMoment(rng, HISTORY_START + 100, EXPORT_DAY), "dd.MM.yyyy"),
    ]);
    people.push({ id, firm });
  }
  return { rows, people };
}

function buildChances(options: FamilyOptions, count: number, firms: readonly Firm[], people: readonly Person[]): { rows: string[][]; ids: string[] } {
  const ids: string[] = [];
  const rows = new RowStream(options.seed, "kundenwerk.verkaufschancen").rows(count, (rng, index) => {
    const firm = rng.pick(firms);
    const contacts = people.filter((person) => person.firm === firm);
    const contact = contacts.length > 0 && rng.chance(0.7) ? rng.pick(contacts) : undefined;
    const phase = rng.weighted(PHASES);
    const created = workMoment(rng, HISTORY_START + 300, EXPORT_DAY - 10);
    const expected = created.days + rng.int(20, 240);
    const id = `VC-${2018 + (index % 8)}-${pad(index + 1, 4)}`;
    const hasNote = rng.chance(0.45);
    const row = [
      id,
      `${rng.pick(PRODUCTS)} für ${firm.name.split(" ").slice(0, 2).join(" ")}`,
      firm.id,
      contact?.id ?? "",
      phase,
      rng.chance(0.1) ? PLACEHOLDER_NUMBER : `${amountText(rng.int(20, 2400) * 50_000, ".", ",")} €`,
      String(PHASE_CHANCE[phase] ?? 0),
      rng.chance(0.1) ? PLACEHOLDER_DATE : dayText(expected, "dd.MM.yyyy"),
      owner(rng),
      rng.pick(SOURCES),
      phase === "Verloren" ? rng.pick(LOST_REASONS) : "",
      hasNote ? `${rng.pick(NOTES)}${rng.chance(0.4) ? `\n${rng.pick(NOTES)}` : ""}` : "",
      momentText(created, "dd.MM.yyyy"),
    ];
    ids.push(id);
    return row;
  });
  return { rows, ids };
}

function buildTasks(options: FamilyOptions, count: number, firms: readonly Firm[], chances: readonly string[][]): string[][] {
  return new RowStream(options.seed, "kundenwerk.aufgaben").rows(count, (rng, index) => {
    const chance = rng.chance(0.6) ? rng.pick(chances) : undefined;
    const firmId = chance?.[2] ?? rng.pick(firms).id;
    const kind = rng.weighted(TASK_KINDS);
    const due = workMoment(rng, HISTORY_START + 400, EXPORT_DAY + 60).days;
    const done = due < EXPORT_DAY - 5 ? rng.chance(0.85) : rng.chance(0.1);
    return [
      String(50001 + index),
      kind,
      rng.pick(TASK_SUBJECTS[kind] ?? ["Aufgabe"]),
      rng.chance(0.07) ? PLACEHOLDER_DATE : dayText(due, "dd.MM.yyyy"),
      done ? "ja" : "nein",
      done ? dayText(due + rng.int(-3, 4), "dd.MM.yyyy") : "",
      owner(rng),
      chance?.[0] ?? "",
      firmId,
      rng.chance(0.4) ? "" : rng.pick(NOTES),
    ];
  });
}

export const KUNDENWERK_HEADERS = {
  firmen: [
    "Firmen-Nr",
    "Firmenname",
    "Konzernmutter",
    "Straße",
    "PLZ",
    "Ort",
    "Land",
    "Telefon Zentrale",
    "E-Mail",
    "Internet",
    "Branche",
    "USt-IdNr",
    "Handelsregister",
    "Mitarbeiter",
    "Jahresumsatz",
    "Merkmale",
    "Betreuer",
    "Kundenstatus",
    "Angelegt am",
    "Geändert am",
  ],
  ansprechpartner: [
    "AP-Nr",
    "Firmen-Nr",
    "Anrede",
    "Titel",
    "Vorname",
    "Nachname",
    "Position",
    "Abteilung",
    "Telefon Durchwahl",
    "Mobil",
    "E-Mail",
    "Newsletter",
    "Geburtstag",
    "Geändert am",
  ],
  verkaufschancen: [
    "Chance-Nr",
    "Bezeichnung",
    "Firmen-Nr",
    "AP-Nr",
    "Phase",
    "Volumen",
    "Wahrscheinlichkeit",
    "Erwarteter Abschluss",
    "Verantwortlich",
    "Quelle",
    "Verlustgrund",
    "Notiz",
    "Angelegt am",
  ],
  aufgaben: ["Aufgaben-Nr", "Art", "Betreff", "Fällig am", "Erledigt", "Erledigt am", "Zuständig", "Chance-Nr", "Firmen-Nr", "Beschreibung"],
} as const;

export function generateKundenwerk(options: FamilyOptions): FamilyExport {
  const firmCount = Math.max(20, Math.round(options.rows * 0.2));
  const { rows: firmRows, firms } = buildFirms(options, firmCount);
  const { rows: personRows, people } = buildPeople(options, Math.round(options.rows * 0.35), firms);
  const { rows: chanceRows } = buildChances(options, Math.round(options.rows * 0.2), firms, people);
  const taskRows = buildTasks(options, Math.round(options.rows * 0.25), firms, chanceRows);
  return {
    system: "kundenwerk",
    dialect: { delimiter: ";", encoding: "windows-1252", bom: false, newline: "\r\n", quoteAll: false },
    tables: [
      { file: "firmen.csv", headers: KUNDENWERK_HEADERS.firmen, rows: firmRows },
      { file: "ansprechpartner.csv", headers: KUNDENWERK_HEADERS.ansprechpartner, rows: personRows },
      { file: "verkaufschancen.csv", headers: KUNDENWERK_HEADERS.verkaufschancen, rows: chanceRows },
      { file: "aufgaben.csv", headers: KUNDENWERK_HEADERS.aufgaben, rows: taskRows },
    ],
    users: staffUsers(STAFF, KUNDENWERK_FIRM.domain),
  };
}

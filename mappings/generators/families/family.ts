/**
 * What the export families share: an export held in memory (its files, each a header and rows),
 * written in one dialect (delimiter, encoding, byte order mark, line ends, quoting), with the
 * users the customer's Odoo holds (`odoo-seed.json`), and the small helpers every family draws
 * its rows with. The families are small (hundreds of rows): each is built whole, then written.
 *
 * Every row is a pure function of (seed, entity, index), as in the shipped generators
 * (prng.ts `fork`), so a family's output depends only on its seed and size.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { civilFromDays, daysFromCivil, type Moment } from "../formats.js";
import { Rng } from "../prng.js";

export interface FamilyDialect {
  readonly delimiter: "," | ";" | "\t";
  /** `utf-16le` is Excel's "Unicode text" (its byte order mark is FF FE). */
  readonly encoding: "utf-8" | "utf-16le" | "windows-1252" | "windows-1250" | "windows-1253" | "windows-1254" | "iso-8859-15";
  readonly bom: boolean;
  readonly newline: "\r\n" | "\n";
  /** Quote every non-empty value, or only values that need it. */
  readonly quoteAll: boolean;
}

export interface FamilyTable {
  readonly file: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** A file written by another tool than the rest of the export (a report saved from Excel). */
  readonly dialect?: FamilyDialect;
}

export interface SeedUser {
  readonly login: string;
  readonly name: string;
  readonly email: string;
}

/** A product the customer's Odoo already sells, by its internal reference. */
export interface SeedProduct {
  readonly default_code: string;
  readonly name: string;
  readonly list_price: number;
}

export interface FamilyExport {
  readonly system: string;
  readonly dialect: FamilyDialect;
  readonly tables: readonly FamilyTable[];
  /** The users of the customer's Odoo, written to odoo-seed.json as the shipped samples do. */
  readonly users: readonly SeedUser[];
  /** Its products, for an export whose quotes name them. */
  readonly products?: readonly SeedProduct[];
}

export interface FamilyOptions {
  /** Records of the independent entities, shared out as each family says. */
  readonly rows: number;
  readonly seed: string;
}

function quoteCell(value: string, dialect: FamilyDialect): string {
  if (value === "") return "";
  const needs = value.includes(dialect.delimiter) || /["\r\n]/.test(value);
  if (!dialect.quoteAll && !needs) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** A table as CSV text in the dialect (line breaks inside values are kept as written). */
export function csvText(table: FamilyTable, dialect: FamilyDialect): string {
  const line = (cells: readonly string[]): string => cells.map((cell) => quoteCell(cell, dialect)).join(dialect.delimiter) + dialect.newline;
  return line(table.headers) + table.rows.map(line).join("");
}

/** Writes every file of the export and odoo-seed.json into `outDir` (created). */
export function writeFamily(exported: FamilyExport, outDir: string): { readonly files: readonly string[]; readonly rows: number } {
  mkdirSync(outDir, { recursive: true });
  for (const table of exported.tables) {
    const dialect = table.dialect ?? exported.dialect;
    const text = csvText(table, dialect);
    const body =
      dialect.encoding === "utf-8" || dialect.encoding === "utf-16le"
        ? Buffer.from(text, dialect.encoding === "utf-8" ? "utf8" : "utf16le")
        : iconv.encode(text, dialect.encoding.replace("windows-", "win"));
    const mark = dialect.encoding === "utf-16le" ? [0xff, 0xfe] : [0xef, 0xbb, 0xbf];
    const bytes = dialect.bom ? Buffer.concat([Buffer.from(mark), body]) : body;
    writeFileSync(join(outDir, table.file), bytes);
  }
  const seed = exported.products === undefined ? { users: exported.users } : { users: exported.users, products: exported.products };
  writeFileSync(join(outDir, "odoo-seed.json"), `${JSON.stringify(seed, null, 2)}\n`, "utf8");
  return { files: exported.tables.map((table) => table.file), rows: exported.tables.reduce((sum, table) => sum + table.rows.length, 0) };
}

/** Draws the rows of one entity: a generator per row, independent of every other entity's. */
export class RowStream {
  private readonly base: Rng;
  private readonly stream: number;

  constructor(seed: string, entity: string) {
    this.base = Rng.fromSeed(seed);
    this.stream = Rng.streamId(entity);
  }

  row(index: number): Rng {
    return this.base.fork(this.stream, index);
  }

  /** `count` rows, each drawn by `draw` with its own generator. */
  rows<Row>(count: number, draw: (rng: Rng, index: number) => Row): Row[] {
    return Array.from({ length: count }, (_, index) => draw(this.row(index), index));
  }
}

/** Records drawn with their day first, in the order of their days (records of one day in the order drawn). */
export function draftsByDay(stream: RowStream, count: number, drawDay: (rng: Rng) => number): { readonly rng: Rng; readonly day: number }[] {
  return Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    return { rng, day: drawDay(rng) };
  }).sort((a, b) => a.day - b.day);
}

/** Numbers records within their year, as CRMs number deals and ERPs quotes: 1, 2, ... anew each year. */
export class YearSerials {
  private readonly last = new Map<number, number>();

  next(days: number): { readonly year: number; readonly serial: number } {
    const year = civilFromDays(days).year;
    const serial = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, serial);
    return { year, serial };
  }
}

/** Names drawn until unused: a second "Weber GmbH" becomes "Weber GmbH & Co. KG" or gets a place. */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(candidates: () => string, variant: (name: string, attempt: number) => string): string {
    let name = candidates();
    for (let attempt = 1; this.used.has(name.toLowerCase()); attempt++) name = attempt < 5 ? candidates() : variant(name, attempt);
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** A number with leading zeros: `pad(7)` → `07`, `pad(42, 5)` → `00042`. */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** A day as text: `dd.MM.yyyy`, `dd/MM/yyyy` or `yyyy-MM-dd`. */
export function dayText(days: number, pattern: "dd.MM.yyyy" | "dd/MM/yyyy" | "yyyy-MM-dd"): string {
  const { year, month, day } = civilFromDays(days);
  if (pattern === "yyyy-MM-dd") return `${year}-${pad(month)}-${pad(day)}`;
  const separator = pattern === "dd.MM.yyyy" ? "." : "/";
  return `${pad(day)}${separator}${pad(month)}${separator}${year}`;
}

/** A moment as `<day> HH:mm`. */
export function momentText(moment: Moment, pattern: "dd.MM.yyyy" | "dd/MM/yyyy" | "yyyy-MM-dd"): string {
  return `${dayText(moment.days, pattern)} ${pad(Math.floor(moment.minute / 60))}:${pad(moment.minute % 60)}`;
}

export function day(year: number, month: number, dayOfMonth: number): number {
  return daysFromCivil(year, month, dayOfMonth);
}

/** A moment on a working day between two days, in office hours. */
export function workMoment(rng: Rng, from: number, to: number): Moment {
  let days = rng.int(from, to);
  const weekday = (((days + 3) % 7) + 7) % 7; // 0 Monday ... 6 Sunday (1970-01-01 was a Thursday)
  if (weekday >= 5) days -= weekday - 4;
  return { days, minute: rng.int(8 * 60, 18 * 60 - 1) };
}

/** Groups digits by three with a separator: `1250000` → `1.250.000`. */
export function groupDigits(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** An amount from cents, with the thousands and decimal separators given. */
export function amountText(cents: number, thousands: string, decimal: string): string {
  return `${groupDigits(Math.floor(cents / 100), thousands)}${decimal}${pad(cents % 100)}`;
}

/** Lower-case ASCII for e-mail addresses and domains. */
export function slug(text: string): string {
  return text
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Up to `most` distinct items, in the list's order. */
export function someOf<T>(rng: Rng, items: readonly T[], most: number): T[] {
  const count = rng.int(1, Math.max(1, most));
  const chosen = new Set<T>();
  for (let attempt = 0; attempt < count * 3 && chosen.size < count; attempt++) chosen.add(rng.pick(items));
  return items.filter((item) => chosen.has(item));
}

export interface StaffPerson {
  readonly first: string;
  readonly last: string;
}

/** The firm's staff as its export names them, and how often a record names nobody or someone who has left. */
export interface StaffRoster {
  readonly staff: readonly StaffPerson[];
  /** Someone who has left the firm: no Odoo user has their name. */
  readonly former: StaffPerson;
  readonly formerChance: number;
  /** How often a record names nobody, and how the export writes that ("" unless it writes a word). */
  readonly unassignedChance?: number;
  readonly unassigned?: string;
}

/**
 * The person a record names (its owner, account manager, fee earner), written as the export
 * writes names: nobody now and then, the one who has left sometimes, else one of the staff.
 */
export function staffMember(rng: Rng, roster: StaffRoster, write: (person: StaffPerson) => string): string {
  if (roster.unassignedChance !== undefined && rng.chance(roster.unassignedChance)) return roster.unassigned ?? "";
  return write(rng.chance(roster.formerChance) ? roster.former : rng.pick(roster.staff));
}

/** The users of the customer's Odoo: the firm's staff, `first.last` at its domain. */
export function staffUsers(staff: readonly StaffPerson[], domain: string): SeedUser[] {
  return staff.map((person) => ({
    login: `${slug(person.first)}.${slug(person.last)}`,
    name: `${person.first} ${person.last}`,
    email: `${slug(person.first)}.${slug(person.last)}@${domain}`,
  }));
}

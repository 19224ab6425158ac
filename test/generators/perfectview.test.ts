import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePerfectView } from "../../mappings/generators/perfectview.js";
import {
  checkPdf,
  checkPng,
  dateTimeMinutes,
  hasStrayWhitespace,
  INTEGER,
  isCalendarDate,
  isValidUtf8,
  manifestCount,
  NL_DECIMAL,
  NL_MONEY,
  readCsv,
  readManifest,
  readSeed,
  removeDir,
  tempDir,
  type CsvTable,
  type Manifest,
  type OdooSeed,
  type Row,
} from "./helpers.js";

const ROWS = 6000;
const CHUNK = 1000;

const BASENAMES: Record<string, string> = {
  Relation: "relaties",
  Activity: "activiteiten",
  Lead: "leads",
  Case: "zaken",
  Document: "documenten",
  Quote: "offertes",
  QuoteLine: "offerteregels",
  Invoice: "facturen",
  InvoiceLine: "factuurregels",
  User: "gebruikers",
  CustomField: "vrije_velden",
  Message: "communicatie",
  Workflow: "workflows",
};

const KEYS: Record<string, readonly string[]> = {
  Relation: ["Relatienummer"],
  Activity: ["Activiteitnummer"],
  Lead: ["Leadnummer"],
  Case: ["Zaaknummer"],
  Document: ["Documentnummer"],
  Quote: ["Offertenummer"],
  QuoteLine: ["Offertenummer", "Regelnummer"],
  Invoice: ["Factuurnummer"],
  InvoiceLine: ["Factuurnummer", "Regelnummer"],
  User: ["Gebruikersnaam"],
  CustomField: ["Object", "Veldnaam"],
  Message: ["Berichtnummer"],
  Workflow: ["Naam"],
};

let dir = "";
let manifest: Manifest;
let seed: OdooSeed;
/** Chunks of every entity, in chunk order. */
const chunks = new Map<string, CsvTable[]>();
const keyOf = (entity: string, row: Row): string => (KEYS[entity] ?? []).map((column) => row.values[column]).join("/");
/** Rows of an entity with repeated keys dropped (first occurrence kept). */
const distinct = (entity: string): Row[] => {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const table of chunks.get(entity) ?? []) {
    for (const row of table.rows) {
      const key = keyOf(entity, row);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(row);
    }
  }
  return out;
};

beforeAll(() => {
  dir = tempDir("pv");
  generatePerfectView({ rows: ROWS, seed: "pv-test", outDir: dir, chunkSize: CHUNK });
  manifest = readManifest(dir);
  seed = readSeed(dir);
  for (const [entity, summary] of Object.entries(manifest.entities)) {
    chunks.set(entity, summary.files.map((file) => readCsv(dir, file, ";", "auto")));
  }
});

afterAll(() => removeDir(dir));

describe("PerfectView layout", () => {
  it("names chunks <name>_001.csv, <name>_002.csv, ... with at most 1,000 rows, all but the last full", () => {
    expect(Object.keys(manifest.entities).sort()).toEqual(Object.keys(BASENAMES).sort());
    for (const [entity, summary] of Object.entries(manifest.entities)) {
      expect(summary.files).toEqual(summary.files.map((_, index) => `${BASENAMES[entity]}_${String(index + 1).padStart(3, "0")}.csv`));
      const sizes = (chunks.get(entity) ?? []).map((table) => table.rows.length);
      sizes.forEach((size, index) => (index < sizes.length - 1 ? expect(size).toBe(CHUNK) : expect(size).toBeLessThanOrEqual(CHUNK)));
    }
    expect(manifest.entities.Relation?.files.length).toBe(2);
  });

  it("writes semicolon CSV, every value quoted, CRLF everywhere, byte for byte", () => {
    for (const tables of chunks.values()) {
      for (const table of tables) {
        const quote = (value: string) => (value === "" ? "" : `"${value.replaceAll('"', '""')}"`);
        const lines = [table.header, ...table.rows.map((row) => table.header.map((column) => row.values[column] ?? ""))].map((cells) => cells.map(quote).join(";"));
        const text = isValidUtf8(table.bytes) ? table.bytes.toString("utf8") : iconv.decode(table.bytes, "win1252");
        expect(text, table.file).toBe(`${lines.join("\r\n")}\r\n`);
        expect(text.match(/(?<!\r)\n/g), `${table.file} has a bare LF`).toBeNull();
      }
    }
  });

  it("writes chunks 2, 5, 8, ... in UTF-8 and the others in Windows-1252", () => {
    let utf8Files = 0;
    for (const file of manifest.files) {
      const chunkNumber = Number(/_(\d+)\.csv$/.exec(file.path)?.[1]);
      const expected = chunkNumber % 3 === 2 ? "utf-8" : "windows-1252";
      expect(file.encoding, file.path).toBe(expected);
      const bytes = readFileSync(join(dir, file.path));
      if (file.path.startsWith("relaties_")) {
        // The header "Geïnteresseerd in" has an ï: C3 AF in UTF-8, EF in Windows-1252.
        const utf8 = bytes.includes(Buffer.from("Ge\u00efnteresseerd", "utf8"));
        const cp1252 = bytes.includes(Buffer.from([0x47, 0x65, 0xef, 0x6e]));
        expect([utf8, cp1252], file.path).toEqual(expected === "utf-8" ? [true, false] : [false, true]);
      }
      if (expected === "windows-1252" && bytes.some((byte) => byte >= 0x80)) expect(isValidUtf8(bytes), file.path).toBe(false);
      if (expected === "utf-8") utf8Files++;
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    }
    expect(utf8Files).toBeGreaterThan(0);
    expect(manifestCount(manifest, "mixed_encoding")).toBe(utf8Files);
  });

  it("overlaps consecutive chunks by 1 to 3 repeated rows, some with a later Gewijzigd op", () => {
    let repeats = 0;
    let newer = 0;
    for (const [entity, tables] of chunks) {
      for (let k = 1; k < tables.length; k++) {
        const previous = tables[k - 1]?.rows ?? [];
        const current = tables[k]?.rows ?? [];
        const previousKeys = new Map(previous.map((row) => [keyOf(entity, row), row]));
        let overlap = 0;
        while (overlap < current.length && previousKeys.has(keyOf(entity, current[overlap] as Row))) overlap++;
        expect(overlap, `${entity} chunk ${k + 1}`).toBeGreaterThanOrEqual(1);
        expect(overlap).toBeLessThanOrEqual(3);
        expect(current.slice(overlap).some((row) => previousKeys.has(keyOf(entity, row)))).toBe(false);
        // The repeated rows are the previous chunk's last rows, in order.
        expect(current.slice(0, overlap).map((row) => keyOf(entity, row))).toEqual(previous.slice(previous.length - overlap).map((row) => keyOf(entity, row)));
        for (const copy of current.slice(0, overlap)) {
          const original = previousKeys.get(keyOf(entity, copy)) as Row;
          for (const [column, value] of Object.entries(copy.values)) {
            if (column !== "Gewijzigd op") expect(value).toBe(original.values[column]);
          }
          if (copy.values["Gewijzigd op"] !== original.values["Gewijzigd op"]) {
            newer++;
            expect(dateTimeMinutes(copy.values["Gewijzigd op"] ?? "", "-") as number).toBeGreaterThan(dateTimeMinutes(original.values["Gewijzigd op"] ?? "", "-") as number);
          }
          repeats++;
        }
      }
    }
    expect(repeats).toBe(manifestCount(manifest, "duplicate_key"));
    expect(newer).toBe(manifest.defects.filter((defect) => defect.kind === "duplicate_key" && defect.detail?.newer === true).length);
    expect(newer).toBeGreaterThan(0);
  });

  it("shares --rows out over the independent entities and writes valid dates and amounts", () => {
    const independent = ["Relation", "Activity", "Lead", "Case", "Document", "Quote", "Invoice", "Message"];
    expect(independent.reduce((sum, entity) => sum + distinct(entity).length, 0)).toBe(ROWS);
    for (const row of distinct("Relation")) {
      expect(dateTimeMinutes(row.values["Aangemaakt op"] ?? "", "-")).not.toBeNull();
      expect(dateTimeMinutes(row.values["Gewijzigd op"] ?? "", "-") as number).toBeGreaterThanOrEqual(dateTimeMinutes(row.values["Aangemaakt op"] ?? "", "-") as number);
    }
    for (const row of distinct("Invoice")) {
      for (const column of ["Totaal excl. BTW", "BTW-bedrag", "Totaal incl. BTW"]) expect(row.values[column]).toMatch(NL_MONEY);
      expect(isCalendarDate(row.values.Factuurdatum ?? "", "-")).toBe(true);
    }
  });

  it("invoice totals are the sums of their lines", () => {
    const cents = (text: string) => Number(text.replaceAll(".", "").replace(",", "."));
    const lineTotals = new Map<string, number>();
    for (const line of distinct("InvoiceLine")) {
      const quantity = cents(line.values.Aantal ?? "");
      const price = cents(line.values["Prijs per stuk"] ?? "");
      const discount = cents(line.values["Korting (%)"] ?? "");
      const net = Math.round(Math.round(price * quantity * 100) * (1 - discount / 100)) / 100;
      const invoice = line.values.Factuurnummer ?? "";
      lineTotals.set(invoice, (lineTotals.get(invoice) ?? 0) + net);
    }
    for (const invoice of distinct("Invoice")) {
      expect(cents(invoice.values["Totaal excl. BTW"] ?? "")).toBeCloseTo(lineTotals.get(invoice.values.Factuurnummer ?? "") ?? -1, 2);
      expect(cents(invoice.values["Totaal incl. BTW"] ?? "")).toBeCloseTo(cents(invoice.values["Totaal excl. BTW"] ?? "") + cents(invoice.values["BTW-bedrag"] ?? ""), 2);
    }
  });
});

describe("PerfectView defects, counted independently of the manifest", () => {
  it("injects every PerfectView defect kind", () => {
    expect(Object.keys(manifest.counts.byKind).sort()).toEqual([
      "bad_date",
      "bad_number",
      "blank_required",
      "company_only_relation",
      "dangling_reference",
      "duplicate_key",
      "inactive_owner",
      "missing_file",
      "mixed_encoding",
      "paid_invoice",
      "person_only_relation",
      "quoted_newline",
      "same_role_trio",
      "stray_whitespace",
      "unknown_owner",
      "unknown_product",
    ]);
  });

  it("lists every row defect at the file, line, key and value where it is", () => {
    const byFile = new Map<string, { entity: string; table: CsvTable }>();
    for (const [entity, tables] of chunks) for (const table of tables) byFile.set(table.file, { entity, table });
    for (const defect of manifest.defects) {
      if (defect.row === null) continue;
      const found = byFile.get(defect.file);
      const row = found?.table.rows[defect.row - 1];
      expect(row, JSON.stringify(defect)).toBeDefined();
      if (row === undefined || found === undefined) continue;
      expect(row.line).toBe(defect.line);
      expect(keyOf(found.entity, row)).toBe(defect.key);
      if (defect.column !== undefined && defect.kind !== "duplicate_key") expect(row.values[defect.column]).toBe(defect.value);
    }
  });

  it("relations with only a company, only a person, or three people of one role", () => {
    const relations = distinct("Relation");
    const persons = (row: Row) => [1, 2, 3].filter((n) => row.values[`Contactpersoon ${n}`] !== "");
    expect(relations.filter((row) => persons(row).length === 0)).toHaveLength(manifestCount(manifest, "company_only_relation"));
    expect(relations.filter((row) => row.values.Bedrijfsnaam === "")).toHaveLength(manifestCount(manifest, "person_only_relation"));
    const trios = relations.filter((row) => persons(row).length === 3 && new Set([1, 2, 3].map((n) => row.values[`Functie ${n}`])).size === 1);
    expect(trios).toHaveLength(manifestCount(manifest, "same_role_trio"));
    for (const row of relations) expect(persons(row).length > 0 || row.values.Bedrijfsnaam !== "").toBe(true);
  });

  it("owners who are deleted or inactive", () => {
    const users = distinct("User");
    const active = new Set(users.filter((row) => row.values.Actief === "ja").map((row) => row.values["E-mailadres"]));
    const inactive = new Set(users.filter((row) => row.values.Actief === "nee").map((row) => row.values["E-mailadres"]));
    users.forEach((row, index) => expect(row.values.Actief).toBe(index % 6 === 5 ? "nee" : "ja"));
    const seeded = new Map(seed.users.map((user) => [user.email, user.active]));
    for (const email of active) expect(seeded.get(email ?? "")).toBe(true);
    for (const email of inactive) expect(seeded.get(email ?? "")).toBe(false);
    let unknown = 0;
    let archived = 0;
    for (const [entity, column] of [["Relation", "Accountmanager"], ["Activity", "Medewerker"], ["Lead", "Eigenaar"], ["Case", "Behandelaar"], ["Quote", "Eigenaar"]] as const) {
      for (const row of distinct(entity)) {
        const email = row.values[column] ?? "";
        if (email === "") continue;
        if (inactive.has(email)) archived++;
        else if (!active.has(email)) unknown++;
      }
    }
    expect(unknown).toBe(manifestCount(manifest, "unknown_owner"));
    expect(archived).toBe(manifestCount(manifest, "inactive_owner"));
  });

  it("blank required values, dangling references and missing files", () => {
    const blank = (entity: string, column: string) => distinct(entity).filter((row) => row.values[column] === "").length;
    expect(blank("Activity", "Onderwerp")).toBe(manifestCount(manifest, "blank_required", "Activity"));
    expect(blank("Lead", "Omschrijving")).toBe(manifestCount(manifest, "blank_required", "Lead"));
    expect(blank("Case", "Onderwerp")).toBe(manifestCount(manifest, "blank_required", "Case"));
    const relations = new Set(distinct("Relation").map((row) => row.values.Relatienummer));
    for (const entity of ["Activity", "Lead", "Case", "Document", "Message", "Quote", "Invoice"]) {
      const dangling = distinct(entity).filter((row) => !relations.has(row.values.Relatienummer)).length;
      expect(dangling, entity).toBe(manifestCount(manifest, "dangling_reference", entity));
    }
    const leads = new Set(distinct("Lead").map((row) => row.values.Leadnummer));
    for (const entity of ["Activity", "Document", "Quote", "Message"]) {
      for (const row of distinct(entity)) if (row.values.Leadnummer !== "") expect(leads.has(row.values.Leadnummer)).toBe(true);
    }
    let missing = 0;
    for (const row of distinct("Document")) {
      const path = join(dir, ...(row.values.Pad ?? "").split("\\"));
      if (!existsSync(path)) {
        missing++;
        continue;
      }
      const bytes = readFileSync(path);
      expect(String(bytes.length)).toBe(row.values["Grootte (bytes)"]);
      if (row.values.Bestandstype === "application/pdf") checkPdf(bytes);
      if (row.values.Bestandstype === "image/png") checkPng(bytes);
    }
    expect(missing).toBe(manifestCount(manifest, "missing_file"));
  });

  it("bad dates, bad numbers, unknown products and paid invoices", () => {
    const badDate = (entity: string, column: string, optional = false) =>
      distinct(entity).filter((row) => !(optional && row.values[column] === "") && !isCalendarDate(row.values[column] ?? "", "-")).length;
    expect(badDate("Relation", "Lid sinds", true)).toBe(manifestCount(manifest, "bad_date", "Relation"));
    expect(badDate("Activity", "Deadline")).toBe(manifestCount(manifest, "bad_date", "Activity"));
    expect(badDate("Lead", "Verwachte afsluitdatum")).toBe(manifestCount(manifest, "bad_date", "Lead"));
    expect(badDate("Quote", "Geldig tot")).toBe(manifestCount(manifest, "bad_date", "Quote"));
    expect(badDate("Invoice", "Vervaldatum")).toBe(manifestCount(manifest, "bad_date", "Invoice"));
    const leadNumbers = distinct("Lead").reduce((sum, row) => sum + (NL_MONEY.test(row.values["Verwachte omzet"] ?? "") ? 0 : 1) + (INTEGER.test(row.values["Kans (%)"] ?? "") ? 0 : 1), 0);
    expect(leadNumbers).toBe(manifestCount(manifest, "bad_number", "Lead"));
    const lineNumbers = distinct("QuoteLine").reduce(
      (sum, row) =>
        sum + (NL_DECIMAL.test(row.values.Aantal ?? "") ? 0 : 1) + (NL_MONEY.test(row.values["Prijs per stuk"] ?? "") ? 0 : 1) + (NL_DECIMAL.test(row.values["Korting (%)"] ?? "") ? 0 : 1),
      0,
    );
    expect(lineNumbers).toBe(manifestCount(manifest, "bad_number", "QuoteLine"));
    const products = new Set(seed.products.map((product) => product.default_code));
    for (const entity of ["QuoteLine", "InvoiceLine"]) {
      expect(distinct(entity).filter((row) => !products.has(row.values.Productcode ?? "")).length, entity).toBe(manifestCount(manifest, "unknown_product", entity));
    }
    expect(distinct("Invoice").filter((row) => row.values.Status === "betaald").length).toBe(manifestCount(manifest, "paid_invoice"));
  });

  it("stray whitespace and quoted newlines", () => {
    let stray = 0;
    let multiline = 0;
    for (const entity of chunks.keys()) {
      for (const row of distinct(entity)) {
        for (const value of Object.values(row.values)) {
          if (hasStrayWhitespace(value)) stray++;
          if (value.includes("\n")) {
            multiline++;
            expect(value.match(/(?<!\r)\n/g)).toBeNull();
          }
        }
      }
    }
    expect(stray).toBe(manifestCount(manifest, "stray_whitespace"));
    expect(multiline).toBe(manifestCount(manifest, "quoted_newline"));
  });
});

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePerfectBooks, PB_SHARES } from "../../mappings/generators/perfectbooks.js";
import {
  checkPdf,
  checkPng,
  dateTimeMinutes,
  hasStrayWhitespace,
  INTEGER,
  isCalendarDate,
  manifestCount,
  readCsv,
  readManifest,
  readSeed,
  removeDir,
  tempDir,
  UK_MONEY,
  type CsvTable,
  type Manifest,
  type OdooSeed,
  type Row,
} from "./helpers.js";

const ROWS = 2400;
const FILES = [
  "companies.csv",
  "contacts.csv",
  "contact_companies.csv",
  "deals.csv",
  "pipelines.csv",
  "properties.csv",
  "notes.csv",
  "attachments.csv",
  "tasks.csv",
  "workflows.csv",
] as const;

const HEADERS: Record<(typeof FILES)[number], string> = {
  "companies.csv":
    "Company ID,Company Name,Domain,Industry,Employees,Annual Revenue,Phone,Address Line 1,Address Line 2,City,County,Postcode,Country,Owner Email,Parent Company ID,VAT Number,Client Since,Practice Area,Retainer Agreed,Created,Last Modified",
  "contacts.csv":
    "Contact ID,Salutation,First Name,Last Name,Email,Phone,Mobile,Job Title,Address Line 1,City,Postcode,Country,Owner Email,Marketing Opt-In,Preferred Contact Method,Created,Last Modified",
  "contact_companies.csv": "Contact ID,Company ID,Is Primary,Role",
  "deals.csv":
    "Deal ID,Deal Name,Amount,Pipeline,Stage,Probability,Close Date,Owner Email,Contact ID,Company ID,deal_score,hot_rating,Stage Entered,Qualification,Created,Last Modified",
  "pipelines.csv": "Pipeline,Stage Name,Sequence,Probability,Won,Lost,Folded",
  "properties.csv": "Object,Internal Name,Label,Type,Options,Required",
  "notes.csv": "Note ID,Parent Type,Parent ID,Body,Author Email,Created",
  "attachments.csv": "Attachment ID,Parent Type,Parent ID,File Name,Path,Content Type,Size,Uploaded",
  "tasks.csv": "Task ID,Type,Subject,Due Date,Owner Email,Parent Type,Parent ID,Status,Completed At,Created",
  "workflows.csv": "Workflow Name,Object,Trigger,Conditions,Actions,Active",
};

let dir = "";
let manifest: Manifest;
let seed: OdooSeed;
const tables = new Map<string, CsvTable>();
const table = (file: string): CsvTable => {
  const found = tables.get(file);
  if (found === undefined) throw new Error(`no table ${file}`);
  return found;
};
const rowsOf = (file: string): readonly Row[] => table(file).rows;

beforeAll(() => {
  dir = tempDir("pb");
  generatePerfectBooks({ rows: ROWS, seed: "pb-test", outDir: dir });
  manifest = readManifest(dir);
  seed = readSeed(dir);
  for (const file of FILES) tables.set(file, readCsv(dir, file, ",", "utf-8"));
});

afterAll(() => removeDir(dir));

describe("Perfect Books layout", () => {
  it("writes every file with its exact header", () => {
    for (const file of FILES) expect(table(file).header.join(","), file).toBe(HEADERS[file]);
  });

  it("puts a UTF-8 BOM on companies, contacts and deals only, and ends records with CRLF", () => {
    for (const file of FILES) {
      const { bytes } = table(file);
      const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(bom, file).toBe(["companies.csv", "contacts.csv", "deals.csv"].includes(file));
      const text = bytes.toString("utf8");
      const bareLf = (text.match(/(?<!\r)\n/g) ?? []).length;
      const inCells = table(file).rows.reduce((sum, row) => sum + Object.values(row.values).join("").split("\n").length - 1, 0);
      expect(bareLf, `${file}: bare LF only inside quoted values`).toBe(inCells);
      expect(text.endsWith("\r\n")).toBe(true);
    }
  });

  it("shares --rows out over the independent entities exactly", () => {
    const independent = ["companies.csv", "contacts.csv", "deals.csv", "notes.csv", "attachments.csv", "tasks.csv"];
    expect(independent.reduce((sum, file) => sum + rowsOf(file).length, 0)).toBe(ROWS);
    expect(rowsOf("companies.csv")).toHaveLength(Math.floor(ROWS * PB_SHARES[0][1]));
    expect(manifest.entities.Company?.records).toBe(rowsOf("companies.csv").length);
    expect(rowsOf("pipelines.csv")).toHaveLength(11);
  });

  it("writes ids stepping by 3 from 1001, unique per file", () => {
    for (const [file, column] of [["companies.csv", "Company ID"], ["contacts.csv", "Contact ID"], ["deals.csv", "Deal ID"], ["notes.csv", "Note ID"], ["tasks.csv", "Task ID"]] as const) {
      const ids = rowsOf(file).map((row) => row.values[column] ?? "");
      ids.forEach((id, index) => expect(id).toBe(String(1001 + 3 * index)));
    }
  });

  it("writes datetimes as dd/MM/yyyy HH:mm, never modified before created", () => {
    for (const [file, created, modified] of [["companies.csv", "Created", "Last Modified"], ["contacts.csv", "Created", "Last Modified"], ["deals.csv", "Created", "Last Modified"]] as const) {
      for (const row of rowsOf(file)) {
        const a = dateTimeMinutes(row.values[created] ?? "", "/");
        const b = dateTimeMinutes(row.values[modified] ?? "", "/");
        expect(a, `${file}:${row.line}`).not.toBeNull();
        expect(b, `${file}:${row.line}`).not.toBeNull();
        expect(b as number).toBeGreaterThanOrEqual(a as number);
      }
    }
  });

  it("every stage of a deal exists in its pipeline", () => {
    const stages = new Set(rowsOf("pipelines.csv").map((row) => `${row.values.Pipeline}/${row.values["Stage Name"]}`));
    for (const row of rowsOf("deals.csv")) expect(stages.has(`${row.values.Pipeline}/${row.values.Stage}`)).toBe(true);
    const qualification = new Set(rowsOf("deals.csv").map((row) => row.values.Qualification));
    expect(qualification).toEqual(new Set(["Qualified", "Unqualified"]));
  });
});

describe("Perfect Books defects, counted independently of the manifest", () => {
  it("lists every defect at the row, key and value where it is", () => {
    const keyColumn: Record<string, string> = {
      "companies.csv": "Company ID",
      "contacts.csv": "Contact ID",
      "deals.csv": "Deal ID",
      "notes.csv": "Note ID",
      "attachments.csv": "Attachment ID",
      "tasks.csv": "Task ID",
    };
    expect(manifest.defects).toHaveLength(manifest.counts.total);
    for (const defect of manifest.defects) {
      const row = rowsOf(defect.file)[(defect.row ?? 0) - 1];
      expect(row, JSON.stringify(defect)).toBeDefined();
      if (row === undefined) continue;
      expect(row.line).toBe(defect.line);
      const key = defect.file === "contact_companies.csv"
        ? defect.kind === "multi_company_contact" ? row.values["Contact ID"] : `${row.values["Contact ID"]}/${row.values["Company ID"]}`
        : row.values[keyColumn[defect.file] ?? ""];
      expect(key).toBe(defect.key);
      if (defect.column !== undefined) expect(row.values[defect.column]).toBe(defect.value);
    }
  });

  it("injects every Perfect Books defect kind", () => {
    expect(Object.keys(manifest.counts.byKind).sort()).toEqual([
      "bad_date",
      "bad_number",
      "blank_required",
      "dangling_reference",
      "missing_file",
      "multi_company_contact",
      "quoted_newline",
      "stray_whitespace",
      "unknown_owner",
    ]);
    for (const count of Object.values(manifest.counts.byKind)) expect(count).toBeGreaterThan(0);
  });

  it("blank required values", () => {
    const blanks = (file: string, column: string) => rowsOf(file).filter((row) => row.values[column] === "").length;
    expect(blanks("companies.csv", "Company Name")).toBe(manifestCount(manifest, "blank_required", "Company"));
    expect(blanks("contacts.csv", "Last Name")).toBe(manifestCount(manifest, "blank_required", "Contact"));
    expect(blanks("deals.csv", "Deal Name")).toBe(manifestCount(manifest, "blank_required", "Deal"));
    // One per full block of 40 rows, plus possibly one in the final partial block.
    const companies = rowsOf("companies.csv").length;
    expect(manifestCount(manifest, "blank_required", "Company")).toBeGreaterThanOrEqual(Math.floor(companies / 40));
    expect(manifestCount(manifest, "blank_required", "Company")).toBeLessThanOrEqual(Math.ceil(companies / 40));
  });

  it("stray whitespace and quoted newlines", () => {
    let stray = 0;
    let multiline = 0;
    for (const file of FILES) {
      for (const row of rowsOf(file)) {
        for (const value of Object.values(row.values)) {
          if (hasStrayWhitespace(value)) stray++;
          if (value.includes("\n")) multiline++;
        }
      }
    }
    expect(stray).toBe(manifestCount(manifest, "stray_whitespace"));
    expect(multiline).toBe(manifestCount(manifest, "quoted_newline"));
    const notes = rowsOf("notes.csv").length;
    expect(manifestCount(manifest, "quoted_newline", "Note")).toBeGreaterThanOrEqual(Math.floor(notes / 3));
    expect(manifestCount(manifest, "quoted_newline", "Note")).toBeLessThanOrEqual(Math.ceil(notes / 3));
  });

  it("owners that no Odoo user matches", () => {
    const users = new Set(seed.users.map((user) => user.email));
    let unknown = 0;
    for (const [file, column] of [["companies.csv", "Owner Email"], ["contacts.csv", "Owner Email"], ["deals.csv", "Owner Email"], ["notes.csv", "Author Email"], ["tasks.csv", "Owner Email"]] as const) {
      for (const row of rowsOf(file)) {
        const email = row.values[column] ?? "";
        if (email !== "" && !users.has(email)) unknown++;
      }
    }
    expect(unknown).toBe(manifestCount(manifest, "unknown_owner"));
    expect(unknown).toBeGreaterThan(0);
  });

  it("dangling references", () => {
    const ids = (file: string, column: string) => new Set(rowsOf(file).map((row) => row.values[column]));
    const byType: Record<string, Set<string | undefined>> = {
      Company: ids("companies.csv", "Company ID"),
      Contact: ids("contacts.csv", "Contact ID"),
      Deal: ids("deals.csv", "Deal ID"),
      Note: ids("notes.csv", "Note ID"),
    };
    const dangling = (file: string, check: (row: Row) => boolean) => rowsOf(file).filter(check).length;
    const missing = (type: string, id: string | undefined) => id !== undefined && id !== "" && !(byType[type]?.has(id) ?? false);
    expect(dangling("companies.csv", (row) => missing("Company", row.values["Parent Company ID"]))).toBe(manifestCount(manifest, "dangling_reference", "Company"));
    expect(dangling("contact_companies.csv", (row) => missing("Company", row.values["Company ID"]) || missing("Contact", row.values["Contact ID"]))).toBe(
      manifestCount(manifest, "dangling_reference", "ContactCompany"),
    );
    expect(dangling("deals.csv", (row) => missing("Contact", row.values["Contact ID"]) || missing("Company", row.values["Company ID"]))).toBe(manifestCount(manifest, "dangling_reference", "Deal"));
    for (const [file, entity] of [["notes.csv", "Note"], ["attachments.csv", "Attachment"], ["tasks.csv", "Task"]] as const) {
      expect(dangling(file, (row) => missing(row.values["Parent Type"] ?? "", row.values["Parent ID"])), file).toBe(manifestCount(manifest, "dangling_reference", entity));
    }
    for (const row of rowsOf("deals.csv")) expect(row.values["Contact ID"] !== "" || row.values["Company ID"] !== "").toBe(true);
  });

  it("bad dates and bad numbers", () => {
    const badDates = [
      ...rowsOf("companies.csv").filter((row) => row.values["Client Since"] !== "" && !isCalendarDate(row.values["Client Since"] ?? "", "/")),
      ...rowsOf("deals.csv").filter((row) => !isCalendarDate(row.values["Close Date"] ?? "", "/")),
      ...rowsOf("tasks.csv").filter((row) => !isCalendarDate(row.values["Due Date"] ?? "", "/")),
    ];
    expect(badDates).toHaveLength(manifestCount(manifest, "bad_date"));
    let badNumbers = 0;
    for (const row of rowsOf("companies.csv")) {
      if (row.values.Employees !== "" && !INTEGER.test(row.values.Employees ?? "")) badNumbers++;
      if (row.values["Annual Revenue"] !== "" && !UK_MONEY.test(row.values["Annual Revenue"] ?? "")) badNumbers++;
    }
    for (const row of rowsOf("deals.csv")) {
      if (!UK_MONEY.test(row.values.Amount ?? "")) badNumbers++;
      if (!INTEGER.test(row.values.Probability ?? "")) badNumbers++;
      if (row.values.deal_score !== "" && !INTEGER.test(row.values.deal_score ?? "")) badNumbers++;
    }
    expect(badNumbers).toBe(manifestCount(manifest, "bad_number"));
  });

  it("contacts in several companies, each with exactly one primary link", () => {
    const links = new Map<string, Row[]>();
    for (const row of rowsOf("contact_companies.csv")) {
      const id = row.values["Contact ID"] ?? "";
      links.set(id, [...(links.get(id) ?? []), row]);
    }
    const multi = [...links.values()].filter((rows) => rows.length > 1);
    expect(multi).toHaveLength(manifestCount(manifest, "multi_company_contact"));
    for (const rows of links.values()) expect(rows.filter((row) => row.values["Is Primary"] === "yes")).toHaveLength(1);
    const unlinked = rowsOf("contacts.csv").length - links.size;
    expect(unlinked).toBeGreaterThan(0);
  });

  it("attachment files are real files of their declared size and type, except the missing ones", () => {
    let missing = 0;
    for (const row of rowsOf("attachments.csv")) {
      const path = join(dir, row.values.Path ?? "");
      if (!existsSync(path)) {
        missing++;
        continue;
      }
      const bytes = readFileSync(path);
      expect(String(bytes.length)).toBe(row.values.Size);
      expect(bytes.length).toBeLessThan(4096);
      if (row.values["Content Type"] === "application/pdf") checkPdf(bytes);
      else if (row.values["Content Type"] === "image/png") checkPng(bytes);
      else expect(row.values["Content Type"]).toBe("text/plain");
    }
    expect(missing).toBe(manifestCount(manifest, "missing_file"));
  });
});

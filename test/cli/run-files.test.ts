/**
 * What `flitmap run --out` leaves in its folder (issue 17, items 5 and 6): import files that carry
 * exactly the values Odoo must store, reject files defused for the spreadsheet a person opens them
 * in, and a folder that is never a mix of two runs' files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "./helpers.js";
import { PERFECTBOOKS, PERFECTBOOKS_SAMPLE, scratch } from "./sample-copies.js";

const { copy, folder, cleanUp } = scratch();
afterEach(cleanUp);

type Table = Record<string, string>[];
const table = (path: string): Table => parse<Table[number]>(readFileSync(path, "utf8"), { columns: true });

/** Every file under a folder, relative, sorted. */
function filesUnder(directory: string, prefix = ""): string[] {
  return readdirSync(join(directory, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(directory, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** The values a spreadsheet would run as formulas, one per dangerous start (OWASP's list and the full-width forms). */
const FORMULAS = [
  '=HYPERLINK("http://evil.example","click")',
  "+44 20 7946 0000",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=2+2",
  "＝1+1",
  "＠SUM(1)",
];

describe("import files", () => {
  it("carry exactly the values Odoo must store, with no ' in front of a phone number or a formula (item 5)", async () => {
    const sample = copy();
    const contacts = sample.rows("contacts.csv");
    const header = contacts[0] ?? [];
    const [phone, job] = [header.indexOf("Phone"), header.indexOf("Job Title")];
    // The first contacts get one dangerous value each, as phone and as job title.
    const changed = contacts.map((row, index) =>
      index === 0 || index > FORMULAS.length ? row : row.map((cell, column) => (column === phone || column === job ? (FORMULAS[index - 1] ?? cell) : cell)),
    );
    sample.write("contacts.csv", changed);
    const out = join(folder(), "out");
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", sample.path, "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    const written = new Map(table(join(out, "05-res.partner-contact.csv")).map((row) => [row["id"] ?? "", row]));
    FORMULAS.forEach((value, index) => {
      const id = changed[index + 1]?.[0] ?? "";
      // The mapping trims phones and job titles (a leading tab or carriage return goes): the run's own doing, not the file's.
      expect(written.get(`perfectbooks.contact_${id}`)?.["phone"]).toBe(value.trim());
      expect(written.get(`perfectbooks.contact_${id}`)?.["function"]).toBe(value.trim());
    });
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme).toContain("Each cell holds exactly the value Odoo must store");
    expect(readme).toContain("`rejects/<Entity>.csv`");
  });
});

describe("reject files", () => {
  it("defuse every cell a spreadsheet would run, and flitmap report reads the values back exactly (item 5)", async () => {
    const sample = copy();
    const deals = sample.rows("deals.csv");
    const header = deals[0] ?? [];
    const blank = deals.findIndex((row, index) => index > 0 && row[header.indexOf("Deal Name")] === "");
    const columns = ["Amount", "Pipeline", "Stage", "Owner Email", "Contact ID", "Company ID", "Qualification", "Close Date"].map((name) =>
      header.indexOf(name),
    );
    // The sample's deal without a name is rejected: its other cells now hold the formulas.
    sample.write(
      "deals.csv",
      deals.map((row, index) =>
        index !== blank ? row : row.map((cell, column) => (columns.includes(column) ? (FORMULAS[columns.indexOf(column)] ?? cell) : cell)),
      ),
    );
    const out = join(folder(), "out");
    const state = folder();
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", sample.path, "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    const rejected = table(join(out, "rejects", "Deal.csv")).find((row) => row["line"] === String(blank + 1));
    const names = ["amount", "pipeline", "stage", "owner_email", "contact_id", "company_id", "qualification", "close_date"];
    expect(names.map((name) => rejected?.[name])).toEqual(FORMULAS.map((value) => `'${value}`));
    // The same run as a dry run keeps its reject files in the state folder, where `report` reads them.
    expect((await runCliInProcess(["run", PERFECTBOOKS, "--source", sample.path, "--dry-run", "--state", state])).code).toBe(0);
    const report = await runCliInProcess(["report", PERFECTBOOKS, "--state", state, "--format", "json"]);
    const parsed = JSON.parse(report.stdout) as { rejects: { groups: { examples: { cells: Record<string, string> }[] }[] } };
    const cells = parsed.rejects.groups.flatMap((group) => group.examples).find((example) => example.cells["amount"] === FORMULAS[0])?.cells;
    expect(names.map((name) => cells?.[name])).toEqual(FORMULAS);
  });
});

describe("--out into a folder that is not empty (item 6)", () => {
  it("replaces exactly what the earlier run there wrote, so the folder holds one run's files", async () => {
    const out = join(folder(), "out");
    expect((await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--out", out])).code).toBe(0);
    expect(filesUnder(out)).toContain("09-mail.activity-task.csv");
    // The second export has no attachments or tasks: their import and reject files must go.
    const sample = copy();
    sample.write("tasks.csv", [sample.rows("tasks.csv")[0] ?? []]);
    sample.write("attachments.csv", [sample.rows("attachments.csv")[0] ?? []]);
    const second = await runCliInProcess(["run", PERFECTBOOKS, "--source", sample.path, "--out", out]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^replacing the \d+ files an earlier run wrote to /m);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { files: { file: string; rows: number }[]; written: string[] };
    expect(filesUnder(out)).toEqual(["manifest.json", ...manifest.files.map((file) => file.file), ...manifest.written].sort());
    expect(manifest.written).not.toContain("rejects/Task.csv");
    expect(manifest.files.find((file) => file.file.includes("mail.activity"))).toBeUndefined();
  });

  it("refuses a folder holding anything an earlier run did not write, and leaves it as it was", async () => {
    const out = join(folder(), "out");
    expect((await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--out", out])).code).toBe(0);
    writeFileSync(join(out, "my-notes.txt"), "mine\n");
    const before = filesUnder(out);
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--out", out]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `flitmap: --out ${out} holds files the earlier run there did not write (my-notes.txt): move them away or give another folder, so that the import files are not mixed with others\n`,
    );
    expect(filesUnder(out)).toEqual(before);
    const other = join(folder(), "other");
    mkdirSync(other);
    writeFileSync(join(other, "data.csv"), "a,b\n");
    const refused = await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--out", other]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `flitmap: --out ${other} is not empty and no earlier run wrote it (it has no manifest.json): give an empty or new folder, so that the import files are not mixed with others\n`,
    ]);
    expect(existsSync(join(other, "manifest.json"))).toBe(false);
  });
});

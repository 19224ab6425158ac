/**
 * Corrupted exports (issue 17): defects a real export arrives with, injected by this test into a
 * generated Perfect Books export (and, for chunks, a PerfectView one), each run through `flitmap
 * run` as a user would. For each: the exit code, the message that names the defect, and the
 * accounting of every entity, `read = loaded + linked + skipped + rejected + duplicates + not
 * selected`, with the damaged entity's counts checked against what the test itself counts from the
 * bytes it wrote and the defects it injected, not against the product.
 *
 * The defects go into Perfect Books' tasks, which no other row refers to, after the test keeps
 * only tasks that load (no defect of the generator's own, a parent row that exists and loads): so
 * every task row that is not injected loads, and every count below follows from the injection.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePerfectBooks } from "../../mappings/generators/perfectbooks.js";
import { generatePerfectView } from "../../mappings/generators/perfectview.js";
import type { EntityCounts } from "../../runtime/execute/run.js";
import { runCliInProcess } from "./helpers.js";

const REPOSITORY = join(import.meta.dirname, "../..");
const PERFECTBOOKS = join(REPOSITORY, "mappings/perfectbooks-to-odoo");
const PERFECTVIEW = join(REPOSITORY, "mappings/perfectview-to-odoo");

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly entities: ReadonlyMap<string, EntityCounts>;
  /** The reject files' rows, by entity. */
  readonly rejects: (entity: string) => Record<string, string>[];
  readonly out: string;
}

let root: string;
/** The generated Perfect Books export, its tasks reduced to those that load. */
let perfectBooks: string;
let header: string[];
/** The tasks kept, as the test wrote them (no cell needs quoting). */
let tasks: string[][];
let perfectView: string;
/** The records of each Perfect Books file the defects leave alone, counted by the test (csv-parse), by entity. */
let untouchedRecords: Map<string, number>;

/** Perfect Books' entities and their files (mappings/perfectbooks-to-odoo/migration.flitmap); Task's tasks.csv is the one damaged. */
const PERFECTBOOKS_FILES: Record<string, string> = {
  Company: "companies.csv",
  Contact: "contacts.csv",
  ContactCompany: "contact_companies.csv",
  Pipeline: "pipelines.csv",
  Deal: "deals.csv",
  Note: "notes.csv",
  Attachment: "attachments.csv",
};

/** A CSV line as the generators write Perfect Books (comma, CRLF; quotes only where needed). */
function line(cells: readonly string[], end = "\r\n"): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")}${end}`;
}

const column = (name: string): number => header.indexOf(name);

/** A fresh copy of an export, for one defect. */
function copyOf(source: string): string {
  const path = mkdtempSync(join(root, "case-"));
  cpSync(source, path, { recursive: true });
  return path;
}

async function run(pkg: string, source: string, extra: readonly string[] = []): Promise<Ran> {
  const work = mkdtempSync(join(root, "run-"));
  const out = join(work, "out");
  const ran = await runCliInProcess(["run", pkg, "--source", source, "--out", out, ...extra]);
  const summary = JSON.parse(readFileSync(join(out, "run-summary.json"), "utf8")) as { entities: EntityCounts[] };
  return {
    ...ran,
    entities: new Map(summary.entities.map((counts) => [counts.entity, counts])),
    rejects: (entity) => {
      try {
        return parse<Record<string, string>>(readFileSync(join(out, "rejects", `${entity}.csv`), "utf8"), { columns: true });
      } catch {
        return [];
      }
    },
    out,
  };
}

/** Every entity accounts for every row it read. */
function expectEveryRowAccounted(ran: Ran): void {
  for (const counts of ran.entities.values())
    expect(counts.loaded + counts.linked + counts.skipped + counts.rejected + counts.duplicates + counts.notSelected, counts.entity).toBe(counts.read);
}

const lastLine = (text: string): string => text.trimEnd().split("\n").pop() ?? "";

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "flitmap-corrupted-"));
  perfectBooks = join(root, "perfectbooks");
  generatePerfectBooks({ rows: 300, seed: "corrupted-exports", outDir: perfectBooks });
  const manifest = JSON.parse(readFileSync(join(perfectBooks, "defects.json"), "utf8")) as {
    defects: { kind: string; entity: string; file: string; key: string | null }[];
  };
  const keysOf = (file: string, keyColumn: string): Set<string> => {
    const rows = parse<Record<string, string>>(readFileSync(join(perfectBooks, file), "utf8"), { bom: true, columns: true });
    return new Set(rows.map((row) => row[keyColumn] ?? ""));
  };
  const refused = new Set(manifest.defects.filter((defect) => defect.kind === "blank_required").map((defect) => `${defect.entity}:${defect.key ?? ""}`));
  const parents: Record<string, Set<string>> = {
    Company: keysOf("companies.csv", "Company ID"),
    Contact: keysOf("contacts.csv", "Contact ID"),
    Deal: keysOf("deals.csv", "Deal ID"),
  };
  const defective = new Set(manifest.defects.filter((defect) => defect.file === "tasks.csv").map((defect) => defect.key ?? ""));
  const all = parse(readFileSync(join(perfectBooks, "tasks.csv"), "utf8"), { bom: true });
  header = all[0] ?? [];
  tasks = all.slice(1).filter((row) => {
    const [type, parent] = [row[column("Parent Type")] ?? "", row[column("Parent ID")] ?? ""];
    return !defective.has(row[column("Task ID")] ?? "") && parents[type]?.has(parent) === true && !refused.has(`${type}:${parent}`);
  });
  writeFileSync(join(perfectBooks, "tasks.csv"), [header, ...tasks].map((row) => line(row)).join(""));
  untouchedRecords = new Map(
    Object.entries(PERFECTBOOKS_FILES).map(([entity, file]) => [
      entity,
      parse(readFileSync(join(perfectBooks, file), "utf8"), { bom: true, relax_column_count: true }).length - 1,
    ]),
  );
  perfectView = join(root, "perfectview");
  generatePerfectView({ rows: 200, seed: "corrupted-exports", outDir: perfectView, chunkSize: 25 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the tasks of a copy of the Perfect Books export as `rows` (header first) or as bytes. */
function withTasks(content: string | Buffer): string {
  const source = copyOf(perfectBooks);
  writeFileSync(join(source, "tasks.csv"), content);
  return source;
}

const taskLines = (rows: readonly (readonly string[])[]): string => rows.map((row) => line(row)).join("");

/** What the run counted for tasks, against what the test expects. */
function expectTasks(ran: Ran, expected: { read: number; loaded: number; rejected: number; duplicates?: number }): void {
  expectEveryRowAccounted(ran);
  // The entities the defect leaves alone read every record of their files, as the test counts them.
  expect([...ran.entities.keys()].sort()).toEqual([...untouchedRecords.keys(), "Task"].sort());
  expect(new Map([...untouchedRecords.keys()].map((entity) => [entity, ran.entities.get(entity)?.read]))).toEqual(untouchedRecords);
  const counts = ran.entities.get("Task");
  expect({ read: counts?.read, loaded: counts?.loaded, rejected: counts?.rejected, duplicates: counts?.duplicates }).toEqual({
    duplicates: 0,
    ...expected,
  });
}

describe("a corrupted export", () => {
  it("starts from tasks that all load", async () => {
    const ran = await run(PERFECTBOOKS, perfectBooks);
    expect(ran.code, ran.stderr).toBe(0);
    expect(tasks.length).toBeGreaterThan(40);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length, rejected: 0 });
  });

  it("1. truncated last line: the row cut short is rejected and the run fails, the export being incomplete", async () => {
    const text = taskLines([header, ...tasks]);
    const last = tasks[tasks.length - 1] ?? [];
    // Cut in the middle of the last row's fourth cell, as a copy that stopped early leaves it.
    const cut = text.length - line(last).length + line(last.slice(0, 3)).length + 2;
    const ran = await run(PERFECTBOOKS, withTasks(text.slice(0, cut)));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      `problem: Task: tasks.csv ends in the middle of line ${tasks.length + 1} (4 of 10 cells, no line end): the export looks cut short\n`,
    );
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - 1, rejected: 1 });
  });

  it("2. unbalanced quote: a quote that never closes swallows the rest of the file, which fails the run", async () => {
    const at = tasks.length - 5;
    const rows = tasks.map((row, index) => (index === at ? row.map((cell, position) => (position === column("Subject") ? `"${cell}` : cell)) : row));
    // The test's own writer would quote the value: the file is written by hand here, as the broken export has it.
    const text = [header, ...rows].map((row) => `${row.join(",")}\r\n`).join("");
    const ran = await run(PERFECTBOOKS, withTasks(text));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      `problem: Task: tasks.csv line ${at + 2}: a quote opens and never closes; the lines from ${at + 2} to the end of the file could not be read\n`,
    );
    // The rows before it load; the quote makes one broken record of it and the rows after.
    expectTasks(ran, { read: at + 1, loaded: at, rejected: 1 });
  });

  it("3. wrong delimiter in one chunk: every row of that chunk is rejected for the columns it lacks, and the run fails", async () => {
    const source = copyOf(perfectView);
    const read = (file: string): string[][] => parse(readFileSync(join(source, file), "latin1"), { delimiter: ";", bom: true });
    const [first, second] = [read("activiteiten_001.csv"), read("activiteiten_002.csv")];
    // The same rows with commas, quoted only where a value needs it: what an export tool set to another list separator writes.
    const text = second.map((row) => line(row)).join("");
    writeFileSync(join(source, "activiteiten_002.csv"), iconv.encode(text, "latin1"));
    // Read with semicolons, no value of it opens a quote, so each line that is not empty is a record.
    const records = text.split(/\r\n|\n|\r/).filter((physical) => physical !== "").length - 1;
    // The rows of the first chunk the export's own defects reject, as the undamaged export's run rejects them.
    const before = await run(PERFECTVIEW, perfectView);
    const rejectedInFirst = before.rejects("Activity").filter((reject) => reject["file"] === "activiteiten_001.csv").length;
    const ran = await run(PERFECTVIEW, source);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/problem: Activity: activiteiten_002\.csv has no column "Activiteitnummer" \(id\), so every row of it is rejected\n/);
    expectEveryRowAccounted(ran);
    expect(new Set(first.slice(1).map((row) => row[0])).size).toBe(first.length - 1);
    expect(ran.entities.get("Activity")).toMatchObject({
      read: first.length - 1 + records,
      rejected: rejectedInFirst + records,
      duplicates: 0,
      loaded: first.length - 1 - rejectedInFirst,
    });
  });

  it("4. NUL bytes: the rows holding one are rejected, the others load", async () => {
    const hit = [3, 17];
    const rows = tasks.map((row, index) =>
      hit.includes(index) ? row.map((cell, position) => (position === column("Subject") ? `${cell}\u0000` : cell)) : row,
    );
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...rows])));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.rejects("Task").map((reject) => [reject["line"], reject["reason"]])).toEqual(
      hit.map((index) => [String(index + 2), "'Subject' holds a NUL byte (0x00), which no text has: the file is damaged there, or is not UTF-8"]),
    );
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - hit.length, rejected: hit.length });
  });

  it("5. invalid UTF-8: the rows with bytes that are not UTF-8 are rejected, with the way out", async () => {
    const hit = [5, 6, 30];
    const bytes = Buffer.concat(
      [header, ...tasks].map((row, index) => {
        const text = line(row);
        // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation.
        return hit.includes(index - 1) ? Buffer.concat([Buffer.from(text.slice(0, -2)), Buffer.from([0xc3, 0x28]), Buffer.from("\r\n")]) : Buffer.from(text);
      }),
    );
    const ran = await run(PERFECTBOOKS, withTasks(bytes));
    expect(ran.code, ran.stderr).toBe(0);
    expect(new Set(ran.rejects("Task").map((reject) => reject["reason"]))).toEqual(
      new Set(["'Created' has bytes that are not UTF-8; declare the file's encoding (windows-1252) or use auto"]),
    );
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - hit.length, rejected: hit.length });
  });

  it("6. a 5 MB cell: read and written whole, into the import file, exactly", async () => {
    const subject = `Minutes ${"x".repeat(5 * 1024 * 1024)}`;
    const rows = tasks.map((row, index) => (index === 10 ? row.map((cell, position) => (position === column("Subject") ? subject : cell)) : row));
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...rows])));
    expect(ran.code, ran.stderr).toBe(0);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length, rejected: 0 });
    const written = parse<Record<string, string>>(readFileSync(join(ran.out, "09-mail.activity-task.csv"), "utf8"), { columns: true });
    expect(written.find((row) => row["id"] === `perfectbooks.task_${tasks[10]?.[0] ?? ""}`)?.["summary"]).toBe(subject);
  });

  it("7. duplicate header names: the run fails, saying which header and which column it read", async () => {
    const rows = [[...header, "Status"], ...tasks.map((row) => [...row, "Open"])];
    const ran = await run(PERFECTBOOKS, withTasks(taskLines(rows)));
    expect(ran.code).toBe(1);
    expect(lastLine(ran.stderr)).toMatch(/is not what the package promises: Task: header 'Status' appears more than once \(columns 8 and 11\); column 11 is not read: declare a column with the header "Status \(2\)" to read it$/);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length, rejected: 0 });
  });

  it("8. an extra column: every row loads, and the column no mapping reads is named", async () => {
    const rows = [[...header, "Priority"], ...tasks.map((row) => [...row, "High"])];
    const ran = await run(PERFECTBOOKS, withTasks(taskLines(rows)));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('note: Task: 1 column no mapping reads (the package does not declare it): "Priority" (tasks.csv)\n');
    expectTasks(ran, { read: tasks.length, loaded: tasks.length, rejected: 0 });
  });

  it("9. a missing optional column: the rows load without it, and the run fails rather than leave it empty silently", async () => {
    const drop = column("Completed At");
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...tasks].map((row) => row.filter((_, index) => index !== drop)))));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('problem: Task: tasks.csv has no column "Completed At" (completed_at), so its values are empty for every row of it\n');
    expectTasks(ran, { read: tasks.length, loaded: tasks.length, rejected: 0 });
  });

  it("10. a missing required column: every row is rejected with the column named", async () => {
    const drop = column("Due Date");
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...tasks].map((row) => row.filter((_, index) => index !== drop)))));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('problem: Task: tasks.csv has no column "Due Date" (due), so every row of it is rejected\n');
    expect(ran.stderr).toContain(`problem: Task: ${tasks.length} of ${tasks.length} rows rejected (100%), more than --max-rejects 50%\n`);
    expectTasks(ran, { read: tasks.length, loaded: 0, rejected: tasks.length });
  });

  it("11. an empty file: the run fails, saying the file has not even a header", async () => {
    const ran = await run(PERFECTBOOKS, withTasks(""));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("problem: Task: tasks.csv is empty: it has no header line\n");
    expectTasks(ran, { read: 0, loaded: 0, rejected: 0 });
  });

  it("12. a header-only file: no rows is an export of nothing, said, not a failure", async () => {
    const ran = await run(PERFECTBOOKS, withTasks(line(header)));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain("note: Task: tasks.csv has a header and no rows\n");
    expectTasks(ran, { read: 0, loaded: 0, rejected: 0 });
  });

  it("13. ragged rows: a row with a cell too many and one with cells missing are rejected, with where", async () => {
    const rows = tasks.map((row, index) => (index === 4 ? [...row, "extra"] : index === 9 ? row.slice(0, 8) : row));
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...rows])));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.rejects("Task").map((reject) => [reject["line"], reject["reason"]])).toEqual([
      ["6", "the row has 11 cells but the header has 10 (a delimiter inside an unquoted value?)"],
      ["11", "the row has 8 cells but the header has 10 ('Completed At', 'Created' missing; a line break inside an unquoted value?)"],
    ]);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - 2, rejected: 2 });
  });

  it("14. formula cells: imported exactly, and defused in the reject file a person opens", async () => {
    const formulas = ['=HYPERLINK("http://evil.example","click")', "@SUM(1+1)", "+44 20 7946 0000", "-2+3+cmd|' /C calc'!A0"];
    const rejected = 2;
    const rows = tasks.map((row, index) =>
      index >= formulas.length
        ? row
        : row.map((cell, position) =>
            position === column("Subject") ? (formulas[index] ?? cell) : position === column("Due Date") && index === rejected ? "31/02/2024" : cell,
          ),
    );
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...rows])));
    expect(ran.code, ran.stderr).toBe(0);
    const written = new Map(
      parse<Record<string, string>>(readFileSync(join(ran.out, "09-mail.activity-task.csv"), "utf8"), { columns: true }).map((row) => [
        row["id"],
        row["summary"],
      ]),
    );
    formulas.forEach((formula, index) => {
      if (index !== rejected) expect(written.get(`perfectbooks.task_${tasks[index]?.[0] ?? ""}`)).toBe(formula);
    });
    expect(ran.rejects("Task").map((reject) => reject["subject"])).toEqual([`'${formulas[rejected] ?? ""}`]);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - 1, rejected: 1 });
  });

  it("15. mixed line endings: every row is read, and a rejected row keeps its true line", async () => {
    const endings = ["\r\n", "\n", "\r"];
    const bad = 20;
    const rows = tasks.map((row, index) => (index === bad ? row.map((cell, position) => (position === column("Due Date") ? "32/01/2024" : cell)) : row));
    const text = [header, ...rows].map((row, index) => line(row, endings[index % 3])).join("");
    const ran = await run(PERFECTBOOKS, withTasks(text));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.rejects("Task").map((reject) => reject["line"])).toEqual([String(bad + 2)]);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - 1, rejected: 1 });
  });

  it("16. a BOM in the middle: a second export joined on; its header line is rejected, its rows are read", async () => {
    const joined = [
      ["9001", ...(tasks[0] ?? []).slice(1)],
      ["9002", ...(tasks[1] ?? []).slice(1)],
    ];
    const text = `${taskLines([header, ...tasks])}\uFEFF${taskLines([header, ...joined])}`;
    const ran = await run(PERFECTBOOKS, withTasks(text));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.rejects("Task").map((reject) => [reject["line"], reject["reason"]])).toEqual([
      [String(tasks.length + 2), "this line repeats the header line (two exports joined here?)"],
    ]);
    expectTasks(ran, { read: tasks.length + 3, loaded: tasks.length + 2, rejected: 1 });
  });

  it("17. wrong encoding: a file saved as Windows-1252 loses its rows, and the run fails saying how to declare it", async () => {
    const rows = tasks.map((row) => row.map((cell, position) => (position === column("Subject") ? `Réunion: ${cell}` : cell)));
    const ran = await run(PERFECTBOOKS, withTasks(iconv.encode(taskLines([header, ...rows]), "windows-1252")));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      `problem: Task: ${tasks.length} of ${tasks.length} rows of tasks.csv were rejected because its bytes are not UTF-8: the file was saved in another encoding; declare it (encoding "windows-1252", or "auto") in the source's csv block\n`,
    );
    expectTasks(ran, { read: tasks.length, loaded: 0, rejected: tasks.length });
  });

  it("17b. dates a spreadsheet rewrote month first: the run fails, saying the rows it loaded may hold day and month swapped", async () => {
    const monthFirst = (cell: string): string => cell.replace(/^(\d{2})\/(\d{2})\/(\d{4})/, (_, day: string, month: string, year: string) => `${Number(month)}/${Number(day)}/${year}`);
    const dated = [column("Due Date"), column("Completed At"), column("Created")];
    const rows = tasks.map((row) => row.map((cell, position) => (dated.includes(position) ? monthFirst(cell) : cell)));
    // A row is refused when one of its dates has a day above 12 (its "month" then is no month).
    const refused = tasks.filter((row) => dated.some((position) => Number((row[position] ?? "").slice(0, 2)) > 12)).length;
    const example = rows.map((row) => dated.map((position) => row[position] ?? "").find((cell) => /^\d{1,2}\/(1[3-9]|2\d|3[01])\//.test(cell))).find((cell) => cell !== undefined);
    expect(refused).toBeGreaterThan(0);
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...rows])));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      `problem: Task: ${refused} of ${tasks.length} rows of tasks.csv were rejected for dates that read only month first ('${example}'): the file writes the month before the day`,
    );
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - refused, rejected: refused });
  });

  it("18. a broken quoted value: the row is rejected instead of read with shifted values", async () => {
    const at = 12;
    const text = [header, ...tasks]
      .map((row, index) =>
        index === at + 1 ? `${row.map((cell, position) => (position === column("Subject") ? `"${cell}, "urgent" now"` : cell)).join(",")}\r\n` : line(row),
      )
      .join("");
    const ran = await run(PERFECTBOOKS, withTasks(text));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.rejects("Task").map((reject) => [reject["line"], reject["key"]])).toEqual([[String(at + 2), tasks[at]?.[0]]]);
    expect(ran.rejects("Task")[0]?.["reason"]).toMatch(/^a quoted value is broken on line \d+: its closing quote is followed by more text/);
    expectTasks(ran, { read: tasks.length, loaded: tasks.length - 1, rejected: 1 });
  });

  it("19. a repeated key: the repeat is merged by the entity's rule and counted as a duplicate", async () => {
    const ran = await run(PERFECTBOOKS, withTasks(taskLines([header, ...tasks, tasks[7] ?? []])));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`^Task: ${tasks.length + 1} records in 1 file, 1 duplicate keys? merged\\n`, "m"));
    expectTasks(ran, { read: tasks.length + 1, loaded: tasks.length, rejected: 0, duplicates: 1 });
  });

  it("20. no file at all for an entity: the run fails, naming the pattern that matched nothing", async () => {
    const source = copyOf(perfectBooks);
    rmSync(join(source, "tasks.csv"));
    mkdirSync(join(source, "tasks"));
    const ran = await run(PERFECTBOOKS, source);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('problem: Task: no file of the export matches "tasks.csv", so none of its rows was read\n');
    expectTasks(ran, { read: 0, loaded: 0, rejected: 0 });
  });
});

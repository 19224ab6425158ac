/**
 * The CLI's contract (README, "Exit codes"): a run whose result is not what the package promises
 * ends with exit code 1 and says why on its last line, in every mode (into Odoo, import files, a
 * dry run), and `plan` says the same before anything moves. Each case is a small, common mistake
 * in a copy of the Perfect Books sample export.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runCliAsync, runCliInProcess } from "./helpers.js";
import { PERFECTBOOKS, PERFECTBOOKS_SAMPLE, scratch, withoutColumn, type SampleCopy } from "./sample-copies.js";

const { copy, folder, cleanUp } = scratch();
afterEach(cleanUp);

const lastLine = (text: string): string => text.trimEnd().split("\n").pop() ?? "";

type Mode = "live" | "files" | "dry-run";
const MODES: readonly Mode[] = ["live", "files", "dry-run"];

/** `flitmap run` of the Perfect Books package in one mode: into a fresh Odoo test double, import files in a new folder, or a dry run. */
async function run(mode: Mode, source: string, extra: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ["run", PERFECTBOOKS, "--source", source, "--state", folder("flitmap-contract-state-"), ...extra];
  if (mode === "files") return runCliInProcess([...args, "--out", join(folder("flitmap-contract-out-"), "out")]);
  if (mode === "dry-run") return runCliInProcess([...args, "--dry-run"]);
  const double: OdooDouble = await startOdooDouble({ version: "17.0" });
  try {
    return await runCliInProcess(args, { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" });
  } finally {
    await double.stop();
  }
}

describe("a run whose result is not what the package promises", () => {
  const mistakes: { readonly what: string; readonly make: (sample: SampleCopy) => void; readonly problem: string }[] = [
    {
      what: "a declared column missing from a header (issue 17, item 1)",
      make: (sample) => sample.write("deals.csv", withoutColumn(sample.rows("deals.csv"), "Stage")),
      problem: 'Deal: deals.csv has no column "Stage" (stage), so its values are empty for every row of it',
    },
    {
      what: "a missing optional column (item 9)",
      make: (sample) => sample.write("contacts.csv", withoutColumn(sample.rows("contacts.csv"), "Phone")),
      problem: 'Contact: contacts.csv has no column "Phone" (phone), so its values are empty for every row of it',
    },
    {
      what: "a header that appears twice (item 9)",
      make: (sample) =>
        sample.write(
          "tasks.csv",
          sample.rows("tasks.csv").map((row, index) => [...row, index === 0 ? "Status" : "Open"]),
        ),
      problem: 'Task: header \'Status\' appears more than once (columns 8 and 11); column 11 is not read: declare a column with the header "Status (2)" to read it',
    },
    {
      what: "an empty attachments file (item 9)",
      make: (sample) => sample.writeBytes("attachments.csv", ""),
      problem: "Attachment: attachments.csv is empty: it has no header line",
    },
  ];

  for (const mistake of mistakes)
    it.each(MODES)(`ends with exit code 1 and says why on its last line, for ${mistake.what}: %s`, async (mode) => {
      const sample = copy();
      mistake.make(sample);
      const ran = await run(mode, sample.path);
      expect(ran.code, ran.stderr).toBe(1);
      expect(ran.stderr).toContain(`problem: ${mistake.problem}\n`);
      expect(lastLine(ran.stderr)).toMatch(new RegExp(`^flitmap: run \\S+ is not what the package promises: `));
      expect(ran.stderr).toContain(mistake.problem);
      expect(ran.stdout).not.toMatch(/\bcomplete in\b/);
    });

  it.each(mistakes)("is foretold by plan, with the same words: $what", async ({ make, problem }) => {
    const sample = copy();
    make(sample);
    const planned = await runCliInProcess(["plan", PERFECTBOOKS, "--source", sample.path]);
    expect(planned.code).toBe(1);
    expect(planned.stdout).toContain(`  ${problem}\n`);
    expect(lastLine(planned.stderr)).toBe(`flitmap: a run would not be what the package promises: ${problem}`);
  });

  it("fails a file saved in another encoding, and the rows it takes along, instead of calling them ok (item 2)", async () => {
    const sample = copy();
    for (const file of ["deals.csv", "companies.csv"]) {
      const text = readFileSync(join(sample.path, file), "utf8").replace(/^\uFEFF/, "");
      sample.writeBytes(file, iconv.encode(text, "windows-1252"));
    }
    // Every deal has an amount in pounds: no row of deals.csv is UTF-8.
    const deals = sample.rows("deals.csv").length - 1;
    const ran = await run("dry-run", sample.path);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      `problem: Deal: ${deals} of ${deals} rows of deals.csv were rejected because its bytes are not UTF-8: the file was saved in another encoding; declare it (encoding "windows-1252", or "auto") in the source's csv block\n`,
    );
    expect(ran.stdout).toMatch(/^Deal +45 +0 +0 +0 +45 +0 +0 +problem$/m);
  });

  it("fails a source folder that holds none of the files, instead of a run of nothing (item 3)", async () => {
    const empty = folder("flitmap-contract-empty-");
    const ran = await run("dry-run", empty);
    expect(ran.code).toBe(1);
    expect(lastLine(ran.stderr)).toBe(`flitmap: the run halted: ${empty} holds none of the export's files`);
    expect(ran.stdout).not.toMatch(/ ok$/m);
  });

  it("stops a live run into a folder that holds none of the files before the setup writes anything (item 3)", async () => {
    const double: OdooDouble = await startOdooDouble({ version: "17.0" });
    try {
      const customFields = (): number => double.records("ir.model.fields").filter((field) => String(field["name"]).startsWith("x_")).length;
      const before = customFields();
      const empty = folder("flitmap-contract-empty-");
      const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", empty, "--state", folder("flitmap-contract-state-")], {
        ODOO_URL: double.url,
        ODOO_DB: double.database,
        ODOO_USER: "admin",
        ODOO_PASSWORD: "admin",
      });
      expect([ran.code, lastLine(ran.stderr)]).toEqual([1, `flitmap: the run halted: ${empty} holds none of the export's files`]);
      expect(customFields()).toBe(before);
    } finally {
      await double.stop();
    }
  });

  it("foretells, in plan, the files in another encoding and the folder that holds none of the files (items 2 and 3)", async () => {
    const sample = copy();
    for (const file of ["deals.csv", "companies.csv"]) {
      const text = readFileSync(join(sample.path, file), "utf8").replace(/^\uFEFF/, "");
      sample.writeBytes(file, iconv.encode(text, "windows-1252"));
    }
    const encoding = await runCliInProcess(["plan", PERFECTBOOKS, "--source", sample.path]);
    expect(encoding.code).toBe(1);
    expect(encoding.stdout).toContain("  Deal: 45 of 45 rows of deals.csv were rejected because its bytes are not UTF-8: ");
    expect(encoding.stdout).toContain("  Company: 29 of 36 rows of companies.csv were rejected because its bytes are not UTF-8: ");
    const empty = await runCliInProcess(["plan", PERFECTBOOKS, "--source", folder("flitmap-contract-empty-")]);
    expect([empty.code, lastLine(empty.stderr)]).toEqual([
      1,
      'flitmap: a run would not be what the package promises: Note: no file of the export matches "notes.csv", so none of its rows was read (and 7 more under Warnings)',
    ]);
  });

  it("holds rejected rows to --max-rejects, per entity, as rows or a share", async () => {
    // The sample's own defects: at most 2 of 9 attachments (22%) are rejected.
    expect((await run("dry-run", PERFECTBOOKS_SAMPLE)).code).toBe(0);
    expect((await run("dry-run", PERFECTBOOKS_SAMPLE, ["--max-rejects", "25%"])).code).toBe(0);
    const strict = await run("dry-run", PERFECTBOOKS_SAMPLE, ["--max-rejects", "20%"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("problem: Attachment: 2 of 9 rows rejected (22.2%), more than --max-rejects 20%\n");
    const none = await run("dry-run", PERFECTBOOKS_SAMPLE, ["--max-rejects", "0"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("problem: Deal: 1 of 45 rows rejected (2.2%), more than --max-rejects 0 rows\n");
    const wrong = await run("dry-run", PERFECTBOOKS_SAMPLE, ["--max-rejects", "lots"]);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      `flitmap: --max-rejects takes a number of rows (10) or a share of each entity's rows (5%, at most 100%), not "lots"\n`,
    ]);
  });

  it("is foretold by plan with the same --max-rejects, in the same words", async () => {
    const plan = (limit: string): Promise<{ code: number; stdout: string; stderr: string }> =>
      runCliInProcess(["plan", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--max-rejects", limit]);
    expect((await plan("25%")).code).toBe(0);
    const strict = await plan("20%");
    expect([strict.code, lastLine(strict.stderr)]).toEqual([
      1,
      "flitmap: a run would not be what the package promises: Attachment: 2 of 9 rows rejected (22.2%), more than --max-rejects 20%",
    ]);
    const rows = await plan("2");
    expect(rows.code).toBe(1);
    expect(rows.stdout).toContain("  Task: 3 of 81 rows rejected (3.7%), more than --max-rejects 2 rows\n");
    expect(rows.stdout).not.toMatch(/Attachment: \d+ of \d+ rows rejected/);
  });
});

describe("what a run tells in the terminal", () => {
  it("lists the decisions it took on values, with their counts, as its summary holds them (item 7)", async () => {
    const state = folder("flitmap-contract-state-");
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--state", state, "--dry-run"]);
    expect(ran.code).toBe(0);
    const [runFolder] = readdirSync(join(state, "runs"));
    const summary = JSON.parse(readFileSync(join(state, "runs", runFolder ?? "", "run-summary.json"), "utf8")) as {
      notes: { step: string; field: string; count: number }[];
    };
    const shown = [...ran.stdout.matchAll(/^ {2}(\w+)\.(\w+): (\d+) rows? /gm)].map((match) => `${match[1] ?? ""}.${match[2] ?? ""} ${match[3] ?? ""}`);
    expect(shown.sort()).toEqual(summary.notes.map((note) => `${note.step}.${note.field} ${note.count}`).sort());
    // Without a server the catalog knows no staff: all 228 owners of the sample fall back to the
    // administrator, and the 53 note authors are left empty (the figures of issue 17).
    const fallbacks = [...ran.stdout.matchAll(/^ {2}\w+\.user_id: (\d+) rows? named a res\.users that the target does not have; "admin" was used instead/gm)];
    expect(fallbacks.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(228);
    expect(ran.stdout).toContain("  note.author_id: 53 rows named a res.partner that the target does not have; the field was left empty");
  });

  it("says a field was left empty only where it was: behind `??` or in an `if`, the rest of the mapping gave the value (item 7)", async () => {
    const out = join(folder("flitmap-contract-out-"), "out");
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    const said = (field: string): string => new RegExp(`^ {2}${field.replace(".", "\\.")}: (.*)$`, "m").exec(ran.stdout)?.[1] ?? "";
    // partner_id <- contact_id | ref contact ?? company_id | ref company: deal 1067 names contact 1011, which the export lacks.
    const deals = parse<Record<string, string>>(readFileSync(join(out, "06-crm.lead-deal.csv"), "utf8"), { columns: true });
    expect(deals.find((deal) => deal["id"] === "perfectbooks.deal_1067")?.["partner_id/id"]).toBe("perfectbooks.company_1028");
    const rest = "that value was taken as empty, and the field holds what the rest of the mapping gives without it";
    expect(said("deal.partner_id")).toContain(`rejected); ${rest} (partner_id <- `);
    expect(said("contact.street")).toContain(`rejected); ${rest} (street <- if `);
    // Where the part is the whole value, the field is empty, and said so.
    expect(said("contact.parent_id")).toContain("rejected); the field was left empty (parent_id <- company_id | first | ref company)");
    expect(said("deal.probability")).toContain("; the field was left empty (probability <- ");
  });

  it.each(["files", "dry-run"] as const)("does not say it created anything when it wrote no record (%s, item 12)", async (mode) => {
    const ran = await run(mode, PERFECTBOOKS_SAMPLE);
    expect(ran.code).toBe(0);
    expect(ran.stdout).not.toMatch(/\bcreated\b/);
    expect(ran.stdout).toMatch(mode === "files" ? /^deal → crm\.lead: 44 rows to import, /m : /^deal → crm\.lead: 44 would load, /m);
  });

  it("counts the same rejected rows in a step's line as in the table (item 12)", async () => {
    const ran = await run("dry-run", PERFECTBOOKS_SAMPLE);
    const table = new Map([...ran.stdout.matchAll(/^(\w+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) /gm)].map((match) => [match[1] ?? "", Number(match[6])]));
    const steps = [...ran.stdout.matchAll(/^(\w+) → \S+: .*, (\d+) rejected/gm)];
    expect(steps.length).toBe(7);
    const entityOf: Record<string, string> = {
      stage: "Pipeline",
      company: "Company",
      contact: "Contact",
      deal: "Deal",
      attachment: "Attachment",
      note: "Note",
      task: "Task",
    };
    for (const [, step, rejected] of steps) expect([step, Number(rejected)]).toEqual([step, table.get(entityOf[step ?? ""] ?? "")]);
  });
});

describe("smaller ones (issue 17, item 12)", () => {
  it("says clearly that --out names a file, instead of a raw EEXIST", async () => {
    const file = join(folder("flitmap-contract-file-"), "out.csv");
    writeFileSync(file, "not a folder\n");
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--out", file]);
    expect(ran.code).toBe(2);
    expect(lastLine(ran.stderr)).toBe(`flitmap: --out ${file} is a file: give a folder for the import files`);
    expect(ran.stderr).not.toContain("EEXIST");
  });

  it("shows the URL with its scheme and does not retry a refused connection five times", async () => {
    const env = { ODOO_DB: "x", ODOO_USER: "a", ODOO_PASSWORD: "b", NO_COLOR: "1" };
    const ran = await runCliAsync(
      ["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--url", "http://127.0.0.1:9", "--state", folder("flitmap-contract-state-")],
      { env },
    );
    expect(ran.status).toBe(2);
    // Every retry is announced on stderr (cli/connection.ts): none means one attempt. No time bound: a busy machine is no failure.
    expect(ran.stderr).not.toContain("retrying");
    expect(lastLine(ran.stderr)).toMatch(
      /^flitmap: cannot connect to Odoo: GET http:\/\/127\.0\.0\.1:9\/web\/version failed: connect ECONNREFUSED 127\.0\.0\.1:9; check ODOO_URL and the network$/,
    );
  });

  it("names every missing credential at once", async () => {
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--url", "http://127.0.0.1:9"], {});
    expect([ran.code, lastLine(ran.stderr)]).toEqual([
      2,
      "flitmap: cannot connect to Odoo: missing environment variables: ODOO_DB, ODOO_USER, ODOO_API_KEY or ODOO_PASSWORD; fix the settings named above",
    ]);
  });

  it("answers explain of a misspelt field with the names meant", async () => {
    const field = await runCliInProcess(["explain", PERFECTBOOKS, "res.partner.nmae"]);
    expect([field.code, field.stdout, lastLine(field.stderr)]).toEqual([2, "", "flitmap: Odoo 17.0's res.partner has no field nmae; did you mean `name`?"]);
    const model = await runCliInProcess(["explain", PERFECTBOOKS, "res.partnr.name"]);
    expect([model.code, lastLine(model.stderr)]).toEqual([
      2,
      "flitmap: Odoo 17.0 has no model res.partnr; did you mean `res.partner`, `res.partner.bank` or `res.partner.title`?",
    ]);
  });

  it("gives every --json and --html of README's commands its file argument", () => {
    const readme = readFileSync(join(PERFECTBOOKS, "../../README.md"), "utf8");
    const options = [...readme.matchAll(/--(json|html)\b(\s*\S+)?/g)].map((match) => match[0]);
    expect(options.length).toBeGreaterThan(0);
    expect(options.filter((option) => !/^--(json|html) (FILE|\S+\.(json|html))/.test(option))).toEqual([]);
  });
});

describe("wrong usage", () => {
  it.each([
    [["run", PERFECTBOOKS, "--source", PERFECTBOOKS_SAMPLE, "--dry-run", "--bogus"], "flitmap: unknown option '--bogus'"],
    [["run"], "flitmap: missing required argument 'package'"],
    [["frobnicate"], "flitmap: unknown command 'frobnicate'"],
    [[], "flitmap: no command given: name one of the commands above"],
    [["journal"], "flitmap: no command given: name one of the commands above"],
  ])("ends with exit code 2 and says why on a last line of its own, as README's contract has it: %j", async (args, last) => {
    const ran = await runCliInProcess(args);
    expect([ran.code, lastLine(ran.stderr)]).toEqual([2, last]);
  });
});

/**
 * `flitmap init` as a command: usage errors, the files it writes, and that `flitmap check` and
 * `flitmap fmt --check` accept them. Runs the command in process with a context of its own.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceNameOf } from "../../propose/read-export.js";
import type { CommandContext } from "../../cli/context.js";
import { main } from "../../cli/main.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";

const REPOSITORY = resolve(import.meta.dirname, "../..");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function flitmap(cwd: string, ...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const context: CommandContext = {
    cwd,
    env: {},
    version: "0.0.0",
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
  };
  // Commands resolve paths against the context's folder, as a user's shell would.
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(["node", "flitmap", ...args], context);
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

describe("flitmap init", () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "flitmap-init-cli-"));
    cpSync(join(REPOSITORY, "mappings/perfectbooks-to-odoo/sample"), join(work, "perfectbooks-export"), { recursive: true });
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("says what is missing or wrong in its arguments, with exit code 2", async () => {
    expect(await flitmap(work, "init", "--target", "odoo", "17.0")).toMatchObject({ code: 2, stderr: "flitmap: say where the export is: --source DIR\n" });
    expect((await flitmap(work, "init", "--source", "perfectbooks-export")).stderr).toBe(
      "flitmap: say which Odoo to propose for: --target odoo 17.0 (a shipped catalog) or --schema odoo-schema.json (pulled from the server), not both\n",
    );
    expect((await flitmap(work, "init", "--source", "perfectbooks-export", "--target", "odoo", "16.0")).stderr).toBe(
      "flitmap: there is no shipped catalog for Odoo 16.0: use one of 17.0, 18.0, 19.0, or pull the server's schema and pass --schema\n",
    );
    expect((await flitmap(work, "init", "--source", "nowhere", "--target", "17.0")).stderr).toBe("flitmap: nowhere: no such folder\n");
    expect((await flitmap(work, "init", "--source", "perfectbooks-export", "--schema", "missing.json")).code).toBe(2);
  });

  it("writes a package that flitmap check and flitmap fmt --check accept", async () => {
    const run = await flitmap(work, "init", "--source", "perfectbooks-export", "--target", "odoo", "17.0");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Read 10 table files \(\d+ rows\) as 10 entities; 7 mapped\.\n/);
    expect(run.stdout).toContain("Wrote migration.flitmap, setup.flitmap, tables.flitmap, ");
    expect(run.stdout).toContain("to perfectbooks-to-odoo/\n");
    const out = join(work, "perfectbooks-to-odoo");
    expect(readdirSync(out).sort()).toEqual(
      [
        "attachment.flitmap",
        "company.flitmap",
        "contact.flitmap",
        "deal.flitmap",
        "migration.flitmap",
        "note.flitmap",
        "pipeline.flitmap",
        "setup.flitmap",
        "tables.flitmap",
        "task.flitmap",
      ].sort(),
    );
    expect(readFileSync(join(out, "migration.flitmap"), "utf8")).toContain('migration perfectbooks_to_odoo {\n  source perfectbooks\n  target odoo "17.0"');
    const check = await flitmap(work, "check", "perfectbooks-to-odoo");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/✖ \d+ problems \(0 errors, \d+ warnings\)/);
    expect(await flitmap(work, "fmt", "--check", "perfectbooks-to-odoo")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^checked \d+ files: all formatted\n$/) as unknown,
    });
  });

  it("refuses to overwrite a package unless told to", async () => {
    mkdirSync(join(work, "taken"), { recursive: true });
    writeFileSync(join(work, "taken", "mine.flitmap"), "// hand-written\n");
    const refused = await flitmap(work, "init", "--source", "perfectbooks-export", "--target", "17.0", "-o", "taken");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "flitmap: taken already holds .flitmap files (mine.flitmap): choose another folder with -o, or pass --force to overwrite them\n",
    );
    const forced = await flitmap(work, "init", "--source", "perfectbooks-export", "--target", "17.0", "-o", "taken", "--force", "--name", "pb");
    expect(forced.code).toBe(0);
    expect(readFileSync(join(work, "taken", "migration.flitmap"), "utf8")).toContain('xmlid  "pb"');
  });

  it("proposes against a pulled schema file, named relative to the package", async () => {
    mkdirSync(join(work, "schemas"), { recursive: true });
    writeFileSync(join(work, "schemas", "customer.json"), JSON.stringify({ ...loadShippedCatalog("18.0"), origin: "server" }));
    const run = await flitmap(work, "init", "--source", "perfectbooks-export", "--schema", "schemas/customer.json", "-o", "pulled/package");
    expect(run.code).toBe(0);
    expect(readFileSync(join(work, "pulled/package/migration.flitmap"), "utf8")).toContain('target odoo schema "../../schemas/customer.json"');
    expect((await flitmap(work, "check", "pulled/package")).code).toBe(0);
  });

  it("says which files it skipped, and proposes from the headers of a file without rows", async () => {
    mkdirSync(join(work, "thin"), { recursive: true });
    writeFileSync(join(work, "thin", "empty.csv"), "");
    writeFileSync(join(work, "thin", "companies.csv"), "Company ID,Company Name\n");
    writeFileSync(join(work, "thin", "readme.txt"), "Exported on 3 May, to be loaded into Odoo.\nThe activities come from sales, thanks.\n");
    writeFileSync(join(work, "thin", "activities.xlsx"), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const run = await flitmap(work, "init", "--source", "thin", "--target", "17.0", "-o", "thin-out");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Skipped, without even a header line: empty.csv.\n");
    // A report saved in a format init does not read is never left out without a word.
    expect(run.stdout).toContain("Skipped, text that holds no table: readme.txt.\n");
    expect(run.stdout).toContain("Not read, not a table file (init reads .csv, .txt, .tsv and .tab): activities.xlsx.\n");
    const migration = readFileSync(join(work, "thin-out", "migration.flitmap"), "utf8");
    expect(migration).toContain('company_name "Company Name" text // no values: the file has no rows');
    expect(readFileSync(join(work, "thin-out", "company.flitmap"), "utf8")).toContain("name       <- company_name | trim | required // 100%");
  });

  it("says plainly that a folder holding only a line of prose holds no table, naming the file, and proposes nothing", async () => {
    mkdirSync(join(work, "prose"), { recursive: true });
    writeFileSync(join(work, "prose", "notes.txt"), "Exported on 3 May from the old CRM, to be loaded into Odoo by Friday.\n");
    const run = await flitmap(work, "init", "--source", "prose", "--target", "17.0", "-o", "prose-out");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("flitmap: prose: no CSV or text table files found (.csv, .txt, .tsv, .tab); Skipped, text that holds no table: notes.txt.\n");
    expect(existsSync(join(work, "prose-out"))).toBe(false);
  });

  it("names the source after the export folder, skipping generic folder names", () => {
    expect(sourceNameOf("/exports/PerfectView")).toBe("perfectview");
    expect(sourceNameOf(join(REPOSITORY, "mappings/perfectview-to-odoo/sample"))).toBe("perfectview");
    expect(sourceNameOf("/data/2024 export")).toBe("export_2024");
    expect(sourceNameOf("/tmp/perfectbooks-export")).toBe("perfectbooks");
    expect(existsSync(join(REPOSITORY, "perfectbooks-to-odoo"))).toBe(false);
  });
});

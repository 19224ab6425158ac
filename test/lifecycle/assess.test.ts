/**
 * `flitmap plan` on the shipped Perfect Books sample: the counts, reject groups, links and lookups
 * it announces are derived here from the sample's defect manifest (defects.json) and the export's
 * layout, not from the tool's output; then against the Odoo test double (what the server already
 * holds, before and after a run), and with personal columns masked.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Assessment } from "../../runtime/lifecycle/assess.js";
import { MASK_PREFIX } from "../../runtime/lifecycle/mask.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runLive } from "../runtime/support.js";
import { readDefects, type SampleDefect as Defect } from "../mappings/support.js";
import { runCliInProcess } from "../cli/helpers.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");

const MANIFEST = readDefects(SAMPLE);
const SEED = JSON.parse(readFileSync(join(SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] };

function temporaryDirectory(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "flitmap-assess-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

async function planJson(
  directory: string,
  packagePath: string,
  source: string,
  env: Record<string, string> = {},
): Promise<{ assessment: Assessment; stdout: string; html: string; code: number }> {
  const json = join(directory, `assessment-${Math.random().toString(36).slice(2)}.json`);
  const html = json.replace(/\.json$/, ".html");
  const ran = await runCliInProcess(["plan", packagePath, "--source", source, "--json", json, "--html", html], env);
  if (ran.stderr !== "" && ran.code === 2) throw new Error(ran.stderr);
  return { assessment: JSON.parse(readFileSync(json, "utf8")) as Assessment, stdout: ran.stdout, html: readFileSync(html, "utf8"), code: ran.code };
}

/**
 * What the mapping's README promises for each kind of defect, as the reject group a run files it
 * under (entity, reason with its values taken out); undefined when the row still loads.
 */
function expectedRejectGroup(defect: Defect): { entity: string; pattern: string } | undefined {
  switch (defect.kind) {
    case "blank_required":
      // A contact without a last name loads under its first name.
      return defect.column === "Last Name" ? undefined : { entity: defect.entity, pattern: `'${defect.column}' is required and blank` };
    case "bad_date":
      // Only a task needs its date (Odoo requires a deadline); an ISO date in a dd/MM/yyyy column is still a date.
      return defect.entity === "Task" && !/^\d{4}-\d{2}-\d{2}$/.test(defect.value)
        ? { entity: "Task", pattern: `'${defect.column}': … is not a date` }
        : undefined;
    case "dangling_reference":
      // Chatter, files and tasks need their record; elsewhere the reference is left empty.
      return ["Note", "Task", "Attachment"].includes(defect.entity)
        ? {
            entity: defect.entity,
            pattern: `res_id: the value is empty, and this field requires one (${String(defect.detail?.["target"]).toLowerCase()} … does not exist in the export)`,
          }
        : undefined;
    case "missing_file":
      return { entity: "Attachment", pattern: `datas: attachment … does not exist in the export folder ${SAMPLE}` };
    default:
      return undefined;
  }
}

const REJECTED = MANIFEST.defects.filter((defect) => expectedRejectGroup(defect) !== undefined);
const REJECTED_LINES = new Set(REJECTED.map((defect) => `${defect.file}:${defect.line}`));

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe("flitmap plan on the Perfect Books sample, from the catalog", () => {
  let directory: { path: string; remove: () => void };
  let result: Awaited<ReturnType<typeof planJson>>;

  beforeAll(async () => {
    directory = temporaryDirectory();
    result = await planJson(directory.path, PACKAGE, SAMPLE);
  }, 60_000);
  afterAll(() => directory.remove());

  it("counts the rows of every entity the package reads, and names the files it reads none of", () => {
    const { assessment } = result;
    const mapped = assessment.entities.map((entity) => entity.entity);
    expect(Object.fromEntries(assessment.entities.map((entity) => [entity.entity, entity.read]))).toEqual(
      Object.fromEntries(mapped.map((entity) => [entity, MANIFEST.entities[entity]?.records])),
    );
    const unmapped = Object.keys(MANIFEST.entities).filter((entity) => !mapped.includes(entity));
    expect(unmapped.sort()).toEqual(["Property", "Workflow"]);
    expect([...assessment.unused.files].sort()).toEqual(unmapped.flatMap((entity) => MANIFEST.entities[entity]?.files ?? []).sort());
    expect(assessment.unused.workflowFiles).toEqual(MANIFEST.entities["Workflow"]?.files);
    for (const entity of assessment.entities)
      expect(entity.loaded + entity.linked + entity.skipped + entity.rejected + entity.duplicates, entity.entity).toBe(entity.read);
  });

  it("groups the rows a run would reject by reason, exactly as the planted defects predict", () => {
    const { assessment } = result;
    const expected = tally(REJECTED.map((defect) => JSON.stringify(expectedRejectGroup(defect))));
    const announced = Object.fromEntries(
      assessment.rejects.groups.map((group) => [JSON.stringify({ entity: group.entity, pattern: group.pattern }), group.count]),
    );
    expect(announced).toEqual(expected);
    expect(assessment.rejects.total).toBe(REJECTED.length);
    expect(assessment.totals.rejectedRows).toBe(REJECTED.length);
    // Every example points at a planted defect's row.
    const examples = assessment.rejects.groups.flatMap((group) => group.examples.map((example) => `${example.file ?? ""}:${example.line ?? 0}`));
    expect(examples.sort()).toEqual([...REJECTED_LINES].sort());
    expect(Object.fromEntries(assessment.entities.map((entity) => [entity.entity, entity.rejected]))).toMatchObject(
      tally(REJECTED.map((defect) => defect.entity)),
    );
  });

  it("shows how the contact–company links collapse: one parent, the others written out", () => {
    const link = result.assessment.links.find((candidate) => candidate.linkedEntity === "ContactCompany");
    const several = MANIFEST.defects.filter((defect) => defect.kind === "multi_company_contact");
    expect(link).toMatchObject({
      step: "contact",
      model: "res.partner",
      by: "contact_id",
      orderBy: "is_primary",
      descending: true,
      linkRows: MANIFEST.entities["ContactCompany"]?.records,
      withSeveral: several.length,
      mostOnOne: Math.max(...several.map((defect) => Number(defect.detail?.["companies"]))),
      dangling: 0,
    });
    expect(link?.fields.map((field) => `${field.field} <- ${field.value}`)).toEqual([
      "parent_id <- company_id | first | ref company",
      "x_company_role <- role | first",
      // A person's own address is written only when the person has no company (Odoo gives the others the company's).
      "street <- if company_id | first | ref company is empty then address_1 | trim",
      "city <- if company_id | first | ref company is empty then city | trim",
      "zip <- if company_id | first | ref company is empty then postcode | trim",
      "country_id <- if company_id | first | ref company is empty then country | country",
      'x_other_companies <- company_id | rest | get(Company.name) | join("; ")',
    ]);
  });

  it("says the catalog knows no staff, so every owner would go to the administrator", () => {
    const user = result.assessment.lookups.find((lookup) => lookup.lookup === "user");
    expect(user).toMatchObject({ model: "res.users", matchedRows: 0, fallbackRecord: "Administrator", consequence: '"admin" (Administrator) is used instead' });
    expect(result.assessment.target.knowledge).toBe("catalog");
    expect(result.stdout).toContain("the shipped Odoo 17.0 catalog (a fresh Community database)");
  });

  it("lists the custom fields and reference records to create, and the columns left out on purpose", () => {
    const { assessment } = result;
    const plan = emitPlan(analyzeDirectory(PACKAGE));
    expect(assessment.customFields.map((field) => [`${field.model}.${field.name}`, field.status])).toEqual(
      plan.setup.customFields.map((field) => [`${field.model}.${field.name}`, "create"]),
    );
    expect(assessment.records.filter((record) => record.status !== "exists").map((record) => [record.xmlid, record.status])).toEqual([
      ["perfectbooks.crm_team_conveyancing", "create"],
    ]);
    expect(assessment.unused.columns.every((column) => column.why === "ignored")).toBe(true);
    expect(assessment.unused.columns.map((column) => `${column.entity}.${column.column}`)).toContain("Company.county");
    expect(assessment.apps.missing).toEqual([]);
    expect(assessment.apps.needed.map((app) => app.module)).toEqual(["base", "crm", "mail"]);
    expect(result.code).toBe(0);
  });
});

describe("flitmap plan against the Odoo test double", () => {
  let double: OdooDouble;
  let directory: { path: string; remove: () => void };
  let before: Awaited<ReturnType<typeof planJson>>;
  let after: Awaited<ReturnType<typeof planJson>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0", users: SEED.users.map((user) => ({ ...user, level: "user" as const })) });
    directory = temporaryDirectory();
    env = { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" };
    const snapshot = JSON.stringify(double.snapshot());
    before = await planJson(directory.path, PACKAGE, SAMPLE, env);
    // An assessment writes nothing.
    expect(JSON.stringify(double.snapshot())).toBe(snapshot);
    await runLive(emitPlan(analyzeDirectory(PACKAGE)), double, directory.path, { sourceDirectory: SAMPLE });
    after = await planJson(directory.path, PACKAGE, SAMPLE, env);
  }, 120_000);
  afterAll(async () => {
    await double.stop();
    directory.remove();
  });

  it("finds the staff among Odoo's users and names the former staff, with the rows that go to the administrator", async () => {
    const user = before.assessment.lookups.find((lookup) => lookup.lookup === "user");
    const formerOwners = MANIFEST.defects.filter(
      (defect) => defect.kind === "unknown_owner" && defect.column === "Owner Email" && !REJECTED_LINES.has(`${defect.file}:${defect.line}`),
    );
    expect(Object.fromEntries((user?.unmatched ?? []).map((entry) => [entry.value, entry.rows]))).toEqual(tally(formerOwners.map((defect) => defect.value)));
    expect(user?.unmatchedRows).toBe(formerOwners.length);
    // Every other owner named on a row that loads is a member of staff with an Odoo user.
    const { parse } = await import("csv-parse/sync");
    const rejectedKeys = new Set(REJECTED.map((defect) => `${defect.file}:${defect.key ?? ""}`));
    const owners: string[] = [];
    for (const [file, keyHeader] of [
      ["companies.csv", "Company ID"],
      ["contacts.csv", "Contact ID"],
      ["deals.csv", "Deal ID"],
      ["tasks.csv", "Task ID"],
    ] as const) {
      const rows = parse<Record<string, string>>(readFileSync(join(SAMPLE, file), "utf8"), { bom: true, columns: true });
      for (const row of rows)
        if (!rejectedKeys.has(`${file}:${row[keyHeader] ?? ""}`) && (row["Owner Email"] ?? "").trim() !== "") owners.push((row["Owner Email"] ?? "").trim());
    }
    const staff = owners.filter((owner) => SEED.users.some((seeded) => seeded.email === owner));
    expect(staff.length + formerOwners.length).toBe(owners.length);
    expect(user?.matchedRows).toBe(staff.length);
    expect(Object.fromEntries((user?.matched ?? []).map((entry) => [entry.value, entry.rows]))).toEqual(tally(staff));
    expect(user?.consequence).toBe('"admin" (Administrator) is used instead');
    const authors = before.assessment.lookups.find((lookup) => lookup.lookup === "author");
    const formerAuthors = MANIFEST.defects.filter((defect) => defect.kind === "unknown_owner" && defect.column === "Author Email");
    expect(Object.fromEntries((authors?.unmatched ?? []).map((entry) => [entry.value, entry.rows]))).toEqual(
      tally(formerAuthors.map((defect) => defect.value)),
    );
    expect(before.assessment.target.knowledge).toBe("server");
    expect(before.stdout).toContain(`the server: Odoo 17.0`);
  });

  it("says what the server already holds: before the first run nothing of the package, after it everything", () => {
    expect(before.assessment.customFields.filter((field) => field.status === "exists")).toEqual([]);
    expect(before.assessment.records.find((record) => record.name === "conveyancing")?.status).toBe("create");
    expect(before.assessment.records.find((record) => record.xmlid === "sales_team.team_sales_department")?.status).toBe("exists");
    expect(after.assessment.customFields.filter((field) => field.status !== "exists")).toEqual([]);
    expect(after.assessment.records.filter((record) => record.status !== "exists")).toEqual([]);
    expect(after.assessment.totals).toMatchObject({ customFieldsToCreate: 0, recordsToCreate: 0 });
    expect(before.assessment.apps.installed).toContain("crm");
    expect(before.code).toBe(0);
  });
});

describe("flitmap plan with personal columns", () => {
  let directory: { path: string; remove: () => void };
  let result: Awaited<ReturnType<typeof planJson>>;
  const personalBodies: string[] = [];
  const personalEmails: string[] = [];

  beforeAll(async () => {
    directory = temporaryDirectory();
    // The package marks a note's body and a contact's e-mail personal.
    const copy = join(directory.path, "package");
    cpSync(PACKAGE, copy, { recursive: true, filter: (path) => !path.startsWith(SAMPLE) });
    const migration = join(copy, "migration.flitmap");
    const marked = readFileSync(migration, "utf8")
      .replace(/(\n    body\s+"Body"\s+text)/, "$1 personal")
      .replace(/(\n    email\s+"Email"\s+text)/, "$1 personal");
    expect(marked.match(/ personal/g)).toHaveLength(2);
    writeFileSync(migration, marked);
    // A contact whose e-mail is not one: flagged, and the flag quotes the value.
    const source = join(directory.path, "sample");
    cpSync(SAMPLE, source, { recursive: true });
    const contacts = readFileSync(join(source, "contacts.csv"), "utf8").split("\n");
    const header = (contacts[0] ?? "").replace(/^\uFEFF/, "").split(",");
    const emailColumn = header.indexOf("Email");
    const third = (contacts[3] ?? "").split(",");
    third[emailColumn] = "jo.bloggs-at-example";
    contacts[3] = third.join(",");
    writeFileSync(join(source, "contacts.csv"), contacts.join("\n"));
    for (const line of contacts.slice(1)) {
      const value = line.split(",")[emailColumn]?.trim();
      if (value !== undefined && value !== "") personalEmails.push(value);
    }
    const notes = readFileSync(join(source, "notes.csv"), "utf8");
    // The rejected note's body (notes.csv line 24) must be masked in the reject example.
    const { parse } = await import("csv-parse/sync");
    const rows = parse<Record<string, string>>(notes, { bom: true, columns: true });
    for (const row of rows) if ((row["Body"] ?? "").length > 12) personalBodies.push(row["Body"] ?? "");
    result = await planJson(directory.path, copy, source);
  }, 60_000);
  afterAll(() => directory.remove());

  it("masks them in the reject examples, the value notes and every output", () => {
    const reject = result.assessment.rejects.groups.flatMap((group) => group.examples).find((example) => example.file === "notes.csv");
    expect(reject?.cells?.["body"]).toMatch(new RegExp(`^${MASK_PREFIX}\\d+›$`));
    expect(reject?.cells?.["author_email"]).toContain("@");
    const flagged = result.assessment.values.find((note) => note.step === "contact" && note.field === "email");
    expect(flagged?.examples[0]).toMatch(new RegExp(`^${MASK_PREFIX}\\d+› is not`));
    expect(result.assessment.masked).toBe(true);
    const outputs = [JSON.stringify(result.assessment), result.stdout, result.html];
    for (const output of outputs) {
      for (const value of [...personalEmails, ...personalBodies])
        expect(output.includes(value) || output.includes(JSON.stringify(value).slice(1, -1)), value).toBe(false);
      expect(output).toContain(MASK_PREFIX);
    }
  });
});

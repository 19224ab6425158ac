/**
 * The shipped Perfect Books mapping end to end on an export of a few thousand rows that the
 * generators write for the test (not the committed sample), against the Odoo 17.0 test double.
 * What the run should do is worked out here from the export itself, read with csv-parse, and from
 * its defects.json, following the mapping's README: which rows are rejected and why, how many of
 * each note the report holds, and what each record reads back as. Then a second run writes
 * nothing, and rolling both runs back leaves the double as it was before.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { readCsv, readManifest, readSeed, type Manifest, type ManifestDefect, type Row } from "../generators/helpers.js";
import { generateExport, htmlText, itRerunsUnchangedAndRollsBack, loadSample, OdooIndex, spread, utcOf, type LoadedSample } from "./support.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const ROWS = 2500;
const SEED = "flitmap-end-to-end";
const TIME_ZONE = "Europe/London";
/** Records of each kind checked field by field. */
const SAMPLE = 25;

type Values = Readonly<Record<string, string>>;

interface Export {
  readonly companies: ReadonlyMap<string, Row>;
  readonly contacts: ReadonlyMap<string, Row>;
  readonly links: readonly Row[];
  readonly stages: ReadonlyMap<string, Values>;
  readonly deals: ReadonlyMap<string, Row>;
  readonly notes: ReadonlyMap<string, Row>;
  readonly attachments: ReadonlyMap<string, Row>;
  readonly tasks: ReadonlyMap<string, Row>;
}

function readExport(folder: string): Export {
  const byKey = (file: string, column: string): Map<string, Row> =>
    new Map(readCsv(folder, file, ",", "utf-8").rows.map((row) => [row.values[column] ?? "", row]));
  return {
    companies: byKey("companies.csv", "Company ID"),
    contacts: byKey("contacts.csv", "Contact ID"),
    links: readCsv(folder, "contact_companies.csv", ",", "utf-8").rows,
    stages: new Map(readCsv(folder, "pipelines.csv", ",", "utf-8").rows.map((row) => [row.values["Stage Name"] ?? "", row.values])),
    deals: byKey("deals.csv", "Deal ID"),
    notes: byKey("notes.csv", "Note ID"),
    attachments: byKey("attachments.csv", "Attachment ID"),
    tasks: byKey("tasks.csv", "Task ID"),
  };
}

const cell = (row: Row | undefined, column: string): string => row?.values[column] ?? "";
/** What `| trim` makes of a value: ends trimmed, runs of spaces made one. */
const tidy = (value: string): string =>
  value
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();
/** dd/MM/yyyy as Odoo's date; an ISO date is read as it is. */
const isoDate = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : value.split("/").reverse().join("-"));
/** dd/MM/yyyy HH:mm as yyyy-MM-dd HH:mm. */
const localTime = (value: string): string => `${isoDate(value.slice(0, 10))}${value.slice(10)}`;
const money = (value: string): number => Number(value.replace(/[£,]/g, ""));
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where each row should end and what the run's report should count, from the export and its defect manifest. */
interface Expected {
  /** Reason by entity and line of the file. */
  readonly rejects: Record<string, Record<number, unknown>>;
  /** "step.field kind" → count. */
  readonly notes: Record<string, number>;
  /** Whether a parent record (Company, Contact, Deal) is in Odoo after the run. */
  loaded(type: string, id: string): boolean;
}

function expectedOutcome(source: Export, manifest: Manifest, folder: string): Expected {
  const defects = (kind: string, entity: string): ManifestDefect[] => manifest.defects.filter((defect) => defect.kind === kind && defect.entity === entity);
  const keys = (kind: string, entity: string): Set<string> => new Set(defects(kind, entity).map((defect) => defect.key ?? ""));
  const blankCompanies = keys("blank_required", "Company");
  const blankDeals = keys("blank_required", "Deal");
  const exists = (type: string, id: string): boolean =>
    (type === "Company" ? source.companies : type === "Contact" ? source.contacts : type === "Deal" ? source.deals : new Map()).has(id);
  const loaded = (type: string, id: string): boolean =>
    exists(type, id) && !(type === "Company" && blankCompanies.has(id)) && !(type === "Deal" && blankDeals.has(id));
  // A refusal names the row refused by its file and line, which the defect manifest has.
  const blankLine = (type: string, id: string): number | null | undefined => defects("blank_required", type).find((defect) => defect.key === id)?.line;
  const missing = (type: string, id: string): string => {
    const step = type.toLowerCase();
    if (!exists(type, id)) return `${step} "${id}" does not exist in the export`;
    const file = type === "Company" ? "companies.csv" : "deals.csv";
    return `${step} "${id}" was not loaded (its row, ${file} line ${blankLine(type, id) ?? "?"}, was rejected: '${type === "Company" ? "Company Name" : "Deal Name"}' is required and blank)`;
  };
  const noRecord = (type: string, id: string): string => `res_id: the value is empty, and this field requires one (${missing(type, id)})`;
  const isoValue = (value: string | undefined): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value ?? "");

  const rejects: Record<string, Record<number, unknown>> = { Company: {}, Deal: {}, Note: {}, Attachment: {}, Task: {} };
  for (const defect of defects("blank_required", "Company")) (rejects["Company"] ?? {})[defect.line ?? 0] = "'Company Name' is required and blank";
  for (const defect of defects("blank_required", "Deal")) (rejects["Deal"] ?? {})[defect.line ?? 0] = "'Deal Name' is required and blank";
  const badDueDates = new Map(defects("bad_date", "Task").map((defect) => [defect.key ?? "", defect.value ?? ""]));
  for (const [key, row] of source.tasks) {
    const badDue = badDueDates.get(key);
    const [type, id] = [cell(row, "Parent Type"), cell(row, "Parent ID")];
    // An ISO date in a dd/MM/yyyy column is not ambiguous: it is read.
    if (badDue !== undefined && !isoValue(badDue))
      (rejects["Task"] ?? {})[row.line] = expect.stringMatching(new RegExp(`^'Due Date': '${escapeRegExp(badDue)}' is not a date`));
    else if (!loaded(type, id)) (rejects["Task"] ?? {})[row.line] = noRecord(type, id);
  }
  for (const row of source.notes.values()) {
    const [type, id] = [cell(row, "Parent Type"), cell(row, "Parent ID")];
    if (!loaded(type, id)) (rejects["Note"] ?? {})[row.line] = noRecord(type, id);
  }
  const missingFiles = keys("missing_file", "Attachment");
  for (const [key, row] of source.attachments) {
    let [type, id] = [cell(row, "Parent Type"), cell(row, "Parent ID")];
    // A note's file goes on the note's record.
    if (type === "Note") [type, id] = [cell(source.notes.get(id), "Parent Type"), cell(source.notes.get(id), "Parent ID")];
    if (missingFiles.has(key))
      (rejects["Attachment"] ?? {})[row.line] = `datas: attachment '${cell(row, "Path")}' does not exist in the export folder ${folder}`;
    else if (!loaded(type, id)) (rejects["Attachment"] ?? {})[row.line] = noRecord(type, id);
  }
  const rejectedKeys = (entity: string, rows: ReadonlyMap<string, Row>): Set<string> =>
    new Set([...rows].filter(([, row]) => rejects[entity]?.[row.line] !== undefined).map(([key]) => key));
  const rejectedNotes = rejectedKeys("Note", source.notes);
  const rejectedTasks = rejectedKeys("Task", source.tasks);
  const rejectedAttachments = rejectedKeys("Attachment", source.attachments);

  const notes: Record<string, number> = {};
  const add = (name: string, count: number): void => {
    if (count > 0) notes[name] = (notes[name] ?? 0) + count;
  };
  const count = (kind: string, entity: string, keep: (defect: ManifestDefect) => boolean): number => defects(kind, entity).filter(keep).length;
  const companyLoaded = (defect: ManifestDefect): boolean => !blankCompanies.has(defect.key ?? "");
  const dealLoaded = (defect: ManifestDefect): boolean => !blankDeals.has(defect.key ?? "");
  // An owner with no Odoo user: the administrator, reported. An author with none: left empty, reported.
  add("company.user_id lookup-fallback", count("unknown_owner", "Company", companyLoaded));
  add(
    "contact.user_id lookup-fallback",
    count("unknown_owner", "Contact", () => true),
  );
  add("deal.user_id lookup-fallback", count("unknown_owner", "Deal", dealLoaded));
  add(
    "task.user_id lookup-fallback",
    count("unknown_owner", "Task", (defect) => !rejectedTasks.has(defect.key ?? "")),
  );
  add(
    "note.author_id lookup-missing",
    count("unknown_owner", "Note", (defect) => !rejectedNotes.has(defect.key ?? "")),
  );
  // A number or date typed by hand that is not one: the field is left empty, reported.
  const badNumber = (entity: string, column: string, kept: (defect: ManifestDefect) => boolean): number =>
    count("bad_number", entity, (defect) => defect.column === column && kept(defect));
  add("company.x_employee_count flagged", badNumber("Company", "Employees", companyLoaded));
  add("company.x_annual_revenue flagged", badNumber("Company", "Annual Revenue", companyLoaded));
  add("deal.expected_revenue flagged", badNumber("Deal", "Amount", dealLoaded));
  add("deal.probability flagged", badNumber("Deal", "Probability", dealLoaded));
  add("deal.x_deal_score flagged", badNumber("Deal", "deal_score", dealLoaded));
  add(
    "company.x_client_since flagged",
    count("bad_date", "Company", (defect) => companyLoaded(defect) && !isoValue(defect.value)),
  );
  add(
    "deal.date_deadline flagged",
    count("bad_date", "Deal", (defect) => dealLoaded(defect) && !isoValue(defect.value)),
  );
  // The closing date is written only for a deal in a won stage.
  const won = (key: string): boolean => source.stages.get(cell(source.deals.get(key), "Stage"))?.["Won"] === "yes";
  add(
    "deal.date_closed flagged",
    count("bad_date", "Deal", (defect) => dealLoaded(defect) && !isoValue(defect.value) && won(defect.key ?? "")),
  );
  // A link to a record that is not in Odoo: left empty, reported.
  for (const [key, row] of source.companies) {
    const parent = cell(row, "Parent Company ID");
    if (!blankCompanies.has(key) && parent !== "" && !loaded("Company", parent)) add("company.parent_id dangling-reference", 1);
  }
  const linksOf = new Map<string, Row[]>();
  for (const link of source.links) linksOf.set(cell(link, "Contact ID"), [...(linksOf.get(cell(link, "Contact ID")) ?? []), link]);
  for (const links of linksOf.values()) {
    const primary = links.find((link) => cell(link, "Is Primary") === "yes") ?? links[0];
    if (!loaded("Company", cell(primary, "Company ID"))) {
      add("contact.parent_id dangling-reference", 1);
      // The address is written only for a person without a company: its condition reads the same reference.
      for (const field of ["street", "city", "zip", "country_id"]) add(`contact.${field} dangling-reference`, 1);
    }
    for (const other of links.filter((link) => link !== primary))
      if (!loaded("Company", cell(other, "Company ID"))) add("contact.x_other_companies dangling-reference", 1);
  }
  for (const [key, row] of source.deals) {
    if (blankDeals.has(key)) continue;
    const [contact, company] = [cell(row, "Contact ID"), cell(row, "Company ID")];
    if (contact !== "" && exists("Contact", contact)) continue;
    if (contact !== "") add("deal.partner_id dangling-reference", 1);
    if (company !== "" && !loaded("Company", company)) add("deal.partner_id dangling-reference", 1);
  }
  for (const [key, row] of source.attachments) {
    const note = cell(row, "Parent ID");
    if (cell(row, "Parent Type") === "Note" && rejectedAttachments.has(key) && source.notes.has(note) && !rejectedNotes.has(note))
      add("note.attachment_ids dangling-reference", 1);
  }
  return { rejects, notes, loaded };
}

describe(`a generated Perfect Books export (--rows ${ROWS}) loaded into the Odoo 17.0 test double`, () => {
  let folder: ReturnType<typeof generateExport>;
  let manifest: Manifest;
  let source: Export;
  let expected: Expected;
  let plan: Plan;
  let sample: LoadedSample;
  let odoo: OdooIndex;
  let users: ReadonlySet<string>;

  beforeAll(async () => {
    folder = generateExport("perfectbooks", ROWS, SEED);
    manifest = readManifest(folder.path);
    source = readExport(folder.path);
    expected = expectedOutcome(source, manifest, folder.path);
    users = new Set(readSeed(folder.path).users.map((user) => user.email));
    plan = emitPlan(analyzeDirectory(PACKAGE, { seriesOverride: "17.0" }));
    sample = await loadSample(plan, folder.path);
    odoo = new OdooIndex(sample.double);
  }, 300_000);

  afterAll(async () => {
    folder.remove();
    await sample.close();
  });

  const xmlid = (name: string): string => `perfectbooks.${name}`;
  const idOf = (name: string): number | undefined => odoo.idOf(xmlid(name));
  /** The login of the user a record is assigned to: the owner's, the administrator's when the owner has no user, none when it has no owner. */
  const ownerLogin = (record: Record<string, unknown>): unknown => odoo.byId("res.users", record["user_id"])?.["login"] ?? null;
  const expectedOwner = (email: string): string | null => (email === "" ? null : users.has(email) ? email : "admin");
  const parentXmlid = (type: string, id: string): string => xmlid(`${type.toLowerCase()}_${id}`);
  const parentModel = (type: string): string => (type === "Deal" ? "crm.lead" : "res.partner");

  it("generates a few thousand rows with every kind of defect", () => {
    const rows = Object.values(manifest.entities).reduce((sum, entity) => sum + entity.rows, 0);
    expect(rows).toBeGreaterThan(3000);
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
  });

  it("accounts for every row of every entity: loaded, linked or rejected, as many as the export holds", () => {
    const { first } = sample;
    expect(first.status).toBe("complete");
    expect(first.reconciliationErrors).toEqual([]);
    for (const entity of first.entities) {
      expect(entity.loaded + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected, entity.entity).toBe(entity.read);
    }
    const table = (rows: number, rejected: number, linked = false): Record<string, number> => ({
      read: rows,
      loaded: linked ? 0 : rows - rejected,
      merged: 0,
      linked: linked ? rows : 0,
      skipped: 0,
      rejected,
      duplicates: 0,
      notSelected: 0,
    });
    const rows = (entity: string): number => manifest.entities[entity]?.rows ?? -1;
    const rejected = (entity: string): number => Object.keys(expected.rejects[entity] ?? {}).length;
    expect(Object.fromEntries(first.entities.map(({ entity, ...counts }) => [entity, counts]))).toEqual({
      Company: table(rows("Company"), rejected("Company")),
      Contact: table(rows("Contact"), 0),
      // Each link is folded into its contact.
      ContactCompany: table(rows("ContactCompany"), 0, true),
      Pipeline: table(rows("Pipeline"), 0),
      Deal: table(rows("Deal"), rejected("Deal")),
      Note: table(rows("Note"), rejected("Note")),
      Attachment: table(rows("Attachment"), rejected("Attachment")),
      Task: table(rows("Task"), rejected("Task")),
    });
    // The export read independently holds as many rows as the manifest says.
    expect([
      source.companies.size,
      source.contacts.size,
      source.links.length,
      source.deals.size,
      source.notes.size,
      source.attachments.size,
      source.tasks.size,
    ]).toEqual(["Company", "Contact", "ContactCompany", "Deal", "Note", "Attachment", "Task"].map(rows));
  });

  it("rejects exactly the rows the README says, each with its reason: blank names, impossible due dates, and chatter with no record", () => {
    const actual: Record<string, Record<number, string>> = { Company: {}, Deal: {}, Note: {}, Attachment: {}, Task: {} };
    for (const reject of sample.first.rejects) (actual[reject.entity] ??= {})[reject.line ?? 0] = reject.reason;
    expect(actual).toEqual(expected.rejects);
    // Every defect that loses its row is among them, counted from the manifest.
    const defects = (kind: string, entity: string): number => manifest.counts.byEntity[kind]?.[entity] ?? 0;
    expect(Object.keys(expected.rejects["Company"] ?? {})).toHaveLength(defects("blank_required", "Company"));
    expect(Object.keys(expected.rejects["Deal"] ?? {})).toHaveLength(defects("blank_required", "Deal"));
    expect(sample.first.rejects.filter((reject) => reject.reason.includes("does not exist in the export folder"))).toHaveLength(
      defects("missing_file", "Attachment"),
    );
  });

  it("reports every value it left empty or replaced, as many of each as the defects behind them", () => {
    const actual = Object.fromEntries(sample.first.notes.map((note) => [`${note.step}.${note.field} ${note.kind}`, note.count]));
    expect(actual).toEqual(expected.notes);
  });

  it("says of another company that is not in Odoo whether the export lacks it or its row was rejected", () => {
    const details = new Set<string>();
    for (const link of source.links) {
      const company = cell(link, "Company ID");
      if (cell(link, "Is Primary") === "yes" || expected.loaded("Company", company)) continue;
      details.add(
        source.companies.has(company)
          ? `the Company row with key "${company}" was rejected: 'Company Name' is required and blank (companies.csv line ${manifest.defects.find((defect) => defect.kind === "blank_required" && defect.entity === "Company" && defect.key === company)?.line ?? "?"})`
          : `no Company row has key "${company}"`,
      );
    }
    const examples = sample.first.notes.find((note) => note.step === "contact" && note.field === "x_other_companies")?.examples ?? [];
    expect(examples).toHaveLength(Math.min(5, expected.notes["contact.x_other_companies dangling-reference"] ?? 0));
    for (const example of examples) expect([...details]).toContain(example);
    expect(examples.some((example) => example.includes("was rejected"))).toBe(true);
  });

  it("reads back each contact with its name, e-mail, owner and primary company, and the other companies written out", () => {
    const linksOf = new Map<string, Row[]>();
    for (const link of source.links) linksOf.set(cell(link, "Contact ID"), [...(linksOf.get(cell(link, "Contact ID")) ?? []), link]);
    const withSeveral = [...source.contacts.values()].filter((row) => (linksOf.get(cell(row, "Contact ID"))?.length ?? 0) > 1);
    const checked = [...spread([...source.contacts.values()], SAMPLE), ...spread(withSeveral, 10)];
    for (const row of checked) {
      const key = cell(row, "Contact ID");
      const contact = odoo.get(xmlid(`contact_${key}`));
      const links = linksOf.get(key) ?? [];
      const primary = links.find((link) => cell(link, "Is Primary") === "yes");
      const primaryCompany = cell(primary, "Company ID");
      const others = links.filter((link) => link !== primary && expected.loaded("Company", cell(link, "Company ID")));
      expect(
        {
          name: contact["name"],
          email: contact["email"] || null,
          owner: ownerLogin(contact),
          company: odoo.byId("res.partner", contact["parent_id"])?.["name"] ?? null,
          parent_id: contact["parent_id"] || null,
          x_company_role: contact["x_company_role"] || null,
          x_other_companies: contact["x_other_companies"] || null,
          street: contact["street"] || null,
        },
        `contact ${key}`,
      ).toEqual({
        name: tidy(`${cell(row, "First Name")} ${cell(row, "Last Name")}`),
        email: tidy(cell(row, "Email")) || null,
        owner: expectedOwner(cell(row, "Owner Email")),
        company: expected.loaded("Company", primaryCompany) ? tidy(cell(source.companies.get(primaryCompany), "Company Name")) : null,
        parent_id: expected.loaded("Company", primaryCompany) ? (idOf(`company_${primaryCompany}`) ?? "missing") : null,
        x_company_role: cell(primary, "Role") || null,
        x_other_companies: others.map((link) => cell(source.companies.get(cell(link, "Company ID")), "Company Name")).join("; ") || null,
        // A person at a company has the company's address (Odoo copies it in when the company has
        // one); a person without a company has the address Perfect Books had.
        street: expected.loaded("Company", primaryCompany)
          ? odoo.byId("res.partner", contact["parent_id"])?.["street"] || null
          : tidy(cell(row, "Address Line 1")) || null,
      });
    }
  });

  it("reads back each company with its name, address, owner and parent company", () => {
    const loaded = [...source.companies.values()].filter((row) => expected.loaded("Company", cell(row, "Company ID")));
    for (const row of spread(loaded, SAMPLE)) {
      const key = cell(row, "Company ID");
      const company = odoo.get(xmlid(`company_${key}`));
      const parent = cell(row, "Parent Company ID");
      expect(
        {
          name: company["name"],
          street: company["street"],
          city: company["city"],
          zip: company["zip"],
          owner: ownerLogin(company),
          x_original_owner: company["x_original_owner"] || null,
          parent_id: company["parent_id"] || null,
          type: company["type"],
        },
        `company ${key}`,
      ).toEqual({
        name: tidy(cell(row, "Company Name")),
        street: tidy(cell(row, "Address Line 1")),
        city: tidy(cell(row, "City")),
        zip: cell(row, "Postcode"),
        owner: expectedOwner(cell(row, "Owner Email")),
        x_original_owner: cell(row, "Owner Email") || null,
        parent_id: parent !== "" && expected.loaded("Company", parent) ? (idOf(`company_${parent}`) ?? "missing") : null,
        type: parent === "" ? "contact" : "other",
      });
    }
  });

  it("reads back each deal with its stage, team, owner, customer and amount; a deal in a lost stage is archived", () => {
    const loaded = [...source.deals.values()].filter((row) => expected.loaded("Deal", cell(row, "Deal ID")));
    const badNumbers = new Set(manifest.defects.filter((defect) => defect.kind === "bad_number" && defect.entity === "Deal").map((defect) => defect.key));
    const lost = loaded.filter((row) => source.stages.get(cell(row, "Stage"))?.["Lost"] === "yes");
    expect(lost.length).toBeGreaterThan(0);
    for (const row of [...spread(loaded, SAMPLE), ...spread(lost, 5)]) {
      const key = cell(row, "Deal ID");
      const deal = odoo.get(xmlid(`deal_${key}`));
      const stage = odoo.byId("crm.stage", deal["stage_id"]);
      const [contact, company] = [cell(row, "Contact ID"), cell(row, "Company ID")];
      const customer =
        contact !== "" && source.contacts.has(contact)
          ? idOf(`contact_${contact}`)
          : company !== "" && expected.loaded("Company", company)
            ? idOf(`company_${company}`)
            : null;
      const pipelineStage = source.stages.get(cell(row, "Stage"));
      expect(
        {
          name: deal["name"],
          stage: stage?.["name"],
          team: deal["team_id"],
          type: deal["type"],
          active: deal["active"],
          owner: ownerLogin(deal),
          partner_id: deal["partner_id"] || null,
          expected_revenue: badNumbers.has(key) ? "unchecked" : deal["expected_revenue"] || 0,
        },
        `deal ${key}`,
      ).toEqual({
        name: tidy(cell(row, "Deal Name")),
        stage: cell(row, "Stage"),
        // The deal is in its pipeline's team, the one its stage belongs to.
        team: stage?.["team_id"],
        type: cell(row, "Qualification") === "Unqualified" ? "lead" : "opportunity",
        active: pipelineStage?.["Lost"] !== "yes",
        owner: expectedOwner(cell(row, "Owner Email")),
        partner_id: customer ?? null,
        expected_revenue: badNumbers.has(key) ? "unchecked" : cell(row, "Amount") === "" ? 0 : money(cell(row, "Amount")),
      });
    }
  });

  it("puts each note in the chatter of its company, contact or deal, by its author, at its date", () => {
    const authors = new Map(odoo.all("res.partner").map((partner) => [partner["id"], partner["email"]]));
    const loaded = [...source.notes.values()].filter((row) => expected.rejects["Note"]?.[row.line] === undefined);
    for (const row of spread(loaded, SAMPLE)) {
      const key = cell(row, "Note ID");
      const message = odoo.get(xmlid(`note_${key}`));
      const [type, id] = [cell(row, "Parent Type"), cell(row, "Parent ID")];
      const author = cell(row, "Author Email");
      const files = [...source.attachments.values()].filter(
        (attachment) =>
          cell(attachment, "Parent Type") === "Note" &&
          cell(attachment, "Parent ID") === key &&
          expected.rejects["Attachment"]?.[attachment.line] === undefined,
      );
      expect(
        {
          model: message["model"],
          res_id: message["res_id"],
          date: message["date"],
          body: htmlText(String(message["body"])),
          author: authors.get(message["author_id"]) ?? null,
          message_type: message["message_type"],
          attachments: [...((message["attachment_ids"] as number[] | undefined) ?? [])].sort(),
        },
        `note ${key}`,
      ).toEqual({
        model: parentModel(type),
        res_id: odoo.idOf(parentXmlid(type, id)),
        date: utcOf(localTime(cell(row, "Created")), TIME_ZONE),
        body: cell(row, "Body").trim(),
        author: users.has(author) ? author : null,
        message_type: "comment",
        attachments: files.map((attachment) => idOf(`attachment_${cell(attachment, "Attachment ID")}`)).sort(),
      });
    }
  });

  it("attaches each file's bytes to the record it belongs to, a note's file to the note's record", () => {
    const loaded = [...source.attachments.values()].filter((row) => expected.rejects["Attachment"]?.[row.line] === undefined);
    expect(loaded.some((row) => cell(row, "Parent Type") === "Note")).toBe(true);
    for (const row of loaded) {
      const key = cell(row, "Attachment ID");
      const attachment = odoo.get(xmlid(`attachment_${key}`));
      let [type, id] = [cell(row, "Parent Type"), cell(row, "Parent ID")];
      if (type === "Note") [type, id] = [cell(source.notes.get(id), "Parent Type"), cell(source.notes.get(id), "Parent ID")];
      expect(
        { name: attachment["name"], mimetype: attachment["mimetype"], res_model: attachment["res_model"], res_id: attachment["res_id"] },
        `attachment ${key}`,
      ).toEqual({ name: cell(row, "File Name"), mimetype: cell(row, "Content Type"), res_model: parentModel(type), res_id: odoo.idOf(parentXmlid(type, id)) });
      const bytes = readFileSync(join(folder.path, cell(row, "Path")));
      expect(bytes.length, `attachment ${key}`).toBe(Number(cell(row, "Size")));
      expect(Buffer.from(String(attachment["datas"]), "base64").equals(bytes), `attachment ${key}`).toBe(true);
    }
  });

  it("schedules each task on its record for its owner; a done task is archived with the day it was done", () => {
    const models = new Map(odoo.all("ir.model").map((model) => [model["id"], model["model"]]));
    const loaded = [...source.tasks.values()].filter((row) => expected.rejects["Task"]?.[row.line] === undefined);
    for (const row of spread(loaded, SAMPLE)) {
      const key = cell(row, "Task ID");
      const activity = odoo.get(xmlid(`task_${key}`));
      const [type, id] = [cell(row, "Parent Type"), cell(row, "Parent ID")];
      const done = cell(row, "Status") === "Done";
      expect(
        {
          model: models.get(activity["res_model_id"]),
          res_id: activity["res_id"],
          summary: activity["summary"],
          date_deadline: activity["date_deadline"],
          owner: ownerLogin(activity),
          active: activity["active"],
          date_done: activity["date_done"] || null,
        },
        `task ${key}`,
      ).toEqual({
        model: parentModel(type),
        res_id: odoo.idOf(parentXmlid(type, id)),
        summary: tidy(cell(row, "Subject")),
        date_deadline: isoDate(cell(row, "Due Date")),
        owner: expectedOwner(cell(row, "Owner Email")),
        active: !done,
        date_done: done ? isoDate(cell(row, "Completed At").slice(0, 10)) : null,
      });
    }
  });

  itRerunsUnchangedAndRollsBack(() => ({ sample, plan }));
});

/**
 * The shipped Perfect Books mapping, checked and run end to end on its shipped sample export
 * against the Odoo test double: every defect the sample generator planted (defects.json) must end
 * where the mapping's README says it ends, and every row must be accounted for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import { loadSample, readDefects, type LoadedSample, type SampleDefect as Defect } from "./support.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");

const DEFECTS = readDefects(SAMPLE).defects;

function compile(series: string, settings: Record<string, string> = {}): Plan {
  return emitPlan(analyzeDirectory(PACKAGE, { seriesOverride: series, settings }));
}

describe("the Perfect Books mapping", () => {
  for (const series of ["17.0", "18.0", "19.0"]) {
    for (const links of ["text", "categories"]) {
      it(`checks clean against Odoo ${series} with secondary_links=${links}`, () => {
        const analysis = analyzeDirectory(PACKAGE, { seriesOverride: series, settings: { secondary_links: links } });
        expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code} ${diagnostic.message}`)).toEqual(
          [],
        );
      });
    }
  }

  it("passes its own test blocks", async () => {
    const results = await runPlanTests(compile("17.0"), SAMPLE);
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((result) => result.failures.length > 0)).toEqual([]);
  });
});

for (const series of ["17.0", "19.0"] as const) {
  describe(`the Perfect Books sample loaded into the Odoo ${series} test double`, () => {
    let sample: LoadedSample;
    let plan: Plan;

    beforeAll(async () => {
      plan = compile(series);
      sample = await loadSample(plan, SAMPLE);
    }, 120_000);

    afterAll(async () => {
      await sample.close();
    });

    const record = (xmlid: string): Record<string, unknown> => sample.record(xmlid);
    const rejectAt = (file: string, line: number): string | undefined => sample.rejectAt(file, line);
    const noteExamples = (step: string, field: string, kind: string): string[] => sample.noteExamples(step, field, kind);

    it("accounts for every row: loaded, linked, skipped or rejected with a reason", () => {
      expect(sample.first.status).toBe("complete");
      for (const entity of sample.first.entities) {
        expect(entity.loaded + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected, entity.entity).toBe(entity.read);
      }
      expect(Object.fromEntries(sample.first.entities.map((entity) => [entity.entity, entity.read]))).toEqual({
        Company: 36,
        Contact: 75,
        ContactCompany: 79,
        Pipeline: 11,
        Deal: 45,
        Note: 54,
        Attachment: 9,
        Task: 81,
      });
      expect(sample.first.rejects.every((reject) => reject.reason.length > 10)).toBe(true);
    });

    it("rejects a row whose required value is blank, naming the column", () => {
      for (const defect of DEFECTS.filter((candidate) => candidate.kind === "blank_required")) {
        // A contact without a last name still has a first name: only a blank name loses the row.
        if (defect.column === "Last Name") {
          expect(record(`contact_${defect.key ?? ""}`)["name"]).not.toBe("");
          continue;
        }
        expect(rejectAt(defect.file, defect.line), `${defect.file}:${defect.line}`).toBe(`'${defect.column}' is required and blank`);
      }
    });

    it("keeps a record whose typed-by-hand number or date is wrong, leaving that field empty and reported", () => {
      expect(record("company_1031")["x_employee_count"]).toBe(0);
      expect(noteExamples("company", "x_employee_count", "flagged")).toEqual(["'abc' is not a number with a decimal point"]);
      expect(record("company_1094")["x_client_since"]).toBe(false);
      expect(record("deal_1022")["date_deadline"]).toBe(false);
      expect(record("deal_1076")["probability"]).not.toBe(12.5);
      // An ISO date in a dd/MM/yyyy column is not ambiguous: it is read.
      expect(record("deal_1121")["date_deadline"]).toBe("2024-05-17");
    });

    it("rejects a task whose due date is impossible: Odoo needs one", () => {
      expect(rejectAt("tasks.csv", 23)).toContain("'Due Date': '00/00/0000' is not a date");
      expect(rejectAt("tasks.csv", 57)).toContain("no month 13");
    });

    it("assigns a record whose owner has no Odoo user to the administrator, and keeps the original owner", () => {
      const company = record("company_1082");
      expect(company["user_id"]).toBe("base.user_admin");
      expect(company["x_original_owner"]).toBe("ella.cox@harringtoncole.co.uk");
      expect(noteExamples("company", "user_id", "lookup-fallback").join(" ")).toContain("ella.cox@harringtoncole.co.uk");
      expect(record("company_1004")["user_id"]).not.toBe("base.user_admin");
    });

    it("leaves a dangling reference empty and reported, and rejects chatter that would have no record", () => {
      expect(record("company_1025")["parent_id"]).toBeNull();
      expect(noteExamples("company", "parent_id", "dangling-reference")).toEqual(['company "1014" does not exist in the export']);
      expect(rejectAt("notes.csv", 24)).toContain('contact "1023" does not exist in the export');
      expect(rejectAt("tasks.csv", 47)).toContain('deal "1050" does not exist in the export');
      expect(rejectAt("attachments.csv", 8)).toContain('deal "1023" does not exist in the export');
    });

    it("rejects an attachment whose file is missing from the export", () => {
      expect(rejectAt("attachments.csv", 2)).toContain("does not exist in the export folder");
    });

    it("collapses a contact's several companies: the primary is the parent, the others are written out", () => {
      for (const defect of DEFECTS.filter((candidate) => candidate.kind === "multi_company_contact")) {
        const contact = record(`contact_${defect.key ?? ""}`);
        expect(contact["parent_id"], defect.key).toMatch(/^perfectbooks\.company_/);
        const others = String(contact["x_other_companies"] || "");
        const expectedOthers = Number(defect.detail?.["companies"]) - 1;
        // A link to a company missing from the export is reported, not written.
        expect(others.split("; ").filter((name) => name !== "").length, defect.key).toBeLessThanOrEqual(expectedOthers);
        expect(others.length, defect.key).toBeGreaterThan(0);
      }
    });

    it("trims stray whitespace and keeps line breaks inside quoted values", () => {
      expect(record("company_1022")["street"]).toBe("229 York Road");
      expect(record("contact_1010")["email"]).toBe("rachel.webb@masondental.uk");
    });

    it("keeps a subsidiary's own address: Odoo would give a contact-type child its parent's", () => {
      const subsidiary = record("company_1082");
      expect(subsidiary["parent_id"]).toBe("perfectbooks.company_1022");
      expect(subsidiary["type"]).toBe("other");
      expect(subsidiary["street"]).toBe("Unit 1\n117 Old Bailey");
      expect(record("company_1022")["type"]).toBe("contact");
      // A person shares the company's address; the one Perfect Books had is kept beside it.
      expect(record("contact_1004")["x_own_address"]).toBe("72 Station Road, CF16 6ZJ, Cardiff");
    });

    it("puts notes, files and tasks on the record they belong to", () => {
      const lead = sample.double.records("crm.lead").length;
      expect(lead).toBe(44);
      const messages = sample.double.records("mail.message").filter((message) => message["message_type"] === "comment");
      expect(messages).toHaveLength(53);
      for (const message of messages) expect(["res.partner", "crm.lead"]).toContain(message["model"]);
      const attachments = sample.double
        .records("ir.attachment")
        .filter((attachment) => attachment["res_model"] !== undefined && attachment["res_field"] === undefined);
      expect(attachments.filter((attachment) => attachment["res_id"] !== 0).length).toBeGreaterThanOrEqual(7);
      const activities = sample.double.records("mail.activity");
      expect(activities).toHaveLength(78);
      expect(activities.filter((activity) => activity["active"] === false).length).toBeGreaterThan(50);
    });

    it("a second run writes nothing", async () => {
      const again = await sample.rerun();
      expect(again.steps.map((step) => [step.step, step.created, step.updated])).toEqual(plan.steps.map((step) => [step.id, 0, 0]));
    }, 120_000);
  });
}
